"""Stable identifiers and honest timestamps, so the same issue always makes the same book.

The identifier is a uuid5 of what identifies an issue in a library catalogue:
publication, date, number and publisher.  Without a date and a number those
fields do not tell one issue of a paper from the next, so the content itself
(every field of every record) is hashed in, with each page's source reduced to its
file name: ``sample.txt``, ``./sample.txt`` and ``/abs/sample.txt`` are the
same input and give the same book.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import uuid
from collections.abc import Sequence

import attrs

from .. import present, provenance
from ..model import Issue

__all__ = ["WRITER_EXISTS", "collection_identifier", "issue_identifier", "modified"]

#: lishi-pub's own uuid5 namespace, itself derived from a fixed URL.
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://lishi-pub.invalid/epub/identifier")
#: EPUB requires ``dcterms:modified``.  With no issue date and no
#: SOURCE_DATE_EPOCH, the only thing known for certain is that the book is no
#: older than the program writing it: this is the day lishi-pub's EPUB writer
#: first existed, a lower bound stated as such in docs/epub.md, where 1980-01-01
#: claimed a date nobody could have made the book on.
WRITER_EXISTS = _dt.datetime(2026, 11, 29, tzinfo=_dt.timezone.utc)


def _content_digest(issue: Issue) -> str:
    pages = tuple(attrs.evolve(p, source=present.file_stem(p.source) if p.source else None) for p in issue.pages)
    # ASCII (\u escapes, a lone surrogate too), so it always encodes
    return hashlib.sha256(json.dumps(_content(attrs.evolve(issue, pages=pages))).encode("ascii")).hexdigest()


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


def _issue_key(issue: Issue) -> str:
    fields = [issue.title, issue.date.isoformat() if issue.date else None, issue.number, issue.publisher]
    if issue.date is None and issue.number is None:
        fields.append(_content_digest(issue))
    return json.dumps(fields)  # ASCII (\u escapes), so uuid5 can always encode it


def issue_identifier(issue: Issue) -> str:
    return f"urn:uuid:{uuid.uuid5(NAMESPACE, _issue_key(issue))}"


def collection_identifier(issues: Sequence[Issue]) -> str:
    """A collection is the ordered list of its issues; it never shares an issue's identifier."""
    key = json.dumps(["collection", *(_issue_key(i) for i in issues)])
    return f"urn:uuid:{uuid.uuid5(NAMESPACE, key)}"


def modified(issues: Sequence[Issue]) -> _dt.datetime:
    """``dcterms:modified``: the latest issue date (midnight UTC), else
    SOURCE_DATE_EPOCH, else :data:`WRITER_EXISTS`.  Never the clock."""
    return provenance.output_time(i.date for i in issues) or WRITER_EXISTS
