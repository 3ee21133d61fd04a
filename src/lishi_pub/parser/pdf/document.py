"""A whole PDF: pages read in two passes, so furniture can be told by repetition.

Pass one extracts every page's lines (and gates its text); the top and bottom
bands of all pages are compared, and a band line whose text (numbers aside)
comes back on another page is furniture: the running head, the folio.  Pass
two lays out each page.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from ...errors import InputError
from ..layout import PageLayout
from .extract import extractor
from .page import band_key, layout_page, read_lines

__all__ = ["read_pdf"]


def read_pdf(data: bytes, source: str) -> Iterator[PageLayout]:
    """One :class:`PageLayout` per page, in page order."""
    try:
        readings = [read_lines(page, source) for page in extractor().pages(data)]
    except InputError:
        raise
    except Exception as exc:  # pdfminer raises a zoo of its own types on a broken file
        raise InputError(f"{source}: not a readable PDF ({type(exc).__name__}: {exc}); if it is damaged, "
                         f"give a text dump of it instead (e.g. `pdftotext -layout FILE.pdf`)") from None
    if not readings:
        raise InputError(f"{source}: the PDF has no pages")
    seen: Counter[str] = Counter()
    for r in readings:
        seen.update({band_key(ln.text) for ln in r.band})
    repeated = {key for key, n in seen.items() if n >= 2 and key}
    for r in readings:
        yield layout_page(r, repeated, source)
