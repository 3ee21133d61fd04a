"""Short items: briefs in a 简讯 column, notices and service items (docs/parsing.md,
"Short-news columns and service items")."""

from __future__ import annotations

import lishi_pub
from lishi_pub.parser.classify import classify
from lishi_pub.parser.conventions import DEFAULT_PROFILE
from lishi_pub.parser.dump import page_layout
from lishi_pub.parser.layout import Role


def roles(text: str) -> list[tuple[str, Role]]:
    return [(x.text.strip(), x.role) for x in classify(page_layout(text, 1), DEFAULT_PROFILE)]


def titles(text: str) -> list[str | None]:
    return [a.title for a in lishi_pub.parse_text(text).articles]


def test_a_letter_spaced_page_name_alone_at_the_top_is_furniture() -> None:
    text = ("生 活 服 务\n\n关于禁止燃放烟花爆竹的通告\n\n为保护大气环境，预防火灾事故，保障人民群众生命财\n\n"
            "产安全，现就城区禁止燃放烟花爆竹有关事项通告如下。\n")
    page = lishi_pub.parse_text(text).pages[0]
    assert page.header == ("生活服务",)
    assert [a.title for a in page.articles] == ["关于禁止燃放烟花爆竹的通告"]


def test_a_headline_set_solid_at_the_top_is_no_page_name() -> None:
    text = "慎终如始做好常态化疫情防控\n\n本报讯 为普及国家安全知识，全区各单位组织党员干部学习。\n"
    assert roles(text)[0][1] is not Role.FURNITURE
