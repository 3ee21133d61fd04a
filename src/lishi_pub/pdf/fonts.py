"""Which font draws each character: the chosen font, checked on load, and the shipped fallback.

The default is WenQuanYi Micro Hei, shipped inside the package so that a PDF
looks and extracts the same on every machine.  A user's font is checked when
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
from collections.abc import Mapping
from functools import cache
from importlib import resources
from pathlib import Path

from attrs import frozen

from ..errors import ExportError

__all__ = [
    "DEFAULT_FONT_LABEL",
    "FONT_ENV",
    "FontSet",
    "FontSpec",
    "MISSING_MARK",
    "LoadedFont",
    "choose_font",
    "default_font",
    "load_font",
]

log = logging.getLogger("lishi_pub.pdf")

#: ``path`` or ``path:INDEX`` (the index selects a face in a ``.ttc`` collection).
FONT_ENV = "LISHI_PUB_PDF_FONT"
DEFAULT_FONT_LABEL = "WenQuanYi Micro Hei"
_DEFAULT_FILE = "wqy-microhei.ttc"
_DEFAULT_NAME = "WenQuanYiMicroHei"
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

    def has(self, ch: str) -> bool:
        return ord(ch) in self.cmap


def _split_index(text: str) -> tuple[str, int | None]:
    """``/x/uming.ttc:1`` → (``/x/uming.ttc``, 1); a Windows drive letter is no index."""
    head, sep, tail = text.rpartition(":")
    if sep and head and tail.isdigit():
        return head, int(tail)
    return text, None


def choose_font(font: str | None, font_index: int | None, environ: Mapping[str, str] = os.environ) -> FontSpec | None:
    """The font the user asked for (option first, then :data:`FONT_ENV`), or None for the default."""
    given = font if font else environ.get(FONT_ENV, "").strip()
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
def default_font() -> LoadedFont:
    """The shipped WenQuanYi Micro Hei (face 0 of its collection)."""
    with resources.as_file(resources.files("lishi_pub") / "fonts" / _DEFAULT_FILE) as path:
        return _register(_DEFAULT_NAME, str(path), 0, DEFAULT_FONT_LABEL)


def load_font(spec: FontSpec | None) -> LoadedFont:
    """The font for ``spec`` (None: the default), loaded, checked and registered once per process."""
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
    from reportlab.pdfbase.ttfonts import TTFError, TTFont

    try:
        ttf = TTFont(name, path, subfontIndex=index)
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
    )


class FontSet:
    """The fonts of one build, and the characters the chosen font could not draw.

    ``assign`` picks a font per character: the chosen one when it has the
    glyph, else the shipped default.  What needed the default, and what no
    font has, is kept for :meth:`report`, so a build warns once, listing
    every such character.
    """

    def __init__(self, primary: LoadedFont, fallback: LoadedFont) -> None:
        self.primary = primary
        self.fallback = fallback
        self.borrowed: set[str] = set()
        self.missing: set[str] = set()

    def assign(self, text: str, size: float) -> tuple[str, list[str], list[float]]:
        """The text as drawn, with the font name and advance width (points at ``size``) of each character.

        A character no font has is drawn as 〓 (the typesetter's mark for a
        missing sort), so that it shows instead of vanishing.
        """
        scale = size / 1000.0
        pcmap, pwidths, pdefault, pname = (
            self.primary.cmap, self.primary.widths, self.primary.default_width, self.primary.name,
        )
        codes = list(map(ord, text))
        if pcmap.keys() >= set(codes):  # the usual case, kept fast: one font draws it all
            return text, [pname] * len(codes), [pwidths.get(cp, pdefault) * scale for cp in codes]
        names: list[str] = []
        widths: list[float] = []
        fallback = self.fallback
        drawn = text
        for i, ch in enumerate(text):
            cp = ord(ch)
            if cp in pcmap:
                names.append(pname)
                widths.append(pwidths.get(cp, pdefault) * scale)
                continue
            if cp not in fallback.cmap:
                self.missing.add(ch)
                drawn = drawn[:i] + MISSING_MARK + drawn[i + 1:]
                cp = ord(MISSING_MARK)
            elif fallback is not self.primary:
                self.borrowed.add(ch)
            names.append(fallback.name)
            widths.append(fallback.widths.get(cp, fallback.default_width) * scale)
        return drawn, names, widths

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
