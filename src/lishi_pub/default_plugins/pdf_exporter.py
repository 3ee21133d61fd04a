"""The built-in ``pdf`` exporter: an archival Chinese PDF (reportlab), see docs/pdf.md.

Only the record lives here; reportlab is imported when a PDF is rendered.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..exporter import Exporter, Option
from ..hookspecs import hookimpl
from ..model import Issue

def _page_size(text: str) -> str:
    """Checked by the host before anything is written; a (width, height) tuple from Python passes as is."""
    from ..errors import ExportError
    from ..pdf.settings import parse_page_size

    try:
        parse_page_size(text)
    except ExportError as exc:
        raise ValueError(str(exc)) from None
    return text


def _not_negative(index: int) -> None:
    if index < 0:
        raise ValueError(f"takes 0 or more, not {index}")


OPTIONS = (
    Option("font", "serif (default: shipped Noto Serif CJK SC with its bold), sans (shipped WenQuanYi "
           "Micro Hei), or a TrueType font file (.ttf/.ttc), optionally PATH:INDEX; or $LISHI_PUB_PDF_FONT", "str"),
    Option("font_index", "face index in a .ttc font collection (default 0, or the PATH:INDEX suffix)", "int",
           validator=_not_negative),
    Option("page_size", "A4 (default), A5, A3, B5 or WIDTHxHEIGHTmm, e.g. 180x260mm", "str", default="A4",
           converter=_page_size),
    Option("columns", "1 (default, for reading and archiving) or 2 (newspaper-like print)", "int", default=1,
           choices=(1, 2)),
    Option("toc", "add a table-of-contents page", "bool", default=False),
    Option("pdfa", "write PDF/A-2b (needs the extra: pip install 'lishi-pub[pdfa]')", "bool", default=False),
)


def _render(issue: Issue, **options: Any) -> bytes:
    from ..pdf.build import render

    return render(issue, **options)


@hookimpl
def register_exporters() -> Iterable[Exporter]:
    return [
        Exporter(
            name="pdf",
            render=_render,
            description="PDF with embedded Chinese font, bookmarks and metadata (reportlab)",
            extension=".pdf",
            media_type="application/pdf",
            options=OPTIONS,
        )
    ]
