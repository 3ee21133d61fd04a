"""Match: headlines, kickers and figures to the drafts they describe.

A run of text with no marker between two stories (two features in a row,
say) is split where the headlines that best describe it say it should be:
each headline claims the paragraphs that share its rare words, and the cut
goes where neighbouring paragraphs share least.  Then each draft gets at most
one headline, best matches first, and captions join the story they name.

The work is bounded: a headline is scored in full only against the drafts
that share its rarest bigrams (an inverted index whose long posting lists,
the page's common words, are left out), so time and memory stay linear in
the page whatever its shape.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import permutations

from ...model import Figure, Heading, Paragraph
from ..conventions import Profile
from ..conventions.markers import Byline
from ..segment.drafts import Draft
from ..segment.units import Unit
from .leftover import is_label, pair_leftovers
from .order import fill_by_order, is_slogan
from .scorer import Scorer, grams, grams_of, present
from .stacked import kickers_over
from .tail import split_tail

__all__ = ["Candidates", "adopt_kickers", "assign_units", "attach_figures", "cut_pieces", "page_scorer",
           "split_by_units", "stack_kickers"]


def _texts(draft: Draft) -> list[str]:
    return [b.text for b in draft.blocks if isinstance(b, (Paragraph, Heading))]


def page_scorer(drafts: list[Draft], queries: list[str], found: dict[str, frozenset[str]],
                profile: Profile) -> Scorer:
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
            # far fewer searches than every query n-gram in every paragraph,
            # unless the queries are many (then listing the text's bigrams is linear)
            joined = "\n".join(texts)
            if len(vocabulary) * len(joined) <= profile.tuning.search_budget:
                held = present(vocabulary, joined)
                found.update((t, present(held, t)) for t in texts)
            else:
                found.update((t, grams(t) & vocabulary) for t in texts)
        sets = [found[t] for t in texts]
        bodies.append(frozenset().union(*sets))
        leads.append(found.get(draft.lead, frozenset()))
        paragraphs.extend(sets)
    return Scorer(bodies, leads, paragraphs, vocabulary=vocabulary)


class Candidates:
    """Which drafts a query can match at all: those holding its rarer bigrams.

    An inverted index from each query bigram to the drafts holding it; a
    bigram held by more than ``posting_cap`` drafts says little about any of
    them and is not followed.  A query's candidates are the ``candidates``
    drafts sharing the most weight of its followed bigrams, plus any named
    explicitly (a headline's anchor).
    """

    @classmethod
    def of_scorer(cls, scorer: Scorer, profile: Profile) -> Candidates:
        """One index per scorer: every step of the match stage asks the same one."""
        index = scorer.candidates
        if not isinstance(index, Candidates):
            index = scorer.candidates = cls(scorer, profile)
        return index

    def __init__(self, scorer: Scorer, profile: Profile) -> None:
        self.scorer = scorer
        self.tuning = profile.tuning
        postings: dict[str, list[int]] = {}
        cap = self.tuning.posting_cap
        small = len(scorer.bodies) <= self.tuning.candidates  # every draft is a candidate: no index needed
        for k, body in enumerate(() if small else scorer.bodies):
            for gram in body:
                posting = postings.setdefault(gram, [])
                if len(posting) <= cap:
                    posting.append(k)
        self._postings = postings

    def of(self, query: str, extra: Sequence[int] = ()) -> list[int]:
        n = len(self.scorer.bodies)
        if n <= self.tuning.candidates:
            return list(range(n))
        weight: dict[int, float] = {}
        cap = self.tuning.posting_cap
        for gram in sorted(grams(query)):  # hash order would make the float sums, and ties, vary
            posting = self._postings.get(gram)
            if not posting or len(posting) > cap:
                continue
            w = self.scorer.weight(gram)
            for k in posting:
                weight[k] = weight.get(k, 0.0) + w
        best = sorted(weight, key=lambda k: (-weight[k], k))[: self.tuning.candidates]
        return sorted(set(best).union(extra))


def _unit_score(scorer: Scorer, unit: Unit, k: int, draft: Draft, profile: Profile) -> float:
    score = scorer.score(unit.text, k)
    if unit.byline is not None and set(unit.byline.authors) & set(draft.authors):
        score = min(1.0, score + profile.tuning.byline_bonus)
    return score


def stack_kickers(drafts: list[Draft], units: list[Unit], scorer: Scorer, profile: Profile) -> None:
    """Put each kicker stacked over its title in the story's flow (:mod:`.stacked`) over that
    title, before any split or pairing: the two are one headline, and describe one story."""
    index = Candidates.of_scorer(scorer, profile)

    def best(unit: Unit) -> int | None:
        scores = {k: scorer.score(unit.text, k) for k in index.of(unit.text)}
        top = max(scores, key=lambda k: (scores[k], -k), default=None)
        return top if top is not None and scores[top] > 0 else None

    for kicker, headline in kickers_over([u for u in units if u.is_headline], drafts, best, profile):
        headline.take_kicker(kicker)


def split_by_units(drafts: list[Draft], units: list[Unit], scorer: Scorer,
                   found: dict[str, frozenset[str]], profile: Profile) -> list[Draft]:
    """Split a draft that several headlines describe best into one draft per headline.

    ``scorer`` and ``found`` are :func:`page_scorer`'s for ``drafts``; the
    same list comes back when nothing was split.
    """
    headlines = [u for u in units if u.is_headline]
    if not headlines or not drafts:
        return drafts
    tuning = profile.tuning
    index = Candidates.of_scorer(scorer, profile)
    claims: dict[int, list[Unit]] = {}
    weak: list[tuple[int, Unit]] = []
    for unit in headlines:
        ks = index.of(unit.text)
        if not ks:
            continue
        scores = {k: _unit_score(scorer, unit, k, drafts[k], profile) for k in ks}
        best = max(ks, key=lambda k: (scores[k], -k))
        if scores[best] >= tuning.claim_threshold:
            claims.setdefault(best, []).append(unit)
        elif scores[best] >= tuning.surplus_claim and not (unit.top and not (unit.byline or unit.subtitle)) \
                and sum(v >= scores[best] for v in scores.values()) == 1:
            # (a plain line over the page's first story is as likely a banner; a tie says nothing)
            weak.append((best, unit))
    extra: dict[int, list[Unit]] = {}
    for best, unit in weak:
        if best in claims:
            extra.setdefault(best, []).append(unit)
    out: list[Draft] = []
    for k, draft in enumerate(drafts):
        strong = claims.get(k, [])
        pieces = None
        if len(draft.blocks) <= tuning.split_max_blocks:
            # with the weaker claimants first; where that cut is refused, with the strong alone
            tries = [strong[: tuning.max_pieces]]
            if k in extra:
                tries.insert(0, [*strong, *extra[k]][: tuning.max_pieces])
            for claimants in tries:
                if len(claimants) >= 2 and pieces is None:
                    pieces = _split(draft, claimants, found, profile, len(strong))
        if pieces is None and len(strong) == 1:
            pieces = split_tail(draft, strong[0], profile)
        out.extend(pieces or [draft])
    return out if len(out) != len(drafts) else drafts


def _split(draft: Draft, claimants: list[Unit], found: dict[str, frozenset[str]],
           profile: Profile, strong: int | None = None) -> list[Draft] | None:
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
    # a subheading heads the paragraphs under it: no story ends on one
    starts = [c for c in range(1, len(blocks))
              if isinstance(blocks[c], Paragraph) and not isinstance(blocks[c - 1], Heading)]
    return cut_pieces(draft, claimants, affinity, starts, profile, strong=strong)


def cut_pieces(draft: Draft, claimants: list[Unit], affinity: list[list[float]], starts: list[int],
               profile: Profile, min_piece: int | None = None, strong: int | None = None) -> list[Draft] | None:
    """Cut a draft into contiguous pieces, one per claimant, where ``affinity[u][i]``
    says how much block ``i`` belongs to claimant ``u`` and a piece may open at the
    blocks ``starts`` lists; None where some claimant would win no piece of its own.
    Claimants from index ``strong`` on are weaker ones: each needs ``surplus_claim``
    support in its own piece."""
    blocks = draft.blocks
    strong = len(claimants) if strong is None else strong
    bar = profile.tuning.surplus_claim
    texts = [b.text if isinstance(b, (Paragraph, Heading)) else b.caption for b in blocks]
    block_grams = [grams(t) for t in texts]
    n, k = len(blocks), len(claimants)
    para_before = [0] * (n + 1)
    for i, b in enumerate(blocks):
        para_before[i + 1] = para_before[i] + isinstance(b, Paragraph)

    by_block = list(zip(*affinity))  # each block's affinity to every claimant
    prefix: list[list[float]] = []
    for unit in range(k):
        sums = [0.0]
        for i, scores in enumerate(by_block):
            sums.append(sums[-1] + scores[unit] - max(scores[:unit] + scores[unit + 1:]))
        prefix.append(sums)

    def gain(unit: int, lo: int, hi: int) -> float:
        return prefix[unit][hi] - prefix[unit][lo]

    # what a cut before each block costs: asked once per cut, not once per order and piece
    seam = [0.5 * _overlap(block_grams[end - 1], block_grams[end]) if 0 < end < n else 0.0 for end in range(n + 1)]
    if min_piece is None:
        min_piece = profile.tuning.min_piece
    best: tuple[float, list[int], tuple[int, ...]] | None = None
    for order in permutations(range(k)):
        # table[j][c]: best score with pieces 0..j-1 covering blocks[:c]
        table: list[dict[int, tuple[float, list[int]]]] = [{0: (0.0, [])}]
        for j in range(k):
            row: dict[int, tuple[float, list[int]]] = {}
            ends = [n] if j == k - 1 else starts
            sums = prefix[order[j]]
            for end in ends:
                at_end = sums[end]
                for begin, (score, cuts) in table[j].items():
                    if end <= begin or para_before[end] - para_before[begin] < min_piece:
                        continue
                    value = score + (at_end - sums[begin])
                    if end < n:
                        value -= seam[end]
                    if end not in row or value > row[end][0]:
                        row[end] = (value, cuts + [end])
            table.append(row)
        if n in table[k] and (best is None or table[k][n][0] > best[0]):
            best = (table[k][n][0], table[k][n][1][:-1], order)
    if best is None:
        return None
    _, cuts, order = best
    bounds = [0, *cuts, n]
    if any(gain(order[j], bounds[j], bounds[j + 1]) <= (bar if order[j] >= strong else 0) for j in range(k)):
        return None
    pieces = [Draft(blocks=blocks[lo:hi], anchor=claimants[order[j]])
              for j, (lo, hi) in enumerate(zip(bounds, bounds[1:]))]
    # the dateline's names open the first piece, a closing byline's close the last
    first, last = pieces[0], pieces[-1]
    first.dateline = draft.dateline
    for name, role in zip(draft.authors, draft.roles):
        (last if name in draft.closing else first).add_byline(Byline((name,), (role,)))
    last.closing, last.closed = list(draft.closing), draft.closed
    last.notes = list(draft.notes)
    last.photos_after, draft.photos_after = draft.photos_after, []  # printed after the story: after its last piece
    return pieces


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / (min(len(a), len(b)) or 1)


def assign_units(drafts: list[Draft], units: list[Unit], scorer: Scorer, profile: Profile) -> None:
    """Give each draft at most one headline, best matches first.

    ``scorer`` is :func:`page_scorer` of these drafts.  Units left over stay
    on the page as banners.

    A draft's ``anchor`` (the headline printed right above it, or the one
    that justified cutting it out of a longer run) gets a head start, so weak
    content overlap still suffices for it.
    """
    if not drafts:
        return
    tuning = profile.tuning
    index = Candidates.of_scorer(scorer, profile)
    anchored = {id(d.anchor): k for k, d in enumerate(drafts) if d.anchor is not None}
    pairs: list[tuple[float, int, int]] = []
    stops = profile.conventions.full_stops
    # (a title holding a full stop is a caption or text, no headline: it stays on the page)
    candidates = [u for u in units if u.is_headline and not any(s in t for t in u.titles for s in stops)]
    for ui, unit in enumerate(candidates):
        at = anchored.get(id(unit))
        # a word or two with nothing under it (服务, 简讯) is a column's name, whose one bigram found in a
        # story is no evidence: it heads a story only where it is printed right above it
        label = is_label(unit, profile)
        for k in index.of(unit.text, () if at is None else (at,)):
            draft = drafts[k]
            if label and draft.anchor is not unit:
                continue
            score = _unit_score(scorer, unit, k, draft, profile)
            # a slogan printed between two stories is no headline of the second:
            # position counts when the unit is built like a headline, names a kind of
            # notice (a notice's title shares no words with its text: 寻人启事), heads an item where
            # it starts (a 简讯 column's run-in title: its words may be another story's too) or shares words
            if draft.anchor is unit and (unit.byline or unit.subtitle or score >= tuning.anchor_min or draft.item
                                         or profile.markers.names_its_kind(unit.text)):
                score += tuning.anchor_bonus
            pairs.append((score, ui, k))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    used_units: set[int] = set()

    def give(ui: int, k: int) -> None:
        drafts[k].unit = candidates[ui]
        drafts[k].confidence = _unit_score(scorer, candidates[ui], k, drafts[k], profile)
        used_units.add(ui)

    for score, ui, k in pairs:
        if score < tuning.match_threshold:
            break
        if ui not in used_units and drafts[k].unit is None:
            give(ui, k)
    # What is left: a headline and an article that are each other's best
    # match among the leftovers need less overlap to be believed.
    left = [(s, ui, k) for s, ui, k in pairs
            if ui not in used_units and drafts[k].unit is None and s >= tuning.mutual_threshold]
    by_unit: dict[int, list[tuple[float, int, int]]] = {}
    by_draft: dict[int, list[tuple[float, int, int]]] = {}
    for p in left:  # already best first
        by_unit.setdefault(p[1], []).append(p)
        by_draft.setdefault(p[2], []).append(p)
    for score, ui, k in left:
        if ui in used_units or drafts[k].unit is not None:
            continue
        best_k = next(p[2] for p in by_unit[ui] if drafts[p[2]].unit is None)
        best_u = next(p[1] for p in by_draft[k] if p[1] not in used_units)
        if best_k == k and best_u == ui:
            give(ui, k)
    # Then the titles and stories left, one to one, by the characters they share (a poem's
    # title and its lines share no word); then by the headline block's order; then the last
    # title and story left are each other's.
    by_chars = ("headline-leftover", "headline placed as the best of the titles and stories left over: check it")
    for eliminate in (False, True):
        titles = [u for ui, u in enumerate(candidates) if ui not in used_units
                  and len(_squashed(u)) >= tuning.inline_title_min and not is_slogan(u)]
        for unit, k in pair_leftovers(drafts, [_texts(d) for d in drafts], titles, profile, eliminate=eliminate):
            give(candidates.index(unit), k)
            drafts[k].notes.append(by_chars)
        if not eliminate:
            # (units no story may take, a title holding a full stop, are no title of the block's order either)
            allowed = {id(u) for u in candidates}
            for unit, k in fill_by_order(drafts, [u for u in units if not u.is_headline or id(u) in allowed],
                                         profile):
                give(candidates.index(unit), k)
                drafts[k].notes.append(("headline-order", "headline placed by its order in the headline block: "
                                        "check it"))
    # One article left without a headline and one headline left that is built like
    # one (a byline or subtitle under it) are each other's, where the title names
    # something of the story (by elimination among the leftovers, the last of each).
    open_drafts = [k for k, d in enumerate(drafts) if d.unit is None]
    built = [u for ui, u in enumerate(candidates) if ui not in used_units and (u.byline or u.subtitle)]
    if len(open_drafts) == 1 and len(built) == 1:
        for unit, k in pair_leftovers(drafts, [_texts(d) for d in drafts], built, profile):
            give(candidates.index(unit), k)


def _squashed(unit: Unit) -> str:
    return "".join("".join(unit.titles).split())


def adopt_kickers(drafts: list[Draft], units: list[Unit], scorer: Scorer, profile: Profile) -> None:
    """A one-line headline left over, printed in its own box right above a
    matched headline, is that headline's kicker (引题) when it looks like one
    (ends in —— or ：, two spaced phrases) or describes the same story best."""
    placed = {id(d.unit): k for k, d in enumerate(drafts) if d.unit is not None}
    index = Candidates.of_scorer(scorer, profile)
    dashes = profile.conventions.dashes
    for unit in units:
        upper = unit.above
        k = placed.get(id(unit))
        if k is None or upper is None or id(upper) in placed or len(upper.titles) != 1:
            continue
        if upper.byline is not None or upper.subtitle is not None or upper.caption is not None:
            continue
        line = upper.titles[0]
        if profile.markers.heads_notice_under_slogan(line, "".join(unit.titles)):
            continue  # a notice carries no kicker: the slogan over it is the page's
        if profile.markers.is_notice_title(line) or profile.markers.names_its_kind(line) \
                and profile.markers.names_its_kind("".join(unit.titles)):
            # a title naming its kind of notice is complete: no kicker of another; nor is a service
            # column's (本周天气预报) over a notice's (城区部分区域停水通知): a notice carries no kicker
            continue
        looks = line.endswith((*dashes, "：", ":")) or " " in line
        own = scorer.score(line, k)
        scores = {j: scorer.score(line, j) for j in index.of(line, (k,))}
        if looks or own > 0 and own >= max(scores.values()) or _slogan(upper, scores, drafts, profile):
            unit.take_kicker(upper)


def _slogan(upper: Unit, scores: dict[int, float], drafts: list[Draft], profile: Profile) -> bool:
    """A line no story of the page is told by (each scores it below ``match_threshold``), where
    every story has its headline (a poem's title may share no word of it), is a slogan: the kicker over the title
    under it (``守护“她”健康`` over ``适龄女生HPV疫苗免费接种启动``), also over the page's first
    story where something else stands above it (a photo).  Not the page's first line (as likely
    a page banner: :func:`.kicker.banner_over_first`), nor a line's wrapped end of a few
    characters (``婷）``)."""
    line = upper.titles[0]
    return not upper.first and len(line.replace(" ", "")) >= profile.tuning.title_min \
        and all(s < profile.tuning.match_threshold for s in scores.values()) \
        and all(d.unit is not None for d in drafts)


def attach_figures(drafts: list[Draft], figures: list[tuple[Figure, int | None]], scorer: Scorer,
                   profile: Profile) -> list[Figure]:
    """Put each floating caption with the article it shows; return those that fit none.

    The people and things a caption names, and its photographer among the
    article's authors, decide; where the caption was printed breaks ties.
    """
    loose: list[Figure] = []
    if not drafts:
        return [f for f, _ in figures]
    tuning = profile.tuning
    index = Candidates.of_scorer(scorer, profile)
    credited: dict[str, list[int]] = {}
    for k, draft in enumerate(drafts):
        unit_authors = draft.unit.byline.authors if draft.unit and draft.unit.byline else ()
        for name in {*draft.authors, *unit_authors}:
            credited.setdefault(name, []).append(k)
    for figure, near in figures:
        names = [c.name for c in figure.credit.by] if figure.credit else []
        by = sorted({k for name in names for k in credited.get(name, ())})
        ks = index.of(figure.caption, [*by, *(() if near is None else (near,))])
        scores = {k: scorer.score(figure.caption, k) for k in ks}
        for k in by:
            scores[k] += tuning.credit_bonus
        if near is not None:
            scores[near] += tuning.near_bonus
        if not scores:
            loose.append(figure)
            continue
        best = max(ks, key=lambda k: (scores[k], -k))
        if scores[best] >= tuning.figure_threshold:
            drafts[best].blocks.append(figure)
        else:
            loose.append(figure)
    return loose
