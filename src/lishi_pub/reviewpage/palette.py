"""Article colours, and the WCAG 2 contrast arithmetic that keeps them readable.

Twelve hues, ordered so that neighbouring articles differ most; each has a
light tint for its lines (dark text on it) and a dark accent for its number
badge (white text on it) and the rule beside its lines.  Colour is never the
only signal: every line and entry also carries the article's number.  The
tests hold each pair to the ratios below; the browser test measures what
Chromium actually paints.
"""

from __future__ import annotations

from attrs import frozen

__all__ = ["INK", "MIN_TEXT_CONTRAST", "PALETTE", "Swatch", "contrast", "luminance"]

INK = "#1b1b1b"  # text on every tint
PAPER = "#ffffff"  # text on every accent
MIN_TEXT_CONTRAST = 4.5  # WCAG 2 AA for normal text
MIN_RULE_CONTRAST = 3.0  # WCAG 2 AA for graphical objects (the accent rule against its tint)


@frozen
class Swatch:
    tint: str
    accent: str


PALETTE: tuple[Swatch, ...] = (
    Swatch("#f7c9c9", "#711414"),  # red
    Swatch("#c9e8f7", "#145271"),  # blue
    Swatch("#ddf7c9", "#3b7114"),  # green
    Swatch("#ecc9f7", "#5a1471"),  # violet
    Swatch("#f7e0c9", "#714214"),  # orange
    Swatch("#c9f7f4", "#14716a"),  # teal
    Swatch("#f7c9d9", "#711433"),  # crimson
    Swatch("#c9f7d9", "#147133"),  # emerald
    Swatch("#c9d5f7", "#142c71"),  # indigo
    Swatch("#f7f4c9", "#716a14"),  # olive
    Swatch("#f7c9ec", "#71145a"),  # magenta
    Swatch("#d5c9f7", "#2c1471"),  # purple
)


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(colour: str) -> float:
    """Relative luminance of ``#rrggbb`` (WCAG 2)."""
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast(a: str, b: str) -> float:
    """WCAG 2 contrast ratio of two ``#rrggbb`` colours, from 1 to 21."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)
