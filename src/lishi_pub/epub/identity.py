"""Stable identifiers and timestamps, so the same issue always makes the same book.

The identifier is a uuid5 of what identifies an issue in a library catalogue:
publication, date, number and publisher.  Without a date and a number those
fields do not tell one issue of a paper from the next, so the content itself
(its interchange JSON) is hashed in; a book of an issue nobody named is still
stable, and two different unnamed issues still differ.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import uuid
from collections.abc import Sequence

import attrs

from ..model import Issue

__all__ = ["EPOCH", "collection_identifier", "issue_identifier", "modified"]

#: lishi-pub's own uuid5 namespace, itself derived from a fixed URL.
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://lishi-pub.invalid/epub/identifier")
#: The modification date of a book whose issues carry no date or a date before
#: it: an EPUB made from a 1950 paper was not modified in 1950, and 1980 is the
#: earliest time a ZIP entry can record, so archive and package agree.
EPOCH = _dt.datetime(1980, 1, 1, tzinfo=_dt.timezone.utc)


def _issue_key(issue: Issue) -> str:
    fields = [issue.title, issue.date.isoformat() if issue.date else None, issue.number, issue.publisher]
    if issue.date is None and issue.number is None:
        # ASCII (\u escapes, a lone surrogate too), so it always encodes
        fields.append(hashlib.sha256(json.dumps(_content(issue)).encode("ascii")).hexdigest())
    return json.dumps(fields)  # ASCII (\u escapes), so uuid5 can always encode it


#: Each record class's field names, in order (None: not a record), looked up once per class.
_FIELD_NAMES: dict[type, tuple[str, ...] | None] = {}


def _content(value: object) -> object:
    """Everything an issue holds, as plain JSON data: every field of every record, in order.

    Walked here rather than through the interchange converter because
    importing cattrs alone cost a one-page book a tenth of its time.
    """
    kind = type(value)
    if value is None or kind is str or kind is int or kind is float or kind is bool:
        return value
    if kind is tuple or kind is list:
        return [_content(v) for v in value]  # type: ignore[attr-defined]
    if kind not in _FIELD_NAMES:
        _FIELD_NAMES[kind] = tuple(f.name for f in attrs.fields(kind)) if attrs.has(kind) else None
    names = _FIELD_NAMES[kind]
    if names is not None:
        return [kind.__name__, *[_content(getattr(value, name)) for name in names]]
    if isinstance(value, _dt.date):
        return value.isoformat()
    return value


def issue_identifier(issue: Issue) -> str:
    return f"urn:uuid:{uuid.uuid5(NAMESPACE, _issue_key(issue))}"


def collection_identifier(issues: Sequence[Issue]) -> str:
    """A collection is the ordered list of its issues; it never shares an issue's identifier."""
    key = json.dumps(["collection", *(_issue_key(i) for i in issues)])
    return f"urn:uuid:{uuid.uuid5(NAMESPACE, key)}"


def modified(issues: Sequence[Issue]) -> _dt.datetime:
    """Midnight UTC of the latest issue date: ``dcterms:modified`` that never reads the clock."""
    dates = [i.date for i in issues if i.date is not None]
    if not dates:
        return EPOCH
    latest = max(dates)
    return max(EPOCH, _dt.datetime(latest.year, latest.month, latest.day, tzinfo=_dt.timezone.utc))
