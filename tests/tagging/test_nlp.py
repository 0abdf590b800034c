"""The NLP layer: the jieba user dictionary is rebuilt from its source and keeps names whole; the spaCy pipeline
is saved under models/, loads offline with a bare spacy.load, and tags as the library does."""
import importlib.util
import subprocess
import sys

from pipeline.settings import SPACY_PIPELINE
from pipeline.tagging.nlp import COMPONENTS, build_nlp, save_nlp
from tests.corpus import ROOT, raw_text


def test_jieba_userdict_is_reproducible():
    path = ROOT / "models" / "jieba" / "build_userdict.py"
    spec = importlib.util.spec_from_file_location("build_userdict", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    text = module.build()
    assert text == (ROOT / "models" / "jieba" / "userdict.txt").read_text(encoding="utf-8")
    assert "县国税局 2000 nt" in text and "专精特新 2500 n" in text and "中山市人民政府办公室 1000 nt" in text


def test_jieba_user_dictionary_keeps_names_whole():
    from pipeline.tagging.segment import segment
    words = segment("责任单位：市工信局、省发展改革委、中山市人民政府办公室，支持专精特新企业申报首台套")
    assert {"市工信局", "省发展改革委", "中山市人民政府办公室", "专精特新", "首台套"} <= set(words)


def test_saved_pipeline_matches_the_code(tmp_path):
    assert (SPACY_PIPELINE / "config.cfg").exists(), "run: python -m pipeline.tagging.nlp"
    saved = (SPACY_PIPELINE / "config.cfg").read_text(encoding="utf-8")
    save_nlp(tmp_path / "nlp")
    assert (tmp_path / "nlp" / "config.cfg").read_text(encoding="utf-8") == saved


def test_bare_spacy_load_finds_the_components():
    code = ("import spacy; nlp = spacy.load(%r); "
            "doc = nlp('对首次获得海关AEO认证的企业，给予15万元的一次性补贴。'); "
            "print(nlp.pipe_names); print([(e.label, e.attrs.get('amount')) for e in doc._.entities])"
            % str(SPACY_PIPELINE))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.splitlines()[0] == str(list(COMPONENTS))
    assert "('MONEY', 150000" in out.splitlines()[1]


def test_tokens_keep_agency_names_whole_and_offsets_exact():
    nlp = build_nlp()
    text = raw_text("zs-2025-wenwaimao-measures")
    doc = nlp(text)
    assert doc.text == text
    words = [t.text for t in doc]
    assert "工业和信息化局" in words
    assert "中山市人民政府办公室" in words or "中山市人民政府" in words
    money = [e for e in doc._.entities if e.label == "MONEY"]
    assert all(text[e.start:e.end] == e.text for e in money)
    assert {"六", "七"} <= {e.attrs.get("measure") for e in money if e.attrs.get("role") == "cap"}


def test_span_attributes_carry_amounts_and_canonical_names():
    nlp = build_nlp()
    doc = nlp(raw_text("zs-2025-wenwaimao-measures"))
    spans = doc.spans["policykg"]
    cap = next(s for s in spans if s.label_ == "MONEY" and s._.role == "cap" and s._.measure == "六")
    assert (cap._.amount, cap._.rate, cap._.currency) == (500000, 0.3, "CNY")
    canon = {s.text: s._.canonical for s in spans if s.label_ == "AGENCY"}
    assert canon["市商务局"] == "中山市商务局"
