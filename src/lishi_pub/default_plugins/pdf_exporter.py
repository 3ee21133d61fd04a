"""The built-in ``pdf`` exporter: an archival Chinese PDF (reportlab), see docs/pdf.md.

Only the record lives here; reportlab is imported when a PDF is rendered.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..exporter import Exporter, Option
from ..hookspecs import hookimpl
from ..model import Issue

OPTIONS = (
    Option("font", "serif (default: shipped Noto Serif CJK SC with its bold), sans (shipped WenQuanYi "
           "Micro Hei), or a TrueType font file (.ttf/.ttc), optionally PATH:INDEX; or $LISHI_PUB_PDF_FONT", "str"),
    Option("font_index", "face index in a .ttc font collection (default 0)", "int"),
    Option("page_size", "A4 (default), A5, A3, B5 or WIDTHxHEIGHTmm, e.g. 180x260mm", "str"),
    Option("columns", "1 (default, for reading and archiving) or 2 (newspaper-like print)", "int"),
    Option("toc", "add a table-of-contents page", "bool"),
    Option("pdfa", "write PDF/A-2b (needs the extra: pip install 'lishi-pub[pdfa]')", "bool"),
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
