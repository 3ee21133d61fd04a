"""PDF/A-2b: reportlab's PDF made archival with pikepdf (the optional extra ``lishi-pub[pdfa]``).

reportlab writes no PDF/A.  pikepdf's PDF/A module adds what is missing (an
sRGB output intent, the XMP metadata and its PDF/A declaration, Print flags
on links) and validates the bytes it writes, so a file that does not pass is
never returned.  Ghostscript is not used: its conversion destroys the text
layer.  The two things that would make output differ between runs, the XMP
metadata date and the file ID, are pinned (to the document's own date, or
removed when it has none, and a content digest).
"""

from __future__ import annotations

import io

from ..errors import ExportError

__all__ = ["to_pdfa"]

_FLAVOUR = "2b"
_INSTALL = "pdfa=True needs pikepdf with its PDF/A module: pip install 'lishi-pub[pdfa]'"


def to_pdfa(data: bytes) -> bytes:
    """``data`` (a PDF whose fonts are all embedded) as validated PDF/A-2b."""
    try:
        import pikepdf
        from pikepdf import pdfa
    except ImportError:
        raise ExportError(_INSTALL) from None
    with pikepdf.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            if "/Trans" in page.obj:  # reportlab's empty transition dictionaries are not PDF/A
                del page.obj["/Trans"]
        pdfa.prepare(pdf, _FLAVOUR)
        with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
            # prepare() stamps the clock time; the XMP says what /Info says (see .metadata), or nothing
            if "xmp:CreateDate" in meta:
                meta["xmp:MetadataDate"] = meta["xmp:CreateDate"]
            elif "xmp:MetadataDate" in meta:
                del meta["xmp:MetadataDate"]
        out = io.BytesIO()
        try:
            pdfa.save(pdf, out, _FLAVOUR, repair=False, deterministic_id=True)
        except pdfa.PdfaError as exc:
            raise ExportError(f"PDF/A-2b validation failed: {exc}") from None
    return out.getvalue()
