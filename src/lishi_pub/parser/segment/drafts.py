"""Drafts: the body's blocks walked once, articles opened and closed as markers say.

Datelines open articles and trailing bylines close them; headline lines
printed above a story (short lines, a —— subtitle, a □ byline) become its
anchor; a caption in the flow joins the story it stands in.  A run with no
marker between two stories stays one draft here: the match stage cuts it
where the headlines that describe it say.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...model import Figure, Heading, Paragraph
from ..blocks import Block
from ..classify import Line, display_like
from ..conventions import Profile
from ..conventions.markers import Byline, Dateline
from ..layout import Role, Roles
from ..text import clean_spaces, grams, is_letter_spaced
from .units import Unit, group_units, line_kind

__all__ = ["Draft", "Walker"]

_QUOTES = "“‘「『\""
#: Lines that are no part of a section's heading.
_NOT_SECTION = frozenset({Role.BYLINE, Role.SUBTITLE, Role.CAPTION, Role.ITEM_TITLE, Role.DATELINE})

Part = Paragraph | Heading | Figure


@dataclass(slots=True)
class Draft:
    """An article while the page is being read."""

    blocks: list[Part] = field(default_factory=list)
    dateline: str | None = None
    authors: list[str] = field(default_factory=list)
    roles: list[str | None] = field(default_factory=list)
    closed: bool = False  # a trailing byline or end dateline ended it
    closing: list[str] = field(default_factory=list)  # the authors named where it ended
    unit: Unit | None = None
    anchor: Unit | None = None  # a headline tied to it by position, or by the split that made it
    confidence: float | None = None
    notes: list[tuple[str, str]] = field(default_factory=list)  # (code, text) kept as diagnostics
    verse: bool = False  # a poem: its lines are its paragraphs
    # photos printed after its text and before the next story's (the match stage places them)
    photos_after: list[Figure] = field(default_factory=list)
    item: bool = False  # its anchor is an item's title read where the item starts (a 简讯 column's)
    boxes: list[int] = field(default_factory=list)  # blocks of a poem that open a text box (match/poems.py)

    @property
    def lead(self) -> str:
        return next((b.text for b in self.blocks if isinstance(b, Paragraph)), "")

    def add_byline(self, byline: Byline) -> None:
        for name, role in zip(byline.authors, byline.roles):
            if name not in self.authors:
                self.authors.append(name)
                self.roles.append(role)


#: a clause's mark or a quotation left open: a line of running text, no title
_CLAUSE = re.compile(r"[，、；：,;:]|“[^”]*$")


def _read_dateline(text: str, spaced: str, profile: Profile) -> tuple[Dateline, int] | None:
    """The dateline, and where the lead starts in ``text``.

    Names are read from the lines as joined; where a line break fell between
    two names (``矫 月`` / ``王小明``) that reading fails, and the lines joined
    with a space (``spaced``) are read instead.  The joined reading goes first
    because a break also falls inside words (``记`` / ``者``, ``王小`` / ``明``).
    """
    mk = profile.markers
    plain = mk.find_dateline(text)
    if plain is not None and (plain.byline.authors or spaced is text):
        return plain, plain.end
    wide = mk.find_dateline(spaced) if spaced is not text else None
    if wide is not None and (wide.byline.authors or plain is None):
        return wide, _same_position(text, spaced, wide.end)
    return (plain, plain.end) if plain is not None else None


def _read_trailing(text: str, spaced: str, profile: Profile) -> tuple[Byline, int] | None:
    """A closing byline and where the paragraph's text ends, read as :func:`_read_dateline` does."""
    mk = profile.markers
    plain = mk.find_trailing_byline(text)
    if plain is not None:
        return plain[1], len(plain[0])
    wide = mk.find_trailing_byline(spaced) if spaced is not text else None
    if wide is not None:
        return wide[1], _same_position(text, spaced, len(wide[0]))
    return None


def _same_position(into: str, source: str, pos: int) -> int:
    """The index in ``into`` past as many non-space characters as ``source[:pos]`` holds
    (the two are one text with different spaces)."""
    target = sum(1 for ch in source[:pos] if not ch.isspace())
    seen = 0
    for i, ch in enumerate(into):
        if seen == target:
            return i
        if not ch.isspace():
            seen += 1
    return len(into)


#: Lines of a story's headline unit that no page banner has.
_UNDER_A_HEADLINE = frozenset({Role.SUBTITLE, Role.BYLINE})


class Walker:
    """Walk the body's blocks once, opening and closing drafts as markers say."""

    def __init__(self, blocks: list[Block], lines: list[Line], cols: list[float], profile: Profile) -> None:
        self.profile = profile
        self.drafts: list[Draft] = []
        self.head_units: list[Unit] = []
        self.floating: list[tuple[Figure, int | None]] = []
        self.stray: list[str] = []  # page text outside every article (section labels, orphan jumps)
        self._pending: list[Line] = []  # headline lines printed above the text to come
        self._jumps_ahead: list[str] = []  # （上接第1版） markers for the story to come
        self._figures_ahead: list[Figure] = []  # photos printed between a headline and its story
        self._stanza_ahead: Heading | None = None  # a poem's first part label, read under its title
        # photos printed after a story's last text so far: (its draft, the figure)
        self._after_text: list[tuple[Draft, Figure]] = []
        # subheadings as read, with where they stand: (draft, index of the first, their lines)
        self.inline_heads: list[tuple[Draft, int, list[Line]]] = []
        self._cols = cols
        self._lines = lines
        self._index = {id(line): i for i, line in enumerate(lines)}
        for block in blocks:
            self._read(block)
        self.head_units.extend(group_units(self._pending, profile))
        self._between_stories()
        near = len(self.drafts) - 1 if self.drafts else None
        self.floating.extend((figure, near) for figure in self._figures_ahead)  # no story came after them
        self.stray.extend(self._jumps_ahead)  # a （上接…） with no story after it stays on the page

    @property
    def _open(self) -> Draft | None:
        if self.drafts and not self.drafts[-1].closed:
            return self.drafts[-1]
        return None

    def _is_display(self, block: Block, text: str) -> bool:
        if len(block.lines) != 1:
            # a 【bracketed】 subheading wrapped over two lines is still one
            return len(block.lines) == 2 and text.startswith("【") and text.endswith("】") \
                and self.profile.markers.is_subheading(text)
        line = block.lines[0]
        if line.role is Roles.ITEM_TITLE:
            return True  # an item's title read where the item starts, though it filled its line
        if line.role in (Roles.VERSE, Roles.SIGNATURE) or not display_like(text, self.profile.tuning.display_max) or line.terminal:
            return False
        at = self._index[id(line)]
        col = self._cols[at]
        # a subheading that stood apart from its column (classify's ``standing``) is display at any width
        return line.heads or (line.subheading and line.closes) or line.width <= col - self.profile.tuning.full \
            or len(self.drafts) == 0 or self._over_headline(line, at)

    def _over_headline(self, line: Line, at: int) -> bool:
        """A line classify kept as a headline line (alone in its text box), printed right over
        another headline line, is the first part of that headline group (引题 over 主题), however
        wide its column: a kicker set as wide as the column (``用爱点亮“星星的孩子”`` /
        ``特教老师的“慢”功夫``) is no paragraph of the story before."""
        after = self._lines[at + 1] if at + 1 < len(self._lines) else None
        return line.role is Roles.HEADLINE and line.gap and after is not None and after.gap \
            and after.role is Roles.HEADLINE and after.display and not after.terminal

    def _read(self, block: Block) -> None:
        mk = self.profile.markers
        text = block.text
        raw = block.raw
        first = block.lines[0].role
        if first is Roles.AFFILIATION or (first is not Roles.VERSE and mk.is_affiliation(text)):
            # （作者单位：…） describes the author of the story it closes: no text of it
            target = self.drafts[-1] if self.drafts else None
            if target is not None:
                target.notes.append(("affiliation", text))
                target.closed = True
            else:
                self.stray.append(text)
            return
        if first is Roles.SECTION_LABEL and len(block.lines) == 1:
            # 简讯 over a column of items: page text; the story printed before the column ends here
            self.stray.append(text)
            if self._open is not None:
                self._open.closed = True
            return
        if first is Roles.JUMP and len(block.lines) == 1:
            self._jump(text)
            return
        if len(block.lines) == 1 and (mk.parse_byline_line(raw) is not None
                                      or (block.lines[0].role is Roles.BYLINE and mk.bare_byline(raw) is not None)):
            self._pending.extend(block.lines)
            return
        closing = mk.parse_bracketed_byline(raw) if self.drafts else None
        if closing is not None:
            self._in_story(self.drafts[-1])  # a photo before the story's closing byline is the story's
            self.drafts[-1].add_byline(closing)
            self.drafts[-1].closing.extend(closing.authors)
            self.drafts[-1].closed = True
            return
        if len(block.lines) == 1 and block.lines[0].role is Roles.SUBTITLE:
            self._pending.extend(block.lines)
            return
        if mk.might_open_dateline(text) or text.endswith(("）", ")")):
            spaced = clean_spaces(" ".join(line.text.strip() for line in block.lines))
        else:  # no marker to read, so no names to keep apart
            spaced = text
        if mk.find_dateline(spaced) is not None:
            self._paragraph(text, spaced)
            return
        alone = mk.credit_only(raw) if len(block.lines) == 1 else None
        draft = self._open or (self.drafts[-1] if self.drafts else None)
        if alone is not None and draft is not None and draft.blocks and isinstance(draft.blocks[-1], Paragraph) \
                and len(draft.blocks[-1].text) <= self.profile.tuning.caption_max:
            # the caption printed as a paragraph of its own, then its credit
            printed = Figure(draft.blocks[-1].text, alone)
            draft.blocks[-1] = printed
            self._after_text.append((draft, printed))
            return
        if alone is not None and draft is not None and draft.blocks and isinstance(draft.blocks[-1], Figure) \
                and draft.blocks[-1].credit is None:
            # a marked caption (``图为…``, ``▲…``) read whole, then its credit on a line of its own
            draft.blocks[-1] = Figure(draft.blocks[-1].caption, alone)
            return
        credit = mk.find_caption(raw)
        if credit is not None:
            near = len(self.drafts) - 1 if self.drafts else None
            caption = credit.caption if credit.caption else raw
            if is_letter_spaced(caption):
                caption = clean_spaces(caption)  # a justified caption line: its spaces are the extractor's
            figure = Figure(caption, credit.credit)
            if any(line.role in _UNDER_A_HEADLINE or (line.heads and self.drafts) for line in self._pending):
                # printed under a headline waiting for its story (one classify saw above a story,
                # or with a subtitle or a byline): the photo of the story below; under a banner it is loose
                # (above the first story a lone display line is as likely the page's banner)
                self._figures_ahead.append(figure)
            elif self._open is not None:
                self._open.blocks.append(figure)
                self._after_text.append((self._open, figure))
            else:
                self.floating.append((figure, near))
            return
        if len(block.lines) == 1 and block.lines[0].stanza:
            # a poem's part label (``春``, ``谷子``): a subheading inside the poem, which goes on below it
            open_ = self._open
            if open_ is not None and open_.verse and open_.blocks and isinstance(open_.blocks[-1], Paragraph) \
                    and not self._pending:
                open_.blocks.append(Heading(clean_spaces(text)))
                return
            if self._pending or open_ is None or not open_.verse:
                # the first label, under the poem's title or byline, or where the text before
                # ended (the poem's title printed apart): it heads the poem to come
                self._stanza_ahead = Heading(clean_spaces(text))
                return
        if self._is_display(block, text):
            self._pending.extend(block.lines)
            return
        before = self._open
        count = len(before.blocks) if before is not None else 0
        self._paragraph(text, spaced, verse=first is Roles.VERSE)
        if first is Roles.VERSE and block.lines[0].gap and before is not None and before.verse \
                and self.drafts[-1] is before and count and len(before.blocks) == count + 1:
            before.boxes.append(count)  # verse going on in a text box of its own: maybe the next poem
        if first is Roles.SIGNATURE and self.drafts and mk.is_bare_date(text):
            self.drafts[-1].closed = True  # the date of a notice's signature (落款) is its last line

    def split_inline_heads(self) -> None:
        """A title printed above a story with no marker (a notice after a
        notice) is read as a subheading of the story before.  It is the next
        story's headline when its words recur in the text after it and in none
        of the text right before it (a subheading shares its story's words), as
        many paragraphs read on each side (``inline_title_context``): a word
        that an essay further up the page happens to share (父亲) says nothing."""
        context = self.profile.tuning.inline_title_context
        first_head: dict[int, int] = {}
        for draft, at, _ in self.inline_heads:
            first_head.setdefault(id(draft), at)
        for draft, at, lines in reversed(self.inline_heads):
            count = len(lines)
            if draft not in self.drafts or at == 0 or at + count >= len(draft.blocks) \
                    or any(x.subheading for x in lines):
                continue  # 【】, numbers and marks make subheadings; a title is plain text
            printed = "".join(clean_spaces(x.text) for x in lines)
            heading = grams(printed)
            if not heading or len(printed) < self.profile.tuning.inline_title_min:
                continue  # 石磨, 水瓮: a section's name; a story's title says more
            before = [b.text for b in draft.blocks[max(0, at - context): at] if isinstance(b, Paragraph)]
            after = [b.text for b in draft.blocks[at + count: at + count + context] if isinstance(b, Paragraph)]
            shared_before = len(heading & grams("\n".join(before)))
            shared_after = len(heading & grams("\n".join(after)))
            # a report names its reporters in its dateline, a feature closes with its author's name:
            # a run holding both is two stories, and its first such heading is the second one's title
            two = draft.dateline is not None and at == first_head[id(draft)] and _CLAUSE.search(printed) is None \
                and bool(draft.closing) and any(n not in draft.closing for n in draft.authors)
            if shared_before or shared_after < self.profile.tuning.claim_threshold * len(heading) and not two:
                continue
            piece = Draft(blocks=draft.blocks[at + count:], verse=draft.verse)
            del draft.blocks[at:]
            units = group_units(lines, self.profile)
            self.head_units.extend(units)
            piece.anchor = next((u for u in reversed(units) if u.is_headline), None)
            # a closing byline's names close the last piece
            piece.closing, piece.closed = draft.closing, draft.closed
            for name, role in zip(draft.authors, draft.roles):
                if name in draft.closing:
                    piece.add_byline(Byline((name,), (role,)))
            kept = [(n, r) for n, r in zip(draft.authors, draft.roles) if n not in draft.closing]
            draft.authors, draft.roles = [n for n, _ in kept], [r for _, r in kept]
            draft.closing, draft.closed = [], True
            piece.notes, draft.notes = draft.notes, []
            self.drafts.insert(self.drafts.index(draft) + 1, piece)

    def _names_notice(self) -> bool:
        """The headline lines above the text to come are a title naming its kind of notice
        (``关于开展全民免`` / ``费健康体检的通知``): it heads a notice of its own, never a
        subheading of the one before, though it shares no word with its text."""
        if not all(line.heads for line in self._pending):
            return False
        return self.profile.markers.names_its_kind("".join(clean_spaces(line.text) for line in self._pending))

    def _jump(self, text: str) -> None:
        """（下转第2版） closes the story it ends; （上接第1版） opens the story after it."""
        if self.profile.markers.continues_from(text) or self._open is None:
            self._jumps_ahead.append(text)
        else:
            self._open.notes.append(("jump", text))
            self._open.closed = True  # the story goes on on another page: what follows here is another

    def _in_story(self, draft: Draft) -> None:
        """The story goes on after its photos (more text, its closing byline): they are its own."""
        if self._after_text:
            self._after_text = [(d, f) for d, f in self._after_text if d is not draft]

    def _between_stories(self) -> None:
        """Photos printed after a story's last text and before the next story stand between
        the two: a picture-news photo of its own, or one of the two stories'.  Where it was
        printed says nothing more, so the match stage decides by what the caption names
        (:func:`~lishi_pub.parser.match.between.place_between`)."""
        for draft, figure in self._after_text:
            if figure in draft.blocks:
                draft.blocks.remove(figure)
                draft.photos_after.append(figure)
        self._after_text = []
    def _section_heading(self) -> Heading | None:
        """The headline lines waiting above a paragraph that end in a section's heading
        (``（一）电话铃响，分秒必争``, ``【一个目标，让大家都富`` / ``起来】``, at most two lines):
        a heading built like a subheading names a part of the story, never a story, so it is
        taken off the lines waiting and returned.  Under a story's headline and byline, or opening
        a story whose headline is printed in the block after the text, it heads the story's first
        section; alone between two paragraphs, a later one.  (A quoted line opening a story with
        nothing over it may be the story's own headline: ``“村晚”唱响乡村振兴好声音``.)"""
        pending = self._pending
        mk = self.profile.markers
        for k in range(len(pending) - 1, max(-1, len(pending) - 3), -1):
            if line_kind(pending[k]) not in ("display", None) or pending[k].role in _NOT_SECTION:
                return None
            text = clean_spaces("".join(line.text.strip() for line in pending[k:]))
            if k < len(pending) - 1 and mk.subheading_form(clean_spaces(pending[k].text)):
                return None  # a heading whole on its line is not wrapped on to the next
            first = pending[k].text.lstrip()[:1]
            if first in mk.subhead_first and first not in self.profile.conventions.item_marks \
                    and mk.subheading_form(text):  # (● ■ open a brief, whose title it is)
                if k == 0 and self._open is None and text[:1] in _QUOTES:
                    return None  # above a new story with nothing over it, a quoted line may be its headline
                if k and pending[k - 1].role not in (Roles.BYLINE, Roles.SUBTITLE):
                    return None  # (a headline's last line may be quoted: ``农家书屋里的`` / ``“夜读时光”``)
                del pending[k:]
                return Heading(text)
        return None

    def _take_pending(self) -> Unit | None:
        """Turn the headline lines above a new article into units; return the
        headline nearest the text, which anchors the article."""
        units = group_units(self._pending, self.profile)
        if units and self._index.get(id(self._pending[0])) == 0:
            units[0].top = units[0].first = True  # the page body's first lines (under a header: a page banner, or a kicker)
        self._pending = []
        self.head_units.extend(units)
        return next((u for u in reversed(units) if u.is_headline or u.byline is not None), None)

    def _paragraph(self, text: str, spaced: str, verse: bool = False) -> None:
        """``spaced`` is the paragraph with its lines joined by spaces: see :func:`_read_dateline`."""
        mk = self.profile.markers
        for lo, hi in reversed(mk.find_jumps(text)):  # a jump marker run into the text is no text of it
            self._jump(text[lo:hi].strip())
            text = (text[:lo] + text[hi:]).strip()
            spaced = text
        dateline = _read_dateline(text, spaced, self.profile)
        draft = self._open
        section = self._section_heading() if dateline is None else None
        if draft is not None and draft.blocks and dateline is None and self._pending and not self._jumps_ahead and all(
                line_kind(line) == "display" and line.role is not Roles.ITEM_TITLE for line in self._pending) \
                and not self._names_notice() \
                and not (self._pending[-1].heads and mk.is_notice_title(self._pending[-1].text)):
            # (a title naming its kind of notice, printed above the text, heads a notice of its own)
            # short lines between two paragraphs of one story are its subheadings
            # (unless the text after them turns out to be another story: see :meth:`split_inline_heads`)
            self.inline_heads.append((draft, len(draft.blocks), list(self._pending)))
            draft.blocks.extend(Heading(clean_spaces(line.text)) for line in self._pending)
            draft.blocks.extend(self._figures_ahead)
            self._pending, self._figures_ahead = [], []
        if draft is not None and draft.blocks and (verse != draft.verse or (
                verse and not isinstance(draft.blocks[-1], (Paragraph, Heading)))):
            # verse after prose, or prose after verse: another piece; and a poem does not go
            # on past a photo printed after it (the verse after the caption is another poem)
            draft = None
        if dateline is not None or draft is None or self._pending or self._jumps_ahead:
            self._between_stories()
            draft = Draft(verse=verse)
            self.drafts.append(draft)
            draft.notes.extend(("jump", j) for j in self._jumps_ahead)
            draft.blocks.extend(self._figures_ahead)
            self._jumps_ahead, self._figures_ahead = [], []
            item = any(line.role is Roles.ITEM_TITLE for line in self._pending)
            anchor = self._take_pending()
            # above the first article a lone display line is as likely a page banner,
            # unless it names a kind of notice (寻人启事, 关于…的通知): a banner names none
            if anchor is not None and (len(self.drafts) > 1 or anchor.byline is not None
                                       or mk.names_its_kind(anchor.text)):
                draft.anchor = anchor
                draft.item = item and anchor.is_headline
                if anchor.byline is not None and not anchor.is_headline:
                    draft.add_byline(anchor.byline)
        if section is not None:
            draft.blocks.append(section)  # the first section's heading, under the story's headline
        if self._stanza_ahead is not None:
            draft.blocks.append(self._stanza_ahead)  # a poem's first part label, under its title
            self._stanza_ahead = None
        if dateline is not None:
            found, start = dateline
            draft.dateline = found.marker
            draft.add_byline(found.byline)
            spaced = spaced[_same_position(spaced, text, start):].strip()
            text = text[start:].strip()
        end = mk.find_end_dateline(text)
        if end is not None:
            spaced = spaced[: _same_position(spaced, text, len(end[0]))].strip()
            text = end[0].strip()
            if draft.dateline is None:
                draft.dateline = end[1]
            elif draft.dateline != end[1]:  # a second marker: kept, since the model has one dateline
                draft.notes.append(("end-dateline", end[1]))
            draft.closed = True
        affiliation = mk.split_affiliation(text) if text.endswith(("）", ")")) else None
        if affiliation is not None:
            text, note = affiliation
            spaced = text
            draft.notes.append(("affiliation", note))
            draft.closed = True
        trailing = _read_trailing(text, spaced, self.profile)
        if trailing is not None:
            byline, cut = trailing
            text = text[:cut].strip()
            draft.add_byline(byline)
            draft.closing.extend(byline.authors)
            draft.closed = True
        if text:
            self._in_story(draft)
            draft.blocks.append(Paragraph(text))
