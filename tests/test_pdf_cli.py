"""The PDF reader through the front doors: the CLI, the library, batches, overlays."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

import lishi_pub
import pdf_pages
from test_cli import assert_one_line_error, run

DATA = Path(__file__).parent / "data" / "pdf"


@pytest.fixture(scope="module")
def page_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pdf") / "page.pdf"
    path.write_bytes(pdf_pages.build_page())
    return path


def test_parse_a_pdf_prints_its_articles(page_pdf: Path) -> None:
    result = run("parse", str(page_pdf))
    assert result.returncode == 0, result.stderr
    page = json.loads(result.stdout)["pages"][0]
    assert [a["title"] for a in page["articles"]] == [pdf_pages.TITLE, pdf_pages.V_TITLE, pdf_pages.SECOND_TITLE]
    assert page["source"] == str(page_pdf)


def test_unreadable_text_exits_3_with_one_line(tmp_path: Path) -> None:
    assert_one_line_error(run("parse", str(DATA / "cid-garbage.pdf")), 3, "page 1", "text dump")


def test_pdfs_and_dumps_mix_in_one_issue(page_pdf: Path, sample_path: Path) -> None:
    issue = lishi_pub.parse([page_pdf, sample_path])
    assert len(issue.pages) == 2
    assert issue.pages[0].articles[0].title == pdf_pages.TITLE
    assert issue.pages[1].source == str(sample_path) and len(issue.pages[1].articles) == 7
    assert len({a.id for a in issue.articles}) == len(issue.articles)


def test_convert_a_pdf_to_epub_and_pdf(page_pdf: Path, tmp_path: Path) -> None:
    result = run("convert", str(page_pdf), "--to", "epub,pdf", "-o", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "page.epub").stat().st_size > 0 and (tmp_path / "page.pdf").read_bytes().startswith(b"%PDF")


def test_a_batch_folder_of_pdfs_takes_its_sidecar(page_pdf: Path, tmp_path: Path) -> None:
    issue_dir = tmp_path / "archive" / "2022-04-22"
    issue_dir.mkdir(parents=True)
    shutil.copy(page_pdf, issue_dir / "p1.pdf")
    (issue_dir / "issue.toml").write_text('title = "离石报"\nnumber = "1234"\n', "utf-8")
    result = run("convert", str(tmp_path / "archive"), "--to", "json", "-o", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    data = json.loads((tmp_path / "out" / "2022-04-22.json").read_text("utf-8"))
    assert (data["title"], data["number"]) == ("离石报", "1234")
    assert data["pages"][0]["articles"][0]["title"] == pdf_pages.TITLE


def test_inspect_overlay_draws_each_page(page_pdf: Path, tmp_path: Path) -> None:
    if shutil.which("pdftoppm") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("pdftoppm (poppler-utils) is missing")
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    from PIL import Image

    result = run("inspect", str(page_pdf), "--overlay", str(tmp_path / "ov"))
    assert result.returncode == 0, result.stderr
    assert pdf_pages.TITLE in result.stdout
    png = tmp_path / "ov" / "page-p1.png"
    assert f"overlay: {png}" in result.stderr
    with Image.open(png) as image:
        width, height = image.size
        assert abs(width - pdf_pages.W * 100 / 72) <= 1 and abs(height - pdf_pages.H * 100 / 72) <= 1
        # the first region's colour (red) is drawn: the outline of the first article
        colours = {image.getpixel((x, round(150 * 100 / 72))) for x in range(0, width, 3)}
    assert any(r > 150 and g < 80 and b < 80 for r, g, b in colours)


def test_output_does_not_depend_on_the_hash_seed(page_pdf: Path, tmp_path: Path) -> None:
    """Same PDFs, same JSON bytes, whatever PYTHONHASHSEED orders sets and dicts by:
    the hand-built page, a jump across two pages, and a generated corpus page."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))
    from pagegen.corpus import generate_page, write_page

    write_page(generate_page(1, 3, None, None), tmp_path / "corpus")
    jumps = tmp_path / "jumps.pdf"
    jumps.write_bytes(pdf_pages.build_jump_pages())
    pdfs = [str(page_pdf), str(jumps), *map(str, sorted((tmp_path / "corpus").glob("*.pdf")))]
    assert len(pdfs) == 3
    outputs = [run("parse", *pdfs, env={"PYTHONHASHSEED": seed}) for seed in ("0", "1", "4242")]
    for result in outputs:
        assert result.returncode == 0, result.stderr
    assert len(json.loads(outputs[0].stdout)["pages"]) == 4
    assert outputs[0].stdout == outputs[1].stdout == outputs[2].stdout
