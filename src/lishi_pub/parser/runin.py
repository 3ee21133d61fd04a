"""Run-in item titles the column wrapped: ``● 校园足球联赛开`` / ``幕 全区中小学校园足…``.

A short-news item's run-in title is set in the item's own column, so in a
narrow column it wraps like any text: the title's last characters open the
next line, and the space after the title stands there.  The marked line then
holds no space of its own, and it is as wide as the line under it (a wrapped
line fills its column; a title standing alone on its line is shorter).  Part
of the classify stage: one look at the next line, for marked lines only.
"""

from __future__ import annotations

import re

from .conventions import Profile
from .measure import cells
from .leads import lead_at, spread
from .text import WORD_SPACE, clean_spaces, fold_fullwidth

__all__ = ["wrapped_item_title"]

#: The title's last characters, then the space between words: Han (or a closing quote)
#: before it and Han, an opening quote or the digits of the item's opening date after it.
_HEAD = re.compile(r"(?P<head>[^\s，。、；：！？,;:!?]+?)(?<=[\u4e00-\u9fff”’）》])[ \u3000]+(?=[\u4e00-\u9fff“‘（《0-9])")
_CLAUSE = re.compile(r"[，。、；：！？,;:!?]")


def wrapped_item_title(text: str, following: str, profile: Profile) -> tuple[str, str] | None:
    """(title, the start of ``following`` that is the title's end), or None.

    ``text`` opens with an item mark and holds no space between words after it
    (a typesetter's gap beside a digit run, ``■ 公交 8路调整``, is none);
    ``following`` is the next line, set as wide as ``text`` within ``full``,
    which goes on with the title's end and the space after it.  A next line
    spread to the column (letter-spaced: its stretch is no space between
    words) goes on with the title's end and the date the item's text opens
    with (``■ 义诊活动走进吴`` / ``城 11 月 18 日 ， 区 中``).
    """
    stripped = text.strip()
    tuning = profile.tuning
    if stripped[:1] not in profile.conventions.item_marks or not following:
        return None
    printed = stripped[1:].strip()
    if not printed or WORD_SPACE.search(printed) is not None or _CLAUSE.search(printed) is not None:
        return None
    nxt = following.strip()
    if abs(cells(stripped) - cells(nxt)) > tuning.full:  # (widths without the spaces a spread line has)
        return None
    if spread(nxt):
        # the lead opens where its date, time word or cause does (parser/leads.py): 价 调 整 自 12 月 …
        compact = fold_fullwidth(nxt).replace(" ", "").replace("\u3000", "")
        at = lead_at(compact, 0, tuning.item_carry_max, profile.conventions, broken=0)
        if not at:
            return None
        seen = 0
        for end, ch in enumerate(nxt):
            if not ch.isspace():
                if seen == at:
                    break
                seen += 1
        prefix = nxt[:end]
    else:
        m = _HEAD.match(nxt)
        if m is None:
            return None
        prefix = m.group("head")
    head = "".join(prefix.split())
    title = clean_spaces(printed + head)
    if not head or _CLAUSE.search(head) is not None or len(head) > len(clean_spaces(printed)) \
            or not tuning.item_title_min <= len(title) <= tuning.item_title_max:
        return None
    return title, prefix
