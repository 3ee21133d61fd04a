"""An archived issue's metadata: its ``issue.toml``, else a date in its folder or file name.

Archivists already name folders by date (``2022-04-22``, ``20220422``) and
may keep a small TOML file beside the pages for what a name cannot say
(title, number, publisher).  Precedence, strongest first: the command line,
the sidecar, the name, and only then what the page furniture prints (the
parser's own fallback).  A broken sidecar is that issue's failure, reported
with the file and line, never a silent guess.
"""

from __future__ import annotations

import datetime as _dt
import os
import re
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from .discover import IssueSource
from .errors import InputError
from .metadata import KEYS, Metadata

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

__all__ = ["KEYS", "date_from_name", "issue_metadata", "read_sidecar"]


_NAME_DATE = re.compile(r"(?<!\d)(\d{4})([-_.]?)(\d{2})\2(\d{2})(?!\d)")


def date_from_name(names: Iterable[str]) -> _dt.date | None:
    """The first real date written as ``YYYY-MM-DD`` (or with ``_``, ``.`` or nothing between) in ``names``."""
    for name in names:
        for m in _NAME_DATE.finditer(name):
            try:
                return _dt.date(int(m[1]), int(m[3]), int(m[4]))
            except ValueError:
                continue
    return None


def read_sidecar(path: str) -> dict[str, Any]:
    """The metadata an ``issue.toml`` sets, checked key by key."""
    try:
        text = Path(path).read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text (TOML files are UTF-8)") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"{path}: not valid TOML: {exc}") from None
    unknown = sorted(set(data) - set(KEYS))
    if unknown:
        raise InputError(f"{path}: unknown key {', '.join(unknown)} (known: {', '.join(KEYS)})")
    try:
        return Metadata.of(data).given()
    except (TypeError, ValueError) as exc:
        raise InputError(f"{path}: {exc}") from None


def issue_metadata(source: IssueSource, overrides: Mapping[str, Any] | Metadata | None = None) -> Metadata:
    """Metadata for one issue: ``overrides`` (the command line) over its sidecar over a date in its names."""
    meta: dict[str, Any] = {}
    first = Path(source.pages[0])
    names = ([os.path.basename(os.path.abspath(source.name)), *(Path(p).stem for p in source.pages)]
             if source.is_folder
             else [first.stem, first.parent.name])
    date = date_from_name(names)
    if date is not None:
        meta["date"] = date
    if source.sidecar is not None:
        meta.update(read_sidecar(source.sidecar))
    return Metadata.of(overrides).over(Metadata(**meta))
