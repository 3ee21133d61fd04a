"""Run an OpenCC conversion over every reader-facing text of an issue.

Identifiers (article ids, the source file name, diagnostic codes) are left
alone so that a converted issue still lines up with the original; everything
a reader sees is converted, bylines included, since names are written in the
reader's script too.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

import attrs

from lishi_pub.model import Article, Block, Contributor, Credit, Figure, Heading, Issue, Page, Paragraph

__all__ = ["convert_issue"]

Convert = Callable[[str], str]


@cache
def _converter(config: str) -> Convert:
    """Loading a dictionary takes ~0.1 s, so each is loaded once per process."""
    import opencc

    convert: Convert = opencc.OpenCC(f"{config}.json").convert

    def convert_text(text: str) -> str:
        # OpenCC reads C strings: text after a NUL would be lost, so each piece goes on its own.
        return "\x00".join(convert(piece) for piece in text.split("\x00"))

    return convert_text


def _optional(convert: Convert, text: str | None) -> str | None:
    return None if text is None else convert(text)


def _contributors(convert: Convert, people: tuple[Contributor, ...]) -> tuple[Contributor, ...]:
    return tuple(Contributor(convert(c.name), _optional(convert, c.role)) for c in people)


def _figure(convert: Convert, figure: Figure) -> Figure:
    credit = figure.credit
    if credit is not None:
        credit = Credit(_contributors(convert, credit.by), _optional(convert, credit.kind))
    return Figure(convert(figure.caption), credit)


def _block(convert: Convert, block: Block) -> Block:
    if isinstance(block, Figure):
        return _figure(convert, block)
    if isinstance(block, Heading):
        return Heading(convert(block.text))
    return Paragraph(convert(block.text))


def _article(convert: Convert, article: Article) -> Article:
    return attrs.evolve(
        article,
        title=_optional(convert, article.title),
        kicker=_optional(convert, article.kicker),
        subtitle=_optional(convert, article.subtitle),
        contributors=_contributors(convert, article.contributors),
        dateline=_optional(convert, article.dateline),
        blocks=tuple(_block(convert, block) for block in article.blocks),
    )


def _page(convert: Convert, page: Page) -> Page:
    return attrs.evolve(
        page,
        label=_optional(convert, page.label),
        header=tuple(convert(line) for line in page.header),
        banners=tuple(convert(line) for line in page.banners),
        articles=tuple(_article(convert, article) for article in page.articles),
        figures=tuple(_figure(convert, figure) for figure in page.figures),
    )


def convert_issue(issue: Issue, config: str, language: str) -> Issue:
    """``issue`` converted with the OpenCC ``config`` (s2t, s2twp, s2hk...), tagged ``language``."""
    convert = _converter(config)
    return attrs.evolve(
        issue,
        title=_optional(convert, issue.title),
        number=_optional(convert, issue.number),
        publisher=_optional(convert, issue.publisher),
        language=language,
        pages=tuple(_page(convert, page) for page in issue.pages),
    )
