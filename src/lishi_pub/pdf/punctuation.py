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

from collections.abc import Mapping

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
    mark that shed its left half); ``trimmed[i]`` is how much its advance lost.
    ``start[i]`` and ``end[i]`` are what character ``i`` would shed at the
    start or at the end of a line.
    """

    __slots__ = ("end", "shift", "start", "trimmed")

    def __init__(self) -> None:
        self.shift: dict[int, float] = {}
        self.trimmed: dict[int, float] = {}
        self.start: dict[int, float] = {}
        self.end: dict[int, float] = {}


def squeeze(text: str, left: Mapping[int, float], right: Mapping[int, float]) -> Squeeze:
    """Squeeze adjacent marks of ``text``; ``left``/``right`` are what each mark may shed (points).

    Only marks are in ``left`` and ``right``, so the work is linear in the
    number of marks.
    """
    out = Squeeze()
    n = len(text)
    for i, amount in right.items():
        if i + 1 < n and (i + 1 in left or i + 1 in right or text[i + 1] in CLOSING or text[i + 1] in OPENING):
            out.trimmed[i] = amount
        else:
            out.end[i] = amount
    for i, amount in left.items():
        if i > 0 and text[i - 1] in OPENING:
            out.shift[i] = -amount
            out.trimmed[i] = out.trimmed.get(i, 0.0) + amount
        else:
            out.start[i] = amount
    return out
