"""Margins and thresholds of the shared stages, as one frozen record passed down.

Every number a stage compares against lives here, named and explained, so a
paper whose columns or headlines differ can be tuned without code
(``--profile paper.toml``, docs/parsing.md).  Widths are in CJK cells (em).
"""

from __future__ import annotations

from typing import Any

from attrs import field, frozen
from attrs.validators import and_, ge, gt, instance_of, le

__all__ = ["Tuning"]

_cells: Any = and_(instance_of((int, float)), ge(0))
_share: Any = and_(instance_of((int, float)), ge(0), le(1))


@frozen(kw_only=True)
class Tuning:
    # --- blocks: column widths and paragraph ends
    #: Lines on each side of a line that its column width is estimated from.
    window: int = field(default=4, validator=[instance_of(int), gt(0)])
    #: A line within this many cells of its column is full.
    full: float = field(default=1.5, validator=_cells)
    #: ... but on a page set on a grid (its paragraphs' middle lines of CJK alone fill the measure exactly,
    #: fewer than ``jitter_share`` of them a cell short, of ``margin_evidence`` at least) within this many.
    full_exact: float = field(default=0.5, validator=_cells)
    jitter_share: float = field(default=0.3, validator=_share)
    margin_evidence: int = field(default=8, validator=[instance_of(int), gt(0)])
    #: What each digit or Latin run of a line adds to that margin (gaps around it, glyphs not half a cell).
    run_slack: float = field(default=0.5, validator=_cells)
    #: Column estimates on the two sides of a line this close are one column (the wider is right).
    same_column: float = field(default=1.0, validator=_cells)
    #: A paragraph's lost first-line indent, in cells.
    indent: float = field(default=2.0, validator=_cells)
    #: A paragraph's first line is about this many cells short (its lost indent), up to ``indent_max``.
    indent_max: float = field(default=4.0, validator=_cells)
    #: A line not ending a sentence this short of its column (and under ``short_share`` of it) ends a block.
    short_share: float = field(default=0.8, validator=_share)
    #: A subheading-like line ending a sentence this many cells short of its column opens a block.
    subheading_short: float = field(default=3.0, validator=_cells)
    #: After a sentence end, a line opening with a quote starts a paragraph when the line before is this close to full.
    quote_full: float = field(default=1.0, validator=_cells)
    #: The full lines of a column set to a measure differ by at most this many cells (an extractor's
    #: ragged widths differ more, and there a line two cells short is no evidence of an indent).
    steady: float = field(default=0.5, validator=_cells)
    #: No newspaper column is this wide: a longer line is a paragraph the extractor did not wrap.
    unwrapped: float = field(default=40.0, validator=_cells)
    # --- classify: lengths
    #: Headline-ish text is at most this long (characters).
    display_max: int = field(default=40, validator=[instance_of(int), gt(0)])
    #: Markers that close a text are looked for in its last characters only.
    tail: int = field(default=60, validator=[instance_of(int), gt(0)])
    #: A caption is at most this long (characters, in the headline block).
    caption_max: int = field(default=80, validator=[instance_of(int), gt(0)])
    #: A ▲ or 图为 caption in the body is at most this long.
    marked_caption_max: int = field(default=150, validator=[instance_of(int), gt(0)])
    #: Furniture lines are at most this long.
    furniture_max: int = field(default=60, validator=[instance_of(int), gt(0)])
    #: A page name or section label is at most this many characters (spaces removed).
    label_max: int = field(default=8, validator=[instance_of(int), gt(0)])
    #: A verse line is at most this share of the column, in a run of at least ``verse_run`` such lines.
    verse_share: float = field(default=0.75, validator=_share)
    verse_run: int = field(default=4, validator=[instance_of(int), gt(1)])
    #: ... and, of its lines that end no sentence, at least this share differ by two cells or more from the next.
    verse_changes: float = field(default=0.35, validator=_share)
    #: ... or, where its lines' widths spread over at least this many cells (running text's mid-paragraph
    #: lines take its column's width, one more for a hanging mark), differ by a cell or more from the next.
    verse_spread: float = field(default=2.0, validator=gt(0))
    #: A line of at most this many characters after a verse line that filled its column is that line's end.
    verse_tail_max: int = field(default=1, validator=[instance_of(int), gt(0)])
    #: A poem's part label (``春``, ``谷子``, ``芒种``) on a line of its own is at most this many characters.
    stanza_label_max: int = field(default=2, validator=[instance_of(int), gt(0)])
    #: ... and at most this share of its lines open with the end of a clause (``设，经研究……``).
    verse_broken: float = field(default=0.15, validator=_share)
    #: Regular verse (七言): at least this share of a run's lines end in a punctuation mark.
    verse_marked: float = field(default=0.9, validator=_share)
    #: ... and no line of it longer than this (characters): a 七言 couplet on one line is 16.
    verse_line_max: int = field(default=16, validator=[instance_of(int), gt(0)])
    #: A notice's signature (落款) names at most this many issuers, a line each, above its date.
    signature_issuers: int = field(default=3, validator=[instance_of(int), gt(0)])
    #: A short line in the flow that shares words with the text after it heads a new story only when it is at
    #: least this long (characters); a shorter one names a section of the story (石磨, 水瓮, 马灯).
    inline_title_min: int = field(default=4, validator=[instance_of(int), ge(0)])
    #: ... its words are looked for in this many paragraphs on each side of it.
    inline_title_context: int = field(default=2, validator=[instance_of(int), gt(0)])
    #: Characters of the next line read with a credit's line to find a dateline run on after the credit.
    dateline_reach: int = field(default=16, validator=[instance_of(int), gt(0)])
    #: A short-news item's run-in title printed without a mark runs this many characters, at least and at most.
    item_title_min: int = field(default=4, validator=[instance_of(int), gt(0)])
    item_title_max: int = field(default=20, validator=[instance_of(int), gt(0)])
    #: At most this many of a run-in title's last characters are carried to the next line, before its lead.
    item_carry_max: int = field(default=3, validator=[instance_of(int), ge(0)])
    #: A line of a title shorter than this (characters) may hold only the end of the word naming its kind of
    #: notice, the column having broken it (``周末天气及出行提`` / ``示``).
    kind_break: int = field(default=3, validator=[instance_of(int), ge(0)])
    #: A headline printed above its story and wrapped by the column runs over at most this many lines.
    head_lines: int = field(default=6, validator=[instance_of(int), gt(0)])
    #: An author's name printed bare under a title (no □, no role word) runs this many Han characters,
    #: at least and at most, and a line names at most ``bare_names`` authors so (more is a list of names).
    bare_name_min: int = field(default=2, validator=[instance_of(int), gt(0)])
    bare_name_max: int = field(default=4, validator=[instance_of(int), gt(0)])
    bare_names: int = field(default=2, validator=[instance_of(int), gt(0)])
    #: Lines after a bare name looked through for a line of the same shape standing alone after a
    #: sentence's end: found, the short lines are an essay's section names (石磨, 水瓮), not its author.
    bare_name_reach: int = field(default=80, validator=[instance_of(int), gt(0)])
    #: The two lines of a headline broken in two on purpose (balanced, not wrapped by the column) differ by
    #: at most this many characters.
    head_balance: int = field(default=1, validator=[instance_of(int), ge(0)])
    # --- match: headline and figure scores (weighted bigram overlap in [0, 1])
    match_threshold: float = field(default=0.34, validator=_share)
    mutual_threshold: float = field(default=0.2, validator=_share)
    anchor_min: float = field(default=0.1, validator=_share)
    anchor_bonus: float = field(default=0.35, validator=_share)
    byline_bonus: float = field(default=0.25, validator=_share)
    claim_threshold: float = field(default=0.15, validator=_share)
    #: A headline describing no story as well as ``claim_threshold`` still claims the run of text it
    #: describes best when another headline claims it too (two stories merged: the cut decides).
    surplus_claim: float = field(default=0.05, validator=_share)
    figure_threshold: float = field(default=0.3, validator=_share)
    credit_bonus: float = field(default=0.3, validator=_share)
    near_bonus: float = field(default=0.1, validator=_share)
    low_confidence: float = field(default=0.5, validator=_share)
    #: A headline's first line, in one box with the rest, is a kicker when at most this share of its bigrams
    #: recur in the story and the rest's share is higher by ``kicker_story_gap`` (match/kicker.py); both
    #: sides at least ``title_min`` characters.
    kicker_story_max: float = field(default=0.34, validator=_share)
    kicker_story_gap: float = field(default=0.3, validator=_share)
    #: A line over the page's first headline is that story's kicker when the story tells it at least this
    #: well (its rarer words recur there), the page's banner when the story tells none of its words, and
    #: otherwise the page's house style decides (match/kicker.py, ``banner_over_first``).
    kicker_told_min: float = field(default=0.1, validator=_share)
    #: A box an extractor gave as one is told apart (two headlines, match/unglue.py; a kicker and its
    #: title, match/kicker.py) only into parts of at least this many characters each (``模``, a
    #: title's last character wrapped, is no headline).
    title_min: int = field(default=4, validator=[instance_of(int), gt(0)])
    #: A title read as one the column wrapped is cut between its printed lines (match/unglue.py) only where
    #: each part describes a story better by this much than the whole title describes any.
    wrap_cut_margin: float = field(default=0.1, validator=_share)
    #: Headlines matched on their words, in the stories' order, before the rest of a headline block is
    #: placed by order (docs/parsing.md, "Titles by order").
    order_evidence: int = field(default=1, validator=[instance_of(int), ge(0)])
    #: Titles and stories left over are paired by the characters they share (docs/parsing.md, "Titles left
    #: over"): a pair needs this weighted share of the title's characters in the story, this much more than
    #: either's next best, and no more than ``leftover_max`` pairs are weighed on a page.
    leftover_min: float = field(default=0.25, validator=_share)
    leftover_margin: float = field(default=0.1, validator=_share)
    leftover_max: int = field(default=400, validator=[instance_of(int), gt(0)])
    #: Headlines claiming one run of text that it may be cut for, and paragraphs a piece needs.
    max_pieces: int = field(default=4, validator=[instance_of(int), gt(1)])
    min_piece: int = field(default=2, validator=[instance_of(int), gt(0)])
    #: Characters a contact label may hold before its closing word (供电服务 of 供电服务热线：).
    contact_label_max: int = field(default=8, validator=[instance_of(int), gt(0)])
    #: Paragraphs a service item needs when titles naming their kind cut a run by their topics'
    #: characters (a 便民服务电话 item may be one paragraph; the cuts fall only where an item can open).
    topic_piece_min: int = field(default=1, validator=[instance_of(int), gt(0)])
    #: A service item's paragraphs that speak of its title's topic, counted when a title claims a text.
    topic_paragraphs: int = field(default=3, validator=[instance_of(int), gt(0)])
    #: A dated story's headline restates its lead: a headline none of whose words is found in a dated
    #: story's first this many paragraphs, but found further on, heads a story run on after it (match/tail.py).
    lead_reach: int = field(default=3, validator=[instance_of(int), gt(0)])
    #: Drafts each headline is scored against in full: those sharing its rarest bigrams.
    candidates: int = field(default=12, validator=[instance_of(int), gt(0)])
    #: Drafts a rare bigram may point to and still count as rare (the inverted index's cap).
    posting_cap: int = field(default=24, validator=[instance_of(int), gt(0)])
    #: Above this many n-gram searches (query n-grams times text length) a text's own bigrams are listed instead.
    search_budget: int = field(default=200_000, validator=[instance_of(int), gt(0)])
    #: Blocks in one draft beyond which it is not cut between headlines (the cut is quadratic in them).
    split_max_blocks: int = field(default=600, validator=[instance_of(int), gt(0)])
    #: Headline units beyond this many on one page are not matched and no story is cut between
    #: headlines (a diagnostic says so): no printed page holds that many.
    max_units: int = field(default=200, validator=[instance_of(int), gt(0)])
    # --- assemble
    #: A title derived from the lead is at most this long.
    title_limit: int = field(default=30, validator=[instance_of(int), gt(1)])
