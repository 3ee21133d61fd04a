"""Match: two headlines an extractor gave as one text box, told apart by the stories.

In a headline block set apart from the stories, pdftotext joins the boxes of
headlines printed close together into one block: ``城区生活垃圾分类试`` /
``点扩大到 45 个小区`` / ``一季度工业用电量`` / ``同比增长 9.4%`` is two
titles, each broken in two, and nothing in the block's layout says where the
first ends.  The stories do: a headline restates its story, so where the
first lines describe one story well and the rest another story well, the
box holds two headlines.  A title the column wrapped describes one story
with all its lines, a kicker describes none on its own: neither is cut.

Each unit is tried at each break between its title lines (a headline runs
over a few lines), and each part is scored only against the drafts that
share its rarer bigrams (:class:`~.assign.Candidates`); a unit longer than
two headlines' ``head_lines`` is not tried: linear in the page.
"""

from __future__ import annotations

from ..conventions import Profile
from ..measure import cells
from ..segment.drafts import Draft
from ..segment.units import Unit
from ..text import join_lines, title_spaces
from .assign import Candidates
from .scorer import Scorer

__all__ = ["unglue_units"]


def _best(scorer: Scorer, index: Candidates, text: str) -> tuple[float, int]:
    """The best score of ``text`` over the drafts it may describe, and that draft (-1: none)."""
    best = (0.0, -1)
    try:
        for k in index.of(text):
            score = scorer.score(text, k)
            if score > best[0]:
                best = (score, k)
    except ValueError:  # a part cut inside a digit or Latin run: a word the page's headlines do not hold
        return 0.0, -1
    return best


def unglue_units(units: list[Unit], drafts: list[Draft], scorer: Scorer, profile: Profile) -> list[Unit]:
    """``units`` with each headline unit that holds two headlines or more cut apart.

    A unit is cut after its printed line ``c`` (a title the column wrapped is
    tried between its lines too) when the lines up to ``c`` and the lines after
    it, each ``title_min`` characters at least, each describe a different draft,
    each at least as well as ``match_threshold`` and better than the whole unit
    describes that draft.  The subtitle and byline printed under the last title
    stay with the second part; of several cuts, the one whose parts score best
    is taken, and each part is tried again (a box of one-line headlines, each
    its own story's, is cut into as many).
    """
    if not drafts:
        return units
    index = Candidates.of_scorer(scorer, profile)
    out: list[Unit] = []
    parts: dict[int, Unit] = {}
    for unit in units:
        todo = [unit]
        while todo:
            part = todo.pop()
            cut = _cut(part, scorer, index, profile)
            if cut is None:
                out.append(part)
                continue
            upper, lower = cut
            for draft in drafts:
                if draft.anchor is part:  # the headline printed right above a story is the part nearest it
                    draft.anchor = lower
            parts[id(part)] = lower
            todo += [lower, upper]  # (popped upper first: the parts keep the printed order)
    for unit in out:
        while unit.above is not None and id(unit.above) in parts:
            unit.above = parts[id(unit.above)]  # the unit under a box cut in two is under its last part
    return out


def _printed(unit: Unit) -> list[tuple[int, str]]:
    """The unit's printed title lines, each with the index of the title it is part of."""
    return [(t, line) for t, title in enumerate(unit.titles) for line in unit.wrapped.get(title, [title])]


def _titles(lines: list[tuple[int, str]], unit: Unit) -> tuple[list[str], list[bool], dict[str, list[str]]]:
    """Titles, their tightness and their printed lines, for a run of the unit's printed lines."""
    titles: list[str] = []
    tight: list[bool] = []
    wrapped: dict[str, list[str]] = {}
    at = -1
    pieces: list[str] = []
    for t, line in [*lines, (-1, "")]:
        if t != at and pieces:
            text = pieces[0] if len(pieces) == 1 else title_spaces(join_lines(pieces))
            if len(pieces) > 1:
                wrapped[text] = pieces
            tight.append(bool(titles) and unit.tight[at] if at < len(unit.tight) else False)
            titles.append(text)
            pieces = []
        at = t
        pieces.append(line)
    return titles, tight, wrapped


def _cut(unit: Unit, scorer: Scorer, index: Candidates, profile: Profile) -> tuple[Unit, Unit] | None:
    lines = _printed(unit)
    if not 2 <= len(lines) <= 2 * profile.tuning.head_lines or any(not t for t in unit.titles) \
            or unit.caption is not None:
        # (two headlines are at most ``head_lines`` lines each: a longer run is tried nowhere,
        # which keeps the work per unit bounded)
        return None
    least = profile.tuning.match_threshold
    # how well each title joined from printed lines describes a story as a whole
    whole = {t: _best(scorer, index, title)[0] for t, title in enumerate(unit.titles) if title in unit.wrapped}
    cut: tuple[float, int] | None = None
    for c in range(1, len(lines)):
        inside = lines[c][0] == lines[c - 1][0]  # between the printed lines of one title read as wrapped
        # (each part of such a title must describe its story clearly better than the whole title does any)
        need = max(least, whole[lines[c][0]] + profile.tuning.wrap_cut_margin) if inside else least
        first, second = " ".join(_titles(lines[:c], unit)[0]), " ".join(_titles(lines[c:], unit)[0])
        if min(len(first.replace(" ", "")), len(second.replace(" ", ""))) < profile.tuning.title_min:
            continue
        s1, k1 = _best(scorer, index, first)
        s2, k2 = _best(scorer, index, second)
        if s2 < need and c + 1 < len(lines) and len(lines[c][1].replace(" ", "")) >= profile.tuning.title_min \
                and (inside or lines[c + 1][0] != lines[c][0]):
            s2, k2 = max((s2, k2), _best(scorer, index, lines[c][1]))  # more headlines after it: its line alone
        if k1 < 0 or k2 < 0 or k1 == k2 or min(s1, s2) < need:
            continue
        if s1 <= scorer.score(unit.text, k1) or s2 <= scorer.score(unit.text, k2):
            continue
        if cut is None or s1 + s2 > cut[0]:
            cut = (s1 + s2, c)
    if cut is None:
        cut = _after_last_line(lines, unit, scorer, index, profile)
    if cut is None:
        return None
    c = cut[1]
    # where the box was printed stays with both parts (the headline block after the text, the
    # page's first line under the header); the second part opens no box of its own
    titles, tight, wrapped = _titles(lines[:c], unit)
    upper = Unit(titles=titles, tight=tight, above=unit.above, wrapped=wrapped, apart=unit.apart,
                 top=unit.top, first=unit.first, in_block=unit.in_block)
    titles, tight, wrapped = _titles(lines[c:], unit)
    lower = Unit(titles=titles, subtitle=unit.subtitle, byline=unit.byline, tight=[False, *tight[1:]],
                 above=upper, wrapped=wrapped, in_block=unit.in_block)
    return upper, lower


def _after_last_line(lines: list[tuple[int, str]], unit: Unit, scorer: Scorer, index: Candidates,
                     profile: Profile) -> tuple[float, int] | None:
    """A cut after the short last line of a title the column wrapped, where the line after it
    says nothing of that title's story (docs/parsing.md, "Where a title ends").

    A column wraps a title into lines of its width and only the last is shorter, so a line
    shorter than the one above it by more than ``full``, then a longer one, may close a title
    between them, and the longer line head another headline the extractor put in this box
    (``适龄女生HPV疫苗免`` / ``费接种启动`` / ``志愿服务让城市更温暖``, the next headline's kicker).
    An extractor also breaks a title's lines oddly in a very narrow column (``区职业中学与三`` /
    ``家`` / ``企业共建实训基`` / ``地``): there the lines after the short one describe the same
    story as the lines before, and the title is not cut."""
    full, least = profile.tuning.full, profile.tuning.match_threshold
    widths = [cells(line) for _, line in lines]
    for c in range(2, len(lines)):
        if not (widths[c - 1] < widths[c - 2] - full and widths[c] > widths[c - 1] + full):
            continue
        first, second = " ".join(_titles(lines[:c], unit)[0]), " ".join(_titles(lines[c:], unit)[0])
        s1, k1 = _best(scorer, index, first)
        if k1 < 0 or s1 < least or _best(scorer, index, second)[1] == k1:
            continue  # (the lines after the short one say most of the same story: one title)
        return s1, c
    return None
