"""Regions to articles: a :class:`PageLayout` whose lines carry regions and
hints becomes a :class:`~lishi_pub.model.Page`.

Geometry already decided which lines form which article and what the
headline apparatus is; what the words say is read by the shared marker
classifiers (:mod:`lishi_pub.parser.markers`): datelines, bylines, closing
bylines, captions and credits, furniture.  Jump markers are taken out of the
text and recorded as diagnostics, which :mod:`.jumps` uses to join the parts.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from itertools import permutations
from dataclasses import dataclass

from attrs import evolve

from ...model import Article, Block as ModelBlock, Contributor, Credit, Diagnostic, Figure, Heading, Page, Paragraph
from ..assemble import derive_title
from ..conventions import DEFAULT_PROFILE, Profile, Tuning
from ..conventions.markers import Byline, Markers, contributors
from ..layout import PageLayout, Role, TextLine
from ..match.scorer import Scorer, grams, grams_of
from ...present import DERIVED_CLOSE, DERIVED_OPEN
from ..text import join_lines

__all__ = ["JUMP", "layout_to_page"]

#: （下转第3版） · （上接第1版） · (转第2版) · （接第4版）, with a page number or a page name.
JUMP = re.compile(r"[（(]\s*(?P<dir>下转|上接|转|接)\s*(?:第\s*)?(?P<page>[0-9０-９A-Za-z一二三四五六七八九十]{1,4})\s*(?:版|页)?\s*[）)]")
_DASHES = "—－-–"
_PAGE_LABEL = re.compile(r"第\s*\d+\s*版|[A-Z]\d{1,2}\b")
_CONTINUES = "continues-previous-page"
_HAN = re.compile(r"[\u4e00-\u9fff]")
_SENTENCE_END = ("。", "！", "？", "…", "”", "!", "?")
#: Text under a headline shorter than this, with no sentence ended, is not a story.
NO_STORY_CHARS = 60
#: A credit set on a line of its own under the caption: 图／王晶晶 · 摄影：张三.
#: A caption is at most this long (a paragraph over a credit line longer than this is text).
CAPTION_MAX = 150
#: Gathered headlines paired as a whole up to this many (permutations: 6! = 720 sums).
GATHERED_MAX = 6
#: Headlines the content placed, each at its story's rank, that tell a gathered list runs in page order.
GATHERED_RANKED = 2
#: An unmarked brief's run-in title: 4–20 characters, no punctuation but quotes (`“放心消费”示范店授牌`), then a gap.
_RUN_IN = re.compile(r"^\s*(?P<title>[^\s。！？；，、：:（）()—…·]{4,20})[ \u3000]+(?=\S)")
#: With a single run-in title shown by its gap, a column is briefs only where every item has
#: a title and at least this share of them close with their authors in brackets.
BRIEFS_CLOSED = 2 / 3
#: ...or one filling its first line, that line's end its gap: the line ends within this
#: many ems of its column's right edge.
_FILLED_TITLE = re.compile(r"[^\s。！？；，、：:（）()—…·]{4,20}")
FILLED_FLUSH = 0.5
_CREDIT_LINE = re.compile(r"(?:^|\s)(?:图|图片|摄影|摄)\s*[／/:：]\s*(?P<who>[^\s／/:：].{0,30})$")


@dataclass(slots=True)
class _Orphan:
    """A headline group with no text under it: a page banner, or a headline set
    apart from its story (the way some pages gather them)."""

    kicker: str | None
    title: str | None
    subtitle: str | None
    authors: list[str]
    roles: list[str | None]
    figures: list[Figure]
    below: list[str]
    detached: bool = False  # set below all the running text of its page

    @property
    def banners(self) -> list[str]:
        """Each part on its own: a section name set over a page slogan is two things."""
        return [t for t in (self.kicker, self.title, self.subtitle, "、".join(self.authors) or None) if t]


def _join(lines: Iterable[TextLine]) -> str:
    return join_lines([ln.text for ln in lines])


def layout_to_page(layout: PageLayout, profile: Profile = DEFAULT_PROFILE) -> Page:
    """The page's articles, one per region, read with ``profile``'s markers."""
    header: list[str] = []
    banners: list[str] = []
    by_region: dict[int, list[TextLine]] = {}
    loose: list[TextLine] = []
    for ln in layout.lines:
        if ln.hint is Role.FURNITURE:
            header.append(ln.text.strip())
        elif ln.region is None:
            loose.append(ln)
        else:
            by_region.setdefault(ln.region, []).append(ln)
    articles: list[Article] = []
    notes: list[Diagnostic] = []
    figures: list[Figure] = []
    orphans: list[_Orphan] = []
    text_foot = max((ln.box.y1 for ln in layout.lines if ln.hint is None and ln.region is not None
                     and ln.box is not None), default=float("inf")) - 1
    storied: set[int] = set()  # regions that made a story
    orphan_region: list[int] = []
    for region in sorted(by_region):
        parts, label = _briefs(by_region[region], profile.markers)
        if label:
            banners.append(label)
        for lines in parts:
            aid = f"p{layout.number}-a{len(articles) + 1}"
            made = _article(lines, aid, notes, profile, first=not articles)
            if isinstance(made, Article):
                articles.append(made)
                storied.add(region)
            else:
                orphans.append(made)
                orphan_region.append(region)
    # a headline set below all the stories of its page is detached, though a caption may stand under it
    story_foot = max((layout.regions[r].y1 for r in storied if r < len(layout.regions)), default=float("inf")) - 1
    for made, region in zip(orphans, orphan_region):
        made.detached = region < len(layout.regions) and layout.regions[region].y0 >= min(text_foot, story_foot)
    for orphan in orphans:  # the few lines under a headline that heads no story stay on the page
        banners.extend(orphan.below)
    for orphan in _match_detached(articles, orphans, notes, profile.tuning):
        figures.extend(orphan.figures)  # a matched headline's pictures went with it to its story
        banners.extend(orphan.banners)
    for para in _paragraphs(loose):
        text = _join(para).strip()
        if text:
            banners.append(text)
    return Page(number=layout.number, label=next((h for h in header if _PAGE_LABEL.match(h)), None),
                header=tuple(header), banners=tuple(banners), articles=tuple(articles), figures=tuple(figures),
                source=layout.source, diagnostics=tuple(notes))


def _briefs(lines: list[TextLine], markers: Markers) -> tuple[list[list[TextLine]], str | None]:
    """A column of briefs (简讯): paragraphs opening with an item mark and a
    run-in title (``● 我区开展植树活动 本报讯…``), two or more in one region.
    Each item is an article titled by its run-in title; the column's own head
    is a section label, kept on the page.  Other regions come back whole."""
    body = [ln for ln in lines if ln.hint in (None, Role.BODY, Role.PARAGRAPH_START, Role.VERSE)]
    paras = _paragraphs(body)
    titles = [_item_title(p, markers) for p in paras]
    marked = sum(1 for t in titles if t) >= 2
    alone: set[int] = set()  # paragraphs standing for no item of their own (a closing byline)
    if not marked:  # briefs without marks: every paragraph opens with its run-in title and a gap
        titles = [_unmarked_title(_join(p), markers) for p in paras]
        alone = {k for k, p in enumerate(paras) if titles[k] is None and _closing_byline(_join(p), markers)}
        named = sum(1 for t in titles if t)
        if named >= 1:  # a title that fills its first line has the line's end for its gap
            right = _column_rights(body)
            for k, p in enumerate(paras):
                if titles[k] is None and k not in alone:
                    titles[k] = _filled_title(p, right, markers)
        titled = [k for k, t in enumerate(titles) if t]
        untitled = len(paras) - len(titled) - len(alone)
        # one gap shown is evidence enough where every item is titled and most close with their
        # authors in brackets, as briefs do (a story's paragraphs do not)
        closed = sum(1 for k in titled if k + 1 in alone or markers.find_trailing_byline(_join(paras[k])))
        # (where the column's head names a column of items, 简讯 or 快讯 in section_labels, one
        # item so closed is enough)
        head = _join(ln for ln in lines if ln.hint is Role.HEADLINE).strip()
        needed = 1 if head in markers.conventions.section_labels else BRIEFS_CLOSED * len(titled)
        briefs = named >= 2 or (len(titled) >= 2 and not untitled and closed >= needed)
        # an item whose run-in title shows no gap and fills no line: one such in three is borne
        if not briefs or (untitled and 3 * untitled > named):
            return [lines], None
    label = _join(ln for ln in lines if ln.hint in (Role.KICKER, Role.HEADLINE, Role.SUBTITLE)).strip() or None
    parts: list[list[TextLine]] = []
    for k, (para, title) in enumerate(zip(paras, titles)):
        if title is None and not marked and k not in alone and parts:
            parts.append(list(para))  # an item whose title shows no gap: its own story, title derived
            continue
        if title is None:
            if parts:
                parts[-1].extend(para)
            else:  # text before the first item: an article of its own, never dropped
                parts.append(list(para))
            continue
        parts.append([evolve(para[0], text=title, hint=Role.HEADLINE, starts_paragraph=None),
                      *_drop_title(para, title, marked)])
    captions = [ln for ln in lines if ln.hint is Role.CAPTION]
    if parts:
        parts[-1].extend(captions)
    return parts, label


def _item_title(para: list[TextLine], markers: Markers) -> str | None:
    """A marked item's run-in title; one that fills its first line shows no gap after
    it but the line's end (``■ 农机补贴开始申报`` / ``本年度…``), which serves as one."""
    found = markers.item_title(_join(para))
    if found is None and len(para) > 1 and para[0].text.strip()[:1] in markers.conventions.item_marks:
        found = markers.item_title(para[0].text.strip() + " " + _join(para[1:]))
    return found


def _column_rights(lines: list[TextLine]) -> dict[int | None, float]:
    """Where each column's lines end: the right edge of its measure."""
    out: dict[int | None, float] = {}
    for ln in lines:
        if ln.box is not None:
            out[ln.column] = max(out.get(ln.column, 0.0), ln.box.x1)
    return out


def _filled_title(para: list[TextLine], right: dict[int | None, float], markers: Markers) -> str | None:
    """An unmarked item's run-in title that fills its first line (``义诊活动走进吴城`` /
    ``11月18日，区中医院…``): a first line of title form (``FILLED_TITLE``, no dateline)
    ending at its column's right edge, with more of the item under it."""
    first = para[0]
    if len(para) < 2 or first.box is None or first.size is None:
        return None
    if right.get(first.column, first.box.x1) - first.box.x1 > FILLED_FLUSH * first.size:
        return None
    text = first.text.strip()
    m = _FILLED_TITLE.fullmatch(text)
    if m is None or markers.find_dateline(_join(para)) is not None:
        return None
    return text


def _closing_byline(text: str, markers: Markers) -> bool:
    """A paragraph that is only a bracketed byline, ``（通讯员 傅兰平 崔华军）``: it closes the item above."""
    return markers.parse_bracketed_byline(text.strip()) is not None


def _unmarked_title(text: str, markers: Markers) -> str | None:
    """The run-in title of a brief set without an item mark: a short phrase with no
    punctuation, then a gap (``ETC服务网点进乡镇 为方便群众…``); a dateline
    (``本报讯 …``) is not one."""
    m = _RUN_IN.match(text)
    if m is None or markers.find_dateline(text) is not None:
        return None
    return m.group("title")


def _drop_title(para: list[TextLine], title: str, marked: bool = True) -> list[TextLine]:
    """The item's lines with its mark and run-in title taken off the front."""
    squashed = re.sub(r"\s+", "", title)
    out: list[TextLine] = []
    for k, ln in enumerate(para):
        if not squashed:
            out.append(ln)
            continue
        text = ln.text.lstrip()
        if k == 0 and marked:
            text = text[1:].lstrip()  # the item mark
        taken = 0
        while squashed and taken < len(text):
            if text[taken].isspace():
                taken += 1
            elif text[taken] == squashed[0]:
                squashed = squashed[1:]
                taken += 1
            else:
                break
        rest = text[taken:].strip()
        if rest:
            out.append(evolve(ln, text=rest, starts_paragraph=True if not out else ln.starts_paragraph))
    return out


def _paragraphs(lines: list[TextLine]) -> list[list[TextLine]]:
    out: list[list[TextLine]] = []
    for ln in lines:
        if not out or ln.starts_paragraph is not False or ln.hint is Role.SUBHEADING:
            out.append([ln])
        else:
            out[-1].append(ln)
    return out


def _match_detached(articles: list[Article], orphans: list[_Orphan], notes: list[Diagnostic],
                    tuning: Tuning) -> list[_Orphan]:
    """Give headline-less articles the detached headlines that describe them;
    return the orphans left over.

    Any orphan headline may claim an article it scores ``match_threshold``
    against (the shared scorer).  A headline set below all the text of its
    page (a page that gathers its headlines, as the dump reader's detached
    block does) is a headline looking for its story, so it may also take an
    article that it and no other prefers, scoring ``anchor_min``, and the last
    such headline takes the last headline-less article.
    """
    open_ = [k for k, a in enumerate(articles) if a.title_source != "headline"]
    titled = [o for o in orphans if o.title]
    if not open_ or not titled:
        return orphans
    texts = [[b.text for b in articles[k].blocks if isinstance(b, (Paragraph, Heading))] for k in open_]
    scorer = Scorer([grams_of(t) for t in texts], leads=[grams(t[0]) if t else frozenset() for t in texts],
                    units=[grams(x) for t in texts for x in t])
    score = {(i, j): scorer.score(" ".join(x for x in (o.kicker, o.title, o.subtitle) if x), j)
             for i, o in enumerate(titled) for j in range(len(open_))}
    used_o: set[int] = set()
    used_a: set[int] = set()
    given: dict[int, int] = {}

    def give(i: int, j: int, confidence: float) -> None:
        used_o.add(i)
        used_a.add(j)
        given[i] = j
        o, k = titled[i], open_[j]
        art = articles[k]
        named = set(art.authors)
        merged = art.contributors + tuple(Contributor(name, role) for name, role in zip(o.authors, o.roles)
                                          if name not in named)
        articles[k] = evolve(art, title=o.title, title_source="headline", kicker=o.kicker, subtitle=o.subtitle,
                             contributors=merged, blocks=art.blocks + tuple(o.figures))
        notes.append(Diagnostic("headline-match", f"detached headline matched by content: {o.title}", art.id,
                                round(min(confidence, 1.0), 3)))
        # a story with its own headline on this page does not go on from the page before
        notes[:] = [d for d in notes if not (d.code == _CONTINUES and d.article == art.id)]

    for (i, j), value in sorted(score.items(), key=lambda kv: -kv[1]):
        if value < tuning.match_threshold:
            break
        if i not in used_o and j not in used_a:
            give(i, j, value)
    detached = [i for i, o in enumerate(titled) if o.detached]
    if len(detached) == len(open_) and _runs_in_order(detached, given):
        # the headlines the content placed keep their stories' ranks: the list runs in page
        # order, and the rest go by their rank in it (a poem's title shares little with it)
        for rank, i in enumerate(detached):
            if i not in used_o and rank not in used_a:
                give(i, rank, score[i, rank])
    left = [i for i in detached if i not in used_o]
    free = [j for j in range(len(open_)) if j not in used_a]
    if 1 < len(left) == len(free) <= GATHERED_MAX:
        # as many gathered headlines as stories without one: the pairing that fits best as a
        # whole, not headline by headline (the first tie in page order: a list runs in order),
        # by the words shared and by the rare characters shared (a poem's title shares few words)
        chars = _char_scores([titled[i] for i in left], [texts[j] for j in free])
        best = max(permutations(range(len(free))),
                   key=lambda ps: sum(score[i, free[p]] + chars[n][p] for n, (i, p) in enumerate(zip(left, ps))))
        best = tuple(free[p] for p in best)
        for i, j in zip(left, best):
            give(i, j, score[i, j])
    changed = True
    while changed:
        changed = False
        for i in detached:
            if i in used_o:
                continue
            free = [j for j in range(len(open_)) if j not in used_a]
            if not free:
                break
            j = max(free, key=lambda j: score[i, j])
            rivals = [r for r in detached if r not in used_o and r != i]
            if score[i, j] >= tuning.anchor_min and all(score[r, j] < score[i, j] for r in rivals):
                give(i, j, score[i, j])
                changed = True
    left = [i for i in detached if i not in used_o]
    free = [j for j in range(len(open_)) if j not in used_a]
    if len(left) == 1 and len(free) == 1:
        give(left[0], free[0], score[left[0], free[0]])
    matched = {id(titled[i]) for i in used_o}
    return [o for o in orphans if id(o) not in matched]


def _runs_in_order(detached: list[int], given: dict[int, int]) -> bool:
    """Whether a gathered list of headlines, as many as the stories waiting for one, runs in
    the page's order: at least ``GATHERED_RANKED`` of its headlines were placed by their content,
    each at the rank of its story among those stories, and none elsewhere.

    A page that prints its headlines apart lists them as it prints the stories (a table of
    contents does): ``黄河岸边的老船工`` / ``母亲的酸菜缸`` / ``在碛口，听一首老信天游`` /
    ``村口那棵老槐树`` / ``雨后的三川河`` over poem, prose, poem, prose, poem.  The two prose
    titles found by their words at ranks 2 and 4 of both say so, and the poems take theirs by
    rank, not by the characters their titles share with the wrong poem (``黄河``, ``岸边``).
    One headline in place says nothing: a shuffled list keeps one by chance."""
    placed = [(rank, given[i]) for rank, i in enumerate(detached) if i in given]
    return len(placed) >= GATHERED_RANKED and all(rank == j for rank, j in placed)


def _char_scores(heads: list[_Orphan], texts: list[list[str]]) -> list[list[float]]:
    """Each gathered headline against each story left: the share of its Han characters,
    weighted by how rare each is among the stories, that the story has, each counting
    half, and half again as the share of the story's paragraphs it is found in.

    A poem's title shares no two-character word with it (``黄河岸边的老船工`` over
    ``他坐在河滩上`` / ``河水从他眼里流过``) but is made of characters it is about
    (``河``, ``船``); ``的`` and ``一`` weigh nothing.  A story is about what it
    repeats: ``本周天气预报`` goes to the forecast whose every paragraph speaks of
    ``气``, not to the price list that says ``受降温天气影响`` once.  The shared stages
    pair a dump's leftover titles by their characters too (:mod:`..match.leftover`)."""
    per = [[frozenset(_HAN.findall(t)) for t in ts] for ts in texts]
    df = Counter(c for sets in per for para in sets for c in para)
    n = sum(map(len, per))
    weight = {c: max(0.0, math.log((n + 1) / (k + 0.5))) for c, k in df.items()}
    share = [{c: k / len(sets) for c, k in Counter(c for para in sets for c in para).items()} if sets else {}
             for sets in per]
    out = []
    for o in heads:
        title = set(_HAN.findall(" ".join(x for x in (o.kicker, o.title, o.subtitle) if x)))
        total = math.fsum(weight.get(c, math.log(2 * (n + 1))) for c in title)
        out.append([math.fsum(weight[c] * (0.5 + 0.5 * sh[c]) for c in title if c in sh) / total if total else 0.0
                    for sh in share])
    return out


def _article(lines: list[TextLine], aid: str, notes: list[Diagnostic], profile: Profile, *,
             first: bool) -> Article | _Orphan:
    """One region's article, or an orphan headline when it holds no text.

    A headline-less region that opens the page, or opens mid-paragraph, goes
    on from the previous page (see :mod:`.jumps`).
    """
    markers = profile.markers
    kicker = _join(ln for ln in lines if ln.hint is Role.KICKER).rstrip(_DASHES + "：: ").strip() or None
    title = _join(ln for ln in lines if ln.hint is Role.HEADLINE).strip() or None
    subtitle = _join(ln for ln in lines if ln.hint is Role.SUBTITLE).lstrip(_DASHES + " ").strip() or None
    authors: list[str] = []
    roles: list[str | None] = []

    def add(byline: Byline | None) -> None:
        if byline is None:
            return
        for name, role in zip(byline.authors, byline.roles):
            if name not in authors:
                authors.append(name)
                roles.append(role)

    byline_text = _join(ln for ln in lines if ln.hint is Role.BYLINE).strip()  # (wrapped over two lines)
    if byline_text:
        add(markers.parse_byline_line(byline_text) or markers.parse_names(byline_text.lstrip("□■ ")))
    body = [ln for ln in lines if ln.hint in (None, Role.BODY, Role.PARAGRAPH_START, Role.SUBHEADING, Role.VERSE)]
    captions = [ln for ln in lines if ln.hint is Role.CAPTION]
    blocks: list[ModelBlock] = []
    dateline: str | None = None
    continues = bool(body) and title is None and (first or body[0].starts_paragraph is False)
    paras = _paragraphs(body)
    for k, para in enumerate(paras):
        text = _join(para).strip()
        if not text:
            continue
        text = _strip_jumps(text, aid, notes)
        if not text or markers.is_affiliation(text):  # （作者单位：…）: no field holds it, no text is it
            continue
        split = markers.split_affiliation(text)
        if split is not None:
            text = split[0]
        if para[0].hint is Role.SUBHEADING or (len(para) <= 2 and markers.is_subheading(text)
                                                and not _quoted(text, para[0].hint is Role.VERSE)):
            blocks.append(Heading(text))
            continue
        if _before_lead(blocks, markers):
            run_in = markers.separate_run_ins(text).split("\n", 1)
            if len(run_in) == 2 and markers.find_caption(run_in[0]) is not None:
                blocks.append(_figure(run_in[0], markers))  # a caption run into the lead: … 王晶晶 摄 本报讯 …
                text = run_in[1].strip()
            found = markers.find_dateline(text)
            if found is not None:
                dateline = found.marker
                add(found.byline)
                text = text[found.end:].strip()
        if len(para) <= 2 and k >= len(paras) - 2:
            bracketed = markers.parse_bracketed_byline(text)
            if bracketed is not None:
                add(bracketed)
                continue
        if len(para) == 1 and len(text) <= 30:
            alone = markers.parse_byline_line(text)
            if alone is not None:
                add(alone)
                continue
        caption = markers.find_caption(text) if len(text) <= 150 else None
        if caption is not None:
            blocks.append(_figure(text, markers))
            continue
        # （本报北京11月13日电） closing a story, at a paragraph's end or on a line of its own
        # (a stop put before it lets the shared pattern, which wants text before it, read that)
        end = markers.find_end_dateline(text) or markers.find_end_dateline("。" + text)
        if end is not None:
            text = end[0].strip() if end[0] != "。" else ""
            dateline = dateline or end[1]
        trailing = markers.find_trailing_byline(text)
        if trailing is not None:
            text = trailing[0].strip()
            add(trailing[1])
        if text:
            blocks.append(Paragraph(text))
    blocks = _merge_credits(blocks, markers)
    for para in _paragraphs(captions):
        text = _join(para).strip()
        last = blocks[-1] if blocks else None
        if isinstance(last, Figure) and last.credit is None and credit_line(text, markers) is not None:
            blocks[-1] = Figure(last.caption, credit_line(text, markers))
        elif text:
            blocks.append(_figure(text, markers))
    texts = [b.text for b in blocks if isinstance(b, (Paragraph, Heading))]
    if not texts or (title is not None and not authors and _no_story(texts)):
        return _Orphan(kicker, title, subtitle, authors, roles, [b for b in blocks if isinstance(b, Figure)], texts)
    source = "headline" if title else None
    supplied = _supplied(title)
    if supplied is not None:  # ［…］: a title the printer supplied, not the paper's headline
        title, source = supplied, "derived"
    if title is None:
        lead = next((b.text for b in blocks if isinstance(b, Paragraph)), "")
        title = derive_title(lead, profile) if lead else None
        source = "derived" if title else None
        notes.append(Diagnostic("no-headline", "no headline above this text; title derived from the lead", aid))
    if continues:
        notes.append(Diagnostic(_CONTINUES, "opens mid-paragraph: the previous page's last article goes on here",
                                aid))
    return Article(id=aid, title=title, title_source=source, kicker=kicker if title else None,  # type: ignore[arg-type]
                   subtitle=subtitle,
                   contributors=tuple(Contributor(name, role) for name, role in zip(authors, roles)), dateline=dateline,
                   blocks=tuple(blocks))


def _before_lead(blocks: list[ModelBlock], markers: Markers) -> bool:
    """No paragraph of the story read yet but a caption over its credit line (a picture's
    caption set over the lead, its picture not in the PDF: ``西山片区新建的供水站内…`` /
    ``孝义市妇联供图``): the next paragraph is the lead, where the dateline stands."""
    paras = [b.text for b in blocks if isinstance(b, Paragraph)]
    return all(markers.credit_only(t) is not None
               or (k + 1 < len(paras) and markers.credit_only(paras[k + 1]) is not None
                   and len(t) <= CAPTION_MAX)
               for k, t in enumerate(paras)) and (not paras or markers.credit_only(paras[-1]) is not None)


def _quoted(text: str, verse: bool) -> bool:
    """Words in quotes that are no subheading: a quoted sentence
    (``“咱们这里的东西品质好，就是以前没人知道。”``), or a quoted line of a poem
    (``“别怕，有我在”``); a quoted subheading (``“最怕的是下雨下雪天”``) ends no sentence."""
    t = text.strip()
    return len(t) > 2 and t[0] == "“" and t[-1] == "”" and (verse or t[-2] in _SENTENCE_END)


def _supplied(title: str | None) -> str | None:
    """A headline wholly in square brackets (``［民建离石支部专程来到吕梁火车站］``) is a
    title supplied by whoever printed the page, as a cataloguer marks one (ISBD
    1.1.2, 自拟题名): the words inside, or None for any other headline."""
    if title is None:
        return None
    t = title.strip()
    if len(t) > 2 and t[0] == DERIVED_OPEN and t[-1] == DERIVED_CLOSE and DERIVED_OPEN not in t[1:-1] \
            and DERIVED_CLOSE not in t[1:-1]:
        return t[1:-1].strip() or None
    return None


def _no_story(texts: list[str]) -> bool:
    """A headline over a line or two of furniture (a masthead over its date line,
    a page name over 合办 credits) heads no story: no sentence is ended.  Three
    lines or more (a short poem's) and a byline under the headline make a story."""
    return len(texts) <= 2 and sum(len(t) for t in texts) <= NO_STORY_CHARS \
        and not any(t.rstrip().endswith(_SENTENCE_END) for t in texts)


def _strip_jumps(text: str, aid: str, notes: list[Diagnostic]) -> str:
    """Jump markers never stay in the text; where they pointed is kept as a diagnostic."""
    if "转" not in text and "接" not in text:
        return text
    for m in JUMP.finditer(text):
        forward = m.group("dir") in ("下转", "转")
        notes.append(Diagnostic("jump-to" if forward else "jump-from", m.group("page"), aid))
    return JUMP.sub("", text).strip()


def _merge_credits(blocks: list[ModelBlock], markers: Markers) -> list[ModelBlock]:
    """A caption and the credit line set under it (``图／王晶晶``, ``王晶晶 摄``) are one figure."""
    out: list[ModelBlock] = []
    for b in blocks:
        prev = out[-1] if out else None
        if isinstance(prev, Figure) and prev.credit is None and isinstance(b, Paragraph):
            credit = credit_line(b.text, markers)
            if credit is not None:
                out[-1] = Figure(prev.caption, credit)
                continue
        if isinstance(prev, Paragraph) and isinstance(b, Paragraph) and len(prev.text) <= CAPTION_MAX:
            # a credit on a line of its own (``江亮彬 摄``, ``XX供图``): the paragraph over it is its caption
            alone = markers.credit_only(b.text)
            if alone is not None:
                out[-1] = Figure(prev.text, alone)
                continue
        out.append(b)
    return out


def _figure(text: str, markers: Markers) -> Figure:
    """A caption read by the shared classifier, with a 图／names credit after it if it has one."""
    found = markers.find_caption(text) or markers.find_credit(text)
    if found is not None and found.credit is not None:
        return Figure(found.caption, found.credit)
    caption = found.caption if found is not None else text
    m = _CREDIT_LINE.search(caption)
    credit = credit_line(caption[m.start():], markers) if m is not None and m.start() > 0 else None
    if credit is not None and m is not None:
        return Figure(caption[: m.start()].strip(), credit)
    return Figure(caption)


def credit_line(text: str, markers: Markers) -> Credit | None:
    """A credit printed on its own line (``图／王晶晶``), or None."""
    m = _CREDIT_LINE.match(text.strip())
    if m is None:
        return None
    byline = markers.parse_names(m.group("who"))
    return Credit(contributors(byline), "图") if byline is not None and byline.authors else None
