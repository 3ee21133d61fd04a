"""Read the place out of a Chinese news dateline (电头), for ninjs ``located``.

``新华社北京5月5日电`` is agency, place, date and the word 电 (专电, 快电);
``本报讯`` and ``据新华社电`` name no place, and then there is none to give.
"""

from __future__ import annotations

import re

from attrs import frozen

__all__ = ["Dateline", "read_dateline"]

_NUMBER = r"[0-9０-９一二三四五六七八九十〇零]{1,3}"
_DATELINE = re.compile(
    r"^[（(]?据?\s*"
    r"(?P<agency>本报|[^\W\d_]{1,12}?(?:社|网|台|报|客户端))?\s*"
    r"(?P<place>[^\W\d_]{1,12}?)?\s*"
    rf"{_NUMBER}\s*月\s*{_NUMBER}\s*日\s*(?:专|快|急)?电"
)

#: The paper itself: not a third party to name as a source.
_OWN_PAPER = "本报"


@frozen
class Dateline:
    agency: str | None
    place: str | None


def read_dateline(dateline: str) -> Dateline:
    """The agency and place a dateline names; both None when it is not of the 电 form."""
    match = _DATELINE.match(dateline.strip())
    if match is None:
        return Dateline(None, None)
    agency = match["agency"] if match["agency"] != _OWN_PAPER else None
    return Dateline(agency, match["place"] or None)
