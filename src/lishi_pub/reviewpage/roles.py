"""What a source line can be, as data: one table the tracer, the page and its legend share.

Each role has a short mark shown in the line's gutter, so that the page never
relies on colour alone, and a phrase for tooltips and the side panel.  The
keys are the parser's classify-stage vocabulary (one role per line, shown by
``lishi-pub inspect --lines``), so that when pages carry their lines' roles
the review shows them as they are; ``loose-figure`` and ``unplaced`` are the
review's own, for lines the tracer found outside every article or nowhere.
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
    Role("body", "·", "paragraph continued"),
    Role("subheading", "h", "subheading (小标题)"),
    Role("caption", "C", "photo caption"),
    Role("furniture", "F", "page furniture"),
    Role("banner", "▭", "banner: a headline or slogan heading no article"),
    Role("loose-figure", "c", "caption tied to no article"),
    Role("jump", "J", "jump line (转版)"),
    Role("affiliation", "A", "author's affiliation"),
    Role("section-label", "L", "section or column label"),
    Role("item-title", "I", "run-in title of a news item"),
    Role("signature", "G", "signature of a notice"),
    Role("verse", "V", "line of verse"),
    Role("unplaced", "?", "not found in the parsed page"),
)}

