"""The built-in ``pdf`` reader: a newspaper page's PDF read by its layout (docs/pdf-reading.md)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..hookspecs import hookimpl
from ..inputs import Source
from ..parser.layout import PageLayout
from ..reader import Reader


def _sniff(head: bytes) -> bool:
    """``%PDF-`` opens the file, or follows a little junk (the spec allows up to 1 KiB before it)."""
    return b"%PDF-" in head[:1024]


def _read(source: Source) -> Iterator[PageLayout]:
    from ..errors import InputError
    from ..parser.pdf import read_pdf

    data = getattr(source, "data", None)
    if not data:
        raise InputError(f"{source.name}: the pdf reader needs the file's bytes")
    return read_pdf(data, source.name)


@hookimpl
def register_readers() -> Iterable[Reader]:
    return [
        Reader(
            name="pdf",
            description="a newspaper page's PDF, read by glyph positions, sizes and rules (pdfminer.six)",
            suffixes=(".pdf",),
            sniff=_sniff,
            read=_read,
            binary=True,
        )
    ]
