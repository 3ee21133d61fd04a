"""Make the shipped serif faces: Noto Serif CJK SC Regular and Bold, subset and turned into TrueType.

    .venv/bin/python tools/make_serif_font.py [NOTO_DIR]

reportlab embeds TrueType (quadratic) outlines only, and Noto Serif CJK is
CFF.  This script keeps the SC face of each collection, subsets it to GB 2312
(6,763 hanzi and its symbols), ASCII, the general and CJK punctuation blocks
and the full-width forms, converts the cubic outlines to quadratic ones with
cu2qu (max error 1 unit of 1000), and writes ``src/lishi_pub/fonts/
noto-serif-sc-{regular,bold}.ttf``.  A character outside the subset is drawn
from WenQuanYi Micro Hei by the exporter's per-character fallback.

Needs fontTools (``pip install fonttools``), only to run this script; the
input is Debian's ``fonts-noto-cjk`` and ``fonts-noto-cjk-extra`` (Bold).
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, TTFont, newTable

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "lishi_pub" / "fonts"
SC_FACE = "Noto Serif CJK SC"
# cu2qu's tolerance in font units (1000 per em): invisible at any text size.
MAX_ERR = 1.0


def gb2312() -> set[int]:
    chars: set[int] = set()
    for hi in range(0xA1, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                chars.add(ord(bytes([hi, lo]).decode("gb2312")))
            except UnicodeDecodeError:
                pass
    return chars


def wanted() -> set[int]:
    ranges = [(0x20, 0x7E), (0xA0, 0xFF), (0x2000, 0x206F), (0x2100, 0x214F), (0x2190, 0x21FF),
              (0x2460, 0x24FF), (0x2500, 0x257F), (0x25A0, 0x25FF), (0x3000, 0x303F), (0xFF00, 0xFFEF)]
    chars = gb2312()
    for lo, hi in ranges:
        chars.update(range(lo, hi + 1))
    return chars


def sc_face(path: Path) -> TTFont:
    for font in TTCollection(str(path)).fonts:
        if font["name"].getDebugName(4).startswith(SC_FACE):
            return font
    raise SystemExit(f"{path}: no {SC_FACE} face")


def to_truetype(font: TTFont) -> None:
    """Replace the CFF outlines by quadratic glyf outlines (after fontTools' otf2ttf snippet)."""
    order = font.getGlyphOrder()
    glyphs = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyphs)
        glyphs[name].draw(Cu2QuPen(pen, MAX_ERR, reverse_direction=True))
        glyf[name] = pen.glyph()
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    font["maxp"] = maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for attr in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                 "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
        setattr(maxp, attr, 0)
    maxp.maxZones = 1
    font["head"].glyphDataFormat = 0
    post = font["post"]
    post.formatType = 2.0
    post.extraNames = []
    post.mapping = {}
    post.glyphOrder = order
    for tag in ("CFF ", "VORG"):
        if tag in font:
            del font[tag]
    font.sfntVersion = "\0\1\0\0"


def make(source: Path, target: Path) -> None:
    font = sc_face(source)
    options = subset.Options()
    options.layout_features = ["vert", "vrt2", "kern", "palt", "halt"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.hinting = False
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=wanted())
    subsetter.subset(font)
    to_truetype(font)
    font.save(str(target))
    print(f"{target.name}: {len(font.getGlyphOrder())} glyphs, {target.stat().st_size / 2**20:.1f} MiB")


def main() -> None:
    noto = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/usr/share/fonts/opentype/noto")
    for weight in ("Regular", "Bold"):
        make(noto / f"NotoSerifCJK-{weight}.ttc", OUT / f"noto-serif-sc-{weight.lower()}.ttf")


if __name__ == "__main__":
    main()
