"""The spaCy pipeline: blank `zh` with the project's jieba tokenizer and policykg's components.

Each component is a thin wrapper over a pure function of the tagging/structure packages; results
live in Doc extensions (character spans, since jieba splits agency names across tokens) and, for
display, in `doc.spans["policykg"]`. `build_nlp()` assembles it, `save_nlp()` writes it to
models/spacy, `load_nlp()` loads that copy offline with spacy.load.

spaCy's length limit (1 million characters) stays: these components hold a few copies of the text
and its offsets (about 300 bytes a character). Extraction calls the same functions without a Doc
(flow.tag_text): no component reads the words.
"""
from __future__ import annotations

from functools import cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import registry

from ..settings import SPACY_PIPELINE
from .chunks import CHUNK_CHARS
from .flow import jurisdiction_of, money_policy, without_surrogates
from .segment import cut as jieba_cut

MAX_LENGTH = CHUNK_CHARS
COMPONENTS = ("policykg_structure", "policykg_agencies", "policykg_money", "policykg_measures",
              "policykg_replies")

DOC_ATTRS = ("structure", "jurisdiction", "entities", "measures", "proposal", "responses")
# Facts of a tagged span, readable as span._.canonical, span._.amount ... on doc.spans["policykg"].
SPAN_ATTRS = ("canonical", "amount", "amount_max", "currency", "approx", "role", "rate", "scope",
              "value", "measure", "title", "doc_number")
for _name in DOC_ATTRS:
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)
for _name in SPAN_ATTRS:
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)


class JiebaTokenizer:
    """Words from the project's jieba tokenizer; white space stays as tokens so offsets match. A lone
    surrogate (no UTF-8 form, which spaCy's string store needs) is read as U+FFFD, one for one."""

    def __init__(self, vocab):
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        text = without_surrogates(text)
        words = [w for w in jieba_cut(text) if w]
        doc = Doc(self.vocab, words=words, spaces=[False] * len(words))
        doc.user_data["policykg_text"] = "".join(words)          # doc.text, without a walk over the tokens
        return doc

    def to_disk(self, path, **kwargs):  # the dictionary lives in models/jieba, versioned with the code
        Path(path).mkdir(parents=True, exist_ok=True)

    def from_disk(self, path, **kwargs):
        return self

    def to_bytes(self, **kwargs):
        return b""

    def from_bytes(self, data, **kwargs):
        return self


@registry.tokenizers("policykg.jieba_tokenizer.v1")
def create_jieba_tokenizer():
    def make(nlp):
        return JiebaTokenizer(nlp.vocab)
    return make


@Language.component("policykg_structure")
def structure_component(doc: Doc) -> Doc:
    from ..structure import parse_structure
    doc._.structure = parse_structure(_text(doc))
    doc._.entities = []
    return doc


@Language.component("policykg_agencies")
def agencies_component(doc: Doc) -> Doc:
    from .agencies import tag_agencies
    from .citations import tag_citations
    from .issuer_mentions import issuer_mentions
    doc._.jurisdiction = jurisdiction_of(_text(doc), doc._.structure)
    agencies = issuer_mentions(_text(doc), doc._.structure.meta.issuer, tag_agencies(_text(doc), doc._.jurisdiction),
                               doc._.jurisdiction)
    doc._.entities = list(doc._.entities or []) + agencies + tag_citations(_text(doc))
    return doc


@Language.component("policykg_money")
def money_component(doc: Doc) -> Doc:
    from .money import tag_money
    doc._.entities = list(doc._.entities or []) + tag_money(_text(doc), policy=money_policy(doc._.structure))
    return doc


@Language.component("policykg_measures")
def measures_component(doc: Doc) -> Doc:
    from .measures import find_measures, link_to_measures
    doc._.measures = find_measures(_text(doc), doc._.structure, doc._.jurisdiction)
    doc._.entities = link_to_measures(doc._.entities, doc._.measures)
    _fill_display_spans(doc)
    return doc


@Language.component("policykg_replies")
def replies_component(doc: Doc) -> Doc:
    from .replies import find_reply
    doc._.proposal, doc._.responses = find_reply(_text(doc), doc._.structure, doc._.jurisdiction)
    return doc


def _text(doc: Doc) -> str:
    """doc.text, joined once: spaCy rebuilds it from every token on each access."""
    text = doc.user_data.get("policykg_text")
    if text is None:
        text = doc.user_data["policykg_text"] = doc.text
    return text


def _fill_display_spans(doc: Doc) -> None:
    spans = []
    for e in sorted(doc._.entities, key=lambda e: (e.start, -e.end)):
        span = doc.char_span(e.start, e.end, label=e.label, alignment_mode="expand")
        if span is not None:
            for name in SPAN_ATTRS:
                if name in e.attrs:
                    span._.set(name, e.attrs[name])
            spans.append(span)
    doc.spans["policykg"] = spans


def build_nlp() -> Language:
    """A fresh pipeline: blank zh, the project's tokenizer, policykg's components in flow order."""
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"@tokenizers": "policykg.jieba_tokenizer.v1"}}})
    for name in COMPONENTS:
        nlp.add_pipe(name)
    nlp.max_length = MAX_LENGTH
    nlp.meta["name"] = "policykg_zh"
    nlp.meta["description"] = "policykg tagger: agencies, money and caps, rates, measures, replies"
    return nlp


def save_nlp(path: Path = SPACY_PIPELINE) -> Path:
    """Write the pipeline to `path` (models/spacy), from where `spacy.load` reads it offline."""
    build_nlp().to_disk(path)
    return Path(path)


@cache
def load_nlp(path: Path = SPACY_PIPELINE) -> Language:
    """The saved pipeline (built afresh where models/spacy is missing); loaded once per process."""
    if not Path(path, "config.cfg").exists():
        return build_nlp()
    nlp = spacy.load(path)
    nlp.max_length = MAX_LENGTH
    return nlp


# Entry-point factories: a bare `spacy.load("models/spacy")` imports this module through them.
def structure_factory(nlp, name):
    return structure_component


def agencies_factory(nlp, name):
    return agencies_component


def money_factory(nlp, name):
    return money_component


def measures_factory(nlp, name):
    return measures_component


def replies_factory(nlp, name):
    return replies_component


if __name__ == "__main__":
    print(save_nlp())
