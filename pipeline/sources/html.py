"""A saved web page -> the article body as lines: chrome (navigation, header, footer, scripts) dropped,
the densest text block kept, one line per paragraph (block elements and <br> break lines)."""
from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser as HTMLParser, LexborNode as Node

from pipeline.types import Line, Page

DROP_TAGS = "script, style, noscript, template, iframe, svg, nav, header, footer, aside, form, button, select"
# class/id tokens of site chrome (menus, breadcrumbs, share bars): a token that is one of these
# words or starts with one ('nav-main', 'footer_links'); 'article-header' is not chrome
CHROME_WORDS = ("nav", "navbar", "menu", "header", "footer", "foot", "breadcrumb", "crumbs", "crumb",
                "sidebar", "share", "toolbar", "topbar", "copyright", "banner", "login", "search")
BLOCK_TAGS = {"p", "div", "section", "article", "main", "li", "ul", "ol", "table", "tr", "h1", "h2", "h3",
              "h4", "h5", "h6", "blockquote", "pre", "dd", "dt", "dl", "center", "td", "th", "tbody"}
CANDIDATE_TAGS = "article, main, section, div, td, body"


def _is_chrome(node: Node) -> bool:
    attrs = node.attributes or {}
    if attrs.get("role") in ("navigation", "banner", "contentinfo"):
        return True
    tokens = " ".join(v for k, v in attrs.items() if k in ("class", "id") and v).lower().split()
    return any(t == w or t.startswith((w + "-", w + "_")) for t in tokens for w in CHROME_WORDS)


def _text_len(node: Node) -> int:
    return len(re.sub(r"\s+", "", node.text(deep=True) or ""))


def _link_len(node: Node) -> int:
    return sum(_text_len(a) for a in node.css("a"))


def _densest(root: Node) -> Node:
    """The block with the most non-link text, discounted for link density and slightly for size."""
    best, best_score = root, -1.0
    for node in root.css(CANDIDATE_TAGS):
        text = _text_len(node)
        if text < 20:
            continue
        own = text - _link_len(node)
        # link-heavy blocks are menus; a small penalty on size prefers the tightest block
        score = own * (1 - 0.5 * _link_len(node) / max(1, text)) - 0.02 * text
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
    for br in body.css("br"):
        br.replace_with("\n")
    for node in body.traverse():
        if node.tag in BLOCK_TAGS:
            node.insert_after("\n")
            node.insert_before("\n")
    text = body.text(deep=True, separator="") or ""
    lines = [re.sub(r"[ \t\u00a0]+$", "", t) for t in text.replace("\r", "").split("\n")]
    out, blank = [], False
    for t in lines:
        if t.strip():
            out.append(Line(text=t.strip(" \t\u00a0")))
            blank = False
        elif not blank and out:
            blank = True
    return [Page(number=0, lines=out)]
