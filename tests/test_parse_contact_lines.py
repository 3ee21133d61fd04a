"""A notice's contact line after a sentence's end is a paragraph of its own
(docs/parsing.md, "Contact lines")."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import lishi_pub
from lishi_pub.parser.conventions import DEFAULT_PROFILE

_NOTICE = ("二、如有知情者或好心人见到，请速与家属联系，或拨打110\n\n报警，家属必有重谢！\n\n"
           "联 系 电 话 ： 139××××5678 ，\n\n137××××2231。\n\n刘某某家属\n\n2023年3月13日\n")


def test_a_contact_line_after_a_sentence_opens_a_paragraph() -> None:
    article = lishi_pub.parse_text(_NOTICE).pages[0].articles[0]
    assert "联系电话：139××××5678，137××××2231。" in [b.text for b in article.blocks]


def test_a_contact_label_inside_a_sentence_goes_on_with_it() -> None:
    text = ("2023 年 12 月 1 日 星期五\n\n第 05 版：服务\n\n本公司系本区一家从事新型建材生\n\n产的民营企业，因业务发展需要，\n\n现面向社会招聘以下人员。\n\n"
            "有意者请携带身份证、学历证书\n\n等材料到人力资源部面试，联系\n\n电话：0358-8302211。\n\n"
            "晋西恒固建材有限公司\n\n2023年2月15日\n\n为加强城市社区工作者队伍建设，经研究，\n\n"
            "决定面向社会公开招聘社区专职工作者。\n\n区民政局\n\n2023年8月28日\n")
    article = lishi_pub.parse_text(text).pages[0].articles[0]
    assert "有意者请携带身份证、学历证书等材料到人力资源部面试，联系电话：0358-8302211。" \
        in [b.text for b in article.blocks]


@given(st.text(st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), max_size=DEFAULT_PROFILE.tuning.contact_label_max),
       st.sampled_from(DEFAULT_PROFILE.conventions.contact_labels), st.sampled_from("：:"))
def test_any_short_label_ending_in_a_contact_word_is_one(head: str, label: str, colon: str) -> None:
    assert DEFAULT_PROFILE.markers.contact_line(head + label + colon + "0358-12380。")
    assert not DEFAULT_PROFILE.markers.contact_line(head + label + "0358-12380。") or colon in head + label
