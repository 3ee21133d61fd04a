"""Body lines into blocks: separators first, then a recursive XY-cut.

Rules and frame edges are exact vector objects, so a node is cut along one
first when it crosses the whole node with no line straddling it.  Then the
widest whitespace gutter cuts, columns before bands when both exist (a
newspaper is a grid of columns).  Headline lines and images are not in the
input: they are masked, as XY-Cut++ does, because a spanning headline or a
photo would hide the gutters under them.  The leaves are blocks, each a run
of lines of one column.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from typing import Protocol, TypeVar

from .extract import Rect

__all__ = ["Boxed", "xy_cut"]


class Boxed(Protocol):
    """Anything with a box: a line, a block, a region."""

    @property
    def x0(self) -> float: ...
    @property
    def x1(self) -> float: ...
    @property
    def top(self) -> float: ...
    @property
    def bottom(self) -> float: ...


T = TypeVar("T", bound=Boxed)

#: At most this many lines may lie across a gutter that is still cut (see ``_bridged``).
BRIDGES = 2


def _gaps(spans: list[tuple[float, float]], min_gap: float) -> list[tuple[float, float]]:
    """Empty intervals of at least ``min_gap`` between the union of ``spans``."""
    spans = sorted(spans)
    out = []
    end = spans[0][1]
    for a, b in spans[1:]:
        if a - end >= min_gap:
            out.append((end, a))
        end = max(end, b)
    return out


def _rule_cut(lines: Sequence[Boxed], rules: Sequence[Rect]) -> tuple[str, float] | None:
    """A separator crossing most of the node through an empty band."""
    x0 = min(ln.x0 for ln in lines)
    x1 = max(ln.x1 for ln in lines)
    top = min(ln.top for ln in lines)
    bottom = max(ln.bottom for ln in lines)
    for r in rules:
        if r.width >= r.height:
            y = (r.top + r.bottom) / 2
            if top < y < bottom and min(r.x1, x1) - max(r.x0, x0) >= 0.6 * (x1 - x0) \
                    and not any(ln.top < y < ln.bottom for ln in lines):
                return "y", y
        else:
            x = (r.x0 + r.x1) / 2
            if x0 < x < x1 and min(r.bottom, bottom) - max(r.top, top) >= 0.6 * (bottom - top) \
                    and not any(ln.x0 < x < ln.x1 for ln in lines):
                return "x", x
    return None


def xy_cut(items: list[T], rules: Sequence[Rect], gap_x: float, gap_y: float) -> list[list[T]]:
    """Leaves in XY-cut order (top band first, columns left to right), each sorted top to bottom."""
    out: list[list[T]] = []
    stack = [items]
    while stack:
        node = stack.pop()
        if len(node) <= 1:
            if node:
                out.append(node)
            continue
        parts = _split(node, rules, gap_x, gap_y)
        if parts is None:
            out.append(sorted(node, key=lambda ln: (ln.top, ln.x0)))
        else:
            stack.extend(reversed(parts))
    return out


def _split(node: list[T], rules: Sequence[Rect], gap_x: float, gap_y: float) -> list[list[T]] | None:
    cut = _rule_cut(node, rules) if rules else None
    if cut is not None:
        axis, at = cut
        if axis == "y":
            return [[ln for ln in node if ln.bottom <= at], [ln for ln in node if ln.top >= at]]
        return [[ln for ln in node if ln.x1 <= at], [ln for ln in node if ln.x0 >= at]]
    xg = _gaps([(ln.x0, ln.x1) for ln in node], gap_x)
    if xg:
        edges = [b for _, b in xg]
        return _bucket(node, edges, lambda ln: ln.x0)
    yg = _gaps([(ln.top, ln.bottom) for ln in node], gap_y)
    if yg:
        edges = [b for _, b in yg]
        return _bucket(node, edges, lambda ln: ln.top)
    return _bridged(node, gap_x)


def _bridged(node: list[T], gap_x: float) -> list[list[T]] | None:
    """Columns hidden by a line or two laid across their gutter (a caption or a
    lead set over the full width with no white under it): the gutters of the
    narrow lines, where at most ``BRIDGES`` lines cross them.  The crossing
    lines become a part of their own, read before the columns when they stand
    above them.  The narrow lines are those under 0.6 of the node's width or,
    failing a gutter among those, those no wider than the columns' common
    measure (the upper quartile of their widths): a caption a little wider than
    one column, laid across the gutter, is not a column line."""
    if len(node) < 6:
        return None
    span = max(ln.x1 for ln in node) - min(ln.x0 for ln in node)
    narrow = [ln for ln in node if ln.x1 - ln.x0 <= 0.6 * span]
    if len(narrow) < 0.5 * len(node):
        return None
    gaps = _gaps([(ln.x0, ln.x1) for ln in narrow], gap_x)
    if not gaps:  # a caption a little wider than the column measure: columns share a measure
        widths = sorted(ln.x1 - ln.x0 for ln in narrow)
        measure = widths[3 * (len(widths) - 1) // 4] + gap_x
        gaps = _gaps([(ln.x0, ln.x1) for ln in narrow if ln.x1 - ln.x0 <= measure], gap_x)
    if not gaps:  # columns of unlike measures: white that at most BRIDGES lines cross
        gaps = _thin_gutter(node, gap_x)
    if not gaps:
        return None
    # a line reaching into the gutter hides it as well as one across it (a caption ending in it)
    crossing = [ln for ln in node if any(ln.x0 < b and ln.x1 > a for a, b in gaps)]
    if not crossing or len(crossing) > max(BRIDGES, len(node) // 10):
        return None
    rest = [ln for ln in node if not any(ln is c for c in crossing)]
    columns = _bucket(rest, [b for _, b in gaps], lambda ln: ln.x0)
    above = sum(c.top for c in crossing) / len(crossing) <= min(ln.top for ln in rest)
    return [crossing, *columns] if above else [*columns, crossing]


def _thin_gutter(node: list[T], gap_x: float) -> list[tuple[float, float]]:
    """The widest run of x at least ``gap_x`` wide that at most ``BRIDGES`` lines
    cross, with lines wholly on either side of it (a caption laid across the gutter
    between a 19-em and a 24-em column is no wider than the wider column's lines).
    Counted on a 1 pt grid with a difference array: linear in the lines and the width."""
    left = min(ln.x0 for ln in node)
    width = int(max(ln.x1 for ln in node) - left) + 2
    delta = [0] * (width + 1)
    for ln in node:
        delta[int(ln.x0 - left) + 1] += 1  # a line covers the cells strictly inside it
        delta[max(int(ln.x0 - left) + 1, int(ln.x1 - left))] -= 1
    best: tuple[float, float] | None = None
    run_start, count = None, 0
    for i in range(width + 1):
        count += delta[i]
        thin = count <= BRIDGES and i < width
        if thin and run_start is None:
            run_start = i
        elif not thin and run_start is not None:
            a, b = left + run_start, left + i - 1
            if b - a >= gap_x and (best is None or b - a > best[1] - best[0]):
                before = [ln.x1 for ln in node if ln.x1 <= a + 1]
                after = [ln.x0 for ln in node if ln.x0 >= b - 1]
                if len(before) >= 2 and len(after) >= 2:
                    best = (max(before), min(after))  # the grid's run, to the lines' own edges
            run_start = None
    return [best] if best is not None else []


def _bucket(node: list[T], edges: list[float], key: Callable[[T], float]) -> list[list[T]]:
    parts: list[list[T]] = [[] for _ in range(len(edges) + 1)]
    for ln in node:
        parts[bisect.bisect_right(edges, key(ln) + 1e-6)].append(ln)
    return [p for p in parts if p]
