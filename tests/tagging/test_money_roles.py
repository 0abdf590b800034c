"""The role of an amount from the words around it: a budget or a reported figure (funds, allocations,
transfers, sums paid out), a threshold (eligibility conditions, bands, brackets), or support (grants, caps,
per-unit amounts, lists sharing one role), as the rule table decides it (the trained classifier that may
overrule its weaker rules: test_money_role_model.py)."""
from __future__ import annotations

import pytest

from tests.tagging.helpers import amounts, ruled_money


def amount_roles(text: str) -> list[tuple[float, str]]:
    return [(e.attrs["amount"], e.attrs["role"]) for e in ruled_money(text) if e.label == "MONEY"]


def currency_roles(text: str) -> list[tuple[float, str, str]]:
    return [(e.attrs["amount"], e.attrs["currency"], e.attrs["role"]) for e in ruled_money(text) if e.label == "MONEY"]


def role_of(text: str, written: str) -> str:
    """Role of the one MONEY entity whose text ends with `written`."""
    hits = [e for e in ruled_money(text) if e.label == "MONEY" and "".join(e.text.split()).endswith(written)]
    assert len(hits) == 1, (written, [e.text for e in ruled_money(text)])
    return hits[0].to_dict()["role"]


# ---------------------------------------------------------------- budgets and reported figures
@pytest.mark.parametrize("text, expected", [
    # a fund's size is a budget, not a condition on the firms the fund serves
    ("設立總規模50億元的民營企業紓困基金，支持民營企業渡過難關。", [(5e9, "budget")]),
    ("设立总规模3亿元的中小企业应急转贷资金。", [(3e8, "budget")]),
    ("对年营业收入5000万元以上的企业给予奖励。", [(5e7, "threshold")]),
    # transfers from higher levels and shares borne by a budget
    ("2022年，我区共争取上级补助资金6800万元，区本级配套资金2100万元。", [(6.8e7, "budget"), (2.1e7, "budget")]),
    ("每户补助1200元，其中县财政承担800元、乡镇承担400元。", [(1200.0, "grant"), (800.0, "budget"), (400.0, "budget")]),
    # a reported disbursement is a statistic even after support words
    ("2020年全市共发放一次性创业补贴1426万元，惠及2852人。", [(1.426e7, "statistic")]),
    ("截至7月底，已核销消费券2150万元。", [(2.15e7, "statistic")]),
    ("2020年，全市共支出就业见习补贴和职业培训补贴3860万元。", [(3.86e7, "statistic")]),
    # a standard of assistance written per person and month; a restated floor keeps the standard's role
    ("一、成年受助人员生活费标准由190元/人/月调整为300元/人/月。", [(190.0, "other"), (300.0, "grant")]),
    ("本市农村五保供养标准调整为每人每年不低于6804元,即每人每月不低于567元。", [(6804.0, "grant"), (567.0, "grant")]),
    # an enforcement outcome a reply reports
    ("市医保局共检查定点医药机构1695家,查处违法违规金额3901.17万元。", [(3.90117e7, "statistic")]),
])
def test_fund_sizes_transfers_and_shares_are_budgets_and_sums_paid_out_statistics(text, expected):
    got = amount_roles(text)
    assert [(round(v), r) for v, r in got] == [(round(v), r) for v, r in expected]


@pytest.mark.parametrize("text, written, role", [
    # the total of a fund is its budget
    ("2023年度专项扶持资金总额为1200万元，申报金额超出的按比例核减。", "1200万元", "budget"),
    ("全年进出口总额达到320亿元。", "320亿元", "statistic"),
    # an allocating verb before a fund noun makes a budget; a support verb keeps a grant
    ("2022年，省级安排乡村振兴衔接补助资金52.3亿元。", "52.3亿元", "budget"),
    ("对验收合格的项目，给予补助资金10万元。", "10万元", "grant"),
    # funds secured from above are a budget, even when named as 补助资金
    ("2023年，我县争取省级财政补助资金3200万元。", "3200万元", "budget"),
    # 其中 ('of which'): a part of a budget is a budget unless it has its own support cue
    ("县财政安排农村公路建设资金2.4亿元，新建道路120公里。其中，某乡道改建项目总投资3800万元。", "3800万元", "budget"),
    ("市财政安排专项资金1亿元，其中给予企业奖励4000万元。", "4000万元", "grant"),
    # funds allocated or invested stay budgets when reported (annotation guide §2: 投入3000多万)
    ("“十三五”时期,旅文系统共拨付2.23亿元旅游发展资金。", "2.23亿元", "budget"),
    ("2022年共下达补助资金7.6亿元。", "7.6亿元", "budget"),
    ("全镇生活污水治理已投资400多万元实施了集镇一期生活污水处理。", "400多万元", "budget"),
    ("吉林省图们江治理二期工程是重点工程之一,总投资17.8亿元。", "17.8亿元", "budget"),
    # growth over last year, money paid out to beneficiaries, spending done and raised standards are reported figures
    ("省财政安排资金30亿元，比上年增加2.5亿元。", "2.5亿元", "statistic"),
    ("2020年全市共发放一次性创业补贴1426万元。", "1426万元", "statistic"),
    ("目前到位资金9.89亿元,已完成投资5.249亿元。", "5.249亿元", "statistic"),
    ("带动社会投资50亿元。", "50亿元", "statistic"),
    ("部分市州已将村级运转经费标准提高到每村每年12万元以上。", "12万元以上", "statistic"),
])
def test_fund_totals_allocations_investments_and_their_parts_are_budgets_and_past_sums_statistics(text, written, role):
    assert role_of(text, written) == role


@pytest.mark.parametrize("text, expected", [
    ("2016年至2018年，全市共新建幼儿园512所，累计投入资金约27亿元。", [(2700000000, "CNY", "budget")]),
    ("本办法所需资金由县财政统一安排，全年预算总额约三千六百万元。", [(36000000, "CNY", "budget")]),
    ("截至6月底，累计为312家企业提供转贷资金28.6亿元。", [(2860000000, "CNY", "statistic")]),
    ("全市农村公办幼儿园非在编教师月平均工资为2860元。", [(2860, "CNY", "statistic")]),
])
def test_sums_invested_or_budgeted_are_budgets_and_sums_provided_or_paid_statistics(text, expected):
    assert currency_roles(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("据测算，政策实施后每年减免税款约200亿元", [(20000000000, None, "CNY", "statistic")]),
    ("累计投入柑橘产业发展资金3200余万元", [(32000000, None, "CNY", "budget")]),
    ("经费批复5万元的调研工作经费待各商业银行与人民银行清算", [(50000, None, "CNY", "budget")]),
])
def test_estimates_are_statistics_and_sums_invested_or_approved_budgets(text, expected):
    assert amounts(text) == expected


# ---------------------------------------------------------------- thresholds
@pytest.mark.parametrize("text, expected", [
    ("對年度營業收入首次突破5億元的旅行社，給予50萬元獎勵。",
     [(500000000, "CNY", "threshold"), (500000, "CNY", "grant")]),
    ("对单户担保金额500万元及以下的小微企业，担保费率降至1%以下。", [(5000000, "CNY", "threshold")]),
    ("对月销售额15万元以下的小规模纳税人免征增值税。", [(150000, "CNY", "threshold")]),
    ("实缴资本达到5000万美元或等值4亿港元以上的，开办奖励最高可提高至3000万元。",
     [(50000000, "USD", "threshold"), (400000000, "HKD", "threshold"), (30000000, "CNY", "cap")]),
])
def test_conditions_on_who_qualifies_are_thresholds_in_any_currency_or_script(text, expected):
    assert currency_roles(text) == expected


@pytest.mark.parametrize("text, written, role", [
    # eligibility bands and tax brackets are thresholds
    ("设备投资额在300万元以上、1000万元以下的，按投资额的8%给予补助。", "300万元以上、1000万元以下", "threshold"),
    ("合同金额累计达到500万元以上的服务商，给予奖励。", "500万元以上", "threshold"),
    ("对小型微利企业年应纳税所得额超过100万元但不超过300万元的部分，减按25%计入应纳税所得额。",
     "超过100万元但不超过300万元", "threshold"),
])
def test_eligibility_bands_and_tax_brackets_are_thresholds(text, written, role):
    assert role_of(text, written) == role


@pytest.mark.parametrize("text, expected", [
    # eligibility heads beyond 企业/项目
    ("对年营收超1000万元的孵化器给予奖励", [(10000000, None, "CNY", "threshold")]),
    ("对当年实际利用外资1000万美元以上的新设外资企业", [(10000000, None, "USD", "threshold")]),
    ("新设注册资本2000万港元以上企业的，优先纳入重点项目库", [(20000000, None, "HKD", "threshold")]),
])
def test_conditions_on_any_eligible_head_are_thresholds(text, expected):
    assert amounts(text) == expected


# ---------------------------------------------------------------- support: grants, caps, per-unit amounts, lists
@pytest.mark.parametrize("text, expected", [
    # a voucher: the spending condition and the discount
    ("每张消费券面额为满100元减30元。", [(100.0, "threshold"), (30.0, "grant")]),
    ("企业在境内上市的，分阶段给予总额1000万元奖励。", [(1e7, "grant")]),
    ("对年度税收首次突破1亿元的楼宇，给予一次性奖励100万元。", [(1e8, "threshold"), (1e6, "grant")]),
    # an enumeration with a label before each amount shares one role
    ("按照初级工1000元、中级工1500元、高级工2000元的标准给予培训补贴。",
     [(1000.0, "grant"), (1500.0, "grant"), (2000.0, "grant")]),
    ("分别给予省级、国家级示范基地一次性奖励30万元、50万元。", [(3e5, "grant"), (5e5, "grant")]),
])
def test_vouchers_awards_and_labelled_enumerations(text, expected):
    got = amount_roles(text)
    assert [(round(v), r) for v, r in got] == [(round(v), r) for v, r in expected]


@pytest.mark.parametrize("text, expected", [
    ("每场最高不超过新台币100万元。", [(1000000, "TWD", "cap")]),
    ("按进出口额每1美元给予不超过0.02元人民币的奖励。", [(1, "USD", "other"), (0.02, "CNY", "cap")]),
    ("按出口额每美元0.01元给予奖励。", [(0.01, "CNY", "grant")]),
    ("实际到位外资每1亿日元奖励5万元。", [(100000000, "JPY", "other"), (50000, "CNY", "grant")]),
    ("对返乡创业的大学生，给予最高10万元的创业担保贷款。", [(100000, "CNY", "cap")]),
    ("纳入乡镇年度效能目标考核，对排名前三位的乡镇，分别给予工作经费奖励十万元、八万元、五万元。",
     [(100000, "CNY", "grant"), (80000, "CNY", "grant"), (50000, "CNY", "grant")]),
])
def test_support_per_unit_of_foreign_currency_caps_and_ranked_awards(text, expected):
    assert currency_roles(text) == expected


@pytest.mark.parametrize("text, written, role", [
    # the end of a date span (…日至2022年…) is not a goal year
    ("2021年1月1日至2022年12月31日期间新认定为国家级技术创新示范企业的，给予一次性奖励80万元。", "80万元", "grant"),
    ("2020年7月1日至2021年6月30日期间，新认定为省级众创空间的，给予一次性奖励20万元。", "20万元", "grant"),
    ("到2025年，全市数字经济核心产业增加值突破500亿元。", "500亿元", "target"),
    # a per-unit rate: the base noun (新增) does not decide, the word after the amount does
    ("按新增建筑面积每平方米80元给予奖励，单个项目最高300万元。", "80元", "grant"),
    ("按照每人每月200元发放高龄津贴。", "200元", "grant"),
    ("保洁员工资按每人每月不低于1500元标准发放。", "1500元", "other"),
])
def test_date_span_ends_and_per_unit_rates(text, written, role):
    assert role_of(text, written) == role


@pytest.mark.parametrize("text, expected", [
    # a per-unit amount (元/亩, 万元/人) keeps the support word after it
    ("按照300元/亩的标准给予补贴", [(300, None, "CNY", "grant")]),
    ("按照500元/亩的标准给予补贴", [(500, None, "CNY", "grant")]),
    ("一次性给予奖励资金3万元/人", [(30000, None, "CNY", "grant")]),
    ("对新评为省级农业龙头企业的，一次性给予奖励资金20万元。", [(200000, None, "CNY", "grant")]),
    # caps, ranges and a bound shared by a list
    ("单个项目最高不超过1000万元", [(10000000, None, "CNY", "cap")]),
    ("对获评示范单位的商户给予5万元至10万元的资金支持", [(50000, 100000, "CNY", "range")]),
    ("分别给予最高300万元、200万元、100万元奖励",
     [(3000000, None, "CNY", "cap"), (2000000, None, "CNY", "cap"), (1000000, None, "CNY", "cap")]),
])
def test_per_unit_amounts_caps_and_ranges(text, expected):
    assert amounts(text) == expected


def test_a_list_of_inclusive_thresholds_is_no_band():
    text = "对年度销售收入达到1000万元(含)、2000万元(含)、3000万元(含)、5000万元(含)、1亿元(含)以上的生产企业,按用电费用的10%给予补贴。"
    got = [(a, hi, role) for a, hi, _, role in amounts(text)]
    assert got == [(1e7, None, "threshold"), (2e7, None, "threshold"), (3e7, None, "threshold"), (5e7, None, "threshold"),
                   (1e8, None, "threshold")]


def test_a_lower_bound_on_the_applicant_is_a_threshold_a_minimum_award_is_not():
    assert [r for *_, r in amounts("工业项目:固定资产投资原则上不低于3000万元。")] == ["threshold"]
    assert [r for *_, r in amounts("每年统筹安排技改资金不少于3亿元。")] == ["budget"]


@pytest.mark.parametrize("text,roles", [
    # a band with two bounds is a bracket of a condition
    ("对企业2019年工业产值在1亿元(含)以上、5亿元(不含)以下,2020年增长达到40%(含)以上的予以奖励。", ["threshold"]),
    # a list of thresholds each closed by (含) shares the condition after the last
    ("销售收入达到3000万元(含)、5000万元(含)、1亿元(含)以上的,给予企业销售收入0.5%、1%、1.5%的奖励。",
     ["threshold", "threshold", "threshold"]),
    # a range with a condition after 且…的 + the beneficiary
    ("首期完成固定资产投资额1亿元~5亿元且资金到期为12个月内的制造业项目,奖励标准为投资额的1‰。", ["threshold"]),
])
def test_bands_and_condition_lists(text, roles):
    assert [r for *_, r in amounts(text)] == roles


def test_an_amount_in_a_note_on_a_bound_is_no_amount_of_its_own():
    assert amounts("固定资产投资在100万元到1000万元(不含1000万元)的项目,按实际投资额的1%给予奖励。") == [
        (1e6, 1e7, "CNY", "threshold")]


@pytest.mark.parametrize("text,roles", [
    ("其中,一等奖贺兰县,兑现以奖代补资金80万元;二等奖灵武市、兴庆区,各兑现以奖代补资金40万元。", ["grant", "grant"]),
    ("市财政安排以奖代补资金500万元。", ["budget"]),
    ("(二)生活补贴。服务期满且考察合格的,按全日制博士研究生15万元,全日制硕士研究生8万元发放。", ["grant", "grant"]),
    ("完成投资500万元-2500万元的给予4000元奖励(绩效考评分10分);", ["threshold", "grant"]),
])
def test_awards_paid_out_and_named_by_their_heading(text, roles):
    assert [r for *_, r in amounts(text)] == roles


@pytest.mark.parametrize("text,roles", [
    ("第四条 固定资产投资额1000万元(人民币,下同)及以上的鼓励类生产性投资项目,项目建成投产后给予奖励。", ["threshold"]),
    ("新引进的固定资产投资强度300万元/亩(含)以上,2年内入库额5亿元(含)以上且符合本政策的,给予奖励。",
     ["threshold", "threshold"]),
])
def test_a_condition_read_past_a_currency_note_a_per_unit_and_an_inclusive_bound(text, roles):
    assert [r for *_, r in amounts(text)] == roles


@pytest.mark.parametrize("text,written", [
    ("对通过电子商务销售本地农产品销售额在1000万元以上的(销售额以会计事务所审核数据为准),每个奖励5万元。", "1000万元以上"),
    ("旅游产业新建固定资产投资项目投资金额超10亿元的可直接向市旅游主管部门申报。", "超10亿元"),
])
def test_a_condition_closed_by_a_headless_de_is_a_threshold(text, written):
    assert role_of(text, written) == "threshold"


def test_spending_conditions_of_vouchers_are_thresholds_and_their_face_values_grants():
    text = "共设置3种面额:15元、30元、45元。消费金额满  100元减  15元,满  200元减  30元。"
    assert [r for *_, r in amounts(text)] == ["grant", "grant", "grant", "threshold", "grant", "threshold", "grant"]


def test_a_floor_written_greater_than_is_a_condition():
    assert role_of("第三类采矿业参考标准:资产总额要大于1200亿元,营业收入大于800亿元。", "1200亿元") == "threshold"


def test_amounts_a_fee_standard_sets_are_charges_not_goals():
    text = ("经镇党政办公会议研究决定,对街道门市、住户2022年度卫生费缴费标准进行调整如下:\n"
            "1.街道各门市每年每间150元,楼层住户每年每户60元;")
    assert [r for *_, r in amounts(text)] == ["other", "other"]


# ---------------------------------------------------------------- discounts and relief
@pytest.mark.parametrize("text, expected", [
    # a discount the holder of a voucher receives is support; relief reported as given is a figure
    ("凭消费券到指定参与活动的商户消费满200元,可减免50元。", [(200.0, "threshold"), (50.0, "grant")]),
    ("全年累计减免税费3.2亿元。", [(3.2e8, "statistic")]),
])
def test_a_discount_offered_is_support_and_relief_reported_a_figure(text, expected):
    assert amount_roles(text) == expected


# ---------------------------------------------------------------- totals, listed projects, ranges in a budget
@pytest.mark.parametrize("text, expected", [
    # a total takes the role of the cue before it in its clause, else of its sentence
    ("2017-2021年安排上级专项资金共计454万元;", [(4.54e6, "budget")]),
    ("由县财政每年安排专项资金80万元,其中:家庭农场12家,每家扶持资金2万元,小计24万元;",
     [(8e5, "budget"), (2e4, "grant"), (2.4e5, "budget")]),
    ("(一)产业类项目5个,共计4197万元。", [(4.197e7, "budget")]),
    # lines of a list of funded projects; a support word on the line makes it support
    ("1.大同区冷棚育苗基地建设项目850万元。\n5.扶贫小额贷款贴息项目205万元。\n对前10位的项目,给予每个项目20万元一次性奖补。",
     [(8.5e6, "budget"), (2.05e6, "budget"), (2e5, "grant")]),
    # a range a budget cue governs is a budget; a sum already paid is a report
    ("博乐市每年预算安排5-10万元专项用于文物保护工作经费", [(5e4, "budget")]),
    ("投资803.21万元(含省级补助650万元,已拨付520万元)", [(8.0321e6, "budget"), (6.5e6, "grant"), (5.2e6, "statistic")]),
])
def test_totals_listed_projects_and_budgeted_ranges(text, expected):
    assert amount_roles(text) == expected


def test_a_band_written_with_inequality_signs_is_one_threshold():
    text = "1億元≤項目固定資產投資總額<3億元,補貼額度為新購設備投資額的5%;"
    assert [(a, b, r) for a, b, _, r in amounts(text)] == [(1e8, 3e8, "threshold")]


@pytest.mark.parametrize("text, expected", [
    # a band of a rate schedule (…的按照5%) is a condition; the unit undertaking a project receives support
    ("(1)1000万元-1亿元(不含)的按照5%;", [(1e7, "threshold")]),
    ("对新认定的省级智能工厂,分别给予承担单位100万元、50万元配套奖励;", [(1e6, "grant"), (5e5, "grant")]),
])
def test_bands_of_a_rate_schedule_and_support_to_the_undertaking_unit(text, expected):
    assert amount_roles(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a social-assistance standard is a fixed amount paid to each beneficiary
    ("城区城市最低生活保障标准每人每月600元,农村最低生活保障标准每人每月410元;",
     [(600.0, "grant"), (410.0, "grant")]),
    ("分散供养特困人员基本生活标准每人每月780元。", [(780.0, "grant")]),
    # the goals of a paragraph that opens with one run on into its later sentences
    ("到2026年,人工智能核心技术取得重大突破。集聚核心企业100家,实现产业规模超过1000亿元。", [(1e11, "target")]),
    # a plan's task to form firms or clusters of a size is a goal, not a bracket of eligible firms
    ("围绕新兴产业,形成一批超100亿元的优势产业集群。", [(1e10, "target")]),
    ("对新培育的年营业收入超10亿元的企业,给予奖励50万元。", [(1e9, "threshold"), (5e5, "grant")]),
])
def test_assistance_standards_are_grants_and_a_goal_paragraph_sets_targets(text, expected):
    assert amount_roles(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a standard raised to a new amount: the old one is no longer paid; the shares borne by budgets are budgets
    ("基础养老金标准由每人每月75元提高到80元,其中省级财政负担10元。",
     [(75.0, "other"), (80.0, "grant"), (10.0, "budget")]),
    ("基础养老金标准每人每月提高7元,调整后的基础养老金标准为每人每月150元。", [(7.0, "grant"), (150.0, "grant")]),
    # a year before 前 that qualifies what was built is no goal
    ("贫困户维修2012年前建设的密集型烤房群给予每座0.5万元补助。", [(5000.0, "grant")]),
])
def test_a_raised_standard_its_budget_shares_and_a_past_year_qualifier(text, expected):
    assert amount_roles(text) == expected


def test_a_voucher_pool_is_a_budget_and_a_vouchers_face_value_a_grant():
    text = "发放4200万元消费券。其中:购物消费券1800万元,单张金额20元,共32万张;油品消费券300万元,单张金额30元,共10万张。"
    roles = {(a, r) for a, _, _, r in amounts(text)}
    assert {(18000000.0, "budget"), (3000000.0, "budget"), (20.0, "grant"), (30.0, "grant")} <= roles


@pytest.mark.parametrize("text, written, role", [
    # 不高于 holds 高于: a cap on support, no floor on the applicant
    ("标准化茶园建设按不高于550元/亩进行补助。", "550元", "cap"),
    ("工业项目投资强度高于200万元/亩。", "200万元", "threshold"),
    # a total written as a limit (总额限) caps the support
    ("每个点补助不高于3万元,补助总额限9万元。", "9万元", "cap"),
])
def test_a_bound_written_not_higher_than_or_as_a_total_limit_caps_support(text, written, role):
    assert role_of(text, written) == role


@pytest.mark.parametrize("text, expected", [
    # old standards listed before the verb that raises them are no longer paid
    ("由原集中、分散供养基本生活标准每人每年7700元、6200元,统一提高至每人每年8400元。",
     [(7700.0, "other"), (6200.0, "other"), (8400.0, "grant")]),
    # a fee parents pay is neither support nor a condition
    ("经批准,幼儿园保教费分别调整为省级示范性幼儿园294元/生/月、城市一类幼儿园260元/生/月。",
     [(294.0, "other"), (260.0, "other")]),
])
def test_old_standards_in_a_list_and_fees_paid_are_no_support(text, expected):
    assert amount_roles(text) == expected


def test_a_land_price_is_neither_support_nor_a_condition():
    text = "对新建工业项目,县开发区以内容积率在1.0(含)-1.1之间的,基准地价按30万元/亩供地,园区以外基准地价按25万元/亩供地。"
    assert amount_roles(text) == [(3e5, "other"), (2.5e5, "other")]


@pytest.mark.parametrize("text, expected", [
    # a ceiling on a product's price, and the listed prices after it, are conditions of the programme
    ("家电下乡产品最高限价分别为:彩电3500元,冰箱(含冰柜)2500元。", [(3500.0, "threshold"), (2500.0, "threshold")]),
    ("太阳能热水器最高限价为4000元。", [(4000.0, "threshold")]),
    ("对区内汽车销售企业销售售价10万元以内(含10万元)的车辆,每辆车奖励购车者500元加油卡。",
     [(1e5, "threshold"), (500.0, "grant")]),
    # a bound on what a project may cost, in a sentence with no support, is a condition
    ("涉及兴电灌区的扩灌项目总投资必须控制在6亿元以内。", [(6e8, "threshold")]),
    ("择优按照不超过投资额40%、最高不超过100万元的标准给予资金奖励。", [(1e6, "cap")]),
])
def test_a_price_ceiling_or_a_projects_cost_bound_is_a_condition_not_a_cap(text, expected):
    assert amount_roles(text) == expected


def test_a_price_compared_is_no_ceiling():
    assert amount_roles("执行价格预计较今年市场零售价格低约200-300元。")[0][1] != "threshold"


def test_a_revenue_band_in_an_untitled_notice_is_a_condition_of_the_award():
    from pipeline.tagging.flow import tag_text
    text = ("各县(市、区)发展改革部门:\n现开展服务业企业奖励申报工作,具体事项通知如下:\n一、奖励政策\n"
            "营业收入10亿元—15亿元,增速15%以上的,按同比增量的0.1%进行一次性奖励,最高不超过40万元。\n")
    roles = {e.text: e.attrs["role"] for e in tag_text(text).entities if e.label == "MONEY"}
    assert roles["10亿元—15亿元"] == "threshold"


def test_an_amount_closing_a_condition_right_before_the_grants_verb_is_a_threshold():
    text = "对给某区年实际纳税额在10万元以上的一次性给予2万元补助,给予10万元以上的一次性奖励。"
    assert [a[3] for a in amounts(text)] == ["threshold", "grant", "grant"]
