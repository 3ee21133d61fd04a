"""Generate pages and corpora: PDF, dump and gold per page, deterministic from a seed.

Page ``n`` of seed ``s`` is drawn from ``random.Random(f"{s}:{n}")`` alone, so
any page can be regenerated without the others and a slice of the corpus is
the same pages as the whole.  The extraction is checked: every body line
must appear in the dump in reading order and every display line somewhere;
a page whose extraction scrambles the order is laid out again from the next
draw (``attempt``), so a gold never describes a dump the extractor mangled.
"""

from __future__ import annotations

import json
import random
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence

from . import GENERATOR_VERSION, bank, catalogue, names
from .extract import extract
from .pages import PageGold, Placed, Pools, lay_out
from .stories import PageContext
from .typeset import draw

ROOT = Path(__file__).resolve().parents[2]
CACHE = ROOT / "build" / "corpus"
KINDS = ("news", "front", "literary", "notices")
WS = re.compile(r"\s+")
ATTEMPTS = 10


class LayoutScrambled(RuntimeError):
    """Every attempt's layout came out of the extractor in another order."""


@dataclass
class GeneratedPage:
    name: str
    dump: str
    pdf: bytes
    gold: dict[str, Any]


def squash(text: str) -> str:
    return WS.sub("", text)


def check_order(dump: str, chain: list[str], units: list[str], whole: Sequence[str] = ()) -> str | None:
    """None when the dump reads the body lines in order, holds every display line, and prints each
    line of page text as one line; else why not."""
    flat = squash(dump)
    lines = {squash(line) for line in dump.splitlines()}
    for text in whole:
        if squash(text) not in lines:
            return f"page text not on one line: {text!r}"
    pos = 0
    for line in chain:
        s = squash(line)
        if not s:
            continue
        found = flat.find(s, pos)
        if found < 0:
            return f"body line out of order or lost: {line!r}"
        pos = found + len(s)
    for line in units:
        if squash(line) not in flat:
            return f"display line lost: {line!r}"
    return None


def draw_style(rng: random.Random, kind: str | None, extractor: str | None) -> dict[str, Any]:
    style = catalogue.draw_all(rng)
    if kind is not None:
        style["kind"] = kind
    if extractor is not None:
        style["extractor"] = extractor
    return style


def generate_page(seed: int, number: int, kind: str | None = None, extractor: str | None = None,
                  items: list[dict[str, Any]] | None = None) -> GeneratedPage:
    """Page ``number`` of the corpus of ``seed`` (optionally forcing its kind or extractor)."""
    items = bank.load() if items is None else items
    asked_kind, asked_extractor = kind, extractor
    last_error = ""
    for attempt in range(ATTEMPTS):
        rng = random.Random(f"{seed}:{number}:{asked_kind}:{asked_extractor}:{attempt}")
        style = draw_style(rng, kind, extractor)
        if attempt == 0:  # later attempts redraw the layout, never the page kind or the extractor
            kind, extractor = style["kind"], style["extractor"]
        if attempt == ATTEMPTS - 1:  # last resort: the safest geometry
            style.update(columns_per_story=1, width_change="same", headline_placement="before", pitch=1.8)
        pools = Pools(items, rng)
        home = rng.randrange(len(names.COUNTIES))
        county, paper = names.COUNTIES[home], names.OWN_PAPERS[home]
        year, month, day = rng.choice((2021, 2022, 2023)), rng.randint(1, 12), rng.randint(1, 28)
        placed_pages: list[Placed] = []
        golds: list[PageGold] = []
        for k in range(style["pages_joined"]):
            ctx = PageContext(rng, style, month, day, year, county, paper)
            page_kind = style["kind"] if k == 0 or style["kind"] != "front" else "news"
            placed, page_gold = lay_out(ctx, page_kind, k + 1 if style["kind"] == "front" else rng.randint(2, 8), pools,
                                        f"p{k}")
            placed_pages.append(placed)
            golds.append(page_gold)
        with tempfile.TemporaryDirectory(prefix="pagegen-") as tmp:
            pdf = Path(tmp) / "page.pdf"
            draw([(p.width, p.height, p.lines) for p in placed_pages], pdf)
            dump = extract(pdf, style["extractor"])
            pdf_bytes = pdf.read_bytes()
        pages = dump.split("\f")
        problems = [check_order(d, p.chain, p.units, p.whole) for d, p in zip(pages, placed_pages)]
        if len(pages) != len(placed_pages):
            problems.append(f"{len(pages)} pages extracted, {len(placed_pages)} drawn")
        found = [p for p in problems if p]
        if not found:
            break
        last_error = found[0]
    else:
        raise LayoutScrambled(f"page {number} of seed {seed}: extraction out of order: {last_error}")
    name = f"{seed}-{number:04d}-{style['kind']}-{style['extractor']}"
    gold = {
        "gold_version": 1,
        "source": f"{name}.txt",
        "page": {"header": [h for g in golds for h in g.header], "banners": [b for g in golds for b in g.banners]},
        "articles": [a for g in golds for a in g.articles],
        "loose_figures": [f for g in golds for f in g.loose],
        "generator": {"version": GENERATOR_VERSION, "seed": seed, "page": number, "attempt": attempt,
                      "conventions": {k: v for k, v in style.items()}},
    }
    return GeneratedPage(name, dump, pdf_bytes, gold)


def gold_json(gold: dict[str, Any]) -> str:
    return json.dumps(gold, ensure_ascii=False, indent=1, sort_keys=False) + "\n"


def corpus_dir(seed: int) -> Path:
    return CACHE / f"{seed}-v{GENERATOR_VERSION}-{bank.fingerprint()}"


def write_page(page: GeneratedPage, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    (out / f"{page.name}.pdf").write_bytes(page.pdf)
    (out / f"{page.name}.txt").write_text(page.dump, encoding="utf-8")
    (out / f"{page.name}.gold.json").write_text(gold_json(page.gold), encoding="utf-8")


def generate_corpus(seed: int, count: int, out: Path | None = None, kind: str | None = None,
                    extractor: str | None = None, jobs: int = 1) -> Path:
    """Generate (or reuse) ``count`` pages into ``out``; returns the directory."""
    out = out or corpus_dir(seed)
    if kind or extractor:
        out = out.with_name(out.name + f"-{kind or 'any'}-{extractor or 'any'}")
    out.mkdir(parents=True, exist_ok=True)
    have = {int(p.name.split("-")[1]) for p in out.glob(f"{seed}-*.gold.json")}
    skipped = {int(x) for x in (out / "skipped").read_text().split()} if (out / "skipped").exists() else set()
    n = 0
    while len(have) < count:
        batch = [m for m in range(n, n + count - len(have)) if m not in have and m not in skipped]
        n += count - len(have)
        if jobs > 1 and len(batch) > 1:
            from concurrent.futures import ProcessPoolExecutor

            with ProcessPoolExecutor(jobs) as pool:
                pages = list(pool.map(_one, [(seed, m, kind, extractor) for m in batch]))
        else:
            pages = [_one((seed, m, kind, extractor)) for m in batch]
        for m, page in zip(batch, pages):
            if page is None:
                skipped.add(m)
            else:
                write_page(page, out)
                have.add(m)
    (out / "skipped").write_text("".join(f"{m}\n" for m in sorted(skipped)))
    return out


def _one(args: tuple[int, int, str | None, str | None]) -> GeneratedPage | None:
    """A page, or None when no attempt's layout survived extraction in order (the page number is skipped)."""
    try:
        return generate_page(*args)
    except LayoutScrambled:
        return None


def read_corpus(out: Path, count: int | None = None) -> list[tuple[str, str, dict[str, Any]]]:
    """(name, dump, gold) of the pages in a corpus directory, in page order."""
    golds = sorted(out.glob("*.gold.json"), key=lambda g: int(g.name.split("-")[1]))[:count]
    return [(g.name[:-10], g.with_name(g.name[:-10] + ".txt").read_text(encoding="utf-8"),
             json.loads(g.read_text(encoding="utf-8"))) for g in golds]
