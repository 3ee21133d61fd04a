"""Verse lines a column wrapped: ``父亲走了一辈子的那些泥`` / ``泞`` is one line of a poem.

A poem's line too long for its column goes on in the next line (or at the
top of the next column); in a dump the rest stands as a line of its own.
When only a character is left over it cannot be verse by itself and looks
like a headline the column wrapped, so the poem's line loses its end and a
one-character "headline" appears.  The line it came from reached the edge
of the column (it is the widest of the poem's lines near it) and ends in no
mark, where the last line of a stanza above a label (``春``, ``二``) is short
or ends its sentence.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .conventions import Profile
from .layout import Roles

if TYPE_CHECKING:
    from .classify import Line

__all__ = ["rejoin_wrapped_verse"]

_MARKS = frozenset("，。！？；、：,.!?;:…—”’）》」』")


def rejoin_wrapped_verse(lines: list[Line], profile: Profile) -> None:
    """Join each verse line's wrapped end back to it (in place; linear: one look back per join)."""
    tail_max = profile.tuning.verse_tail_max
    labels = profile.conventions.stanza_numbers
    window = profile.tuning.window
    out: list[Line] = []
    for line in lines:
        above = out[-1] if out else None
        text = line.text.strip()
        if above is not None and above.role is Roles.VERSE \
                and 0 < len(text) <= tail_max and text[0] not in labels and text[-1] not in _MARKS \
                and above.text.rstrip()[-1:] not in _MARKS and _reaches_edge(out, above, window):
            above.text = above.text.rstrip() + text
            above.width += line.width
            continue
        out.append(line)
    lines[:] = out


def _reaches_edge(out: list[Line], above: Line, window: int) -> bool:
    """The line is the widest of the poem's last ``window`` lines (it filled the column)."""
    near = [x.width for x in out[-window:] if x.role is Roles.VERSE]
    return len(near) > 1 and above.width >= max(near)
