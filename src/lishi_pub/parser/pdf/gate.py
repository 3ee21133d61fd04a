"""The quality gate: refuse a page whose text cannot be trusted, loudly.

Three signs of unrecoverable text: ``(cid:N)`` codes (a font with neither a
ToUnicode map nor a usable cmap), U+FFFD and private-use code points.  A wrong
ToUnicode map gives valid Han characters in the wrong places; only a
frequency check notices: in any Chinese prose the commonest few hundred
characters make up well over half of the text, in scrambled text a few
per cent.
"""

from __future__ import annotations

from ...errors import InputError
from .conventions import GATE_BAD_SHARE, GATE_COMMON_SHARE, GATE_MIN_HAN
from .extract import Glyph

__all__ = ["PageUnreadable", "check_page"]

# The commonest Chinese characters in news prose (frequency lists agree on
# their membership, not their order; the set is what matters).
COMMON = frozenset(
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面"
    "而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性"
    "好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第"
    "向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管"
    "特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处"
    "府南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单"
    "风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土"
    "许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省"
    "列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置"
    "派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞活动疫情防控工作会议全面推进建设发展服务"
    "群众社区街道乡镇村干部书记党员同志组织领导主任单位坚持加强落实开展学习教育安全经济文化人民政府中心"
)


class PageUnreadable(InputError):
    """A PDF page whose text the gate refused (exit status 3, like any bad input)."""


def check_page(glyphs: list[Glyph], source: str, number: int) -> None:
    """Raise :class:`PageUnreadable` naming the page when its text is not trustworthy."""
    bad = han = common = total = 0
    for g in glyphs:
        t = g.text
        if t.isspace():
            continue
        total += 1
        if t.startswith("(cid:") or "\ufffd" in t or any(0xE000 <= ord(c) <= 0xF8FF or ord(c) >= 0xF0000 for c in t):
            bad += 1
        elif "\u4e00" <= t <= "\u9fff":
            han += 1
            common += t in COMMON
    if not total:
        return
    advice = "; give a text dump of this page instead (e.g. from the typesetting system, or OCR) and parse that"
    if bad > GATE_BAD_SHARE * total:
        raise PageUnreadable(f"{source}: page {number}: {bad / total:.0%} of its glyphs have no recoverable "
                             f"character (cid codes, U+FFFD or private-use){advice}")
    if han >= GATE_MIN_HAN and common < GATE_COMMON_SHARE * han:
        raise PageUnreadable(f"{source}: page {number}: its Chinese text looks scrambled (only {common / han:.0%} "
                             f"common characters; the font's ToUnicode map is probably wrong){advice}")
