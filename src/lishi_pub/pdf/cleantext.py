"""Make any model string safe to set: no control, format or surrogate characters.

Text reaches the PDF from parsed dumps and from users' JSON, so it may hold
anything.  A control character would be drawn as an invisible glyph and a
lone surrogate cannot be encoded at all; line and paragraph separators become
spaces because line breaking is the typesetter's job.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["clean"]

_BREAKS = re.compile(r"[\t\n\v\f\r\x85\u2028\u2029]+")
_DROP_CATEGORIES = frozenset({"Cc", "Cf", "Cs"})


def _keep(ch: str) -> bool:
    return unicodedata.category(ch) not in _DROP_CATEGORIES


def clean(text: str) -> str:
    """``text`` with breaks turned into spaces and unsettable characters dropped."""
    text = _BREAKS.sub(" ", text)
    if not text.isprintable():
        text = "".join(ch for ch in text if ch == " " or _keep(ch))
    return text
