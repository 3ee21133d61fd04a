"""Where each line of a page dump went: the seam between the parser and the review page.

The model keeps texts, not line numbers: a paragraph is its lines joined, a
title its headline lines cleaned.  To colour the dump by article, each
source line is aligned back to the model text it became by the character
3-grams they share (spaces removed, full-width digits folded, as the parser
does).  A gram held by many texts says little, so a vote is split among the
texts holding it and grams held by more than :data:`MAX_OWNERS` texts are
not counted; the text a line covers the most of wins, and the previous line's
text breaks ties, since lines run on.  Every gram is looked up once: time and
memory are linear in the page, whatever its shape.

The line's role is then read from where it landed (first line of a
paragraph, a title line...) and from the parser's own markers (bylines,
datelines).  This is the one place to change when the parser records roles
and line numbers itself: :func:`trace_page` would then read them instead.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

import attrs
from attrs import field, frozen

from ..model import Diagnostic, Figure, Heading, Page, Paragraph
from ..present import credit
from . import parsing
from .parsing import fold_fullwidth

__all__ = ["HeadlineUnit", "PageTrace", "SourceLine", "Zone", "diagnostic_lines", "trace_page", "units_of", "untraced"]

GRAM = 3
MAX_OWNERS = 8  # a gram shared by more texts than this says nothing about where a line went
CONTINUITY = 0.5  # votes the previous line's text gets for free: short lines run on
COVERAGE = 1.0  # weight of the share of a text a line covers: a title line beats the paragraph quoting it

Zone = Literal["article", "furniture", "banner", "figure", "unplaced"]
_HEADLINE_ROLES = frozenset(("headline", "kicker", "subtitle"))
_NAME_LENGTHS = (2, 3, 4)  # characters in a Chinese name, as the byline parser reads them
_NEAR = 3  # lines looked at on either side for the article a credit line belongs to


@frozen
class SourceLine:
    """One non-blank line of the dump and where it went.

    ``block`` is the index of the block in its article, or of the banner or
    loose figure on the page; ``note`` says what else the line holds (a
    closing byline after the text, say).
    """

    number: int  # line number in the input file, from 1
    text: str
    zone: Zone
    role: str  # a key of roles.ROLES: what the line became in the page
    article: str | None = None
    block: int | None = None
    note: str | None = None
    classified: str | None = None  # the role the parser's classify stage gave it, where known


@frozen
class HeadlineUnit:
    """A headline of the page and the article it was matched to (None: kept as a banner)."""

    text: str
    article: str | None
    confidence: float | None
    lines: tuple[int, ...]  # indices into PageTrace.lines


@frozen
class PageTrace:
    """A page and where each of its source lines went: all the review page is drawn from."""

    page: Page
    lines: tuple[SourceLine, ...]
    units: tuple[HeadlineUnit, ...]
    by_article: dict[str, tuple[int, ...]]  # article id: indices of its lines, in order
    has_source: bool = True  # False for a page read from JSON: the model without its dump
    by_banner: dict[str, tuple[int, ...]] = field(factory=dict)  # an unmatched headline's text: its lines
    picture: bytes | None = None  # a PDF page rendered with the reader's regions drawn over it (PNG)

    def article_lines(self, article: str) -> tuple[int, ...]:
        return self.by_article.get(article, ())


@dataclass(slots=True)
class _Target:
    """A text of the model a line can have gone to."""

    zone: Zone
    role: str
    article: str | None
    block: int | None
    norm: str
    grams: int


def _norm(text: str) -> str:
    return "".join(fold_fullwidth(text).split())


def _grams(norm: str) -> set[str]:
    return {norm[i:i + GRAM] for i in range(len(norm) - GRAM + 1)}


def _targets(page: Page) -> list[_Target]:
    out: list[_Target] = []

    def add(zone: Zone, role: str, article: str | None, block: int | None, text: str | None) -> None:
        if text:
            norm = _norm(text)
            out.append(_Target(zone, role, article, block, norm, max(1, len(norm) - GRAM + 1)))

    for article in page.articles:
        if article.title_source == "headline":  # a derived title was printed nowhere
            add("article", "kicker", article.id, None, article.kicker)
            add("article", "headline", article.id, None, article.title)
            add("article", "subtitle", article.id, None, article.subtitle)
        for k, block in enumerate(article.blocks):
            if isinstance(block, Paragraph):
                add("article", "paragraph", article.id, k, block.text)
            elif isinstance(block, Heading):
                add("article", "subheading", article.id, k, block.text)
            else:
                add("article", "caption", article.id, k, _figure_text(block))
    for k, banner in enumerate(page.banners):
        add("banner", "banner", None, k, banner)
    for k, figure in enumerate(page.figures):
        add("figure", "loose-figure", None, k, _figure_text(figure))
    return out


def _figure_text(figure: Figure) -> str:
    printed = credit(figure.credit)
    return f"{figure.caption} {printed}" if printed else figure.caption


def _index(targets: list[_Target]) -> dict[str, list[int]]:
    index: dict[str, list[int]] = {}
    for t, target in enumerate(targets):
        for gram in _grams(target.norm):
            owners = index.get(gram)
            if owners is None:
                index[gram] = [t]
            elif len(owners) <= MAX_OWNERS:  # one past the limit marks the gram as saying nothing
                owners.append(t)
    return index


def _best(norm: str, index: dict[str, list[int]], targets: list[_Target], previous: int | None) -> int | None:
    votes: dict[int, float] = {}
    for gram in _grams(norm):
        owners = index.get(gram)
        if owners and len(owners) <= MAX_OWNERS:
            share = 1.0 / len(owners)
            for t in owners:
                votes[t] = votes.get(t, 0.0) + share
    if not votes:
        return None
    if previous is not None:
        votes[previous] = votes.get(previous, 0.0) + CONTINUITY
    return max(votes, key=lambda t: (votes[t] * (1 + COVERAGE * min(1.0, votes[t] / targets[t].grams)),
                                     t == previous, -t))


def _byline_owner(text: str, authors: dict[str, list[str]], previous: str | None) -> str | None:
    """The article whose authors a byline line names: the previous line's if it names them."""
    found = parsing.read_byline_line(text)
    if found is None:
        return None
    owners = [aid for name in found.authors for aid in authors.get(name, ())]
    if not owners:
        return None
    return previous if previous in owners else owners[0]


def _lines(text: str, first: int) -> Iterator[tuple[int, str]]:
    for k, line in enumerate(text.split("\n")):
        if line.strip():
            yield first + k, line.rstrip()


def trace_page(page: Page, text: str, first_line: int = 1, *, roles: Sequence[str] | None = None,
               picture: bytes | None = None) -> PageTrace:
    """Align the page's dump ``text`` (whose first line is ``first_line`` of its file) with ``page``.

    A line the parser splits in two (a photo credit run into the next
    story's dateline) is traced as two, with the same line number.
    ``roles`` are the classify stage's, one per such line, kept beside what
    each line became; ``picture`` is kept for the page.
    """
    targets = _targets(page)
    index = _index(targets)
    furniture = {_norm(h) for h in page.header}  # spaces as the parser kept them or not
    datelines = {a.id: _norm(a.dateline) for a in page.articles if a.dateline}
    authors: dict[str, list[str]] = {}
    for article in page.articles:
        for name in dict.fromkeys(article.authors):
            authors.setdefault(name, []).append(article.id)
    seen: set[int] = set()
    lines: list[SourceLine] = []
    previous: int | None = None
    for number, raw in _lines(text, first_line):
        for piece in parsing.separate_run_ins(raw).split("\n"):
            if not piece.strip():
                continue
            folded = fold_fullwidth(piece).strip()
            if _norm(folded) in furniture:
                lines.append(SourceLine(number, piece, "furniture", "furniture"))
                continue
            before = targets[previous].article if previous is not None else None
            author_of = _byline_owner(folded, authors, before)
            if author_of is not None:
                lines.append(SourceLine(number, piece, "article", "byline", author_of))
                continue
            # a dateline's agency and names are the article's metadata: the lead after them votes
            dated = parsing.find_dateline(folded)
            norm = _norm(folded[dated.end:] if dated is not None else folded)
            if len(norm) >= GRAM:
                best = _best(norm, index, targets, previous)
            else:
                best = None if dated is not None else previous
            if best is None:  # _credit_markers looks again, with the neighbours known
                lines.append(SourceLine(number, piece, "unplaced", "unplaced"))
                continue
            target = targets[best]
            role = target.role
            note = None
            if role == "paragraph":
                starts = best not in seen and target.norm.startswith(norm[:GRAM])
                role = "dateline" if dated is not None else "paragraph-start" if starts else "body"
                if parsing.find_trailing_byline(folded) is not None:
                    note = "closes with a byline"
            seen.add(best)
            previous = best
            lines.append(SourceLine(number, piece, target.zone, role, target.article, target.block, note))
    _credit_markers(lines, datelines, authors)
    by_article: dict[str, list[int]] = {}
    for i, line in enumerate(lines):
        if line.article is not None:
            by_article.setdefault(line.article, []).append(i)
    if roles is not None and len(roles) == len(lines):
        lines = [attrs.evolve(line, classified=role) for line, role in zip(lines, roles)]
    units = units_of(page, lines)
    return PageTrace(page, tuple(lines), units, {k: tuple(v) for k, v in by_article.items()},
                     by_banner={u.text: u.lines for u in units if u.article is None}, picture=picture)


def _credit_markers(lines: list[SourceLine], datelines: dict[str, str], authors: dict[str, list[str]]) -> None:
    """Place the lines no text claimed that hold only credits: a dateline's names
    broken over lines (``本报讯（记者 张伟 通讯员`` / ``刘芳）``), a closing byline
    wrapped alone (``量。 （张晋晋）``).  The model keeps these as an article's
    dateline and authors, so they go to the neighbouring article that has them."""
    by_marker: dict[str, list[str]] = {}
    for aid, marker in datelines.items():
        by_marker.setdefault(marker, []).append(aid)
    lengths = {len(m) for m in by_marker}
    for i, line in enumerate(lines):
        if line.zone != "unplaced":
            continue
        norm = _norm(line.text)
        opens = {aid for n in lengths for aid in by_marker.get(norm[:n], ())}
        named = {aid for k in range(len(norm)) for n in _NAME_LENGTHS for aid in authors.get(norm[k:k + n], ())}
        candidates = opens | named
        if not candidates:
            continue
        after = next((x for x in lines[i + 1:i + 1 + _NEAR] if x.article is not None), None)
        before = next((x for x in reversed(lines[max(0, i - _NEAR):i]) if x.article is not None), None)
        owner = next((x.article for x in (after, before) if x is not None and x.article in candidates),
                     None) or sorted(candidates)[0]
        if owner in opens:
            block = after.block if after is not None and after.article == owner else None
            lines[i] = SourceLine(line.number, line.text, "article", "dateline", owner, block)
            continue
        trailing = parsing.find_trailing_byline(fold_fullwidth(line.text).strip())
        if trailing is not None and trailing[0].strip() and before is not None and before.article == owner:
            lines[i] = SourceLine(line.number, line.text, "article", "body", owner, before.block,
                                  "closes with a byline")
        else:
            lines[i] = SourceLine(line.number, line.text, "article", "byline", owner)


def untraced(page: Page) -> PageTrace:
    """A page known only from its model (read from JSON): no lines, its headlines all the same."""
    return PageTrace(page, (), units_of(page, ()), {}, has_source=False)


def _confidences(page: Page) -> dict[str, float]:
    return {d.article: d.confidence for d in page.diagnostics
            if d.code == "headline-match" and d.article is not None and d.confidence is not None}


def units_of(page: Page, lines: Sequence[SourceLine]) -> tuple[HeadlineUnit, ...]:
    """Matched headlines in article order, then the headlines kept as banners."""
    heads: dict[str, list[int]] = {}
    banner_lines: dict[int, list[int]] = {}
    for i, line in enumerate(lines):
        if line.article is not None and line.role in _HEADLINE_ROLES:
            heads.setdefault(line.article, []).append(i)
        elif line.zone == "banner" and line.block is not None:
            banner_lines.setdefault(line.block, []).append(i)
    scores = _confidences(page)
    units = [HeadlineUnit(" / ".join(t for t in (a.kicker, a.title, a.subtitle) if t), a.id, scores.get(a.id),
                          tuple(heads.get(a.id, ())))
             for a in page.articles if a.title_source == "headline" and a.title]
    unmatched = _unmatched(page)
    for k, banner in enumerate(page.banners):
        if banner in unmatched:
            units.append(HeadlineUnit(banner, None, None, tuple(banner_lines.get(k, ()))))
    return tuple(units)


def _unmatched(page: Page) -> set[str]:
    """The banners that are headlines no article took, from the parser's notes."""
    return {_banner_named(d) for d in page.diagnostics if d.code == "unmatched-headline"}


def _banner_named(diagnostic: Diagnostic) -> str:
    return diagnostic.message.partition(": ")[2]


def diagnostic_lines(trace: PageTrace, diagnostic: Diagnostic) -> tuple[int, ...]:
    """The lines a diagnostic concerns: its article's, or the banner it names."""
    if diagnostic.article is not None:
        return trace.article_lines(diagnostic.article)
    if diagnostic.code == "unmatched-headline":
        return trace.by_banner.get(_banner_named(diagnostic), ())
    return ()
