"""Money in table cells: a bare figure in a column whose unit is money (its header's unit, else the
table's 单位 line) becomes MONEY with that unit applied (7545 under 单位：万元 is 75,450,000 元) and its
row and column headers as scope; money the text tagger found inside a cell (a cell's own unit:
4000亿元) gets the cell's table, row and column too."""
from __future__ import annotations

import re

from ..structure.lexicon import data, rx
from ..structure.record_tables import RecordTable, figure, row_label, unit_of_header
from ..types import Entity


def table_money(tables: list[RecordTable], entities: list[Entity], text: str) -> list[Entity]:
    """New MONEY entities for the money figures of the tables' cells; tagged spans inside cells get
    `table`, `row` and `column` (entities are changed in place)."""
    spec = data("tables")
    out: list[Entity] = []
    for t in tables:
        role, rule = _role(t, spec)
        labels = _row_labels(t)
        header, units = t.header, t.column_units
        for r, row in enumerate(t.rows):
            inner = _inner_header(row)
            if inner is not None:           # a header row inside the table (年度报告: 信息内容 | 本年收费金额（单位：万元）)
                header = [inner]
                line_unit = t.unit if t.unit in spec["money_units"] else None
                units = [unit_of_header(h) or line_unit for h in inner]
                continue
            for c, cell in enumerate(row):
                if cell.start is None:
                    continue
                inside = [e for e in entities if e.label in ("MONEY", "RATE") and cell.start <= e.start < cell.end]
                for e in inside:
                    e.attrs.update(table=t.index, row=r, column=c)
                if any(e.label == "MONEY" for e in inside):
                    continue
                value = figure(cell.text)
                unit = units[c] if c < len(units) else None
                if value is None or not _money_column(header, c, unit, spec):
                    continue
                scale = spec["money_units"][unit]
                head = _column_header(header, c)
                out.append(Entity("MONEY", text[cell.start:cell.end], cell.start, cell.end, cell.page, attrs={
                    "amount": _clean(value * scale), "amount_max": None,
                    "currency": spec["currencies"].get(unit, "CNY"), "approx": False,
                    "role": role, "rate": None, "scope": " ".join(x for x in (labels[r], head) if x) or None,
                    "rule": rule, "unit": unit, "table": t.index, "row": r, "column": c,
                    **({"total": True} if r in t.total_rows else {})}))
    return out


def _clean(x: float) -> float | int:
    return int(round(x)) if abs(x - round(x)) < 1e-6 else round(x, 4)


def _role(t: RecordTable, spec: dict) -> tuple[str, str]:
    """budget where the caption or a header speaks of funds allotted, target where of a quota or
    goal, statistic otherwise (models/structure/tables.json)."""
    words = " ".join([t.caption or ""] + [h for row in t.header for h in row])
    if any(w in words for w in spec["budget_words"]):
        return "budget", "table.money.budget"
    if any(w in words for w in spec["target_words"]):
        return "target", "table.money.target"
    return "statistic", "table.money.statistic"


def _inner_header(row: list) -> list[str] | None:
    """A body row that names columns (two or more short names, no figure), its names spread right
    over the empty cells a merged name covers; None for other rows."""
    texts = [c.text.strip() for c in row]
    filled = [x for x in texts if x]
    if len(filled) < 2 or any(figure(x) is not None for x in filled) or any(len(x) > 20 for x in filled):
        return None
    if not any(unit_of_header(x) for x in filled):
        return None                          # names without a unit change nothing for money
    out, last = [], ""
    for x in texts:
        last = x or last
        out.append(last)
    return out


def _money_column(header: list[list[str]], c: int, unit: str | None, spec: dict) -> bool:
    """True where a column's figures are amounts: its unit is money, and its header names no id
    (序号, 年份) or count (件数, 占比)."""
    if unit not in spec["money_units"]:
        return False
    names = [h[c] for h in header if c < len(h)]
    plain = [re.sub(rx(spec["header_unit"]).pattern, "", n).strip() for n in names]
    if any(n in spec["id_columns"] for n in plain):
        return False
    own = any(rx(spec["header_unit"]).search(n) for n in names)
    return own or not any(w in n for n in plain for w in spec["count_words"])


def _column_header(header: list[list[str]], c: int) -> str:
    """The column's header names top to bottom, each once, their unit brackets left out."""
    pattern = rx(data("tables")["header_unit"])
    names = [pattern.sub("", h[c]).strip() for h in header if c < len(h) and h[c].strip()]
    return "·".join(dict.fromkeys(n for n in names if n))


def _row_labels(t: RecordTable) -> list[str]:
    """Each row's label for a scope: its written cells before the first figure, id columns left out,
    a cell merged down from the row above (产业类项目 over five rows) read as written there."""
    ids = set(data("tables")["id_columns"])
    id_cols = {c for c in range(len(t.header[0]) if t.header else 0)
               if any(h[c] in ids for h in t.header)}
    above: dict[int, str] = {}
    out = []
    for r, row in enumerate(t.rows):
        if r in t.total_rows:
            out.append(row_label(row))
            continue
        parts = []
        for c, cell in enumerate(row):
            if figure(cell.text) is not None and not (c in id_cols):
                break
            if c in id_cols:
                continue
            text = cell.text.strip() or above.get(c, "")
            if cell.text.strip():
                above[c] = cell.text.strip()
            if text:
                parts.append(text)
        out.append(" ".join(parts) or row_label(row))
    return out
