"""What an input file is, and the issue it holds: a page dump to parse, or lishi-pub JSON to load.

This is the editorial loop: parse a page, correct the JSON by hand, convert
the JSON.  A file is recognised by its content, never its name: JSON whose
envelope says ``"format": "lishi-pub"`` is loaded as the issue it holds, any
other JSON is refused (it is not a page either), everything else is a page
dump.  ``reader`` (the CLI's ``--from``) overrides the guess.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import attrs

from .errors import DocumentError, InputError, LishiPubError
from .inputs import Source, read_bytes
from .metadata import Metadata
from .model import Issue
from .reader import Reader

__all__ = ["JSON", "detect", "read_issue"]

#: The name ``--from`` takes for lishi-pub JSON; the others are the registered readers'.
JSON = "json"

_JSON_START = (b"{", b"[")


def _json_text(data: bytes) -> str | None:
    """The text of ``data`` if it is a JSON value (objects and arrays only), else None."""
    head = data[:64].lstrip(b"\xef\xbb\xbf \t\r\n")
    if not head.startswith(_JSON_START):
        return None
    try:
        text = data.decode("utf-8-sig")
        json.loads(text)
    except (UnicodeDecodeError, ValueError):
        return None
    return text


def detect(data: bytes) -> str:
    """``json`` for any JSON object or array (lishi-pub's or not), ``pdf`` for a PDF, else ``dump``."""
    if data.startswith(b"%PDF"):
        return "pdf"
    return "json" if _json_text(data) is not None else "dump"


def _load_json(data: bytes, name: str) -> Issue:
    from .interchange import FORMAT_NAME, from_dict

    try:
        value = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise DocumentError(f"{name}: not JSON: {exc}") from None
    if not isinstance(value, dict) or value.get("format") != FORMAT_NAME:
        raise DocumentError(f"{name}: JSON, but not a {FORMAT_NAME} document "
                            f"(no \"format\": \"{FORMAT_NAME}\" envelope)")
    try:
        return from_dict(value)
    except DocumentError as exc:
        raise DocumentError(f"{name}: {exc}") from None


def _page_sources(paths: Sequence[str], first: bytes, reader: str | None, encoding: str | None,
                  max_bytes: int | None) -> Iterator[tuple[Source, Reader]]:
    """Each file with its reader, read one at a time (the first is already read),
    so one page's input is alive at a time."""
    from .api import _open

    for k, path in enumerate(paths):
        data = first if k == 0 else read_bytes(path, max_bytes)
        if k and reader is None and detect(data) == "json":
            raise InputError(f"{path}: a JSON document is a whole issue; give it alone, not with page dumps")
        yield _open(path, reader, encoding, max_bytes, data)


def read_issue(paths: Iterable[str | os.PathLike[str]], *, reader: str | None = None,
               encoding: str | None = None, max_bytes: int | None = None,
               metadata: Metadata | None = None, profile: Any = None) -> Issue:
    """The issue in ``paths``: one lishi-pub JSON document, or page dumps (pages of one issue).

    ``metadata`` overrides what the document or the page furniture says.
    """
    from .api import _assemble

    names = [os.fspath(p) for p in paths]
    if not names:
        raise LishiPubError("no input files given")
    if reader is not None and reader != "json":
        from .plugins import get_reader

        get_reader(reader)  # an unknown name is a usage mistake, named before any file is read
    meta = metadata or Metadata()
    first = read_bytes(names[0], max_bytes)
    kind = reader or detect(first)
    if kind == "json":
        if len(names) > 1:
            raise InputError(f"{names[0]}: a JSON document is a whole issue; give it alone, not with "
                             f"{len(names) - 1} more file(s)")
        issue = _load_json(first, names[0])
        return attrs.evolve(issue, **meta.given()) if meta.given() else issue
    if kind == "pdf" and not first.startswith(b"%PDF"):
        raise InputError(f"{names[0]}: --from pdf, but this is not a PDF file")
    return _assemble(_page_sources(names, first, reader, encoding, max_bytes), meta, profile)

