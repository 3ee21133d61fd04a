"""From blocks to articles: markers first, then headlines as anchors.

Datelines open articles and trailing bylines close them.  A run of text with
neither (two features in a row, say) is split where the headlines that best
describe it say it should be: each headline claims the paragraphs that share
its rare words, and the cut goes where neighbouring paragraphs share least.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import permutations

from ..model import Article, Diagnostic, Figure, Heading, Paragraph
from . import markers
from .headlines import Unit
from .matching import Scorer, grams, grams_of, present

__all__ = ["Draft", "assign_units", "derive_title", "split_by_units"]

MATCH_THRESHOLD = 0.34
MUTUAL_THRESHOLD = 0.2
ANCHOR_MIN = 0.1
CLAIM_THRESHOLD = 0.15
MAX_PIECES = 4
MIN_PIECE = 2  # paragraphs: a feature is never a single paragraph cut off another
FIGURE_THRESHOLD = 0.3

Block = Paragraph | Heading | Figure


@dataclass(slots=True)
class Draft:
    """An article while the page is being read."""

    blocks: list[Block] = field(default_factory=list)
    dateline: str | None = None
    authors: list[str] = field(default_factory=list)
    roles: list[str | None] = field(default_factory=list)
    closed: bool = False  # a trailing byline or end dateline ended it
    closing: list[str] = field(default_factory=list)  # the authors named where it ended
    unit: Unit | None = None
    anchor: Unit | None = None  # a headline tied to it by position, or by the split that made it
    confidence: float | None = None

    @property
    def lead(self) -> str:
        return next((b.text for b in self.blocks if isinstance(b, Paragraph)), "")

    def add_byline(self, byline: markers.Byline) -> None:
        for name, role in zip(byline.authors, byline.roles):
            if name not in self.authors:
                self.authors.append(name)
                self.roles.append(role)


def _texts(draft: Draft) -> list[str]:
    return [b.text for b in draft.blocks if isinstance(b, (Paragraph, Heading))]


def page_scorer(drafts: list[Draft], queries: list[str], found: dict[str, frozenset[str]]) -> Scorer:
    """Drafts as documents, their paragraphs as the units rarity is counted
    over, for these queries (headline and caption texts) only.

    ``found`` maps each paragraph to the query n-grams it holds; it is filled
    here and kept by the caller, since a split moves paragraphs, not words.
    """
    vocabulary = grams_of(queries)
    bodies, leads, paragraphs = [], [], []
    for draft in drafts:
        texts = _texts(draft)
        if not all(t in found for t in texts):
            # what a story holds first, then which of that each paragraph holds:
            # far fewer searches than every query n-gram in every paragraph
            held = present(vocabulary, "\n".join(texts))
            found.update((t, present(held, t)) for t in texts)
        sets = [found[t] for t in texts]
        bodies.append(frozenset().union(*sets))
        leads.append(found.get(draft.lead, frozenset()))
        paragraphs.extend(sets)
    return Scorer(bodies, leads, paragraphs, vocabulary=vocabulary)


def _unit_score(scorer: Scorer, unit: Unit, k: int, draft: Draft) -> float:
    score = scorer.score(unit.text, k)
    if unit.byline is not None and set(unit.byline.authors) & set(draft.authors):
        score = min(1.0, score + 0.25)
    return score


def split_by_units(drafts: list[Draft], units: list[Unit], scorer: Scorer,
                   found: dict[str, frozenset[str]]) -> list[Draft]:
    """Split a draft that several headlines describe best into one draft per headline.

    ``scorer`` and ``found`` are :func:`page_scorer`'s for ``drafts``; the
    same list comes back when nothing was split.
    """
    headlines = [u for u in units if u.is_headline]
    if not headlines or not drafts:
        return drafts
    claims: dict[int, list[Unit]] = {}
    for unit in headlines:
        scores = [_unit_score(scorer, unit, k, d) for k, d in enumerate(drafts)]
        best = max(range(len(drafts)), key=scores.__getitem__)
        if scores[best] >= CLAIM_THRESHOLD:
            claims.setdefault(best, []).append(unit)
    out: list[Draft] = []
    for k, draft in enumerate(drafts):
        claimants = claims.get(k, [])[:MAX_PIECES]
        pieces = _split(draft, claimants, found) if len(claimants) >= 2 else None
        out.extend(pieces or [draft])
    return out if len(out) != len(drafts) else drafts


def _split(draft: Draft, claimants: list[Unit], found: dict[str, frozenset[str]]) -> list[Draft] | None:
    """Cut a draft into contiguous pieces, one per claiming headline, or None.

    Each paragraph votes for the headline whose rare words it shares; the
    cuts maximise the votes on the right side of them and fall where
    neighbouring paragraphs share least.  A cut that leaves some headline
    with no support in its own piece is refused: then the headlines were
    merely similar, and the draft stays whole.
    """
    blocks = draft.blocks
    texts = [b.text if isinstance(b, (Paragraph, Heading)) else b.caption for b in blocks]
    vocabulary = grams_of([u.text for u in claimants])
    scorer = Scorer([found[t] & vocabulary if t in found else present(vocabulary, t) for t in texts],
                    vocabulary=vocabulary)
    affinity = [[scorer.score(u.text, i) for i in range(len(blocks))] for u in claimants]
    block_grams = [grams(t) for t in texts]
    n, k = len(blocks), len(claimants)
    starts = [c for c in range(1, n) if isinstance(blocks[c], Paragraph)]
    para_before = [0] * (n + 1)
    for i, b in enumerate(blocks):
        para_before[i + 1] = para_before[i] + isinstance(b, Paragraph)

    prefix: list[list[float]] = []
    for unit in range(k):
        sums = [0.0]
        for i in range(n):
            sums.append(sums[-1] + affinity[unit][i] - max(affinity[o][i] for o in range(k) if o != unit))
        prefix.append(sums)

    def gain(unit: int, lo: int, hi: int) -> float:
        return prefix[unit][hi] - prefix[unit][lo]

    best: tuple[float, list[int], tuple[int, ...]] | None = None
    for order in permutations(range(k)):
        # table[j][c]: best score with pieces 0..j-1 covering blocks[:c]
        table: list[dict[int, tuple[float, list[int]]]] = [{0: (0.0, [])}]
        for j in range(k):
            row: dict[int, tuple[float, list[int]]] = {}
            ends = [n] if j == k - 1 else starts
            for end in ends:
                for begin, (score, cuts) in table[j].items():
                    if end <= begin or para_before[end] - para_before[begin] < MIN_PIECE:
                        continue
                    value = score + gain(order[j], begin, end)
                    if end < n:
                        value -= 0.5 * _overlap(block_grams[end - 1], block_grams[end])
                    if end not in row or value > row[end][0]:
                        row[end] = (value, cuts + [end])
            table.append(row)
        if n in table[k] and (best is None or table[k][n][0] > best[0]):
            best = (table[k][n][0], table[k][n][1][:-1], order)
    if best is None:
        return None
    _, cuts, order = best
    bounds = [0, *cuts, n]
    if any(gain(order[j], bounds[j], bounds[j + 1]) <= 0 for j in range(k)):
        return None
    pieces = [Draft(blocks=blocks[lo:hi], anchor=claimants[order[j]])
              for j, (lo, hi) in enumerate(zip(bounds, bounds[1:]))]
    # the dateline's names open the first piece, a closing byline's close the last
    first, last = pieces[0], pieces[-1]
    first.dateline = draft.dateline
    for name, role in zip(draft.authors, draft.roles):
        (last if name in draft.closing else first).add_byline(markers.Byline((name,), (role,)))
    last.closing, last.closed = list(draft.closing), draft.closed
    return pieces


def _overlap(a: set[str], b: set[str]) -> float:
    return len(a & b) / (min(len(a), len(b)) or 1)


def assign_units(drafts: list[Draft], units: list[Unit], scorer: Scorer) -> None:
    """Give each draft at most one headline, best matches first.

    ``scorer`` is :func:`page_scorer` of these drafts.  Units left over stay
    on the page as banners.

    A draft's ``anchor`` (the headline printed right above it, or the one
    that justified cutting it out of a longer run) gets a head start, so weak
    content overlap still suffices for it.
    """
    if not drafts:
        return
    pairs: list[tuple[float, int, int]] = []
    candidates = [u for u in units if u.is_headline]
    for ui, unit in enumerate(candidates):
        for k, draft in enumerate(drafts):
            score = _unit_score(scorer, unit, k, draft)
            # a slogan printed between two stories is no headline of the second:
            # position counts when the unit is built like a headline or shares words
            if draft.anchor is unit and (unit.byline or unit.subtitle or score >= ANCHOR_MIN):
                score += 0.35
            pairs.append((score, ui, k))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    used_units: set[int] = set()

    def give(ui: int, k: int) -> None:
        drafts[k].unit = candidates[ui]
        drafts[k].confidence = _unit_score(scorer, candidates[ui], k, drafts[k])
        used_units.add(ui)

    for score, ui, k in pairs:
        if score < MATCH_THRESHOLD:
            break
        if ui not in used_units and drafts[k].unit is None:
            give(ui, k)
    # What is left: a headline and an article that are each other's best
    # match among the leftovers need less overlap to be believed.
    left = [(s, ui, k) for s, ui, k in pairs if ui not in used_units and drafts[k].unit is None]
    for score, ui, k in left:
        if score < MUTUAL_THRESHOLD:
            break
        if ui in used_units or drafts[k].unit is not None:
            continue
        best_k = max((p for p in left if p[1] == ui and drafts[p[2]].unit is None), key=lambda p: p[0])[2]
        best_u = max((p for p in left if p[2] == k and p[1] not in used_units), key=lambda p: p[0])[1]
        if best_k == k and best_u == ui:
            give(ui, k)


def adopt_kickers(drafts: list[Draft], units: list[Unit], scorer: Scorer) -> None:
    """A one-line headline left over, printed in its own box right above a
    matched headline, is that headline's kicker (引题) when it looks like one
    (ends in —— or ：, two spaced phrases) or describes the same story best."""
    placed = {id(d.unit): k for k, d in enumerate(drafts) if d.unit is not None}
    for unit in units:
        upper = unit.above
        k = placed.get(id(unit))
        if k is None or upper is None or id(upper) in placed or len(upper.titles) != 1:
            continue
        if upper.byline is not None or upper.subtitle is not None or upper.caption is not None:
            continue
        line = upper.titles[0]
        scores = [scorer.score(line, j) for j in range(len(drafts))]
        looks = line.endswith(("——", "：", ":")) or " " in line
        if looks or scores[k] > 0 and scores[k] >= max(scores):
            unit.take_kicker(upper)


def attach_figures(drafts: list[Draft], figures: list[tuple[Figure, int | None]], scorer: Scorer) -> list[Figure]:
    """Put each floating caption with the article it shows; return those that fit none.

    The people and things a caption names, and its photographer among the
    article's authors, decide; where the caption was printed breaks ties.
    """
    loose: list[Figure] = []
    if not drafts:
        return [f for f, _ in figures]
    for figure, near in figures:
        scores = [scorer.score(figure.caption, k) for k in range(len(drafts))]
        for k, draft in enumerate(drafts):
            unit_authors = set(draft.unit.byline.authors) if draft.unit and draft.unit.byline else set()
            credited = {c.name for c in figure.credit.by} if figure.credit else set()
            if credited & (set(draft.authors) | unit_authors):
                scores[k] += 0.3
            if near == k:
                scores[k] += 0.1
        best = max(range(len(drafts)), key=scores.__getitem__)
        if scores[best] >= FIGURE_THRESHOLD:
            drafts[best].blocks.append(figure)
        else:
            loose.append(figure)
    return loose


_LEAD_TIME = re.compile(
    r"^(?:(?:\d{4}年)?\d{1,2}月\d{1,2}日|近日|日前|近期|连日来|今年以来|近年来|昨天|今天|昨日|今日|\d{1,2}日)"
    r"(?:[上下中晚早]午|晚上|凌晨|傍晚)?(?:\d{1,2}[时点](?:\d{1,2}分)?)?[，,]"
)
# "The reporter learned from X that", "it is understood that": how a lead opens, not what it says.
_LEAD_IN = re.compile(r"^(?:记者(?:从|在)[^，。]{1,20}(?:获悉|了解到|看到)|据了解|据悉|据介绍|记者了解到)[，,]")
_CLAUSE = re.compile(r"[，。！？；：,;!?]")


def derive_title(lead: str, limit: int = 30) -> str | None:
    """A title from the lead: its first clause or two, without the date or the
    "记者从…获悉" that opens it."""
    text = _LEAD_IN.sub("", _LEAD_TIME.sub("", lead.strip(), count=1), count=1)
    text = re.sub(r"^[“”\"'（(]+", "", text)
    parts = [p.strip("“”‘’\"'（）() ") for p in _CLAUSE.split(text)]
    parts = [p for p in parts if p]
    if not parts:
        return None
    title = parts[0].strip()
    for nxt in parts[1:]:
        if len(title) >= 10 or len(title) + 1 + len(nxt) > limit:
            break
        title = f"{title}，{nxt.strip()}"
    if len(title) > limit:
        title = title[: limit - 1] + "…"
    title = title.strip("“”\"'（）() ")
    return title or None


def to_article(draft: Draft, aid: str) -> tuple[Article, list[Diagnostic]]:
    notes: list[Diagnostic] = []
    kicker = subtitle = None
    authors, roles = list(draft.authors), list(draft.roles)
    if draft.unit is not None:
        kicker, title = draft.unit.split_kicker()
        subtitle = draft.unit.subtitle
        title_source = "headline"
        if not title:
            title, kicker = kicker, None
        if draft.unit.byline is not None:
            for name, role in zip(draft.unit.byline.authors, draft.unit.byline.roles):
                if name not in authors:
                    authors.append(name)
                    roles.append(role)
        confidence = round(draft.confidence or 0.0, 3)
        notes.append(Diagnostic("headline-match", f"headline matched by content: {title}", aid, confidence))
        if confidence < 0.5:
            notes.append(Diagnostic("low-confidence", f"weak headline match ({confidence:.2f}): check it", aid,
                                    confidence))
    else:
        title = derive_title(draft.lead) if draft.lead else None
        title_source = "derived" if title else None
        notes.append(Diagnostic("no-headline", "no headline in the dump matched; title derived from the lead"
                                if title else "no headline and no lead to derive a title from", aid))
    article = Article(
        id=aid,
        title=title or None,
        title_source=title_source if title else None,  # type: ignore[arg-type]
        kicker=kicker,
        subtitle=subtitle,
        contributors=markers.contributors(markers.Byline(tuple(authors), tuple(roles))),
        dateline=draft.dateline,
        blocks=tuple(draft.blocks),
    )
    return article, notes
