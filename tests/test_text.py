"""Character rules: spaces the extractor added go, spaces the author meant stay."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lishi_pub.parser.text import (
    clean_spaces, fold_fullwidth, is_cjk, is_han, is_letter_spaced, join_lines, width)


@pytest.mark.parametrize("raw, clean", [
    ("4月 14日，离石区", "4月14日，离石区"),
    ("2022 年第 8 次常委会议", "2022年第8次常委会议"),
    ("赠送 100份防疫专项保险", "赠送100份防疫专项保险"),
    ("离石智慧城市 PPP项目", "离石智慧城市PPP项目"),
    ("表 示 衷 心 的 感 谢 和 诚 挚 问", "表示衷心的感谢和诚挚问"),
    ("综 合 新 闻", "综合新闻"),
    ("“同心抗疫 工会行动”送温暖", "“同心抗疫 工会行动”送温暖"),
    ("我年轻 我先上！", "我年轻 我先上！"),
    ("工作。 （王艳）", "工作。（王艳）"),
    ("open source  software 开源", "open source software开源"),
])
def test_clean_spaces(raw, clean):
    assert clean_spaces(raw) == clean


def test_fold_fullwidth_touches_only_digits_and_letters():
    assert fold_fullwidth("１２月３１日，ＡＢｃ（注）：") == "12月31日，ABc（注）："


def test_join_lines():
    assert join_lines(["国家", "安全"]) == "国家安全"
    assert join_lines(["open", "source"]) == "open source"
    assert join_lines(["一线——", "——工作"]) == "一线————工作"
    assert join_lines(["不言而喻…", "…他说"]) == "不言而喻……他说"
    assert join_lines(["2800", "多辆"]) == "2800多辆"


def test_width_counts_cells():
    assert width("国家安全") == 4
    assert width("“国家”") == 4
    assert width("2022年") == 3


# clean_spaces is written for speed: it must answer exactly as its plain definition.
_MIXED = st.text(alphabet=st.sampled_from("离石区委员会记者 王艳摄。，“”（）AB12c\u3000\t·—"), max_size=40)


@given(_MIXED)
def test_clean_spaces_matches_its_definition(text):
    """Spaces between two Han characters stay, spaces beside other CJK go,
    others stay; a letter-spaced line with CJK loses every space."""
    stripped = text.strip()
    if is_letter_spaced(stripped) and any(map(is_cjk, stripped)):
        expected = re.sub(r"\s+", "", stripped)
    else:
        def judge(m: re.Match[str]) -> str:
            before, after = stripped[m.start() - 1], stripped[m.end()]
            if is_han(before) and is_han(after):
                return " "
            return "" if is_cjk(before) or is_cjk(after) else " "
        expected = re.sub("[ \t\u3000]+", judge, stripped)
    assert clean_spaces(text) == expected
    assert is_letter_spaced(stripped) == (len(re.findall(r"\S+", stripped)) >= 3 and " " in stripped and sum(
        1 for t in re.findall(r"\S+", stripped) if len(t) == 1 or (len(t) == 2 and not t[1].isalnum()))
        >= 0.75 * len(re.findall(r"\S+", stripped)))
