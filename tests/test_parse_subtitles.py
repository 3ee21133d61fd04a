"""A headline group printed above its story: the title, a ``——`` subtitle under it, a byline
(docs/parsing.md, "headline runs above a story")."""

from __future__ import annotations

import lishi_pub

_COLUMN = [
    "为了提高群众的自救互救", "能力，急救中心还组建了一支", "培训队伍，深入机关、学校、", "社区和企业，普及心肺复苏、",
    "海姆立克急救法等知识。今年", "以来，已开展培训200余场，", "培训群众1.6万人次。",
]
_STORY = [
    "周末清晨，坪头乡的一", "条山间古道上，一支二十多", "人的徒步队伍正沿着石板路", "缓缓向上攀登。队伍里，有",
    "退休的老人，也有背着专业", "装备的年轻人。",
]


def _pdfminer(boxes: list[list[str]]) -> str:
    """pdfminer's style: a blank line after every box, its lines on single newlines."""
    return "\n\n".join("\n".join(box) for box in boxes) + "\n"


def test_a_title_over_its_subtitles_box_is_no_line_of_the_text_above():
    boxes = [["本报讯（记者 王艳）急救中心今年受理急救电话4.1万余次。"], *[[x] for x in _COLUMN],
             ["一条古道的新生"], ["——千年商道成为徒步爱好者的“网红线路”", "□ 本报记者 姜昊海"], *[[x] for x in _STORY]]
    first, second = lishi_pub.parse_text(_pdfminer(boxes)).articles
    assert first.paragraphs[-1].text.endswith("培训群众1.6万人次。")
    assert (second.title, second.subtitle) == ("一条古道的新生", "千年商道成为徒步爱好者的“网红线路”")
    assert second.authors == ("姜昊海",)


def test_an_editors_note_under_a_subtitle_opens_its_own_paragraph():
    lines = ["孩子们依依不舍地把球收进网", "兜。新铺的草坪上，一串串小", "小的脚印，向着远方延伸。", "",
             "黄河岸边的民宿“新村民”", "——返乡青年把老窑洞变成网红打卡地", "编者按：黄河岸边",
             "的民宿“新村民”，是", "群众身边的新变化。本", "报今起推出系列报道，", "记录这些变化背后的人",
             "和事，敬请关注。", "从碛口古镇往南几", "公里，有一个叫李家山", "的小村，依山而建的窑", "洞层层叠叠。", ""]
    article = lishi_pub.parse_text("\n".join(lines)).articles[1]
    assert (article.title, article.subtitle) == ("黄河岸边的民宿“新村民”", "返乡青年把老窑洞变成网红打卡地")
    assert article.paragraphs[0].text.startswith("编者按：黄河岸边的民宿")


def test_a_subtitle_wrapped_in_the_headline_block_stays_the_subtitle():
    """A title is never printed under its own subtitle: the line after a ``——`` subtitle
    in its box is the subtitle the column wrapped, not more of the title."""
    text = "\n".join([
        "本报讯（记者 王艳）气象部门统计，今年汛期全区降水比常年偏多三成，",
        "气象部门提醒农户做好秋季农业生产安排。", "",
        "今年汛期降水偏多三成", "——气象部门提醒做好秋季农业", "生产安排", "",
    ])
    article = lishi_pub.parse_text(text).articles[0]
    assert (article.title, article.subtitle) == ("今年汛期降水偏多三成", "气象部门提醒做好秋季农业生产安排")


def test_a_subtitle_wrapped_after_a_comma_above_its_story():
    """Running text never opens a line with a dash: a ``——`` line ending in a comma
    is a subtitle the column wrapped, going on to the line above the dateline."""
    lines = ["比赛采取分组循环赛和淘汰赛", "相结合的方式进行，将持续4天。", "",
             "首届农民丰收", "节在吴城镇举行", "——晒丰收、比技能、展风采，", "农民唱主角",
             "据临汾日报消息 9月23", "日，全区首届中国农民丰收节庆", "祝活动在吴城镇举办。",
             "现场锣鼓喧天，笑语不断，", "来自全区各乡镇的2000余名", "农民群众欢聚一堂，共庆丰收。", ""]
    article = lishi_pub.parse_text("\n".join(lines)).articles[-1]
    assert (article.title, article.subtitle) == ("首届农民丰收节在吴城镇举行", "晒丰收、比技能、展风采，农民唱主角")
    assert article.dateline == "据临汾日报消息"


def test_a_subtitle_over_its_storys_photo_ends_where_the_caption_starts():
    lines = ["湿地公园、老城区等地，跑者", "们一边奔跑，一边欣赏沿途风", "景。", "赛事期间，全区住宿、餐",
             "饮消费明显增长，不少酒店入", "住率超过九成。", "",
             "我区学子在全省中学生科技创新大赛中获佳绩", "——获奖项目 9 个，其中一等奖 2 项",
             "温子涵向评委介绍自己设计的农田墒情监测装置。 万建 摄",
             "晋中日报讯（记者 万建）", "在日前结束的第三十七届全省青少", "年科技创新大赛中，我区中学生共",
             "有 9个项目获奖，其中一等奖 2", "项、二等奖 3项、三等奖 4项，获", "奖数量创历史新高。", ""]
    issue = lishi_pub.parse_text("\n".join(lines))
    article = issue.articles[-1]
    assert (article.title, article.subtitle) == ("我区学子在全省中学生科技创新大赛中获佳绩", "获奖项目9个，其中一等奖2项")
    captions = [f.caption for a in issue.articles for f in a.figures] + [f.caption for p in issue.pages for f in p.figures]
    assert captions == ["温子涵向评委介绍自己设计的农田墒情监测装置。"]


def test_a_subtitle_over_a_feature_ends_where_its_first_paragraph_starts():
    """A feature without a dateline: the paragraph's indented first line under the
    subtitle (two cells short, a full line after it) shows the subtitle ended."""
    lines = ["童年只有一次。少一些焦虑，", "多一些陪伴，才能给孩子一个更加", "完整、更加快乐的童年。", "",
             "农家书屋里的“夜读时光”", "——信义镇郭家庄村书屋晚上开门迎读者",
             "晚饭后，信义镇郭家庄村的农家书屋", "亮起了灯，三三两两的村民陆续走进来，",
             "有的翻看种植技术书，有的给孩子挑选绘", "本。", "书屋管理员郭红梅今年 50 岁，是村",
             "里的文艺积极分子。她把书屋的开放时间", "调整到晚上 7 点至 9 点，“白天大伙儿", "都在地里，晚上才有空”。", ""]
    article = lishi_pub.parse_text("\n".join(lines)).articles[-1]
    assert (article.title, article.subtitle) == ("农家书屋里的“夜读时光”", "信义镇郭家庄村书屋晚上开门迎读者")
    assert article.paragraphs[0].text.startswith("晚饭后，")


_BEFORE = ["本报讯 区消防救援大队近日走进城南社区，向居民讲解灭火器", "使用方法，并邀请居民亲手操作。",
           "“平时在电视上看过，真正自己拿起灭火器还是第一", "次。”居民李阿姨说，“学会了，心里就踏实了。”",
           "今年以来，全区已在社区、学校、商场等场所开展各", "类应急演练 160余场。 （熊涛）", ""]


def test_a_subtitle_whole_on_its_line_is_no_part_of_the_lead_under_it():
    """The line under the subtitle is as wide, but the text it would go on to ends
    a sentence: a subtitle holds none, so it ended on its own line (parser/subwrap.py)."""
    lines = [*_BEFORE, "全区第五届农", "民篮球赛落幕", "——16 支乡村球队同场竞技，吴城镇代表队夺冠",
             "10月 23日晚，全区第五届农民篮球赛决赛在区", "体育馆举行。经过激烈角逐，吴城镇代表队以 78比",
             "71战胜坪头乡代表队，捧得冠军奖杯。坪头乡队和", "城关镇队分获亚军、季军，另有 4支球队获得“体育",
             "道德风尚奖”。", "本届比赛历时 8天，共有 16支乡村球队参加，", "球员全部来自田间地头，有种粮户、养殖户，也有返",
             "乡创业的年轻人。 （范浩新）", ""]
    article = lishi_pub.parse_text("\n".join(lines)).articles[1]
    assert (article.title, article.subtitle) == ("全区第五届农民篮球赛落幕", "16支乡村球队同场竞技，吴城镇代表队夺冠")
    assert article.paragraphs[0].text.startswith("10月23日晚")


def test_a_subtitle_the_column_wrapped_ends_at_its_shorter_last_line():
    """Full lines then a shorter one: the subtitle's wrap; the caption under it is the story's photo."""
    lines = [*_BEFORE, "全区开展冬季燃气安全大排查", "——排查持续至明年 2 月底，覆盖所有燃气经营企", "业和用户",
             "燃气公司工作人员入户检查燃气管道和软管。 （资", "料图）",
             "本报讯 入冬以来，区应急管理局会同住建、市场监", "管等部门，在全区开展冬季燃气安全大排查，重点",
             "检查餐饮场所、老旧小区和农村燃气用户。", ""]
    articles = lishi_pub.parse_text("\n".join(lines)).articles
    assert len(articles) == 2
    article = articles[1]
    assert (article.title, article.subtitle) == ("全区开展冬季燃气安全大排查", "排查持续至明年2月底，覆盖所有燃气经营企业和用户")
    assert article.blocks[0].caption == "燃气公司工作人员入户检查燃气管道和软管。"
