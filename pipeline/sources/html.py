"""A saved web page -> the article body as lines: chrome (navigation, header, footer, scripts) dropped,
the densest text block kept, one line per paragraph (block elements and <br> break lines)."""
from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser as HTMLParser, LexborNode as Node

from pipeline.sources.grid import MAX_CELLS, MAX_COLUMNS, table_from_grid
from pipeline.types import Line, Page, Table, row_line

DROP_TAGS = "script, style, noscript, template, iframe, svg, nav, header, footer, aside, form, button, select"
# class/id tokens of site chrome (menus, breadcrumbs, share bars): a token that is one of these
# words or starts with one ('nav-main', 'footer_links'); 'article-header' is not chrome
CHROME_WORDS = ("nav", "navbar", "menu", "header", "footer", "foot", "breadcrumb", "crumbs", "crumb",
                "sidebar", "share", "toolbar", "topbar", "copyright", "banner", "login", "search")
BLOCK_TAGS = {"p", "div", "section", "article", "main", "li", "ul", "ol", "table", "tr", "h1", "h2", "h3",
              "h4", "h5", "h6", "blockquote", "pre", "dd", "dt", "dl", "center", "td", "th", "tbody"}
CANDIDATE_TAGS = "article, main, section, div, td, body"
DATA_CELL_MAX = 300       # a table with a longer cell lays out a page rather than holding data


def _is_chrome(node: Node) -> bool:
    attrs = node.attributes or {}
    if attrs.get("role") in ("navigation", "banner", "contentinfo"):
        return True
    tokens = " ".join(v for k, v in attrs.items() if k in ("class", "id") and v).lower().split()
    return any(t == w or t.startswith((w + "-", w + "_")) for t in tokens for w in CHROME_WORDS)


_WHITE = re.compile(r"\s+")
CANDIDATES = frozenset(t.strip() for t in CANDIDATE_TAGS.split(","))


def _tallies(root: Node) -> tuple[list[Node], dict[int, int], dict[int, int]]:
    """The nodes under root in document order, and each one's count of non-space text characters and
    of those inside links, summed bottom-up in one pass (a count per node, each reading its whole
    subtree, took minutes on 20,000 nested blocks)."""
    nodes = list(root.traverse(include_text=True))
    text: dict[int, int] = {}
    links: dict[int, int] = {}
    for node in reversed(nodes):                # children before their parents
        key = node.mem_id
        if node.tag == "-text":
            text[key] = len(_WHITE.sub("", node.text_content or ""))
        own, linked = text.get(key, 0), links.get(key, 0)
        if node.tag == "a":
            linked += own                       # a link inside a link counts its text once for each
        parent = node.parent
        if key != root.mem_id and parent is not None:
            up = parent.mem_id
            text[up] = text.get(up, 0) + own
            links[up] = links.get(up, 0) + linked
    return nodes, text, links


def _densest(root: Node) -> Node:
    """The block with the most non-link text, discounted for link density and slightly for size."""
    nodes, texts, links = _tallies(root)
    best, best_score = root, -1.0
    for node in nodes:
        if node.tag not in CANDIDATES:
            continue
        text = texts.get(node.mem_id, 0)
        if text < 20:
            continue
        link = links.get(node.mem_id, 0)
        # link-heavy blocks are menus; a small penalty on size prefers the tightest block
        score = (text - link) * (1 - 0.5 * link / max(1, text)) - 0.02 * text
        if score > best_score:
            best, best_score = node, score
    return best


def html_pages(html: str) -> list[Page]:
    """One page-less Page 0 with the article body's paragraphs as lines."""
    tree = HTMLParser(html)
    for node in tree.css(DROP_TAGS):
        node.decompose()
    for node in tree.css("[class], [id], [role]"):
        if node.tag not in ("html", "body") and _is_chrome(node):
            node.decompose()
    root = tree.body or tree.root
    if root is None:
        return [Page(number=0, lines=[])]
    body = _densest(root)
    tables, rows = _data_tables(body)
    for br in body.css("br"):
        br.replace_with("\n")
    for node in body.traverse():
        if node.tag in BLOCK_TAGS:
            node.insert_after("\n")
            node.insert_before("\n")
    text = body.text(deep=True, separator="") or ""
    lines = [re.sub(r"[ \t\u00a0]+$", "", t) for t in text.replace("\r", "").split("\n")]
    out, blank = [], False
    k = 0                                   # the next table row line to meet
    for t in lines:
        if t.strip():
            text = t.strip(" \t\u00a0")
            is_row = k < len(rows) and text == rows[k]
            k += is_row
            out.append(Line(text=text, table=is_row))
            blank = False
        elif not blank and out:
            blank = True
    return [Page(number=0, lines=out, tables=tables)]


def _data_tables(body: Node) -> tuple[list[Table], list[str]]:
    """The data tables under `body` (no table inside, no cell of page-layout length), each replaced in
    the tree by its rows as lines (cells parted by ' | '), and those lines in order."""
    tables: list[Table] = []
    lines: list[str] = []
    for node in body.css("table"):
        if any(n.mem_id != node.mem_id for n in node.css("table")) or node.parent is None:
            continue
        if len(node.css("td, th")) > MAX_CELLS:
            continue
        cells, n_rows, n_cols = _grid(node)
        if any(len(c[4]) > DATA_CELL_MAX for c in cells) or n_cols < 2:
            continue
        table = table_from_grid(cells, n_rows, n_cols, None, "html")
        if table is None:
            continue
        rows = [row_line(c)[0] for c in table.header_lines] + [row_line(p)[0] for row in table.pieces for p in row]
        rows = [r for r in rows if r]
        node.replace_with("\n" + "\n".join(rows) + "\n")
        tables.append(table)
        lines += rows
    return tables, lines


def _grid(table: Node) -> tuple[list[tuple], int, int]:
    """(grid cells (row, col, rowspan, colspan, text), rows, columns) of an HTML table."""
    taken: set[tuple[int, int]] = set()
    cells = []
    rows = [tr for tr in table.css("tr")]
    width = 0
    for r, tr in enumerate(rows):
        c = 0
        for td in (n for n in tr.iter() if n.tag in ("td", "th")):
            while (r, c) in taken:
                c += 1
            rs, cs = min(_span(td, "rowspan"), len(rows) - r), min(_span(td, "colspan"), MAX_COLUMNS)
            text = " ".join((td.text(deep=True, separator=" ") or "").split())
            cells.append((r, c, rs, cs, text))
            for dr in range(rs):
                for dc in range(cs):
                    taken.add((r + dr, c + dc))
            c += cs
            width = max(width, c)
    return cells, len(rows), width


def _span(node: Node, name: str) -> int:
    try:
        return max(1, min(int((node.attributes or {}).get(name) or 1), 1000))
    except ValueError:
        return 1
