"""The real sample page: what a reader of the printed page finds on it.

The facts below were read off the page itself (and agree with the gold
annotation in ../shared/corpus).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import lishi_pub
from lishi_pub import Contributor, Credit, Figure, Heading

SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture(scope="module")
def page(sample_issue):
    return sample_issue.pages[0]


def test_seven_articles_in_print_order(page):
    titles = [a.title for a in page.articles]
    assert titles[0] == "离石区档案馆开展“国家安全教育学习”活动"
    assert titles[2] == "离石区总工会开展“同心抗疫 工会行动”送温暖专项行动"
    assert titles[3] == "离石区委宣传部开展国家安全教育日主题党日活动"
    assert titles[5] == "90后辅警吴魏魏：我年轻 我先上！"
    assert titles[6] == "到群众最需要的地方去"
    assert len(titles) == 7


def test_headline_less_articles_get_a_derived_title_never_a_real_one(page):
    derived = [a for a in page.articles if a.title_source == "derived"]
    assert [a.dateline for a in derived] == ["本报讯", "本报讯"]
    real = {a.title for a in page.articles if a.title_source == "headline"}
    for article in derived:
        assert article.title not in real
        assert len(article.title) <= 30
        assert article.title in article.paragraphs[0].text


def test_bylines_and_datelines(page):
    assert [a.authors for a in page.articles] == [
        ("王艳",), ("王晶晶",), ("张晋晋",), ("王艳",), ("王伟",), ("王晶晶",), ("高淑芳",)]
    assert [a.dateline for a in page.articles] == ["本报讯"] * 5 + [None, None]


def test_subtitle_subheadings_and_figures(page):
    feature = page.articles[6]
    assert feature.subtitle == "市区两级党员干部全力抗“疫”片段"
    assert [b.text for b in feature.blocks if isinstance(b, Heading)] == [
        "“应急队就是来解决突出问题的”", "“党员要坚持到最后”", "“所有的辛苦都值得”"]
    assert Figure("吴魏魏在卡口执勤。", Credit((Contributor("王晶晶"),), "摄")) in page.articles[5].blocks


def test_furniture_and_banner_stay_on_the_page(page):
    assert page.header == ("合办：离石区融媒体中心",)
    assert page.banners == ("慎终如始做好常态化疫情防控",)


def test_spaces_and_reflow(page):
    text = "".join(p.text for a in page.articles for p in a.paragraphs)
    assert "4月14日" in text and "4 月" not in text and "表示衷心的感谢" in text
    assert "同心抗疫 工会行动" in text
    assert sum(len(a.paragraphs) for a in page.articles) == 40


def test_confidence_is_recorded_for_every_matched_headline(page):
    scored = {d.article: d.confidence for d in page.diagnostics if d.code == "headline-match"}
    matched = [a.id for a in page.articles if a.title_source == "headline"]
    assert sorted(scored) == sorted(matched)
    assert all(0 < c <= 1 for c in scored.values())


@pytest.mark.skipif(not (SHARED / "tools" / "score_parse.py").exists(), reason="needs ../shared beside the checkout")
def test_scorer_rates_the_sample_at_least_097(sample_path, tmp_path):
    pred = tmp_path / "p.json"
    pred.write_text(lishi_pub.dumps(lishi_pub.parse(sample_path)), "utf-8")
    result = subprocess.run([sys.executable, str(SHARED / "tools" / "score_parse.py"),
                             "--gold", str(SHARED / "corpus" / "lishi-2022-04-page.gold.json"),
                             "--pred", str(pred)], capture_output=True, text=True, check=True)
    parts = dict(line.split(":") for line in result.stdout.splitlines() if line.startswith(" ") and ":" in line)
    assert float(result.stdout.split("parse score ")[1].split()[0]) >= 0.97
    assert all(float(v) >= 0.9 for v in parts.values()), parts


def test_parse_is_deterministic(sample_path):
    assert lishi_pub.dumps(lishi_pub.parse(sample_path)) == lishi_pub.dumps(lishi_pub.parse(sample_path))
    assert json.loads(lishi_pub.dumps(lishi_pub.parse(sample_path)))["pages"][0]["source"].endswith(".txt")
