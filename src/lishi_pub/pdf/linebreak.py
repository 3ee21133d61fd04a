"""Where a line of Chinese text may end: the kinsoku rules and a greedy filler.

reportlab's own CJK wrapping lets ，”》…—；：！？ start a line (its
``ALL_CANNOT_START`` lacks them) and never consults ``ALL_CANNOT_END``, so “
《 （ can end one.  Rather than patch its module globals, the PDF exporter sets
text with its own flowable (:mod:`.textblock`), which breaks lines here.  This
module is pure (no reportlab), so the rules can be tested on their own.

The rules follow W3C clreq and GB/T 15834: no line starts with closing
punctuation, no line ends with opening punctuation, and the two-character
units —— and …… never split (both marks are in :data:`CANNOT_START`, so the
gap inside them is never a break).  Runs of Latin letters and digits
(``AT&T``, ``3.5%``, a URL) stay whole unless a run is longer than a line.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["CANNOT_END", "CANNOT_START", "break_lines", "is_legal_break"]

#: Marks no line may start with: the issue's list, the other closing brackets
#: and their ASCII forms.
CANNOT_START = frozenset(
    "，。、：；！？”’》）…—"
    "〉」』】〕〗〙］｝｠〞・·‥．｡％‰℃°"
    ",.:;!?)]}%"
)
#: Marks no line may end with: opening quotes and brackets.
CANNOT_END = frozenset("“‘《（〈「『【〔〖〘［｛｟〝([{")

# Breaking inside one of these leaves part of a Latin word or number on each line.
_WORD_JOINERS = frozenset("&'._-/@#+=%:~")
_SPACES = frozenset(" \u3000\u00a0")
_FUZZ = 1e-6


def _is_word(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch in _WORD_JOINERS)


def is_legal_break(text: str, gap: int, *, words: bool = True) -> bool:
    """May a line end before ``text[gap]``?

    Spaces around the gap are dropped from both lines, so the rules look at
    the nearest non-space character on each side.  ``words=False`` allows a
    break inside a Latin word (the last resort for a word wider than a line).
    """
    after = gap
    while after < len(text) and text[after] in _SPACES:
        after += 1
    before = gap - 1
    while before >= 0 and text[before] in _SPACES:
        before -= 1
    if before < 0:
        return False
    if after >= len(text):
        return True
    if text[after] in CANNOT_START or text[before] in CANNOT_END:
        return False
    if words and after == gap and before == gap - 1:
        return not (_is_word(text[before]) and _is_word(text[after]))
    return True


def break_lines(
    text: str, widths: Sequence[float], first_width: float, width: float
) -> list[tuple[int, int]]:
    """Fill lines greedily; return each line as a ``(start, end)`` slice of ``text``.

    A line that would overflow ends at the last legal break that fits, so a
    mark that may not start a line pulls the character before it down with
    it (the slack is spread over the line by justification).  Spaces at
    either edge of a line are left out of it.  Only when a line has no legal
    break at all (a run of closing marks wider than the line) does it break
    where the width runs out.
    """
    n = len(text)
    lines: list[tuple[int, int]] = []
    start = _skip_spaces(text, 0)
    while start < n:
        limit = first_width if not lines else width
        pos, used = start, 0.0
        while pos < n and used + widths[pos] <= limit + _FUZZ:
            used += widths[pos]
            pos += 1
        if pos >= n:
            end = n
        elif text[pos] in _SPACES and is_legal_break(text, pos):
            end = pos
        else:
            end = _last_break(text, start, pos)
        lines.append((start, _trim_spaces(text, start, end)))
        start = _skip_spaces(text, end)
    return lines


def _last_break(text: str, start: int, pos: int) -> int:
    """The gap to break at when ``text[pos]`` does not fit on the line."""
    for words in (True, False):
        for gap in range(pos, start, -1):
            if is_legal_break(text, gap, words=words):
                return gap
    return max(pos, start + 1)


def _skip_spaces(text: str, i: int) -> int:
    while i < len(text) and text[i] in _SPACES:
        i += 1
    return i


def _trim_spaces(text: str, start: int, end: int) -> int:
    while end > start + 1 and text[end - 1] in _SPACES:
        end -= 1
    return end
