"""Tables copied into text: headers on one line or one cell a line (pipeline/structure/tables.py)."""
import pytest

from pipeline.structure.layout import split_lines
from pipeline.structure.tables import is_table_header, names_unit_column, vertical_header


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
