"""Split a decoded source into pages and parse each."""

from __future__ import annotations

from ..inputs import Source
from ..model import Article, Page, Paragraph

__all__ = ["parse_page", "split_pages"]


def split_pages(source: Source) -> list[Page]:
    chunks = [c for c in source.text.split("\f") if c.strip()] or [source.text]
    return [parse_page(chunk, source=source.name) for chunk in chunks]


def parse_page(text: str, source: str | None = None) -> Page:
    paras = tuple(Paragraph(p.strip()) for p in text.split("\n\n") if p.strip())
    return Page(source=source, articles=(Article(id="a", blocks=paras),) if paras else ())
