"""News pages in scripts other than Latin (Chinese, Japanese, Korean, Arabic, Hindi, Thai) get
their story without the boilerplate around it, and their language: length, sentence and label
measures are script-aware (CJK text says more per character; 。？؟। end sentences; Thai has
none)."""

from __future__ import annotations

import pytest

from extractors.cleaning.clean import clean
from extractors.cleaning.metadata import strip_site_suffix
from tests.support.pages import raw_doc


def news_page(lang: str, nav: list[str], headline: str, story: str, related: list[str], footer: str) -> str:
    """A news page: a menu, the headline and the story, a related-stories box and a footer."""
    menu = "".join(f"<li><a href='/s{i}'>{item}</a></li>" for i, item in enumerate(nav))
    links = "".join(f"<li><a href='/r{i}'>{item}</a></li>" for i, item in enumerate(related))
    return (
        f"<html lang='{lang}'><head><meta charset='utf-8'><title>{headline}</title></head><body>"
        f"<header class='site-header'><nav class='menu'><ul>{menu}</ul></nav></header>"
        f"<main><article><h1>{headline}</h1><div>{story}</div></article>"
        f"<aside class='related'><h3>{related[0]}</h3><ul>{links}</ul></aside></main>"
        f"<footer><p>{footer}</p></footer></body></html>"
    )


ZH_STORY = [
    "市政府周二宣布，老城区供水管道改造工程将于明年春天完工。",
    "这项工程涉及十二条街道，管道总长约四十公里。",
    "部分旧管道已经使用了五十多年，漏水和爆管事故时有发生。据统计，仅去年一年，老城区就发生了三百多起"
    "漏水事故，其中几起还造成了路面塌陷。",
    "施工期间，相关路段将实行临时交通管制。",
    "市水务局表示，如需停水，将提前三天通知居民。",
    "据市水务局介绍，改造完成后，老城区的供水能力将提高三成，管网漏损率有望从目前的两成降到一成以下，"
    "每年可节约用水约两百万吨。",
]
JA_STORY = [
    "市は火曜日、旧市街の水道管の改修工事を来年の春までに終えると発表した。",
    "工事の対象は十二の通りで、総延長は約四十キロに及ぶ。",
    "古い水道管の中には五十年以上使われているものもあり、漏水が深刻な問題となっていた。市によると、"
    "昨年だけで三百件を超える漏水が報告され、道路の陥没につながった例もあったという。",
    "工事期間中は一部の道路で通行が規制される。",
    "近くに住む七十代の女性は、取材にこう話した。",
    "「来年の春が待ち遠しいです」",
]
KO_STORY = [
    "시는 화요일 구시가지 상수도관 교체 공사를 내년 봄까지 마치겠다고 발표했다.",
    "공사 대상은 열두 개 도로로, 전체 길이는 약 40킬로미터에 이른다.",
    "일부 수도관은 50년 넘게 사용돼 누수가 심각한 문제가 돼 왔다. 시에 따르면 지난해에만 300건이 "
    "넘는 누수가 신고됐고, 도로가 내려앉은 경우도 있었다.",
    "공사 기간에는 일부 도로의 통행이 제한된다.",
    "시 수도국은 단수가 필요하면 사흘 전에 주민들에게 알리겠다고 밝혔다.",
]
AR_STORY = [
    "أعلنت البلدية يوم الثلاثاء أنها ستنتهي من إصلاح أنابيب المياه في المدينة القديمة قبل الربيع المقبل.",
    "ويشمل المشروع اثني عشر شارعاً بطول إجمالي يقارب أربعين كيلومتراً.",
    "وقال مسؤول في البلدية إن بعض الأنابيب يزيد عمرها على خمسين عاماً، وإن التسرب أصبح مشكلة كبيرة.",
    "وخلال الأشغال ستغلق بعض الطرق أمام حركة المرور مؤقتاً.",
    "وأكدت مصلحة المياه أنها ستبلغ السكان قبل ثلاثة أيام من أي انقطاع للمياه.",
    "فمتى تبدأ الأشغال؟ في الشهر المقبل.",
]
HI_STORY = [
    "नगर निगम ने मंगलवार को घोषणा की कि पुराने शहर में पानी की पाइपलाइन बदलने का काम अगले वसंत तक पूरा हो जाएगा।",
    "इस परियोजना में बारह सड़कें शामिल हैं और पाइपलाइन की कुल लंबाई लगभग चालीस किलोमीटर है।",
    "कुछ पाइप पचास साल से भी ज़्यादा पुराने हैं और उनमें रिसाव एक बड़ी समस्या बन गया है।",
    "निर्माण के दौरान कुछ सड़कों पर यातायात अस्थायी रूप से बंद रहेगा।",
    "जल विभाग ने कहा कि आपूर्ति रोकने से तीन दिन पहले लोगों को सूचना दी जाएगी।",
    "काम अगले महीने शुरू होगा।",
]
TH_STORY = [
    "เทศบาลประกาศเมื่อวันอังคารว่าจะซ่อมท่อประปาในเมืองเก่าให้เสร็จก่อนฤดูใบไม้ผลิปีหน้า",
    "โครงการนี้ครอบคลุมถนนสิบสองสาย รวมระยะทางประมาณสี่สิบกิโลเมตร",
    "ท่อบางส่วนมีอายุมากกว่าห้าสิบปี และมีปัญหาน้ำรั่วอย่างหนัก",
    "ระหว่างการก่อสร้าง ถนนบางสายจะถูกปิดการจราจรชั่วคราว",
    "การประปาระบุว่าหากต้องหยุดจ่ายน้ำ จะแจ้งให้ประชาชนทราบล่วงหน้าสามวัน",
    "งานจะเริ่มในเดือนหน้า",
]


def story_html(paragraphs: list[str], pictured: int | None = None, linked: str | None = None) -> str:
    """The story's paragraphs; paragraph `pictured` set beside a photo in its own block, the last
    one's first `linked` words linked."""
    out = []
    for i, text in enumerate(paragraphs):
        if linked and i == len(paragraphs) - 1:
            text = text.replace(linked, f"<a href='/water'>{linked}</a>", 1)
        block = f"<p>{text}</p>"
        out.append(f"<div><img src='pipes.jpg' alt=''>{block}</div>" if i == pictured else block)
    return "".join(out)


PAGES = {
    "zh": (
        news_page(
            "zh-CN",
            ["首页", "国内", "国际", "财经", "体育", "科技"],
            "老城区供水管道改造工程明年春天完工",
            story_html(ZH_STORY, pictured=2, linked="市水务局介绍"),
            ["相关新闻", "新区公交线路今年调整", "全市将新建二十座公园", "地铁三号线下月试运行"],
            "本网站所有内容未经书面授权不得转载，违者将依法追究相关法律责任。版权所有 城市日报",
        ),
        ZH_STORY,
        ["国际", "新区公交线路今年调整", "版权所有"],
    ),
    "ja": (
        news_page(
            "ja",
            ["ホーム", "ニュース", "経済", "スポーツ", "天気"],
            "旧市街の水道管、来春までに改修へ",
            story_html(JA_STORY, pictured=2),
            ["関連記事", "新しいバス路線が今月から運行", "市立図書館が改装のため休館"],
            "このサイトに掲載されている記事・写真の無断転載を禁じます。市民新聞",
        ),
        JA_STORY,
        ["スポーツ", "新しいバス路線が今月から運行", "無断転載"],
    ),
    "ko": (
        news_page(
            "ko",
            ["홈", "정치", "경제", "사회", "스포츠"],
            "구시가지 상수도관 교체 공사, 내년 봄 마무리",
            story_html(KO_STORY, pictured=2),
            ["관련 기사", "새 버스 노선 이달부터 운행", "시립도서관 리모델링 휴관"],
            "이 사이트의 모든 기사와 사진은 무단 전재 및 재배포를 금지합니다. 시민일보",
        ),
        KO_STORY,
        ["스포츠", "새 버스 노선 이달부터 운행", "무단 전재"],
    ),
    "ar": (
        news_page(
            "ar",
            ["الرئيسية", "أخبار", "اقتصاد", "رياضة", "ثقافة"],
            "إصلاح أنابيب المياه في المدينة القديمة قبل الربيع",
            story_html(AR_STORY),
            ["أخبار ذات صلة", "خط حافلات جديد يبدأ هذا الشهر", "افتتاح حديقة عامة في الحي الشمالي"],
            "جميع الحقوق محفوظة لجريدة المدينة، ولا يجوز نقل المحتوى دون إذن مكتوب.",
        ),
        AR_STORY,
        ["رياضة", "خط حافلات جديد يبدأ هذا الشهر", "جميع الحقوق محفوظة"],
    ),
    "hi": (
        news_page(
            "hi",
            ["होम", "देश", "दुनिया", "खेल", "मनोरंजन"],
            "पुराने शहर में पानी की पाइपलाइन का काम अगले वसंत तक पूरा होगा",
            story_html(HI_STORY),
            ["संबंधित खबरें", "इस महीने से नई बस सेवा शुरू", "उत्तरी इलाके में नया पार्क खुला"],
            "सर्वाधिकार सुरक्षित। इस वेबसाइट की सामग्री का बिना अनुमति उपयोग वर्जित है।",
        ),
        HI_STORY,
        ["मनोरंजन", "इस महीने से नई बस सेवा शुरू", "सर्वाधिकार सुरक्षित"],
    ),
    "th": (
        news_page(
            "th",
            ["หน้าแรก", "ข่าว", "เศรษฐกิจ", "กีฬา", "บันเทิง"],
            "ซ่อมท่อประปาเมืองเก่าเสร็จก่อนฤดูใบไม้ผลิ",
            story_html(TH_STORY),
            ["ข่าวที่เกี่ยวข้อง", "รถเมล์สายใหม่เริ่มวิ่งเดือนนี้", "เปิดสวนสาธารณะแห่งใหม่"],
            "สงวนลิขสิทธิ์ ห้ามนำเนื้อหาไปเผยแพร่โดยไม่ได้รับอนุญาต หนังสือพิมพ์เมือง",
        ),
        TH_STORY,
        ["บันเทิง", "รถเมล์สายใหม่เริ่มวิ่งเดือนนี้", "สงวนลิขสิทธิ์"],
    ),
}


@pytest.mark.parametrize("code", PAGES)
def test_the_story_is_kept_and_the_boilerplate_left_out(code: str) -> None:
    html, story, boilerplate = PAGES[code]
    text = clean(raw_doc(html.encode())).text
    missing = [p for p in story if p not in text]
    kept = [b for b in boilerplate if b in text]
    assert not missing and not kept, (missing, kept)


@pytest.mark.parametrize("code", PAGES)
def test_the_language_is_found_with_the_declaration_gone(code: str) -> None:
    html = PAGES[code][0].replace(f"lang='{code}", "lang='en' data-was='")
    article = clean(raw_doc(html.encode()))
    assert article.language == code


def test_a_site_name_is_cut_from_a_title_in_an_unspaced_script() -> None:
    # The headline is one spaced "word": its words are counted by their measured length.
    assert (
        strip_site_suffix("老城区供水管道改造工程明年春天完工 - 城市日报")
        == "老城区供水管道改造工程明年春天完工"
    )
    assert strip_site_suffix("ซ่อมท่อประปาเมืองเก่าเสร็จก่อนฤดูใบไม้ผลิ | หนังสือพิมพ์เมือง") == (
        "ซ่อมท่อประปาเมืองเก่าเสร็จก่อนฤดูใบไม้ผลิ"
    )
    assert strip_site_suffix("大雨 - 城市日报") == "大雨 - 城市日报"  # too short a headline to tell


SHORT_LINES = [
    "暴雨导致城区多条道路积水。",
    "全市共转移群众一千二百人。",
    "地铁二号线部分站点临时关闭。",
    "气象台发布暴雨红色预警。",
    "预计降雨将持续到周四。",
    "学校周三全部停课。",
    "市民出行请注意安全。",
    "相关部门正在全力排水。",
    "供电公司抢修了三条线路。",
    "机场有二十个航班延误。",
]
ABOUT = "本报创刊于一九八五年，是本市发行量最大的综合性日报，每天出版三十二个版面。"


def test_a_story_of_short_chinese_lines_is_found_beside_a_longer_box() -> None:
    # Each line is under MIN_PARAGRAPH characters but says as much as a 50-character English
    # sentence: counted by characters, the story held no prose and the about box was the text.
    story = "".join(f"<p>{line}</p>" for line in SHORT_LINES)
    html = (
        "<html lang='zh'><body><div class='wrap'><div class='left'><h1>暴雨袭城 多条道路积水</h1>"
        f"<div class='txt'>{story}</div></div><div class='right'><div class='box'><p>{ABOUT}</p>"
        "</div></div></div></body></html>"
    )
    text = clean(raw_doc(html.encode())).text
    assert all(line in text for line in SHORT_LINES)
    assert ABOUT not in text
