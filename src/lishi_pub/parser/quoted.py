"""A sentence in quotation marks alone on its line, its speech tag going on below, opens a paragraph.

``“我们多辛苦一点，老百姓出门就安全一点。”`` / ``他说。说这话时，他正蹲在路边，…``: the quoted line
is built like a subheading in quotation marks, but a subheading is a phrase (``“党员要坚持到最后”``),
never a whole sentence with its stop inside the quotes followed by who said it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .conventions import Profile
from .layout import Roles

if TYPE_CHECKING:
    from .classify import Line


def spoken_quotations(lines: list[Line], profile: Profile) -> None:
    """Demote a quoted sentence taken for a subheading to a paragraph's first line (one pass, pairwise
    with the next line only)."""
    mk = profile.markers
    for line, below in zip(lines, lines[1:]):
        if line.role is Roles.SUBHEADING and mk.is_spoken_quotation(line.text, below.text):
            line.role = Roles.PARAGRAPH_START
            line.subheading = False
