"""Character rules: spaces the extractor added go, spaces the author meant stay."""

from __future__ import annotations

import pytest

from lishi_pub.parser.text import clean_spaces, fold_fullwidth, join_lines, width


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
