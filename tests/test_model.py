"""The model refuses states that exporters could not render faithfully."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from lishi_pub import Article, Contributor, Credit, Figure, Heading, Issue, Page, Paragraph


def test_instances_are_frozen():
    article = Article(id="a1", blocks=(Paragraph("正文。"),))
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        article.title = "改"  # type: ignore[misc]


@pytest.mark.parametrize("make", [
    lambda: Paragraph(""),
    lambda: Paragraph("   "),
    lambda: Heading("\n"),
    lambda: Figure(""),
    lambda: Credit((Contributor(" "),), "摄"),
    lambda: Credit((), " "),
    lambda: Contributor("王艳", " "),
    lambda: Article(id=""),
    lambda: Article(id="a", title=""),
])
def test_blank_text_is_rejected(make):
    with pytest.raises(ValueError):
        make()


def test_lists_are_rejected_where_tuples_are_required():
    with pytest.raises(TypeError):
        Article(id="a", blocks=[Paragraph("x")])  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Page(header=["合办"])  # type: ignore[arg-type]


def test_title_and_its_source_go_together():
    with pytest.raises(ValueError):
        Article(id="a", title="标题")
    with pytest.raises(ValueError):
        Article(id="a", title_source="headline")
    with pytest.raises(ValueError):
        Article(id="a", title="标题", title_source="guessed")  # type: ignore[arg-type]


def test_contributors_keep_name_and_role_together():
    article = Article(id="a", contributors=(Contributor("王艳", "记者"), Contributor("张伟")))
    assert article.authors == ("王艳", "张伟")
    assert [c.role for c in article.contributors] == ["记者", None]
    with pytest.raises(TypeError):
        Article(id="a", contributors=("王艳",))  # type: ignore[arg-type]


def test_a_credit_names_someone_or_says_its_kind():
    assert Credit((Contributor("王晶晶"), Contributor("李明")), "摄").name == "王晶晶、李明"
    assert Credit((), "资料图").name is None
    with pytest.raises(ValueError):
        Credit((), None)
    with pytest.raises(TypeError):
        Figure("说明", "王晶晶")  # type: ignore[arg-type]


def test_article_ids_are_unique_within_an_issue():
    page = Page(number=1, articles=(Article(id="x"), Article(id="x")))
    with pytest.raises(ValueError):
        Issue(pages=(page,))


def test_confidence_is_a_probability():
    from lishi_pub import Diagnostic

    assert Diagnostic("headline-match", "ok", confidence=0.5).confidence == 0.5
    with pytest.raises(ValueError):
        Diagnostic("headline-match", "bad", confidence=1.5)


def test_an_issue_date_is_a_day():
    with pytest.raises(TypeError):
        Issue(date=dt.datetime(2022, 4, 22, 8, 0))


def test_issue_defaults_and_views():
    a1 = Article(id="p1-a1", blocks=(Paragraph("一。"), Figure("图。", Credit((Contributor("王"),))), Heading("小标题")))
    issue = Issue(date=dt.date(2022, 4, 22), pages=(Page(number=1, articles=(a1,)),))
    assert issue.language == "zh-CN"
    assert issue.articles == (a1,)
    assert a1.paragraphs == (Paragraph("一。"),)
    assert a1.figures == (Figure("图。", Credit((Contributor("王"),))),)
