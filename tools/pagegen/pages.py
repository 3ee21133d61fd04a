"""Compose pages: pick stories for the page kind, lay them out in bands, add furniture; collect the gold.

A page is a vertical stack: header furniture (or a masthead), a slogan
banner, then one band per story (its columns side by side), then the
footer.  Adjacent columns of a band are offset by half a line so that no
extractor reads across the gutter; the reading order the extractor gives
is still checked after extraction (``corpus.check_order``).
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass, field
from typing import Any

from . import names, stories
from .stories import PageContext, Story
from .typeset import NO_END, NO_START, Line, advance, headline_lines, set_band, tokens, wrap

MARGIN = 40.0
GUTTER = 2.5  # em
STAGGER = {"pdfminer": True, "pdftotext": True}
BAND_GAP = 3.0  # em between one story and the next: extractors read nearby blocks together
PAGE_NAMES = {
    "news": ("综合新闻", "要闻", "社会", "民生", "经济", "乡村振兴", "县域新闻", "综合"),
    "literary": ("文苑", "副刊", "黄河风", "百花园", "文化周刊", "读书"),
    "notices": ("服务", "公告", "便民", "生活服务", "广告·公告"),
    "front": (),
}
SLOGANS = ("慎终如始做好常态化疫情防控", "喜迎二十大 奋进新征程", "全面推进乡村振兴", "创建全国文明城市 共建美好家园",
           "安全生产 重于泰山", "绿水青山就是金山银山", "弘扬劳模精神 争做时代先锋", "文明实践 你我同行")
LUNAR_MONTHS = ("正月", "二月", "三月", "四月", "五月", "六月", "七月", "八月", "九月", "十月", "冬月", "腊月")
LUNAR_DAYS = ("初一", "初五", "初八", "初十", "十二", "十五", "十八", "廿一", "廿三", "廿六", "廿九")
WEEKDAYS = "一二三四五六日"


@dataclass
class Placed:
    """A laid-out page: its size and lines, plus what the order check needs."""

    width: float
    height: float
    lines: list[Line]
    chain: list[str]  # body lines in reading order
    units: list[str]  # display lines (headlines, captions in the headline block) that must appear somewhere
    whole: list[str] = field(default_factory=list)  # page text (furniture, banners, labels): each one line of the dump


@dataclass
class PageGold:
    header: list[str] = field(default_factory=list)
    banners: list[str] = field(default_factory=list)
    articles: list[dict[str, Any]] = field(default_factory=list)
    loose: list[dict[str, Any]] = field(default_factory=list)


class Pools:
    """Bank items by kind, drawn without repeats within a page."""

    def __init__(self, items: list[dict[str, Any]], rng: random.Random) -> None:
        self.by_kind: dict[str, list[dict[str, Any]]] = {}
        for item in items:
            self.by_kind.setdefault(item["kind"], []).append(item)
        self.rng = rng
        self.used: set[str] = set()

    def take(self, kind: str, fallback: str = "news") -> dict[str, Any] | None:
        pool = [i for i in self.by_kind.get(kind, []) if i["id"] not in self.used]
        if not pool and fallback != kind:
            return self.take(fallback, fallback)
        if not pool:
            return None
        item = self.rng.choice(pool)
        self.used.add(item["id"])
        return item


def _furniture(ctx: PageContext, kind: str, number: int) -> tuple[list[tuple[str, float, float]], list[tuple[str, float, float]], list[str]]:
    """(header lines, footer lines, gold header) with (printed text, size, letter spacing)."""
    rng, st = ctx.rng, ctx.style
    date = datetime.date(ctx.year, ctx.month, ctx.day)
    day = f"{ctx.year}年{ctx.month}月{ctx.day}日 星期{WEEKDAYS[date.weekday()]}"
    head: list[tuple[str, float, float]] = []
    foot: list[tuple[str, float, float]] = []
    gold: list[str] = []

    def add(where: list[tuple[str, float, float]], text: str, size: float = 9.0, spacing: float = 0.0) -> None:
        where.append((ctx.show(text), size, spacing))
        gold.append(text)

    if kind == "front":
        add(head, ctx.paper, 36.0, 0.8)
        add(head, f"中共{ctx.county}委主办")
        add(head, f"{day} 农历{rng.choice(LUNAR_MONTHS)}{rng.choice(LUNAR_DAYS)}")
        add(head, f"第{rng.randint(800, 4999)}期 今日{rng.choice((4, 8, 12))}版")
        if rng.random() < 0.5:
            add(head, f"国内统一连续出版物号 CN14-{rng.randint(10, 99):04d}")
    else:
        if st["header_date"]:
            add(head, day)
        name = rng.choice(PAGE_NAMES[kind])
        label = st["page_label"]
        if label == "第N版":
            add(head, f"第{number}版")
        elif label == "A2":
            add(head, f"A{number}")
        elif label == "第0N版：名":
            add(head, f"第{number:02d}版：{name}")
        if st["page_name"] == "plain" and label != "第0N版：名":
            add(head, name, 14.0)
        elif st["page_name"] == "letter-spaced" and label != "第0N版：名":
            add(head, name, 16.0, 0.6)
    if st["co_publisher"]:
        add(head, f"合办：{ctx.county}融媒体中心")
    if st["staff_line"]:
        a, b, c = names.people(rng, 3)
        text = rng.choice((f"责任编辑：{a} 校对：{b}", f"本版编辑：{a} 美编：{b} 组版：{c}", f"责编：{a} 校对：{b}"))
        add(head if st["staff_line"] == "header" else foot, text)
    return head, foot, gold


def _stories(ctx: PageContext, kind: str, pools: Pools) -> list[Story]:
    rng, st = ctx.rng, ctx.style
    out: list[Story] = []

    def take(k: str, fallback: str = "news") -> dict[str, Any] | None:
        return pools.take(k, fallback)

    if kind in ("news", "front"):
        if kind == "front":
            lead = take("lead")
            if lead:
                out.append(stories.news(ctx, lead, jump="下转" if rng.random() < 0.5 else None))
        elif st["jump_marker"] == "上接":
            item = take("news")
            if item:
                out.append(stories.continued(ctx, item))
        for _ in range(rng.randint(2, 4) if kind == "news" else rng.randint(1, 3)):
            item = take("news")
            if item:
                jump = "下转" if st["jump_marker"] == "下转" and not any(s.blocks and "下转" in s.blocks[-1].text for s in out) else None
                out.append(stories.news(ctx, item, jump=jump))
        if st["commentary"]:
            item = take("commentary", "feature")
            if item:
                out.insert(rng.randint(0, len(out)), stories.commentary(ctx, item))
        run = [stories.feature(ctx, i) for i in (take("feature") for _ in range(st["features_in_a_row"])) if i]
        if st["qa"] and kind == "news":
            item = take("qa", "feature")
            if item:
                run.append(stories.feature(ctx, item))
        at = rng.randint(0, len(out))
        out[at:at] = run
        if st["brief_column"]:
            briefs = [i for i in (take("brief", "brief") for _ in range(rng.randint(2, 5))) if i]
            if briefs:
                out.append(stories.brief_column(ctx, briefs))
    elif kind == "literary":
        for _ in range(rng.randint(1, 3)):
            item = take("essay", "feature")
            if item:
                out.append(stories.literary(ctx, item))
        for _ in range(rng.randint(1, 3)):
            item = take("poem", "essay")
            if item:
                out.insert(rng.randint(0, len(out)), stories.literary(ctx, item))
    elif kind == "notices":
        for _ in range(rng.randint(1, 3)):
            item = take("notice")
            if item:
                out.append(stories.notice(ctx, item))
        for _ in range(rng.randint(1, 3)):
            item = take("service", "notice")
            if item:
                out.insert(rng.randint(0, len(out)), stories.notice(ctx, item))
        if st["brief_column"]:
            briefs = [i for i in (take("brief", "brief") for _ in range(rng.randint(2, 4))) if i]
            if briefs:
                out.append(stories.brief_column(ctx, briefs))
    for _ in range(st["loose_photos"] if kind != "notices" else 0):
        item = take("photo", "photo")
        if item:
            out.insert(rng.randint(0, len(out)), stories.photo(ctx, item))
    return out


def split_title(title: str) -> list[str]:
    """Break a headline in two near its middle, never beside a space, inside a Latin run, or against kinsoku."""
    n = len(title)
    for off in (0, 1, -1, 2, -2, 3, -3):
        p = n // 2 + off
        if not 2 <= p <= n - 2:
            continue
        a, b = title[p - 1], title[p]
        if " " in (a, b) or b in NO_START or a in NO_END or (a.isascii() and b.isascii()):
            continue
        return [title[:p], title[p:]]
    return [title]


def _unit_lines(ctx: PageContext, story: Story, width_pt: float, title_size: float) -> list[Line]:
    st = ctx.style
    size = st["body_size"]
    texts: list[tuple[str, float]] = []
    captions: list[str] = []
    for role, text in story.unit:
        if role == "title":
            parts = split_title(text) if st["two_line_headline"] and len(text) >= 10 else [text]
            longest = max(sum(1.0 for _ in p) for p in parts)
            tsize = max(size * 1.3, min(title_size, width_pt / (longest + 1)))
            texts += [(p, tsize) for p in parts]
        elif role in ("kicker", "subtitle"):
            texts.append((text, max(size, min(title_size * 0.6, width_pt / (len(text) + 1)))))
        elif role == "byline":
            texts.append((text, size))
        else:
            captions.append(text)
    align = st["headline_align"]
    fitted: list[tuple[str, float]] = []
    for text, tsize in texts:  # a display line wider than the story wraps (a long subtitle, a title in a narrow column)
        pieces = wrap(tokens(text, (0.25, 0.25), 0.5), lambda n: width_pt / tsize, 0, 0.0, False)
        fitted += [(_line_text(glyphs), tsize) for glyphs, _ in pieces]
    out = headline_lines(fitted, width_pt, align, 0.5)
    y = out[-1].y if out else 0.0
    for cap in captions:
        y += size * 0.8
        for glyphs, _ in wrap(tokens(cap, st["latin_gap"], st["space_em"]), lambda n: width_pt / size, 0, 0.0, True):
            y += size * st["pitch"]
            out.append(Line(glyphs, size, y=y))
    return out


def _line_text(glyphs: list[tuple[float, str]]) -> str:
    """A wrapped line's text with its spaces back (a gap wider than the glyph is a space)."""
    out = ""
    for k, (x, ch) in enumerate(glyphs):
        if k and x - glyphs[k - 1][0] > advance(glyphs[k - 1][1]) + 0.35:
            out += " "
        out += ch
    return out


def _band_widths(ctx: PageContext, story: Story) -> list[int]:
    rng, st = ctx.rng, ctx.style
    lo, hi = st["column_range"]
    k = st["columns_per_story"]
    chars = sum(len(b.text) for b in story.blocks)
    if story.kind in ("poem", "photo") or chars < 120:
        k = 1
    elif story.kind == "brief":
        k = min(k, 2)
    if story.kind == "poem":
        lo = max(lo, 12)
    first = rng.randint(lo, hi)
    if ctx.rng.random() < 0.5 or st["width_change"] == "same":
        widths = [first] * k
    else:
        widths = [first] + [rng.randint(lo, hi) for _ in range(k - 1)]
    if st["width_change"] == "changes" and k == 1 and story.kind not in ("poem", "photo"):
        widths = [first, rng.randint(lo, hi)]  # flows on into a column of another width
    return widths


def lay_out(ctx: PageContext, kind: str, number: int, pools: Pools, form_prefix: str) -> tuple[Placed, PageGold]:
    rng, st = ctx.rng, ctx.style
    size, pitch = st["body_size"], st["pitch"]
    title_size = rng.choice((16.0, 18.0, 20.0, 22.0))
    gold = PageGold()
    head, foot, gold.header = _furniture(ctx, kind, number)
    story_list = _stories(ctx, kind, pools)
    lines: list[Line] = []
    chain: list[str] = []
    units: list[str] = []
    whole: list[str] = []
    y = MARGIN
    right = 0.0

    def furniture(items: list[tuple[str, float, float]]) -> None:
        nonlocal y, right
        for text, fsize, spacing in items:
            y += fsize * 1.6
            ln = headline_lines([(text, fsize)], 2000.0, "left", 0.5, spacing)[0]
            ln.x, ln.y = MARGIN, y
            lines.append(ln)
            units.append(text)
            whole.append(text)
            right = max(right, MARGIN + (ln.glyphs[-1][0] + 1) * fsize)
        y += size

    furniture(head)
    if st["banner"]:
        slogan = rng.choice(SLOGANS)
        gold.banners.append(slogan)
        furniture([(slogan, 20.0, 0.0)])

    placement = st["headline_placement"]
    end_units: list[list[Line]] = []
    bottom_strip = st["extractor"] == "pdftotext"
    for n, story in enumerate(story_list):
        gold.articles += story.articles()
        gold.loose += story.loose
        gold.banners += story.banners
        widths = _band_widths(ctx, story)
        band_w = (sum(widths) + GUTTER * (len(widths) - 1)) * size
        y += size * BAND_GAP
        if story.label:
            y += 14.0 * 1.4
            ln = headline_lines([(ctx.show(story.label), 14.0)], band_w, "left", 0.5)[0]
            ln.x, ln.y = MARGIN, y
            lines.append(ln)
            units.append(story.label)
            whole.append(story.label)
        at_end = placement == "end" or (placement == "mixed" and rng.random() < 0.5)
        unit = _unit_lines(ctx, story, band_w, title_size) if story.unit else []
        units += [ln.text for ln in unit]
        if unit and at_end and bottom_strip:
            end_units.append(unit)
            y += unit[-1].y + size * 0.8  # the headline's place stays empty: bands do not run together
        elif unit:
            for ln in unit:
                ln.x, ln.y = MARGIN, y + ln.y
                right = max(right, MARGIN + (ln.glyphs[-1][0] + 1) * ln.size if ln.glyphs else 0.0)
                if at_end:
                    ln.form = f"{form_prefix}u{n}"
            if at_end:
                end_units.append(unit)
            else:
                lines += unit
                chain += [ln.text for ln in unit]
            y = unit[-1].y + size * 0.8
        cols, height = set_band(story.blocks, widths, size, pitch, st["latin_gap"], st["space_em"], stagger=STAGGER[st["extractor"]])
        x = MARGIN
        for w, col in zip(widths, cols):
            for ln in col:
                ln.x, ln.y = x, y + size + ln.y
                lines.append(ln)
                chain.append(ln.text)
            x += (w + GUTTER) * size
        right = max(right, MARGIN + band_w)
        y += (height + 0.5) * pitch * size + size
    if st["headline_order"] == "shuffled":
        rng.shuffle(end_units)
    if bottom_strip:
        y += size * 2
        for unit in end_units:
            top = y
            for ln in unit:
                ln.x, ln.y = MARGIN, top + ln.y
                right = max(right, MARGIN + (ln.glyphs[-1][0] + 1) * ln.size if ln.glyphs else 0)
            y = unit[-1].y + size * 2.5
            lines += unit
    else:
        for unit in end_units:
            lines += unit
    furniture(foot)
    placed = Placed(right + MARGIN, y + MARGIN, lines, chain, units, whole)
    return placed, gold
