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

from collections.abc import Callable, Container, Sequence

__all__ = ["CANNOT_END", "CANNOT_START", "break_lines", "is_legal_break", "lone_last_character", "pull_down"]

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
    text: str,
    widths: Sequence[float],
    first_width: float,
    width: float,
    *,
    start: int = 0,
    start_trim: Callable[[int], float] | None = None,
    end_trim: Callable[[int], float] | None = None,
    preferred: Sequence[Container[int]] = (),
    loose: float | None = None,
    tight: float = 0.0,
) -> list[tuple[int, int]]:
    """Fill lines greedily from ``text[start]``; return each line as a ``(start, end)`` slice of ``text``.

    A line that would overflow ends at the last legal break that fits, so a
    mark that may not start a line pulls the character before it down with
    it (the slack is spread over the line by justification).  Spaces at
    either edge of a line are left out of it.  Only when a line has no legal
    break at all (a run of closing marks wider than the line) does it break
    where the width runs out.

    ``start_trim`` and ``end_trim`` give, for a character's index, the blank a
    punctuation mark sheds at the start or the end of a line (see
    :mod:`.punctuation`), so a closing mark that fits once squeezed stays on
    the line.  ``preferred`` holds tiers of gaps (for headlines: word
    boundaries outside quotations, then all word boundaries) tried in turn
    before any other legal break.  With ``loose`` (points per gap), a
    line that pushing out would leave looser than that pushes its closing
    marks in instead when gaps tightened by at most ``tight`` hold them.

    Each line is found by looking at its own characters only, so breaking
    is linear in the length of the text: a paragraph split across pages
    keeps its lines rather than breaking its remainder again.
    """
    n = len(text)
    starts = start_trim or _nothing
    ends = end_trim or _nothing
    lines: list[tuple[int, int]] = []
    begin = _skip_spaces(text, start)
    while begin < n:
        limit = (first_width if not lines else width) + starts(begin) + _FUZZ
        pos, used = begin, 0.0
        while pos < n and used + widths[pos] <= limit:
            used += widths[pos]
            pos += 1
        if pos < n and pos > begin and used + widths[pos] - ends(pos) <= limit and is_legal_break(text, pos + 1):
            pos += 1
        if pos >= n:
            end = n
        elif text[pos] in _SPACES and is_legal_break(text, pos) and (not preferred or pos in preferred[0]):
            end = pos
        else:
            end = _last_break(text, begin, pos, preferred)
            if loose is not None and end < pos:
                end = _push_in(text, widths, begin, end, pos, limit, ends, loose, tight)
        lines.append((begin, _trim_spaces(text, begin, end)))
        begin = _skip_spaces(text, end)
    return lines


# A closing run pushed in to avoid a loose line is at most this many characters (”…… is four).
_PUSH_IN = 4


def _push_in(text: str, widths: Sequence[float], begin: int, end: int, pos: int, limit: float,
             ends: Callable[[int], float], loose: float, tight: float) -> int:
    """Where to end a line whose natural break (``end``) leaves it loose: there, or a little later.

    Pushing the characters before ``end`` out leaves the line's slack in its
    gaps; when that is more than ``loose`` per gap, the marks that could not
    start the next line are pushed in instead (压入), if tightening each gap
    by at most ``tight`` (and the last mark shedding its blank) makes room.
    """
    gaps = end - begin - 1
    slack = limit - sum(widths[begin:end])
    if gaps <= 0 or slack <= loose * gaps:
        return end
    for later in range(pos + 1, min(len(text), pos + _PUSH_IN) + 1):
        if is_legal_break(text, later):
            over = sum(widths[begin:later]) - ends(later - 1) - limit
            return later if over <= tight * (later - begin - 1) else end
    return end


def _nothing(_i: int) -> float:
    return 0.0


def _last_break(text: str, start: int, pos: int, preferred: Sequence[Container[int]] = ()) -> int:
    """The gap to break at when ``text[pos]`` does not fit on the line."""
    for tier in preferred:
        for gap in range(pos, start, -1):
            if gap in tier and is_legal_break(text, gap):
                return gap
    for words in (True, False):
        for gap in range(pos, start, -1):
            if is_legal_break(text, gap, words=words):
                return gap
    return max(pos, start + 1)


def lone_last_character(text: str, lines: Sequence[tuple[int, int]]) -> bool:
    """Does the last line hold a single character (孤字), closing marks after it aside?"""
    if len(lines) < 2:
        return False
    start, end = lines[-1]
    return sum(1 for ch in text[start:end] if ch not in CANNOT_START and ch not in _SPACES) <= 1


def pull_down(text: str, lines: list[tuple[int, int]], fits: Callable[[int, int], bool]) -> list[tuple[int, int]]:
    """The lines with a 孤字 avoided, if a line set from them still ``fits``.

    First the line before the last ends one legal break earlier, giving the
    last line a second character; if that line would be too loose, the
    last line is pushed into the one before (set a little tighter).
    ``fits(start, end)`` says whether a line of ``text[start:end]`` would be
    justified within bounds; when neither way fits, the lines are kept.
    """
    if not lone_last_character(text, lines):
        return lines
    (prev_start, prev_end), (_last_start, last_end) = lines[-2], lines[-1]
    for gap in range(prev_end - 1, prev_start + 1, -1):
        if is_legal_break(text, gap):
            end = _trim_spaces(text, prev_start, gap)
            if end - prev_start >= 2 and fits(prev_start, end):
                return [*lines[:-2], (prev_start, end), (_skip_spaces(text, gap), last_end)]
            break
    if fits(prev_start, last_end):
        return [*lines[:-2], (prev_start, last_end)]
    return lines


def _skip_spaces(text: str, i: int) -> int:
    while i < len(text) and text[i] in _SPACES:
        i += 1
    return i


def _trim_spaces(text: str, start: int, end: int) -> int:
    while end > start + 1 and text[end - 1] in _SPACES:
        end -= 1
    return end
