"""The PDF exporter's options, checked once and turned into one settings record.

Bad values raise :class:`~lishi_pub.errors.ExportError` with a message that
says what is accepted, so the CLI can show it as is.
"""

from __future__ import annotations

import re

from attrs import frozen

from ..errors import ExportError
from .fonts import FontChoice, choose_font

__all__ = ["PAGE_SIZES", "PdfSettings", "parse_page_size", "settings_from_options"]

_MM = 72 / 25.4
#: Named page sizes in millimetres.
PAGE_SIZES: dict[str, tuple[float, float]] = {"A4": (210, 297), "A5": (148, 210), "A3": (297, 420), "B5": (176, 250)}
_CUSTOM = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*[x×*]\s*(\d+(?:\.\d+)?)\s*(mm)?\s*$", re.IGNORECASE)
_MIN_MM, _MAX_MM = 90.0, 1200.0


@frozen
class PdfSettings:
    """What one build is asked for; sizes in points."""

    page_size: tuple[float, float] = (210 * _MM, 297 * _MM)
    columns: int = 1
    toc: bool = False
    pdfa: bool = False
    font: FontChoice | None = None


def parse_page_size(text: str) -> tuple[float, float]:
    """``A4`` · ``A5`` · ``180x260mm`` (width × height in millimetres) → points."""
    named = PAGE_SIZES.get(text.strip().upper())
    if named is not None:
        return named[0] * _MM, named[1] * _MM
    m = _CUSTOM.match(text)
    if m is None:
        raise ExportError(
            f"page_size {text!r} is not understood; give {', '.join(PAGE_SIZES)} or WIDTHxHEIGHTmm (e.g. 180x260mm)"
        )
    width, height = float(m.group(1)), float(m.group(2))
    if not (_MIN_MM <= width <= _MAX_MM and _MIN_MM <= height <= _MAX_MM):
        raise ExportError(f"page_size {text!r}: each side must be {_MIN_MM:g} to {_MAX_MM:g} mm")
    return width * _MM, height * _MM


def settings_from_options(
    *,
    font: str | None = None,
    font_index: int | None = None,
    page_size: str | tuple[float, float] | None = None,
    columns: int = 1,
    toc: bool = False,
    pdfa: bool = False,
) -> PdfSettings:
    if isinstance(columns, bool) or columns not in (1, 2):
        raise ExportError(f"columns must be 1 or 2, not {columns!r}")
    if font_index is not None and (isinstance(font_index, bool) or not isinstance(font_index, int)):
        raise ExportError(f"font_index must be a whole number, not {font_index!r}")
    size = PdfSettings().page_size if page_size is None else (
        parse_page_size(page_size) if isinstance(page_size, str) else _checked_points(page_size)
    )
    return PdfSettings(
        page_size=size, columns=int(columns), toc=bool(toc), pdfa=bool(pdfa),
        font=choose_font(font, font_index),
    )


def _checked_points(size: tuple[float, float]) -> tuple[float, float]:
    """A (width, height) in points, as reportlab's own page size constants give it."""
    try:
        width, height = (float(v) for v in size)
    except (TypeError, ValueError):
        raise ExportError(f"page_size {size!r} is not a name, WIDTHxHEIGHTmm or (width, height) in points") from None
    if not all(_MIN_MM * _MM <= v <= _MAX_MM * _MM for v in (width, height)):
        raise ExportError(f"page_size {size!r}: each side must be {_MIN_MM:g} to {_MAX_MM:g} mm")
    return width, height
