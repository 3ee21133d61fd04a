"""Authors' names printed bare under a title: part of the classify stage.

A literary supplement (and many a feature page) prints its author's name on a
line of its own under the title, with no □ and no role word (``村口的那条路``
/ ``毛婷辉`` / the essay).  Nothing marks the line but its place and shape:
one or two short names (``Markers.bare_byline``), standing between a title
and the text's first line, ending in no mark.  So the line is a byline only
there: after a run of headline-ish lines that starts where a text ended, and
before running text.  An essay's section names (``石磨``, ``水瓮`` over its
parts) have the shape too; they recur in the text after the first, standing
alone after a sentence's end, which an author's name does not.

The pass is linear: a line is looked at only where its shape fits, and then
against at most ``head_lines`` lines above and ``bare_name_reach`` below.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .conventions import Profile
from .layout import Role, Roles

if TYPE_CHECKING:
    from .classify import Line

__all__ = ["join_wrapped_bylines", "mark_bare_bylines", "mark_wrapped_closing_bylines"]

#: Roles a title line or a text line may still have before the page-level passes.
_PLAIN = frozenset({Role.HEADLINE, Role.BODY, Role.PARAGRAPH_START})
_RUNNING = frozenset({Role.BODY, Role.PARAGRAPH_START})
#: Lines that end the text before them.
_ENDS = frozenset({Role.FURNITURE, Role.BYLINE, Role.CAPTION, Role.JUMP, Role.AFFILIATION, Role.SIGNATURE})


def mark_bare_bylines(lines: list[Line], profile: Profile) -> None:
    mk = profile.markers
    tuning = profile.tuning
    longest = tuning.bare_names * (tuning.bare_name_max + 2)
    for i in range(1, len(lines) - 1):
        line = lines[i]
        if line.terminal or line.opens or line.closes or line.role not in _PLAIN:
            continue  # (the flags first: most lines end a sentence or run on)
        text = line.text.strip()
        if len(text) > longest or mk.bare_byline(text) is None:
            continue
        if not _under_a_title(lines, i, profile) or not _text_follows(lines, i, profile) \
                or lines[i - 1].width > lines[i + 1].width - profile.tuning.full \
                or _section_names(lines, i, profile):
            continue
        line.role = Role.BYLINE
        line.display = False
        line.opens = line.closes = True  # a block of its own: neither the title's nor the text's


def _title_like(line: Line, profile: Profile) -> bool:
    return line.display and not line.terminal and not line.closes and not line.opens and line.role in _PLAIN \
        and not line.brackets and profile.markers.bare_byline(line.text.strip()) is None


def _under_a_title(lines: list[Line], i: int, profile: Profile) -> bool:
    """The lines above, back to where a text ended (or the page's top), are a title:
    headline-ish, at most ``head_lines`` of them; never a name of the same shape (a list).
    (Its last line must also stand apart from the text below, shorter than its first line:
    a subheading the column wrapped, ``（二）电话那头，远`` / ``程指导``, fills the column.)"""
    top = i
    while top > 0 and i - top < profile.tuning.head_lines and _title_like(lines[top - 1], profile):
        top -= 1
        if lines[top].gap:
            break
    if top == i:
        return False
    last = lines[i - 1].text.strip()
    if last.endswith(profile.conventions.title_runs_on) or profile.markers.is_notice_title(last + lines[i].text.strip()):
        return False  # a title the column wrapped (``关于冬季征兵工作的`` / ``通告``)
    if top == 0 or lines[top].gap:
        return True
    before = lines[top - 1]
    return before.terminal or before.closes or before.role in _ENDS


def _text_follows(lines: list[Line], i: int, profile: Profile) -> bool:
    """Running text starts on the next line: a line too long for display type (a title's
    next line, a poem's), no marker's line (a dateline, a subtitle) and no second name
    (a list of names is no byline), nor a dateline's story in the lines below."""
    after = lines[i + 1]
    if any(x.role is Roles.DATELINE for x in lines[i + 1: i + 2 + profile.tuning.window]):
        return False  # a story opened by a dateline names its reporters there: a photo's caption first
    if after.role not in _PLAIN or after.opens or after.heads or profile.markers.starts_with_dash(after.text.strip()) \
            or profile.markers.bare_byline(after.text.strip()) is not None:
        return False
    if after.role in _RUNNING and not after.display:
        return True  # a sentence inside it, or too long for display type
    # short enough for a title, it is running text where a column goes on from it to a sentence's
    # end within ``window`` lines, each line as wide as the first and wider than the title's
    # (a poem's lines and a headline block's vary, and a poem's lines seldom end a sentence)
    full = profile.tuning.full
    least = lines[i - 1].width + full
    for k in range(i + 1, min(len(lines), i + 2 + profile.tuning.window)):
        line = lines[k]
        if line.role not in _PLAIN or line.opens:
            return False
        if line.terminal:
            return k > i + 2
        if abs(line.width - after.width) > full or line.width < least:
            return False
    return False


def _section_names(lines: list[Line], i: int, profile: Profile) -> bool:
    """A line of the same shape stands alone after a sentence's end further on, before
    running text: the short lines name the essay's sections."""
    mk = profile.markers
    end = min(len(lines) - 1, i + 1 + profile.tuning.bare_name_reach)
    for k in range(i + 2, end):
        line = lines[k]
        if line.role in _ENDS and line.role is not Roles.CAPTION:
            return False  # the story ended (another's byline, furniture)
        if lines[k - 1].terminal and not line.terminal and line.role in _PLAIN \
                and mk.bare_byline(line.text.strip()) is not None and lines[k + 1].role in _PLAIN:
            return True
    return False


def join_wrapped_bylines(lines: list[Line], profile: Profile) -> None:
    """A byline the column wrapped inside a role word (``□ 本报记者龚鹏本报通`` / ``讯员白桂``)
    is one line again: the second line's start completes the role word the first ends with,
    and the two read together name one more author."""
    mk = profile.markers
    roles = profile.conventions.roles
    joined: list[int] = []
    for i in range(len(lines) - 1):
        line, after = lines[i], lines[i + 1]
        text = line.text.strip()
        if line.role is not Roles.BYLINE or after.role in _ENDS or after.gap or after.terminal:
            continue
        if not any(role[:cut] == text[-cut:] for role in roles for cut in range(1, len(role))):
            continue  # the line does not stop inside a role word
        first = mk.parse_byline_line(text)
        both = mk.parse_byline_line(text + after.text.strip())
        if first is not None and both is not None and len(both.authors) > len(first.authors):
            joined.append(i)
    for i in reversed(joined):
        line, after = lines[i], lines[i + 1]
        line.text = line.text.rstrip() + after.text.strip()
        line.width += after.width
        del lines[i + 1]


def mark_wrapped_closing_bylines(lines: list[Line], profile: Profile) -> None:
    """A closing byline the column wrapped (``（记者 廖浩 特约记`` / ``者 易雪峰）``,
    ``（本报记者 沈杰婷`` / ``通讯员 邵旭晶）``) is a byline over its lines, up to the one
    closing its bracket: no headline-ish line of the next story."""
    mk = profile.markers
    for i in range(len(lines) - 1):
        line = lines[i]
        if line.brackets <= 0 or line.role is Roles.BYLINE or line.text.lstrip()[:1] not in "（(":
            continue
        depth = line.brackets
        for k in range(i + 1, min(len(lines), i + 3)):
            depth += lines[k].brackets
            if depth <= 0:
                text = "".join(x.text.strip() for x in lines[i: k + 1])
                if mk.parse_bracketed_byline(text) is not None:
                    for x in lines[i: k + 1]:
                        x.role = Role.BYLINE
                        x.display = x.heads = False
                    lines[i].opens = lines[k].closes = True
                break
