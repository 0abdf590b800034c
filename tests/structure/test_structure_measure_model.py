"""The trained measure chooser (models/measure_choice): a plain-data file the training script reproduces,
which only takes measures out of the rules' choice, where it is sure and the item's text gives no support,
amount or units, and stays out of outlines longer than any it was trained on."""
from __future__ import annotations

import json

import pytest

from pipeline.settings import ROOT
from pipeline.sources import load
from pipeline.clean import clean
from pipeline.structure import measure_model, parse_structure, select_measures
from pipeline.structure.measure_model import MODEL_FILE, SETTINGS, chooser_from, label_series, measure_chooser
from pipeline.structure.measures import rule_choice

REAL = ROOT / "corpora" / "real"


def _train_module():
    from pipeline.model_files import training_script
    return training_script(ROOT, "measure_choice")


def _stub(intercept: float, max_nodes: int = 60, adds_alone: float = 0.8) -> dict:
    """A model file whose chooser gives every node the same probability (its intercept)."""
    return {"id": "measure.stub-chooser", "version": "0.test", "settings": dict(SETTINGS), "margin": 0.2,
            "max_nodes": max_nodes, "kept_when": [["support_body"], ["amount_body"], ["unit_body"], ["own_unit"],
                                                  ["closed_units"], ["duty_own"], ["unit_row"], ["unit_duty"]],
            "adds_alone": adds_alone, "intercept": intercept, "weights": {}}


def _labels(text: str) -> list[str]:
    st = parse_structure(text)
    return [s.label for s in select_measures(st, text)]


# 一 gives support with an amount, 二 is an action with no support, amount or unit cue
POLICY = ("某县人民政府关于加快民营经济发展的意见\n各镇人民政府：\n现提出如下意见。\n"
          "一、加大财政扶持。对年纳税额首次超过一千万元的民营企业，奖励二十万元。\n"
          "二、加强组织领导。县人大常委会、县政协要加强对政策落实情况的监督检查。\n某县人民政府\n2008年3月15日\n")


def test_model_file_is_plain_data_read_with_its_settings():
    spec = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    chooser = measure_chooser()
    assert chooser.name == f"{spec['id']}@{spec['version']}" and chooser.name.startswith("measure.chooser@2.")
    assert spec["settings"] == SETTINGS and 0 < chooser.margin < 0.5
    assert spec["training"]["nodes"] > 1000 and spec["training"]["measures"] > 500


def test_model_file_is_reproducible():
    """The saved weights are what models/measure_choice/train.py trains on the corpora as they stand:
    retrain after changing the outline parser, the measure rules or their data, or the gold."""
    train = _train_module()
    saved = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    assert train.same_model(saved, train.build()), "run: python models/measure_choice/train.py"


def test_training_reads_only_the_dev_split():
    train = _train_module()
    splits = json.loads((REAL / "splits.json").read_text(encoding="utf-8"))
    read = {gold.stem for _, gold in train.documents() if gold.parent.parent.name == "real"}
    assert read == set(splits["dev"]) and not read & set(splits["test"])


def test_a_model_file_of_other_feature_settings_is_refused():
    spec = dict(_stub(0.0), settings={"title_chars": 8, "ngram": 2})
    with pytest.raises(ValueError, match="train.py"):
        chooser_from(spec)


@pytest.mark.parametrize("label, series", [("第三条", "article"), ("第 1 0 条", "article"), ("第一章", "chapter"),
                                           ("一", "cn"), ("（一）", "bcn"), ("12", "ar"), ("(3)", "bar"),
                                           ("①", "circ"), ("一是", "shi"), ("A", "other")])
def test_labels_are_told_apart_by_their_kind(label, series):
    assert label_series(label) == series


def test_a_sure_chooser_takes_out_only_a_measure_whose_text_gives_no_support_amount_or_unit(monkeypatch):
    monkeypatch.setattr(measure_model, "measure_chooser", lambda: chooser_from(_stub(-9.0)))
    st = parse_structure(POLICY)
    assert [s.label for s in rule_choice(st, POLICY).values()] == ["一", "二"]
    assert _labels(POLICY) == ["一"]


def test_the_chooser_adds_no_measure_beside_the_rules_choice(monkeypatch):
    monkeypatch.setattr(measure_model, "measure_chooser", lambda: chooser_from(_stub(9.0)))
    text = ("某县电子商务扶持办法\n一、起草背景\n为促进电子商务发展,结合我县实际。\n二、扶持内容\n"
            "对新开设网店的企业给予补贴1万元。\n")
    assert _labels(text) == ["二"]


_CUT_IN_ITS_FIRST_ITEM = ("一、目标任务\n发展设施蔬菜。\n二、奖补范围\n(一)提升设施蔬菜供应能力\n"
                          "1.申报条件。主要技术参数应参照国家标准")          # an untitled page the rules read as no policy


def test_where_the_rules_choose_nothing_a_sure_chooser_takes_its_nodes(monkeypatch):
    st = parse_structure(_CUT_IN_ITS_FIRST_ITEM)
    assert rule_choice(st, _CUT_IN_ITS_FIRST_ITEM) == {}
    monkeypatch.setattr(measure_model, "measure_chooser", lambda: chooser_from(_stub(9.0)))
    assert _labels(_CUT_IN_ITS_FIRST_ITEM) == ["二", "(一)"]     # 一、目标任务 and 1.申报条件 frame, never added
    monkeypatch.setattr(measure_model, "measure_chooser", lambda: chooser_from(_stub(0.5)))    # p = 0.62
    assert _labels(_CUT_IN_ITS_FIRST_ITEM) == []


def test_an_unsure_chooser_leaves_the_rules_choice(monkeypatch):
    monkeypatch.setattr(measure_model, "measure_chooser", lambda: chooser_from(_stub(-0.5)))    # p = 0.38
    assert _labels(POLICY) == ["一", "二"]


def test_an_outline_longer_than_any_trained_on_keeps_the_rules_choice(monkeypatch):
    monkeypatch.setattr(measure_model, "measure_chooser", lambda: chooser_from(_stub(-9.0, max_nodes=1)))
    assert _labels(POLICY) == ["一", "二"]


def test_without_the_model_the_rules_choice_stands(monkeypatch):
    monkeypatch.setattr(measure_model, "measure_chooser", lambda: chooser_from(_stub(-9.0)))
    st = parse_structure(POLICY)
    assert [s.label for s in select_measures(st, POLICY, model=False)] == ["一", "二"]


@pytest.mark.parametrize("doc, taken_out", [
    ("luolong-measures-shoudian-jingji-qicao-shuoming-trad", ["一", "二"]),      # 背景情況, 起草過程 of a drafting note
    ("qingyuan-2019-notice-zhengfu-gongzuo-guize", ["一", "二", "三"]),          # the legal basis, aims, tenets of work rules
])
def test_the_shipped_chooser_takes_out_sections_of_no_policy_content(doc, taken_out):
    text = clean(load(str(REAL / "raw" / f"{doc}.txt"))).text
    st = parse_structure(text)
    rules = [s.label for s in select_measures(st, text, model=False)]
    chosen = [s.label for s in select_measures(st, text)]
    assert all(label in rules and label not in chosen for label in taken_out)


def test_an_item_matching_a_prize_in_proportion_gives_support_so_is_kept():
    text = ("某市科学技术奖励配套办法\n一、对获得国家科学技术奖的第一承担单位按所获奖金1:1的比例配套奖励,参与单位按所获奖金1:0.5的比例配套奖励;\n"
            "二、对获得省科学技术奖的第一承担单位按所获奖金1:1的比例配套奖励;\n三、本办法由市科学技术局负责解释。\n")
    st = parse_structure(text)
    chooser = measure_model.measure_chooser()
    assert all(chooser.kept(measure_model.outline_features(st, text)[k]) for k in (0, 1))


def test_an_article_giving_a_body_its_duties_is_kept():
    doc = "yangchun-2021-measures-xiaofang-anquan-zerenzhi"      # 第四条 市消防安全委员会应当履行下列消防工作职责
    text = clean(load(str(REAL / "raw" / f"{doc}.txt"))).text
    assert "第四条" in [s.label for s in select_measures(parse_structure(text), text)]
