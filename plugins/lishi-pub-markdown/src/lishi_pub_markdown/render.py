"""An issue as one Markdown file: YAML front matter, then pages and articles.

One file per issue keeps an issue a single note or page in a static site
(Hugo, Jekyll, MkDocs, Obsidian read the front matter); the article list in
the front matter serves as its index.  Headings nest as the paper does:
``#`` the issue, ``##`` a page, ``###`` an article, ``####`` a subheading.
The words around the content (第1234期, 第2版 综合新闻, bylines, credits, the
subtitle's dash, a derived title's brackets) come from
:mod:`lishi_pub.present`, so the file reads like the EPUB and the PDF.
"""

from __future__ import annotations

from collections.abc import Iterator

from lishi_pub import present
from lishi_pub.model import Article, Figure, Heading, Issue, Paragraph

from .escape import inline, yaml_str

__all__ = ["render"]

#: Says what a derived title's brackets mean: invisible when rendered, plain to an editor.
DERIVED_MARK = f"<!-- {present.DERIVED_NOTE} -->"


def _front_matter(issue: Issue) -> Iterator[str]:
    yield "---"
    for key in ("title", "number", "publisher"):
        value = getattr(issue, key)
        if value is not None:
            yield f"{key}: {yaml_str(value)}"
    if issue.date is not None:
        yield f"date: {issue.date.isoformat()}"
    yield f"language: {yaml_str(issue.language)}"
    if issue.pages:
        yield "pages:"
    for page in issue.pages:
        yield f"  - number: {page.number if page.number is not None else 'null'}"
        if page.label is not None:
            yield f"    label: {yaml_str(page.label)}"
        if page.header:
            yield "    header:"
            yield from (f"      - {yaml_str(line)}" for line in page.header)
    if issue.articles:
        yield "articles:"
    for index, page in enumerate(issue.pages, start=1):
        for article in page.articles:
            yield f"  - id: {yaml_str(article.id)}"
            yield f"    page: {index}"
            if article.title is not None:
                yield f"    title: {yaml_str(article.title)}"
                if article.title_source == "derived":
                    yield "    title_derived: true"
            if article.authors:
                yield f"    authors: [{', '.join(yaml_str(a) for a in article.authors)}]"
    yield "---"


def _issue_heading(issue: Issue) -> str | None:
    shown = inline(present.issue_label(issue) or "")
    return f"# {shown}" if shown else None


def _figure(figure: Figure) -> str:
    credit = inline(present.credit(figure.credit) or "")
    return f"> 图：{inline(figure.caption)}{f'（{credit}）' if credit else ''}"


def _byline(article: Article) -> str:
    return inline(present.byline(article) or "")


def _wrapped(marker: str, text: str | None) -> str | None:
    """Emphasis around text, or nothing when no visible text is left to emphasise."""
    shown = inline(text or "")
    return f"{marker}{shown}{marker}" if shown else None


def _article(article: Article) -> Iterator[str | None]:
    title = inline(present.article_title(article) or "")
    if not title:
        yield "* * *"
    yield _wrapped("*", article.kicker)
    if title:
        yield f"### {title}"
        if article.title_source == "derived":
            yield DERIVED_MARK
    yield _wrapped("**", present.subtitle(article))
    yield _byline(article)
    dateline = _wrapped("**", article.dateline)
    for block in article.blocks:
        if isinstance(block, Paragraph):
            text = inline(block.text)
            if dateline is not None:
                text, dateline = f"{dateline}　{text}".rstrip("　"), None
            yield text
        elif isinstance(block, Heading):
            heading = inline(block.text)
            yield f"#### {heading}" if heading else None
        else:
            yield _figure(block)
    if dateline is not None:
        yield dateline


def render(issue: Issue) -> str:
    """The whole file; every block is one line, separated by blank lines."""
    lines: list[str | None] = ["\n".join(_front_matter(issue))]
    heading = _issue_heading(issue)
    if heading:
        lines.append(heading)
    for page, label in zip(issue.pages, present.page_labels(issue.pages)):
        lines.append(f"## {inline(label)}")
        banners = (_wrapped("**", banner) for banner in page.banners)
        lines.extend(f"> {banner}" for banner in banners if banner)
        for article in page.articles:
            lines.extend(_article(article))
        lines.extend(_figure(figure) for figure in page.figures)
    return "\n\n".join(line for line in lines if line) + "\n"
