"""The titles and stories left over after matching, paired one to one by the characters they share.

A headline block prints one title per story.  A title that shares no
two-character word with its story (a poem's ``黄河岸边的老船工`` over ``他坐在河滩上``
/ ``河水从他眼里流过``; ``柳笛声声唤春归`` over ``春天是从柳树梢上开始的``) is still
made of the characters its story is about, and once the titles that matched
on their words are placed, few titles and few stories are left to choose
between.  So each title left is scored against each story left by its
characters found in the story, weighted by how rare each is on the page
(``的`` and ``一`` say nothing, ``河`` and ``柳`` a lot), and a pair is
believed when each is the other's clear best (``leftover_min``,
``leftover_margin``) among what is left; where one title and one story
remain of a block that had as many of each, they are each other's by
elimination.  The work is the leftovers' product, at most ``leftover_max``
pairs, and one pass over the page's characters.
"""

from __future__ import annotations

import math
from collections import Counter
from itertools import chain

from ..conventions import Profile
from ..segment.drafts import Draft
from ..segment.units import Unit
from ..text import han_chars
from .groups import announces_poems

__all__ = ["is_built", "is_fragment", "is_label", "pair_leftovers"]

def is_built(unit: Unit, profile: Profile) -> bool:
    """Built like a story's title: a byline or subtitle under it, or naming a kind of notice
    (a page banner, ``慎终如始做好常态化疫情防控``, has none of these)."""
    return unit.byline is not None or unit.subtitle is not None or profile.markers.is_notice_title(unit.text)


def is_fragment(title: str) -> bool:
    """A piece of a bracket, no title: ``（通讯员熊新英朱`` (a byline the column wrapped),
    ``龙）``.  A title opens with no bracket and closes every bracket it opens."""
    return title[:1] in "（(" or title.count("（") + title.count("(") != title.count("）") + title.count(")")


def is_label(unit: Unit, profile: Profile) -> bool:
    """A column's or page's name with nothing under it, no title: a word or two (``生活服务``,
    ``简讯``), or two words joined by a middle dot (``广告·公告``, ``文化·旅游``)."""
    if unit.byline is not None or unit.subtitle is not None:
        return False
    text = "".join("".join(unit.titles).split())
    limit = profile.tuning.label_max
    return len(text) <= limit // 2 or ("·" in text and len(text) <= limit)


def _lead_in(unit: Unit, profile: Profile) -> bool:
    """A line that ends in a dash or a colon (``寒冬送暖意——``) leads into the title printed
    under it: a kicker (引题) whose title the page lost, never a title of its own."""
    return len(unit.titles) == 1 and unit.titles[0].rstrip().endswith(profile.markers.kicker_ends)


def pair_leftovers(drafts: list[Draft], texts: list[list[str]], units: list[Unit],
                   profile: Profile, *, eliminate: bool = True) -> list[tuple[Unit, int]]:
    """Pairs (title, draft index) for ``units`` (the titles left, in the block's
    order) and the drafts left without a headline; ``texts`` are each draft's
    paragraphs."""
    tuning = profile.tuning
    open_drafts = [k for k, d in enumerate(drafts) if d.unit is None]
    units = [u for u in units if not is_fragment("".join(u.titles)) and not is_label(u, profile)
             and not _lead_in(u, profile)]
    if len(units) != len(open_drafts):  # not one title per story: a plain display line may be a page banner
        units = [u for u in units if is_built(u, profile)]
    even = len(units) == len(open_drafts)
    if not units or not open_drafts or len(units) * len(open_drafts) > tuning.leftover_max:
        return []
    per_draft = [[han_chars(t) for t in ts] for ts in texts]
    df = Counter(chain.from_iterable(chain.from_iterable(per_draft)))
    n = sum(map(len, per_draft))

    def weight(c: str) -> float:
        return max(0.0, math.log((n + 1) / (df.get(c, 0) + 0.5)))

    bodies = {k: frozenset().union(*per_draft[k]) for k in open_drafts}
    scores: dict[tuple[int, int], float] = {}
    for ui, unit in enumerate(units):
        # its topic, not its kind (计划停电通知: 计划停电); a subtitle says what the story is about, too
        title = sorted(han_chars(profile.markers.topic_of("".join(unit.titles)) + (unit.subtitle or "")))
        weights = [(c, weight(c)) for c in title]  # (each once, not once per story)
        total = math.fsum(w for _, w in weights)
        # a title announcing more poems (小满时节（外一首）, …（组诗）) heads verse, never prose
        poems = announces_poems("".join(unit.titles), profile.conventions.poem_groups)
        for k in open_drafts:
            body = bodies[k]
            got = math.fsum(w for c, w in weights if c in body)
            scores[ui, k] = got / total if total > 0 and (drafts[k].verse or not poems) else 0.0
    left_units, left_drafts = set(range(len(units))), set(open_drafts)
    made: list[tuple[Unit, int]] = []
    while left_units and left_drafts:
        last = (next(iter(left_units)), next(iter(left_drafts)))
        if eliminate and even and len(left_units) == 1 and len(left_drafts) == 1 \
                and is_built(units[last[0]], profile) and scores[last] > 0:
            # (the last of each, unless the title names nothing of the story: then a line of the
            # page was lost or split off somewhere, and the two are no evidence for each other)
            made.append((units[last[0]], last[1]))
            break
        best = max(((scores[ui, k], -ui, -k) for ui in left_units for k in left_drafts))
        score, ui, k = best[0], -best[1], -best[2]
        if score < tuning.leftover_min:
            break
        rival_draft = max((scores[ui, j] for j in left_drafts if j != k), default=0.0)
        rival_unit = max((scores[vi, k] for vi in left_units if vi != ui), default=0.0)
        if score - max(rival_draft, rival_unit) < tuning.leftover_margin:
            break
        made.append((units[ui], k))
        left_units.discard(ui)
        left_drafts.discard(k)
    if eliminate and even and len(left_units) == len(left_drafts) > 1 \
            and all(is_built(units[ui], profile) for ui in left_units):
        # as many titles as stories left, each built as a title: they are each other's, paired
        # so that the titles' characters found in their stories weigh most (the poems' lines
        # name what their titles name, a little; a pair whose title names nothing of its story
        # is no evidence, and is left)
        us, ks = sorted(left_units), sorted(left_drafts)
        chosen = best_assignment([[scores[ui, k] for k in ks] for ui in us])
        made.extend((units[us[i]], ks[j]) for i, j in enumerate(chosen) if scores[us[i], ks[j]] > 0)
    return made


def best_assignment(weights: list[list[float]]) -> list[int]:
    """The column given to each row of a square matrix so that the sum is largest
    (the Hungarian method, O(n^3); n is at most the titles left on a page)."""
    n = len(weights)
    top = max((w for row in weights for w in row), default=0.0)
    cost = [[top - w for w in row] for row in weights]
    inf = float("inf")
    u, v = [0.0] * (n + 1), [0.0] * (n + 1)
    owner, way = [0] * (n + 1), [0] * (n + 1)
    for i in range(1, n + 1):
        owner[0] = i
        j0 = 0
        least = [inf] * (n + 1)
        used = [False] * (n + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = owner[j0], inf, 0
            for j in range(1, n + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < least[j]:
                        least[j], way[j] = cur, j0
                    if least[j] < delta:
                        delta, j1 = least[j], j
            for j in range(n + 1):
                if used[j]:
                    u[owner[j]] += delta
                    v[j] -= delta
                else:
                    least[j] -= delta
            j0 = j1
            if owner[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            owner[j0] = owner[j1]
            j0 = j1
    chosen = [0] * n
    for j in range(1, n + 1):
        chosen[owner[j] - 1] = j - 1
    return chosen
