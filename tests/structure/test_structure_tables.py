"""Tables copied into text: headers on one line or one cell a line (pipeline/structure/tables.py)."""
import pytest

from pipeline.structure.layout import split_lines
from pipeline.structure.tables import (is_table_header, names_unit_column, names_unit_table, split_table_runs,
                                       vertical_header)


@pytest.mark.parametrize("line, header, units", [
    ("序号 | 具体工作任务和要求 | 责任领导 | 责任单位 | 落实情况 |", True, True),
    ("政策类别 序号 扶持政策事项 政策内容 政策依据 实施部门", True, True),
    ("序号 项目名称 建设地点", False, False),                  # no task or unit column
    ("一、推进序号管理,落实责任单位。", False, False),          # a sentence, not a header
])
def test_a_header_on_one_line_names_an_id_and_its_columns(line, header, units):
    assert (is_table_header(line), names_unit_column(line)) == (header, units)


def test_a_header_written_one_cell_a_line_gives_the_title_column():
    lines = split_lines("序号\n重点任务\n改革措施\n牵头单位\n责任单位\n1\n1.优化企业开办服务\n")
    assert vertical_header(lines, 0) == (4, (1, 4))          # 改革措施: the second cell after the id


def test_short_lines_without_an_id_column_are_no_header():
    assert vertical_header(split_lines("通知\n各乡镇\n各部门\n现将有关事项通知如下\n"), 0) is None


def test_a_project_list_written_one_cell_a_line_is_no_table_of_measures():
    lines = split_lines("序号\n乡镇\n村名\n项目\n名称\n项目建设内容\n1\n柏祥镇\n伏太村\n大塘清淤\n塘内全面清污\n8\n")
    assert vertical_header(lines, 0) is None


def test_a_header_written_one_cell_a_line_may_head_its_tasks_as_work_measures():
    lines = split_lines("序号\n主要工作举措\n牵头单位\n配合单位\n责任领导\n一、做大做强主导产业\n1\n加快构建现代化产业体系\n")
    assert vertical_header(lines, 0) == (4, (0, 4))


RUN_ON = ("某区重点任务责任分工表序号工作内容目标任务责任单位备注1推进老旧小区改造,新建停车位3个。年底前完成12个小区。"
          "区住建局、区财政局,各街道2加快农贸市场提升,改造市场2家。区商务局序号工作内容目标任务责任单位备注3开展垃圾分类宣传")


def test_a_table_run_together_on_one_line_is_parted_into_its_header_and_rows():
    lines = split_table_runs(split_lines("某区政府办公室\n" + RUN_ON + "\n"))
    assert [ln.text for ln in lines] == [
        "某区政府办公室", "某区重点任务责任分工表", "序号工作内容目标任务责任单位备注",
        "1推进老旧小区改造,新建停车位3个。年底前完成12个小区。区住建局、区财政局,各街道",
        "2加快农贸市场提升,改造市场2家。区商务局", "序号工作内容目标任务责任单位备注", "3开展垃圾分类宣传"]
    assert all(RUN_ON[ln.start - len("某区政府办公室\n"):].startswith(ln.text) for ln in lines[1:])
    assert names_unit_table(RUN_ON)


@pytest.mark.parametrize("line", [
    "序号工作内容责任单位1个工作日内完成审核",          # a measure word after the number: no row
    "一、推进序号管理,落实责任单位1项任务",              # no header: a sentence
    "各乡镇配备不少于3名统计人员,其中2名专职",
])
def test_a_line_without_a_run_on_table_stays_whole(line):
    assert [ln.text for ln in split_table_runs(split_lines(line))] == [line]


def test_a_header_written_one_cell_a_line_each_closed_by_a_bar_gives_the_title_column():
    lines = split_lines("序号 |\n目标与任务 |\n分 管 县领导 |\n牵头责任单位 |\n责任单位 |\n80 |\n新增托位数400个以上。 |\n")
    assert vertical_header(lines, 0) == (4, (0, 4))          # 目标与任务: the first cell after the id


def test_a_table_copied_cell_by_cell_with_a_key_work_column_gives_its_rows():
    from pipeline.structure import parse_structure, select_measures
    text = ("2021年市政府工作报告部署工作责任分工\n序号\n重点工作\n市政府\n分管领导\n牵头单位\n配合单位\n备注\n"
            "(一)\n加强战略科技力量建设。\n1\n加快建设科技创新轴。\n王 东\n市科技局\n黄埔区、南沙区政府\n"
            "2\n全力做好国家实验室筹建保障服务工作。\n王 东\n市科技局\n市财政局\n")
    st = parse_structure(text)
    assert [m.label for m in select_measures(st, text)] == ["1", "2"]
