"""The typed record a reader plugin hands to lishi-pub (pandoc's reader table, as records).

A reader turns one input (a text dump, a PDF) into :class:`PageLayout`\\ s,
one per page; the shared parser stages make articles of them, whatever the
reader.  Like :class:`~lishi_pub.Exporter` it is a record, so the host can list
readers, refuse two with one name and choose one by sniffing a file's first
bytes before any reading code is imported.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

from attrs import field, frozen
from attrs.validators import deep_iterable, instance_of, is_callable, matches_re, optional

if TYPE_CHECKING:
    from .inputs import Source
    from .parser.layout import PageLayout

__all__ = ["SNIFF_BYTES", "Reader"]

#: How much of a file ``sniff`` is shown.
SNIFF_BYTES = 4096


def _suffixes(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


@frozen
class Reader:
    """One input format.

    ``sniff(head)`` gets the first :data:`SNIFF_BYTES` bytes of a file and
    says whether this reader reads it; ``suffixes`` (``.txt``, ``.pdf``) are
    the fallback when no reader claims a file by its content.  ``read(source)``
    yields one :class:`~lishi_pub.parser.layout.PageLayout` per page.  A text
    reader (``binary=False``) gets a :class:`~lishi_pub.inputs.Source` with the
    decoded text; a binary one gets the file's bytes in ``Source.data``.
    ``provider`` is filled in by the host with the distribution that
    registered the record.
    """

    name: str = field(validator=matches_re(r"[a-z][a-z0-9_-]*"))
    description: str = field(validator=instance_of(str))
    suffixes: tuple[str, ...] = field(
        converter=_suffixes, validator=deep_iterable(matches_re(r"\.[A-Za-z0-9]+"), instance_of(tuple)))
    sniff: Callable[[bytes], bool] = field(validator=is_callable())
    read: Callable[[Source], Iterator[PageLayout]] = field(validator=is_callable())
    binary: bool = field(default=False, validator=instance_of(bool))
    provider: str | None = field(default=None, validator=optional(instance_of(str)))
