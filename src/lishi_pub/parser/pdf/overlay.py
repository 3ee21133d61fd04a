"""Pictures of what the PDF reader found: each page rendered, with every
article's region, headline group and caption outlined and labelled.

Pages are rendered by poppler's ``pdftoppm`` (GPL, run as a separate
program, so nothing of it is linked), the outlines drawn with Pillow
(already installed with reportlab).  A region's label is its number and the
start of its headline, set in the bundled WenQuanYi Micro Hei.
"""

from __future__ import annotations

import io
from importlib import resources
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

from ...errors import ExportError
from ..layout import Box, PageLayout, Role

__all__ = ["DPI", "overlay_files", "render_overlays"]

DPI = 100
_COLOURS = ((214, 39, 40), (31, 119, 180), (44, 160, 44), (148, 103, 189), (255, 127, 14), (23, 190, 207),
            (227, 119, 194), (140, 86, 75), (188, 189, 34), (127, 127, 127))
_HEAD = (Role.KICKER, Role.HEADLINE, Role.SUBTITLE, Role.BYLINE)


def _render(pdf: Path, number: int, dpi: int) -> bytes:
    tool = shutil.which("pdftoppm")
    if tool is None:
        raise ExportError("the overlay needs poppler's pdftoppm (Debian: apt-get install poppler-utils)")
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp) / "page"
        done = subprocess.run([tool, "-r", str(dpi), "-f", str(number), "-l", str(number), "-png", "-singlefile",
                               str(pdf), str(base)], capture_output=True, timeout=120)
        if done.returncode != 0:
            raise ExportError(f"{pdf}: pdftoppm could not render page {number}: "
                              f"{done.stderr.decode(errors='replace').strip()[:200]}")
        return (base.with_suffix(".png")).read_bytes()


def _union(boxes: Sequence[Box]) -> Box | None:
    if not boxes:
        return None
    return Box(min(b.x0 for b in boxes), min(b.y0 for b in boxes), max(b.x1 for b in boxes), max(b.y1 for b in boxes))


def overlay_page(png: bytes, layout: PageLayout, dpi: int = DPI) -> bytes:
    """One rendered page with the layout drawn over it, as PNG bytes."""
    from PIL import Image, ImageDraw, ImageFont

    scale = dpi / 72.0
    image = Image.open(io.BytesIO(png)).convert("RGB")
    shade = Image.new("RGBA", image.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(shade)
    with resources.as_file(resources.files("lishi_pub") / "fonts" / "wqy-microhei.ttc") as path:
        font = ImageFont.truetype(str(path), size=max(12, int(9 * scale)))

    def rect(b: Box, colour: tuple[int, ...], width: int, fill: int = 0) -> None:
        xy = [b.x0 * scale, b.y0 * scale, b.x1 * scale, b.y1 * scale]
        draw.rectangle(xy, outline=(*colour, 255), width=width, fill=(*colour, fill) if fill else None)

    def label(b: Box, text: str, colour: tuple[int, ...]) -> None:
        x, y = b.x0 * scale + 2, max(0.0, b.y0 * scale - font.size - 4)
        box = draw.textbbox((x, y), text, font=font)
        draw.rectangle([box[0] - 2, box[1] - 2, box[2] + 2, box[3] + 2], fill=(*colour, 230))
        draw.text((x, y), text, font=font, fill=(255, 255, 255, 255))

    for img in layout.images:
        rect(img.box, (90, 90, 90), 2, fill=40)
    furniture = [ln.box for ln in layout.lines if ln.hint is Role.FURNITURE and ln.box is not None]
    for b in furniture:
        rect(b, (120, 120, 120), 1)
    stories = 0
    for region, box in enumerate(layout.regions):
        lines = [ln for ln in layout.lines if ln.region == region and ln.box is not None]
        if all(ln.hint in _HEAD for ln in lines):
            # a headline with no text under it: a banner (slogan, section name) or a headline the
            # page set away from its story (matched later by content); no article region of its own
            rect(box, (120, 120, 120), 2)
            label(box, "无正文 " + "".join(ln.text for ln in lines if ln.hint is Role.HEADLINE)[:14],
                  (120, 120, 120))
            continue
        stories += 1
        colour = _COLOURS[(stories - 1) % len(_COLOURS)]
        rect(box, colour, max(2, int(1.5 * scale)), fill=28)
        head = _union([ln.box for ln in lines if ln.hint in _HEAD])  # type: ignore[misc]
        if head is not None:
            rect(head, colour, max(3, int(2.5 * scale)), fill=60)
        caption = _union([ln.box for ln in lines if ln.hint is Role.CAPTION])  # type: ignore[misc]
        if caption is not None:
            rect(caption, (0, 0, 0), 2)
            label(caption, "图注", (0, 0, 0))
        title = "".join(ln.text for ln in lines if ln.hint is Role.HEADLINE)
        label(box, f"{stories} {title[:14] or '（无题）'}", colour)
    out = Image.alpha_composite(image.convert("RGBA"), shade).convert("RGB")
    buf = io.BytesIO()
    out.save(buf, format="PNG", optimize=True)
    return buf.getvalue()


def render_overlays(pdf: str | Path, layouts: Sequence[PageLayout], out_dir: str | Path,
                    dpi: int = DPI) -> list[Path]:
    """``out_dir/<pdf stem>-p<N>.png`` for each page, written atomically."""
    from ...atomic import write_atomic

    pdf = Path(pdf)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for layout in layouts:
        png = overlay_page(_render(pdf, layout.number, dpi), layout, dpi)
        written.append(write_atomic(out / f"{pdf.stem}-p{layout.number}.png", png))
    return written


def overlay_files(paths: Sequence[str], out_dir: str | Path, *, max_bytes: int | None = None,
                  dpi: int = DPI) -> list[Path]:
    """Overlays for the PDFs among ``paths`` (text dumps have no page to draw on)."""
    from ...inputs import read_bytes
    from .document import read_pdf

    written: list[Path] = []
    for path in paths:
        data = read_bytes(path, max_bytes)
        if b"%PDF-" not in data[:1024]:
            continue
        written += render_overlays(path, list(read_pdf(data, str(path))), out_dir, dpi)
    return written
