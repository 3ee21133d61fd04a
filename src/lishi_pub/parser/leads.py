"""Where a short item's lead opens, in a line that lost the one space after its run-in title.

A run-in title (``● 义诊活动走进吴城 11月18日，…``) is told from its item's text by the one
space after it.  A justified narrow column spreads the line over its measure, and the
extractor prints every gap alike (``凤 山 景 区 冬 季 票 价 调 整 自`` / ``12月 1日至…``), or
the column wraps the title so that its end and the lead share a spread line (``● 公交8路调整线``
/ ``路 因 北 关 街 道 路 施``).  The space is lost; the lead's first words still say where it
opens, since a news lead opens in a few set ways (its date "belongs to the lead sentence":
newspaper-conventions, "Datelines and source markers"):

- with its date or a time phrase: ``11月18日``, ``自12月1日起``, ``日前``, ``今年``;
- with the cause or purpose of what it reports: ``为方便群众…``, ``因北关街道路施工…``.

A date or a time word may stand anywhere after the title's first characters; a preposition of
cause or purpose, a character a title holds as often (``区残联为126名…``), only where the
column broke the line right after it or on the next line's first characters.  One regular
expression per profile, one search a line: linear.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .conventions import Conventions
from .text import is_letter_spaced

__all__ = ["DATE", "lead_at", "spread"]

#: A date or time opening an item's lead (``11月18日``, ``12月1日至15日``, ``8时``), the
#: extractor's spaces beside its digits allowed.
DATE = r"\d+\s*(?:至\s*\d+\s*)?[年月日时]"

#: A digit or Latin run, which a spread line sets as one glyph between its spaces.
_RUN = re.compile(r"[0-9A-Za-z.%]+")


def spread(text: str) -> bool:
    """A line spread to its measure, a space between every two glyphs, a digit or Latin run
    counted as one glyph (``吴 城 11 月 18 日 ，``)."""
    return is_letter_spaced(text) or (" " in text and is_letter_spaced(_RUN.sub("0", text)))


def _alt(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=8)
def _openers(conv: Conventions) -> tuple[re.Pattern[str], re.Pattern[str]]:
    times = _alt((*conv.lead_times, *conv.lead_years))
    prepositions = _alt(conv.time_prepositions)
    timed = re.compile(rf"{DATE}|(?:{prepositions})(?=\d)|(?:{times})(?=[\u4e00-\u9fff，,\d])")
    causes = re.compile(rf"(?:{_alt(conv.lead_causes)})(?=[\u4e00-\u9fff])")
    return timed, causes


def lead_at(text: str, low: int, high: int, conv: Conventions, *, broken: int | None = None) -> int | None:
    """The first index ``low <= i <= high`` of ``text`` (spaces closed up, digits ASCII) where an
    item's lead opens, or None.  ``broken``: where the column broke the line (the index of the
    next line's first character in ``text``); a cause's preposition counts only right before it
    or after it (see the module's docstring)."""
    timed, causes = _openers(conv)
    found = timed.search(text, low)
    best = found.start() if found is not None and found.start() <= high else None
    if broken is not None:
        for at in range(max(low, broken - 2), min(high, broken + 1) + 1):
            m = causes.match(text, at)
            if m is not None and (m.end() >= broken or at == broken) and (best is None or at < best):
                best = at
                break
    return best
