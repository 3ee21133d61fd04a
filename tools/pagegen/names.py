"""Made-up people, places and sources, drawn from small banks of name parts.

Every name on a generated page comes from here, so the article bank can stay
free of names, and one seed always gives the same people.  The parts are
common, which makes the names plausible; their combinations are invented.
"""

from __future__ import annotations

import random

SURNAMES = tuple("王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文")
GIVEN = tuple("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏飞宇浩凯斌波辉晶晶琳颖慧俊峰建国志宏亮新春梅海燕雪婷宁晓云龙瑞佳欣悦欢博文武斌彬鑫昊然晨阳朝旭东升晋源泽泉")
COMPOUND_SURNAMES = ("欧阳", "司马", "上官", "诸葛")
PLACES = ("北京", "太原", "吕梁", "临汾", "大同", "长治", "晋中", "忻州", "运城", "阳泉", "朔州", "晋城", "西安", "郑州", "石家庄", "呼和浩特")
PAPERS = ("吕梁日报", "山西日报", "山西晚报", "三晋都市报", "晋中日报", "临汾日报", "太原日报")
WEBSITES = ("黄河新闻网", "山西新闻网", "吕梁新闻网", "中国新闻网", "人民网", "央广网")
AGENCIES = ("新华社", "中新社")
OWN_PAPERS = ("离石报", "柳林报", "方山报", "中阳报", "临县报", "岚县报", "兴县报", "交口报", "石楼报", "孝义报")
COUNTIES = ("离石区", "柳林县", "方山县", "中阳县", "临县", "岚县", "兴县", "交口县", "石楼县", "孝义市")
TOWNS = ("城东街道", "信义镇", "坪头乡", "莲花街道", "滨河街道", "吴城镇", "枣林乡", "红眼川乡", "西属巴街道", "田家会街道")
ORGS = ("文化和旅游局", "农业农村局", "教育局", "卫生健康局", "融媒体中心", "应急管理局", "总工会", "团委", "妇联", "作家协会", "摄影家协会", "第一中学", "人民医院", "供电公司", "自然资源局")


def person(rng: random.Random) -> str:
    """A two- or three-character name (rarely a compound surname)."""
    surname = rng.choice(COMPOUND_SURNAMES) if rng.random() < 0.02 else rng.choice(SURNAMES)
    size = 1 if rng.random() < 0.3 else 2
    given = "".join(rng.choice(GIVEN) for _ in range(size))
    return surname + given


def people(rng: random.Random, count: int) -> list[str]:
    """Distinct names."""
    out: list[str] = []
    while len(out) < count:
        name = person(rng)
        if name not in out:
            out.append(name)
    return out


def organisation(rng: random.Random, county: str) -> str:
    return county + rng.choice(ORGS)
