"""The measure: how wide a dumped line printed, and whether wrapping or the writer ended it.

A justified column fills every line of a paragraph but the last to the
measure, so a line that stops short was ended on purpose, unless the
wrapping rules forced it: the next line's first unit did not fit (a Latin or
digit run is never broken; kinsoku keeps ``，。”`` off a line's start and
``“（`` off its end, so a character goes down with the mark it drags along).
A dump keeps only characters, so widths are counted in cells: CJK one, a
half-width character half; the extractor's spaces (a justified line's
stretch, the gap around a digit run) are left out.  A line of CJK alone is
then exact; each digit or Latin run adds a little doubt (its glyphs are not
quite half a cell, the gaps around it may or may not have come out as spaces).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from .conventions import Conventions
from .conventions.tuning import Tuning
from .layout import Role

if TYPE_CHECKING:
    from .classify import Line

__all__ = ["cells", "half_runs", "measures_of", "opening_unit", "page_margin", "plain_widths", "stretched",
           "tolerance", "window_max"]

_HALF_RUN = re.compile(r"[\x21-\x7e]+")
_RUNNING = frozenset({Role.BODY, Role.PARAGRAPH_START})


@lru_cache(maxsize=8192)
def cells(text: str) -> float:
    """Printed width in cells, spaces left out: CJK one cell, a half-width character half.

    Memoised: the blocks stage asks it of each line three times or more (the
    column's measure, the page's margin, each line break on both sides).
    """
    text = text.replace(" ", "").replace("\u3000", "").replace("\t", "")
    return (len(text) + len(text.encode("utf-8", "surrogatepass"))) / 4


_STRETCH = re.compile(r"(?<=[\u3400-\u9fff，、。；：]) +(?=[\u3400-\u9fff，、。；：])")


def stretched(text: str) -> bool:
    """A justified line whose stretch the extractor printed as spaces between Han characters (``发火灾
    ，房 屋 和家 当 被 烧``): three such spaces or more, where an author's space (``同心抗疫 工会行动``)
    comes alone and a credit sets its names apart twice (``本报记者 雷辉桂 摄``).  Such a line, near the
    measure, was spread to it, so it ends no paragraph."""
    return text.count(" ") >= 3 and len(_STRETCH.findall(text.strip())) >= 3


@lru_cache(maxsize=8192)
def half_runs(text: str) -> int:
    """Digit and Latin runs (``2022``, ``APP``, ``9:00``): each prints a little wider than counted.

    Memoised, as :func:`cells` is: every line is asked twice or more.
    """
    return len(_HALF_RUN.findall(text))


def tolerance(text: str, margin: float, tuning: Tuning) -> float:
    """How far a full line may fall short of the measure in cells: the page's ``margin``
    (:func:`page_margin`) and what each digit or Latin run adds."""
    runs = half_runs(text)  # the line as given (spaces are in no run): the memo is the column's
    return margin + tuning.run_slack * runs if runs else margin


def page_margin(lines: Sequence[Line], cols: Sequence[float], tuning: Tuning) -> float:
    """How exactly this page's full lines fill their measure, as the margin a full line is allowed.

    Lines in the middle of a paragraph (neither they nor the line before end
    a sentence) are full.  Where most of those made of CJK alone are exactly
    as wide as the measure, the page was set on a grid and a line a cell
    short was ended (``full_exact``); where a line in ``jitter_share`` or more
    falls a cell short (a real paper squeezes punctuation and tracks its
    lines), a cell says nothing and the wider margin ``full`` holds.
    """
    middle = short = 0
    for k in range(1, len(lines)):
        line = lines[k]
        if lines[k - 1].terminal or line.terminal or line.spaced or line.role not in _RUNNING \
                or half_runs(line.text):
            continue
        gap = cols[k] - cells(line.text)
        if gap < -tuning.full or gap > tuning.indent_max:
            continue  # another column's line, or a short one
        middle += 1
        short += gap > tuning.full_exact
    if middle < tuning.margin_evidence:
        return tuning.full
    return tuning.full if short >= tuning.jitter_share * middle else tuning.full_exact


def opening_unit(text: str, conv: Conventions) -> float:
    """Cells the line's first unbreakable unit needs at the end of the line before it.

    A digit or Latin run comes whole; an opening quote or bracket brings the
    character after it; a character brings the marks that may not open a
    line after it (``年，`` is two cells); ``——`` and ``……`` are two cells.
    """
    text = text.strip().replace(" ", "")
    if not text:
        return 0.0
    start_forbidden = conv.line_start_forbidden
    i = 0
    if text[0] in conv.line_end_forbidden:
        while i < len(text) and text[i] in conv.line_end_forbidden:
            i += 1
    if i < len(text):
        m = _HALF_RUN.match(text, i)
        if m is not None:
            i = m.end()
        elif text.startswith(("——", "……"), i):
            i += 2
        else:
            i += 1
    while i < len(text) and text[i] in start_forbidden:
        i += 1
    return cells(text[:i])


def plain_widths(texts: Sequence[str], widths: Sequence[float], conv: Conventions) -> list[float]:
    """The widths of the plain lines (CJK alone, no mark at the end that could hang in the margin),
    0 for every other line: a plain full line is exactly as wide as the measure."""
    hang = conv.line_start_forbidden
    return [w if w and text[-1:] not in hang and not half_runs(text) else 0.0 for text, w in zip(texts, widths)]


def measures_of(tops: Sequence[float], bests: Sequence[float], pures: Sequence[float]) -> list[float]:
    """The measure one side of each line shows, from the side's widest line (``tops``), widest plain line
    (``bests``, :func:`plain_widths`) and widest line of CJK alone (``pures``: a digit or Latin run prints
    wider than counted, so its line is at least that wide): the widest line, unless it is of CJK alone
    and a cell wider than the widest plain line, its mark hanging in the margin.  For all the page's
    lines at once: one comprehension, not a function call per line."""
    return [best if best and top - best == 1 and pure == top else top for top, best, pure in zip(tops, bests, pures)]


def window_max(values: Sequence[float], size: int) -> list[float]:
    """The largest of each ``size`` consecutive values (``len(values) - size + 1`` of them).

    By doubling: the maxima of windows of 2, 4, 8... are each one pass over
    the last, and a window of any size is two of those overlapping, so a page
    costs a few passes whatever the size, instead of one ``size``-argument
    call per line and per side (both sides of a line are windows of one list,
    read at two offsets).  Each pass compares in a comprehension: a call of
    the builtin ``max`` costs several times a comparison."""
    span = 1
    level = list(values)
    while 2 * span <= size:
        level = [a if a >= b else b for a, b in zip(level, level[span:])]
        span *= 2
    return level if span == size else [a if a >= b else b for a, b in zip(level, level[size - span:])]
