"""Drop what a reader never sees, and collapse what is printed twice.

Invisible text (render mode 3, an OCR layer or hidden keywords) and glyphs
outside the page are dropped.  Fake bold (the same glyph drawn two to four
times with sub-point offsets) becomes one glyph marked bold.
"""

from __future__ import annotations

from .conventions import OVERPRINT
from .extract import Glyph, PageObjects

__all__ = ["clean_glyphs"]


def clean_glyphs(page: PageObjects) -> tuple[list[Glyph], set[int]]:
    """The visible glyphs in drawing order, and the ids of those drawn overprinted (bold).

    Overprints are found through a grid of cells as wide as the allowed offset,
    keyed by the glyph's text and size, so the work stays linear in the number of glyphs.
    """
    seen: dict[tuple[str, int, int, int], Glyph] = {}
    kept: list[Glyph] = []
    bold: set[int] = set()
    w, h = page.width, page.height
    for g in page.glyphs:
        if g.invisible:
            continue
        cx, cy = g.cx, g.cy
        if cx < 0 or cy < 0 or cx > w or cy > h:
            continue
        if not g.text.strip():  # a drawn space is kept: between Han characters it was meant
            kept.append(g)
            continue
        cell = max(OVERPRINT * g.size, 0.5)
        ix, iy, sz = int(cx / cell), int(cy / cell), round(g.size * 4)
        twin = None
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                other = seen.get((g.text, sz, ix + dx, iy + dy))
                if other is not None and abs(other.cx - cx) <= OVERPRINT * g.size \
                        and abs(other.cy - cy) <= OVERPRINT * g.size and abs(other.size - g.size) < 0.1 * g.size:
                    twin = other
                    break
            if twin is not None:
                break
        if twin is not None:
            bold.add(id(twin))
            continue
        seen[(g.text, sz, ix, iy)] = g
        kept.append(g)
    return kept, bold
