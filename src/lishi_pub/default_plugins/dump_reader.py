"""The built-in ``dump`` reader: text left by pdfminer.six or pdftotext, one page per form feed."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..hookspecs import hookimpl
from ..inputs import Source
from ..parser.layout import PageLayout
from ..reader import Reader


def _sniff(head: bytes) -> bool:
    """Any text: the dump reader is the fallback for whatever no other reader claims."""
    from ..inputs import looks_like_text

    return looks_like_text(head)


def _read(source: Source) -> Iterator[PageLayout]:
    from ..parser.dump import read_dump

    return read_dump(source)


@hookimpl
def register_readers() -> Iterable[Reader]:
    return [
        Reader(
            name="dump",
            description="text dump of a page (pdfminer.six or pdftotext output; form feeds separate pages)",
            suffixes=(".txt",),
            sniff=_sniff,
            read=_read,
        )
    ]
