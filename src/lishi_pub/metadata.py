"""An issue's identity as given by a user: one record checked one way for the API, the CLI and ``issue.toml``.

Whatever is left out here is taken from the page furniture by the parser, or
left out of the outputs: metadata is given, found, or absent, never invented.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Mapping
from typing import Any

from attrs import asdict, field, frozen

__all__ = ["KEYS", "Metadata", "parse_date"]

#: The names metadata goes by, everywhere: keyword arguments, CLI options and sidecar keys.
KEYS = ("title", "date", "number", "publisher", "language")

_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_LANGUAGE = re.compile(r"[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*")


def parse_date(value: object) -> _dt.date:
    """A ``datetime.date`` from a date, a datetime (its day) or ``YYYY-MM-DD`` text, saying what is wrong."""
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if not isinstance(value, str):
        raise TypeError(f"date takes a datetime.date or YYYY-MM-DD text, not {type(value).__name__} {value!r}")
    m = _ISO_DATE.fullmatch(value.strip())
    if m is None:
        raise ValueError(f"date {value!r} is not an ISO date (YYYY-MM-DD)")
    year, month, day = map(int, m.groups())
    if not 1 <= month <= 12:
        raise ValueError(f"date {value!r}: month {month} is out of range (1-12)")
    try:
        return _dt.date(year, month, day)
    except ValueError:
        last = ((_dt.date(year + month // 12, month % 12 + 1, 1)) - _dt.timedelta(days=1)).day
        raise ValueError(f"date {value!r}: day {day} is out of range ({year}-{month:02d} has {last} days)") from None


def _checked_text(key: str, value: object) -> str | None:
    if value is None:
        return None
    if key == "number" and isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if not isinstance(value, str):
        raise TypeError(f"{key} takes text, not {type(value).__name__} {value!r}")
    if not value.strip():
        raise ValueError(f"{key} must not be blank")
    return value.strip()


def _title(value: object) -> str | None:
    return _checked_text("title", value)


def _number(value: object) -> str | None:
    return _checked_text("number", value)


def _publisher(value: object) -> str | None:
    return _checked_text("publisher", value)


def _date(value: object) -> _dt.date | None:
    return None if value is None else parse_date(value)


def _language(value: object) -> str | None:
    text = _checked_text("language", value)
    if text is not None and not _LANGUAGE.fullmatch(text):
        raise ValueError(f"language {text!r} is not a BCP 47 tag such as zh-CN")
    return text


@frozen
class Metadata:
    """What a user says about an issue; every field optional, every value checked on the way in.

    A wrong type raises ``TypeError`` naming what was expected; a wrong value
    ``ValueError`` saying what is wrong with it.
    """

    title: str | None = field(default=None, converter=_title)
    date: _dt.date | None = field(default=None, converter=_date)
    number: str | None = field(default=None, converter=_number)
    publisher: str | None = field(default=None, converter=_publisher)
    language: str | None = field(default=None, converter=_language)

    @classmethod
    def of(cls, given: Mapping[str, Any] | Metadata | None) -> Metadata:
        """From keyword arguments, CLI options or a sidecar's table; unknown keys are refused."""
        if given is None:
            return cls()
        if isinstance(given, Metadata):
            return given
        unknown = sorted(set(given) - set(KEYS))
        if unknown:
            raise TypeError(f"unknown metadata {', '.join(unknown)}; known: {', '.join(KEYS)}")
        return cls(**given)

    def given(self) -> dict[str, Any]:
        """Only the fields that were set."""
        return {k: v for k, v in asdict(self, recurse=False).items() if v is not None}

    def over(self, weaker: Metadata) -> Metadata:
        """These fields, and ``weaker``'s where these are unset."""
        return Metadata(**{**weaker.given(), **self.given()})
