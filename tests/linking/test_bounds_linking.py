"""Boilerplate-heavy corpora: related pairs stay O(n), and shared boilerplate alone makes no version."""
from __future__ import annotations

import pytest

from pipeline.linking import link_records
from pipeline.linking.duplicates import MAX_RELATED_PER_DOCUMENT, similar_pairs
from pipeline.linking.summary import DocSummary, jurisdiction_of_name
from pipeline.types import Meta, Record

BOILERPLATE = ("为深入贯彻落实党中央、国务院决策部署，进一步优化营商环境，激发市场主体活力，推动经济高质量发展，"
               "结合本市实际，制定本措施。各区人民政府、市政府各部门要加强组织领导，明确责任分工，"
               "抓好贯彻落实，确保各项政策措施落地见效。本措施自印发之日起施行，有效期三年。")


def _notice(i: int, topic: str, date: str, city: str = "绍兴市") -> Record:
    title = f"{city}人民政府办公室关于印发{city}促进{topic}若干措施的通知"
    text = f"{title}\n{BOILERPLATE}\n一、支持{topic}项目建设，给予最高{i + 1}0万元补助。\n{city}人民政府办公室\n"
    return Record(id=f"d{i:03d}", source={}, text=text, kind="measures",
                  meta=Meta(title=title, issuer=f"{city}人民政府办公室", date=date))


TOPICS = ["文旅消费", "人才引进", "绿色低碳发展", "总部经济发展", "现代农业发展", "跨境电商发展", "科技创新",
          "制造业数字化转型", "专精特新企业发展", "外经贸高质量发展"]


def test_related_pairs_are_bounded_per_document():
    records = [_notice(i, TOPICS[i % 10] + str(i), f"2024-{1 + i % 12:02d}-{1 + i % 27:02d}") for i in range(40)]
    pairs = similar_pairs([DocSummary.from_record(r) for r in records])
    per_doc: dict[str, int] = {}
    for p in pairs:
        per_doc[p.b] = per_doc.get(p.b, 0) + 1
    assert max(per_doc.values(), default=0) <= MAX_RELATED_PER_DOCUMENT


def test_two_policies_sharing_boilerplate_are_not_versions():
    older, newer = _notice(1, "文旅消费", "2023-03-01"), _notice(2, "人才引进", "2024-05-01")
    assert link_records([older, newer]).supersedes == []


def test_the_same_policy_reissued_is_a_version():
    older, newer = _notice(1, "文旅消费", "2023-03-01"), _notice(2, "文旅消费", "2024-05-01")
    [edge] = link_records([older, newer]).supersedes
    assert (edge.source, edge.target) == ("d002", "d001")


@pytest.mark.parametrize("name, place", [
    ("苏州市人民政府办公室", "苏州市"), ("温州市市场监督管理局", "温州市"), ("郑州市金水区人民政府", "郑州市金水区"),
    ("黔东南苗族侗族自治州财政局", "黔东南苗族侗族自治州"), ("市场监管局", None),
])
def test_city_names_ending_in_zhou_keep_their_suffix(name, place):
    assert jurisdiction_of_name(name) == place
