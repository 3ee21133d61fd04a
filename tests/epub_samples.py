"""Issues and EPUB readers shared by the tests of the ``epub`` exporter.

The readers use zipfile and lxml directly, never the exporter's own code, so
a test reads the book the way a reading system would.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import attrs
from lxml import etree

from lishi_pub import Article, Contributor, Credit, Figure, Heading, Issue, Page, Paragraph

NS = {
    "x": "http://www.w3.org/1999/xhtml",
    "epub": "http://www.idpf.org/2007/ops",
    "opf": "http://www.idpf.org/2007/opf",
    "dc": "http://purl.org/dc/elements/1.1/",
    "ncx": "http://www.daisy.org/z3986/2005/ncx/",
}

LONG_TITLE = "很长的标题" * 400
HOSTILE = "<script>alert('x')</script> & ]]> <b>粗</b> &amp; \x00\x01\x0b\x1f\x7f\x85\ud800\udfff\ufffe\uffff 😀🇨🇳"


def rich_article(id: str = "p1-a1") -> Article:
    return Article(
        id=id, title="慎终如始做好常态化疫情防控", title_source="headline",
        kicker="区档案馆党支部", subtitle="——开展“国家安全教育学习”活动",
        contributors=(Contributor("王艳", "记者"), Contributor("李明", "记者"), Contributor("张三", "通讯员")),
        dateline="本报讯",
        blocks=(
            Figure("党员干部在社区开展宣传活动。", Credit((Contributor("王艳"),), "摄")),
            Paragraph("为普及国家安全知识，4月14日，离石区档案馆党支部组织全体党员干部开展了“国家安全教育学习”活动。"),
            Heading("“党员要坚持到最后”"),
            Paragraph("活动中，离石区档案馆党支部学习了关于国家安全的重要论述并进行了交流研讨。"),
        ),
    )


def two_page_issue() -> Issue:
    return Issue(
        title="离石报", date=dt.date(2022, 4, 22), number="1234", publisher="离石区融媒体中心",
        pages=(
            Page(number=1, label="要闻", header=("2022年4月22日 星期五", "责任编辑：王艳"),
                 banners=("同心抗疫　共克时艰",), figures=(Figure("离石区街景。", Credit((Contributor("张三", "通讯员"),), "供图")),),
                 articles=(
                     rich_article(),
                     Article(id="p1-a2", title="民建离石支部赠送防疫保险", title_source="derived",
                             blocks=(Paragraph("4月21日，民建离石支部专程来到吕梁火车站。"),)),
                 )),
            Page(number=2, label="综合新闻",
                 articles=(Article(id="p2-a1", blocks=(Paragraph("一篇没有标题的短讯，正文从这里开始。"),)),)),
        ),
    )


def hostile_issue() -> Issue:
    """Every text field carries markup, entities, CDATA ends, controls, surrogates and emoji."""
    articles = (
        Article(id="h1", title=HOSTILE, title_source="headline", kicker=HOSTILE, subtitle=HOSTILE,
                contributors=(Contributor(HOSTILE, HOSTILE), Contributor("<王艳>", "&记者")), dateline=HOSTILE,
                blocks=(Paragraph(HOSTILE), Heading(HOSTILE), Figure(HOSTILE, Credit((Contributor(HOSTILE),), HOSTILE)),
                        Paragraph("]]>"))),
        Article(id="h2", title=LONG_TITLE, title_source="derived", blocks=(Paragraph("长标题下的正文。"),)),
        Article(id="h3", blocks=(Paragraph("<无题> & 正文"),)),
        Article(id="h4", title="\x01\x02\x03", title_source="headline", blocks=(Heading("\x01\x02"),)),
        Article(id="h5"),
        Article(id="h6", dateline="本报讯"),
    )
    return Issue(
        title=f"离石报 {HOSTILE}", date=dt.date(2022, 4, 22), number=f"<{HOSTILE}>",
        publisher=f"A & B {HOSTILE}",
        pages=(
            Page(number=1, label=HOSTILE, header=(HOSTILE, "\x00"), banners=(HOSTILE,),
                 figures=(Figure(HOSTILE), Figure("\x01", Credit((Contributor("\x02"),), "\x03"))), articles=articles),
            Page(label="<空版>"),
        ),
    )


def month(issue: Issue, days: int, start: dt.date = dt.date(2022, 4, 1)) -> tuple[Issue, ...]:
    """``days`` issues of one paper, dated and numbered one after another."""
    return tuple(attrs.evolve(issue, date=start + dt.timedelta(days=n), number=str(1200 + n))
                 for n in range(days))


def entries(epub: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(epub)) as z:
        return {name: z.read(name) for name in z.namelist()}


def parse_xml(data: bytes) -> etree._Element:
    """Strict XML parsing: a reading system rejects what this rejects."""
    return etree.fromstring(data, etree.XMLParser(resolve_entities=False, recover=False))


def package(files: dict[str, bytes]) -> etree._Element:
    container = parse_xml(files["META-INF/container.xml"])
    path = container.find(".//{*}rootfile").get("full-path")
    return parse_xml(files[path])


def toc_tree(nav: etree._Element) -> list[tuple[str, str, list]]:
    """The toc nav as nested (label, href, children), as a reading system lists it."""
    def walk(ol: etree._Element) -> list[tuple[str, str, list]]:
        out = []
        for li in ol.findall("x:li", NS):
            a = li.find("x:a", NS)
            sub = li.find("x:ol", NS)
            out.append(("".join(a.itertext()), a.get("href"), walk(sub) if sub is not None else []))
        return out

    toc = nav.find(".//x:nav[@epub:type='toc']", NS)
    return walk(toc.find("x:ol", NS))
