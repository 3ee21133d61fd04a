"""Assemble parsed pages into an Issue, filling metadata the page prints.

What the caller passes always wins; otherwise an issue date printed in the
page furniture (``2022年4月22日 星期五``) is used, so a plain dump still gets
a dated, identifiable issue, and a masthead printed alone on the first page
(``离石报``, ``吕梁日报``) names it.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Mapping, Sequence
from typing import Any

from ..model import Issue, Page
from .text import HAN

__all__ = ["assemble_issue"]

_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_NUMBER = re.compile(r"第\s*(\d+)\s*期")
# A paper's name alone on a line: a place or a sponsor, then 报 or a kind of 报.
_MASTHEAD = re.compile(rf"(?:{HAN}){{2,8}}(?:日报|晚报|早报|时报|周报|商报|都市报|报)")


def _masthead(page: Page) -> str | None:
    """The first line of the first page's furniture or banners that is a paper's name and nothing else."""
    for line in (*page.header, *page.banners):
        text = re.sub(r"\s+", "", line)
        if _MASTHEAD.fullmatch(text):
            return text
    return None


def _from_furniture(pages: Sequence[Page]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for line in (h for p in pages for h in p.header):
        m = _DATE.search(line)
        if m and "date" not in found:
            try:
                found["date"] = _dt.date(int(m[1]), int(m[2]), int(m[3]))
            except ValueError:
                pass
        m = _NUMBER.search(line)
        if m and "number" not in found:
            found["number"] = m[1]
    if pages and (masthead := _masthead(pages[0])) is not None:
        found["title"] = masthead
    return found


def assemble_issue(pages: Sequence[Page], metadata: Mapping[str, Any]) -> Issue:
    from .pdf.jumps import link_parts  # an article's parts on several pages become one (docs/pdf-reading.md)

    pages = link_parts(pages)
    return Issue(pages=tuple(pages), **{**_from_furniture(pages), **metadata})
