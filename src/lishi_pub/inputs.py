"""Read page dumps from disk whatever their encoding, or say clearly why not.

Strategy, in order: a byte-order mark (UTF-8, UTF-16, UTF-32) decides; else
strict UTF-8; else GB18030 (a superset of GBK and GB2312, the usual Windows
encodings for Chinese), accepted only if the result looks like Chinese text
rather than mojibake.  ``encoding=`` overrides all of it.  No charset-guessing
dependency: for the encodings Chinese page dumps actually come in, this chain
is exact where a statistical detector is probabilistic.
"""

from __future__ import annotations

import codecs
import os
import re
from functools import cache
from pathlib import Path

from attrs import frozen

from .errors import InputError

__all__ = ["MAX_BYTES", "MAX_ENV", "Source", "clean_text", "decode", "looks_like_text", "read_bytes", "read_source"]

#: Default size limit for one input file.
MAX_BYTES = 64 * 1024 * 1024
MAX_ENV = "LISHI_PUB_MAX_INPUT_MB"

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_MAGIC = {
    b"%PDF": "a PDF file; extract its text first, e.g. `pdftotext -layout FILE.pdf`",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive (an EPUB or Office file?)",
    b"\xd0\xcf\x11\xe0": "an old Office document",
}
# C0/C1 controls other than tab, newline and form feed (the page separator), U+FFFD, and lone
# surrogates (from surrogateescape or a bad UTF-16 decode: no encoder can write them).
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufffd\ud800-\udfff]")
#: Text has no NUL and next to no other C0 control; a file where more than this share of the bytes
#: are such controls is binary.  A proportion, so one stray NUL is treated alike wherever it stands.
BINARY_SHARE = 0.01
_BINARY_BYTES = bytes(b for b in range(32) if b not in b"\t\n\r\x0c\x1b")
#: UTF-16 without a byte-order mark is taken when at least this share of its characters are Han.
UTF16_HAN_SHARE = 0.3


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Han, and what Chinese text never holds; compiled on first need (a
    fallback decoding is rare, and these big classes cost milliseconds).
    Outside the second: ASCII, Latin-1, general punctuation, arrows and
    shapes, CJK symbols, kana, Han, full-width forms, supplementary Han and emoji."""
    return (re.compile(r"[\u3400-\u9fff]"),
            re.compile("[^\\s\x20-\x7e\u00a0-\u024f\u2000-\u27bf\u2e80-\u9fff\uff00-\uffef"
                       "\U0001f000-\U0003134f]"))


@frozen
class Source:
    """Decoded text of one input, and what was done to get it."""

    text: str
    name: str
    encoding: str
    removed: int = 0
    #: The file's bytes, for a binary reader (a PDF); None for decoded text.
    data: bytes | None = None


def _sniff_binary(data: bytes) -> str | None:
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            return what
    controls = len(data) - len(data.translate(None, _BINARY_BYTES))
    if controls > max(1, BINARY_SHARE * len(data)):
        return "a binary file"
    return None


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """Han text in UTF-16 is easy to recognise: most code units are Han, and it decodes cleanly."""
    if len(data) < 2 or len(data) % 2:
        return None
    han, _ = _patterns()
    for encoding in ("utf-16-le", "utf-16-be"):
        head = data[:8192].decode(encoding, errors="replace")  # cheap look first: most files are not UTF-16
        sample = "".join(head.split())
        if not sample or len(han.findall(sample)) < UTF16_HAN_SHARE * len(sample):
            continue
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _plausible(text):
            return text, encoding
    return None


def looks_like_text(head: bytes) -> bool:
    """Whether a file's first bytes could be a text dump (a byte-order mark, or nothing binary)."""
    return any(head.startswith(mark) for mark, _ in _BOMS) or _sniff_binary(head) is None


def _plausible(text: str) -> bool:
    """Chinese news text is Han, ASCII and CJK punctuation; a wrong decoding
    (GB18030 accepts almost any bytes, a stray BOM any length) is not."""
    sample = text[:20000]
    han, implausible = _patterns()
    odd = len(implausible.findall(sample))
    return odd <= 0.02 * max(1, len(sample)) and bool(han.search(sample) or sample.isascii())


def decode(data: bytes, name: str = "<bytes>", encoding: str | None = None) -> Source:
    """Decode one dump; CR and CRLF become LF, control characters go."""
    if encoding is not None:
        try:
            text = data.decode(encoding)
        except LookupError:
            raise InputError(f"{name}: unknown encoding {encoding!r}") from None
        except UnicodeDecodeError as exc:
            raise InputError(f"{name}: not valid {encoding} (byte {exc.start})") from None
        used = encoding
    else:
        bom = next((enc for mark, enc in _BOMS if data.startswith(mark)), None)
        utf16 = _utf16_without_bom(data) if bom is None else None
        if utf16 is not None:
            text, used = utf16
        else:
            if bom is None:
                binary = _sniff_binary(data)
                if binary:
                    hint = ("; if it is UTF-16 text, say so with --encoding utf-16-le (or utf-16-be)"
                            if binary == "a binary file" and data.count(b"\x00") * 4 > len(data) else "")
                    raise InputError(f"{name}: this is {binary}, not a text dump{hint}")
            text, used = _auto_decode(data, name, bom)
    if not text.strip():
        raise InputError(f"{name}: the file is empty" if not data else f"{name}: the file holds no text")
    return clean_text(text, name, used)


def clean_text(text: str, name: str = "<text>", encoding: str = "str") -> Source:
    """Unify line endings and remove control and replacement characters and lone surrogates (counted)."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    cleaned, removed = _CONTROL.subn("", text)
    if not cleaned.strip():
        raise InputError(f"{name}: no text")
    return Source(text=cleaned, name=name, encoding=encoding, removed=removed)


def _auto_decode(data: bytes, name: str, bom: str | None) -> tuple[str, str]:
    if bom is not None:
        try:
            text = data.decode(bom)
        except UnicodeDecodeError:
            text = ""
        if not _plausible(text):
            raise InputError(f"{name}: starts with a {bom} byte-order mark but is not {bom} text; "
                             "name the encoding with --encoding")
        return text, bom
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        text = ""
    if text and _plausible(text):
        return text, "gb18030"
    raise InputError(f"{name}: not UTF-8, UTF-16 or GB18030 text; name the encoding with --encoding "
                     "(e.g. --encoding utf-16-le)")


def max_bytes_default() -> int:
    """The size limit for one input file: ``LISHI_PUB_MAX_INPUT_MB`` or 64 MiB."""
    raw = os.environ.get(MAX_ENV, "").strip()
    try:
        return int(float(raw) * 1024 * 1024) if raw else MAX_BYTES
    except ValueError:
        raise InputError(f"{MAX_ENV}={raw!r} is not a number of megabytes") from None


def read_bytes(path: str | os.PathLike[str], max_bytes: int | None = None) -> bytes:
    """One file's bytes, turning every OS failure into a one-line InputError.

    A page dump is tens of kilobytes; a file over the limit is almost surely
    the wrong file, and parsing it would take memory in proportion, so it is
    refused with the limit named and how to raise it.
    """
    p = Path(path)
    name = str(path)
    limit = max_bytes_default() if max_bytes is None else max_bytes
    try:
        size = p.stat().st_size
        if p.is_file() and size > limit:
            raise InputError(f"{name}: {size / 2**20:.1f} MB is over the {limit / 2**20:.0f} MB input limit; "
                             f"raise it with --max-input-mb or {MAX_ENV}")
        return p.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{name}: is a directory, not a page dump") from None
    except PermissionError:
        raise InputError(f"{name}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror or exc})") from None


def read_source(path: str | os.PathLike[str], encoding: str | None = None, max_bytes: int | None = None) -> Source:
    """Read and decode one page dump (see :func:`read_bytes` for the size limit)."""
    return decode(read_bytes(path, max_bytes), name=str(path), encoding=encoding)
