"""Headline pairing abstains where the evidence is gone, and cuts stories where a newspaper does."""

from __future__ import annotations

from lishi_pub.model import Heading, Paragraph
from lishi_pub.parser.conventions import DEFAULT_PROFILE
from lishi_pub.parser.conventions.markers import Byline
from lishi_pub.parser.match.assign import _split
from lishi_pub.parser.match.leftover import pair_leftovers
from lishi_pub.parser.segment.drafts import Draft
from lishi_pub.parser.segment.units import Unit


def _draft(*texts: str) -> Draft:
    return Draft(blocks=[Paragraph(t) for t in texts])


def _texts(drafts: list[Draft]) -> list[list[str]]:
    return [[b.text for b in d.blocks if isinstance(b, Paragraph)] for d in drafts]


def test_a_line_leading_into_a_title_is_never_a_title() -> None:
    # 寒冬送暖意—— is a kicker: its title was lost (glued on to the text), so the story keeps its own
    drafts = [_draft("近日，区民政局等单位联合开展冬季送温暖活动，为困难群众送去米面油和棉被。")]
    for line in ("寒冬送暖意——", "寒冬送暖意："):
        kicker = Unit(titles=[line], byline=Byline(("谢然",), (None,)))
        assert pair_leftovers(drafts, _texts(drafts), [kicker], DEFAULT_PROFILE) == []
    title = Unit(titles=["冬季送温暖物资发放到户"], byline=Byline(("谢然",), (None,)))
    assert pair_leftovers(drafts, _texts(drafts), [title], DEFAULT_PROFILE) == [(title, 0)]


def test_the_last_title_and_story_pair_only_when_the_title_names_something_of_it() -> None:
    story = "胸痛中心建成以来，医院打通了院前急救、急诊科、心内科、导管室之间的通道。"
    drafts = [_draft(story)]
    stranger = Unit(titles=["乡村书屋夜读忙"], byline=Byline(("张明",), (None,)))  # no character of the story
    assert pair_leftovers(drafts, _texts(drafts), [stranger], DEFAULT_PROFILE) == []
    own = Unit(titles=["胸痛救治有了绿色通道"], byline=Byline(("张明",), (None,)))
    assert pair_leftovers(drafts, _texts(drafts), [own], DEFAULT_PROFILE) == [(own, 0)]


def test_no_story_is_cut_right_after_a_subheading() -> None:
    # the subheading heads the paragraph under it, which shares no word of either headline:
    # the cut falls after that paragraph, not between it and its subheading
    doctor = Unit(titles=["村医王德胜的千里走单骑"])
    sheep = Unit(titles=["石窑沟村养羊合作社的羊光之路"])
    draft = Draft(blocks=[
        Paragraph("在西坡村，提起村医王德胜，几乎没有人不认识，千里走单骑说的就是他。"),
        Paragraph("村医王德胜每天背着药箱走村串户。"),
        Heading("（三）一份牵挂"),
        Paragraph("问他想不想去城里，他摇摇头：村里老人多，合作社的年轻人都出去了。"),
        Paragraph("石窑沟村养羊合作社成立三年，村里的年轻人回来了，羊光之路越走越宽。"),
        Paragraph("合作社今年出栏肉羊两千只，石窑沟村的养羊户户均增收一万元。"),
    ])
    pieces = _split(draft, [doctor, sheep], {}, DEFAULT_PROFILE)
    assert pieces is not None
    first, second = pieces
    assert isinstance(first.blocks[2], Heading) and len(first.blocks) == 4
    assert second.blocks[0].text.startswith("石窑沟村") and second.anchor is sheep
