"""Headline groups: display lines stacked into 引题 / 主题 / 副题, with their byline.

The main title (主题) is the group's largest size; smaller lines above it are
the kicker (引题), below it the subtitle (副题).  A body-size line just under
the group that opens with —— is a subtitle too, one just above that ends with
—— a kicker, and a □/■ line (or a role-led byline) just under it the byline.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from ..conventions import DEFAULT_PROFILE
from .conventions import GROUP_GAP, KICKER_MIN, KICKER_TIGHT, KICKER_WHITE, MAIN_SIZE, SUBTITLE_WRAP_LINES
from .lines import PLine

__all__ = ["Group", "group_headlines", "adopt_neighbours"]

_DASHES = ("——", "－－", "—")


@dataclass(slots=True, eq=False)
class Group:
    lines: list[PLine]
    kicker: list[PLine] = field(default_factory=list)
    main: list[PLine] = field(default_factory=list)
    subtitle: list[PLine] = field(default_factory=list)
    byline: list[PLine] = field(default_factory=list)

    @property
    def all_lines(self) -> list[PLine]:
        return self.kicker + self.main + self.subtitle + self.byline

    @property
    def x0(self) -> float:
        return min(ln.x0 for ln in self.all_lines)

    @property
    def x1(self) -> float:
        return max(ln.x1 for ln in self.all_lines)

    @property
    def top(self) -> float:
        return min(ln.top for ln in self.all_lines)

    @property
    def bottom(self) -> float:
        return max(ln.bottom for ln in self.all_lines)

    @property
    def vertical(self) -> bool:
        return any(ln.vertical for ln in self.main)

    @property
    def size(self) -> float:
        return max(ln.size for ln in self.main)

    def split(self) -> None:
        """Kicker, main and subtitle by size and position."""
        big = max(ln.size for ln in self.lines)
        main = [ln for ln in self.lines if ln.size >= big * MAIN_SIZE]
        # a line ending with —— over the rest of the title is its kicker, whatever its size
        while len(main) > 1 and not main[0].vertical and main[0].text.rstrip().endswith(_DASHES) \
                and all(ln.top >= main[0].bottom - 1 for ln in main[1:]):
            main = main[1:]
        top = min(ln.top for ln in main)
        self.main = sorted(main, key=lambda ln: (ln.top, -ln.x1) if ln.vertical else (ln.top, ln.x0))
        if any(ln.vertical for ln in main):  # vertical columns read right to left
            self.main = sorted(main, key=lambda ln: -ln.x1)
        rest = [ln for ln in self.lines if ln not in main]
        self.kicker = sorted((ln for ln in rest if ln.bottom <= top + 1 and not ln.text.startswith(_DASHES)),
                             key=lambda ln: ln.top)
        self.subtitle = sorted((ln for ln in rest if ln not in self.kicker), key=lambda ln: ln.top)
        if any(ln.vertical for ln in main):
            self.kicker = sorted((ln for ln in rest if ln.x0 >= max(m.x1 for m in main) - 1), key=lambda ln: -ln.x1)
            self.subtitle = sorted((ln for ln in rest if ln not in self.kicker), key=lambda ln: -ln.x1)


def group_headlines(display: list[PLine]) -> list[Group]:
    """Display lines close above one another and overlapping in x form one group."""
    order = sorted(display, key=lambda ln: ln.top)
    groups: list[Group] = []
    for ln in order:
        home = None
        for g in reversed(groups[-6:]):  # only recent groups can be adjacent: the list is sorted by top
            last = g.lines[-1]
            gap = ln.top - max(x.bottom for x in g.lines)
            em = max(ln.size, last.size)
            overlap = min(ln.x1, max(x.x1 for x in g.lines)) - max(ln.x0, min(x.x0 for x in g.lines))
            if gap <= GROUP_GAP * em and overlap > 0.3 * min(ln.width, last.width) and not (ln.vertical or last.vertical):
                home = g
                break
        if home is None:
            groups.append(Group([ln]))
        else:
            home.lines.append(ln)
    for g in groups:
        g.split()
    return groups


def _byline(ln: PLine, text: str, g: Group, body: float) -> bool:
    """□/■ names, a role-led byline, or bare names set small (or centred) under
    the headline; every name at most four characters (a Chinese name's length)
    or a collective author, so that an item's run-in title after ■ is not taken
    for one."""
    found = DEFAULT_PROFILE.markers.parse_byline_line(text)
    if found is None:
        if len(text) > 24:
            return False
        found = DEFAULT_PROFILE.markers.parse_names(text)
        if found is None:
            return False
        centred = abs(ln.cx - (g.x0 + g.x1) / 2) <= 2 * body and ln.x0 - g.x0 > 2 * body
        if not (ln.size < 0.97 * body or centred):
            return False
    collective = DEFAULT_PROFILE.conventions.collective_authors  # 本报评论员 and the like
    return bool(found.authors) and all(len(name) <= 4 or name in collective for name in found.authors)


#: A line opening with a box is a byline (□ 谢文升), never a wrapped subtitle.
_BOXES = "□■"


def _below(order: list[PLine], i: int, ln: PLine) -> PLine | None:
    """The first line under ``ln`` in its column (``order`` is by top, from index ``i``)."""
    for nxt in order[i:i + 40]:
        if nxt.top >= ln.bottom - 1 and nxt.x0 < ln.x1 and nxt.x1 > ln.x0:
            return nxt
    return None


def _subtitle_run(g: Group, order: list[PLine], i: int) -> list[PLine]:
    """The lines from ``order[i]`` on that continue a 副题 wrapped at the body size.

    A 副题 that ends no sentence goes on in the lines under it, set left under it
    or centred on the group's axis, at the group's tight leading: the run ends
    where the leading opens out to the body's or where the next line is
    indented (the story's first paragraph).  A run that never ends so, within
    ``SUBTITLE_WRAP_LINES`` lines, is the body's first paragraph: none.
    """
    last = g.subtitle[-1]
    run: list[PLine] = []
    prev = last
    pitch = None
    k = i
    while len(run) < SUBTITLE_WRAP_LINES:
        # (a sentence ends with its stop, a closing quote after it aside: ``她的“花馍”`` / ``世界`` goes on)
        if prev.text.rstrip().rstrip("”’").endswith(("。", "！", "？")):
            return []
        ln = _below(order, k, prev)
        if ln is None or ln.top - prev.bottom > 0.8 * ln.size or abs(ln.size - last.size) > 0.03 * last.size:
            return []
        text = ln.text.strip()
        em = ln.size
        mid, axis = (ln.x0 + ln.x1) / 2, (g.x0 + g.x1) / 2
        aligned = -0.5 * em <= ln.x0 - last.x0 <= 2.5 * em or (abs(mid - axis) <= 0.5 * em and ln.width < last.width)
        # a last line centred on the axis but wider than the ——line over it (digits set narrow:
        # ——县域内就诊率达到 / 91%，群众看病就医更方便), ending no sentence, the story indented under it
        wide = not aligned and abs(mid - axis) <= 0.5 * em and not text.endswith(("。", "！", "？", "”"))
        if not (aligned or wide) or text[:1] in _BOXES or text.startswith(_DASHES) \
                or (aligned and ln.x1 > last.x1 + 0.5 * em):
            return []
        step = ln.top - prev.top
        if pitch is not None and abs(step - pitch) > 0.15 * em:
            return []
        pitch = step
        run.append(ln)
        k = order.index(ln, k) + 1
        nxt = _below(order, k, ln)
        if wide:
            return run if nxt is not None and 0.8 * em <= nxt.x0 - ln.x0 <= 4 * em else []
        if nxt is None or nxt.top - ln.top > pitch + 0.15 * em or nxt.x0 - ln.x0 >= 0.8 * em \
                or nxt.text.strip()[:1] in _BOXES or DEFAULT_PROFILE.markers.parse_byline_line(nxt.text) is not None:
            return run
        prev = ln
    return []


def _wrapped_byline(ln: PLine, text: str, g: Group, order: list[PLine], i: int, body: float) -> PLine | None:
    """The second line of a □/■ byline too long for its column (``□ 本报记者龚鹏本报通`` /
    ``讯员白桂``): under it at its tight leading, flush with it or centred under it and
    shorter, the two reading as one byline."""
    if text[:1] not in _BOXES:
        return None
    nxt = _below(order, i, ln)
    if nxt is None or not 0 <= nxt.top - ln.bottom <= 0.8 * nxt.size or nxt.width >= ln.width \
            or min(abs(nxt.x0 - ln.x0), abs(nxt.cx - ln.cx)) > 0.5 * ln.size or abs(nxt.size - ln.size) > 0.03 * ln.size:
        return None
    return nxt if _byline(ln, text + nxt.text.strip(), g, body) else None


def _tight_above(ln: PLine, g: Group, bottoms: list[PLine], j: int) -> bool:
    """A short line set tight over the title (within ``KICKER_TIGHT`` of its em) with
    white over it (no line within ``KICKER_WHITE`` ems above): the kicker, set with its
    headline and apart from the story above."""
    if g.top - ln.bottom > KICKER_TIGHT * ln.size:
        return False
    k = j - 1
    while k >= 0 and bottoms[k].bottom >= ln.top - KICKER_WHITE * ln.size:
        up = bottoms[k]
        if up.bottom <= ln.top + 1 and up.x1 > ln.x0 and up.x0 < ln.x1:
            return False
        k -= 1
    return True


def adopt_neighbours(groups: list[Group], body_lines: list[PLine], body: float) -> set[int]:
    """Body-size lines that belong to a group (——subtitle, kicker——, byline).
    Returns the ids of the lines taken."""
    taken: set[int] = set()
    order = sorted(body_lines, key=lambda ln: ln.top)
    tops = [ln.top for ln in order]
    bottoms = sorted(body_lines, key=lambda ln: ln.bottom)
    bottom_keys = [ln.bottom for ln in bottoms]
    for g in groups:
        if g.vertical:
            continue
        reach = GROUP_GAP * body * 2
        x0, x1 = g.x0, g.x1
        # below: subtitle lines then a byline, each directly under the last
        edge = g.bottom
        i = bisect.bisect_left(tops, edge - 0.3 * g.size)  # a byline may tuck into the headline's descent
        while i < len(order):
            ln = order[i]
            if ln.top - edge > reach:
                break
            i += 1
            if id(ln) in taken or ln.x1 < x0 or ln.x0 > x1:
                continue
            text = ln.text.strip()
            if text.startswith(_DASHES) and not g.byline:
                g.subtitle.append(ln)
            elif g.subtitle and not g.byline and DEFAULT_PROFILE.markers.parse_byline_line(text) is None \
                    and (taken_run := _subtitle_run(g, order, i - 1)):
                # before bare names: a wrapped 副题's last words (红打卡地) read like a name
                g.subtitle.extend(taken_run)
                taken.update(id(x) for x in taken_run)
                edge = taken_run[-1].bottom
                i = order.index(taken_run[-1], i - 1) + 1
                continue
            elif not g.byline and _byline(ln, text, g, body):
                g.byline.append(ln)
            elif not g.byline and (wrapped := _wrapped_byline(ln, text, g, order, i, body)) is not None:
                g.byline += [ln, wrapped]
                taken.add(id(ln))
                i = order.index(wrapped, i) + 1
                ln = wrapped
            else:
                break
            taken.add(id(ln))
            edge = ln.bottom
        # above: a kicker ending with ——, or a short line set apart from the body (larger or bold)
        j = bisect.bisect_right(bottom_keys, g.top + 0.5) - 1
        if j >= 0:
            ln = bottoms[j]
            text = ln.text.strip()
            # set apart from the body: larger, bold, or centred over the title (a body line is
            # flush left: a paragraph's short last line does not stand on the title's axis)
            centred = abs(ln.cx - (g.x0 + g.x1) / 2) <= 0.5 * ln.size and ln.width <= g.x1 - g.x0 - 2 * ln.size
            apart = (ln.size >= KICKER_MIN * body or ln.bold or centred or _tight_above(ln, g, bottoms, j)) \
                and len(text) <= 30 and not text.endswith(("。", "；", "，", "！", "？"))
            if g.top - ln.bottom <= reach and ln.x1 > x0 and ln.x0 < x1 and id(ln) not in taken \
                    and (text.endswith(_DASHES) or apart):
                g.kicker.insert(0, ln)
                taken.add(id(ln))
                # a kicker wrapped over several lines: the lines of its size right above it
                while j > 0:
                    j -= 1
                    up, first = bottoms[j], g.kicker[0]
                    if id(up) in taken or not 0 <= first.top - up.bottom <= 0.8 * first.size \
                            or abs(up.size - first.size) > 0.03 * first.size or up.x1 < x0 or up.x0 > x1 \
                            or up.text.rstrip().endswith(("。", "；", "！", "？")):
                        break
                    g.kicker.insert(0, up)
                    taken.add(id(up))
    return taken
