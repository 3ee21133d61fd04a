"""What a source line can be, as data: one table the aligner, the page and its legend share.

Each role has a short mark shown in the line's gutter, so that the page never
relies on colour alone, and a phrase for tooltips and the side panel.  When
the parser's own classifier (one role per line) lands, its roles map onto
these keys and the aligner's guesses give way to them.
"""

from __future__ import annotations

from attrs import frozen

__all__ = ["ROLES", "Role"]


@frozen
class Role:
    key: str
    mark: str  # a few characters for the gutter
    label: str  # what the tooltip and the legend say


ROLES: dict[str, Role] = {r.key: r for r in (
    Role("headline", "H", "headline"),
    Role("kicker", "K", "kicker (引题)"),
    Role("subtitle", "S", "subtitle (副题)"),
    Role("dateline", "D", "dateline, opening the lead"),
    Role("byline", "B", "byline"),
    Role("paragraph-start", "¶", "paragraph start"),
    Role("continuation", "·", "paragraph continued"),
    Role("subheading", "h", "subheading (小标题)"),
    Role("caption", "C", "photo caption"),
    Role("furniture", "F", "page furniture"),
    Role("banner", "▭", "banner: a headline or slogan heading no article"),
    Role("loose-figure", "c", "caption tied to no article"),
    Role("unplaced", "?", "not found in the parsed page"),
)}

