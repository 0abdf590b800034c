"""The store's tables (one per kind of fact, foreign keys, no paths or offsets in keys) and its graph view.

Facts are rows of named tables; the graph (typed nodes and edges with provenance) is a view over them,
described once here by NODES and EDGES and used both for whole-graph reads (exports) and for indexed
lookups around some nodes (neighbourhoods, paths). Node keys are `Type:<primary key>`.
"""
from __future__ import annotations

from dataclasses import dataclass

SCHEMA_VERSION = 6

TABLES = """
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
-- One row per distinct content (a byte copy under another path is the same document).
CREATE TABLE IF NOT EXISTS documents(
  id TEXT PRIMARY KEY,                       -- the record id: the first 16 hex digits of the bytes' sha256
  sha256 TEXT NOT NULL UNIQUE,
  pipeline_version TEXT NOT NULL,
  kind TEXT NOT NULL, doc_type TEXT, doc_number TEXT, title TEXT, issuer TEXT, date TEXT, year INTEGER,
  effective_from TEXT, effective_to TEXT, jurisdiction TEXT,
  recipients TEXT, cc TEXT,                  -- JSON lists, as written
  title_key TEXT NOT NULL DEFAULT '', number_key TEXT NOT NULL DEFAULT '',
  ingested_at REAL NOT NULL, record TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS documents_title_key ON documents(title_key);
CREATE INDEX IF NOT EXISTS documents_number_key ON documents(number_key);
CREATE INDEX IF NOT EXISTS documents_type_year ON documents(doc_type, year);
CREATE INDEX IF NOT EXISTS documents_year ON documents(year);
-- Every path a document's bytes were found at (the path is an alias, never the identity).
CREATE TABLE IF NOT EXISTS sources(
  path TEXT PRIMARY KEY,
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  added_at REAL NOT NULL);
CREATE INDEX IF NOT EXISTS sources_document ON sources(document_id);
CREATE TABLE IF NOT EXISTS agencies(
  name TEXT PRIMARY KEY,                     -- the canonical name
  tagged INTEGER NOT NULL DEFAULT 0);        -- 1: named so by the tagger; 0: as written, or added by linking
-- Each written form of an agency in a document (its aliases), normalised for lookup.
CREATE TABLE IF NOT EXISTS mentions(
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  agency TEXT NOT NULL REFERENCES agencies(name),
  text TEXT NOT NULL, norm TEXT NOT NULL, page INTEGER, start INTEGER, "end" INTEGER);
CREATE INDEX IF NOT EXISTS mentions_document ON mentions(document_id);
CREATE INDEX IF NOT EXISTS mentions_agency ON mentions(agency);
CREATE INDEX IF NOT EXISTS mentions_norm ON mentions(norm);
-- Who issued a document, whom it is sent or copied to, who co-handled a reply.
CREATE TABLE IF NOT EXISTS document_agencies(
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  agency TEXT NOT NULL REFERENCES agencies(name),
  relation TEXT NOT NULL CHECK(relation IN ('issued_by', 'sent_to', 'cc', 'co_handled_by')),
  page INTEGER, start INTEGER, "end" INTEGER);
CREATE INDEX IF NOT EXISTS document_agencies_document ON document_agencies(document_id);
CREATE INDEX IF NOT EXISTS document_agencies_agency ON document_agencies(agency, relation);
CREATE TABLE IF NOT EXISTS measures(
  id TEXT PRIMARY KEY,                       -- <document id>/m<n>: the n-th measure of the document
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL, label TEXT NOT NULL, title TEXT, parent_label TEXT, parent_title TEXT,
  truncated INTEGER NOT NULL DEFAULT 0, collectives TEXT,    -- JSON list of 各镇街-like units
  page INTEGER, start INTEGER, "end" INTEGER);
CREATE INDEX IF NOT EXISTS measures_document ON measures(document_id);
CREATE TABLE IF NOT EXISTS responsible_units(
  measure_id TEXT NOT NULL REFERENCES measures(id) ON DELETE CASCADE,
  agency TEXT NOT NULL REFERENCES agencies(name),
  role TEXT CHECK(role IN ('lead', 'cooperating')),
  page INTEGER, start INTEGER, "end" INTEGER,
  PRIMARY KEY(measure_id, agency));
CREATE INDEX IF NOT EXISTS responsible_units_agency ON responsible_units(agency);
-- Money (amounts in fen: hundredths of the currency unit, exact integers) and rates.
CREATE TABLE IF NOT EXISTS amounts(
  id TEXT PRIMARY KEY,                       -- <document id>/a<n>
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  measure_id TEXT REFERENCES measures(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK(kind IN ('money', 'rate')),
  text TEXT NOT NULL, amount_fen INTEGER, amount_max_fen INTEGER, currency TEXT,
  rate TEXT, value TEXT,                     -- rates as exact decimals written as text ('0.5')
  approx INTEGER NOT NULL DEFAULT 0, role TEXT, scope TEXT, rule TEXT,
  page INTEGER, start INTEGER, "end" INTEGER);
CREATE INDEX IF NOT EXISTS amounts_document ON amounts(document_id);
CREATE INDEX IF NOT EXISTS amounts_measure ON amounts(measure_id, role);
CREATE INDEX IF NOT EXISTS amounts_role ON amounts(role, amount_fen);
-- schema 6: the caps question (role and kind, the document's first copy, its order) read from the index alone
CREATE INDEX IF NOT EXISTS amounts_caps ON amounts(role, kind, document_id, amount_fen, text, page, start, id);
CREATE TABLE IF NOT EXISTS proposals(
  id TEXT PRIMARY KEY,                       -- <session with its jurisdiction>#<number>, or title:<title key>
  number TEXT, session TEXT, title TEXT, category TEXT);
CREATE INDEX IF NOT EXISTS proposals_number ON proposals(number);
CREATE TABLE IF NOT EXISTS replies(
  document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
  proposal_id TEXT NOT NULL REFERENCES proposals(id),
  category TEXT, session_written TEXT,
  page INTEGER, start INTEGER, "end" INTEGER,
  session_page INTEGER, session_start INTEGER, session_end INTEGER);
CREATE INDEX IF NOT EXISTS replies_proposal ON replies(proposal_id);
CREATE TABLE IF NOT EXISTS proposers(
  proposal_id TEXT NOT NULL REFERENCES proposals(id),
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  name TEXT NOT NULL, jurisdiction TEXT NOT NULL DEFAULT '',
  page INTEGER, start INTEGER, "end" INTEGER);
CREATE INDEX IF NOT EXISTS proposers_proposal ON proposers(proposal_id);
CREATE INDEX IF NOT EXISTS proposers_document ON proposers(document_id);
CREATE TABLE IF NOT EXISTS responses(
  id TEXT PRIMARY KEY,                       -- <document id>/r<n>
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL, label TEXT NOT NULL, suggestion TEXT, status TEXT, rule TEXT,
  page INTEGER, start INTEGER, "end" INTEGER);
CREATE INDEX IF NOT EXISTS responses_document ON responses(document_id);
-- What a document cites, as written (title and/or doc number, with their lookup keys).
CREATE TABLE IF NOT EXISTS citations(
  id TEXT PRIMARY KEY,                       -- <document id>/c<n>
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  text TEXT NOT NULL, title TEXT, doc_number TEXT,
  title_key TEXT NOT NULL DEFAULT '', number_key TEXT NOT NULL DEFAULT '',
  page INTEGER, start INTEGER, "end" INTEGER);
CREATE INDEX IF NOT EXISTS citations_document ON citations(document_id);
CREATE INDEX IF NOT EXISTS citations_title_key ON citations(title_key);
CREATE INDEX IF NOT EXISTS citations_number_key ON citations(number_key);
-- What linking needs of each document, derived once when it is stored (pipeline/graph/build.py).
CREATE TABLE IF NOT EXISTS link_inputs(
  document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
  date TEXT, jurisdiction TEXT, title TEXT, title_key TEXT NOT NULL DEFAULT '', series_key TEXT NOT NULL DEFAULT '',
  number_key TEXT NOT NULL DEFAULT '', kind TEXT, figures TEXT, effective_from TEXT, effective_to TEXT,
  subject TEXT, genre TEXT,
  signature BLOB NOT NULL);                  -- MinHash signature of the normalised text (uint64 slots)
CREATE INDEX IF NOT EXISTS link_inputs_number ON link_inputs(number_key);
CREATE INDEX IF NOT EXISTS link_inputs_title ON link_inputs(title_key);
CREATE INDEX IF NOT EXISTS link_inputs_place ON link_inputs(jurisdiction, date);
CREATE TABLE IF NOT EXISTS lsh_bands(
  band INTEGER NOT NULL, bucket BLOB NOT NULL,
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  PRIMARY KEY(band, bucket, document_id));
CREATE INDEX IF NOT EXISTS lsh_bands_document ON lsh_bands(document_id);
-- Each alias an AGENCY mention gives its agency (the body's current full name), in text order.
CREATE TABLE IF NOT EXISTS agency_names(
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL, agency TEXT NOT NULL, place TEXT NOT NULL DEFAULT '',
  alias TEXT NOT NULL, rule TEXT, detail TEXT,
  PRIMARY KEY(document_id, seq));
CREATE INDEX IF NOT EXISTS agency_names_agency ON agency_names(agency);
-- Titles and doc numbers a document cites, found in its text, and what linking resolved each to.
CREATE TABLE IF NOT EXISTS found_citations(
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL, kind TEXT NOT NULL, key TEXT NOT NULL, text TEXT NOT NULL, subject TEXT, genre TEXT,
  cue TEXT, page INTEGER, start INTEGER, "end" INTEGER,
  target_id TEXT REFERENCES documents(id) ON DELETE SET NULL, resolution TEXT, score REAL,
  linked INTEGER NOT NULL DEFAULT 0,         -- 1 once linking has looked for its target
  PRIMARY KEY(document_id, seq));
CREATE INDEX IF NOT EXISTS found_citations_key ON found_citations(kind, key);
CREATE INDEX IF NOT EXISTS found_citations_target ON found_citations(target_id);
-- The text a measure is compared in for follow-through (title and body, simplified).
CREATE TABLE IF NOT EXISTS measure_texts(
  measure_id TEXT PRIMARY KEY REFERENCES measures(id) ON DELETE CASCADE, text TEXT NOT NULL,
  words TEXT NOT NULL);                      -- its content words (policy_words), space-separated
-- What a reply's follow-through is ranked for: its proposal (seq 0: the whole reply) and each answered
-- section, in the text they are compared in, with its content words (policy_words), space-separated.
CREATE TABLE IF NOT EXISTS reply_queries(
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL, label TEXT,          -- the section's label; NULL: the proposal
  response_id TEXT,                          -- the response the section is (NULL: the proposal)
  text TEXT NOT NULL, words TEXT NOT NULL,
  PRIMARY KEY(document_id, seq));
-- Documents stored or removed since linking last completed, with what their removal touches.
CREATE TABLE IF NOT EXISTS link_changes(
  document_id TEXT PRIMARY KEY, present INTEGER NOT NULL DEFAULT 1,
  touches TEXT);                             -- JSON of a removed version: look-alikes, agencies, places of measures
-- Written by linking (pipeline/graph/linked.py).
CREATE TABLE IF NOT EXISTS similar_pairs(
  a TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,     -- the earlier of the two
  b TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  jaccard REAL NOT NULL, same_notice INTEGER NOT NULL, conflict TEXT,
  PRIMARY KEY(a, b));
CREATE INDEX IF NOT EXISTS similar_pairs_b ON similar_pairs(b);
CREATE TABLE IF NOT EXISTS reposts(
  document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
  original_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  rule TEXT, jaccard REAL);
CREATE INDEX IF NOT EXISTS reposts_original ON reposts(original_id);
CREATE TABLE IF NOT EXISTS supersessions(
  newer_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  older_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  rules TEXT NOT NULL,                       -- JSON list of the linking rules that agree
  details TEXT,                              -- JSON object of their evidence (jaccard, ...)
  page INTEGER, start INTEGER, "end" INTEGER,
  PRIMARY KEY(newer_id, older_id));
CREATE INDEX IF NOT EXISTS supersessions_older ON supersessions(older_id);
CREATE TABLE IF NOT EXISTS agency_aliases(
  alias TEXT NOT NULL, jurisdiction TEXT NOT NULL DEFAULT '',
  agency TEXT NOT NULL REFERENCES agencies(name),
  rule TEXT, detail TEXT, document_id TEXT,
  PRIMARY KEY(alias, jurisdiction, agency));
CREATE INDEX IF NOT EXISTS agency_aliases_agency ON agency_aliases(agency);
-- From a reply (its proposal, or one of its responses) to later measures acting on it.
CREATE TABLE IF NOT EXISTS followups(
  reply_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  response_id TEXT REFERENCES responses(id) ON DELETE CASCADE,    -- NULL: the proposal as a whole
  measure_id TEXT NOT NULL REFERENCES measures(id) ON DELETE CASCADE,
  rank INTEGER NOT NULL, score REAL NOT NULL, evidence TEXT, rule TEXT);
CREATE INDEX IF NOT EXISTS followups_reply ON followups(reply_id);
CREATE INDEX IF NOT EXISTS followups_response ON followups(response_id);
CREATE INDEX IF NOT EXISTS followups_measure ON followups(measure_id);
CREATE TABLE IF NOT EXISTS failures(path TEXT PRIMARY KEY, sha256 TEXT, pipeline_version TEXT,
                                    reason TEXT NOT NULL, at REAL NOT NULL);
"""

# Full-text search (pipeline/graph/search_index.py keeps it current): one FTS5 table per kind of thing found,
# its rowid the rowid of the thing's row, its columns the jieba terms of the simplified text parted by spaces
# (pipeline/graph/fulltext.py): `name` (title, doc number, canonical name) weighs more than `body`.
SEARCH = """
CREATE VIRTUAL TABLE IF NOT EXISTS search_documents USING fts5(name, body, tokenize='unicode61 remove_diacritics 0');
CREATE VIRTUAL TABLE IF NOT EXISTS search_measures USING fts5(name, body, tokenize='unicode61 remove_diacritics 0');
CREATE VIRTUAL TABLE IF NOT EXISTS search_proposals USING fts5(name, body, tokenize='unicode61 remove_diacritics 0');
CREATE VIRTUAL TABLE IF NOT EXISTS search_agencies USING fts5(names UNINDEXED, name, body,
  tokenize='unicode61 remove_diacritics 0');
"""

# The same on PostgreSQL: each kind's text as a tsvector the store makes from the same terms (search_index.py:
# `name` weighted A, `body` D; positions as FTS5 counts them), indexed by GIN; `rowid` as in SQLite. The
# lengths (in terms) are what BM25 ranks by, as FTS5 does.
SEARCH_PG = """
CREATE TABLE IF NOT EXISTS search_documents(rowid BIGINT PRIMARY KEY, name TEXT, body TEXT, terms tsvector NOT NULL,
  size INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS search_measures(rowid BIGINT PRIMARY KEY, name TEXT, body TEXT, terms tsvector NOT NULL,
  size INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS search_proposals(rowid BIGINT PRIMARY KEY, name TEXT, body TEXT, terms tsvector NOT NULL,
  size INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS search_agencies(rowid BIGINT PRIMARY KEY, names TEXT, name TEXT, body TEXT,
  terms tsvector NOT NULL, size INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS search_documents_terms ON search_documents USING gin(terms);
CREATE INDEX IF NOT EXISTS search_measures_terms ON search_measures USING gin(terms);
CREATE INDEX IF NOT EXISTS search_proposals_terms ON search_proposals USING gin(terms);
CREATE INDEX IF NOT EXISTS search_agencies_terms ON search_agencies USING gin(terms);
"""

# The change log (schema 5: pipeline/graph/runs.py writes it, pipeline/graph/changes.py says what changed): every
# ingest run, each fact it changed with provenance, and the linking facts the last report saw.
CHANGE_LOG = """
CREATE TABLE IF NOT EXISTS runs(
  id INTEGER PRIMARY KEY AUTOINCREMENT,      -- never reused, so a run number names one run for good
  started_at REAL NOT NULL, finished_at REAL,
  status TEXT NOT NULL CHECK(status IN ('running', 'complete', 'interrupted')),
  carried_to INTEGER,                        -- an interrupted run: the run whose report holds its changes
  pid INTEGER, inputs TEXT NOT NULL,         -- JSON list of the paths given
  options TEXT,                              -- JSON object: prune, force, link
  pipeline_version TEXT NOT NULL, policykg_version TEXT,
  added INTEGER, updated INTEGER, unchanged INTEGER, aliases INTEGER, pruned INTEGER, failed INTEGER,
  failures TEXT,                             -- JSON object: path -> reason
  linked INTEGER NOT NULL DEFAULT 0);
-- One changed fact, written in the transaction that changed it; a report shows a run's rows once it is complete.
CREATE TABLE IF NOT EXISTS run_changes(
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  document_id TEXT NOT NULL,                 -- the document it is reported under (it may since have gone)
  document TEXT,                             -- that document's title (or doc number, or path) then
  kind TEXT NOT NULL,                        -- pipeline/graph/changes.py KINDS
  measure_id TEXT, measure_label TEXT, measure_title TEXT,
  field TEXT, old TEXT, new TEXT,            -- old and new values as JSON
  detail TEXT,                               -- JSON object
  source_id TEXT, page INTEGER, start INTEGER, "end" INTEGER);  -- provenance: document, page, span
CREATE INDEX IF NOT EXISTS run_changes_run ON run_changes(run_id, document_id);
-- The supersessions and follow-up links as the last report saw them, under the ids of the documents,
-- measures and responses that have replaced theirs since: what the next linking is compared with.
CREATE TABLE IF NOT EXISTS reported_links(
  kind TEXT NOT NULL CHECK(kind IN ('supersedes', 'followup')),
  a TEXT NOT NULL, b TEXT NOT NULL, c TEXT NOT NULL,   -- newer, older, '' | reply, response or '', measure
  PRIMARY KEY(kind, a, b, c));
CREATE INDEX IF NOT EXISTS reported_links_b ON reported_links(b);
CREATE INDEX IF NOT EXISTS reported_links_c ON reported_links(c);
"""

VIEWS = """
CREATE VIEW IF NOT EXISTS caps AS
  SELECT a.id, a.amount_fen, a.amount_max_fen, a.currency, a.text, a.rate, a.scope, a.rule,
         a.measure_id, m.label AS measure, m.title AS measure_title,
         a.document_id, d.doc_number, d.title AS document, d.date, d.effective_from, d.effective_to,
         a.page, a.start, a."end"
  FROM amounts a JOIN documents d ON d.id = a.document_id LEFT JOIN measures m ON m.id = a.measure_id
  WHERE a.kind = 'money' AND a.role = 'cap';
-- What each document cites, one row per stored target (or unresolved key), its first citation's details.
CREATE VIEW IF NOT EXISTS citation_links AS
  SELECT document_id, target_id, CASE WHEN target_id IS NULL THEN target END AS cited_key, text, kind,
         resolution, score, cue, json_group_array(json_array(start, "end")) AS spans, page, min(seq) AS seq,
         start, "end"
  FROM (SELECT f.*, coalesce(f.target_id, CASE f.kind WHEN 'title' THEN 't:' ELSE 'n:' END || f.key) AS target
        FROM found_citations f WHERE f.linked = 1 ORDER BY f.document_id, f.seq)
  GROUP BY document_id, target;
CREATE VIEW IF NOT EXISTS aliases AS
  SELECT DISTINCT agency, text AS alias, 'mention' AS source FROM mentions
  UNION SELECT agency, alias, coalesce(rule, 'linking') FROM agency_aliases;
-- A document that is a repost counts once: its first copy stands for it.
CREATE VIEW IF NOT EXISTS notices AS
  SELECT d.* FROM documents d WHERE d.id NOT IN (SELECT document_id FROM reposts);
"""

# The views on PostgreSQL: citation_links takes its first citation's details by DISTINCT ON (SQLite takes
# them from the row of min(seq)), its spans in text order.
_CITED_TARGET = "coalesce(target_id, CASE kind WHEN 'title' THEN 't:' ELSE 'n:' END || key)"
VIEWS_PG = VIEWS.split("-- What each document cites")[0] + f"""
CREATE VIEW IF NOT EXISTS citation_links AS
  SELECT f.document_id, f.target_id, CASE WHEN f.target_id IS NULL THEN f.target END AS cited_key, f.text, f.kind,
         f.resolution, f.score, f.cue, s.spans, f.page, f.seq, f.start, f."end"
  FROM (SELECT DISTINCT ON (document_id, target) *
        FROM (SELECT *, {_CITED_TARGET} AS target FROM found_citations WHERE linked = 1) t
        ORDER BY document_id, target, seq) f
  JOIN (SELECT document_id, {_CITED_TARGET} AS target,
               CAST(json_agg(json_build_array(start, "end") ORDER BY seq) AS TEXT) AS spans
        FROM found_citations WHERE linked = 1 GROUP BY 1, 2) s
    ON s.document_id = f.document_id AND s.target = f.target;
""" + VIEWS.split("CREATE VIEW IF NOT EXISTS aliases")[1].join(["CREATE VIEW IF NOT EXISTS aliases", ""])


@dataclass(frozen=True)
class NodeSpec:
    """How one node type is read from a table: its key column, label and value expressions, properties."""
    type: str
    table: str
    key: str
    label: str
    value: str = "CAST(NULL AS REAL)"      # typed: PostgreSQL unites the node types' columns
    props: str = ""                 # name, expression pairs for json_object(...)
    where: str = ""


@dataclass(frozen=True)
class EdgeSpec:
    """How one edge type is read from a table: source and target (node type, key expression), provenance."""
    type: str
    table: str
    src: tuple[str, str]
    dst: tuple[str, str]
    doc_id: str = "document_id"
    span: tuple[str, str, str] = ("page", "start", '"end"')
    props: str = ""
    where: str = ""


# An amount in fen as a number of the currency unit: an integer when whole. (A REAL is CAST AS REAL where it
# goes into JSON or the value column: PostgreSQL then keeps 1.0 a decimal, as SQLite writes it.)
_YUAN = "CASE WHEN {0} % 100 = 0 THEN {0} / 100 ELSE {0} / 100.0 END"
NODES: tuple[NodeSpec, ...] = (
    NodeSpec("Document", "documents", "id", "coalesce(title, id)", props=(
        "'kind', kind, 'doc_type', doc_type, 'doc_number', doc_number, 'title', title, 'issuer', issuer, "
        "'date', date, 'effective_from', effective_from, 'effective_to', effective_to, "
        "'jurisdiction', jurisdiction, 'recipients', json(recipients), 'cc', json(cc), "
        "'title_key', title_key, 'number_key', number_key")),
    NodeSpec("Agency", "agencies", "name", "name", props="'canonical', CASE WHEN tagged != 0 THEN name END"),
    NodeSpec("Measure", "measures", "id", "trim(label || ' ' || coalesce(title, ''))", props=(
        "'section', label, 'title', title, 'parent', parent_label, 'truncated', CASE WHEN truncated != 0 THEN 1 END, "
        "'collectives', json(collectives), 'document_id', document_id")),
    NodeSpec("Amount", "amounts", "id", "text",
             f"CASE kind WHEN 'money' THEN {_YUAN.format('amount_fen')} ELSE CAST(value AS REAL) END", props=(
                 f"'kind', kind, 'text', text, 'amount', {_YUAN.format('amount_fen')}, "
                 f"'amount_max', {_YUAN.format('amount_max_fen')}, 'amount_fen', amount_fen, "
                 "'currency', currency, 'rate', CAST(rate AS REAL), 'rate_value', CAST(value AS REAL), "
                 "'approx', CASE WHEN approx != 0 THEN 1 END, 'role', role, 'scope', scope, 'rule', rule")),
    NodeSpec("Proposal", "proposals", "id", "coalesce(number, title, id)",
             props="'number', number, 'session', session, 'title', title, 'category', category"),
    NodeSpec("Person", "(SELECT DISTINCT name, jurisdiction FROM proposers)", "name || '|' || jurisdiction", "name",
             props="'name', name, 'jurisdiction', nullif(jurisdiction, '')"),
    NodeSpec("Session", "(SELECT DISTINCT session FROM proposals WHERE session IS NOT NULL AND session != '')",
             "session", "session"),
    NodeSpec("Response", "responses", "id", "trim(label || ' ' || coalesce(status, ''))",
             props="'section', label, 'suggestion', suggestion, 'status', status, 'rule', rule"),
    NodeSpec("CitedDocument",
             "(SELECT CASE WHEN title_key != '' THEN 't:' || title_key ELSE 'n:' || number_key END AS cited_key, "
             "min(coalesce(title, doc_number, text)) AS label, min(title) AS title, min(doc_number) AS doc_number, "
             "min(title_key) AS title_key, min(number_key) AS number_key FROM citations GROUP BY 1 "
             "UNION SELECT cited_key, min(text), CASE WHEN min(kind) = 'title' THEN min(text) END, "
             "CASE WHEN min(kind) != 'title' THEN min(text) END, "
             "CASE WHEN cited_key LIKE 't:%' THEN substr(cited_key, 3) ELSE '' END, "
             "CASE WHEN cited_key LIKE 'n:%' THEN substr(cited_key, 3) ELSE '' END "
             "FROM citation_links WHERE cited_key IS NOT NULL "
             "AND cited_key NOT IN (SELECT CASE WHEN title_key != '' THEN 't:' || title_key "
             "ELSE 'n:' || number_key END FROM citations) GROUP BY cited_key)",
             "cited_key", "label",
             props="'title', title, 'doc_number', doc_number, 'title_key', title_key, 'number_key', number_key"),
    NodeSpec("Alias", "(SELECT DISTINCT alias, jurisdiction FROM agency_aliases)", "alias || '@' || jurisdiction",
             "alias", props="'jurisdiction', nullif(jurisdiction, '')"),
)

_FOLLOWUPS = ("(SELECT f.*, r.proposal_id, m.document_id, m.page, m.start, m.\"end\" "
              "FROM followups f JOIN replies r ON r.document_id = f.reply_id JOIN measures m ON m.id = f.measure_id)")
_FOLLOWUP_PROPS = ("'score', CAST(score AS REAL), 'rank', rank, 'evidence', json(evidence), 'reply', reply_id, "
                   "'response', response_id, 'rule', rule")
_CITED = "CASE WHEN title_key != '' THEN 't:' || title_key ELSE 'n:' || number_key END"
EDGES: tuple[EdgeSpec, ...] = (
    EdgeSpec("ISSUED_BY", "document_agencies", ("Document", "document_id"), ("Agency", "agency"),
             where="relation = 'issued_by'"),
    EdgeSpec("SENT_TO", "document_agencies", ("Document", "document_id"), ("Agency", "agency"),
             where="relation = 'sent_to'"),
    EdgeSpec("CC", "document_agencies", ("Document", "document_id"), ("Agency", "agency"), where="relation = 'cc'"),
    EdgeSpec("CO_HANDLED_BY", "document_agencies", ("Document", "document_id"), ("Agency", "agency"),
             where="relation = 'co_handled_by'"),
    EdgeSpec("HAS_MEASURE", "measures", ("Document", "document_id"), ("Measure", "id")),
    EdgeSpec("RESPONSIBLE", "responsible_units", ("Measure", "measure_id"), ("Agency", "agency"),
             doc_id="substr(measure_id, 1, instr(measure_id, '/') - 1)", props="'role', role"),
    EdgeSpec("OFFERS", "amounts", ("Measure", "measure_id"), ("Amount", "id"), where="measure_id IS NOT NULL"),
    EdgeSpec("STATES", "amounts", ("Document", "document_id"), ("Amount", "id"), where="measure_id IS NULL"),
    EdgeSpec("REPLIES_TO", "replies", ("Document", "document_id"), ("Proposal", "proposal_id"),
             props="'category', category"),
    EdgeSpec("PROPOSED_BY", "proposers", ("Proposal", "proposal_id"), ("Person", "name || '|' || jurisdiction")),
    EdgeSpec("AT", "(SELECT r.*, p.session FROM replies r JOIN proposals p ON p.id = r.proposal_id)",
             ("Proposal", "proposal_id"), ("Session", "session"),
             span=("session_page", "session_start", "session_end"),
             where="session IS NOT NULL AND session != ''"),
    EdgeSpec("HAS_RESPONSE", "responses", ("Document", "document_id"), ("Response", "id")),
    EdgeSpec("CITES", "citations", ("Document", "document_id"), ("CitedDocument", _CITED), props="'text', text"),
    EdgeSpec("CITES", "citation_links", ("Document", "document_id"),
             ("Document", "target_id"), props=(
                 "'text', text, 'kind', kind, 'resolution', resolution, 'score', CAST(score AS REAL), 'cue', cue, "
                 "'spans', json(spans), 'rule', coalesce(resolution, 'unresolved')"),
             where="target_id IS NOT NULL"),
    EdgeSpec("CITES", "citation_links", ("Document", "document_id"), ("CitedDocument", "cited_key"), props=(
        "'text', text, 'kind', kind, 'resolution', resolution, 'score', CAST(score AS REAL), 'cue', cue, "
        "'spans', json(spans), 'rule', coalesce(resolution, 'unresolved')"),
        where="target_id IS NULL AND cited_key IS NOT NULL"),
    EdgeSpec("SAME_NOTICE", "reposts", ("Document", "document_id"), ("Document", "original_id"),
             span=("NULL", "NULL", "NULL"), props="'rule', rule, 'jaccard', CAST(jaccard AS REAL)"),
    EdgeSpec("SUPERSEDES", "supersessions", ("Document", "newer_id"), ("Document", "older_id"), doc_id="newer_id",
             props="'rules', json(rules), 'rule', json_extract(rules, '$[0]'), 'details', json(details)"),
    EdgeSpec("ALIAS_OF", "agency_aliases", ("Alias", "alias || '@' || jurisdiction"), ("Agency", "agency"),
             span=("NULL", "NULL", "NULL"), props="'alias', alias, 'rule', rule, 'detail', detail"),
    EdgeSpec("FOLLOWED_UP_BY", _FOLLOWUPS, ("Response", "response_id"), ("Measure", "measure_id"),
             props=_FOLLOWUP_PROPS, where="response_id IS NOT NULL"),
    EdgeSpec("FOLLOWED_UP_BY", _FOLLOWUPS, ("Proposal", "proposal_id"), ("Measure", "measure_id"),
             props=_FOLLOWUP_PROPS, where="response_id IS NULL"),
)
NODE_TYPES = tuple(dict.fromkeys(n.type for n in NODES))
EDGE_TYPES = tuple(dict.fromkeys(e.type for e in EDGES))


def node_select(spec: NodeSpec, where: str = "") -> str:
    """SELECT key, type, label, value, props for the nodes of one spec (with an extra condition)."""
    cond = " AND ".join(c for c in (spec.where, where) if c)
    return (f"SELECT '{spec.type}:' || {spec.key} AS key, '{spec.type}' AS type, {spec.label} AS label, "
            f"{spec.value} AS value, CAST(json_object({spec.props}) AS TEXT) AS props FROM {spec.table}"
            + (f" WHERE {cond}" if cond else ""))


def edge_select(spec: EdgeSpec, where: str = "") -> str:
    """SELECT type, src, dst, doc_id, page, start, end, props for the edges of one spec."""
    cond = " AND ".join(c for c in (spec.where, where) if c)
    page, start, end = spec.span
    return (f"SELECT '{spec.type}' AS type, '{spec.src[0]}:' || {spec.src[1]} AS src, "
            f"'{spec.dst[0]}:' || {spec.dst[1]} AS dst, {spec.doc_id} AS doc_id, {page} AS page, "
            f"{start} AS start, {end} AS \"end\", CAST(json_object({spec.props}) AS TEXT) AS props FROM {spec.table}"
            + (f" WHERE {cond}" if cond else ""))


def all_nodes() -> str:
    """SELECT every node of the graph (key, type, label, value, props)."""
    return "\n  UNION ALL ".join(node_select(s) for s in NODES)


def all_edges() -> str:
    """SELECT every edge of the graph (type, src, dst, doc_id, page, start, end, props)."""
    return "\n  UNION ALL ".join(edge_select(s) for s in EDGES)


def graph_views() -> str:
    """CREATE VIEW graph_nodes / graph_edges: the whole graph, for reading the store with SQL."""
    return (f"DROP VIEW IF EXISTS graph_nodes; CREATE VIEW graph_nodes AS {all_nodes()};\n"
            f"DROP VIEW IF EXISTS graph_edges; CREATE VIEW graph_edges AS {all_edges()};")


def views_digest() -> str:
    """A digest of the graph views' definition: views made by other code are made again."""
    import hashlib
    return hashlib.sha256(graph_views().encode()).hexdigest()[:16]
