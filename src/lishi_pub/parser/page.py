"""Read one page: furniture, body, headline block, articles, figures."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..inputs import Source
from ..model import Diagnostic, Figure, Heading, Page, Paragraph
from . import markers
from .headlines import Unit, line_kind, display_like, group_units, split_tail
from .lines import Line, split_lines
from .reflow import Block, column_widths, ends_sentence, reflow
from .text import clean_spaces
from .segment import Draft, adopt_kickers, assign_units, attach_figures, page_scorer, split_by_units, to_article

__all__ = ["parse_page", "split_pages"]

_PAGE_LABEL = re.compile(r"第\s*\d+\s*版|[A-Z]\d{1,2}\b")


def split_pages(source: Source) -> Iterator[str]:
    """Form feeds separate pages, and blank pages are skipped.  Pages are cut
    one at a time, so a long file is never held twice."""
    text = source.text
    start = 0
    while start <= len(text):
        end = text.find("\f", start)
        if end < 0:
            end = len(text)
        if text[start:end].strip():
            yield text[start:end]
        start = end + 1


def parse_page(text: str, number: int, source: Source | None = None) -> Page:
    """The stages in order: furniture out, headline block off the end, body
    into drafts, headlines matched (splitting runs they share), figures
    placed, and whatever belongs to no article left on the page."""
    header: list[str] = []
    lines: list[Line] = []
    for line in split_lines(markers.separate_run_ins(text)):
        if markers.is_furniture(line.text):
            header.append(line.text.strip())
        else:
            lines.append(line)
    tail_at = split_tail(lines)
    body, tail = lines[:tail_at], lines[tail_at:]
    reader = _Reader(body)
    units = reader.head_units + group_units(tail)
    notes: list[Diagnostic] = []
    if source is not None and source.removed:
        notes.append(Diagnostic("control-characters",
                                f"removed {source.removed} control or replacement characters from the input"))

    floating = [(Figure(u.caption.caption, u.caption.credit), None) for u in units if u.caption is not None]
    floating += reader.floating
    queries = [u.text for u in units if u.is_headline] + [f.caption for f, _ in floating]
    found: dict[str, frozenset[str]] = {}
    scorer = page_scorer(reader.drafts, queries, found)
    drafts = split_by_units(reader.drafts, [u for u in units if u.is_headline], scorer, found)
    if drafts is not reader.drafts:
        scorer = page_scorer(drafts, queries, found)
    assign_units(drafts, units, scorer)
    adopt_kickers(drafts, units, scorer)
    loose = attach_figures(drafts, floating, scorer)

    articles = []
    banners = []
    for draft in drafts:
        if not draft.blocks:  # markers with no text after them: keep what they say on the page
            stray = " ".join(x for x in (draft.dateline, *draft.authors) if x)
            if stray:
                banners.append(stray)
            continue
        article, article_notes = to_article(draft, f"p{number}-a{len(articles) + 1}")
        articles.append(article)
        notes.extend(article_notes)
    placed = {id(d.unit) for d in drafts if d.unit is not None}
    for unit in units:
        if unit.caption is not None or id(unit) in placed:
            continue
        kicker, title = unit.split_kicker()
        names = "、".join(unit.byline.authors) if unit.byline else None
        banner = " ".join(t for t in (kicker, title, unit.subtitle, names) if t)
        if banner:
            banners.append(banner)
            notes.append(Diagnostic("unmatched-headline", f"kept on the page as a banner: {banner}"))
    return Page(
        number=number,
        label=_label(header),
        header=tuple(header),
        banners=tuple(banners),
        articles=tuple(articles),
        figures=tuple(loose),
        source=source.name if source is not None else None,
        diagnostics=tuple(notes),
    )


def _read_dateline(text: str, spaced: str) -> tuple[markers.Dateline, int] | None:
    """The dateline, and where the lead starts in ``text``.

    Names are read from the lines as joined; where a line break fell between
    two names (``矫 月`` / ``王小明``) that reading fails, and the lines joined
    with a space (``spaced``) are read instead.  The joined reading goes first
    because a break also falls inside words (``记`` / ``者``, ``王小`` / ``明``).
    """
    plain = markers.find_dateline(text)
    if plain is not None and (plain.byline.authors or spaced is text):
        return plain, plain.end
    wide = markers.find_dateline(spaced) if spaced is not text else None
    if wide is not None and (wide.byline.authors or plain is None):
        return wide, _same_position(text, spaced, wide.end)
    return (plain, plain.end) if plain is not None else None


def _read_trailing(text: str, spaced: str) -> tuple[markers.Byline, int] | None:
    """A closing byline and where the paragraph's text ends, read as :func:`_read_dateline` does."""
    plain = markers.find_trailing_byline(text)
    if plain is not None:
        return plain[1], len(plain[0])
    wide = markers.find_trailing_byline(spaced) if spaced is not text else None
    if wide is not None:
        return wide[1], _same_position(text, spaced, len(wide[0]))
    return None


def _same_position(into: str, source: str, pos: int) -> int:
    """The index in ``into`` past as many non-space characters as ``source[:pos]`` holds
    (the two are one text with different spaces)."""
    target = sum(1 for ch in source[:pos] if not ch.isspace())
    seen = 0
    for i, ch in enumerate(into):
        if seen == target:
            return i
        if not ch.isspace():
            seen += 1
    return len(into)


def _label(header: list[str]) -> str | None:
    return next((h for h in header if _PAGE_LABEL.match(h)), None)


class _Reader:
    """Walk the body's blocks once, opening and closing drafts as markers say."""

    def __init__(self, lines: list[Line]) -> None:
        self.drafts: list[Draft] = []
        self.head_units: list[Unit] = []
        self.floating: list[tuple[Figure, int | None]] = []
        self._pending: list[Line] = []  # headline lines printed above the text to come
        self._cols = column_widths(lines)
        blocks = reflow(lines, self._cols)
        self._index = {id(line): i for i, line in enumerate(lines)}
        for block in blocks:
            self._read(block)
        self.head_units.extend(group_units(self._pending))

    @property
    def _open(self) -> Draft | None:
        if self.drafts and not self.drafts[-1].closed:
            return self.drafts[-1]
        return None

    def _is_display(self, block: Block, text: str) -> bool:
        if len(block.lines) != 1:
            return False
        line = block.lines[0]
        if not display_like(text) or ends_sentence(text):
            return False
        col = self._cols[self._index[id(line)]]
        return line.width <= col - 1.5 or len(self.drafts) == 0

    def _read(self, block: Block) -> None:
        text = block.text
        raw = block.raw
        if len(block.lines) == 1 and markers.parse_byline_line(raw) is not None:
            self._pending.extend(block.lines)
            return
        closing = markers.parse_bracketed_byline(raw) if self.drafts else None
        if closing is not None:
            self.drafts[-1].add_byline(closing)
            self.drafts[-1].closing.extend(closing.authors)
            self.drafts[-1].closed = True
            return
        if text.startswith(("——", "－－")) and len(block.lines) == 1 and display_like(text.lstrip("—－ ")):
            self._pending.extend(block.lines)
            return
        head = text[:40]
        if "讯" in head or "电" in head or text.endswith(("）", ")")):
            spaced = clean_spaces(" ".join(line.text.strip() for line in block.lines))
        else:  # no marker to read, so no names to keep apart
            spaced = text
        if markers.find_dateline(spaced) is not None:
            self._paragraph(text, spaced)
            return
        credit = markers.find_caption(raw)
        if credit is not None:
            near = len(self.drafts) - 1 if self.drafts else None
            figure = Figure(credit.caption if credit.caption else raw, credit.credit)
            if self._open is not None:
                self._open.blocks.append(figure)
            else:
                self.floating.append((figure, near))
            return
        if self._is_display(block, text):
            self._pending.extend(block.lines)
            return
        self._paragraph(text, spaced)

    def _take_pending(self) -> Unit | None:
        """Turn the headline lines above a new article into units; return the
        headline nearest the text, which anchors the article."""
        units = group_units(self._pending)
        self._pending = []
        self.head_units.extend(units)
        return next((u for u in reversed(units) if u.is_headline or u.byline is not None), None)

    def _paragraph(self, text: str, spaced: str) -> None:
        """``spaced`` is the paragraph with its lines joined by spaces: see :func:`_read_dateline`."""
        dateline = _read_dateline(text, spaced)
        draft = self._open
        if draft is not None and draft.blocks and dateline is None and self._pending and all(
                line_kind(line.text) == "display" for line in self._pending):
            # short lines between two paragraphs of one story are its subheadings
            draft.blocks.extend(Heading(clean_spaces(line.text)) for line in self._pending)
            self._pending = []
        if dateline is not None or draft is None or self._pending:
            draft = Draft()
            self.drafts.append(draft)
            anchor = self._take_pending()
            # above the first article a lone display line is as likely a page banner
            if anchor is not None and (len(self.drafts) > 1 or anchor.byline is not None):
                draft.anchor = anchor
                if anchor.byline is not None and not anchor.is_headline:
                    draft.add_byline(anchor.byline)
        if dateline is not None:
            found, start = dateline
            draft.dateline = found.marker
            draft.add_byline(found.byline)
            spaced = spaced[_same_position(spaced, text, start):].strip()
            text = text[start:].strip()
        end = markers.find_end_dateline(text)
        if end is not None:
            spaced = spaced[: _same_position(spaced, text, len(end[0]))].strip()
            text = end[0].strip()
            draft.dateline = draft.dateline or end[1]
            draft.closed = True
        trailing = _read_trailing(text, spaced)
        if trailing is not None:
            byline, cut = trailing
            text = text[:cut].strip()
            draft.add_byline(byline)
            draft.closing.extend(byline.authors)
            draft.closed = True
        if text:
            draft.blocks.append(Paragraph(text))
