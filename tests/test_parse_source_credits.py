"""A supplied photo's credit (``XX供图``, ``XX提供``) starts where the caption's text ended,
never inside a clause a column wrapped after its verb (docs/parsing.md, "credits")."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import lishi_pub
from lishi_pub.parser.classify import classify
from lishi_pub.parser.conventions import DEFAULT_PROFILE
from lishi_pub.parser.dump import page_layout
from lishi_pub.parser.layout import Role

# pdfminer and pdftotext set a space around a half-width run: it sets off no credit
WRAPPED = ["86 名，另外还为 32 名重度残疾儿童提供", "86名，另外还为 32名重度残疾儿童提供", "68 家企业现场提供",
           "站”，为 70 岁以上老人提供", "缩至 1天以内，并免费为新开办企业提供"]


@pytest.mark.parametrize("line", WRAPPED)
def test_a_clause_wrapped_after_ti_gong_is_no_credit(line: str) -> None:
    assert DEFAULT_PROFILE.markers.find_caption(line) is None


@pytest.mark.parametrize(("line", "source"), [("游客在景区拍照留念。 区文旅局供图", "区文旅局"),
                                              ("游客在景区拍照留念。区文旅局供图", "区文旅局"),
                                              ("新建成的文化广场 区文旅局供图", "区文旅局"),
                                              ("（老人提供）", "老人"), ("临县自然资源局供图", "临县自然资源局")])
def test_a_source_after_a_sentence_end_a_space_or_a_bracket_is_a_credit(line: str, source: str) -> None:
    found = DEFAULT_PROFILE.markers.find_caption(line) or DEFAULT_PROFILE.markers.find_credit(line)
    credit = found.credit if found is not None else DEFAULT_PROFILE.markers.credit_only(line)
    assert credit is not None and credit.by[0].name == source


def test_the_paragraph_keeps_its_first_half() -> None:
    lines = ["只要他们能一点点变好，再难也值得。”", "目前，区特殊教育学校共有在校学生", "86 名，另外还为 32 名重度残疾儿童提供",
             "送教上门服务。学校开设了生活适应、康", "复训练、职业技能等课程，帮助孩子们更", "好地融入社会。"]
    text = "\n".join(lines) + "\n"
    assert Role.CAPTION not in {x.role for x in classify(page_layout(text, 1), DEFAULT_PROFILE)}
    paragraphs = [p.text for a in lishi_pub.parse_text(text).articles for p in a.paragraphs]
    assert any(p.startswith("目前，区特殊教育学校共有在校学生86名，另外还为32名重度残疾儿童提供送教上门服务。") for p in paragraphs)
    assert not any(a.figures for a in lishi_pub.parse_text(text).articles)


HAN = st.text(st.characters(min_codepoint=0x4E00, max_codepoint=0x4FFF), min_size=2, max_size=10)


@given(HAN, st.integers(1, 9999), HAN, st.sampled_from(["提供", "供图"]), st.sampled_from([" ", ""]))
def test_the_extractors_space_by_a_number_sets_off_no_source(before: str, number: int, after: str, word: str,
                                                              gap: str) -> None:
    # ``还为 32 名…提供`` (pdfminer) and ``还为 32名…提供`` (pdftotext): the space is the extractor's
    line = f"{before}，另外还为 {number}{gap}{after}{word}"
    assert DEFAULT_PROFILE.markers.find_caption(line) is None
