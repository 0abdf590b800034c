"""The outline and the measure level on real documents of corpora/real (dev split and unannotated)."""
from pipeline.structure import parse_structure, select_measures
from tests.corpus import ROOT

REAL = ROOT / "corpora" / "real" / "raw"


def _measures(doc: str) -> list[str]:
    text = (REAL / f"{doc}.txt").read_text(encoding="utf-8")
    st = parse_structure(text)
    return [m.label for m in select_measures(st, text)]


def test_a_small_full_stop_numbers_items():                      # 1﹒地区生产总值可比增长5%以上
    assert _measures("xuanwu-2023-measures-task-breakdown")[:3] == ["1", "2", "3"]


def test_a_list_whose_first_item_was_lost_still_counts():         # 2. 3. 4. after a damaged 1.
    assert _measures("xianning-2020-measures-epidemic-tasks") == ["2", "3", "4"]


def test_the_cover_letters_own_items_are_not_measures_of_the_attached_plan():
    labels = _measures("caidian-2023-measures-gzbg-tasks")
    assert labels[:2] == ["（一）", "（二）"] or labels[:2] == ["(一)", "(二)"]


def test_articles_of_a_rules_text_are_measures_unless_purpose_or_definition():
    labels = _measures("chongqing-2001-notice-quarry-dust")
    assert "第三条" in labels and "第四条" in labels and "第一条" not in labels and "第二条" not in labels


def test_a_policy_notice_has_its_policy_items_as_measures():
    assert _measures("minzhengbu-notice-disaster-relief-funds") == ["一", "二", "三"]
    assert _measures("hunan-2009-notice-graduates") == ["二"]


def test_a_notice_publishing_assistance_standards_has_each_standard_as_a_measure():
    assert _measures("chizhou-zhengfuban-2023-notice-dibao-tekun-biaozhun")[:3] == ["一", "二", "三"]


def test_a_task_list_without_a_title_is_a_policy():
    text = (REAL / "lishui-2023-measures-gzbg-tasks.txt").read_text(encoding="utf-8")
    assert parse_structure(text).kind == "measures"


def test_the_steps_under_a_selection_procedure_heading_are_no_measures():      # 四、选聘程序 1.公告 2.申报 3.审核
    assert _measures("qingshui-renshe-2022-notice-xiangcun-gongyixing-gangwei") == []


def test_a_fields_list_and_a_funding_source_are_no_measures():      # 2.重点支持产业包括: / 第三条 经费来源包括:
    assert _measures("hefei-gaoxinqu-2017-measures-chanye-fazhan-zhengce") == ["1", "6", "7"]
    assert "第三条" not in _measures("hefei-measures-nongcun-weifang-gaizao-buzhu")


def test_a_support_whose_items_are_its_scope_and_standard_is_one_measure():      # (一)畜禽重点户 1、奖补范围 2、奖补标准
    from pipeline.extraction import extract
    record = extract(REAL / "qilian-2024-measures-niuyang-chulan-jiangbu.txt", isolate=False)
    assert [m.label for m in record.measures] == ["(一)", "(二)", "(三)", "(四)"]


def test_a_notices_livelihood_projects_table_copied_cell_by_cell_gives_its_rows():   # 序号 / 民生实事 / 责任单位
    assert _measures("dazhu-2016-measures-minsheng-shishi-dubian") == [str(n) for n in range(1, 11)]


def test_an_untitled_cover_letters_instructions_leave_the_issued_plans_items():      # 一、加强工作统筹 … 2022年1月22日
    assert _measures("wuhan-2022-measures-zhengfu-gongzuo-baogao-zeren-fenjie") == ["(一)"]


def test_duties_under_a_division_of_work_heading_are_measures():                      # 三、责任分工 (一)市财政局负责…
    assert _measures("jinzhou-xian-2020-measures-liaohe-shengtai-fengyu") == ["(一)", "(二)", "(三)", "(四)", "(五)", "(六)"]


def test_a_notice_whose_every_item_sets_the_policy_reads_them_all_beside_its_support_heading():
    from pipeline.structure.measures import rule_choice       # 一、补贴对象 二、补贴标准 三、资金渠道 四、发放办法
    text = (REAL / "dazhou-zhengfuban-2009-notice-baisui-laoren-changshou-butie-trad.txt").read_text(encoding="utf-8")
    assert {"二", "三", "四"} <= {s.label for s in rule_choice(parse_structure(text), text).values()}


def test_a_standard_raised_from_its_old_value_is_set_by_its_item():       # 标准从现行的180元/月提高到250元/月
    from pipeline.extraction import extract
    record = extract(REAL / "ezhou-zhengfuban-2010-notice-guer-baozhang-biaozhun.txt", isolate=False)
    assert [m.label for m in record.measures] == ["一", "二", "三", "四"]
    assert "四" in _measures("tianjin-minzheng-2019-notice-shehui-jiuzhu-fanwei-biaozhun")     # 范围由…调整为…


def test_a_table_header_printed_again_is_no_cell_of_the_row_above():
    from pipeline.extraction import extract
    record = extract(REAL / "xuhui-zhengfuban-notice-shiyiwu-guihua-gongzuo-fenjie-shehui-shiye.txt", isolate=False)
    titles = {m.label: m.title for m in record.measures}
    assert titles["119"].startswith("健全社区学院")
    assert "122" not in titles                                 # the excerpt cut that row at its id


def test_a_notices_support_told_by_its_parts_is_one_measure():    # 一、延续…政策 （一）实施条件 （二）返还标准 （三）使用范围
    assert _measures("gansu-renshe-2025-notice-shiye-baoxian-wengang-huimin-trad") == ["一"]


def test_an_articles_items_that_each_give_a_body_its_duty_are_the_measures():    # 第四条 …(一)…由市人民政府负责
    labels = _measures("rongcheng-measures-gongye-yuanqu-touzi-youhui-guiding")
    assert ["(一)", "(二)", "(三)", "(四)"] == [x for x in labels if x.startswith("(")][:4] and "第四条" not in labels


def test_an_untitled_text_whose_items_are_headed_as_support_standards_is_a_policy():    # (二)补贴标准 (三)补贴方式
    text = (REAL / "hainan-measures-shuidao-yumi-liangzhong-butie-fangan.txt").read_text(encoding="utf-8")
    assert parse_structure(text).kind == "measures"


def test_a_table_of_contents_lists_no_items():             # 1.教育系统…三年行动方案(2024-2026年)..........
    assert _measures("xizang-yingjiting-2024-notice-anquan-shengchan-zhiben-gongjian-zifangan") == []


def test_the_situation_a_plan_starts_from_is_no_measure():  # 一、充分认识…面临的严峻形势 / 一、2010年…灾情分析
    assert "一" not in _measures("qinghai-zhengfu-2010-notice-dizhi-zaihai-fangzhi-shishi-yijian")
    assert "一" not in _measures("gansu-zhengfuban-2011-notice-dizhi-zaihai-fangzhi-fangan")
