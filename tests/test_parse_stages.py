"""The staged reader's seams: per-paper profiles, the classify stage's roles, bounded matching."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

import lishi_pub
from lishi_pub.cli import main
from lishi_pub.parser.conventions import DEFAULT_PROFILE
from lishi_pub.parser.conventions.profile import load_profile

SAMPLE = Path(__file__).resolve().parent.parent / "examples" / "lishi-2022-04-page.txt"

PAGE = "本报讯（首席编辑 王小明）今天，全县召开会议，部署春耕工作。会议要求各乡镇抓好落实。\n"


def test_a_profile_extends_the_role_words(tmp_path: Path) -> None:
    assert lishi_pub.parse_text(PAGE).articles[0].authors != ("王小明",)  # 首席编辑 is no role by default
    profile = tmp_path / "paper.toml"
    profile.write_text('[conventions]\nroles = ["首席编辑"]\n[tuning]\nfull = 2.0\n', encoding="utf-8")
    article = lishi_pub.parse_text(PAGE, profile=profile).articles[0]
    assert article.authors == ("王小明",) and tuple(c.role for c in article.contributors) == ("首席编辑",)
    loaded = load_profile(profile)
    assert loaded.tuning.full == 2.0 and loaded.tuning.window == DEFAULT_PROFILE.tuning.window
    assert "记者" in loaded.conventions.roles  # extended, not replaced


def test_a_profile_can_replace_a_mark_set(tmp_path: Path) -> None:
    profile = tmp_path / "paper.toml"
    profile.write_text('[conventions.replace]\nbyline_boxes = "◇"\n', encoding="utf-8")
    assert load_profile(profile).conventions.byline_boxes == "◇"


@pytest.mark.parametrize("text, message", [
    ("[tuning]\nfuzz = 1\n", "unknown tuning fuzz"),
    ("[conventions]\nrole_words = []\n", "unknown convention 'role_words'"),
    ("[tuning]\nfull = -1\n", "full"),
    ("[conventions]\nroles = \"记者\"\n", "takes a list of strings"),
    ("[tuning\n", "not a valid TOML profile"),
])
def test_a_bad_profile_is_refused_in_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                               text: str, message: str) -> None:
    profile = tmp_path / "paper.toml"
    profile.write_text(text, encoding="utf-8")
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    assert main(["parse", "--profile", str(profile), str(page)]) == 3
    err = capsys.readouterr().err.strip()
    assert message in err and "\n" not in err


def test_inspect_lines_shows_the_classify_roles(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["inspect", "--lines", str(SAMPLE)]) == 0
    rows = {}
    for row in capsys.readouterr().out.splitlines()[1:]:
        _, role, text = row.split(None, 2)
        rows.setdefault(text, role)
    assert rows["合办：离石区融媒体中心"] == "furniture"
    assert rows["本报讯 为普及国家安全知识，切实增强党员干部"] == "dateline"
    assert rows["□ 王晶晶"] == "byline"
    assert rows["吴魏魏在卡口执勤。 王晶晶 摄"] == "caption"
    assert rows["——市区两级党员干部全力抗“疫”片段"] == "subtitle"
    assert rows["维护国家安全的意识和能力，4月 14日，离石区档案馆"] == "body"


def test_thousands_of_junk_headlines_merge_no_articles() -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    base = lishi_pub.parse_text(text).articles
    home = {p.text: k for k, a in enumerate(base) for p in a.paragraphs}
    junk = "\n\n".join(f"第{i}条无关的标题文字组合{i * 7 % 13}号" for i in range(5000))
    page = lishi_pub.parse_text(text + "\n\n" + junk).pages[0]
    for article in page.articles:
        assert len({home[p.text] for p in article.paragraphs if p.text in home}) <= 1
    assert [a.title for a in page.articles] == [a.title for a in base]
    assert any(d.code == "too-many-headlines" for d in page.diagnostics)


def _page(stories: int) -> str:
    """Many short stories, each with a dateline, and their headlines after all the text."""
    body = "\n\n".join(f"本报讯 第{k}号村今天召开会议，部署第{k}号工作。会议要求各单位抓好落实。" for k in range(stories))
    heads = "\n\n".join(f"第{k}号村部署第{k}号工作" for k in range(stories))
    return body + "\n\n" + heads


def test_matching_work_grows_linearly_with_the_page() -> None:
    """Doubling the stories and headlines of one page at most about doubles the time
    (scoring every headline against every story would quadruple it)."""
    def timed(n: int) -> float:
        text = _page(n)
        best = float("inf")
        for _ in range(3):
            start = time.process_time()
            lishi_pub.parse_text(text)
            best = min(best, time.process_time() - start)
        return best

    small, large = timed(400), timed(800)
    assert large / small < 2.6


def test_roles_namespace_holds_every_role_and_only_them() -> None:
    """The stages read roles from ``Roles`` for speed: it must be ``Role``'s members, the same objects."""
    from lishi_pub.parser.layout import Role, Roles

    plain = {name: value for name, value in vars(Roles).items() if not name.startswith("_")}
    assert plain.keys() == Role.__members__.keys()
    assert all(plain[name] is member for name, member in Role.__members__.items())
