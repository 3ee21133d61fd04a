"""The cover image: masthead, date, issue number and the list of pages, drawn
with the bundled font.

Reading systems and calibre take a book's cover from the image its package
declares ``cover-image``; an XHTML cover alone is dropped from their shelves.
The image is drawn here rather than asked of the user, because a dump has no
picture of the front page.  It says only what the book's own cover page says
(nothing invented), and it is the same bytes for the same issue: Pillow's PNG
writer stores no time, and the font is the one bundled with lishi-pub.
"""

from __future__ import annotations

import io
from functools import cache
from importlib import resources
from typing import Any

from attrs import frozen

__all__ = ["CoverText", "HEIGHT", "WIDTH", "draw_cover"]

#: 3:4, what e-book shops and calibre show a cover at; wide enough for ten Han characters of masthead.
WIDTH, HEIGHT = 1200, 1600
MARGIN = 90
PAPER = (251, 249, 243)
INK = (34, 34, 34)
#: Mastheads of Chinese papers are printed red.
MASTHEAD_RED = (178, 34, 34)
#: The black layer holds palette indices directly: 0 paper, 127 full ink, grey text in between.
BLACK, GREY = 127, 75
FOOT = HEIGHT - MARGIN


@frozen
class CoverText:
    """What the cover shows, already cleaned: a masthead, the lines under it,
    a heading for the list, its rows (label, note) and under each row the
    titles it holds (a page's articles), shown while there is room."""

    masthead: str
    lines: tuple[str, ...]
    heading: str
    rows: tuple[tuple[str, str | None], ...]
    details: tuple[tuple[str, ...], ...] = ()


@cache
def _font_data() -> bytes:
    return resources.files("lishi_pub").joinpath("fonts/wqy-microhei.ttc").read_bytes()


@cache
def _font(size: int) -> Any:
    from PIL import ImageFont

    # The basic layout engine, not raqm: raqm is present on some machines and
    # not others (so the bytes would differ) and refuses some hostile text.
    return ImageFont.truetype(io.BytesIO(_font_data()), size=size, index=0, layout_engine=ImageFont.Layout.BASIC)


def _fit(text: str, size: int, width: float, smallest: int) -> tuple[Any, str]:
    """The largest font from ``size`` down to ``smallest`` that fits ``text``
    in ``width``; at the smallest, the text is cut with an ellipsis."""
    while size > smallest and _font(size).getlength(text) > width:
        size = max(smallest, int(size * 0.9))
    font = _font(size)
    if font.getlength(text) <= width:
        return font, text
    while text and font.getlength(text + "…") > width:
        text = text[:-1]
    return font, text + "…"


@cache
def _palette() -> list[int]:
    """Indices 0–127 run from paper to black ink, 128–255 from paper to red."""
    def blend(ink: tuple[int, int, int], share: float) -> list[int]:
        return [round(p + (i - p) * share) for p, i in zip(PAPER, ink)]

    return [v for k in range(128) for v in blend(INK, k / 127)] + \
        [v for k in range(128) for v in blend(MASTHEAD_RED, k / 127)]


def _inks_to_png(black: Any, red: Any) -> bytes:
    """The black layer (palette indices 0–127) and the red one (0 paper, 255
    full ink) as one palette PNG.

    A palette image is a third of an RGB one and its PNG is written several
    times faster, which is most of what a cover costs; the text keeps its
    anti-aliasing in 128 shades of each ink.  The layers never overlap, so
    adding them is exact.
    """
    from PIL import ImageChops

    image = ImageChops.add(black, red.point([0] + [128 + v * 127 // 255 for v in range(1, 256)]))
    image.putpalette(_palette())
    out = io.BytesIO()
    image.save(out, format="PNG", compress_level=1)  # level 6 takes three times as long for 20% fewer bytes
    return out.getvalue()


def draw_cover(cover: CoverText) -> bytes:
    """The cover as PNG bytes."""
    from PIL import Image, ImageDraw

    black = Image.new("L", (WIDTH, HEIGHT), 0)
    red = Image.new("L", (WIDTH, HEIGHT), 0)
    draw, draw_red = ImageDraw.Draw(black), ImageDraw.Draw(red)
    inner = WIDTH - 2 * MARGIN
    y: float = MARGIN + 40

    font, masthead = _fit(cover.masthead, 180, inner, 56)
    box = draw_red.textbbox((0, 0), masthead, font=font)
    draw_red.text(((WIDTH - (box[2] - box[0])) / 2 - box[0], y - box[1]), masthead, font=font, fill=255)
    y += box[3] - box[1] + 60
    draw_red.rectangle((MARGIN, y, WIDTH - MARGIN, y + 8), fill=255)
    y += 8 + 10
    draw_red.rectangle((MARGIN, y, WIDTH - MARGIN, y + 2), fill=255)
    y += 2 + 50

    for line in cover.lines:
        font, shown = _fit(line, 52, inner, 28)
        width = font.getlength(shown)
        draw.text(((WIDTH - width) / 2, y), shown, font=font, fill=BLACK)
        y += 80
    y += 40

    if cover.rows:
        font, heading = _fit(cover.heading, 44, inner, 28)
        draw.text((MARGIN, y), heading, font=font, fill=GREY)
        y += 70
        draw.line((MARGIN, y, WIDTH - MARGIN, y), fill=GREY, width=2)
        y += 30
        size = 44 if len(cover.rows) <= 10 else 34
        step, small = size + 28, size - 10
        room = int((FOOT - y) // step)
        shown_rows = list(cover.rows) if len(cover.rows) <= room else [
            *cover.rows[: room - 1], (f"……另有{len(cover.rows) - room + 1}项", None)]
        for k, (label, note) in enumerate(shown_rows):
            note_font = _font(size - 6)
            note_width = note_font.getlength(note) if note else 0.0
            font, shown = _fit(label, size, inner - note_width - 40, 24)
            draw.text((MARGIN, y), shown, font=font, fill=BLACK)
            if note:
                draw.text((WIDTH - MARGIN - note_width, y + 4), note, font=note_font, fill=GREY)
            y += step
            for title in cover.details[k] if k < len(cover.details) else ():
                if y + small + 20 > FOOT - (len(shown_rows) - k - 1) * step:
                    break
                font, shown = _fit(f"· {title}", small, inner - 50, 20)
                draw.text((MARGIN + 50, y), shown, font=font, fill=GREY)
                y += small + 20
    return _inks_to_png(black, red)

