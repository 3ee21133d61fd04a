"""Assemble parsed pages into an Issue, with stable ids and the issue's metadata."""

from __future__ import annotations

import attrs
from collections.abc import Mapping, Sequence
from typing import Any

from ..model import Issue, Page

__all__ = ["assemble_issue"]


def assemble_issue(pages: Sequence[Page], metadata: Mapping[str, Any]) -> Issue:
    numbered = []
    for n, page in enumerate(pages, start=1):
        articles = tuple(attrs.evolve(a, id=f"p{n}-a{k}") for k, a in enumerate(page.articles, start=1))
        numbered.append(attrs.evolve(page, number=n, articles=articles))
    return Issue(pages=tuple(numbered), **metadata)
