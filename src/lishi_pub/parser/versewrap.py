"""Verse lines a column wrapped: ``父亲走了一辈子的那些泥`` / ``泞`` is one line of a poem.

A poem's line too long for its column goes on in the next line (or at the
top of the next column); in a dump the rest stands as a line of its own.
When only a character is left over it cannot be verse by itself and looks
like a headline the column wrapped, so the poem's line loses its end and a
one-character "headline" appears.  The line it came from reached the edge
of the column (it is the widest of the poem's lines near it) and ends in no
mark, where the last line of a stanza above a label (``春``, ``二``) is short
or ends its sentence.  A word of two characters left over (``父亲走了一辈子的那些`` /
``泥泞``) has a part label's shape (``芒种``), so it is the end of the line above
only where that line is wider than every line of the poem on both sides, in
a poem with no part label above it (a poem in parts
labels them all: ``谷子`` … ``柿子`` … ``替远行的人守着村口`` / ``场院``).
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
    word_max = profile.tuning.stanza_label_max
    out: list[Line] = []
    labelled = False  # a line of the poem so far has a part label's shape: the poem is in parts
    for i, line in enumerate(lines):
        above = out[-1] if out else None
        text = line.text.strip()
        if above is None or above.role is not Roles.VERSE:
            labelled = False
        if above is not None and above.role is Roles.VERSE \
                and 0 < len(text) <= max(tail_max, word_max) and text[0] not in labels and text[-1] not in _MARKS \
                and above.text.rstrip()[-1:] not in _MARKS and _reaches_edge(out, above, window) \
                and (len(text) <= tail_max or not labelled and _widest_around(out, lines, i, above, window)):
            above.text = above.text.rstrip() + text
            above.width += line.width
            continue
        labelled = labelled or line.role is Roles.VERSE and 0 < len(text) <= word_max and text[-1] not in _MARKS
        out.append(line)
    lines[:] = out


def _widest_around(out: list[Line], lines: list[Line], at: int, above: Line, window: int) -> bool:
    """A word of two characters under a poem's line is that line's end only where the line is
    wider by a cell than every line of the poem on both sides (``父亲走了一辈子的那些`` 10 /
    ``泥泞``, lines of 5 to 9 around); under a stanza's last line no wider than the poem's
    others it is the next part's label (``风一吹，就去远方`` 8 / ``芒种`` / … ``父亲的腰又弯了一些`` 9)."""
    near = [x.width for x in out[-window - 1:-1] if x.role is Roles.VERSE]
    near += [x.width for x in lines[at + 1:at + 1 + window] if x.role is Roles.VERSE]
    return len(near) >= 2 and above.width >= max(near) + 1


def _reaches_edge(out: list[Line], above: Line, window: int) -> bool:
    """The line is the widest of the poem's last ``window`` lines (it filled the column)."""
    near = [x.width for x in out[-window:] if x.role is Roles.VERSE]
    return len(near) > 1 and above.width >= max(near)
