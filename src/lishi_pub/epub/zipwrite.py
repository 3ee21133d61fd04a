"""Re-pack an EPUB so that the same content always gives the same bytes.

ebooklib stamps every ZIP entry with the current time and whatever the host
system is.  Here every entry gets one fixed time, fixed permissions and a
fixed creator system, and ``mimetype`` goes first, stored uncompressed, as
the OCF container specification requires.
"""

from __future__ import annotations

import datetime as _dt
import io
import zipfile
from collections.abc import Callable

__all__ = ["repack"]

_MIMETYPE = "mimetype"
_UNIX = 3
_REGULAR_FILE_644 = (0o100644 << 16)
_ZIP_EPOCH = _dt.datetime(1980, 1, 1)
_ZIP_END = _dt.datetime(2107, 12, 31, 23, 59, 58)


def _zip_time(when: _dt.datetime) -> tuple[int, int, int, int, int, int]:
    """The nearest time a ZIP entry can record (1980 to 2107, even seconds)."""
    naive = min(max(when.replace(tzinfo=None), _ZIP_EPOCH), _ZIP_END)
    return (naive.year, naive.month, naive.day, naive.hour, naive.minute, naive.second)


def repack(epub: bytes, when: _dt.datetime, finish: Callable[[str, bytes], bytes] | None = None) -> bytes:
    """The same entries in the same order (``mimetype`` first), with fixed
    metadata; ``finish(name, data)``, when given, may rewrite an entry's bytes."""
    date_time = _zip_time(when)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(epub)) as source, zipfile.ZipFile(out, "w") as target:
        names = source.namelist()
        for name in sorted(names, key=lambda n: n != _MIMETYPE):
            info = zipfile.ZipInfo(name, date_time)
            info.create_system = _UNIX
            info.external_attr = _REGULAR_FILE_644
            # mimetype must be stored; a PNG is compressed already and deflating it again gains nothing
            stored = name == _MIMETYPE or name.endswith(".png")
            info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
            data = source.read(name)
            target.writestr(info, finish(name, data) if finish else data)
    return out.getvalue()
