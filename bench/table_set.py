"""The tables of the real-PDF table set: real tables of corpus documents, cell by cell, as the source gives them.

Each SourceTable is read from a corpus text (corpora/real/raw/<id>.txt) by a small reader that
knows how that text wrote the table down (a row a line with | between cells, a row a line with
spaces, one cell a line, or a list of funded projects with their amounts); bench/make_pdf_set.py
typesets every table with several producers and border styles and writes the expected table
(header, rows, unit, money cells) beside each PDF. Where a source leaves something to
interpretation, the table's `note` says how it was read.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT / "corpora" / "real" / "raw"


@dataclass
class HeaderCell:
    text: str
    colspan: int = 1
    rowspan: int = 1


@dataclass
class SourceTable:
    """One real table: caption, header rows (with merged cells), body rows (a cell under a
    vertically merged one is None), the unit as the document states it and where."""
    key: str
    source: str                         # corpus id
    caption: str
    header: list[list[HeaderCell]]
    rows: list[list[str | None]]
    unit_line: str | None = None        # 单位：万元 written above the table
    unit: str | None = None             # the unit the table's figures are in
    money_columns: tuple[int, ...] = ()  # columns whose figures are amounts in `unit`
    total_row: int | None = None        # index of the 合计 row in `rows`
    lead: list[str] = field(default_factory=list)   # paragraphs of the document before the table
    merged: dict[tuple[int, int], int] = field(default_factory=dict)   # (row, col) of a body cell -> columns it spans
    note: str = ""

    @property
    def columns(self) -> int:
        return sum(c.colspan for c in self.header[0])

    def header_grid(self) -> list[list[str]]:
        """Header rows with every merged cell spread over the columns and rows it spans."""
        grid: list[list[str | None]] = [[None] * self.columns for _ in self.header]
        for r, row in enumerate(self.header):
            c = 0
            for cell in row:
                while grid[r][c] is not None:
                    c += 1
                for dr in range(cell.rowspan):
                    for dc in range(cell.colspan):
                        grid[r + dr][c + dc] = cell.text
                c += cell.colspan
        return [[t or "" for t in row] for row in grid]


def _lines(doc_id: str) -> list[str]:
    return [ln.strip() for ln in (RAW / f"{doc_id}.txt").read_text(encoding="utf-8").splitlines()]


def _after(lines: list[str], marker: str, exact: bool = False) -> list[str]:
    """The lines after the first one holding `marker` (being it, where `exact`)."""
    return lines[next(i for i, ln in enumerate(lines) if (ln == marker if exact else marker in ln)) + 1:]


def jishui() -> SourceTable:
    """吉水县 10件民生实事任务分解表: a row a line, cells parted by |; the saved copy stops in row 4's
    last cell (kept as saved)."""
    lines = _lines("jishui-measures-minsheng-shishi-table")
    rows = []
    for ln in _after(lines, "序号 |"):
        cells = [c.strip() for c in ln.strip().strip("|").split("|")]
        rows.append(cells + [""] * (5 - len(cells)))
    return SourceTable(
        "jishui-minsheng", "jishui-measures-minsheng-shishi-table", "一、10件民生实事任务分解表",
        [[HeaderCell(t) for t in ("序号", "具体工作任务和要求", "责任领导", "责任单位", "落实情况")]], rows,
        note="the saved page holds rows 1-4; row 4's 落实情况 ends where the saved copy ends")


def guobanhan() -> SourceTable:
    """2016年《政府工作报告》量化指标任务分工: a row a line, 序号 first and the department last."""
    lines = _lines("guobanhan-2016-measures-lianghua-zhibiao")
    rows = []
    for ln in _after(lines, "序号 工 作 任 务"):
        m = re.fullmatch(r"(\d+) (.+) (\S+)", ln)
        if not m:
            break
        rows.append([m.group(1), m.group(2), m.group(3)])
    return SourceTable(
        "guobanhan-lianghua", "guobanhan-2016-measures-lianghua-zhibiao", "2016年《政府工作报告》量化指标任务分工",
        [[HeaderCell("序号"), HeaderCell("工作任务"), HeaderCell("牵头负责部门")]], rows,
        note="rows 1-10 as saved (the saved copy stops in row 10's department: 发展改革); the header's "
             "工 作 任 务 written without its letter spacing")


def shapingba() -> SourceTable:
    """沙坪坝区 2022年经济社会发展预期目标任务分解表: one cell a line."""
    lines = [ln for ln in _lines("shapingba-2022-measures-gzbg-tasks") if ln]
    body = _after(lines, "2022年区政府工作报告经济社会发展预期目标任务分解表", exact=True)[3:]
    rows = []
    for i in range(0, len(body), 3):
        if not body[i].isdigit():
            break
        rows.append(body[i:i + 3])
    return SourceTable(
        "shapingba-mubiao", "shapingba-2022-measures-gzbg-tasks", "2022年区政府工作报告经济社会发展预期目标任务分解表",
        [[HeaderCell("序号"), HeaderCell("2022年预期目标"), HeaderCell("责任单位")]], rows)


_PROJECT = re.compile(r"(\d+)\.(.+?)(\d+)万元。$")
_GROUP = re.compile(r"[（(][一二三四五六七八九十]+[）)](.+?)项目\d+个")


def daqing(unit_in_header: bool = False) -> SourceTable:
    """大庆市大同区 2023年财政衔接推进乡村振兴补助资金安排项目: the notice lists the funded projects
    (1.…项目850万元。) under three kinds (（一）产业类项目5个…) and states the sum (共计6132万元); its
    attachment is that list as a table, set here as 序号 | 项目类别 | 项目名称 | 资金 with the stated sum
    as the 合计 row."""
    lines = _lines("daqing-datongqu-2023-notice-xianjie-zijin-gongshi")
    rows: list[list[str | None]] = []
    group, first = None, False
    for ln in _after(lines, "二、财政衔接推进乡村振兴补助资金安排项目情况"):
        g = _GROUP.match(ln)
        if g:
            group, first = g.group(1) + "项目", True
            continue
        m = _PROJECT.match(ln)
        if m:
            rows.append([m.group(1), group if first else None, m.group(2).rstrip("，,1个"), m.group(3)])
            first = False
    total = re.search(r"共计(\d+)万元", " ".join(lines)).group(1)
    rows.append(["合计", "", "", total])
    head = "资金（万元）" if unit_in_header else "资金"
    return SourceTable(
        "daqing-zijin" + ("-colunit" if unit_in_header else ""), "daqing-datongqu-2023-notice-xianjie-zijin-gongshi",
        "2023年财政衔接推进乡村振兴补助资金安排项目表",
        [[HeaderCell("序号"), HeaderCell("项目类别"), HeaderCell("项目名称"), HeaderCell(head)]], rows,
        unit_line=None if unit_in_header else "单位：万元", unit="万元", money_columns=(3,), total_row=len(rows) - 1,
        lead=[ln for ln in lines if ln.startswith("经大同区农村工作领导小组研究决定")],
        note="the notice's list of funded projects (1.-8.) under its three kinds, as the table its attachment "
             "names; 合计 is the sum the notice states (共计6132万元)")


def changmao() -> SourceTable:
    """灌南县田楼镇 2012年夏季费用征收任务表 (单位:元): one cell a line, header 村名 | 总任务 | 一事一议
    (筹款, 以资代劳) | 水利工程 | 水费 | 水稻保险费 | 备注."""
    lines = _lines("changmao-2012-measures-xiaji-feiyong")
    start = next(i for i, ln in enumerate(lines) if ln == "以资代劳") + 1
    cells = lines[start:]
    rows = []
    while len(cells) >= 7:
        name, total, a, b, c, d, note = cells[:7]
        if not total.isdigit():
            break
        rows.append([name, total, a, "", b, c, d, note])
        cells = cells[7:]
    sums = [str(sum(int(r[k]) for r in rows if r[k])) if k not in (0, 3, 7) else "" for k in range(8)]
    sums[0] = "合计"
    rows.append(sums)
    return SourceTable(
        "changmao-zhengshou", "changmao-2012-measures-xiaji-feiyong", "2012年夏季费用征收任务表",
        [[HeaderCell("村名", rowspan=2), HeaderCell("总任务", rowspan=2), HeaderCell("一事一议", colspan=2),
          HeaderCell("水利工程", rowspan=2), HeaderCell("水费", rowspan=2), HeaderCell("水稻保险费", rowspan=2),
          HeaderCell("备注", rowspan=2)],
         [HeaderCell("筹款"), HeaderCell("以资代劳")]], rows,
        unit_line="单位：元", unit="元", money_columns=(1, 2, 3, 4, 5, 6), total_row=len(rows) - 1,
        note="the saved page writes each row's filled cells one a line: four figures after 总任务, which "
             "add up to it, so one of the five part columns is empty; 以资代劳 (labour in place of money) "
             "is read as the empty one. The saved page stops in row 6 (东盘), left out. The table has "
             "no 合计 row; the one here is the column sums.")


def heshan() -> SourceTable:
    """合山市 行政事业性收费 (a fee table as the city's site shows it: 收费金额(万元), 支出金额(万元), a
    合 计 row over the first five columns). Not in corpora/: the cells as the stored copy of the page
    http://heshanshi.gov.cn/I_1_31621.aspx gives them, one a line."""
    rows = [
        ["小城镇基础设施配套费", "事业性收费", "按工程总造价1.5%", "按工程总造价1.5%", "桂财综〔2007〕54号文", "34.85", "34.85", ""],
        ["罚没款", "事业性收费", "按建设工程造价5%-10%", "按建设工程造价5%-10%", "《中华人民共和国城乡规划法》第64条",
         "75.26", "75.26", ""],
        ["人防防空地下室易地建设费", "事业性收费", "10元/平方", "10元/平方", "桂价费字〔2003〕462号", "10.06", "10.06", ""],
        ["城市污水处理费", "事业性收费", "居民0.95元/吨非居民1.4元/吨", "居民0.95元/吨非居民1.4元/吨", "桂价格〔2015〕117号文",
         "294.79", "294.79", ""],
        ["合 计", "", "", "", "", "414.96", "414.96", ""],
    ]
    return SourceTable(
        "heshan-shoufei", "web:heshanshi.gov.cn/I_1_31621.aspx", "合山市行政事业性收费情况",
        [[HeaderCell(t) for t in ("收费项目", "收费性质", "应收标准", "实收标准", "批准机关及文号", "收费金额(万元)",
                                  "支出金额(万元)", "备注")]], rows,
        unit="万元", money_columns=(5, 6), total_row=4, merged={(4, 0): 5},
        note="a real city's fee table from a stored copy of its web page (not a corpus text); the caption is "
             "the page's subject, the page itself shows the table without one")


TABLES = {t.key: t for t in (jishui(), guobanhan(), shapingba(), daqing(), daqing(True), changmao(), heshan())}
