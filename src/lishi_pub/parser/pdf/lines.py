"""Glyphs to physical lines: horizontal by baseline, vertical (竖题) by geometry.

Glyphs are chained in drawing order first (producers draw a line's glyphs
one after another, so this is linear and never joins two columns whose
baselines happen to agree), then pieces of one baseline drawn apart are
merged.  Vertical lines come from vertical-mode fonts and from stacks of
upright display-size glyphs, one per "line", at one x: the way some
producers set a vertical headline in a horizontal font.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from .conventions import (BYLINE_BOXES, DISPLAY, HAN_SPACE_MIN, JOIN_GAP_BODY, JOIN_GAP_DISPLAY, MERGE_GAP, SAME_SIZE,
                          WORD_SPACE)
from ..text import fold_fullwidth
from .extract import Glyph, Rect

__all__ = ["PLine", "body_size", "build_lines"]


@dataclass(slots=True, eq=False)
class PLine:
    """A physical line of text on the page."""

    glyphs: list[Glyph]
    vertical: bool = False
    x0: float = 0.0
    top: float = 0.0
    x1: float = 0.0
    bottom: float = 0.0
    size: float = 0.0
    text: str = ""
    font: str = ""
    bold: bool = False

    def finish(self, bold_ids: set[int], body: float) -> PLine:
        gs = [g for g in self.glyphs if not g.text.isspace()] or self.glyphs
        self.x0 = min(g.x0 for g in gs)
        self.x1 = max(g.x1 for g in gs)
        self.top = min(g.top for g in gs)
        self.bottom = max(g.bottom for g in gs)
        sizes = Counter(round(g.size, 1) for g in gs)
        self.size = sizes.most_common(1)[0][0]
        self.font = Counter(_family(g.font) for g in gs).most_common(1)[0][0]
        self.bold = sum(1 for g in gs if id(g) in bold_ids) * 2 > len(gs) or _bold_name(self.font)
        # full-width digits and letters read as ASCII, as the dump reader folds them
        self.text = fold_fullwidth(_vertical_text(gs) if self.vertical else _horizontal_text(self.glyphs))
        return self

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2


def _family(font: str) -> str:
    """The font without its subset tag (ABCDEF+): one face is often split over several subsets."""
    return font[7:] if len(font) > 7 and font[6] == "+" and font[:6].isupper() else font


def _bold_name(font: str) -> bool:
    name = font.split("+", 1)[-1].lower()
    return "bold" in name or "heavy" in name or "black" in name or "黑" in font


def body_size(glyphs: list[Glyph]) -> float:
    """The weighted mode of glyph sizes: the size most of the page's ink is set in."""
    counts = Counter(round(g.size * 4) / 4 for g in glyphs if not g.vertical and not g.text.isspace())
    if not counts:
        return 10.0
    return counts.most_common(1)[0][0]


def _is_cjk(ch: str) -> bool:
    o = ord(ch)
    return 0x2E80 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or 0xFF00 <= o <= 0xFF60 or 0x20000 <= o <= 0x3134F \
        or ch in "“”‘’—…·□■◆●▲△"


#: Middle dots set in a cell of their own between Han characters (间隔号).
_CELL_DOTS = "·・•‧"


def _horizontal_text(glyphs: list[Glyph]) -> str:
    """Glyphs left to right; spaces where one was drawn, or where the gap is a real one (see conventions)."""
    gs = sorted(glyphs, key=lambda g: g.x0)
    ink = [g for g in gs if not g.text.isspace()]
    # a justified line spreads every gap alike; measured between Han glyphs where the line
    # has some, for a line with digits sets them off by a little white of their own
    # (``调整 自 12月1日至``: 1.1 pt between Han, 3.3 around the digits, 5.6 the space)
    pairs = [(a, b) for a, b in zip(ink, ink[1:])]
    han = sorted(b.x0 - a.x1 for a, b in pairs if _is_cjk(a.text[-1]) and _is_cjk(b.text[0]))
    # (a line of digits and full-width stops has no Han pair: the gaps beside its stops are
    # spread alike, its digits set tight, ``12:00、14:30—``)
    beside = sorted(b.x0 - a.x1 for a, b in pairs if _is_cjk(a.text[-1]) or _is_cjk(b.text[0]))
    gaps = han if len(han) >= 2 else beside if len(beside) >= 3 else sorted(b.x0 - a.x1 for a, b in pairs)
    usual = gaps[len(gaps) // 2] if gaps else 0.0
    out = [gs[0].text]
    for prev, g in zip(gs, gs[1:]):
        if g.text.isspace():
            continue
        if prev.text.isspace():
            out.append(" ")
            out.append(g.text)
            continue
        gap = g.x0 - prev.x1
        em = max(min(prev.size, g.size), 0.1)
        a, b = prev.text[-1], g.text[0]
        if a in _CELL_DOTS or b in _CELL_DOTS:
            # 间隔号 (清平乐·碛口夜色): a narrow glyph centred in a full-width cell, its white no space
            dot = prev if a in _CELL_DOTS else g
            gap -= max(0.0, em - (dot.x1 - dot.x0))
        if _is_cjk(a) or _is_cjk(b):
            # a space is white beyond what the line gives every gap: a justified
            # last line spread over the column has none, however wide its gaps
            space = gap >= HAN_SPACE_MIN * em and gap - usual >= HAN_SPACE_MIN * em
        else:
            space = gap >= WORD_SPACE * em
        if space:
            out.append(" ")
        out.append(g.text)
    return "".join(out).strip()


def _vertical_text(glyphs: list[Glyph]) -> str:
    gs = sorted(glyphs, key=lambda g: g.top)
    out = [gs[0].text]
    for prev, g in zip(gs, gs[1:]):
        if g.top - prev.bottom >= 3 * HAN_SPACE_MIN * max(g.size, 0.1):
            out.append(" ")
        out.append(g.text)
    return "".join(out)


def _joins(last: Glyph, g: Glyph, body: float) -> bool:
    big, small = (last.size, g.size) if last.size >= g.size else (g.size, last.size)
    if small <= 0 or big / small > SAME_SIZE:
        return False
    # vertical overlap of at least half the smaller glyph: same baseline band
    overlap = min(last.bottom, g.bottom) - max(last.top, g.top)
    if overlap < 0.5 * min(last.bottom - last.top, g.bottom - g.top):
        return False
    gap = g.x0 - last.x1
    limit = (JOIN_GAP_DISPLAY if small >= DISPLAY * body else JOIN_GAP_BODY) * small
    if last.text in BYLINE_BOXES:  # □ and ■ stand before the names they introduce, whatever the gap
        limit = 3 * small
    return -0.3 * small <= gap <= limit


def _crosses(x0: float, x1: float, top: float, bottom: float, vrules: list[Rect]) -> bool:
    """A vertical rule standing between two glyphs of one baseline."""
    for r in vrules:
        if x0 <= (r.x0 + r.x1) / 2 <= x1 and r.top <= bottom and r.bottom >= top:
            return True
    return False


def build_lines(glyphs: list[Glyph], bold_ids: set[int], body: float, vrules: list[Rect]) -> list[PLine]:
    horizontal: list[list[Glyph]] = []
    vertical: list[list[Glyph]] = []
    current: list[Glyph] = []
    for g in glyphs:
        if g.vertical or not g.upright:
            if vertical and _stacks(vertical[-1][-1], g):
                vertical[-1].append(g)
            else:
                vertical.append([g])
            continue
        if current and _joins(current[-1], g, body) and not (
                vrules and _crosses(current[-1].x1, g.x0, g.top, g.bottom, vrules)):
            current.append(g)
        else:
            if current:
                horizontal.append(current)
            current = [g]
    if current:
        horizontal.append(current)
    horizontal = _merge_pieces(horizontal, body, vrules)
    horizontal, stacked = _upright_stacks(horizontal, body)
    lines = [PLine(gs).finish(bold_ids, body) for gs in horizontal if not all(g.text.isspace() for g in gs)]
    lines += [PLine(gs, vertical=True).finish(bold_ids, body) for gs in vertical + stacked]
    return lines


def _stacks(last: Glyph, g: Glyph) -> bool:
    return abs(last.cx - g.cx) <= 0.3 * g.size and -0.3 * g.size <= g.top - last.bottom <= JOIN_GAP_DISPLAY * g.size


@dataclass(slots=True, eq=False)
class _Piece:
    glyphs: list[Glyph]
    x0: float
    x1: float
    top: float
    bottom: float
    size: float

    @classmethod
    def of(cls, gs: list[Glyph]) -> _Piece:
        ink = [g for g in gs if not g.text.isspace()] or gs
        return cls(gs, min(g.x0 for g in ink), max(g.x1 for g in ink), min(g.top for g in ink),
                   max(g.bottom for g in ink), max(g.size for g in ink))


def _rows(pieces: list[_Piece]) -> list[list[_Piece]]:
    """Pieces grouped by baseline band, rows top to bottom, each left to right."""
    rows: list[list[_Piece]] = []
    for p in sorted(pieces, key=lambda p: (p.bottom, p.x0)):
        row = rows[-1] if rows else None
        if row is not None and abs(row[0].bottom - p.bottom) <= 0.3 * min(row[0].size, p.size):
            row.append(p)
        else:
            rows.append([p])
    for row in rows:
        row.sort(key=lambda p: p.x0)
    return rows


def _is_gutter(a: _Piece, b: _Piece, near: list[list[_Piece]]) -> bool:
    """Whether the white between two pieces of one baseline runs on down the
    page (a gutter between columns) or is a wide space inside one line.

    Text in a neighbouring row crossing the gap says space; a neighbouring
    row whose pieces end where ``a`` ends or start where ``b`` starts says
    column edges, hence gutter.  An isolated line (a masthead's date) is one line.
    """
    em = max(min(a.size, b.size), 0.1)
    edge = False
    for row in near:
        for p in row:
            if p.x0 < a.x1 + 0.2 * em and p.x1 > b.x0 - 0.2 * em:
                return False
            if abs(p.x1 - a.x1) <= 1.5 * em or -0.5 * em <= p.x0 - b.x0 <= 2.5 * em:
                edge = True
    return edge


def _merge_pieces(pieces: list[list[Glyph]], body: float, vrules: list[Rect]) -> list[list[Glyph]]:
    """Join pieces of one line that were drawn apart or spread wide (justified
    at spaces), but never across a gutter or a vertical rule."""
    if len(pieces) < 2:
        return pieces
    rows = _rows([_Piece.of(p) for p in pieces])
    out: list[list[Glyph]] = []
    for i, row in enumerate(rows):
        near = [r for r in rows[max(0, i - 2):i + 3] if r is not row
                and abs(r[0].bottom - row[0].bottom) <= 3.5 * row[0].size]
        current = row[0]
        merged = [current.glyphs]
        for p in row[1:]:
            em = min(current.size, p.size)
            gap = p.x0 - current.x1
            same = max(current.size, p.size) / max(em, 0.1) <= SAME_SIZE
            if same and gap <= MERGE_GAP * em and not (vrules and _crosses(current.x1, p.x0, p.top, p.bottom, vrules)) \
                    and (gap <= 0.5 * em or not _is_gutter(current, p, near)):
                merged[-1] = merged[-1] + p.glyphs
                current = _Piece(merged[-1], current.x0, max(current.x1, p.x1), min(current.top, p.top),
                                 max(current.bottom, p.bottom), max(current.size, p.size))
            else:
                merged.append(p.glyphs)
                current = p
        out.extend(merged)
    return out


def _upright_stacks(pieces: list[list[Glyph]], body: float) -> tuple[list[list[Glyph]], list[list[Glyph]]]:
    """Single display-size glyphs stacked at one x are a vertical line (竖题)."""
    singles = [p for p in pieces if len(p) == 1 and p[0].size >= DISPLAY * body]
    if len(singles) < 2:
        return pieces, []
    singles.sort(key=lambda p: (round(p[0].cx / (0.3 * p[0].size)), p[0].top))
    rows = [p for p in pieces if len(p) > 1]

    def crossed(a: Glyph, b: Glyph) -> bool:
        """A line set across the white between two glyphs: they are the short last
        lines of two horizontal rows (``蓝天碧水净土`` / ``保`` / ``卫战取得新成`` / ``效``)."""
        return any(a.bottom - 1 <= r[0].top and r[0].bottom <= b.top + 1
                   and min(r[-1].x1, a.x1) - max(r[0].x0, a.x0) > 0 for r in rows)

    stacks: list[list[Glyph]] = []
    run: list[Glyph] = []
    for (g,) in singles:
        if run and _stacks(run[-1], g) and abs(run[-1].size - g.size) < 0.1 * g.size and not crossed(run[-1], g):
            run.append(g)
        else:
            if len(run) >= 2:
                stacks.append(run)
            run = [g]
    if len(run) >= 2:
        stacks.append(run)
    if not stacks:
        return pieces, []
    used = {id(g) for s in stacks for g in s}
    return [p for p in pieces if not (len(p) == 1 and id(p[0]) in used)], stacks
