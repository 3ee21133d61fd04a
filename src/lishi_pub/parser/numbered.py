"""Numbered items the column wrapped: a notice's ``一、…`` line goes on below it.

A notice lists its points as numbered items that run on as text (``一、请失主携带有效证件到公交公司``
/ ``调度中心认领。``).  On its own a first line with no clause's mark in it is built like a
numbered subheading (``一、加强组织领导``), but a subheading is a phrase set apart from its column:
shorter than the running text around it, and the paragraph under it opens a sentence of its own.
A numbered line as wide as its column (the lines around it, less a paragraph's lost indent),
whose next line is running text that opens no item of its own and ends a sentence within a few
lines, is the item's first line, wrapped by the column: running text, kept with the lines below.
Only in a notice (its signature, 落款, closes the text the line stands in): a story's numbered
subheading in a narrow column (``三、留住城市的记忆``) is as wide as its column, too.  (classify,
after :func:`~.classify._signatures`.)  Two passes over the lines, a window of lines each.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .layout import Roles

if TYPE_CHECKING:
    from .classify import Line
    from .conventions import Profile

__all__ = ["unwrap_numbered_items"]

_RUNNING = (Roles.BODY, Roles.PARAGRAPH_START)


def unwrap_numbered_items(lines: list[Line], profile: Profile) -> None:
    mk = profile.markers
    tuning = profile.tuning
    window = tuning.window
    n = len(lines)
    signed = _signed(lines)
    for i, line in enumerate(lines[:-1]):
        if line.role is not Roles.SUBHEADING or not signed[i] or not mk.numbered(line.text):
            continue
        below = lines[i + 1]
        if below.role not in _RUNNING or mk.numbered(below.text):
            continue
        if not any(x.terminal for x in lines[i + 1: i + 1 + window]):
            continue  # the item's sentence ends within a few lines
        # its column: the running text above it (the item's own), or below where none is
        above = [x.width for x in lines[max(0, i - window): i] if x.role in _RUNNING]
        around = above or [x.width for x in lines[i + 1: min(n, i + 1 + window)] if x.role in _RUNNING]
        if line.width < max(around) - tuning.indent_max:
            continue  # shorter than its column: a subheading set apart
        line.role = Roles.PARAGRAPH_START  # a numbered item opens its paragraph
        line.subheading = line.display = False


#: Lines that end the text a notice's signature could close: another story's or the page's.
_ELSEWHERE = frozenset({Roles.HEADLINE, Roles.DATELINE, Roles.BYLINE, Roles.SUBTITLE, Roles.ITEM_TITLE,
                        Roles.FURNITURE, Roles.SECTION_LABEL})


def _signed(lines: list[Line]) -> list[bool]:
    """For each line, whether a notice's signature (落款) closes the text it stands in: one
    comes below it before any headline, marker or furniture.  One pass from the end."""
    out = [False] * len(lines)
    ahead = False
    for i in range(len(lines) - 1, -1, -1):
        role = lines[i].role
        if role is Roles.SIGNATURE:
            ahead = True
        elif role in _ELSEWHERE:
            ahead = False
        out[i] = ahead
    return out
