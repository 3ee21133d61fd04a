"""Part labels of a poem in parts: ``春`` / ``夏``, ``谷子`` / ``柿子``, ``一`` / ``二``.

A poem printed in parts labels each part with a short line of its own.  The
label stands between two runs of verse (the poem's first label under its
title or byline, with verse below; where the title is printed apart, the
first label stands where the text before ended, and more labels follow), carries no byline or dateline and ends in
no mark: it is a subheading of the poem, which stays one article (the
segment stage reads it as a heading inside the poem, not as a new piece).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .conventions import Profile
from .layout import Roles

if TYPE_CHECKING:
    from .classify import Line

__all__ = ["mark_stanza_labels"]

_WRAP = "“”「」『』【】\"'"
_MARKS = frozenset("，。！？；、：,.!?;:…—")
#: Lines that may stand right above a poem's first label: its title, byline or subtitle.
_OVER_A_POEM = frozenset({Roles.HEADLINE, Roles.BYLINE, Roles.SUBTITLE})
#: Lines that end the text before a poem whose title is printed apart.
_AFTER_A_TEXT = frozenset({Roles.AFFILIATION, Roles.SIGNATURE})


def _label_like(line: Line, limit: int) -> bool:
    text = line.text.strip()
    core = text.strip(_WRAP)
    return 0 < len(core) <= limit and not any(ch in _MARKS or ch.isspace() for ch in core)


def mark_stanza_labels(lines: list[Line], profile: Profile) -> None:
    """Flag each poem's part labels (in place; linear: one look at each neighbour)."""
    limit = profile.tuning.stanza_label_max
    later = _labels_later(lines, limit)
    for i, line in enumerate(lines):
        if line.role not in (Roles.VERSE, Roles.SUBHEADING) or i + 1 >= len(lines):
            continue
        below = lines[i + 1]
        if below.role is not Roles.VERSE or not _label_like(line, limit) or not _label_like_verse(below, limit):
            continue
        above = lines[i - 1] if i else None
        if above is None:
            continue
        if above.role is Roles.VERSE and not above.stanza:
            line.stanza = True
        elif above.role in _OVER_A_POEM:
            line.stanza = True
        elif later[i] and (above.role in _AFTER_A_TEXT or above.terminal or above.closes):
            # the poem's title printed apart (in the headline block): its first label stands
            # where the text before it ended, and more labels follow in the poem
            line.stanza = True
        if line.stanza:
            line.role = Roles.VERSE
            line.subheading = False


def _labels_later(lines: list[Line], limit: int) -> list[bool]:
    """For each line, whether a part label stands between two verse lines after it in
    the same run of verse (one pass from the end)."""
    out = [False] * len(lines)
    seen = False
    for i in range(len(lines) - 1, -1, -1):
        out[i] = seen
        line = lines[i]
        if line.role is not Roles.VERSE:
            seen = False
        elif 0 < i < len(lines) - 1 and _label_like(line, limit) and lines[i - 1].role is Roles.VERSE \
                and lines[i + 1].role is Roles.VERSE and not _label_like(lines[i + 1], limit):
            seen = True
    return out


def _label_like_verse(line: Line, limit: int) -> bool:
    """The line below a label is a line of the poem, not another label."""
    return not _label_like(line, limit)
