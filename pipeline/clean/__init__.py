"""Source -> CleanText: furniture out, reading order repaired, wrapped lines joined, page map kept.

The stage is pure: it takes the Source's pages of lines and returns the clean text with the
source page of every character (PageRun list; empty for page-less text sources).
"""
from __future__ import annotations

from pipeline.types import CleanText, Source

__all__ = ["clean"]


def clean(source: Source) -> CleanText:
    """The clean text of a Source, with its page map and cleaning warnings (W203)."""
    # the steps load here, not with the package: pipeline.clean.script alone serves the graph queries
    from pipeline.clean.flattened import split_flattened_lines
    from pipeline.clean.furniture import strip_pdf_furniture, strip_text_furniture
    from pipeline.clean.inline import join_lone_labels, split_inline_headings
    from pipeline.clean.join import join_lines
    from pipeline.clean.lines import pdf_flow, text_flow, wrap_width
    from pipeline.clean.order import repair_order
    from pipeline.clean.shared_pages import join_shared_pages
    from pipeline.clean.signatures import split_run_on_signatures

    if source.error or not source.pages:
        return CleanText(text="")
    if source.has_pages:
        lines = pdf_flow(strip_pdf_furniture(source.pages))
        extracted = True
    else:
        lines = join_shared_pages(split_flattened_lines(text_flow(strip_text_furniture(source.pages))))
        extracted = wrap_width([ln.text for p in source.pages for ln in p.lines]) is not None
    lines, warnings = repair_order(lines)
    lines = split_run_on_signatures(split_inline_headings(join_lone_labels(lines)))
    text, runs = join_lines(lines, tidy=extracted)
    return CleanText(text=text, runs=runs, warnings=warnings)
