"""The place (and agency) read out of datelines of every form the papers print."""

from __future__ import annotations

import pytest
from lishi_pub_ninjs.dateline import Dateline, read_dateline


@pytest.mark.parametrize(("dateline", "agency", "place"), [
    ("新华社北京5月5日电", "新华社", "北京"),
    ("新华社北京1月25日专电", "新华社", "北京"),
    ("新华社华盛顿12月31日电", "新华社", "华盛顿"),
    ("本报北京9月18日电", None, "北京"),
    ("中新网北京9月27日电", "中新网", "北京"),
    ("人民日报太原3月2日电", "人民日报", "太原"),
    ("新华社 北京 5月5日 电", "新华社", "北京"),
    ("（本报北京11月13日电）", None, "北京"),
    ("新华社北京５月５日电", "新华社", "北京"),
    ("北京5月5日电", None, "北京"),
    ("本报讯", None, None),
    ("据新华社电", None, None),
    ("离石报4月21日讯", None, None),
    ("央视网消息", None, None),
])
def test_reads_agency_and_place(dateline: str, agency: str | None, place: str | None) -> None:
    assert read_dateline(dateline) == Dateline(agency, place)
