"""What the EPUB needs beyond :mod:`lishi_pub.present`: a title it cannot do
without, and a language tag EPUBCheck accepts.

Every other word the book shows around the content (dates, 第1234期, page and
article labels, bylines, credits) comes from :mod:`lishi_pub.present`, so the
book reads like the PDF and the plugins.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .. import present
from ..errors import ExportError
from ..model import Issue
from .sanitize import clean_line

__all__ = ["book_title", "collection_title", "issue_title", "language"]

_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*")


def issue_title(issue: Issue) -> str:
    """``离石报 2022年4月22日 第1234期``; EPUB requires a ``dc:title``, so an
    issue nothing names gets :data:`~lishi_pub.present.SUPPLIED_TITLE`."""
    return clean_line(present.issue_label(issue)) or present.SUPPLIED_TITLE


def collection_title(issues: Sequence[Issue]) -> str:
    return clean_line(present.collection_label(issues)) or present.SUPPLIED_TITLE


def book_title(issues: Sequence[Issue], *, collection: bool) -> str:
    return collection_title(issues) if collection else issue_title(issues[0])


def language(issue: Issue) -> str:
    """The issue's language tag, refused early when EPUBCheck would reject it."""
    tag = clean_line(issue.language) or ""
    if not _LANGUAGE_TAG.fullmatch(tag):
        raise ExportError(f"language {issue.language!r} is not a BCP 47 tag such as zh-CN")
    return tag
