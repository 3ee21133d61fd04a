"""Notices and service items run together, cut apart by what their titles name.

A page of notices and service columns prints its items one after another
(本周天气预报, 便民服务电话, 城区农贸市场菜价一览, 计划停电通知), each with no
dateline, byline or signature to end it, and their titles in a block after
the texts.  The walk through the page then reads several items as one text.
Each of those titles names its kind (``预报``, ``电话``, ``一览``, ``通知``) and
its topic (``本周天气``, ``便民服务``, ``城区农贸市场菜价``, ``计划停电``), and an
item's text is made of its topic's characters (气温, 晴, 雪 under 本周天气; 菜, 价 under
菜价) though it rarely repeats the title's words.  So each such title claims
the text whose paragraphs hold most of its topic's characters, weighted by
their rarity on the page (as :mod:`.leftover` weighs them), and a text two or
more titles claim is cut, one piece per title, where each paragraph goes
with the title whose characters it holds most (:func:`.assign.cut_pieces`).

An item opens with running text after a sentence's end: a cut never falls
before a numbered item (``二、…`` goes on the notice above it), before a
signature (an issuer's name or a date, with no clause in it) or after a
paragraph the column broke inside a sentence.  The work is the titles times
the paragraphs, once, and the cutting that :func:`.assign.split_by_units` does.
"""

from __future__ import annotations

import math
from collections import Counter

from ...model import Heading, Paragraph
from ..conventions import Profile
from ..segment.drafts import Draft
from ..segment.units import Unit
from ..text import CLOSING, SENTENCE_END, grams, han_chars
from .assign import cut_pieces
from .order import is_slogan

__all__ = ["split_by_topics"]

#: Marks of running text: a line holding one is no signature.
_CLAUSE = "，。；：！？、"


def split_by_topics(drafts: list[Draft], units: list[Unit], profile: Profile) -> list[Draft]:
    """The drafts with each that several titles naming their kind claim cut into
    one piece per title; the same list when nothing was cut."""
    mk = profile.markers
    tuning = profile.tuning
    anchored = {id(d.anchor) for d in drafts if d.anchor is not None}
    titles = [u for u in units if u.is_headline and u.in_block and id(u) not in anchored
              and not is_slogan(u) and mk.names_its_kind(u.text)]
    if not titles or not drafts or len(drafts) >= sum(u.is_headline for u in units):
        return drafts  # (as many texts as titles already: no text holds two items that have theirs)
    texts = [[b.text for b in d.blocks if isinstance(b, (Paragraph, Heading))] for d in drafts]
    per_block = [[han_chars(b.text) if isinstance(b, (Paragraph, Heading)) else frozenset() for b in d.blocks]
                 for d in drafts]
    df = Counter(c for sets in per_block for chars in sets for c in chars)
    n = sum(map(len, texts))

    def weight(c: str) -> float:
        return max(0.0, math.log((n + 1) / (df.get(c, 0) + 0.5)))

    bodies = [frozenset().union(*sets) for sets in per_block]
    words_held = [frozenset().union(*map(grams, ts)) for ts in texts]
    topics: dict[int, dict[str, float]] = {}
    claims: dict[int, list[Unit]] = {}
    clear: dict[int, bool] = {}  # each title: whether the text it claims is clearly its best
    strength: dict[int, float] = {}  # and how strongly it claims it
    for unit in titles:
        printed = mk.topic_of("".join("".join(unit.titles).split()))  # (a title's lines joined)
        topic = {c: weight(c) for c in han_chars(printed)}
        total = math.fsum(topic.values())
        if total <= 0:
            continue
        shares = [math.fsum(w for c, w in topic.items() if c in body) / total for body in bodies]
        # its words found whole (停电 of 计划停电) tell a text from one sharing its characters apart (会计)
        words = grams(printed)
        found = [len(words & held) / len(words) if words else 0.0 for held in words_held]
        # and an item speaks of its topic paragraph after paragraph, a neighbour in passing
        # (天气 once under 菜价一览, 气温, 晴, 雪 all through 本周天气预报): its best few paragraphs
        # (``topic_paragraphs``, so that a long notice's many do not outweigh a short item's)
        mass = [math.fsum(sorted((math.fsum(w for c, w in topic.items() if c in chars) for chars in sets),
                                 reverse=True)[: tuning.topic_paragraphs]) / total for sets in per_block]
        value = [shares[k] + found[k] + mass[k] for k in range(len(drafts))]
        best = max(range(len(drafts)), key=lambda k: (value[k], -k))
        clear[id(unit)] = value[best] - max((v for k, v in enumerate(value) if k != best), default=0.0) \
            >= tuning.leftover_margin
        if shares[best] >= tuning.leftover_min:
            strength[id(unit)] = value[best]
            topics[id(unit)] = {c: w / total for c, w in topic.items()}
            claims.setdefault(best, []).append(unit)
    out: list[Draft] = []
    for k, draft in enumerate(drafts):
        claimants = claims.get(k, [])
        anchor = draft.anchor
        if claimants and anchor is not None and anchor.is_headline and mk.names_its_kind(anchor.text) \
                and anchor not in claimants:
            # printed above the text, it heads the first item: the titles in the block that claim
            # the text clearly (by ``leftover_margin`` over any other) claim the rest
            claimants = [anchor, *(u for u in claimants if clear[id(u)])]
            printed = mk.topic_of("".join("".join(anchor.titles).split()))
            topic = {c: weight(c) for c in han_chars(printed)}
            total = math.fsum(topic.values()) or 1.0
            topics[id(anchor)] = {c: w / total for c, w in topic.items()}
        claimants = claimants[: tuning.max_pieces]
        pieces = None
        if len(claimants) >= 2 and len(draft.blocks) <= tuning.split_max_blocks:
            affinity = [[math.fsum(w for c, w in topics[id(u)].items() if c in chars) for chars in per_block[k]]
                        for u in claimants]
            openings = _openings(draft, profile)
            pieces = cut_pieces(draft, claimants, affinity, openings, profile, tuning.topic_piece_min)
            if pieces is None and len(claimants) > 2:
                # one title too many for the text (its own item is elsewhere, or run into a neighbour's
                # paragraph): the others, the weakest claim left out first
                for drop in sorted(range(len(claimants)), key=lambda u: strength.get(id(claimants[u]), math.inf)):
                    pieces = cut_pieces(draft, claimants[:drop] + claimants[drop + 1:],
                                        affinity[:drop] + affinity[drop + 1:], openings, profile,
                                        tuning.topic_piece_min)
                    if pieces is not None:
                        break
        out.extend(pieces or [draft])
    return out if len(out) != len(drafts) else drafts


def _openings(draft: Draft, profile: Profile) -> list[int]:
    """Where an item may open: running text, unnumbered, after a sentence's end."""
    blocks = draft.blocks
    out = []
    for c in range(1, len(blocks)):
        here, before = blocks[c], blocks[c - 1]
        if not isinstance(here, Paragraph) or not isinstance(before, Paragraph):
            continue
        ended = before.text.rstrip(CLOSING)[-1:] in SENTENCE_END or profile.markers.is_bare_date(before.text)
        if ended and any(m in here.text for m in _CLAUSE) and not profile.markers.numbered(here.text):
            out.append(c)
    return out
