"""The kinsoku line breaker, on its own (no reportlab): the rules, the fill, the text kept."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from lishi_pub.pdf.linebreak import CANNOT_END, CANNOT_START, break_lines

# The issue's lists, written out here rather than read from the module under test.
NO_START = "，。、：；！？”’》）…—"
NO_END = "“‘《（"
HANZI = "国家安全教育学习活动离石区档案馆党支部"


def lines_of(text: str, chars_per_line: float, first: float | None = None) -> list[str]:
    """Break ``text`` where every character is 1 wide (Latin letters and spaces 0.5)."""
    widths = [0.5 if ch.isascii() else 1.0 for ch in text]
    first = chars_per_line if first is None else first
    return [text[s:e] for s, e in break_lines(text, widths, first, chars_per_line)]


def test_the_issues_marks_are_all_in_the_rules() -> None:
    assert set(NO_START) <= CANNOT_START
    assert set(NO_END) <= CANNOT_END


def test_a_closing_mark_pulls_the_character_before_it_down() -> None:
    # 10 per line: the comma would start line 2, so 十 goes down with it.
    result = lines_of("一二三四五六七八九十，一二三", 10)
    assert result == ["一二三四五六七八九", "十，一二三"]


def test_every_forbidden_start_is_avoided() -> None:
    for mark in NO_START:
        result = lines_of("一二三四五六七八九十" + mark + "一二三", 10)
        assert not any(line.startswith(mark) for line in result), (mark, result)
        assert "".join(result) == "一二三四五六七八九十" + mark + "一二三"


def test_every_forbidden_end_is_avoided() -> None:
    for mark in NO_END:
        result = lines_of("一二三四五六七八九" + mark + "十一二三", 10)
        assert not any(line.endswith(mark) for line in result), (mark, result)


def test_dash_and_ellipsis_pairs_never_split() -> None:
    for pair in ("——", "……"):
        for offset in range(1, 12):
            text = "一" * offset + pair + "二" * 12
            result = lines_of(text, 10)
            assert all(not line.startswith(pair[0]) for line in result[1:]), result
            assert sum(line.count(pair) for line in result) == 1, result


def test_latin_words_and_numbers_stay_whole() -> None:
    result = lines_of("一二三四五六七八AT&T公司", 10)
    assert "AT&T" in "|".join(result) and not any(line.endswith(("A", "AT", "AT&")) for line in result)
    result = lines_of("一二三四五六七八九100份", 10)
    assert any("100" in line for line in result)


def test_a_word_longer_than_the_line_is_broken_rather_than_overflowing() -> None:
    url = "https://example.org/" + "a" * 60
    widths = [0.5] * len(url)
    for start, end in break_lines(url, widths, 10, 10):
        assert sum(widths[start:end]) <= 10


def test_spaces_at_line_edges_are_dropped_and_inner_ones_kept() -> None:
    result = lines_of("同心抗疫 工会行动同心抗疫 工会行动", 9)
    assert all(line == line.strip() for line in result)
    assert "".join(result).replace(" ", "") == "同心抗疫工会行动同心抗疫工会行动"
    assert result[0] == "同心抗疫 工会行动"


def test_the_first_line_has_its_own_measure() -> None:
    result = lines_of("一" * 30, 10, first=8)
    assert [len(line) for line in result] == [8, 10, 10, 2]


def test_empty_and_blank_text_give_no_lines() -> None:
    assert break_lines("", [], 10, 10) == []
    assert break_lines("   ", [0.5, 0.5, 0.5], 10, 10) == []


# Realistic text: runs of hanzi with punctuation where Chinese puts it.
_token = st.one_of(
    st.sampled_from(list(HANZI)),
    st.tuples(st.sampled_from(list(HANZI)), st.sampled_from(["，", "。", "、", "：", "；", "！", "？", "”", "’", "》", "）",
                                                           "。”", "！”", "？”", "”。", "）。", "……", "——"])).map("".join),
    st.tuples(st.sampled_from(["“", "‘", "《", "（"]), st.sampled_from(list(HANZI))).map("".join),
    st.sampled_from(["2022", "AT&T", "100", " "]),
)
_prose = st.lists(_token, min_size=1, max_size=120).map("".join)


@settings(max_examples=300, deadline=None)
@given(text=_prose, width=st.integers(min_value=5, max_value=30))
def test_on_prose_no_line_starts_or_ends_badly_and_nothing_is_lost(text: str, width: int) -> None:
    result = lines_of(text, width)
    assert "".join(result).replace(" ", "") == text.replace(" ", "")
    for line in result:
        assert sum(0.5 if ch.isascii() else 1.0 for ch in line) <= width
    for line in result[1:]:
        assert line[0] not in NO_START, result
    for line in result[:-1]:
        assert line[-1] not in NO_END, result


def _legal_gap(text: str, gap: int) -> bool:
    """Independent oracle: the nearest non-space characters on each side obey the rules."""
    before = text[:gap].rstrip(" ")
    after = text[gap:].lstrip(" ")
    return bool(before) and (not after or (after[0] not in NO_START and before[-1] not in NO_END))


@settings(max_examples=300, deadline=None)
@given(
    text=st.text(alphabet=st.sampled_from(list(HANZI[:6] + NO_START + NO_END + "ab1 ")), max_size=80),
    width=st.integers(min_value=1, max_value=20),
)
def test_on_any_text_a_rule_gives_way_only_when_the_line_has_no_legal_break(text: str, width: int) -> None:
    widths = [0.5 if ch.isascii() else 1.0 for ch in text]
    spans = break_lines(text, widths, width, width)
    assert "".join(text[s:e] for s, e in spans).replace(" ", "") == text.replace(" ", "")
    for (start, end), (next_start, _next_end) in zip(spans, spans[1:]):
        assert sum(widths[start:end]) <= width or end - start == 1
        if not _legal_gap(text, next_start):
            assert not any(_legal_gap(text, gap) for gap in range(start + 1, end)), (text, spans)
