"""The review page as one self-contained HTML file: CSS and script inline, nothing fetched.

Every text that came from a page or a JSON file goes through :func:`esc`, so
hostile text (``<script>``, ``&``, control characters, ``]]>``) stays text.
Element ids and ``data-a`` keys are made here (``p2-a3``, ``p2-L41``), never
taken from the input, so no input can reach an attribute unescaped or a CSS
selector at all.  Output depends on the input and options only: no clock.
"""

from __future__ import annotations

import base64
import html
import re
from collections.abc import Iterator, Sequence
from importlib.resources import files
from pathlib import Path

from .._version import __version__
from ..model import Article, Figure, Heading, Issue, Paragraph
from ..present import byline, credit
from .build import Reviewed
from .palette import INK, PALETTE, PAPER
from .provenance import PageTrace, SourceLine, diagnostic_lines
from .roles import ROLES
from .summary import PageSummary, by_need, low_confidence_ids, summarise

__all__ = ["esc", "render_review", "render_reviews"]

# C0 and C1 controls (tab and newline stay), surrogates and noncharacters: not allowed in HTML text.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef"
                     + "".join(f"{chr(p * 0x10000 + 0xFFFE)}{chr(p * 0x10000 + 0xFFFF)}" for p in range(17))
                     + "]")


def _visible(m: re.Match[str]) -> str:
    """A C0 control becomes its Control Pictures symbol (␇), anything else U+FFFD: seen, never acted on."""
    code = ord(m.group())
    if code < 0x20:
        return chr(0x2400 + code)
    return "\u2421" if code == 0x7F else "\ufffd"


def esc(text: str) -> str:
    return html.escape(_UNSAFE.sub(_visible, text), quote=True)


def _asset(name: str) -> str:
    return files(__package__).joinpath(name).read_text(encoding="utf-8")


def _palette_css() -> str:
    rules = [f":root{{--ink:{INK};--paper:{PAPER}}}"]
    for k, swatch in enumerate(PALETTE):
        rules.append(f".c{k}{{--tint:{swatch.tint};--accent:{swatch.accent}}}")
    return "\n".join(rules)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _conf(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


class _Page:
    """One page's keys: the generated ids its articles and lines go by."""

    def __init__(self, index: int, trace: PageTrace, language: str, issue: str | None) -> None:
        self.trace = trace
        self.lang = esc(language)  # of the page's texts; the review's own words are English
        self.issue = issue  # which issue the page is of, when the review holds several
        self.key = f"p{index + 1}"
        self.ordinal = {a.id: k for k, a in enumerate(trace.page.articles)}
        self.low = low_confidence_ids(trace)
        self.confidence = {d.article: d.confidence for d in trace.page.diagnostics
                           if d.code == "headline-match" and d.article is not None}

    def akey(self, article_id: str) -> str:
        return f"{self.key}-a{self.ordinal[article_id] + 1}"

    def line_id(self, i: int) -> str:
        return f"{self.key}-L{i + 1}"

    def colour(self, article_id: str) -> str:
        return f"c{self.ordinal[article_id] % len(PALETTE)}"

    def first_line(self, article_id: str) -> int | None:
        lines = self.trace.article_lines(article_id)
        return lines[0] if lines else None


def render_review(issue: Issue, traces: Sequence[PageTrace]) -> str:
    """The review of one issue."""
    return render_reviews([Reviewed(issue, tuple(traces))])


def render_reviews(parts: Sequence[Reviewed]) -> str:
    """The review of one issue or several (a month of the paper), in one document."""
    return "".join(_document(parts))


def _issue_name(issue: Issue) -> str | None:
    return " · ".join(x for x in (issue.title, issue.date.isoformat() if issue.date else None,
                                  f"No. {issue.number}" if issue.number else None) if x) or None


def _short_name(part: Reviewed) -> str:
    """What tells one issue of a collection from the others: its date, else its folder, else its number."""
    issue = part.issue
    if issue.date is not None:
        return issue.date.isoformat() + (f" No. {issue.number}" if issue.number else "")
    if part.name:
        return Path(part.name.rstrip("/\\")).name or part.name
    return f"No. {issue.number}" if issue.number else "issue"


def _document(parts: Sequence[Reviewed]) -> Iterator[str]:
    several = len(parts) > 1
    pages: list[_Page] = []
    for part in parts:
        label = _short_name(part) if several else None
        pages.extend(_Page(len(pages), t, part.issue.language, label) for t in part.traces)
    summaries = [summarise(page_index, page.trace) for page_index, page in enumerate(pages)]
    if several:
        titles = sorted({p.issue.title for p in parts if p.issue.title})
        name = " · ".join([*titles, _count(len(parts), "issue")])
    else:
        name = _issue_name(parts[0].issue) or "untitled issue"
    yield ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
           f"<meta name=\"generator\" content=\"lishi-pub {esc(__version__)}\">\n"
           f"<title>Review: {esc(name)}</title>\n<style>\n{_palette_css()}\n{_asset('review.css')}</style>\n"
           "<style id=\"hl\"></style>\n</head>\n<body>\n")
    yield from _top(name, pages, summaries)
    yield "<main>\n"
    yield from _summary(pages, summaries)
    for page in pages:
        yield from _page(page)
    yield "</main>\n"
    yield ("<aside id=\"panel\" aria-live=\"polite\" hidden><button type=\"button\" id=\"panel-close\" "
           "aria-label=\"close\">×</button><div id=\"panel-text\"></div></aside>\n")
    yield f"<script>\n{_asset('review.js')}</script>\n</body>\n</html>\n"


def _top(name: str, pages: Sequence[_Page], summaries: Sequence[PageSummary]) -> Iterator[str]:
    articles = sum(s.articles for s in summaries)
    flagged = sum(s.low_confidence + s.derived + s.untitled + s.unmatched + s.unplaced for s in summaries)
    totals = f"{_count(len(pages), 'page')} · {_count(articles, 'article')} · {flagged} flagged"
    yield (f"<header id=\"top\"><h1><span class=\"what\">Review</span> {esc(name)}</h1>"
           f"<p class=\"totals\">{totals}</p>"
           "<nav aria-label=\"keyboard\" class=\"keys\">"
           "<button type=\"button\" data-go=\"prev\"><kbd>p</kbd> previous page</button>"
           "<button type=\"button\" data-go=\"next\"><kbd>n</kbd> next page</button>"
           "<button type=\"button\" data-go=\"flag\"><kbd>f</kbd> next flagged</button>"
           "<button type=\"button\" data-go=\"unflag\"><kbd>F</kbd> previous flagged</button>"
           "<a href=\"#summary\"><kbd>s</kbd> summary</a></nav></header>\n")


def _legend() -> Iterator[str]:
    yield "<details id=\"legend\"><summary>Legend: line marks and styles</summary><ul class=\"legend\">"
    for role in ROLES.values():
        yield (f"<li data-r=\"{role.key}\"><span class=\"m\">{esc(role.mark)}</span> "
               f"<span class=\"lbl\">{esc(role.label)}</span></li>")
    yield ("</ul><p>Each article's lines carry its number and colour; page furniture, banners, loose "
           "captions and unplaced lines have neutral styles. ⚑ marks what needs a look.</p></details>\n")


def _summary(pages: Sequence[_Page], summaries: Sequence[PageSummary]) -> Iterator[str]:
    yield "<section id=\"summary\" tabindex=\"-1\" aria-labelledby=\"summary-h\"><h2 id=\"summary-h\">Pages</h2>"
    yield ("<p>Sorted by need of a look: weak headline matches, untitled articles and unplaced lines "
           "weigh most, then unmatched headlines, then derived titles and other notes.</p>")
    yield from _legend()
    yield ("<div class=\"scroll\"><table class=\"summary\"><thead><tr><th scope=\"col\">Page</th>"
           "<th scope=\"col\">Source</th><th scope=\"col\">Articles</th><th scope=\"col\">Low confidence</th>"
           "<th scope=\"col\">Derived titles</th><th scope=\"col\">No title</th>"
           "<th scope=\"col\">Unmatched headlines</th><th scope=\"col\">Unplaced lines</th>"
           "<th scope=\"col\">Notes</th><th scope=\"col\">Need</th></tr></thead><tbody>\n")
    for s in by_need(summaries):
        page = pages[s.index]
        flag = " class=\"needs\"" if s.need else ""
        cells = (s.articles, s.low_confidence, s.derived, s.untitled, s.unmatched, s.unplaced, s.notes)
        yield (f"<tr{flag}><th scope=\"row\"><a href=\"#{page.key}\">{esc(_page_name(page))}</a></th>"
               f"<td>{esc(s.source or '—')}</td>"
               + "".join(f"<td class=\"num{' warn' if v and k else ''}\">{v}</td>" for k, v in enumerate(cells))
               + f"<td class=\"num\">{s.need:g}</td></tr>\n")
    yield "</tbody></table></div></section>\n"


def _page_name(page: _Page) -> str:
    p = page.trace.page
    issue = f"{page.issue} · " if page.issue else ""
    label = f" · {p.label}" if p.label else ""
    return f"{issue}Page {p.number or ''}{label}"


def _page(page: _Page) -> Iterator[str]:
    p = page.trace.page
    source = f" · {p.source}" if p.source else ""
    yield (f"<section class=\"page\" id=\"{page.key}\" tabindex=\"-1\" aria-labelledby=\"{page.key}-h\">"
           f"<h2 id=\"{page.key}-h\">{esc(_page_name(page))}"
           f"<span class=\"src\">{esc(source)}</span></h2>\n<div class=\"cols\">\n")
    yield from _source(page)
    yield "<div class=\"side\">\n"
    yield from _picture(page)
    yield from _articles(page)
    yield from _units(page)
    yield from _diagnostics(page)
    yield from _furniture(page)
    yield "</div></div></section>\n"


def _picture(page: _Page) -> Iterator[str]:
    """A PDF page as printed, with the reader's article regions, headline groups and captions outlined."""
    picture = page.trace.picture
    if picture is None:
        return
    number = esc(str(page.trace.page.number or ""))
    data = base64.b64encode(picture).decode("ascii")
    yield (f"<h3>As printed</h3>\n<figure class=\"printed\" tabindex=\"0\"><img src=\"data:image/png;base64,{data}\" "
           f"alt=\"page {number} as printed, with the article regions, headline groups and captions the PDF "
           "reader found outlined\"><figcaption>Regions as the PDF reader found them, numbered in reading order; "
           "click or Enter to enlarge.</figcaption></figure>\n")


def _source(page: _Page) -> Iterator[str]:
    trace = page.trace
    yield (f"<div class=\"source\" role=\"region\" lang=\"{page.lang}\" "
           f"aria-label=\"source lines of page {esc(str(trace.page.number or ''))}\">\n")
    if not trace.has_source:
        yield ("<p class=\"nosource\">No source lines: this page was read from lishi-pub JSON, "
               "which keeps the parsed page but not its dump.</p>\n")
    for i, line in enumerate(trace.lines):
        yield _line(page, i, line)
    yield "</div>\n"


def _line(page: _Page, i: int, line: SourceLine) -> str:
    role = ROLES[line.role]
    if line.article is not None:
        cls = f"ln art {page.colour(line.article)}"
        number = page.ordinal[line.article] + 1
        tag = f"→{number}" if line.role in ("headline", "kicker", "subtitle") else str(number)
        data = f" data-a=\"{page.akey(line.article)}\""
    elif line.zone == "unplaced":  # flagged: the keyboard's next-flagged stops on it
        cls = "ln z-unplaced flag"
        tag = "–"
        data = " tabindex=\"-1\""
    else:
        cls = f"ln z-{line.zone}"
        tag = "–"
        data = ""
    note = f" data-note=\"{esc(line.note)}\"" if line.note else ""
    if line.block is not None and line.article is not None:
        note += f" data-b=\"{line.block + 1}\""
    if line.classified is not None and line.classified != line.role:
        note += f" data-c=\"{esc(line.classified)}\""
    return (f"<div class=\"{cls}\" id=\"{page.line_id(i)}\"{data} data-r=\"{role.key}\" data-n=\"{line.number}\""
            f"{note}><span class=\"n\">{line.number}</span><span class=\"t\">{tag}</span>"
            f"<span class=\"m\">{esc(role.mark)}</span><span class=\"x\">{esc(line.text)}</span></div>\n")


def _go(page: _Page, i: int | None, text: str) -> str:
    if i is None:
        return ""
    return f"<a class=\"go\" href=\"#{page.line_id(i)}\">{text} {page.trace.lines[i].number}</a>"


def _who(article: Article) -> str:
    return byline(article) or ""


def _articles(page: _Page) -> Iterator[str]:
    articles = page.trace.page.articles
    yield f"<h3>Articles <span class=\"count\">{len(articles)}</span></h3>\n<ol class=\"arts\">\n"
    for article in articles:
        key = page.akey(article.id)
        first = page.first_line(article.id)
        flags = []
        if article.id in page.low:
            flags.append("low confidence")
        if article.title_source == "derived":
            flags.append("derived title")
        if article.title is None:
            flags.append("no title")
        number = page.ordinal[article.id] + 1
        badge = (f"<a class=\"badge\" href=\"#{page.line_id(first)}\" aria-label=\"article {number}: "
                 f"go to its first line, {page.trace.lines[first].number}\">{number}</a>" if first is not None
                 else f"<span class=\"badge\" title=\"article {number}\">{number}</span>")
        source = article.title_source or "none"
        yield (f"<li class=\"entry {page.colour(article.id)}{' flag' if flags else ''}\" id=\"{key}\" "
               f"data-a=\"{key}\" tabindex=\"-1\">{badge}<div class=\"body\">"
               f"<p class=\"title\" lang=\"{page.lang}\">{esc(article.title or '(no title)')}</p><p class=\"meta\">"
               f"<span class=\"ts ts-{source}\">title: {source}</span>")
        if article.title_source == "headline":
            yield f" · match <span class=\"conf\">{_conf(page.confidence.get(article.id))}</span>"
        yield "".join(f" <strong class=\"warn\">⚑ {f}</strong>" for f in flags)
        yield "</p>"
        if article.kicker:
            yield f"<p class=\"sub\">kicker: {esc(article.kicker)}</p>"
        if article.subtitle:
            yield f"<p class=\"sub\">subtitle: {esc(article.subtitle)}</p>"
        counts = (sum(isinstance(b, Paragraph) for b in article.blocks),
                  sum(isinstance(b, Heading) for b in article.blocks),
                  sum(isinstance(b, Figure) for b in article.blocks))
        lines = len(page.trace.article_lines(article.id))
        yield (f"<p class=\"sub\">by: {esc(_who(article) or '—')} · dateline: {esc(article.dateline or '—')}</p>"
               f"<p class=\"sub counts\">{counts[0]} paragraphs · {counts[1]} subheadings · {counts[2]} figures"
               f" · {lines} lines · <span class=\"id\">{esc(article.id)}</span></p>"
               f"{_go(page, first, 'first line')}</div></li>\n")
    yield "</ol>\n"


def _units(page: _Page) -> Iterator[str]:
    units = page.trace.units
    if not units:
        return
    yield (f"<h3>Headline units <span class=\"count\">{len(units)}</span></h3>\n<table class=\"units\">"
           "<thead><tr><th scope=\"col\">Headline</th><th scope=\"col\">Matched to</th>"
           "<th scope=\"col\">Confidence</th></tr></thead><tbody>\n")
    for unit in units:
        first = unit.lines[0] if unit.lines else None
        text = esc(unit.text)
        head = text
        if first is not None:
            numbers = [page.trace.lines[i].number for i in unit.lines]
            where = f"line {numbers[0]}" if len(set(numbers)) == 1 else f"lines {numbers[0]}–{numbers[-1]}"
            head = f"<a href=\"#{page.line_id(first)}\">{text}</a> <span class=\"where\">{where}</span>"
        if unit.article is None:
            yield (f"<tr class=\"flag banner\" tabindex=\"-1\"><td lang=\"{page.lang}\">{head}</td>"
                   "<td><strong class=\"warn\">⚑ banner</strong> (no article)</td><td class=\"num\">—</td></tr>\n")
            continue
        key = page.akey(unit.article)
        number = page.ordinal[unit.article] + 1
        low = unit.article in page.low
        flag = ' class="flag" tabindex="-1"' if low else ""
        yield (f"<tr data-a=\"{key}\"{flag}><td lang=\"{page.lang}\">{head}</td><td>"
               f"<a class=\"badge {page.colour(unit.article)}\" href=\"#{key}\" aria-label=\"article {number}\">"
               f"{number}</a></td><td class=\"num{' warn' if low else ''}\">{_conf(unit.confidence)}</td></tr>\n")
    yield "</tbody></table>\n"


def _diagnostics(page: _Page) -> Iterator[str]:
    notes = [d for d in page.trace.page.diagnostics if d.code != "headline-match"]
    yield f"<h3>Diagnostics <span class=\"count\">{len(notes)}</span></h3>\n"
    if not notes:
        yield "<p class=\"none\">none</p>\n"
        return
    yield "<ul class=\"diags\">\n"
    for d in notes:
        lines = diagnostic_lines(page.trace, d)
        data = f" data-a=\"{page.akey(d.article)}\"" if d.article in page.ordinal else ""
        where = ""
        if lines:
            span = f"lines {page.trace.lines[lines[0]].number}–{page.trace.lines[lines[-1]].number}" \
                if len(lines) > 1 else f"line {page.trace.lines[lines[0]].number}"
            where = f" <a class=\"go\" href=\"#{page.line_id(lines[0])}\">{span}</a>"
        about = f" <span class=\"id\">[{esc(d.article)}]</span>" if d.article else ""
        yield (f"<li{data}><code>{esc(d.code)}</code>{about} {esc(d.message)}"
               f"{' (' + _conf(d.confidence) + ')' if d.confidence is not None else ''}{where}</li>\n")
    yield "</ul>\n"


def _furniture(page: _Page) -> Iterator[str]:
    p = page.trace.page
    if p.header:
        yield "<h3>Furniture</h3><ul class=\"plain\">" + "".join(f"<li>{esc(h)}</li>" for h in p.header) + "</ul>\n"
    if p.figures:
        yield ("<h3>Loose figures</h3><ul class=\"plain\">"
               + "".join(f"<li>{esc(f.caption)} ({esc(credit(f.credit) or 'no credit')})</li>" for f in p.figures)
               + "</ul>\n")
