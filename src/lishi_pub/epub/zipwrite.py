"""Write an EPUB so that the same content always gives the same bytes.

ebooklib stamps every ZIP entry with the current time and whatever the host
system is.  Here every entry gets one fixed time, fixed permissions and a
fixed creator system as ebooklib writes it, and ``mimetype`` goes first,
stored uncompressed, as the OCF container specification requires.
"""

from __future__ import annotations

import datetime as _dt
import io
import zipfile
from typing import IO, Any

__all__ = ["write_book"]

_MIMETYPE = "mimetype"
_UNIX = 3
_REGULAR_FILE_644 = (0o100644 << 16)
_ZIP_EPOCH = _dt.datetime(1980, 1, 1)
_ZIP_END = _dt.datetime(2107, 12, 31, 23, 59, 58)


def _zip_time(when: _dt.datetime) -> tuple[int, int, int, int, int, int]:
    """The nearest time a ZIP entry can record (1980 to 2107, even seconds)."""
    naive = min(max(when.replace(tzinfo=None), _ZIP_EPOCH), _ZIP_END)
    return (naive.year, naive.month, naive.day, naive.hour, naive.minute, naive.second)


class _FixedZip:
    """The two calls ebooklib makes on its ZIP, giving every entry one fixed time, permissions and system.

    ebooklib writes its entries by name; each name becomes a fixed
    :class:`zipfile.ZipInfo` here, so the book is deflated once, as it is
    written, rather than written, read back and deflated again.
    """

    def __init__(self, file: IO[bytes], date_time: tuple[int, int, int, int, int, int]) -> None:
        self._zip = zipfile.ZipFile(file, "w", zipfile.ZIP_DEFLATED)
        self._date_time = date_time

    def writestr(self, name: str, data: str | bytes) -> None:
        info = zipfile.ZipInfo(name, self._date_time)
        info.create_system = _UNIX
        info.external_attr = _REGULAR_FILE_644
        # mimetype must be stored; a PNG is compressed already and deflating it again gains nothing
        stored = name == _MIMETYPE or name.endswith(".png")
        info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
        raw = data.encode("utf-8") if isinstance(data, str) else data
        self._zip.writestr(info, raw)

    def close(self) -> None:
        self._zip.close()


def write_book(book: Any, options: dict[str, Any], when: _dt.datetime) -> bytes:
    """ebooklib's EPUB of ``book`` with fixed entry metadata, ``mimetype`` first and stored."""
    from .ncx import Writer as LinearNcxWriter

    class Writer(LinearNcxWriter):
        def write(self) -> None:  # ebooklib's own order: mimetype, container, package, items
            self.out = _FixedZip(self.file_name, _zip_time(when))
            try:  # documents are made as they are written: one that fails must not leave the ZIP open
                self.out.writestr(_MIMETYPE, "application/epub+zip")
                self._write_container()
                self._write_opf()
                self._write_items()
            finally:
                self.out.close()

    out = io.BytesIO()
    writer = Writer(out, book, options)
    writer.process()
    writer.write()
    return out.getvalue()
