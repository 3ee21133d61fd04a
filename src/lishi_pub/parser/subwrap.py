"""Where a ``——`` subtitle (副题) printed over its story ends.

Part of the classify stage (called by :func:`.standing.mark_head_runs` for
each subtitle line).  A subtitle is the last part of a headline group, one
phrase without a sentence end; a narrow column wraps it like running text,
into lines as wide as its first and a shorter last one.  What follows it in
the same text box is the story (a caption, a lead without a dateline, a
section's heading), and nothing in the dump marks the change but the shape:

    ——排查持续至明年 2 月底，覆盖所有燃气经营企     ← the subtitle's first line
    业和用户                                       ← shorter: its last line
    燃气公司工作人员入户检查燃气管道和软管。 （资   ← the photo's caption

    ——16 支乡村球队同场竞技，吴城镇代表队夺冠     ← the subtitle, whole on its line
    10月 23日晚，全区第五届农民篮球赛决赛在区      ← as wide, but the text it
    体育馆举行。经过激烈角逐，……                    would go on to ends a sentence

So the lines after a subtitle go on with it only as a wrap does: full lines
(as wide as its first, within ``full``) then one shorter line, none of them
wider, holding a sentence end, indented, opened by a marker or built like a
subheading (``【电话铃响，分秒必争】``); where the lines after it are no such
wrap, it ends on its own line.  The look ahead is at most ``head_lines``
lines: linear in the page.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from .conventions import Profile
from .layout import Role, Roles

if TYPE_CHECKING:
    from .classify import Line

__all__ = ["subtitle_end"]

#: Roles a subtitle's wrapped line may have been given on its own evidence (before classify settles).
_WRAP_ROLES = frozenset({Role.BODY, Role.HEADLINE, Role.SUBTITLE})
#: A sentence or clause ends inside the line: running text, never a subtitle's.
_SENTENCE_MARKS = ("。", "；", ";", "！", "？")
#: A subtitle's line ending in one of these goes on to the next.
_GOES_ON = ("，", "、", ",")


def _may_go_on(line: Line, first: Line, profile: Profile) -> bool:
    text = line.text.strip()
    return line.role in _WRAP_ROLES and not _starts_anew(line) and not line.closes and not line.spaced \
        and bool(text) and not any(mark in text for mark in _SENTENCE_MARKS) \
        and not text.endswith(profile.markers.kicker_ends) and line.width <= first.width + profile.tuning.full


def _starts_anew(line: Line) -> bool:
    """The line starts something of its own (a text box, a marker's line, an indented
    paragraph, a heading, another subtitle): the text above it ended there."""
    return line.gap or line.opens or line.indent or line.subheading or line.role in _OWN_LINE \
        or (line.role is Roles.SUBTITLE and not line.joins)


#: Lines that open or are a block of their own (a photo's caption, a marker's line).
_OWN_LINE = frozenset({Role.CAPTION, Role.DATELINE, Role.BYLINE, Role.JUMP, Role.AFFILIATION, Role.FURNITURE,
                       Role.SUBHEADING})


def subtitle_end(lines: list[Line], j: int, profile: Profile, measure: Callable[[int], float | None]) -> int:
    """The index of the last line of the subtitle starting at line ``j``.

    ``measure(k)``: the column's measure from line ``k`` down (the widest running
    text there), or None.  A wrap is read only where the subtitle's first line
    fills that measure (within ``indent_max``: a justified column's lines run
    wider in the dump), as a line the column wrapped does, or ends in a comma
    (a phrase that goes on): a subtitle in a
    headline block after the text, with the next headline under it in its box,
    is no wrap (:mod:`.segment.units` reads those)."""
    first = lines[j]
    full, reach = profile.tuning.full, profile.tuning.indent_max
    for k in range(j + 1, min(len(lines), j + 1 + profile.tuning.head_lines)):
        line = lines[k]
        if not _may_go_on(line, first, profile):
            if k > j + 1 and _starts_anew(line):
                return _wrap_to(k - 1, j, first, measure, reach)  # a full last line, then something new
            return j  # no wrap of it: the subtitle was whole on its line
        if line.width < first.width - full:
            return _wrap_to(k, j, first, measure, reach)  # the wrap's last line, shorter than the rest
    return j


def _wrap_to(end: int, j: int, first: Line, measure: Callable[[int], float | None], reach: float) -> int:
    if first.text.rstrip().endswith(_GOES_ON):
        return end  # (a phrase ending in a comma goes on: ``——线路全长 15.3 公里，`` / ``投入纯电动公交车 16 辆``)
    col = measure(end + 1)
    return end if col is not None and abs(first.width - col) <= reach else j


def mark_subtitle_wrap(lines: list[Line], j: int, end: int) -> None:
    """Lines ``j + 1`` to ``end`` are the subtitle's wrapped lines, and it ends at ``end``
    (a headline line over its story: the run above a later opener may read it again)."""
    for line in lines[j + 1: end + 1]:
        line.role = Roles.SUBTITLE
        line.joins = line.same_unit = True
        line.subheading = False
    for line in lines[j: end + 1]:
        line.closes = line.heads = True
