"""Join an article's parts across pages: one story is one article.

Two cases, both recorded by the page reader as diagnostics:

- a jump: ``（下转第3版）`` closes part one, ``（上接第1版）`` opens part two on
  page 3.  Part two is appended to part one, which keeps its place, id and
  headline (part two's repeated or shortened headline is dropped);
- a page that opens mid-paragraph with no headline (a book-like PDF, such as
  lishi-pub's own PDF export, lets a story run on): the text joins the
  previous page's last article, and a paragraph cut at the page break is
  mended.

Reading the parts as one article is what a reader of the EPUB wants, and
what the archive's article count should say; the join is noted in the page's
diagnostics so nothing is silent.  A part whose other half is not in the
issue stays where it is, its marker removed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from attrs import evolve

from ...model import Article, Diagnostic, Page, Paragraph

__all__ = ["link_parts"]

_LABEL_NUMBER = re.compile(r"(\d+)")
_ENDS = "。！？…!?”’」』）)"


def _page_numbers(page: Page) -> set[str]:
    out = {str(page.number)} if page.number is not None else set()
    if page.label:
        m = _LABEL_NUMBER.search(page.label)
        if m:
            out.add(str(int(m.group(1))))
    return out


_PART_CODES = frozenset({"jump-to", "jump-from", "continues-previous-page"})


def _marks(page: Page) -> dict[tuple[str, str], list[str]]:
    """The page's jump diagnostics by (code, article id), read once: a page of thousands of articles
    asked for each article's would scan every diagnostic thousands of times."""
    out: dict[tuple[str, str], list[str]] = {}
    for d in page.diagnostics:
        if d.code in _PART_CODES and d.article is not None:
            out.setdefault((d.code, d.article), []).append(d.message)
    return out


def _append(head: Article, tail: Article) -> Article:
    blocks = list(head.blocks)
    rest = list(tail.blocks)
    last = blocks[-1] if blocks else None
    first = rest[0] if rest else None
    if isinstance(last, Paragraph) and isinstance(first, Paragraph) and not last.text.rstrip().endswith(tuple(_ENDS)):
        blocks[-1] = Paragraph(last.text + first.text)
        rest.pop(0)
    named = set(head.authors)
    contributors = head.contributors + tuple(c for c in tail.contributors if c.name not in named)
    return evolve(head, blocks=tuple(blocks + rest), contributors=contributors,
                  dateline=head.dateline or tail.dateline)


def link_parts(pages: Sequence[Page]) -> list[Page]:
    """Pages with continued stories joined into their first part."""
    arts = [list(p.articles) for p in pages]
    notes: list[list[Diagnostic]] = [[] for _ in pages]
    gone: set[tuple[int, int]] = set()
    where: dict[str, tuple[int, int]] = {a.id: (i, k) for i, p in enumerate(pages) for k, a in enumerate(p.articles)}
    numbers = [_page_numbers(p) for p in pages]
    marks = [_marks(p) for p in pages]
    # jumps first: they name their pages
    for i, page in enumerate(pages):
        for k, art in enumerate(page.articles):
            for target in marks[i].get(("jump-to", art.id), ()):
                for j, other in enumerate(pages):
                    if j == i or target not in numbers[j]:
                        continue
                    part = next((b for b in other.articles if (j, where[b.id][1]) not in gone
                                 and set(marks[j].get(("jump-from", b.id), ())) & numbers[i]), None)
                    if part is not None:
                        hi, hk = where[art.id]
                        arts[hi][hk] = _append(arts[hi][hk], part)
                        gone.add(where[part.id])
                        notes[hi].append(Diagnostic("jump-joined", f"continued on page {target}: {part.id} "
                                                    f"joined to this article", art.id))
                        break
    for i in range(1, len(pages)):
        page = pages[i]
        for art in page.articles:
            if ("continues-previous-page", art.id) not in marks[i] or where[art.id] in gone:
                continue
            prev = next(((i - 1, k) for k in range(len(arts[i - 1]) - 1, -1, -1) if (i - 1, k) not in gone), None)
            if prev is None:
                continue
            arts[prev[0]][prev[1]] = _append(arts[prev[0]][prev[1]], arts[i][where[art.id][1]])
            gone.add(where[art.id])
            notes[prev[0]].append(Diagnostic("continued", f"runs on to page {page.number}", arts[prev[0]][prev[1]].id))
    if not gone:
        return list(pages)
    out = []
    for i, page in enumerate(pages):
        kept = tuple(a for k, a in enumerate(arts[i]) if (i, k) not in gone)
        ids = {a.id for a in kept}
        diags = tuple(d for d in page.diagnostics if d.article is None or d.article in ids) + tuple(notes[i])
        out.append(evolve(page, articles=kept, diagnostics=diags))
    return out
