"""The catalogue of conventions a generated page draws from, as data.

Each entry names a convention, the group it belongs to and its variants with
their weights.  A page draws its variants from one ``random.Random`` seeded
by the corpus seed and the page number, so the corpus is reproducible.
``docs/corpus.md`` describes every entry; a test keeps the two in step.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Convention:
    name: str
    group: str
    variants: tuple[tuple[Any, float], ...]  # (value, weight)

    def draw(self, rng: random.Random) -> Any:
        values = [v for v, _ in self.variants]
        weights = [w for _, w in self.variants]
        return rng.choices(values, weights)[0]


def _c(name: str, group: str, *variants: tuple[Any, float]) -> Convention:
    return Convention(name, group, tuple(variants))


CATALOGUE: tuple[Convention, ...] = (
    # --- page
    _c("kind", "page", ("news", 0.42), ("front", 0.16), ("literary", 0.21), ("notices", 0.21)),
    _c("extractor", "page", ("pdfminer", 0.55), ("pdftotext", 0.45)),
    _c("pages_joined", "page", (1, 0.82), (2, 0.15), (3, 0.03)),
    _c("fullwidth_digits", "page", (False, 0.9), (True, 0.1)),
    # --- geometry
    _c("pitch", "geometry", (1.3, 1), (1.4, 1), (1.5, 1), (1.6, 1), (1.7, 1), (1.8, 1)),
    _c("body_size", "geometry", (9.0, 1), (9.5, 1), (10.0, 1), (10.5, 1)),
    _c("column_range", "geometry", ((9, 13), 0.25), ((12, 18), 0.35), ((16, 26), 0.2), ((9, 26), 0.2)),
    _c("columns_per_story", "geometry", (1, 0.3), (2, 0.45), (3, 0.25)),
    _c("width_change", "geometry", ("same", 0.45), ("changes", 0.55)),
    _c("justify", "geometry", (True, 0.85), (False, 0.15)),
    _c("latin_gap", "geometry", ((0.25, 0.0), 0.5), ((0.25, 0.25), 0.3), ((0.0, 0.0), 0.2)),
    _c("space_em", "geometry", (0.5, 0.6), (0.75, 0.4)),
    # --- headlines
    _c("headline_placement", "headlines", ("end", 0.45), ("before", 0.35), ("mixed", 0.2)),
    _c("headline_order", "headlines", ("story", 0.4), ("shuffled", 0.6)),
    _c("headline_align", "headlines", ("left", 0.4), ("center", 0.6)),
    _c("two_line_headline", "headlines", (False, 0.6), (True, 0.4)),
    _c("show_kicker", "headlines", (True, 0.85), (False, 0.15)),
    _c("show_subtitle", "headlines", (True, 0.85), (False, 0.15)),
    _c("kicker_dash", "headlines", ("", 0.75), ("——", 0.25)),
    # --- datelines and bylines (news)
    _c("dateline", "datelines", ("本报讯", 0.3), ("本报讯（记者）", 0.22), ("本报讯(记者)", 0.05),
       ("XX报讯（记者）", 0.07), ("XX网日讯（见习记者）", 0.05), ("本报地日电（记者）", 0.06),
       ("新华社地日电（记者）", 0.06), ("新华社地日专电", 0.03), ("据新华社电", 0.03),
       ("中新网地日电 (记者)", 0.03), ("据…消息", 0.05), ("end:（本报地日电）", 0.02), (None, 0.03)),
    _c("trailing_byline", "datelines", ("（名）", 0.45), ("（记者 名 特约记者 名）", 0.12), ("（文/图 名）", 0.08),
       ("（本报记者 名 通讯员 名）", 0.1), ("（通讯员 名 名）", 0.05), (None, 0.2)),
    _c("headline_byline", "datelines", ("□ 名", 0.35), ("■ 本报记者 名", 0.2), ("□本报记者名本报通讯员名", 0.1),
       ("□ 两字名补空", 0.05), ("□ 名 名", 0.1), ("□ 文/图 名", 0.05), ("（名）at end", 0.15)),
    # --- features, commentary, Q&A
    _c("features_in_a_row", "features", (0, 0.35), (1, 0.25), (2, 0.2), (3, 0.12), (4, 0.08)),
    _c("commentary", "features", (False, 0.7), (True, 0.3)),
    _c("qa", "features", (False, 0.8), (True, 0.2)),
    _c("editors_note", "features", (False, 0.8), (True, 0.2)),
    _c("subheading_style", "features", ("as written", 0.5), ("quoted", 0.1), ("【】", 0.1), ("一、", 0.1),
       ("（一）", 0.1), ("run-in", 0.1)),
    # --- figures
    _c("figure_in_article", "figures", (False, 0.35), (True, 0.65)),
    _c("figure_place", "figures", ("body", 0.55), ("headline block", 0.3), ("run into next dateline", 0.15)),
    _c("credit", "figures", ("名 摄", 0.4), ("本报记者 名 摄", 0.15), ("（名 摄）", 0.1), ("机构供图", 0.15),
       ("（资料图）", 0.1), ("▲ 名 摄", 0.05), ("图为 名 摄", 0.05)),
    _c("loose_photos", "figures", (0, 0.6), (1, 0.3), (2, 0.1)),
    # --- other content
    _c("brief_column", "content", (False, 0.55), (True, 0.45)),
    _c("brief_mark", "content", ("●", 0.35), ("■", 0.3), ("plain", 0.35)),
    _c("brief_label", "content", ("简讯", 0.5), ("短讯", 0.3), ("本地快讯", 0.2)),
    _c("jump_marker", "content", (None, 0.8), ("下转", 0.1), ("上接", 0.1)),
    _c("affiliation", "content", (None, 0.6), ("作者单位", 0.25), ("作者系", 0.15)),
    # --- page furniture
    _c("header_date", "furniture", (False, 0.3), (True, 0.7)),
    _c("page_label", "furniture", (None, 0.2), ("第N版", 0.35), ("A2", 0.15), ("第0N版：名", 0.3)),
    _c("page_name", "furniture", (None, 0.3), ("plain", 0.3), ("letter-spaced", 0.4)),
    _c("staff_line", "furniture", (None, 0.3), ("header", 0.3), ("footer", 0.4)),
    _c("co_publisher", "furniture", (False, 0.8), (True, 0.2)),
    _c("banner", "furniture", (False, 0.7), (True, 0.3)),
)

BY_NAME = {c.name: c for c in CATALOGUE}


def draw_all(rng: random.Random) -> dict[str, Any]:
    """Draw every convention (in catalogue order, so one seed gives one page)."""
    return {c.name: c.draw(rng) for c in CATALOGUE}


def draw(name: str, rng: random.Random) -> Any:
    return BY_NAME[name].draw(rng)


def variant_count() -> int:
    return sum(len(c.variants) for c in CATALOGUE)
