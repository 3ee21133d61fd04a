"""An issue as one Markdown file: YAML front matter, then pages and articles.

One file per issue keeps an issue a single note or page in a static site
(Hugo, Jekyll, MkDocs, Obsidian read the front matter); the article list in
the front matter serves as its index.  Headings nest as the paper does:
``#`` the issue, ``##`` a page, ``###`` an article, ``####`` a subheading.
"""

from __future__ import annotations

from collections.abc import Iterator

from lishi_pub.model import Article, Figure, Heading, Issue, Page, Paragraph

from .escape import inline, yaml_str

__all__ = ["render"]

#: Marks a title lishi-pub made from the lead: invisible when rendered, plain to an editor.
DERIVED_MARK = "<!-- title derived from the lead; the page printed none -->"


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
            if article.authors:
                yield f"    authors: [{', '.join(yaml_str(a) for a in article.authors)}]"
    yield "---"


def _issue_heading(issue: Issue) -> str | None:
    date = f"{issue.date.year}年{issue.date.month}月{issue.date.day}日" if issue.date else None
    parts = [inline(issue.title or ""), date, inline(issue.number or "")]
    shown = [part for part in parts if part]
    return f"# {' · '.join(shown)}" if shown else None


def _page_heading(page: Page, index: int) -> str:
    label = inline(page.label) if page.label else ""
    if label:
        return f"## {label}"
    return f"## 第{page.number if page.number is not None else index}版"


def _figure(figure: Figure) -> str:
    credit = f"（{inline(' '.join(x for x in (figure.credit.name, figure.credit.kind) if x))}）" if figure.credit else ""
    return f"> 图：{inline(figure.caption)}{credit}"


def _byline(article: Article) -> str:
    credits = (" ".join(part for part in (inline(c.role or ""), inline(c.name)) if part)
               for c in article.contributors)
    return "　".join(credit for credit in credits if credit)


def _wrapped(marker: str, text: str | None) -> str | None:
    """Emphasis around text, or nothing when no visible text is left to emphasise."""
    shown = inline(text or "")
    return f"{marker}{shown}{marker}" if shown else None


def _article(article: Article) -> Iterator[str | None]:
    title = inline(article.title or "")
    if not title:
        yield "* * *"
    yield _wrapped("*", article.kicker)
    if title:
        yield f"### {title}"
        if article.title_source == "derived":
            yield DERIVED_MARK
    yield _wrapped("**", article.subtitle)
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
    for index, page in enumerate(issue.pages, start=1):
        lines.append(_page_heading(page, index))
        banners = (_wrapped("**", banner) for banner in page.banners)
        lines.extend(f"> {banner}" for banner in banners if banner)
        for article in page.articles:
            lines.extend(_article(article))
        lines.extend(_figure(figure) for figure in page.figures)
    return "\n\n".join(line for line in lines if line) + "\n"
