"""The change log in the store: every ingest run and what it changed, read back as reports grouped by document.

A run is recorded when it starts and marked complete when it ends. Each change is written in the transaction of
the store write it describes (a document stored, a path pointed at other bytes, a path pruned; linking's results),
so the log never holds a change the store does not, nor misses one it does. A report shows complete runs only:
a run that stopped midway (killed, stopped by a signal, failed) hands the changes it wrote to the next run,
which finishes its work and reports them with its own.
"""
from __future__ import annotations

import json
import os
import time
from datetime import datetime
from typing import TYPE_CHECKING, Any, Iterable

from . import changes as ch
from .changes import Change, Version

if TYPE_CHECKING:
    from .build import DocumentRows
    from .ingest import IngestReport
    from .store import Store

LINKS_REPORTED = "links_reported"      # meta: 1 once reported_links holds what linking had found
COUNTS = ("added", "updated", "unchanged", "aliases", "pruned", "failed")
_CHANGE_COLUMNS = ("document_id", "document", "kind", "measure_id", "measure_label", "measure_title", "field",
                   "old", "new", "detail", "source_id", "page", "start", "end")


# ---------------------------------------------------------------- runs
def begin_run(store: Store, inputs: Iterable[Any], pipeline_version: str, options: dict[str, Any]) -> int:
    """Records a run starting (under the store's write lock) and returns its number; the changes of runs
    that never completed pass to it."""
    from ..settings import __version__
    with store.write():
        run = store.conn.execute(
            "INSERT INTO runs(started_at, status, pid, inputs, options, pipeline_version, policykg_version) "
            "VALUES(?, 'running', ?, ?, ?, ?, ?) RETURNING id",
            (time.time(), os.getpid(), json.dumps([str(p) for p in inputs], ensure_ascii=False),
             json.dumps(options, sort_keys=True), pipeline_version, __version__)).fetchone()[0]
        orphans = [r[0] for r in store.conn.execute(
            "SELECT id FROM runs WHERE status != 'complete' AND carried_to IS NULL AND id != ?", (run,))]
        for orphan in orphans:
            store.conn.execute("UPDATE run_changes SET run_id = ? WHERE run_id = ?", (run, orphan))
            store.conn.execute("UPDATE runs SET status = 'interrupted', carried_to = ? WHERE id = ?", (run, orphan))
    return run


def finish_run(store: Store, run: int, report: IngestReport) -> None:
    """Marks a run complete with its counts and failures (its report is shown from now on)."""
    values = {"added": len(report.added), "updated": len(report.updated), "unchanged": report.unchanged,
              "aliases": len(report.aliases), "pruned": len(report.pruned), "failed": len(report.failed)}
    with store.write():
        store.conn.execute(
            f"UPDATE runs SET status = 'complete', finished_at = ?, {', '.join(f'{k} = ?' for k in COUNTS)}, "
            f"failures = ?, linked = ? WHERE id = ?",
            (time.time(), *(values[k] for k in COUNTS), json.dumps(report.failed, ensure_ascii=False),
             int(report.linking is not None), run))


def stop_run(store: Store, run: int, report: IngestReport) -> None:
    """Marks a run that stopped midway as interrupted (its changes wait for the next run)."""
    with store.write():
        store.conn.execute("UPDATE runs SET status = 'interrupted', finished_at = ?, failures = ? "
                           "WHERE id = ? AND status = 'running'",
                           (time.time(), json.dumps(report.failed, ensure_ascii=False), run))


def record_changes(store: Store, run: int, found: Iterable[Change]) -> int:
    """Writes changes of a run (inside the caller's transaction); returns how many."""
    rows = [c.row() for c in found]
    names = ", ".join(f'"{c}"' for c in _CHANGE_COLUMNS)
    store.conn.executemany(f"INSERT INTO run_changes(run_id, {names}) VALUES(?, {', '.join('?' * len(_CHANGE_COLUMNS))})",
                           [(run, *(r[c] for c in _CHANGE_COLUMNS)) for r in rows])
    return len(rows)


# ---------------------------------------------------------------- versions of a document
def document_at(store: Store, path: str) -> str | None:
    row = store.conn.execute("SELECT document_id FROM sources WHERE path = ?", (path,)).fetchone()
    return row[0] if row else None


def _exists(store: Store, doc_id: str) -> bool:
    return store.conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone() is not None


def stored_version(store: Store, doc_id: str) -> Version | None:
    """A stored document's row, its facts and its text, as change detection compares them."""
    rows = store.sql("SELECT id, sha256, pipeline_version, kind, doc_type, doc_number, title, issuer, date, "
                     "effective_from, effective_to, json_extract(record, '$.text') AS text FROM documents "
                     "WHERE id = ?", [doc_id])
    if not rows:
        return None
    doc = rows[0]
    text = doc.pop("text") or ""
    q = store.sql
    return Version(doc, {
        "measures": q("SELECT * FROM measures WHERE document_id = ? ORDER BY seq", [doc_id]),
        "amounts": q("SELECT * FROM amounts WHERE document_id = ? ORDER BY start", [doc_id]),
        "responsible_units": q("SELECT ru.* FROM responsible_units ru JOIN measures m ON m.id = ru.measure_id "
                               "WHERE m.document_id = ? ORDER BY m.seq, ru.rowid", [doc_id]),
        "mentions": q("SELECT agency, text, page, start, \"end\" FROM mentions WHERE document_id = ? ORDER BY start",
                      [doc_id]),
        "replies": q("SELECT * FROM replies WHERE document_id = ?", [doc_id]),
        "proposals": q("SELECT p.* FROM proposals p JOIN replies r ON r.proposal_id = p.id WHERE r.document_id = ?",
                       [doc_id]),
        "responses": q("SELECT id, label FROM responses WHERE document_id = ? ORDER BY seq", [doc_id])}, text)


def new_version(rows: DocumentRows, record: dict) -> Version:
    """The version a worker built (its rows and record), as change detection compares it."""
    return Version(rows.document, rows.tables, record.get("text") or "")


class RunLog:
    """Writes each store change of a run together with the changes it makes to the graph (one transaction)."""

    def __init__(self, store: Store, run: int):
        self.store, self.run = store, run

    def store_document(self, rows: DocumentRows, record: dict, path: str) -> None:
        """Stores a document for a path; the version it replaces is the one the path held, else an earlier
        extraction of the same bytes."""
        s = self.store
        with s.write():
            before = document_at(s, path)
            old = stored_version(s, before or rows.doc_id)
            s.replace_document(rows, record, path)
            self._write(old, new_version(rows, record), path)

    def alias(self, path: str, doc_id: str) -> None:
        """Points a path at a stored document; when it held another one, that is a new version for the path."""
        s = self.store
        with s.write():
            before = document_at(s, path)
            old = stored_version(s, before) if before and before != doc_id else None
            s.add_source(path, doc_id)
            if old is not None:
                self._write(old, stored_version(s, doc_id), path)

    def prune(self, path: str) -> None:
        """Forgets a path; the document goes with its last path, and so do its facts."""
        s = self.store
        with s.write():
            before = document_at(s, path)
            old = stored_version(s, before) if before else None
            s.remove_source(path)
            if old is not None and not _exists(s, old.id):
                record_changes(s, self.run, ch.document_changes(old, None, path)[0])

    def _write(self, old: Version | None, new: Version, path: str) -> None:
        found, renames = ch.document_changes(old, new, path)
        record_changes(self.store, self.run, found)
        if old is not None and renames and (old.id == new.id or not _exists(self.store, old.id)):
            carry_reported_links(self.store, old.id, renames)


# ---------------------------------------------------------------- what linking found, reported once
_LINKED_NOW = ("SELECT 'supersedes' AS kind, newer_id AS a, older_id AS b, '' AS c FROM supersessions "
               "UNION ALL SELECT 'followup', reply_id, coalesce(response_id, ''), measure_id FROM followups")
_REPORTED = "SELECT kind, a, b, c FROM reported_links"


def _difference(store: Store, first: str, second: str) -> set[tuple[str, str, str, str]]:
    """The links one query gives and another does not (compared in the database: only they are read)."""
    return {tuple(r) for r in store.conn.execute(f"SELECT * FROM ({first}) EXCEPT SELECT * FROM ({second})")}


def _linked_now(store: Store) -> set[tuple[str, str, str, str]]:
    return {("supersedes", newer, older, "") for newer, older in store.conn.execute(
        "SELECT newer_id, older_id FROM supersessions")} | {("followup", reply, response or "", measure) for
                                                             reply, response, measure in store.conn.execute(
            "SELECT reply_id, response_id, measure_id FROM followups")}


def _set_reported(store: Store, links: set[tuple[str, str, str, str]]) -> None:
    store.conn.execute("DELETE FROM reported_links")
    store.conn.executemany("INSERT INTO reported_links VALUES(?, ?, ?, ?)", sorted(links))
    store.set_info(LINKS_REPORTED, "1")


def _update_reported(store: Store, added: set[tuple[str, str, str, str]],
                     dropped: set[tuple[str, str, str, str]]) -> None:
    """Makes reported_links hold the links now, writing only what changed."""
    store.conn.executemany("DELETE FROM reported_links WHERE kind = ? AND a = ? AND b = ? AND c = ?", sorted(dropped))
    store.conn.executemany("INSERT INTO reported_links(kind, a, b, c) VALUES(?, ?, ?, ?)", sorted(added))
    store.set_info(LINKS_REPORTED, "1")


def mark_links_reported(store: Store) -> None:
    """Takes the supersessions and follow-up links stored now as reported (inside the caller's transaction)."""
    _set_reported(store, _linked_now(store))


def carry_reported_links(store: Store, old_id: str, renames: dict[str, str]) -> None:
    """Rewrites the reported links of a replaced version under the ids of the new one (its document, the
    measures and responses paired with its own); a link through an unpaired measure or response goes."""
    lo, hi = old_id + "/", old_id + "0"          # the ids of its measures and responses: '<id>/m3', '<id>/r1'
    rows = store.conn.execute(
        "SELECT rowid, kind, a, b, c FROM reported_links WHERE a = ?1 OR b = ?1 OR (b >= ?2 AND b < ?3) "
        "OR (c >= ?2 AND c < ?3)", (old_id, lo, hi)).fetchall()

    def renamed(x: str) -> str | None:
        if x in renames:
            return renames[x]
        return None if x.startswith(lo) else x

    for rowid, kind, *ids in rows:
        store.conn.execute("DELETE FROM reported_links WHERE rowid = ?", (rowid,))
        new = [renamed(x) for x in ids]
        if None not in new:
            store.conn.execute("INSERT INTO reported_links(kind, a, b, c) VALUES(?, ?, ?, ?) ON CONFLICT DO NOTHING", (kind, *new))


def report_links(store: Store, run: int) -> int:
    """Records the supersessions and follow-up links linking has added since they were last reported (and the
    supersessions it dropped), then takes the current ones as reported; inside linking's transaction.
    Returns how many changes it wrote. A store upgraded from schema 1 reports none the first time."""
    if store.info(LINKS_REPORTED) != "1":
        _set_reported(store, _linked_now(store))
        return 0
    added, dropped = _difference(store, _LINKED_NOW, _REPORTED), _difference(store, _REPORTED, _LINKED_NOW)
    found: list[Change] = []
    was_superseded = {r[0] for r in store.conn.execute("SELECT b FROM reported_links WHERE kind = 'supersedes'")}
    still_superseded = {r[0] for r in store.conn.execute("SELECT older_id FROM supersessions")}
    for _, newer, older, _ in sorted(k for k in added if k[0] == "supersedes"):
        [edge] = store.sql(
            "SELECT s.newer_id, s.older_id, s.rules, s.page, s.start, s.\"end\", "
            "coalesce(n.title, n.doc_number, n.id) AS newer_title, coalesce(n.effective_from, n.date) AS newer_start, "
            "coalesce(o.title, o.doc_number, o.id) AS older_title FROM supersessions s "
            "JOIN documents n ON n.id = s.newer_id JOIN documents o ON o.id = s.older_id "
            "WHERE s.newer_id = ? AND s.older_id = ?", [newer, older])
        measures = store.sql("SELECT * FROM measures WHERE document_id = ? ORDER BY seq", [older])
        found += ch.supersession_changes(edge, measures, older in was_superseded)
        was_superseded.add(older)
    for _, newer, older, _ in sorted(k for k in dropped if k[0] == "supersedes"):
        row = store.conn.execute("SELECT coalesce(title, doc_number, id) FROM documents WHERE id = ?",
                                 (older,)).fetchone()
        if row and older not in still_superseded:
            found.append(ch.supersession_dropped(older, row[0], newer))
    appeared: dict[str, set[tuple[str, str]]] = {}
    for kind, reply, response, measure in added:
        if kind == "followup":
            appeared.setdefault(reply, set()).add((response, measure))
    for reply in sorted(appeared):
        for link in store.sql(
                "SELECT f.reply_id, f.response_id, f.measure_id, f.rank, f.score, m.document_id, m.label, m.title, "
                "m.page, m.start, m.\"end\", coalesce(d.title, d.doc_number, d.id) AS document, r.proposal_id, "
                "p.number AS proposal_number, p.title AS proposal_title, rs.label AS response_label "
                "FROM followups f JOIN measures m ON m.id = f.measure_id JOIN documents d ON d.id = m.document_id "
                "JOIN replies r ON r.document_id = f.reply_id JOIN proposals p ON p.id = r.proposal_id "
                "LEFT JOIN responses rs ON rs.id = f.response_id WHERE f.reply_id = ? "
                "ORDER BY f.response_id IS NOT NULL, rs.seq, f.rank", [reply]):
            if (link["response_id"] or "", link["measure_id"]) in appeared[reply]:
                found.append(ch.followup_change(link))
    _update_reported(store, added, dropped)
    _collapse_copies(store, run)
    return record_changes(store, run, found)


def _collapse_copies(store: Store, run: int) -> None:
    """A document added that linking found to be one notice with a document stored before (a repost of it, or
    the copy now leading it) adds no measures, amounts or replies of its own: its addition names that copy."""
    added = {r[0]: r[1] for r in store.conn.execute(
        "SELECT document_id, id FROM run_changes WHERE run_id = ? AND kind = 'document_added'", (run,))}
    for doc, row in added.items():
        found = store.conn.execute("SELECT original_id FROM reposts WHERE document_id = ?", (doc,)).fetchone()
        lead = found[0] if found else doc
        members = [lead] + [r[0] for r in store.conn.execute(
            "SELECT document_id FROM reposts WHERE original_id = ? ORDER BY document_id", (lead,))]
        earlier = [m for m in members if m not in added]
        if not earlier:
            continue
        copy_of = earlier[0]
        title = store.conn.execute("SELECT coalesce(title, doc_number, id) FROM documents WHERE id = ?",
                                   (copy_of,)).fetchone()[0]
        store.conn.execute("DELETE FROM run_changes WHERE run_id = ? AND document_id = ? AND kind IN "
                           "('measure_added', 'amount_added', 'reply_added')", (run, doc))
        detail = store.conn.execute("SELECT detail FROM run_changes WHERE id = ?", (row,)).fetchone()[0]
        detail = {**json.loads(detail or "{}"), "copy_of": copy_of, "copy_of_title": title}
        store.conn.execute("UPDATE run_changes SET detail = ? WHERE id = ?",
                           (json.dumps(detail, ensure_ascii=False, separators=(",", ":")), row))


# ---------------------------------------------------------------- reads: runs and their reports
def _when(ts: float | None) -> str | None:
    """A time as ISO 8601 with the local offset, to the second."""
    return datetime.fromtimestamp(ts).astimezone().isoformat(timespec="seconds") if ts is not None else None


def since_timestamp(value: str) -> float:
    """The moment a --since value names: an ISO date (local midnight) or date and time; ValueError otherwise."""
    moment = datetime.fromisoformat(value.strip())
    return (moment if moment.tzinfo else moment.astimezone()).timestamp()


def _alive(pid: int | None) -> bool:
    if not pid:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _run(row: dict, changes: int) -> dict:
    status = row["status"]
    if status == "running" and not _alive(row["pid"]):
        status = "interrupted"              # killed: the next run takes its changes over
    out = {"run": row["id"], "started": _when(row["started_at"]), "finished": _when(row["finished_at"]),
           "status": status, "inputs": json.loads(row["inputs"]), "pipeline_version": row["pipeline_version"],
           **{k: row[k] for k in COUNTS}, "changes": changes,
           "failures": json.loads(row["failures"]) if row["failures"] else {}}
    if row["carried_to"]:
        out["carried_to"] = row["carried_to"]
    return out


def list_runs(store: Store) -> list[dict]:
    """Every recorded run, oldest first: when, inputs, pipeline version, status, counts, changes, failures."""
    with store.read():
        counts = dict(store.conn.execute("SELECT run_id, count(*) FROM run_changes GROUP BY run_id").fetchall())
        return [_run(r, counts.get(r["id"], 0)) for r in store.sql("SELECT * FROM runs ORDER BY id")]


def _value(text: str | None) -> Any:
    return json.loads(text) if text is not None else None


def _measure_order(measure_id: str | None) -> int:
    tail = (measure_id or "").rpartition("/m")[2]
    return int(tail) if tail.isdigit() else 0


def _grouped(rows: list[dict]) -> list[dict]:
    """Change rows grouped by document (new documents first, then updates, then the rest; by name), each
    document's own changes first, then its measures' in order."""
    rank = {k: i for i, k in enumerate(ch.KINDS)}
    groups: dict[str, dict] = {}
    for r in rows:
        g = groups.setdefault(r["document_id"], {"document_id": r["document_id"], "document": r["document"],
                                                 "changes": []})
        g["changes"].append(r)
    for g in groups.values():
        g["changes"].sort(key=lambda r: (r["measure_id"] is not None, _measure_order(r["measure_id"]),
                                         r["measure_id"] or "", rank.get(r["kind"], len(rank)), r["id"]))
        g["changes"] = [_change(r) for r in g["changes"]]
    return sorted(groups.values(), key=lambda g: (min(rank.get(c["kind"], len(rank)) for c in g["changes"]),
                                                  g["document"] or "", g["document_id"]))


def _change(r: dict) -> dict:
    out = {"kind": r["kind"], "measure_id": r["measure_id"], "measure": r["measure_label"],
           "measure_title": r["measure_title"], "field": r["field"], "old": _value(r["old"]), "new": _value(r["new"]),
           "detail": _value(r["detail"]) or {},
           "provenance": {"document_id": r["source_id"], "page": r["page"], "start": r["start"], "end": r["end"]}}
    return out


def run_report(store: Store, run: int) -> dict:
    """One run and, once it is complete, its changes grouped by document (`documents`) and counted by kind."""
    with store.read():
        rows = store.sql("SELECT * FROM runs WHERE id = ?", [run])
        if not rows:
            raise LookupError(f"no run {run} in {store.path}")
        found = store.sql("SELECT * FROM run_changes WHERE run_id = ? ORDER BY id", [run]) \
            if rows[0]["status"] == "complete" else []
    out = _run(rows[0], len(found))
    out["counts"] = ch.counts(r["kind"] for r in found)
    out["documents"] = _grouped(found)
    return out


def changes(store: Store, run: int | None = None, since: float | None = None, latest: int = 1) -> dict:
    """The report of run `run`, of the complete runs started since the moment `since` (a timestamp), or of the
    `latest` complete runs (newest first): {"runs": [run report, ...]} (pipeline/graph/runs.py run_report)."""
    if run is not None:
        return {"runs": [run_report(store, run)]}
    with store.read():
        if since is not None:
            ids = [r[0] for r in store.conn.execute(
                "SELECT id FROM runs WHERE status = 'complete' AND started_at >= ? ORDER BY id DESC", (since,))]
        else:
            ids = [r[0] for r in store.conn.execute(
                "SELECT id FROM runs WHERE status = 'complete' ORDER BY id DESC LIMIT ?", (latest,))]
        return {"runs": [run_report(store, i) for i in ids]}


def latest_changes(store: Store, runs: int = 5) -> dict:
    """What's new: the reports of the latest `runs` complete runs, newest first, as plain data (JSON-ready)
    for a page or a feed: {"runs": [{"run", "started", "finished", "status", "inputs", "pipeline_version",
    counts, "changes", "failures", "counts" (by kind), "documents": [{"document_id", "document",
    "changes": [{"kind", "measure_id", "measure", "measure_title", "field", "old", "new", "detail",
    "provenance": {"document_id", "page", "start", "end"}}]}]}]}."""
    return changes(store, latest=runs)


def change_rows(report: dict) -> list[dict]:
    """A report's changes as flat rows (CSV, newline-delimited JSON): run and document on every row."""
    return [{"run": r["run"], "document_id": d["document_id"], "document": d["document"], "kind": c["kind"],
             "measure_id": c["measure_id"], "measure": c["measure"], "measure_title": c["measure_title"],
             "field": c["field"], "old": c["old"], "new": c["new"], "detail": c["detail"] or None,
             "source_id": c["provenance"]["document_id"], "page": c["provenance"]["page"],
             "start": c["provenance"]["start"], "end": c["provenance"]["end"]}
            for r in report["runs"] for d in r["documents"] for c in d["changes"]]


def run_counts(store: Store, run: int) -> dict[str, int]:
    """A run's changes counted by kind (those written so far)."""
    return ch.counts(r[0] for r in store.conn.execute("SELECT kind FROM run_changes WHERE run_id = ?", (run,)))
