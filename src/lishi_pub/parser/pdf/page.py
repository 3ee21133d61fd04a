"""One PDF page to a :class:`~lishi_pub.parser.layout.PageLayout`: the layout reading proper.

Order of work: clean glyphs, gate, lines, size classes, furniture bands,
headline groups (display lines masked out of the body), blocks by XY-cut,
captions by touching an image, articles by "headline plus the blocks beneath
its width down to the next separator or headline", reading order by XY-cut
inside each article, paragraph starts by indent, short lines and leading.
Everything the page printed comes out as a line; nothing is dropped but
invisible and off-page glyphs and overprinted copies.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from attrs import evolve

from ..conventions import DEFAULT_PROFILE
from ..layout import Box, ImageBox, PageLayout, Role, TextLine
from . import conventions as C
from .clean import clean_glyphs
from .extract import PageObjects, Rect
from .gate import check_page
from .headlines import Group, adopt_neighbours, group_headlines
from .lines import PLine, body_size, build_lines
from .regions import xy_cut

__all__ = ["PageReading", "read_lines", "layout_page", "band_key"]

_DIGITS = re.compile(r"\d+")


def band_key(text: str) -> str:
    """Furniture repeats across pages with its numbers changed (第2版, dates)."""
    return _DIGITS.sub("#", re.sub(r"\s+", "", text))


@dataclass(slots=True, eq=False)
class Block:
    lines: list[PLine]
    x0: float = 0.0
    top: float = 0.0
    x1: float = 0.0
    bottom: float = 0.0
    owner: int | None = None
    caption: bool = False

    def __post_init__(self) -> None:
        self.lines.sort(key=lambda ln: (ln.top, ln.x0))
        self.x0 = min(ln.x0 for ln in self.lines)
        self.x1 = max(ln.x1 for ln in self.lines)
        self.top = min(ln.top for ln in self.lines)
        self.bottom = max(ln.bottom for ln in self.lines)

    @property
    def width(self) -> float:
        return self.x1 - self.x0


@dataclass(slots=True, eq=False)
class _Thing:
    """An image, masked from the cut and owned like a block."""

    x0: float
    top: float
    x1: float
    bottom: float
    owner: int | None = None


@dataclass(slots=True)
class PageReading:
    """Pass one over a page: its lines and separators, kept for pass two
    (furniture needs every page's bands before any page is finished)."""

    objects: PageObjects
    lines: list[PLine]
    body: float
    bold: set[int]
    band: list[PLine] = field(default_factory=list)


def read_lines(page: PageObjects, source: str) -> PageReading:
    glyphs, bold = clean_glyphs(page)
    check_page(glyphs, source, page.number)
    body = body_size(glyphs)
    vrules = [r for r in page.rules if r.height > r.width]
    vrules += [e for f in page.frames for e in _edges(f) if e.height > e.width]
    lines = build_lines(glyphs, bold, body, vrules)
    h = page.height
    band = [ln for ln in lines if ln.bottom <= C.BAND * h or ln.top >= (1 - C.BAND) * h]
    return PageReading(page, lines, body, bold, band)


def _edges(f: Rect) -> list[Rect]:
    t = 0.5
    return [Rect(f.x0 - t, f.top - t, f.x1 + t, f.top + t), Rect(f.x0 - t, f.bottom - t, f.x1 + t, f.bottom + t),
            Rect(f.x0 - t, f.top - t, f.x0 + t, f.bottom + t), Rect(f.x1 - t, f.top - t, f.x1 + t, f.bottom + t)]


def _overlap(a0: float, a1: float, b0: float, b1: float) -> float:
    return min(a1, b1) - max(a0, b0)


def _furniture(reading: PageReading, repeated: set[str]) -> set[int]:
    """Lines that repeat across pages or that the shared classifier reads as
    furniture (dates, 第N版, 责任编辑), in the top or bottom band or outside all
    the running text; and short lines smaller than a headline in a band and
    outside the running text: the masthead zone above the first body line,
    the folio zone below the last."""
    body = reading.body
    plain = [ln for ln in reading.lines if not ln.vertical and abs(ln.size - body) <= 0.05 * body
             and len(ln.text) >= 8]
    first = min((ln.top for ln in plain), default=reading.objects.height)
    last = max((ln.bottom for ln in plain), default=0.0)
    banded = {id(ln) for ln in reading.band}
    # a line standing right over or under a headline is its kicker or subtitle, not furniture
    heads = [ln for ln in reading.lines if ln.size >= C.DISPLAY * body and not ln.vertical]
    out = set()
    continued = _continued_heads(reading.lines)
    for ln in reading.lines:
        text = ln.text.strip()
        if id(ln) in continued:
            continue
        outside = ln.bottom < first - body or ln.top > last + body
        headed = any(-0.5 * ln.size <= max(h.top - ln.bottom, ln.top - h.bottom) <= C.GROUP_GAP * ln.size
                     and h.size > ln.size and _overlap(h.x0, h.x1, ln.x0, ln.x1) > 0 for h in heads)
        byline = DEFAULT_PROFILE.markers.parse_byline_line(text) is not None
        if (id(ln) in banded or outside) and (band_key(text) in repeated and not (byline and headed)
                                              and not _closes_text(ln, reading.lines, body)
                                              or DEFAULT_PROFILE.markers.is_furniture(text)):
            # (a byline under a headline may come back on another page: 本报评论员 signs each commentary)
            out.add(id(ln))
        elif id(ln) in banded and outside and len(text) <= 30 and ln.size < C.DISPLAY * body and not ln.vertical \
                and not byline and not headed and not _closes_text(ln, reading.lines, body) \
                and not _runs_on(ln, reading.lines, banded):  # a □ byline, a poem's first line stay
            out.add(id(ln))
    out -= _signed_dates(reading.lines, out)
    return out | _masthead(reading, out)


_DATE_ONLY = re.compile(r"\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*")


def _signed_dates(lines: list[PLine], furniture: set[int]) -> set[int]:
    """A date alone on its line, set flush right under a line of text at its pitch, is
    the date of a notice's 落款 (``区人民武装部`` / ``2023年6月15日``), not the page's."""
    out = set()
    for ln in lines:
        if id(ln) not in furniture or not _DATE_ONLY.fullmatch(ln.text):
            continue
        if any(id(a) not in furniture and abs(a.size - ln.size) <= 0.05 * ln.size and abs(a.x1 - ln.x1) <= ln.size
               and 0 <= ln.top - a.bottom <= C.GROUP_GAP * ln.size for a in lines):
            out.add(id(ln))
    return out


def _continued_heads(lines: list[PLine]) -> set[int]:
    """A story continued from another page opens with its marker (``（上接第3版）``) under
    its headline repeated, or shortened, from that page (``直播间里卖出好价钱——`` /
    ``小杂粮搭上电商快车`` / ``（上接第3版）``): those lines come back on the other page
    and may stand in a band, yet they are no running head.  The marker line and the
    lines stacked over it (each within ``GROUP_GAP`` of its em, overlapping in x)."""
    markers = DEFAULT_PROFILE.markers
    out: set[int] = set()
    for ln in lines:
        text = ln.text.strip()
        spans = markers.find_jumps(text)
        if len(spans) != 1 or spans[0] != (0, len(text)) or not markers.continues_from(text):
            continue
        out.add(id(ln))
        cur = ln
        while True:
            up = max((a for a in lines if id(a) not in out and 0 <= cur.top - a.bottom <= C.GROUP_GAP * a.size
                      and _overlap(a.x0, a.x1, cur.x0, cur.x1) > 0), key=lambda a: a.bottom, default=None)
            if up is None:
                break
            out.add(id(up))
            cur = up
    return out


def _closes_text(ln: PLine, lines: list[PLine], body: float) -> bool:
    """The end of a paragraph that runs on into a band (a tall page's band holds many
    lines): under a body line at its pitch and left edge, that ends no sentence
    (``桥、老驿站等遗迹10余`` / ``处。``), or a story's closing byline in brackets under
    its last line (``财产安全。`` / ``（叶红阳）``).  Such a line may come back on another
    page; it is text, not a running head."""
    closing = DEFAULT_PROFILE.markers.parse_bracketed_byline(ln.text) is not None
    for a in lines:
        if abs(a.x0 - ln.x0) <= 0.5 * ln.size and abs(a.size - body) <= 0.05 * body \
                and abs(ln.size - body) <= 0.05 * body and 0 <= ln.top - a.bottom <= C.GROUP_GAP * ln.size \
                and (closing or len(a.text) >= 8 and not a.text.rstrip().endswith(C.PARAGRAPH_ENDS)):
            return True
    return False


def _runs_on(ln: PLine, lines: list[PLine], banded: set[int]) -> bool:
    """A line whose column goes on below the band at its pitch (a poem's first lines
    under its title, however many of them the band holds): text, not furniture."""
    cur: PLine | None = ln
    while cur is not None:
        here, cur = cur, None
        for nxt in lines:
            if abs(nxt.x0 - here.x0) <= 0.5 * here.size and abs(nxt.size - here.size) <= 0.05 * here.size \
                    and 0 <= nxt.top - here.bottom <= C.GROUP_GAP * here.size:
                if id(nxt) not in banded:
                    return True
                cur = nxt
                break
    return False


def _masthead(reading: PageReading, furniture: set[int]) -> set[int]:
    """The masthead block: lines the classifier reads as furniture (合办：…,
    责任编辑…) stacked under furniture lines below the band, and the paper's or
    the page's name (a display line in the top band) stacked against them.
    Stacked means at most ``GROUP_GAP`` of the smaller size apart, overlapping in
    x; the block stops at the first white."""
    limit = C.BAND * reading.objects.height
    markers = DEFAULT_PROFILE.markers
    cands = [ln for ln in reading.lines if not ln.vertical and id(ln) not in furniture
             and ((ln.size >= C.DISPLAY * reading.body and ln.top < limit) or markers.is_furniture(ln.text.strip()))]
    def stacked(ln: PLine, f: PLine) -> bool:
        gap = max(ln.top - f.bottom, f.top - ln.bottom)
        return _overlap(f.x0, f.x1, ln.x0, ln.x1) > 0 and -0.5 * min(ln.size, f.size) <= gap <= C.GROUP_GAP * min(ln.size, f.size)

    found = set(furniture)
    known = [ln for ln in reading.lines if id(ln) in furniture]
    # a name in the top band over a line the classifier reads as furniture (中共…委主办, a date) starts one too
    named = [ln for ln in cands if ln.size >= C.DISPLAY * reading.body
             and any(stacked(f, ln) for f in cands if f.size < C.DISPLAY * reading.body)]
    known += named
    found.update(id(ln) for ln in named)
    cands = [ln for ln in cands if id(ln) not in found]
    while cands:
        took = [ln for ln in cands if any(stacked(ln, f) for f in known)]
        if not took:
            break
        found.update(id(ln) for ln in took)
        known = took
        cands = [ln for ln in cands if id(ln) not in found]
    return found


def _frame_of(frames: Sequence[Rect], x: float, y: float) -> int:
    """The innermost frame holding a point (-1: none); frames keep their stories in."""
    best, area = -1, float("inf")
    for i, f in enumerate(frames):
        if f.x0 <= x <= f.x1 and f.top <= y <= f.bottom and f.width * f.height < area:
            best, area = i, f.width * f.height
    return best


def _separated_y(rules: Sequence[Rect], x0: float, x1: float, y0: float, y1: float) -> bool:
    """A horizontal separator between heights y0 < y1 across most of [x0, x1]."""
    for r in rules:
        if r.width >= r.height and y0 - 1 <= (r.top + r.bottom) / 2 <= y1 + 1 \
                and _overlap(r.x0, r.x1, x0, x1) >= 0.5 * (x1 - x0):
            return True
    return False


def _separated_x(rules: Sequence[Rect], y0: float, y1: float, x0: float, x1: float) -> bool:
    for r in rules:
        if r.height > r.width and x0 - 1 <= (r.x0 + r.x1) / 2 <= x1 + 1 \
                and _overlap(r.top, r.bottom, y0, y1) >= 0.5 * (y1 - y0):
            return True
    return False


def layout_page(reading: PageReading, repeated: set[str], source: str | None) -> PageLayout:
    page = reading.objects
    body = reading.body
    furniture = _furniture(reading, repeated)
    rules = list(page.rules) + [e for f in page.frames for e in _edges(f)]
    frames = page.frames
    content = [ln for ln in reading.lines if id(ln) not in furniture]
    display = [ln for ln in content if ln.vertical or ln.size >= C.DISPLAY * body]
    plain = [ln for ln in content if not (ln.vertical or ln.size >= C.DISPLAY * body)]
    groups = group_headlines(display)
    groups, subheads = _demote_subheads(groups, plain, body)
    taken = adopt_neighbours(groups, plain, body)
    plain = [ln for ln in plain if id(ln) not in taken] + subheads
    blocks = [Block(b) for leaf in xy_cut(plain, rules, C.CUT_X * body, C.CUT_Y * body)
              for b in _split_by_style(leaf)]
    subheads += _subhead_blocks(blocks, body)
    blocks, titles = _section_titles(blocks, body)
    subheads += titles
    images = [_Thing(r.x0, r.top, r.x1, r.bottom) for r in page.images]
    _mark_captions(blocks, images, body)

    gframes = [_frame_of(frames, (g.x0 + g.x1) / 2, (g.top + g.bottom) / 2) for g in groups]
    white = _story_white(blocks, body)
    reach = [_reach(g, content, images, rules, body, white) for g in groups]
    things: list[Block | _Thing] = [*blocks, *images]
    for thing in things:
        thing.owner = _owner(thing, groups, gframes, reach, frames, rules, body)
    _band_owner(blocks, groups, rules, body)
    _inherit(blocks, rules, body, white)
    loose = _loose_regions(blocks, rules, body, len(groups), white)
    nregions = len(groups) + loose
    for img in images:
        if img.owner is None:
            img.owner = _owner_by_touch(img, blocks)
    _mark_credited(blocks, len(groups))
    for b in blocks:  # a caption goes with its picture
        if b.caption:
            pic = _touching_image(b, images, body)
            if pic is not None and pic.owner is not None:
                b.owner = pic.owner

    members: list[list[Block]] = [[] for _ in range(nregions)]
    for b in blocks:
        if b.owner is not None:
            members[b.owner].append(b)
    boxes = []
    for r in range(nregions):
        extent: list[tuple[float, float, float, float]] = [(b.x0, b.top, b.x1, b.bottom) for b in members[r]]
        if r < len(groups):
            g = groups[r]
            extent.append((g.x0, g.top, g.x1, g.bottom))
        extent += [(i.x0, i.top, i.x1, i.bottom) for i in images if i.owner == r]
        boxes.append(Box(min(t[0] for t in extent), min(t[1] for t in extent),
                         max(t[2] for t in extent), max(t[3] for t in extent)) if extent else Box(0, 0, 0, 0))
    order = sorted(range(nregions), key=lambda r: (round(boxes[r].y0 / (3 * body)), boxes[r].x0))
    renumber = {old: new for new, old in enumerate(order)}

    out: list[TextLine] = []
    out += [_text_line(ln, Role.FURNITURE, None, None, None) for ln in reading.lines
            if id(ln) in furniture and ln.top < page.height / 2]
    sub_of = {id(ln): ln for ln in subheads}
    indent_style = _indent_style(blocks)
    edges = _column_edges(blocks)
    for old in order:
        region = renumber[old]
        if old < len(groups):
            g = groups[old]
            out += [_text_line(ln, Role.KICKER, region, None, None) for ln in g.kicker]
            out += [_text_line(ln, Role.HEADLINE, region, None, None) for ln in g.main]
            out += [_text_line(ln, Role.SUBTITLE, region, None, None) for ln in g.subtitle]
            out += [_text_line(ln, Role.BYLINE, region, None, None) for ln in g.byline]
        text_blocks = [b for b in members[old] if not b.caption]
        ordered = [blk for leaf in xy_cut(text_blocks, rules, 0.01, 0.01) for blk in leaf]
        column = -1
        prev: Block | None = None
        for blk in ordered:
            if prev is None or blk.x0 >= prev.x1 - 1 or blk.x1 <= prev.x0 + 1:
                column += 1
            out += _block_lines(blk, region, column, prev, sub_of, indent_style, old < len(groups),
                                edges.get(id(blk), blk.x0))
            prev = blk
        for blk in members[old]:
            if blk.caption:  # one caption, one paragraph
                out += [_text_line(ln, Role.CAPTION, region, None, i == 0) for i, ln in enumerate(blk.lines)]
    # headline-less leftovers (blocks no region took) keep their text on the page
    for blk in blocks:
        if blk.owner is None:
            out += _block_lines(blk, None, None, None, sub_of, indent_style, False, edges.get(id(blk), blk.x0))
    out += [_text_line(ln, Role.FURNITURE, None, None, None) for ln in reading.lines
            if id(ln) in furniture and ln.top >= page.height / 2]
    return PageLayout(
        number=page.number,
        lines=tuple(out),
        source=source,
        width=page.width,
        height=page.height,
        images=tuple(ImageBox(Box(i.x0, i.top, i.x1, i.bottom), renumber.get(i.owner) if i.owner is not None
                              else None) for i in images),
        regions=tuple(boxes[old] for old in order),
    )


def _text_line(ln: PLine, hint: Role | None, region: int | None, column: int | None,
               starts: bool | None) -> TextLine:
    return TextLine(ln.text, box=Box(ln.x0, ln.top, ln.x1, ln.bottom), size=ln.size, bold=ln.bold,
                    font=ln.font or None, column=column, region=region, hint=hint, starts_paragraph=starts)


def _split_by_style(lines: list[PLine]) -> list[list[PLine]]:
    """A change of size or font between two lines of a leaf is a block boundary
    (a caption set in 楷体 straight under body text, a subhead in 黑体)."""
    out: list[list[PLine]] = [[lines[0]]]
    for prev, ln in zip(lines, lines[1:]):
        if _restyled(prev, ln):
            out.append([ln])
        else:
            out[-1].append(ln)
    return out


def _demote_subheads(groups: list[Group], plain: list[PLine], body: float) -> tuple[list[Group], list[PLine]]:
    """A modest display line set between the body lines of one column is a
    subheading; not when a kicker (——, or a short line with white over it) stands
    over it or a byline or subtitle (——) under it, nor when it has clearly more white above than below (a
    headline opening the next story)."""
    if not groups or not plain:
        return groups, []
    keep, subs = [], []
    for g in groups:
        if g.vertical or g.size >= C.SUBHEAD_MAX * body or len(g.lines) > 2:
            keep.append(g)
            continue
        reach = 2.0 * body
        width = g.x1 - g.x0
        above = [ln for ln in plain if 0 <= g.top - ln.bottom <= reach and _overlap(ln.x0, ln.x1, g.x0, g.x1) > 0.5 * width]
        below = [ln for ln in plain if 0 <= ln.top - g.bottom <= reach and _overlap(ln.x0, ln.x1, g.x0, g.x1) > 0.5 * width]
        if not above or not below or width > max(ln.x1 - ln.x0 for ln in below) * 1.05:
            keep.append(g)
            continue
        over = max(above, key=lambda ln: ln.bottom)
        under = min(below, key=lambda ln: ln.top)
        # a short line over it with white over that is its kicker, set apart with it: no running text
        kicker = len(over.text.strip()) <= C.SUBHEAD_CHARS and not any(
            0 <= over.top - ln.bottom <= C.KICKER_WHITE * over.size and _overlap(ln.x0, ln.x1, over.x0, over.x1) > 0
            for ln in plain)
        heads = over.text.rstrip().endswith(("——", "—")) or under.text.lstrip().startswith(("——", "□", "■")) \
            or DEFAULT_PROFILE.markers.parse_byline_line(under.text) is not None or kicker
        if heads or g.top - over.bottom > 1.5 * (under.top - g.bottom) + 2:
            keep.append(g)
        else:
            subs.extend(g.lines)
    return keep, subs


def _subhead_blocks(blocks: list[Block], body: float) -> list[PLine]:
    """A one-line block set apart from the body by size or weight (黑体 subheads
    are often only a little larger, or bold at body size), or one the shared
    classifier reads as a subheading (“…”, 【…】, 一、…) standing short in its
    column, is a subheading."""
    out = []
    by_top = sorted((a for b in blocks for a in b.lines), key=lambda a: a.top)
    tops = [a.top for a in by_top]
    for b in blocks:
        if len(b.lines) != 1:
            continue
        ln = b.lines[0]
        if len(ln.text) > 40 or ln.text.rstrip().endswith(("。", "；", "，")):
            continue
        if (ln.size > 1.02 * body or ln.bold) or DEFAULT_PROFILE.markers.is_subheading(ln.text) \
                and not _fills_measure(ln, by_top, tops):
            out.append(ln)
    return out


def _section_titles(blocks: list[Block], body: float) -> tuple[list[Block], list[PLine]]:
    """A short line standing alone just over a block of two lines or more, within
    ``GROUP_GAP`` of its em, beside the block's width and at most 4 ems right of it (centred
    in its column over a block set narrower: a season's name over its quatrain, ``春``
    over ``杏花开遍小山村，`` / ``燕子衔泥绕旧门。`` set in from the column's edge), with no
    other block between or beside them, is that block's section title: one block with it,
    the title its first line.  Returns the blocks left and the titles."""
    singles = [b for b in blocks if len(b.lines) == 1 and abs(b.lines[0].size - body) <= 0.05 * body
               and len(b.lines[0].text.strip()) <= C.SECTION_TITLE_CHARS and not _ends_sentence(b.lines[0].text)]
    if not singles:
        return blocks, []
    by_top = sorted(blocks, key=lambda b: b.top)
    tops = [b.top for b in by_top]
    merged: set[int] = set()
    titles: list[PLine] = []
    for h in singles:
        ln = h.lines[0]
        k = bisect.bisect_left(tops, h.bottom)
        under = [b for b in by_top[k:k + C.NEAR_LINES] if b is not h and id(b) not in merged
                 and 0 <= b.top - h.bottom <= C.GROUP_GAP * ln.size]
        for b in under:
            x0, x1 = min(h.x0, b.x0), max(h.x1, b.x1)
            if len(b.lines) < 2 or _overlap(h.x0, h.x1, b.x0, b.x1) > 0 or h.x0 - b.x1 > 4 * ln.size:
                continue
            # nothing beside them: the white between them is no gutter of other columns
            lo = bisect.bisect_left(tops, h.top - 4 * ln.size)
            if any(o is not h and o is not b and _overlap(o.x0, o.x1, x0, x1) > 0
                   and _overlap(o.top, o.bottom, h.top, b.bottom) > 0 for o in by_top[lo:k + C.NEAR_LINES]):
                continue
            b.lines.insert(0, ln)
            b.__post_init__()
            merged.add(id(h))
            titles.append(ln)
            break
    return [b for b in blocks if id(b) not in merged], titles


def _fills_measure(ln: PLine, by_top: list[PLine], tops: list[float]) -> bool:
    """A line running to the right edge of a line just over or under it: a paragraph's
    first line read apart from its block (a line across a gutter), not a subheading
    standing short in its column (``四、请于2023年4月15日前将汇总表报区农业农村`` under
    ``三、各乡镇要组织村级逐户核实补贴面积，张榜公示不``, both ending at the measure).
    ``by_top``: the body lines by top (``tops``), searched only near the line."""
    reach = 3 * ln.size  # two lines at an open pitch
    lo, hi = bisect.bisect_left(tops, ln.top - reach), bisect.bisect_right(tops, ln.top + reach)
    return any(a is not ln and abs(a.x1 - ln.x1) <= C.FLUSH * ln.size and _overlap(a.x0, a.x1, ln.x0, ln.x1) > 0
               for a in by_top[lo:hi][:C.NEAR_LINES])


def _touching_image(b: Block, images: list[_Thing], body: float) -> _Thing | None:
    reach = C.CAPTION_GAP * body
    for img in images:
        xo = _overlap(b.x0, b.x1, img.x0, img.x1)
        yo = _overlap(b.top, b.bottom, img.top, img.bottom)
        below = -2 <= b.top - img.bottom <= reach or -2 <= img.top - b.bottom <= reach
        beside = -2 <= b.x0 - img.x1 <= reach or -2 <= img.x0 - b.x1 <= reach
        if (below and xo >= 0.5 * b.width) or (beside and yo >= 0.5 * (b.bottom - b.top)
                                                and b.bottom >= img.bottom - 2 * body):
            return img
    return None


def _mark_captions(blocks: list[Block], images: list[_Thing], body: float) -> None:
    """A short block touching a picture is its caption (the credit included)."""
    if not images:
        return
    for b in blocks:
        if len(b.lines) <= 6 and _touching_image(b, images, body) is not None:
            text = "".join(ln.text for ln in b.lines)
            if len(b.lines) <= C.CAPTION_LINES or DEFAULT_PROFILE.markers.find_caption(text) is not None:
                b.caption = True


def _mark_credited(blocks: list[Block], headed: int) -> None:
    """A block of at most ``CAPTION_LINES`` lines ending with a photo's credit (``… 王晶晶 摄``,
    ``…岚县团委供图``) is a caption though its picture is not in the PDF (a placeholder left
    out, an image on a layer of its own): a story's paragraph ends with no credit.  Marked
    after the blocks found their stories, so it stays with the headed one it was set in
    (one standing alone is a picture of the page, read as such from its text)."""
    for b in blocks:
        if not b.caption and b.owner is not None and b.owner < headed and len(b.lines) <= C.CAPTION_LINES \
                and DEFAULT_PROFILE.markers.find_credit("".join(ln.text for ln in b.lines)) is not None:
            b.caption = True


def _story_white(blocks: list[Block], body: float) -> float:
    """The white that ends a story down its column: ``CONTINUE_GAP`` ems, or on a page
    set with open leading, a blank line's room and half an em more (two line pitches
    less a line: at 1.8 ems' pitch a story's blank line before a caption whose picture
    is not in the PDF is 2.6 ems of white, and the story goes on under it)."""
    steps = sorted(b.top - a.top for blk in blocks for a, b in zip(blk.lines, blk.lines[1:])
                   if abs(a.size - body) <= 0.05 * body and 0 < b.top - a.top < 3 * body)
    if not steps:
        return C.CONTINUE_GAP * body
    pitch = steps[len(steps) // 2]
    return max(C.CONTINUE_GAP * body, 2 * pitch - body + C.BLANK_LINE_SLACK * body)


def _reach(g: Group, lines: list[PLine], images: list[_Thing], rules: Sequence[Rect], body: float,
           white: float) -> float:
    """How far down a headline's story can run: to the first rule across its
    width, or the first band of white across its width (a gap of
    ``white`` deep that no line, picture or subhead crosses: see :func:`_story_white`)."""
    if g.vertical:
        return float("inf")
    x0, x1 = g.x0, g.x1
    # the story is as wide as the lines just under the headline (a short centred
    # headline over full-width columns)
    for ln in lines:
        if 0 <= ln.top - g.bottom <= C.BAND_START * body and _overlap(ln.x0, ln.x1, g.x0, g.x1) > 0:
            x0, x1 = min(x0, ln.x0), max(x1, ln.x1)
    limit = float("inf")
    for r in rules:
        if r.width >= r.height and r.top >= g.bottom - 1 and _overlap(r.x0, r.x1, x0, x1) >= 0.5 * (x1 - x0):
            limit = min(limit, r.top)
    occupied: list[PLine | _Thing] = [*lines, *images]
    spans = sorted((t.top, t.bottom) for t in occupied
                   if t.top >= g.bottom - 1 and t.top < limit and _overlap(t.x0, t.x1, x0, x1) > 0)
    edge = g.bottom
    for top, bottom in spans:
        if top - edge >= white:
            return min(limit, edge + white)
        edge = max(edge, bottom)
    return limit


def _owner(thing: Block | _Thing, groups: list[Group], gframes: list[int], reach: list[float],
           frames: Sequence[Rect], rules: Sequence[Rect], body: float) -> int | None:
    """The headline this block stands under (or left of, for a 竖题), nearest first."""
    frame = _frame_of(frames, (thing.x0 + thing.x1) / 2, (thing.top + thing.bottom) / 2)
    width = max(thing.x1 - thing.x0, 0.1)
    best, dist = None, float("inf")
    for k, g in enumerate(groups):
        if gframes[k] != frame:
            continue
        if g.vertical:
            d = g.x0 - thing.x1
            if d < -body or _overlap(thing.top, thing.bottom, g.top - body, float("inf")) <= 0:
                continue
            if thing.top > g.bottom + 30 * body or _separated_x(rules, thing.top, thing.bottom, thing.x1, g.x0):
                continue
        else:
            d = thing.top - g.bottom
            if thing.top > reach[k]:
                continue
            if d < -0.5 * body or _overlap(thing.x0, thing.x1, g.x0, g.x1) < C.UNDER_SHARE * min(width, g.x1 - g.x0):
                continue
            if _separated_y(rules, thing.x0, thing.x1, g.bottom, thing.top):
                continue
        if d < dist:
            best, dist = k, d
    return best


def _band_owner(blocks: list[Block], groups: list[Group], rules: Sequence[Rect], body: float) -> None:
    """A centred headline narrower than its story still heads the columns that
    start right under it: a block no headline stands over, opening within
    ``BAND_START`` ems below a headline's foot, joins the nearest such headline
    that no rule separates it from."""
    for b in blocks:
        if b.owner is not None or b.caption:
            continue
        best, dist = None, float("inf")
        for k, g in enumerate(groups):
            if g.vertical or not 0 <= b.top - g.bottom <= C.BAND_START * body:
                continue
            dx = max(g.x0 - b.x1, b.x0 - g.x1, 0.0)
            if dx < dist and not _separated_x(rules, g.top, b.bottom, min(b.x1, g.x1), max(b.x0, g.x0)):
                best, dist = k, dx
        b.owner = best
    _side_by_side(blocks, groups, rules, body)


def _side_by_side(blocks: list[Block], groups: list[Group], rules: Sequence[Rect], body: float) -> None:
    """A story's columns start at one height: a block no headline took, opening
    within ``SAME_START`` ems of the top of a headed story's opening block beside it,
    or of one of its first lines under at most ``PUSHED_LINES`` lines laid across
    its top (below that headline, no rule between), is one more column of that story
    (its headline narrower than its columns, a caption laid across its top)."""
    firsts = [a for a in blocks if a.owner is not None and a.owner < len(groups) and not a.caption
              and a.top - groups[a.owner].bottom <= 2 * C.BAND_START * body]
    for b in sorted(blocks, key=lambda x: x.top):
        if b.owner is not None or b.caption:
            continue
        best, dist = None, float("inf")
        for a in firsts:
            k = a.owner
            assert k is not None
            g = groups[k]
            # (a line or two laid across its top, a caption, pushes the first column's text down)
            if g.vertical or b.top < g.bottom or min(abs(b.top - ln.top) for ln in a.lines[:C.PUSHED_LINES + 1]) \
                    > C.SAME_START * body:
                continue
            dx = max(a.x0 - b.x1, b.x0 - a.x1, 0.0)
            if dx < dist and not _separated_x(rules, min(a.top, b.top), max(a.bottom, b.bottom),
                                               min(a.x1, b.x1), max(a.x0, b.x0)):
                best, dist = k, dx
        b.owner = best


def _above(b: Block, blocks: list[Block], rules: Sequence[Rect], body: float, white: float) -> Block | None:
    best, dist = None, float("inf")
    for a in blocks:
        if a is b or a.caption:
            continue
        d = b.top - a.bottom
        if -0.5 * body <= d < dist and d <= white \
                and _overlap(a.x0, a.x1, b.x0, b.x1) >= 0.5 * min(a.width, b.width) \
                and not _separated_y(rules, b.x0, b.x1, a.bottom, b.top):
            best, dist = a, d
    return best


def _inherit(blocks: list[Block], rules: Sequence[Rect], body: float, white: float) -> None:
    """A block without a headline joins the article directly above it in its
    column, unless it opens with a dateline: that is a new story."""
    for b in sorted(blocks, key=lambda x: x.top):
        if b.owner is None and not b.caption and DEFAULT_PROFILE.markers.find_dateline(
                "".join(ln.text for ln in b.lines[:3])) is None:
            a = _above(b, blocks, rules, body, white)
            if a is not None and a.owner is not None:
                b.owner = a.owner


def _loose_regions(blocks: list[Block], rules: Sequence[Rect], body: float, start: int, white: float) -> int:
    """Blocks no headline took form headline-less articles: a column run, and
    runs side by side at one height with no rule between them, are one."""
    made = 0
    runs: list[list[Block]] = []
    for b in sorted(blocks, key=lambda x: x.top):
        if b.owner is not None or b.caption:
            continue
        a = _above(b, blocks, rules, body, white)
        home = next((run for run in runs if a is not None and a in run), None)
        if home is None:
            runs.append([b])
        else:
            home.append(b)
    region_of: dict[int, int] = {}
    for k, run in enumerate(runs):
        head = run[0]
        for j in range(k):
            other = runs[j][0]
            if abs(other.top - head.top) <= 1.5 * body and not _separated_x(
                    rules, head.top, head.bottom, min(other.x1, head.x1), max(other.x0, head.x0)):
                region_of[k] = region_of[j]
                break
        else:
            region_of[k] = start + made
            made += 1
        for b in run:
            b.owner = region_of[k]
    return made


def _owner_by_touch(img: _Thing, blocks: list[Block]) -> int | None:
    best, dist = None, float("inf")
    for b in blocks:
        if b.owner is None:
            continue
        d = max(b.top - img.bottom, img.top - b.bottom, b.x0 - img.x1, img.x0 - b.x1, 0)
        if d < dist:
            best, dist = b.owner, d
    return best


def _indent_style(blocks: list[Block]) -> bool:
    """Whether the page marks paragraphs by a first-line indent (Chinese
    typesetting's norm) rather than by short last lines and leading alone."""
    indented = 0
    for b in blocks:
        if len(b.lines) < 2:
            continue
        left = min(ln.x0 for ln in b.lines)
        indented += sum(1 for ln in b.lines if C.INDENT * ln.size <= ln.x0 - left <= 4 * ln.size)
    return indented >= 2


def _restyled(a: PLine, b: PLine) -> bool:
    return abs(a.size - b.size) > C.RESTYLE * a.size or a.font != b.font or a.bold != b.bold


def _column_edges(blocks: list[Block]) -> dict[int, float]:
    """Each block's column edge: the leftmost start of the blocks standing in its column
    (sharing half of the narrower width), so that a block set in from it shows."""
    out = {}
    spans = sorted(((b.x0, b.x1) for b in blocks if not b.caption))
    for b in blocks:
        left = b.x0
        for x0, x1 in spans:
            if x0 >= left:
                break
            if _overlap(x0, x1, b.x0, b.x1) >= 0.5 * min(x1 - x0, b.width):
                left = x0
        out[id(b)] = left
    return out


def _block_lines(blk: Block, region: int | None, column: int | None, prev: Block | None,
                 sub_of: dict[int, PLine], indent_style: bool, headed: bool, edge: float) -> list[TextLine]:
    """The block's lines with their paragraph starts.

    Where the page indents paragraphs, an indent starts one (and the first
    line of an article); otherwise a short line before, extra leading, and a
    block's first line unless it continues the previous block's paragraph into
    a new column.  A headline-less article whose first line is not indented
    opens mid-paragraph: it goes on from a previous page.
    """
    lines = blk.lines
    left = min(ln.x0 for ln in lines)
    # a section title read as the block's first line (see _section_titles) sets no measure
    right = max(ln.x1 for ln in lines if id(ln) not in sub_of) if any(id(ln) not in sub_of for ln in lines) \
        else max(ln.x1 for ln in lines)
    pitches = sorted(b.top - a.top for a, b in zip(lines, lines[1:]))
    pitch = pitches[len(pitches) // 2] if pitches else None
    # set ragged, lines ending anywhere but at a common right edge: verse, a line a paragraph.
    # Prose may hang punctuation past its edge or overrun it where the font misreports a
    # width, so it is also measured from where its middle line ends, more loosely.
    measure = sorted((ln.x1 for ln in lines), reverse=True)[1] if len(lines) > 1 else right
    ragged = sum(1 for ln in lines if right - ln.x1 <= C.FLUSH * ln.size) < 0.5 * len(lines) and sum(
        1 for ln in lines if measure - ln.x1 <= C.FLUSH_MIDDLE * ln.size) < C.MIDDLE_SHARE * len(lines)
    # a poem set in from its column's edge, every line at one indent: no line goes back to the
    # edge, as a paragraph's do, and none is indented beyond the others, as a paragraph's first is
    # (its section titles, few, set further in and ending off the measure: ``（一）谷子`` centred
    # over its lines, where a paragraph's indented first line runs to the measure)
    start = min(ln.x0 for ln in lines)
    inset = start - edge >= C.INDENT * lines[0].size and sum(
        1 for ln in lines if abs(ln.x0 - start) > C.FLUSH * ln.size) <= C.VERSE_HEAD_SHARE * len(lines) and all(
        abs(ln.x0 - start) <= C.FLUSH * ln.size or abs(right - ln.x1) > C.SHORT_LINE * ln.size for ln in lines)
    verse = len(lines) >= C.VERSE_LINES and (ragged or inset) and sum(
        1 for ln in lines if measure - ln.x1 > C.FLUSH_MIDDLE * ln.size
        and not ln.text.rstrip().endswith(C.PARAGRAPH_ENDS)) >= C.VERSE_OPEN
    # classical verse set in (绝句: 杏花开遍小山村， / 燕子衔泥绕旧门。): lines of one length, each
    # ending a clause, where prose broken at the measure ends its lines anywhere
    verse = verse or (inset and len(lines) >= C.VERSE_LINES
                      and all(ln.text.rstrip().endswith(C.CLAUSE_ENDS) for ln in lines if id(ln) not in sub_of))
    # a 落款 set flush right, each line starting where its length puts it (区农业农村局 /
    # 区财政局 / 2023年3月20日): a line a paragraph, where prose lines go back to one edge
    signed = len(lines) >= 3 and all(right - ln.x1 <= C.FLUSH * ln.size for ln in lines) \
        and len({round(ln.x0 / (C.FLUSH * ln.size)) for ln in lines}) == len(lines)
    out = []
    centred: list[int] = []
    for i, ln in enumerate(lines):
        em = ln.size
        before = lines[i - 1] if i else None
        indented = C.INDENT * em <= ln.x0 - left <= 4 * em
        gap = before is not None and pitch is not None and ln.top - before.top > C.PARAGRAPH_GAP * pitch
        if prev is None and i == 0:
            starts = headed or indented or not indent_style
        elif id(ln) in sub_of or gap:
            starts = True
        elif i == 0:
            assert prev is not None
            last = prev.lines[-1]
            new_column = blk.x0 >= prev.x1 - 1 or blk.x1 <= prev.x0 + 1
            # down one column, a block boundary is white space: a new paragraph (or a caption)
            starts = (not new_column or indented or _restyled(last, ln)
                      or last.x1 < prev.x1 - (C.SHORT_LINE_INDENTED if indent_style else C.SHORT_LINE) * last.size)
            if not new_column and not indented and not _restyled(last, ln) \
                    and ln.top - last.bottom < C.CUT_Y * em and not last.text.rstrip().endswith(C.PARAGRAPH_ENDS):
                # ...but blocks parted with no white between them (a caption line laid across the
                # gutter, read apart) go on where the line above ends no sentence
                starts = False
            if new_column and not starts and last.text.rstrip().rstrip(C.QUOTE_CLOSE).endswith(C.FULL_STOPS) \
                    and _credited_top(lines, right):
                starts = True  # a caption set at the column's top, its picture not in the PDF
        elif indent_style:
            starts = indented or before is not None and before.x1 < right - C.SHORT_LINE_INDENTED * em \
                and not _pushed_over(before, ln, right)
        else:
            starts = indented or before is not None and before.x1 < right - C.SHORT_LINE * em \
                and not _pushed_over(before, ln, right)
        # a paragraph's lines go back to the measure's left edge: a line set further in than any
        # indent (a 落款 set flush right, a centred line) is one of its own, and so is the line after it
        if ln.x0 - left > C.SET_APART * em or (before is not None and before.x0 - left > C.SET_APART * before.size):
            starts = True
        if verse or signed:
            starts = True
        hint = Role.SUBHEADING if id(ln) in sub_of else None
        if hint is None and (_centred_head(lines, i, left, right, indent_style) or _flush_head(lines, i, left)):
            centred.append(i)
        out.append(_text_line(ln, hint, region, column, starts))
    if verse:
        centred += _verse_heads(lines)
    else:  # a wrapped subheading's centred second line is no subheading of its own
        out = _wrapped_heads(out, lines, left, right)
    for i in centred:
        if out[i].hint is None and not (i and out[i - 1].hint is Role.SUBHEADING and not out[i].starts_paragraph):
            out[i] = evolve(out[i], hint=Role.SUBHEADING, starts_paragraph=True)
    if verse and region is not None:  # a line a paragraph, a quoted one no subheading
        out = [ln if ln.hint is not None else evolve(ln, hint=Role.VERSE) for ln in out]
    return _bracketed(out)


_UNBROKEN = re.compile(r"[0-9A-Za-z×.:\-—–%/+]")


def _pushed_over(before: PLine, ln: PLine, right: float) -> bool:
    """A line ending short because the word opening the next one, a run of digits or Latin
    that is never broken (with the stop after it, which never opens a line), did not fit
    in the white left: ``燃气抢修：`` / ``0358-8241119。``, ``联系电话：`` /
    ``139××××5678，`` in a narrow column.  No paragraph ends there."""
    if before.text.rstrip().endswith(C.FULL_STOPS):
        return False
    gs = sorted((g for g in ln.glyphs if not g.text.isspace()), key=lambda g: g.x0)
    n = 0
    while n < len(gs) and _UNBROKEN.fullmatch(gs[n].text):
        n += 1
    if n < 2:
        return False
    if n < len(gs) and gs[n].text in C.LINE_START_BANNED:
        n += 1
    return gs[n - 1].x1 - gs[0].x0 > right - before.x1


def _credited_top(lines: list[PLine], right: float) -> bool:
    """The column opens with a caption, not with the paragraph running on from the column
    before (whose last line ended a sentence): its first lines, at most ``CAPTION_LINES``,
    end with a photo's credit, short of the measure (``治理后的三川河城区段水清岸`` /
    ``绿。 岚县团委供图``, then the next paragraph indented) or on a line of their own
    (``…交通安全知识。`` / ``钱欢鑫 摄``)."""
    markers = DEFAULT_PROFILE.markers
    for n in range(1, min(C.CAPTION_LINES + 1, len(lines)) + 1):
        last = lines[n - 1]
        if n > 1 and markers.credit_only(last.text) is not None:
            return True
        if right - last.x1 > C.SHORT_LINE * last.size \
                and markers.find_credit("".join(ln.text for ln in lines[:n])) is not None:
            return True
    return False


def _centred_head(lines: list[PLine], i: int, left: float, right: float, indent_style: bool = True) -> bool:
    """A short body-size line centred in its column, ending no sentence, with an
    indented paragraph under it, is a subheading (``（一）一个人，一把锹`` set over
    the next section): a paragraph's lines start flush or at the indent.  Where it
    stands at the indent (a one-line paragraph ending an indent short of the
    measure looks centred too) the paragraph over it must have ended."""
    ln, em = lines[i], lines[i].size
    if not i < len(lines) - 1 or len(ln.text.strip()) > C.SUBHEAD_CHARS:
        return False
    if not _centred(ln, left, right, C.CENTRED_SHORT):
        return False
    nxt = lines[i + 1]
    if _ends_sentence(ln.text) or not C.INDENT * em <= nxt.x0 - left <= 4 * em:
        return False
    at_indent = indent_style and abs((ln.x0 - left) - (nxt.x0 - left)) <= C.CENTRED_OFF_INDENT * em
    return not at_indent or (i > 0 and lines[i - 1].text.rstrip().endswith(C.SENTENCE_ENDS))


def _flush_head(lines: list[PLine], i: int, left: float) -> bool:
    """A line in a subheading's form (``（一）电话铃响，分秒必争``, ``一、…``, ``“…”``) set flush
    left, ending no sentence, between a paragraph that has ended (or the block's top) and an
    indented one, is a subheading: a paragraph ending at its line's end ends a sentence."""
    ln, em = lines[i], lines[i].size
    if i == len(lines) - 1 or ln.x0 - left > C.FLUSH * em or _ends_sentence(ln.text):
        return False
    text = ln.text.strip()
    if len(text) > C.SUBHEAD_CHARS or not DEFAULT_PROFILE.markers.subheading_form(text):
        return False
    return C.INDENT * em <= lines[i + 1].x0 - left <= 4 * em and (i == 0 or _ends_sentence(lines[i - 1].text))


def _verse_heads(lines: list[PLine]) -> list[int]:
    """In a poem, a short line set in from the edge most of its lines start at
    (``芒种``, ``（一）谷子``, ``“芒种”`` centred over a section), ending no sentence, is a
    section's title, where few lines are set in (``VERSE_HEAD_SHARE``: a poem that
    indents every other line indents no titles)."""
    edge = Counter(round(ln.x0) for ln in lines).most_common(1)[0][0]
    found = [i for i, ln in enumerate(lines) if ln.x0 - edge >= C.CENTRED_MIN * ln.size]
    if len(found) > C.VERSE_HEAD_SHARE * len(lines):
        return []
    return [i for i in found if len(lines[i].text.strip()) <= C.SUBHEAD_CHARS
            and not _ends_sentence(lines[i].text)]


def _ends_sentence(text: str) -> bool:
    """Whether a line ends a sentence; a heading wholly in quotes (``“芒种”``) ends its quote."""
    t = text.strip()
    if len(t) > 2 and t.startswith(C.QUOTE_OPEN) and t.endswith(C.QUOTE_CLOSE):
        t = t[1:-1]
    return t.endswith(C.SENTENCE_ENDS)


def _centred(ln: PLine, left: float, right: float, margin: float) -> bool:
    before, after = ln.x0 - left, right - ln.x1
    return before >= margin * ln.size and after >= margin * ln.size \
        and abs(before - after) <= C.CENTRED_TOLERANCE * ln.size


def _wrapped_heads(out: list[TextLine], lines: list[PLine], left: float, right: float) -> list[TextLine]:
    """A subheading too long for its column wraps onto a short line centred under it
    (``（一）电话铃响，分`` / ``秒必争``); a paragraph's second line goes back to the
    left edge.  So a paragraph's first line followed by a centred line, neither
    ending a sentence, together at most ``SUBHEAD_CHARS`` long, with a new
    paragraph (or the block's end) after them, is one subheading."""
    for i in range(len(out) - 1):
        first, second = lines[i], lines[i + 1]
        a, b = first.text.strip(), second.text.strip()
        # a quoted heading (“我们的时间，要以年来计” / 算”) closes its quote, not a sentence;
        # the first line opens the heading: a new paragraph, or flush left after a sentence ended
        opens = out[i].starts_paragraph or (first.x0 - left <= C.FLUSH * first.size and (
            i == 0 or lines[i - 1].text.rstrip().endswith(C.SENTENCE_ENDS)))
        if not opens or out[i].hint is not None or out[i + 1].hint is not None or b.startswith(C.SUBHEAD_OPEN) \
                or DEFAULT_PROFILE.markers.credit_only(a) is not None \
                or len(a) + len(b) > C.SUBHEAD_CHARS or a.endswith(C.SENTENCE_ENDS) \
                or _ends_sentence(a + b) or second.width >= first.width \
                or not _centred(second, left, right, C.CENTRED_MIN):
            continue
        if i + 2 < len(out) and not out[i + 2].starts_paragraph:
            continue
        out[i] = evolve(out[i], hint=Role.SUBHEADING, starts_paragraph=True)
        out[i + 1] = evolve(out[i + 1], starts_paragraph=False)
    return out


def _bracketed(lines: list[TextLine]) -> list[TextLine]:
    """A 【…】 subheading is a paragraph of its own even where it wraps onto a
    centred second line: the line opening with 【 starts one, the line that
    closes it with 】 goes on with it, and the line after starts the next."""
    out = list(lines)
    for i, ln in enumerate(out[:-1]):
        text, nxt = ln.text.strip(), out[i + 1]
        if text.startswith(C.SUBHEAD_OPEN) and C.SUBHEAD_CLOSE not in text \
                and nxt.text.strip().endswith(C.SUBHEAD_CLOSE) and len(text) + len(nxt.text.strip()) <= C.SUBHEAD_CHARS:
            out[i] = evolve(ln, starts_paragraph=True)
            out[i + 1] = evolve(nxt, starts_paragraph=False)
            if i + 2 < len(out):
                out[i + 2] = evolve(out[i + 2], starts_paragraph=True)
    return out
