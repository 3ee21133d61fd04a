"""reportlab's parsed font tables, kept in the disk cache between processes.

reportlab reads a TrueType font's cmap, metrics and glyph offsets in Python,
a tenth of a second or more for each CJK face, in every process.  The parsed
tables are stored in the cache (:mod:`lishi_pub.cache`) keyed on reportlab's
version, the font file's stamp and the face, and the font's own bytes are
read from the file again, so the PDF is the same byte for byte.  Entries are
read with an unpickler that builds nothing but reportlab's two font-record
classes and plain data, and anything unexpected means parsing the font as if
there were no cache.
"""

from __future__ import annotations

import io
import pickle
from typing import Any
from weakref import WeakKeyDictionary

from .. import cache

__all__ = ["ttfont"]

_KIND = "ttfont"
# Attributes not stored: the font file's bytes (read again), the per-document
# state (a weak dictionary, empty on creation) and reportlab's scale closure.
_NOT_STORED = ("_ttf_data", "_pdfScale", "state", "face")
_ALLOWED = {("reportlab.pdfbase.ttfonts", "TTFNameBytes"), ("reportlab.pdfbase.ttfonts", "TTEncoding")}


class _Scale:
    """reportlab's font-unit → 1/1000 em scale, as its ``extractInfo`` computes it."""

    def __init__(self, units_per_em: int) -> None:
        self.mult = None if units_per_em == 1000 else 1000 / units_per_em

    def __call__(self, x: Any) -> Any:
        return x if self.mult is None else x * self.mult


class _Unpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        if (module, name) not in _ALLOWED:
            raise pickle.UnpicklingError(f"{module}.{name} is not a font record")
        return super().find_class(module, name)


def ttfont(name: str, path: str, index: int) -> Any:
    """``reportlab.pdfbase.ttfonts.TTFont(name, path, subfontIndex=index)``, from the cache when it can be."""
    import reportlab
    from reportlab.pdfbase.ttfonts import TTFont

    try:
        key: tuple[object, ...] = (reportlab.Version, cache.file_stamp(path), index, name)
    except OSError:
        return TTFont(name, path, subfontIndex=index)
    stored = cache.load(_KIND, key)
    if stored is not None:
        try:
            return _restore(stored, path)
        except Exception:  # a damaged or foreign entry: parse as if there were no cache
            pass
    font = TTFont(name, path, subfontIndex=index)
    try:
        state = ({k: v for k, v in font.__dict__.items() if k not in _NOT_STORED},
                 {k: v for k, v in font.face.__dict__.items() if k not in _NOT_STORED})
        cache.store(_KIND, key, pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL))
    except (pickle.PicklingError, TypeError, AttributeError):
        pass
    return font


def _restore(stored: bytes, path: str) -> Any:
    from reportlab.pdfbase.ttfonts import TTFont, TTFontFace

    font_state, face_state = _Unpickler(io.BytesIO(stored)).load()
    face = TTFontFace.__new__(TTFontFace)
    face.__dict__.update(face_state)
    with open(path, "rb") as f:
        face._ttf_data = f.read()
    face._pdfScale = _Scale(face.unitsPerEm)
    if not isinstance(face.charToGlyph, dict) or not isinstance(face.charWidths, dict):
        raise ValueError("incomplete font entry")
    font = TTFont.__new__(TTFont)
    font.__dict__.update(font_state)
    font.face = face
    font.state = WeakKeyDictionary()
    return font
