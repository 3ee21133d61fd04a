"""The PDF reader's thresholds, as data (docs/pdf-reading.md explains each).

Sizes are in ems of the page's body size unless named otherwise, so one set of
numbers serves a 6 pt broadsheet and a 10.5 pt A4 page alike.
"""

from __future__ import annotations

#: Quality gate: a page fails when more than this share of its glyphs are
#: ``(cid:…)`` codes, U+FFFD or private-use characters ...
GATE_BAD_SHARE = 0.05
#: ... or when it has at least ``GATE_MIN_HAN`` Han glyphs and fewer than this
#: share of them are among the commonest Chinese characters (a wrong ToUnicode
#: map gives valid but random Han characters).
GATE_COMMON_SHARE = 0.25
GATE_MIN_HAN = 80

#: Fake bold: copies of a glyph within this share of its size are one glyph.
OVERPRINT = 0.2

#: A glyph joins the line being built when the gap before it is at most this
#: many of its own ems (body text, display text).
JOIN_GAP_BODY = 1.0
JOIN_GAP_DISPLAY = 1.6
#: Byline boxes: the names after one belong to its line even across a wide gap.
BYLINE_BOXES = frozenset("□■")
#: Pieces of one baseline this many ems apart or less are one line unless the
#: white between them is a gutter (it runs on through the neighbouring lines).
MERGE_GAP = 4.0
#: Sizes within this ratio may share a line.
SAME_SIZE = 1.3
#: Beside a Han character, a gap at least this many ems wide and this many ems
#: wider than the line's usual gap is an intentional space (a headline's two
#: phrases, a padded two-character name, a run-in title); a justified line
#: spreads every gap alike, and that spreading is no space.
HAN_SPACE_MIN = 0.3
#: Between Latin letters or digits, a gap of this many ems is a word space.
WORD_SPACE = 0.18

#: A size this many times the body size or more is a display (headline) class
#: (clearly larger: a 12.6 pt subtitle over 10.5 pt body is one).
DISPLAY = 1.15
#: Display lines smaller than this, one column wide and set between the body
#: lines of one column, are subheadings rather than headlines.
SUBHEAD_MAX = 1.6

#: XY-cut gutters: a vertical gap of this many body ems splits a column into
#: blocks; a horizontal gap of this many splits columns.
CUT_Y = 0.9
CUT_X = 0.6

#: A short line just above a headline, at least this many times the body size
#: (or bold), is its kicker (引题) even when it is not of a display size.
KICKER_MIN = 1.02
#: ...or a short line set tight over the title (at most this many of its ems apart)
#: with white over it (no line within ``KICKER_WHITE`` ems above).
KICKER_TIGHT = 0.6
KICKER_WHITE = 1.5
#: A headline group's 主题 is its lines within this share of its largest size;
#: clearly smaller lines above are the 引题, below the 副题.
MAIN_SIZE = 0.97
#: A 副题 set at the body size wraps onto at most this many more lines.
SUBTITLE_WRAP_LINES = 3
#: Headline group: display lines closer than this many of their ems stack into one group.
GROUP_GAP = 1.2
#: A block belongs under a headline when at least this share of the narrower
#: of the two is shared (a short centred headline over a full column still heads it).
UNDER_SHARE = 0.5

#: First-line indent (ems) that starts a paragraph, and the extra leading (in
#: line pitches) that does.
INDENT = 0.8
PARAGRAPH_GAP = 1.5
#: A line ending this many ems short of its block's right edge ends its paragraph
#: (where paragraphs are indented, only a clearly short line: ragged setting
#: and kinsoku leave a line up to two ems short).
SHORT_LINE = 1.5
SHORT_LINE_INDENTED = 3.0
#: A line opening further in than this many ems is set apart (a 落款 flush right, a
#: centred line): a paragraph of its own, as is the line after it.
SET_APART = 4.0
#: A block with no headline of its own continues the article above it in its
#: column only across a gap of at most this many ems (a wider gap is a new band).
CONTINUE_GAP = 2.5
#: ...or, where the leading is open, a blank line at the page's pitch and this many ems more.
BLANK_LINE_SLACK = 0.5

#: Furniture bands: the top and bottom share of the page height.
BAND = 0.15
#: A text block this close (ems) to an image, beside or below it, is its caption.
CAPTION_GAP = 1.6
#: A caption is a block of at most this many lines (or six that read as a caption).
CAPTION_LINES = 3
#: Lines whose sizes differ by more than this share are set in different styles
#: (a 11 pt subhead in 10.5 pt body, a 9 pt caption under it): a block boundary.
RESTYLE = 0.03
#: A block opening this close (ems) under a headline's foot, with no other
#: headline over it, belongs to that headline even outside its width.
BAND_START = 3.0
#: A story's columns start at one height: a block opening within this many ems of
#: the top of a headed story's first block, beside it, is one of its columns.
SAME_START = 1.5
#: ...or of its first text under at most this many lines (a caption) laid across its top.
PUSHED_LINES = 2
#: A block of at least this many lines, fewer than half of them ending within
#: ``FLUSH`` ems of its right edge, is set ragged: verse, each line a paragraph...
VERSE_LINES = 3
FLUSH = 0.5
#: ...unless two lines in three end within ``FLUSH_MIDDLE`` ems of where its middle
#: line ends: prose whose punctuation hangs past the measure (标点悬挂, one em out), whose
#: lines stop a glyph short (避头尾), or whose font misreports Latin widths so that a
#: line with digits overruns.  Verse lines differ by whole glyphs, most by more.
FLUSH_MIDDLE = 1.5
MIDDLE_SHARE = 2 / 3
#: ...and at least this many of its short lines end open (no full stop, no closing
#: bracket or quote): a prose paragraph's short last line closes it, a verse line
#: need not (a caption over its credit and an affiliation line are no poem).
VERSE_OPEN = 2
#: A block set in whose every line ends a clause with one of these is classical verse (绝句).
CLAUSE_ENDS = ("，", "。", "！", "？", "；", "、")
PARAGRAPH_ENDS = ("。", "！", "？", "…", "”", "’", "）", ")", "」", "』", "》", "!", "?", "：", "；", ":", ";")
#: A subheading set in 【…】 brackets, at most this many characters over one or two lines.
SUBHEAD_OPEN, SUBHEAD_CLOSE = "【", "】"
SUBHEAD_CHARS = 40
#: A subheading centred in its column: at least this many ems of white on each
#: side, the two sides equal within ``CENTRED_TOLERANCE`` ems.
CENTRED_MIN = 1.0
CENTRED_TOLERANCE = 0.5
#: A one-line subheading between paragraphs may nearly fill its column: white of
#: this many ems on each side, equal, is enough (a body line starts flush or indented).
CENTRED_SHORT = 0.4
#: ...and a line standing within this many ems of the paragraph indent may be a one-line
#: paragraph that happens to end an indent short: centred only after a sentence has ended.
CENTRED_OFF_INDENT = 0.3
#: In a poem, lines set in from the edge most start at are section titles where at most
#: this share of its lines are set in (more: the poem indents lines, not titles).
VERSE_HEAD_SHARE = 0.25
#: A wrapped subheading wholly in quotes ends with its closing quote, not a sentence.
QUOTE_OPEN, QUOTE_CLOSE = "“", "”"
#: A section title standing alone over its block (春, （一）谷子): at most this many characters.
SECTION_TITLE_CHARS = 12
#: A line's neighbours looked at (over and under it, in every column at its height): at most this many.
NEAR_LINES = 40
#: Punctuation that never opens a line (避头尾): it goes with the word before it.
LINE_START_BANNED = "，。、；：！？）》”’,.;:!?)"
#: A sentence ended by its stop (a closing quote after it aside), not by a quote alone (``“瓜王”``).
FULL_STOPS = ("。", "！", "？", "…", "!", "?")
SENTENCE_ENDS = ("。", "！", "？", "…", "”", "；", "：", "!", "?")
