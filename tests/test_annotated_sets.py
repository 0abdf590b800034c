"""Every annotated set (the dev corpus and the probe sets) is sound: each gold span stands in its text."""
import json

import pytest

from tests.corpus import FIXTURES, GOLD, RAW

SETS = [(GOLD, RAW)] + [(d, d) for d in sorted(FIXTURES.glob("probe_*")) if d.is_dir()]


@pytest.mark.parametrize("gold_dir,raw_dir", SETS, ids=[g.parent.name + "/" + g.name for g, _ in SETS])
def test_gold_spans_stand_in_their_text(gold_dir, raw_dir):
    golds = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(gold_dir.glob("*.json"))]
    assert len(golds) >= (8 if gold_dir.name.startswith("probe_holdout") else 10)   # the held-out sets have 8
    for g in golds:
        text = "".join((raw_dir / f"{g['id']}.txt").read_text(encoding="utf-8").split())
        assert g.get("notes"), g["id"]
        for m in g["money"] if gold_dir != GOLD else []:   # dev gold writes 1949.03亿元 for a shared unit
            assert "".join(m["text"].split()) in text, (g["id"], m["text"])
        for a in g["agencies"]:
            assert "".join(a["text"].split()) in text, (g["id"], a["text"])
