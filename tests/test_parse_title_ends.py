"""Where a headline's text begins and ends (docs/parsing.md, "Where a title ends").

Each test is a small hand-written page that puts a title next to the text an extractor
would glue to it: the lead its run-in title wraps into, a slogan or another headline
in the title's box."""

from __future__ import annotations

import lishi_pub

_BEFORE = ["短讯", "法律援助站揭牌 信义镇法律援助", "工作站近日揭牌成立。 （戴彬升）"]


def _items(*lines: str) -> lishi_pub.Issue:
    return lishi_pub.parse_text("\n".join([*_BEFORE, *lines]))


def test_the_rest_of_a_wrapped_titles_line_opens_the_items_text() -> None:
    # the title wrapped and ended at the space on the next line: what follows the space is
    # the item's text, however short the line, never a display line glued to the title
    issue = lishi_pub.parse_text("\n".join([
        "确 保 新 技 术 真 正 落 到", "户、用到树。", "", "短讯", "",
        "● 城关二中获评省级", "文明校园 日前，城关二", "中被评为省级文明校园。",
        "近年来，该校坚持立德树", "人 ， 打 造 “ 书 香 校 园 ”", "牌，学生综合素质稳步提", "升。 （江峰敏）"]))
    assert issue.articles[1].title == "城关二中获评省级文明校园"
    assert issue.articles[1].paragraphs[0].text.startswith("日前，城关二中被评为")
