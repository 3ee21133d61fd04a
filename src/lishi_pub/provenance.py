"""When an output may say it was made: the issue's date, else the build's.

Catalogues take an output's dates in as data, so none is invented: the date
printed on the issue comes first; failing that, ``SOURCE_DATE_EPOCH`` (the
reproducible-builds convention: the time the packager says this build
stands for); failing that, nothing, and each format leaves its date out where
it may.  The clock is never read, so the same input gives the same bytes.
"""

from __future__ import annotations

import datetime as _dt
import os
from collections.abc import Iterable

from .errors import ExportError

__all__ = ["SOURCE_DATE_EPOCH", "issue_time", "output_time", "source_date_epoch"]

SOURCE_DATE_EPOCH = "SOURCE_DATE_EPOCH"
_UTC = _dt.timezone.utc


def source_date_epoch() -> _dt.datetime | None:
    """``SOURCE_DATE_EPOCH`` as an aware UTC time, or None when unset.

    A malformed value stops the export, as the convention asks: a build that
    silently ignored it would not be the reproducible build the packager wanted.
    """
    raw = os.environ.get(SOURCE_DATE_EPOCH)
    if raw is None or not raw.strip():
        return None
    try:
        return _dt.datetime.fromtimestamp(int(raw.strip()), _UTC)
    except (ValueError, OverflowError, OSError):
        raise ExportError(f"{SOURCE_DATE_EPOCH}={raw!r} is not a count of seconds since 1970") from None


def issue_time(dates: Iterable[_dt.date | None]) -> _dt.datetime | None:
    """Midnight UTC of the latest issue date, or None when no issue is dated."""
    known = [d for d in dates if d is not None]
    if not known:
        return None
    latest = max(known)
    return _dt.datetime(latest.year, latest.month, latest.day, tzinfo=_UTC)


def output_time(dates: Iterable[_dt.date | None]) -> _dt.datetime | None:
    """The time an output of these issues stands for: :func:`issue_time`,
    else :func:`source_date_epoch`, else None."""
    return issue_time(dates) or source_date_epoch()
