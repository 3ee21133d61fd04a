"""From a bank item and the page's conventions to a printed story and its gold article.

A ``Story`` holds what is printed (the headline unit's display lines, the
body blocks) and what a perfect parse returns (the gold article, in
``score_parse.py``'s contract).  The gold follows newspaper-conventions.md:
the dateline is the marker only, authors are names without roles, captions
and credits are split, jump markers and affiliation lines are no text.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from typing import Any

from . import catalogue, names
from .typeset import Block

FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
NUMERALS = "一二三四五六七八九十"


@dataclass
class PageContext:
    """What stories of one page share: the rng, the drawn conventions, the date, the paper."""

    rng: random.Random
    style: dict[str, Any]
    month: int
    day: int
    year: int
    county: str
    paper: str

    def show(self, text: str) -> str:
        """Text as printed (full-width digits on pages that use them)."""
        return text.translate(FULLWIDTH) if self.style["fullwidth_digits"] else text

    def draw(self, name: str) -> Any:
        return catalogue.draw(name, self.rng)


@dataclass
class Story:
    kind: str
    unit: list[tuple[str, str]]  # headline unit: (role, text) with role kicker/title/subtitle/byline/caption
    blocks: list[Block]
    gold: dict[str, Any] | None  # None: the story adds no article (a loose photo, a column of briefs)
    loose: list[dict[str, Any]] = field(default_factory=list)  # loose figures it prints
    banners: list[str] = field(default_factory=list)  # column labels it prints (page text)
    label: str | None = None  # column label printed over its band
    items: list[dict[str, Any]] = field(default_factory=list)  # the articles of a column of briefs

    def articles(self) -> list[dict[str, Any]]:
        return [self.gold] if self.gold is not None else list(self.items)


def _article(title: str | None, subtitle: str | None = None, kicker: str | None = None,
             authors: list[str] | None = None, dateline: str | None = None) -> dict[str, Any]:
    return {"title": title, "subtitle": subtitle, "kicker": kicker, "authors": list(authors or []),
            "dateline": dateline, "blocks": []}


def _para(gold: dict[str, Any], text: str) -> None:
    gold["blocks"].append({"type": "paragraph", "text": text})


def _strip_deco(text: str) -> str:
    text = re.sub(r"^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|\d{1,2}[.、．])\s*", "", text)
    text = text.strip("“”【】 ")
    return text


def _subheading(ctx: PageContext, text: str, n: int, style: str) -> str:
    core = _strip_deco(text)
    if style == "quoted":
        return f"“{core}”"
    if style == "【】":
        return f"【{core}】"
    if style == "一、":
        return f"{NUMERALS[min(n, 9)]}、{core}"
    if style == "（一）":
        return f"（{NUMERALS[min(n, 9)]}）{core}"
    return text


# --- datelines and bylines -------------------------------------------------

def _date(ctx: PageContext) -> str:
    return f"{ctx.month}月{max(1, ctx.day - ctx.rng.randint(0, 1))}日"


def dateline(ctx: PageContext, form: str | None) -> tuple[str | None, str | None, list[str], str | None]:
    """(printed prefix, gold marker, authors in its bracket, printed end dateline)."""
    rng = ctx.rng
    if form is None:
        return None, None, [], None
    place = rng.choice(names.PLACES)
    if form == "本报讯":
        return "本报讯", "本报讯", [], None
    if form in ("本报讯（记者）", "本报讯(记者)"):
        who = names.people(rng, rng.choice((1, 2)))
        second = rng.choice(("通讯员", "通讯员", "实习生"))
        inner = f"记者 {who[0]}" + (f" {second} {who[1]}" if len(who) > 1 else "")
        br = ("（", "）") if "（" in form else ("(", ")")
        return f"本报讯{br[0]}{inner}{br[1]}", "本报讯", who, None
    if form == "XX报讯（记者）":
        paper = rng.choice(names.PAPERS)
        who = names.people(rng, 1)
        return f"{paper}讯（记者 {who[0]}）", f"{paper}讯", who, None
    if form == "XX网日讯（见习记者）":
        site = rng.choice(names.WEBSITES)
        who = names.people(rng, 1)
        marker = f"{site}{_date(ctx)}讯"
        return f"{marker}（见习记者 {who[0]}）", marker, who, None
    if form == "本报地日电（记者）":
        who = names.people(rng, 1)
        marker = f"本报{place}{_date(ctx)}电"
        return f"{marker}（记者 {who[0]}）", marker, who, None
    if form == "新华社地日电（记者）":
        who = names.people(rng, rng.choice((1, 2)))
        marker = f"新华社{place}{_date(ctx)}电"
        return f"{marker}（记者 {' '.join(who)}）", marker, who, None
    if form == "新华社地日专电":
        marker = f"新华社{place}{_date(ctx)}专电"
        return marker, marker, [], None
    if form == "据新华社电":
        return "据新华社电", "据新华社电", [], None
    if form == "中新网地日电 (记者)":
        who = names.people(rng, 1)
        marker = f"中新网{place}{_date(ctx)}电"
        return f"{marker} (记者 {who[0]})", marker, who, None
    if form == "据…消息":
        marker = f"据{rng.choice(names.PAPERS + names.WEBSITES)}消息"
        return marker, marker, [], None
    if form == "end:（本报地日电）":
        marker = f"本报{place}{_date(ctx)}电"
        return None, marker, [], f"（{marker}）"
    raise ValueError(form)


def trailing_byline(ctx: PageContext, form: str | None) -> tuple[str | None, list[str]]:
    rng = ctx.rng
    if form is None:
        return None, []
    if form == "（名）":
        who = names.people(rng, 1)
        return f"（{who[0]}）", who
    if form == "（记者 名 特约记者 名）":
        who = names.people(rng, 2)
        return f"（记者 {who[0]} 特约记者 {who[1]}）", who
    if form == "（文/图 名）":
        who = names.people(rng, 1)
        return f"（文/图 {who[0]}）", who
    if form == "（本报记者 名 通讯员 名）":
        who = names.people(rng, 2)
        return f"（本报记者 {who[0]} {rng.choice(('通讯员', '实习生'))} {who[1]}）", who
    if form == "（通讯员 名 名）":
        who = names.people(rng, 2)
        return f"（通讯员 {who[0]} {who[1]}）", who
    raise ValueError(form)


def headline_byline(ctx: PageContext, form: str) -> tuple[str | None, str | None, list[str]]:
    """(line in the headline unit, trailing byline instead, authors)."""
    rng = ctx.rng
    if form == "□ 名":
        who = names.people(rng, 1)
        return f"□ {who[0]}", None, who
    if form == "■ 本报记者 名":
        who = names.people(rng, 1)
        return f"■ 本报记者 {who[0]}", None, who
    if form == "□本报记者名本报通讯员名":
        who = names.people(rng, 2)
        return f"□本报记者{who[0]}本报通讯员{who[1]}", None, who
    if form == "□ 两字名补空":
        name = rng.choice(names.SURNAMES) + rng.choice(names.GIVEN)
        return f"□ {name[0]} {name[1]}", None, [name]
    if form == "□ 名 名":
        who = names.people(rng, 2)
        return f"□ {who[0]} {who[1]}", None, who
    if form == "□ 文/图 名":
        who = names.people(rng, 1)
        return f"□ 文/图 {who[0]}", None, who
    if form == "（名）at end":
        who = names.people(rng, 1)
        return None, f"（{who[0]}）", who
    raise ValueError(form)


# --- figures ---------------------------------------------------------------

def credit(ctx: PageContext, form: str, authors: list[str], caption: str) -> tuple[str, str, str | None]:
    """(printed caption text, printed credit, gold credit); the gold caption is the printed one minus ▲."""
    rng = ctx.rng
    who = rng.choice(authors) if authors and rng.random() < 0.5 else names.person(rng)
    if form == "名 摄":
        return caption, f"{who} 摄", who
    if form == "本报记者 名 摄":
        return caption, f"本报记者 {who} 摄", who
    if form == "（名 摄）":
        return caption, f"（{who} 摄）", who
    if form == "机构供图":
        org = names.organisation(rng, ctx.county)
        return caption, f"{org}供图", org
    if form == "（资料图）":
        return caption, "（资料图）", "资料图"
    if form == "▲ 名 摄":
        return "▲" + caption, f"{who} 摄", who
    if form == "图为 名 摄":
        return "图为" + caption.lstrip("图为"), f"{who} 摄", who
    raise ValueError(form)


def figure(ctx: PageContext, caption: str, authors: list[str]) -> tuple[Block, dict[str, Any]]:
    printed, cred, gold_credit = credit(ctx, ctx.draw("credit"), authors, caption)
    gold_caption = printed.lstrip("▲")
    block = Block(ctx.show(printed), indent=0.0, justify=True, gap_before=1, keep_tail=ctx.show(cred))
    return block, {"type": "figure", "caption": gold_caption, "credit": gold_credit}


# --- stories ---------------------------------------------------------------

EDITORS_NOTES = (
    "编者按：{t}，是群众身边的新变化。本报今起推出系列报道，记录这些变化背后的人和事，敬请关注。",
    "编者按：围绕“{t}”这一话题，记者深入基层走访，倾听各方声音。现将有关情况整理刊发，以飨读者。",
    "编者按：{t}。这组报道从一个侧面展现了干部群众的精神风貌，今日刊发，欢迎读者来信交流。",
)
AFFILIATIONS = {"作者单位": "（作者单位：{org}）", "作者系": "（作者系{org}干部）"}


def _headline(ctx: PageContext, item: dict[str, Any], byline: str | None = None) -> tuple[list[tuple[str, str]], dict[str, Any]]:
    unit: list[tuple[str, str]] = []
    kicker = item.get("kicker") if ctx.style["show_kicker"] else None
    subtitle = item.get("subtitle") if ctx.style["show_subtitle"] else None
    if kicker:
        unit.append(("kicker", ctx.show(kicker + ctx.style["kicker_dash"])))
    title = item.get("headline")
    if title:
        unit.append(("title", ctx.show(title)))
    if subtitle:
        unit.append(("subtitle", ctx.show("——" + subtitle)))
    if byline:
        unit.append(("byline", ctx.show(byline)))
    gold = _article(title, subtitle, kicker)
    return unit, gold


def _body(ctx: PageContext, story: Story, item: dict[str, Any], first_prefix: str | None = None,
          tail: str | None = None, drop_first: int = 0, keep: int | None = None) -> None:
    """Body blocks and gold blocks from the item's body."""
    gold = story.gold
    assert gold is not None
    body = item["body"][drop_first:keep]
    style = ctx.style["subheading_style"]
    n_head = 0
    run_in: str | None = None
    paras = [k for k, b in enumerate(body) if "p" in b or "l" in b or "sig" in b]
    last = paras[-1] if paras else -1
    for k, b in enumerate(body):
        if "h" in b:
            if style == "run-in":
                run_in = _strip_deco(b["h"]) + "。"
                continue
            text = _subheading(ctx, b["h"], n_head, style)
            n_head += 1
            story.blocks.append(Block(ctx.show(text), indent=0.0, justify=False, align="center"))
            gold["blocks"].append({"type": "heading", "text": text})
            continue
        if "l" in b:
            gap = 1 if k and "l" in body[k - 1] and b.get("stanza") else 0
            story.blocks.append(Block(ctx.show(b["l"]), indent=2.0, justify=False, gap_before=gap))
            _para(gold, b["l"])
            continue
        if "sig" in b:
            story.blocks.append(Block(ctx.show(b["sig"]), indent=0.0, justify=False, align="right"))
            _para(gold, b["sig"])
            continue
        text = b["p"]
        if run_in:
            text, run_in = run_in + text, None
        printed = text
        if first_prefix and not any(x["type"] == "paragraph" for x in gold["blocks"]):
            printed = first_prefix + " " + text
        story.blocks.append(Block(ctx.show(printed), keep_tail=ctx.show(tail) if tail and k == last else None))
        _para(gold, text)


def news(ctx: PageContext, item: dict[str, Any], jump: str | None = None) -> Story:
    form = ctx.draw("dateline")
    if jump == "下转" and form in (None, "end:（本报地日电）", "本报讯"):
        form = "本报讯（记者）"
    prefix, marker, authors, end = dateline(ctx, form)
    tail = end
    if not authors and end is None and form not in ("新华社地日专电", "据新华社电"):
        tail, authors = trailing_byline(ctx, ctx.draw("trailing_byline"))
    if jump == "下转":
        tail = None
    unit, gold = _headline(ctx, item)
    gold["authors"], gold["dateline"] = authors, marker
    story = Story(item["kind"], unit, [], gold)
    keep = None
    if jump == "下转":
        paras = [k for k, b in enumerate(item["body"]) if "p" in b]
        keep = paras[min(len(paras) - 1, 2)] + 1 if len(paras) > 2 else None
    _body(ctx, story, item, first_prefix=ctx.show(prefix) if prefix else None, tail=tail, keep=keep)
    if jump == "下转":
        story.blocks.append(Block(f"（下转第{ctx.rng.randint(2, 8)}版）", indent=0.0, justify=False, align="right"))
    _maybe_figure(ctx, story, item, authors)
    return story


def _maybe_figure(ctx: PageContext, story: Story, item: dict[str, Any], authors: list[str]) -> None:
    if not item.get("caption") or not ctx.draw("figure_in_article"):
        return
    assert story.gold is not None
    block, fig = figure(ctx, item["caption"], authors)
    story.gold["blocks"].append(fig)
    place = ctx.draw("figure_place")
    if place == "headline block":
        story.unit.append(("caption", block.text + " " + (block.keep_tail or "")))
    elif place == "run into next dateline" and story.gold.get("dateline") and story.blocks:
        first = story.blocks[0]
        story.blocks[0] = Block(block.text + " " + (block.keep_tail or "") + " " + first.text, indent=0.0,
                                keep_tail=first.keep_tail)
    else:
        at = ctx.rng.randint(1, max(1, len(story.blocks) - 1))
        story.blocks.insert(at, block)


def continued(ctx: PageContext, item: dict[str, Any]) -> Story:
    """The second part of a story that opens on another page: （上接第1版）, then its later paragraphs."""
    tail, authors = trailing_byline(ctx, ctx.draw("trailing_byline") or "（名）")
    unit, gold = _headline(ctx, item)
    gold["authors"] = authors
    story = Story(item["kind"], unit, [Block(f"（上接第{ctx.rng.randint(1, 3)}版）", indent=0.0, justify=False)], gold)
    paras = [k for k, b in enumerate(item["body"]) if "p" in b]
    start = paras[1] if len(paras) > 2 else 0
    _body(ctx, story, item, tail=tail, drop_first=start)
    return story


def feature(ctx: PageContext, item: dict[str, Any], byline_form: str | None = None) -> Story:
    line, tail, authors = headline_byline(ctx, byline_form or ctx.draw("headline_byline"))
    unit, gold = _headline(ctx, item, line)
    gold["authors"] = authors
    story = Story(item["kind"], unit, [], gold)
    if item["kind"] == "feature" and ctx.draw("editors_note"):
        note = ctx.rng.choice(EDITORS_NOTES).format(t=item["headline"])
        story.blocks.append(Block(ctx.show(note)))
        _para(gold, note)
    _body(ctx, story, item, tail=tail)
    _affiliation(ctx, story)
    _maybe_figure(ctx, story, item, authors)
    return story


def commentary(ctx: PageContext, item: dict[str, Any]) -> Story:
    if ctx.rng.random() < 0.5:
        unit, gold = _headline(ctx, item, "□ 本报评论员")
        gold["authors"] = ["本报评论员"]
        story = Story(item["kind"], unit, [], gold)
        _body(ctx, story, item)
        return story
    return feature(ctx, item, ctx.rng.choice(("□ 名", "■ 本报记者 名", "（名）at end")))


def _affiliation(ctx: PageContext, story: Story) -> None:
    form = ctx.draw("affiliation")
    if form is None or story.kind not in ("essay", "commentary", "feature", "poem"):
        return
    org = names.organisation(ctx.rng, ctx.county)
    text = AFFILIATIONS[form].format(org=org)
    story.blocks.append(Block(ctx.show(text), indent=2.0, justify=False))


def literary(ctx: PageContext, item: dict[str, Any]) -> Story:
    """Essays and poems: a title, a □ byline, no dateline; verse lines stay lines."""
    line, tail, authors = headline_byline(ctx, ctx.rng.choice(("□ 名", "□ 名", "□ 两字名补空", "（名）at end")))
    if item["kind"] == "poem" and tail:
        line, tail = f"□ {authors[0]}", None
    unit, gold = _headline(ctx, item, line)
    gold["authors"] = authors
    story = Story(item["kind"], unit, [], gold)
    _body(ctx, story, item, tail=tail)
    _affiliation(ctx, story)
    return story


def notice(ctx: PageContext, item: dict[str, Any]) -> Story:
    """Notices and service columns: a title, no author, numbered items and 落款 lines as paragraphs."""
    unit, gold = _headline(ctx, item)
    story = Story(item["kind"], unit, [], gold)
    _body(ctx, story, item)
    return story


def brief_column(ctx: PageContext, items: list[dict[str, Any]]) -> Story:
    """A 简讯 column: one band, each item a paragraph opening with its run-in title; each item is an article."""
    label = ctx.style["brief_label"]
    mark = ctx.style["brief_mark"]
    story = Story("brief", [], [], None, banners=[label], label=label)
    golds = []
    for item in items:
        tail, authors = trailing_byline(ctx, ctx.rng.choice(("（名）", "（名）", "（通讯员 名 名）", None)))
        title = item["headline"]
        text = " ".join(b["p"] for b in item["body"] if "p" in b)
        lead = f"{mark}{title}" if mark != "plain" else title
        story.blocks.append(Block(ctx.show(f"{lead} {text}"), keep_tail=ctx.show(tail) if tail else None))
        gold = _article(title, authors=authors)
        _para(gold, text)
        golds.append(gold)
    story.items = golds
    return story


def photo(ctx: PageContext, item: dict[str, Any]) -> Story:
    caption = item["body"][0]["p"]
    block, fig = figure(ctx, caption, [])
    block.gap_before = 0
    fig["attach"] = [None]
    return Story("photo", [], [block], None, loose=[fig])
