"""Make any text safe to put into XML, and tell when nothing is left of it.

Parsed dumps and hand-built issues can carry control characters, lone
surrogates and noncharacters.  lxml refuses some of them outright and readers
choke on the rest, so every text is cleaned here before it reaches markup,
metadata or the navigation.  Escaping itself is lxml's job: text is only ever
set as element text or attribute values, never spliced into markup.
"""

from __future__ import annotations

import re

__all__ = ["clean", "clean_line"]


def _forbidden() -> re.Pattern[str]:
    """What XML 1.0 forbids, plus what HTML calls a parse error in text.

    That is the C0 and C1 controls (tab, LF and CR excepted), DEL, surrogates,
    and the noncharacters U+FDD0..U+FDEF and U+xFFFE/U+xFFFF of every plane.
    """
    ranges = [(0x00, 0x08), (0x0B, 0x0C), (0x0E, 0x1F), (0x7F, 0x9F), (0xD800, 0xDFFF), (0xFDD0, 0xFDEF)]
    ranges += [(plane << 16 | 0xFFFE, plane << 16 | 0xFFFF) for plane in range(17)]
    return re.compile("[" + "".join(f"\\U{a:08X}-\\U{b:08X}" for a, b in ranges) + "]+")


_FORBIDDEN = _forbidden()
# ASCII whitespace only: U+3000 between two phrases of a headline is meant.
_SPACE_RUN = re.compile(r"[ \t\n\r]+")


def clean(text: str | None) -> str | None:
    """Body text without forbidden characters, or None when nothing visible is left."""
    if text is None:
        return None
    text = _FORBIDDEN.sub("", text).strip()
    return text or None


def clean_line(text: str | None) -> str | None:
    """Like :func:`clean`, with line breaks folded, for titles, labels and metadata."""
    text = clean(text)
    if text is None:
        return None
    return _SPACE_RUN.sub(" ", text) or None
