"""Punctuation squeezing (标点挤压) after W3C clreq: adjacent marks and marks at a line's edges.

A Chinese font sets each full-width mark in a one-em box with its ink in
one half: 。，、：；”》） in the left half, “《（ in the right (GB style).  Two
marks side by side, as in ``》（讨论稿），``, then show an em or more of
air.  clreq (§3.1.6 and §3.8) has the blank halves taken out:

- a closing mark followed by another mark sheds its right half;
- an opening mark after another opening mark sheds its left half;
- at the start of a line an opening mark sheds its left half, and at the
  end of a line a closing mark may shed its right half, so the ink, not the
  box, is flush with the measure.

Which half is blank is read from the font, not assumed: a mark sheds only
the blank its glyph really has (less a small margin, at most half an em),
so a font that centres its brackets (WenQuanYi Micro Hei's （）) leaves them
whole rather than letting the ink collide.  This module is pure (no
reportlab); :mod:`.fonts` measures the glyphs.
"""

from __future__ import annotations

import re
from collections.abc import Callable

__all__ = ["CLOSING", "OPENING", "Squeeze", "blanks", "squeeze"]

#: Full-width marks whose ink sits in the left half of the box (GB/T 15834 positions).
CLOSING = frozenset("，。、：；！？”’》）〉」』】〕〗〙］｝｠〞")
#: Full-width marks whose ink sits in the right half.
OPENING = frozenset("“‘《（〈「『【〔〖〘［｛｟〝")
# What a mark must keep of its blank side, in em, so ink never touches ink.
_MARGIN = 0.04
# A mark narrower than this (in em) is a proportional Latin-style glyph: nothing to shed.
_FULL_WIDTH = 0.9
# The ink must stay inside this share of the box for the other side to count as blank.
_HALF = 0.55


def blanks(ch: str, advance: float, ink_min: float, ink_max: float) -> tuple[float, float]:
    """What ``ch`` may shed on its left and on its right, in em, from its glyph's advance and ink extent (em)."""
    if advance < _FULL_WIDTH or ink_max <= ink_min:
        return 0.0, 0.0
    if ch in CLOSING and ink_max <= _HALF * advance:
        return 0.0, min(0.5, advance - ink_max - _MARGIN)
    if ch in OPENING and ink_min >= (1 - _HALF) * advance:
        return min(0.5, ink_min - _MARGIN), 0.0
    return 0.0, 0.0


class Squeeze:
    """The squeezing of one text: the adjacent pairs done, and what its marks may still shed at a line's edge.

    ``shift[i]`` (points, ≤ 0) moves character ``i``'s glyph left (an opening
    mark that shed its left half); ``trimmed[i]`` is how much its advance
    lost.  :meth:`start` and :meth:`end` say what character ``i`` would shed
    at the start or at the end of a line; they are worked out when asked,
    so a long text keeps no table per mark.
    """

    __slots__ = ("_shed", "shift", "trimmed")

    def __init__(self, shed: Callable[[int], tuple[float, float]]) -> None:
        self._shed = shed
        self.shift: dict[int, float] = {}
        self.trimmed: dict[int, float] = {}

    def start(self, i: int) -> float:
        return 0.0 if i in self.trimmed else self._shed(i)[0]

    def end(self, i: int) -> float:
        return 0.0 if i in self.trimmed else self._shed(i)[1]


_PAIR = re.compile("[" + re.escape("".join(sorted(CLOSING | OPENING))) + "](?=[" +
                   re.escape("".join(sorted(CLOSING | OPENING))) + "])")


def squeeze(text: str, shed: Callable[[int], tuple[float, float]]) -> Squeeze:
    """Squeeze adjacent marks of ``text``; ``shed(i)`` is what mark ``i`` may shed on its (left, right), in points.

    Only pairs of marks are looked at (found by one regular expression), so
    the work is linear in the text and the tables hold only squeezed marks.
    """
    out = Squeeze(shed)
    for match in _PAIR.finditer(text):
        i = match.start()
        right = shed(i)[1]
        if right:
            out.trimmed[i] = right
        left = shed(i + 1)[0]
        if left and text[i] in OPENING:
            out.shift[i + 1] = -left
            out.trimmed[i + 1] = left
    return out
