"""Each page's content stream compressed when the page is finished, not when the file is saved.

reportlab keeps every page's drawing operators as text until ``save``,
and only then compresses them: a long issue held its whole uncompressed
content (about five bytes per input byte) to the end.  Here the stream is
encoded, with reportlab's own filters in reportlab's own order, as soon as
the page is shown, and the page gets it as its ``Contents``; the file is
the same, byte for byte (bounded memory, issue 13).
"""

from __future__ import annotations

from typing import Any

from reportlab import rl_config
from reportlab.pdfbase.pdfdoc import PDFArray, PDFBase85Encode, PDFName, PDFStream, PDFZCompress
from reportlab.pdfgen.canvas import Canvas

__all__ = ["compress_pages_as_shown"]


def _encoded(stream: str | bytes) -> Any:
    """The stream object reportlab's ``PDFPage.check_format`` would make, with its filters already applied."""
    filters = [PDFBase85Encode, PDFZCompress] if rl_config.useA85 else [PDFZCompress]
    content: str | bytes = stream
    for f in reversed(filters):  # PDFStream.format's order
        content = f.encode(content)
    encoded = PDFStream(content=content)
    encoded.dictionary["Filter"] = PDFArray([PDFName(f.pdfname) for f in filters])  # applied: format skips them
    encoded.__Comment__ = "page stream"
    return encoded


def compress_pages_as_shown(canv: Canvas) -> None:
    """After each ``showPage`` of ``canv``, encode the finished page's stream and drop its text."""
    show_page = canv.showPage

    def show_and_compress() -> None:
        show_page()
        page = canv._doc.Pages.pages[-1]
        if page.compression and page.stream and not page.Contents and not page.Override_default_compilation:
            page.Contents = _encoded(page.stream)
            page.stream = None

    canv.showPage = show_and_compress  # type: ignore[method-assign]
