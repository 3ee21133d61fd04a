"""Running text where the column narrows: short lines inside a sentence are no headlines.

A column may narrow in the middle of a text (a service item set around a
photo or an advertisement: ``流动献血车：每周六、周日停靠于东`` 16 cells, then
``18至55周岁、身体健康`` / ``的市民均可参加无偿献血，献`` / ``血前请吃清淡早餐，不要空`` /
``腹，并携带身份证。`` at 11 to 13).  Measured against the wider lines around them,
the narrow lines look like headlines set apart.  But a headline is a phrase of
its own: it goes on no sentence from the line above, and no sentence of it
runs on into the lines below.  So a headline-ish line is running text

- where the line above is running text that ends no sentence and the line is
  about as wide as it (less ``indent_max``): the sentence goes on into it;
- where it holds a clause's mark (``、``, ``，``, ``；``, ``：``) and the lines under it
  run on, no more than ``indent_max`` wider, to the sentence's end within
  ``window`` lines: it is the first line of a paragraph in the narrower column.

Either way the lines of that sentence go on one another (``starts``): the
blocks stage, measuring the wider column, would end a paragraph at each.  A
title naming its kind of notice, or a line that classify saw head a story,
is left as it is.  (classify, after :func:`~.classify._display_in_context`; one
pass, a window of lines each.)
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .layout import Roles
from .text import CLOSING, clean_spaces

if TYPE_CHECKING:
    from .classify import Line
    from .conventions import Profile

__all__ = ["unmark_narrow_text"]

_RUNNING = (Roles.BODY, Roles.PARAGRAPH_START)
#: A clause's mark inside a line (not at its end, where a wrapped title's comma may hang).
_CLAUSE = re.compile(r"[、，；：,;:].")


def unmark_narrow_text(lines: list[Line], profile: Profile) -> None:
    tuning = profile.tuning
    indent = tuning.indent_max
    names_kind = profile.markers.names_its_kind
    is_date = profile.markers.is_bare_date
    n = len(lines)
    for i, line in enumerate(lines):
        if line.role is not Roles.HEADLINE or line.heads or names_kind(line.text.strip()):
            continue
        above = lines[i - 1] if i else None
        if above is not None and above.role in _RUNNING and not above.terminal and not above.closes \
                and above.text.rstrip()[-1:] not in CLOSING and not is_date(clean_spaces(above.text)) \
                and line.width >= above.width - indent:
            line.role = Roles.BODY  # the sentence above goes on into it
            if line.starts is None:
                line.starts = False
            continue
        if _CLAUSE.search(line.text.strip()) is None:
            continue
        ends = next((j for j in range(i + 1, min(n, i + 1 + tuning.window)) if lines[j].terminal), None)
        if ends is None or ends == i + 1 and lines[ends].role not in _RUNNING:
            continue
        under = lines[i + 1: ends]
        if all(x.role in (*_RUNNING, Roles.HEADLINE) and not x.heads and x.width <= line.width + indent
               for x in under) and (under or lines[ends].width <= line.width + indent):
            line.role = Roles.PARAGRAPH_START  # a paragraph's first line in the narrower column
            for x in lines[i + 1: ends + 1]:  # its lines, at the narrower measure the blocks stage cannot see
                if x.starts is None:
                    x.starts = False
