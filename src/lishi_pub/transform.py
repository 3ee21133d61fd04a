"""The typed record a transform plugin hands to lishi-pub.

A transform rewrites a parsed :class:`~lishi_pub.Issue` before any exporter
sees it (Simplified to Traditional Chinese, dropping page furniture...).  It
is a record, like :class:`~lishi_pub.Exporter`, so the host can list transforms
and refuse two with one name before running any of them.  Transforms run only
when a user names them, in the order named: installing a plugin never changes
what an export produces behind the user's back.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from attrs import field, frozen
from attrs.validators import instance_of, is_callable, matches_re, optional

if TYPE_CHECKING:
    from .model import Issue

__all__ = ["Transform"]


@frozen
class Transform:
    """One named rewrite of an issue.

    ``apply(issue)`` returns a new :class:`~lishi_pub.Issue` (the model is
    frozen; build the new one with ``attrs.evolve``).  ``provider`` is filled
    in by the host with the distribution that registered the record.
    """

    name: str = field(validator=matches_re(r"[a-z][a-z0-9_-]*"))
    apply: Callable[[Issue], Issue] = field(validator=is_callable())
    description: str = field(default="", validator=instance_of(str))
    provider: str | None = field(default=None, validator=optional(instance_of(str)))
