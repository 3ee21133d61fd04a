"""Headline titles the column wrapped, and where one title ends and the next begins
(docs/parsing.md: "affiliation", "run-in item title wrapped", "headline broken in two")."""

from __future__ import annotations

import lishi_pub


def titles(text: str) -> list[str | None]:
    return [a.title for a in lishi_pub.parse_text(text).articles]


def test_an_affiliation_line_ends_its_block_so_the_next_title_keeps_its_first_line() -> None:
    text = ("需要政府引导，企业带动，更需要每一个\n生产者的用心坚守。\n（作者系离石区总工会干部）\n"
            "荒山变青山\n的“种树人”\n站在吴城镇北梁山顶往下看，满\n山的油松、侧柏郁郁葱葱，一眼望\n不到头。二十多年前，这里还是一\n"
            "片荒山，种树人年年上山栽树。\n")
    page = lishi_pub.parse_text(text).pages[0]
    assert page.articles[-1].title == "荒山变青山的“种树人”"
    assert [d.message for d in page.diagnostics if d.code == "affiliation"] == ["（作者系离石区总工会干部）"]
