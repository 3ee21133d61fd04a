"""Everything the review takes from the parser, in one place.

Each input goes through its reader and the shared stages exactly as
:func:`lishi_pub.parse` sends it, but the review keeps what the model drops:
each page's lines (with their line numbers in a dump), the role the classify
stage gave each line, and for a PDF the picture of what the reader found
(the drawing of ``lishi-pub inspect --overlay``).  The tracer reads bylines
and datelines with the parser's own marker finders, so that a line is called
a byline exactly when the parser would take it for one.  When the parser's
stages or names change, this module is what follows them.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import attrs
from attrs import frozen

from ..inputs import Source
from ..model import Diagnostic, Page
from ..parser import read_layouts, read_page
from ..parser.classify import classify
from ..parser.conventions import DEFAULT_PROFILE
from ..parser.conventions.markers import Byline
from ..parser.issue import assemble_issue
from ..parser.layout import PageLayout
from ..parser.text import fold_fullwidth
from ..reader import Reader

__all__ = ["SourcePage", "assemble_issue", "find_dateline", "find_trailing_byline", "fold_fullwidth", "pages_of",
           "pages_of_text", "read_byline_line", "separate_run_ins", "text_pages"]

_MARKERS = DEFAULT_PROFILE.markers
find_dateline = _MARKERS.find_dateline
find_trailing_byline = _MARKERS.find_trailing_byline
separate_run_ins = _MARKERS.separate_run_ins


def read_byline_line(text: str) -> Byline | None:
    """A byline on a line of its own, boxed (``□ 高淑芳``), role-led or bracketed (``（王艳）``)."""
    return _MARKERS.parse_byline_line(text) or _MARKERS.parse_bracketed_byline(text)


@frozen
class SourcePage:
    """A parsed page with what the review shows beside it."""

    page: Page
    text: str  # its lines, as printed (a PDF's in the reader's order)
    first_line: int  # the number of its first line in the input file (1 for a PDF page)
    roles: tuple[str, ...] | None  # the classify stage's role of each non-blank line, run-ins split
    picture: bytes | None = None  # a PDF page rendered, with what the reader found drawn over it


def text_pages(text: str) -> Iterator[tuple[int, str]]:
    """(first line number, text) of each page: form feeds separate pages, blank
    pages are skipped, as the dump reader does."""
    line = 1
    for chunk in text.split("\f"):
        if chunk.strip():
            yield line, chunk
        line += chunk.count("\n")


def _roles(layout: PageLayout) -> tuple[str, ...]:
    return tuple(line.role.value for line in classify(layout, DEFAULT_PROFILE))


def pages_of(path: str | os.PathLike[str], first: int, *, encoding: str | None,
             max_bytes: int | None) -> Iterator[SourcePage]:
    """The pages of one input, numbered on from ``first`` (pages of several files are one issue's)."""
    from ..api import _open

    source, reader = _open(path, None, encoding, max_bytes)
    yield from _pages(source, reader, first, Path(path))


def pages_of_text(text: str) -> Iterator[SourcePage]:
    """The pages of a dump held in memory, as :func:`lishi_pub.parse_text` reads it."""
    from ..inputs import clean_text
    from ..plugins import FALLBACK_READER, get_reader

    yield from _pages(clean_text(text, "<text>"), get_reader(FALLBACK_READER), 1, None)


def _pages(source: Source, reader: Reader, first: int, path: Path | None) -> Iterator[SourcePage]:
    layouts = read_layouts(source, reader, first)
    if reader.binary:
        for k, layout in enumerate(layouts, start=1):
            text = "\n".join(line.text for line in layout.lines)
            # the layout is numbered within the issue; pdftoppm needs the page within its file
            picture = _picture(path, reader.name, attrs.evolve(layout, number=k)) if path is not None else None
            yield SourcePage(read_page(layout), text, 1, _roles(layout), picture)
        return
    for layout, (line, text) in zip(layouts, text_pages(source.text)):
        page = read_page(layout)
        if source.removed:
            page = attrs.evolve(page, diagnostics=(Diagnostic(
                "control-characters", f"removed {source.removed} control or replacement characters from the input"),
                *page.diagnostics))
        yield SourcePage(page, text, line, _roles(layout))


def _picture(path: Path, reader: str, layout: PageLayout) -> bytes | None:
    """A PDF page as the overlay draws it (pdftoppm renders, Pillow outlines); other binary readers: none."""
    if reader != "pdf":
        return None
    import tempfile

    from ..parser.pdf.overlay import render_overlays

    with tempfile.TemporaryDirectory() as tmp:
        (written,) = render_overlays(path, [layout], tmp)
        return written.read_bytes()
