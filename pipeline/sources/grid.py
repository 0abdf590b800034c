"""A table given as grid cells (row, column, rowspan, colspan, text) -> Table: which top rows are the
header, the header's merged cells spread over what they span, the body's merged-over cells empty.
Shared by the PDF (ruled tables), DOCX and HTML readers."""
from __future__ import annotations

import re

from pipeline.types import Table

HEADER_MAX = 16           # a first row most of whose cells are longer than this is a row of the body
MAX_COLUMNS = 100         # wider grids (a hostile colspan) are read as lines, not as tables
MAX_CELLS = 100_000


def _header_rows(cells: list[tuple], n_rows: int, n_cols: int) -> int:
    """How many grid rows the header takes: the first row, every row a header cell spans down to
    (村名 over two rows beside 一事一议 / 筹款 以资代劳), and the row under header cells that group
    some of the columns where it names them (收入 over 项目 决算数); none where the first row holds figures,
    long texts or names over fewer than half the columns (a table going on from the page before)."""
    first = [c for c in cells if c[0] == 0]
    if not _names(first) or sum(c[3] for c in first if c[4]) * 2 < n_cols:
        return 0
    depth = 1
    while True:
        deeper = max((c[0] + c[2] for c in cells if c[0] < depth), default=depth)
        if deeper >= n_rows:
            return depth
        if deeper > depth:
            depth = deeper
            continue
        # a cell over some of the columns groups them (one over all of them is a title, like 第二十条第（一）项)
        grouping = any(1 < c[3] < n_cols and c[4] for c in cells if c[0] == depth - 1)
        if not grouping or depth + 1 >= n_rows or not _names([c for c in cells if c[0] == depth]):
            return depth
        depth += 1


def _names(row: list[tuple]) -> bool:
    """True for grid cells that read as column names: no figures, mostly short texts."""
    return bool(row) and not any(is_figure(c[4]) for c in row) \
        and sum(len(c[4]) > HEADER_MAX for c in row) * 2 <= sum(1 for c in row if c[4])


_FIGURE = re.compile(r"[-+]?\d[\d,，]*(?:\.\d+)?%?")


def is_figure(text: str) -> bool:
    """True for a cell holding a number alone (7545, 1,234.5, 12%)."""
    return bool(_FIGURE.fullmatch(text.strip()))


def table_from_grid(cells: list[tuple], n_rows: int, n_cols: int, page: int | None, kind: str) -> Table | None:
    """A Table from grid cells (row, col, rowspan, colspan, text); None for a grid too wide or too
    large to be a table, or without a body."""
    if n_cols > MAX_COLUMNS or n_rows * n_cols > MAX_CELLS:
        return None
    h = _header_rows(cells, n_rows, n_cols)
    header = [[""] * n_cols for _ in range(h)]
    header_lines = [[""] * n_cols for _ in range(h)]
    rows = [[""] * n_cols for _ in range(n_rows - h)]
    for r, c, rs, cs, text in cells:
        if r < h:
            header_lines[r][c] = text
            for dr in range(min(rs, h - r)):
                for dc in range(cs):
                    header[r + dr][c + dc] = text
        else:
            rows[r - h][c] = text
    keep = [i for i, row in enumerate(rows) if any(x.strip() for x in row)]
    rows = [rows[i] for i in keep]
    if not rows or (h == 0 and len(rows) < 2):
        return None
    return Table(page=page, kind=kind, header=header, rows=rows, header_lines=header_lines,
                 pieces=[[row] for row in rows], piece_pages=[[page] for _ in rows])
