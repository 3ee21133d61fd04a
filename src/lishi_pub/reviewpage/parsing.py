"""Everything the review takes from the parser, in one place.

The review parses pages as :func:`lishi_pub.parse` does but keeps each page's
text and first line number, and the tracer reads bylines and datelines with
the parser's own marker functions, so that a line is called a byline exactly
when the parser would take it for one.  When the parser's stages or names
change, this module is what follows them.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

from attrs import frozen

from ..inputs import Source, clean_text, read_source
from ..model import Page
from ..parser import markers
from ..parser.issue import assemble_issue
from ..parser.page import parse_page
from ..parser.text import fold_fullwidth

__all__ = ["SourcePage", "assemble_issue", "find_dateline", "find_trailing_byline", "fold_fullwidth", "pages_of",
           "pages_of_text", "read_byline_line", "separate_run_ins", "text_pages"]

find_dateline = markers.find_dateline
find_trailing_byline = markers.find_trailing_byline
separate_run_ins = markers.separate_run_ins


def read_byline_line(text: str) -> markers.Byline | None:
    """A byline on a line of its own, boxed (``□ 高淑芳``), role-led or bracketed (``（王艳）``)."""
    return markers.parse_byline_line(text) or markers.parse_bracketed_byline(text)


def text_pages(text: str) -> Iterator[tuple[int, str]]:
    """(first line number, text) of each page: form feeds separate pages, blank
    pages are skipped, as :func:`lishi_pub.parser.page.split_pages` does."""
    line = 1
    for chunk in text.split("\f"):
        if chunk.strip():
            yield line, chunk
        line += chunk.count("\n")


@frozen
class SourcePage:
    """A parsed page with the text it was parsed from."""

    page: Page
    text: str
    first_line: int  # the number of its first line in the input file


def pages_of(path: str | os.PathLike[str], first: int, *, encoding: str | None,
             max_bytes: int | None) -> Iterator[SourcePage]:
    """The pages of one input file, numbered on from ``first`` (pages of several files are one issue's)."""
    yield from _pages(read_source(path, encoding=encoding, max_bytes=max_bytes), first)


def pages_of_text(text: str) -> Iterator[SourcePage]:
    """The pages of a dump held in memory, as :func:`lishi_pub.parse_text` reads it."""
    yield from _pages(clean_text(text, "<text>"), 1)


def _pages(source: Source, first: int) -> Iterator[SourcePage]:
    for k, (line, text) in enumerate(text_pages(source.text)):
        yield SourcePage(parse_page(text, first + k, source), text, line)
