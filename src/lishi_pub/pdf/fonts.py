"""Which font draws each character: the chosen font, checked on load, and the shipped fallback.

Two faces ship inside the package, so that a PDF looks and extracts the same
on every machine: Noto Serif CJK SC (a Song face, regular and a real bold,
subset to GB 2312 and turned into TrueType by ``tools/make_serif_font.py``),
the default for text as Chinese papers set it, and WenQuanYi Micro Hei (a Hei
face covering all of GBK), which also draws whatever the others lack.  A user's font is checked when
it is loaded (TrueType outlines only, Chinese characters in its cmap), and a
character it lacks is drawn from the shipped font and reported, because
reportlab would otherwise draw an invisible glyph without a word.

Loading a CJK font costs a tenth of a second, so each font is loaded and
registered with reportlab once per process.
"""

from __future__ import annotations

import hashlib
import logging
import os
import struct
from array import array
from collections.abc import Mapping
from functools import cache
from importlib import resources
from pathlib import Path

from attrs import field, frozen

from ..errors import ExportError
from .punctuation import CLOSING, OPENING, blanks

__all__ = [
    "DEFAULT_FACE",
    "DEFAULT_FONT_LABEL",
    "FACES",
    "FONT_ENV",
    "FontChoice",
    "FontSet",
    "FontSpec",
    "MISSING_MARK",
    "LoadedFont",
    "choose_font",
    "default_font",
    "font_set",
    "load_font",
    "shipped_font",
]

log = logging.getLogger("lishi_pub.pdf")

#: ``path`` or ``path:INDEX`` (the index selects a face in a ``.ttc`` collection).
FONT_ENV = "LISHI_PUB_PDF_FONT"
DEFAULT_FONT_LABEL = "WenQuanYi Micro Hei"
#: The shipped faces the ``font`` option names: file, reportlab name, label.
_SHIPPED: dict[str, tuple[str, str, str]] = {
    "sans": ("wqy-microhei.ttc", "WenQuanYiMicroHei", DEFAULT_FONT_LABEL),
    "serif": ("noto-serif-sc-regular.ttf", "NotoSerifSC", "Noto Serif CJK SC"),
    "serif-bold": ("noto-serif-sc-bold.ttf", "NotoSerifSC-Bold", "Noto Serif CJK SC Bold"),
}
#: What the ``font`` option accepts besides a file: a shipped face.
FACES = ("serif", "sans")
#: The face used when no font is chosen.
DEFAULT_FACE = "serif"
# A font that has none of these is not a Chinese font at all.
_PROBE_HANZI = "汉字中文的"
#: Drawn for a character no font has (the geta mark, which Micro Hei has).
MISSING_MARK = "〓"


@frozen
class FontSpec:
    """A font file and the face to use in it."""

    path: Path
    index: int = 0


@frozen(eq=False)
class LoadedFont:
    """A font registered with reportlab under ``name``, with its cmap and advance widths."""

    name: str
    label: str
    ps_name: bytes
    cmap: Mapping[int, int]
    widths: Mapping[int, float]
    default_width: float

    #: What each full-width mark may shed on its left and right, in em (:func:`.punctuation.blanks`).
    sheds: Mapping[str, tuple[float, float]] = field(factory=dict)

    def has(self, ch: str) -> bool:
        return ord(ch) in self.cmap


#: A shipped face (one of :data:`FACES`) or a font file.
FontChoice = FontSpec | str


def _split_index(text: str) -> tuple[str, int | None]:
    """``/x/uming.ttc:1`` → (``/x/uming.ttc``, 1); a Windows drive letter is no index."""
    head, sep, tail = text.rpartition(":")
    if sep and head and tail.isdigit():
        return head, int(tail)
    return text, None


def choose_font(font: str | None, font_index: int | None, environ: Mapping[str, str] = os.environ) -> FontChoice | None:
    """The font the user asked for (option first, then :data:`FONT_ENV`), or None for the default."""
    given = font if font else environ.get(FONT_ENV, "").strip()
    if given in FACES and not font_index:
        return given
    if not given:
        if font_index:
            raise ExportError("option font_index needs option font (or LISHI_PUB_PDF_FONT) to name a font file")
        return None
    path, suffix_index = _split_index(given)
    index = font_index if font_index is not None else (suffix_index or 0)
    if index < 0:
        raise ExportError(f"font index must be 0 or more, not {index}")
    return FontSpec(Path(path).expanduser(), index)


@cache
def shipped_font(key: str) -> LoadedFont:
    """A face shipped in the package: ``sans``, ``serif`` or ``serif-bold``."""
    file, name, label = _SHIPPED[key]
    with resources.as_file(resources.files("lishi_pub") / "fonts" / file) as path:
        return _register(name, str(path), 0, label)


def default_font() -> LoadedFont:
    """The shipped WenQuanYi Micro Hei, which draws what the chosen font lacks."""
    return shipped_font("sans")


def font_set(choice: FontChoice | None) -> FontSet:
    """The fonts of one build: the chosen face (the default serif if None), its bold, the fallback."""
    choice = DEFAULT_FACE if choice is None else choice
    if choice == "serif":
        return FontSet(shipped_font("serif"), default_font(), bold=shipped_font("serif-bold"))
    if choice == "sans":
        return FontSet(default_font(), default_font())
    assert isinstance(choice, FontSpec)
    return FontSet(load_font(choice), default_font())


def load_font(spec: FontSpec | None) -> LoadedFont:
    """The font for ``spec`` (None: Micro Hei), loaded, checked and registered once per process."""
    if spec is None:
        return default_font()
    path = spec.path.resolve()
    if not path.is_file():
        raise ExportError(f"font {spec.path}: no such file")
    return _load_user_font(str(path), spec.index)


@cache
def _load_user_font(path: str, index: int) -> LoadedFont:
    digest = hashlib.sha256(f"{path}\0{index}".encode()).hexdigest()[:12]
    font = _register(f"LishiUserFont-{digest}", path, index, None, clash=default_font())
    if not any(font.has(ch) for ch in _PROBE_HANZI):
        raise ExportError(
            f"font {path} has no Chinese characters; choose a Chinese TrueType font such as AR PL UMing or SimSun"
        )
    return font


def _register(name: str, path: str, index: int, label: str | None, clash: LoadedFont | None = None) -> LoadedFont:
    """Load and register a font; ``clash`` is a font whose PostScript name this one must not share.

    reportlab names a subset's PDF objects after the PostScript name, so two
    fonts with one name (a trimmed copy of Micro Hei, say) would share their
    subsets' objects and drop each other's glyphs; the second is renamed.
    """
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFError

    from .fontcache import ttfont

    try:
        ttf = ttfont(name, path, index)  # parsed tables from the disk cache when they are there
    except TTFError as exc:
        message = str(exc)
        if "postscript outlines" in message:
            raise ExportError(
                f"font {path} has PostScript (CFF) outlines, which reportlab cannot embed; "
                "choose a TrueType font (.ttf/.ttc), such as AR PL UMing or SimSun"
            ) from None
        raise ExportError(f"font {path} (face {index}) cannot be used: {message}") from None
    except OSError as exc:
        raise ExportError(f"font {path}: cannot read it ({exc.strerror or exc})") from None
    face = ttf.face
    if clash is not None and face.name == clash.ps_name:
        face.name += b"-" + name.rsplit("-", 1)[-1].encode("ascii")
    pdfmetrics.registerFont(ttf)
    family = face.familyName.decode("utf-8", "replace") if isinstance(face.familyName, bytes) else str(face.familyName)
    return LoadedFont(
        name=name,
        label=label or f"{family} ({Path(path).name})",
        ps_name=face.name,
        cmap=face.charToGlyph,
        widths=face.charWidths,
        default_width=float(face.defaultWidth),
        sheds=_sheds(face),
    )


def _sheds(face: object) -> dict[str, tuple[float, float]]:
    """What each full-width mark may shed, from its glyph's ink extent in the ``glyf`` table.

    reportlab keeps the font's bytes, its ``loca`` offsets and its metrics,
    so reading the few marks' bounding boxes costs nothing.
    """
    out: dict[str, tuple[float, float]] = {}
    try:
        data, positions = face._ttf_data, face.glyphPos  # type: ignore[attr-defined]
        glyf = face.table["glyf"]["offset"]  # type: ignore[attr-defined]
        scale, hmetrics, cmap = face._pdfScale, face.hmetrics, face.charToGlyph  # type: ignore[attr-defined]
    except (AttributeError, KeyError):
        return out
    for ch in sorted(CLOSING | OPENING):
        gid = cmap.get(ord(ch))
        if gid is None or gid + 1 >= len(positions) or positions[gid + 1] <= positions[gid]:
            continue
        _contours, x_min, _y_min, x_max, _y_max = struct.unpack_from(">hhhhh", data, glyf + positions[gid])
        advance = scale(hmetrics[gid][0]) / 1000
        shed = blanks(ch, advance, scale(x_min) / 1000, scale(x_max) / 1000)
        if shed != (0.0, 0.0):
            out[ch] = shed
    return out


class FontSet:
    """The fonts of one build, and the characters the chosen font could not draw.

    ``assign`` picks a font per character: the chosen one when it has the
    glyph, else the shipped default.  What needed the default, and what no
    font has, is kept for :meth:`report`, so a build warns once, listing
    every such character.
    """

    def __init__(self, primary: LoadedFont, fallback: LoadedFont, bold: LoadedFont | None = None) -> None:
        self.primary = primary
        self.fallback = fallback
        #: A real bold face, if the chosen face has one; else emphasis is a stroke.
        self.bold = bold
        self.borrowed: set[str] = set()
        self.missing: set[str] = set()
        self._sheds = {f.name: f.sheds for f in (primary, fallback, bold) if f is not None}

    def sheds(self, name: str) -> Mapping[str, tuple[float, float]]:
        """What the marks of font ``name`` may shed (:mod:`.punctuation`)."""
        return self._sheds.get(name, {})

    def assign(self, text: str, size: float, bold: bool = False) -> tuple[str, list[str], array[int], array[float]]:
        """The text as drawn, the fonts it needs, and per character its font (an index into them) and
        advance width (points at ``size``).

        ``bold`` draws it from the bold face when there is one.  A character
        no font has is drawn as 〓 (the typesetter's mark for a missing
        sort), so that it shows instead of vanishing.  Work is done per
        distinct character, and the per-character results are flat arrays,
        so a paragraph of millions of characters costs 10 bytes a character.
        """
        scale = size / 1000.0
        face = self.bold if bold and self.bold is not None else self.primary
        fallback = self.fallback
        chars = set(text)
        lacking = {ch for ch in chars if ord(ch) not in face.cmap}
        nowhere = {ch for ch in lacking if ord(ch) not in fallback.cmap}
        if fallback is not self.primary:
            self.borrowed.update(lacking - nowhere)
        self.missing.update(nowhere)
        drawn = text.translate({ord(ch): MISSING_MARK for ch in nowhere}) if nowhere else text
        if nowhere:
            lacking = (lacking - nowhere) | {MISSING_MARK}
        fonts = [face.name] if len(lacking) < len(chars) or not lacking else []
        if lacking:
            fonts.append(fallback.name)
        key_of = {ch: len(fonts) - 1 if ch in lacking else 0 for ch in set(drawn)}
        width_of = {
            ch: (fallback if ch in lacking else face).widths.get(ord(ch), (fallback if ch in lacking else face).default_width)
            * scale
            for ch in key_of
        }
        keys = array("H", [0]) * len(drawn) if len(fonts) == 1 else array("H", map(key_of.__getitem__, drawn))
        return drawn, fonts, keys, array("d", map(width_of.__getitem__, drawn))

    def report(self) -> None:
        """Log, once per build, the characters that needed the fallback or have no glyph at all."""
        if self.borrowed:
            chars = "".join(sorted(self.borrowed))
            log.warning(
                "font %s lacks %d character(s), drawn with %s instead: %s",
                self.primary.label, len(chars), self.fallback.label, chars,
            )
        if self.missing:
            chars = " ".join(f"{ch}(U+{ord(ch):04X})" for ch in sorted(self.missing))
            log.warning(
                "no font has %d character(s); each is drawn as %s: %s",
                len(self.missing), MISSING_MARK, chars,
            )
