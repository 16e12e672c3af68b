"""Casualty extraction on our own example sentences, one per rule and per trap."""

from __future__ import annotations

import pytest

from helpers.mentions import extract_mentions
from helpers.schema import MENTION_COLUMNS, Document, conform, validate_mentions


def mentions(text: str) -> list[dict]:
    rows = extract_mentions(Document(doc="t", text=text))
    validate_mentions(conform(rows, MENTION_COLUMNS))
    for r in rows:
        assert text[r["start"] : r["end"]] == r["text"]
    return rows


def one(text: str) -> dict:
    rows = [r for r in mentions(text) if not r["relation"]]
    assert len(rows) == 1, rows
    return rows[0]


@pytest.mark.parametrize(
    "text,category,victim,best,qualifier",
    [
        ("قُتل خمسة مدنيين في قصف على البلدة.", "killed", "CIVILIANS", 5, "exact"),
        ("أسفر القصف عن مقتل ٧ أشخاص بينهم نساء.", "killed", "CIVILIANS", 7, "exact"),
        ("أصيب ثلاثة وعشرون شخصاً بجروح متفاوتة.", "injured", "CIVILIANS", 23, "exact"),
        ("وأدى الانفجار إلى جرح جنديين من الجيش السوري.", "injured", "SYR_GOV", 2, "exact"),
        ("قالت المصادر إن قسد اعتقلت أحد المسلحين من خلايا داعش.", "detained", "ISIS", 1, "exact"),
        (
            "وتسبب الهجوم بمقتل وإصابة تسعة عناصر من قوات النظام.",
            "killed_or_injured",
            "SYR_GOV",
            9,
            "exact",
        ),
        ("قتل ما لا يقل عن 12 مسلحاً من تنظيم داعش.", "killed", "ISIS", 12, "at_least"),
        (
            "واعتقلت الدورية أكثر من 30 شاباً من أبناء القرية.",
            "detained",
            "CIVILIANS",
            30,
            "more_than",
        ),
        ("ونزح نحو 200 شخص من القرى المحيطة.", "displaced", "CIVILIANS", 200, "about"),
        ("واستسلم عشرات المسلحين من داعش للقوات.", "surrendered", "ISIS", 10, "vague"),
        ("سقط 4 قتلى في الاشتباكات.", "killed", "UNKNOWN", 4, "exact"),
        ("قتل شاب برصاص مجهولين في المدينة.", "killed", "CIVILIANS", 1, "exact"),
    ],
)
def test_figures(text, category, victim, best, qualifier):
    m = one(text)
    assert (m["category"], m["victim"], m["best"], m["qualifier"]) == (
        category,
        victim,
        best,
        qualifier,
    )
    assert m["scope"] == "incident"


def test_range_and_open_ended():
    m = one("وأصيب ما بين 10 و15 مدنياً في الغارة.")
    assert (m["low"], m["high"], m["qualifier"]) == (10, 15, "range")
    m = one("قتل 11 على الأقل من عناصر الفصائل.")
    assert (m["low"], m["high"], m["qualifier"]) == (11, None, "at_least")


def test_at_least_after_the_counted_noun_is_open_ended():
    m = one("قتل 11 شخصاً على الأقل في القصف.")
    assert (m["best"], m["low"], m["high"], m["qualifier"]) == (11, 11, None, "at_least")
    m = one("قتل 11 شخصاً، على الأقل بحسب المرصد.")  # a comma ends the figure
    assert m["qualifier"] == "exact"


def test_vague_uses_convention():
    m = one("وقتلت القوات العديد منهم في المعركة مع مسلحي داعش.")
    assert m["qualifier"] == "vague" and m["high"] is None and m["low"] is not None


@pytest.mark.parametrize(
    "text",
    [
        "بدأ الهجوم بمشاركة 10 آلاف عنصر من القوات.",  # force size
        "أقلعت ست طائرات حربية من القاعدة.",  # aircraft
        "نفذ الطيران بخمس ضربات على الأقل على الموقع.",  # strikes
        "دخلت 250 شاحنة محملة بالمعدات.",  # trucks
        "استمرت الاشتباكات لنحو ثلاث ساعات.",  # duration
        "وقع الانفجار نحو الساعة 10.45 مساء.",  # clock time
        "وصل الرتل في الـ12 من شباط الماضي.",  # date
        "استهدفت المدفعية مقر الفوج 46 قرب المدينة.",  # unit name
        "بثت القناة 13 تقريرا عن الهجوم.",  # channel name
        "نفذت طائرات إف 16 الغارة على الموقع.",  # aircraft model
        "سقطت القذيفة ما أدى إلى أضرار مادية فقط.",  # no casualties
        "استهدف القصف البلدة من دون وقوع إصابات.",  # no casualties
        "أطلقت القوات أكثر من 50 صاروخاً على القرية.",  # munitions
    ],
)
def test_non_casualty_numbers_give_no_mention(text):
    assert mentions(text) == []


def test_subset_is_not_counted_twice():
    rows = mentions("أسفرت الغارة عن مقتل 9 مدنيين، من بينهم 4 أطفال.")
    total, part = rows
    assert total["best"] == 9 and not total["relation"]
    assert part["best"] == 4 and part["relation"] == f"subset_of:{total['mention']}"


def test_repeat_is_same_as_first_telling():
    text = "مقتل 6 مدنيين بقصف على القرية.\nوأفاد المرصد بمقتل 6 مدنيين في القصف المدفعي."
    first, second = mentions(text)
    assert second["relation"] == f"same_as:{first['mention']}"


def test_aggregate_of_both_sides():
    text = (
        "قتل 40 مسلحاً من الطرفين في المعارك.\n"
        "وقتل 25 عنصراً من قسد خلال الهجوم.\nفي حين قتل 15 مسلحاً من داعش."
    )
    rows = mentions(text)
    assert rows[0]["victim"] == "MIXED" and rows[0]["relation"].startswith("aggregate_of:")
    assert {r["victim"] for r in rows[1:]} == {"SDF", "ISIS"}


def test_cumulative_totals_are_kept_apart():
    m = one("ووثق المرصد مقتل 1200 مدني منذ بداية العام الجاري.")
    assert m["scope"] == "cumulative"
    rows = mentions("ونزح 40 شخصاً إلى المخيم، ليرتفع إلى 5000 عدد النازحين حتى الآن.")
    scopes = [r["scope"] for r in rows]
    assert [r["best"] for r in rows] == [40, 5000]
    assert scopes[0] == "incident" and scopes[-1] == "cumulative"


def test_pronoun_victim_refers_to_last_side():
    m = one("خاضت القوات معارك مع مسلحي داعش، وقتلت 5 منهم.")
    assert m["victim"] == "ISIS"


def test_offsets_survive_diacritics_and_tatweel():
    text = "وقُتِلَ ثـلاثةُ مدنيّين في الغارة."
    m = one(text)
    assert m["best"] == 3 and text[m["start"] : m["end"]] == m["text"]
    assert "مدنيّين" in m["text"]


def test_claimant_named():
    m = one("وقال المرصد السوري لحقوق الإنسان إن 3 مدنيين قتلوا في القصف.")
    assert m["claimed_by"] == "SOHR"


def test_related_stories_tail_is_ignored():
    text = "قتل مدنيان في القصف على البلدة.\n" * 3 + "اقرأ المزيد\nمقتل 50 شخصاً في حادث سير."
    assert all(r["best"] != 50 for r in mentions(text))


def test_links_to_the_previous_and_next_stories_end_the_article():
    body = "قتل مدنيان في القصف على البلدة.\n" * 3
    text = body + "\nالسابق\n\nمقتل 50 شخصاً في حادث سير\n\nالتالي\n\nمقتل 7 عناصر"
    assert [r["best"] for r in mentions(text) if not r["relation"]] == [2]
    text = body + "السابق لرئيس المجلس قال إن 4 أشخاص قتلوا في الهجوم."
    assert 4 in [r["best"] for r in mentions(text)]  # a word in a sentence, not a link
    for marker in ("التاغات:", "الوسوم المشهورة:", "اخترنا لك", "مرتبط"):
        text = body + f"\n{marker}\n\nشهداء\n\nوفاة 5 سيدات\n"
        assert [r["best"] for r in mentions(text) if not r["relation"]] == [2], marker


def test_a_photo_caption_is_not_part_of_the_toll():
    caption = "إسعاف طفل مصاب جراء قصف مدفعي على البلدة- 3 من آذار 2024 (الدفاع المدني/ فيس بوك)"
    text = f"مقتل مدنيين بقصف على البلدة\n\n{caption}\n\nوأصيب 4 أشخاص بجروح في القصف."
    assert [r["best"] for r in mentions(text) if r["category"] == "injured"] == [4]
    # a sentence that ends with its source in brackets, with no date before it, is read
    text = "وأصيب طفل بجروح في قصف مدفعي على البلدة (الدفاع المدني)\nوقتل رجل."
    assert [r["best"] for r in mentions(text) if r["category"] == "injured"] == [1]
    # a caption whose credit names no one ('متداول', 'أرشيف')
    for credit in ("- متداول", "(أرشيف)"):
        caption = f"انتشال جثة طفل من بين أنقاض منزل تعرض للقصف في إدلب{credit}"
        text = f"قصف روسي على إدلب\n\n{caption}\n\nقتل أربعة أطفال ورجل."
        assert [r["best"] for r in mentions(text) if not r["relation"]] == [5], credit


@pytest.mark.parametrize(
    "text,category,best",
    [
        ("وفقد مدني حياته جراء القصف المدفعي على القرية.", "killed", 1),
        ("وأكد الشهود أن امرأة قتلت في الغارة.", "killed", 1),
        ("وأفاد المسعفون بأن مدنيَّين أصيبا بجروح.", "injured", 2),
        ("وأصيب مواطنان بشظايا القذائف.", "injured", 2),
        ('أعلنت المصادر مقتل "أحمد الخالد" في الغارة على منزله.', "killed", 1),
        ("واستهدفت الغارة المنزل ما أدى إلى مقتله على الفور.", "killed", 1),
    ],
)
def test_one_person_without_a_number(text, category, best):
    m = one(text)
    assert (m["category"], m["best"]) == (category, best)


def test_dual_of_regular_noun_is_two_and_plural_is_vague():
    assert one("واستشهد مدنيان في القصف.")["best"] == 2
    assert one("وأصيب مدنيون في القصف.")["qualifier"] == "vague"


def test_a_fatha_before_yaa_nun_marks_a_dual_of_two():
    m = one("ما أسفر عن استشهاد مواطنَين في القصف.")
    assert (m["best"], m["qualifier"]) == (2, "exact")
    assert one("فقتلت مدنيَّيْن في البلدة.")["qualifier"] == "exact"
    assert one("ما أسفر عن استشهاد مواطنِين في القصف.")["qualifier"] == "vague"  # kasra: plural


def test_deaths_among_the_injured_told_before_are_of_their_side():
    rows = mentions("أصيب 10 مدنيين بقصف على البلدة. وتوفي 3 من الجرحى في المشفى.")
    assert [(r["category"], r["victim"]) for r in rows] == [
        ("injured", "CIVILIANS"),
        ("killed", "CIVILIANS"),
    ]
    rows = mentions("اعتقلت قسد 5 من عناصر التنظيم. وقتل أحد المعتقلين تحت التعذيب.")
    assert rows[1]["victim"] == "ISIS"
    assert one("وقع عدد من القتلى والجرحى في الهجوم.")["victim"] == "UNKNOWN"


@pytest.mark.parametrize(
    ("text", "best"),
    [
        ("وقتل في الغارة القيادي أبو علي.", 1),
        ("قتل في القصف مدنيان.", 2),
        ("وقتل جراء القصف المدفعي طفل.", 1),
        ("أصيب بالقصف شاب في البلدة.", 1),
    ],
)
def test_an_attack_between_the_verb_and_its_subject_is_skipped(text, best):
    assert one(text)["best"] == best


def test_a_number_word_after_a_definite_plural_counts_it():
    m = one("استشهد الأطفال الثلاثة في القصف.")
    assert (m["best"], m["qualifier"], m["victim"]) == (3, "exact", "CIVILIANS")
    m = one("وشيع الأهالي جثامين الشهداء الستة الذين سقطوا في المجزرة.")
    assert (m["best"], m["text"]) == (6, "جثامين الشهداء الستة")
    assert mentions("وصلت جثامين الشهداء إلى البلدة.") == []


def test_a_number_among_the_casualties_told_is_a_part_of_them():
    text = "قتل 10 أشخاص في الهجوم. وأوضح المرصد أن من بين القتلى 3 عناصر من الفرقة الرابعة."
    rows = mentions(text)
    assert [(r["best"], r["victim"], r["relation"]) for r in rows] == [
        (10, "MIXED", ""),
        (3, "SYR_GOV", "subset_of:m1"),
    ]
    rows = mentions("قتل 10 أشخاص في الهجوم، وبين القتلى 3 أطفال.")
    assert rows[1]["relation"] == "subset_of:m1"


def test_leaving_life_with_the_person_between_is_killed():
    m = one("فارق الطفل محمد الحياة متأثراً بجراح أصيب بها جراء انفجار لغم أرضي.")
    assert (m["category"], m["best"], m["victim"]) == ("killed", 1, "CIVILIANS")
    assert mentions("وفارق صديقه منذ سنوات.") == []


@pytest.mark.parametrize(
    "text",
    [
        "وتوفي اليوم متأثراً بجراحه طفل كان قد أصيب في القصف.",
        "استشهد صباح اليوم طفل بقصف مدفعي.",
        "قتل يوم الأحد الماضي شاب برصاص مجهولين.",
    ],
)
def test_a_time_or_a_wound_between_the_verb_and_one_person(text):
    m = one(text)
    assert (m["category"], m["best"], m["victim"]) == ("killed", 1, "CIVILIANS")


def test_taking_a_life_with_the_cause_between_is_killed():
    m = one("أودت الغارة على البلدة بحياة طفل.")
    assert (m["category"], m["best"], m["victim"], m["text"]) == (
        "killed",
        1,
        "CIVILIANS",
        "بحياة طفل",
    )
    rows = mentions("أودى القصف بحياة سيدة وابنها.")
    assert [(r["best"], r["relation"]) for r in rows][0] == (2, "")
    assert mentions("تحسنت الحياة في البلدة.") == []


def test_deaths_as_a_plural_noun_are_killed():
    rows = mentions("وأعلنت وزارة الصحة أن عدد الوفيات بلغ 3 والإصابات 11.")
    assert [(r["category"], r["best"]) for r in rows] == [("killed", 3), ("injured", 11)]
    assert (one("وسجلت المشافي 5 وفيات.")["best"]) == 5
    assert mentions("#وفيات_البلدة انتقل إلى رحمة الله الحاج محمود") == []


def test_a_casualty_noun_that_gave_a_number_its_category_is_not_a_figure_again():
    rows = mentions("وتعرض 3 أطفال لإصابات بالغة إثر انفجار جسم من مخلفات الحرب.")
    assert [(r["category"], r["best"]) for r in rows] == [("injured", 3)]


def test_an_exact_figure_is_never_a_repeat_of_vague_words():
    text = "قتلى وجرحى من المدنيين في إعزاز\n\nقتل 3 أشخاص من المدنيين، وأصيب 10 أشخاص."
    rows = mentions(text)
    killed = [r for r in rows if r["category"] == "killed"]
    assert [(r["qualifier"], r["relation"]) for r in killed] == [
        ("vague", "same_as:m3"),
        ("exact", ""),
    ]


def test_total_of_joined_numbers_counts_once():
    rows = mentions("أسفر الانفجار عن مقتل طفلتين وأربعة آخرين من عائلة واحدة.")
    counted = [r for r in rows if not r["relation"]]
    assert [r["best"] for r in counted] == [6]
    assert all(r["relation"].startswith("subset_of:") for r in rows if r["relation"])


def test_conjunct_casualty_noun_is_not_the_counted_noun():
    rows = mentions("وارتفع عدد الشهداء إلى 5 والجرحى إلى 15 في البلدة.")
    assert [(r["category"], r["best"]) for r in rows] == [("killed", 5), ("injured", 15)]


def test_running_total_cue_far_away_does_not_make_a_total():
    text = (
        "استشهد مواطن وأصيب آخر اليوم بقصف مدفعي على البلدة ولا يزال القصف مستمرا وسط حالة من"
        " الذعر بين الأهالي الذين يعيشون في خوف من الزلازل ومن القصف والدمار والنزوح والجوع"
        " والبرد في المخيمات التي لم تزل مستمرة حتى الآن."
    )
    assert [r["scope"] for r in mentions(text)] == ["incident", "incident"]


def test_since_a_date_is_a_running_total():
    m = one("وقتل 412 مدنياً منذ الـ5 من آذار في المحافظة.")
    assert m["scope"] == "cumulative"


def test_possessive_noun_belongs_to_the_side_named_before():
    m = one("نفذ تنظيم داعش حملة اعتقالات طالت عددا من عناصره.")
    assert (m["category"], m["victim"]) == ("detained", "ISIS")


def test_others_word_is_its_own_noun():
    rows = mentions("قتل 4 مدنيين في القصف، وأصيب آخرون اليوم جراء القذائف.")
    assert [(r["category"], r["victim"], r["qualifier"]) for r in rows] == [
        ("killed", "CIVILIANS", "exact"),
        ("injured", "CIVILIANS", "vague"),
    ]


def test_adverb_between_trigger_and_person():
    m = one("وأصيب بعدها ابنه بشظايا القذيفة.")
    assert (m["category"], m["best"], m["victim"]) == ("injured", 1, "CIVILIANS")


@pytest.mark.parametrize(
    "text,victim",
    [
        ("مقتل قيادي في هيئة تحرير الشام بغارة روسية.", "OPPOSITION"),
        ("قتل جنديان تركيان في هجوم على القاعدة.", "TURKEY"),
        ("أصيب عنصران من الشرطة العسكرية الروسية.", "RUSSIA"),
        ("استهدفت مسيرة تركية سيارة ما أدى لمقتل 3 عناصر من قسد.", "SDF"),
    ],
)
def test_side_named_with_the_people(text, victim):
    assert one(text)["victim"] == victim


@pytest.mark.parametrize(
    "text,best,parts",
    [
        ("قتل رجل وزوجته وطفلاهما بقصف على منزلهم.", 4, [1, 1, 2]),
        ("استشهد شاب وثلاثة من أشقائه بغارة جوية.", 4, [1, 3]),
        ("أصيبت امرأة وأبناؤها الخمسة بانهيار المبنى.", 6, [1, 5]),
        ("قتل مسن و 2 من أحفاده بقذيفة.", 3, [1, 2]),
    ],
)
def test_people_joined_by_and_are_summed(text, best, parts):
    rows = mentions(text)
    total = [r for r in rows if not r["relation"]]
    assert len(total) == 1 and total[0]["best"] == best, rows
    subsets = [r["best"] for r in rows if r["relation"].startswith("subset_of:")]
    assert subsets == parts


def test_joined_people_of_two_sides_are_counted_apart():
    rows = mentions("قتل 4 مدنيين و3 من عناصر قوات النظام بالاشتباكات.")
    counted = sorted((r["victim"], r["best"]) for r in rows if not r["relation"])
    assert ("CIVILIANS", 4) in counted and ("SYR_GOV", 3) in counted


def test_new_trigger_after_and_is_not_a_part():
    rows = [r for r in mentions("مقتل طفل وإصابة والدته بجروح.") if not r["relation"]]
    assert [(r["category"], r["best"]) for r in rows] == [("killed", 1), ("injured", 1)]


def test_breakdown_in_brackets_is_not_a_new_total():
    rows = mentions("قتل أربعة أشخاص (ثلاثة أطفال ورجل) بالقصف.")
    assert sum(r["best"] for r in rows if not r["relation"] and r["category"] == "killed") == 4


@pytest.mark.parametrize(
    "text,category,best",
    [
        ("سجلت الفرق الطبية 250 إصابة خلال الأسبوع.", "injured", 250),
        ("وثقت الفرق 12 حالة وفاة بين المدنيين.", "killed", 12),
        ("سقط 9 قتلى ونحو 40 إصابة في الهجوم.", "injured", 40),
        ("استقبلت المشافي 30 جريحاً بعد القصف.", "injured", 30),  # no label before a casualty
        ("سجلت المستشفيات 2000 إصابة منذ الصباح.", "injured", 2000),  # round: a count
    ],
)
def test_casualty_noun_after_the_number_says_what_it_counts(text, category, best):
    rows = [r for r in mentions(text) if r["best"] == best]
    assert len(rows) == 1 and rows[0]["category"] == category, rows


@pytest.mark.parametrize(
    "text",
    [
        "وثقت الشبكة بتاريخ ١-٩-٢٠٢٣ مقتل خمسة أطفال من عائلة واحدة.",  # a numeric date
        "وثقت الشبكة في 2023 مقتل خمسة أطفال من عائلة واحدة.",  # a year before the event
        "وثقت الشبكة في 22 من آب مقتل خمسة أطفال من عائلة واحدة.",  # a day of the month
    ],
)
def test_dates_before_the_event_are_not_counts(text):
    assert [(r["category"], r["best"]) for r in mentions(text)] == [("killed", 5)]


def test_day_and_month_between_the_verb_and_the_people():
    """'آب' after a day number is August, not 'father', so it does not stop the search for
    the verb that governs the people after it."""
    rows = mentions("وقتل يوم الثلاثاء 22 آب، مدنيان اثنان، وأصيب 5 آخرون بجروح.")
    assert [(r["category"], r["best"]) for r in rows] == [("killed", 2), ("injured", 5)]


def test_one_number_for_killed_and_injured_nouns_is_combined():
    m = one("أسفر القصف عن سقوط 8 شهداء وجرحى من المدنيين.")
    assert (m["category"], m["best"], m["victim"]) == ("killed_or_injured", 8, "CIVILIANS")


def test_accidents_are_not_people():
    assert all(r["best"] != 300 for r in mentions("أصيب 20 شخصاً في أكثر من 300 حادث سير."))


def test_another_number_is_others_of_the_same_side():
    rows = mentions("استشهد ثلاثة مدنيين وأصيب عدد آخر بجروح بقصف مدفعي.")
    injured = [r for r in rows if r["category"] == "injured"]
    assert [(r["victim"], r["qualifier"]) for r in injured] == [("CIVILIANS", "vague")]


@pytest.mark.parametrize(
    "text,victim",
    [
        ("أسفر القصف عن سقوط قتلى وجرحى بينهم طفلان.", "CIVILIANS"),
        ("سقط قتلى بينهم نساء بغارة للطيران الحربي.", "CIVILIANS"),
        ("ارتقاء 4 شهداء بقصف صاروخي طال سوقاً شعبياً.", "CIVILIANS"),
        ("سقط قتلى في الاشتباكات على أطراف البلدة.", "UNKNOWN"),
    ],
)
def test_civilians_named_among_or_around_the_casualties(text, victim):
    killed = [r for r in mentions(text) if r["category"] == "killed"]
    assert killed and killed[0]["victim"] == victim


@pytest.mark.parametrize(
    "text", ["سقط 9 مدنيين بين قتيل وجريح بالقصف.", "سقط 9 مدنيين بين قتل وجرح بالقصف."]
)
def test_between_killed_and_injured_is_one_combined_figure(text):
    rows = mentions(text)
    assert [(r["category"], r["best"]) for r in rows] == [("killed_or_injured", 9)]


def test_comments_under_a_social_media_post_are_not_reporting():
    text = (
        "استشهد مدنيان بقصف مدفعي على البلدة.All reactions:1.2K40 commentsLikeComment"
        "Most relevantأبو محمدالله يرحم الشهداء الخمسة1y"
    )
    rows = mentions(text)
    assert [(r["category"], r["best"]) for r in rows] == [("killed", 2)]


@pytest.mark.parametrize(
    "text,victim",
    [
        ("قتلته قوات النظام أثناء عودته إلى منزله.", "UNKNOWN"),
        ("قتلها قناص أثناء جمعها الحطب.", "UNKNOWN"),
    ],
)
def test_verb_with_object_pronoun_is_one_and_the_side_after_it_is_the_killer(text, victim):
    m = one(text)
    assert (m["category"], m["best"], m["victim"]) == ("killed", 1, victim)
    assert len(m["text"].split()) == 1  # the killer named after the verb is not the victim


def test_person_then_relative_clause_verb_is_one():
    m = one("كشفت المصادر هوية المدني الذي قتل في القصف أمس.")
    assert (m["category"], m["best"], m["victim"]) == ("killed", 1, "CIVILIANS")


def test_person_at_least_then_verb_is_one_and_owns_the_verb():
    """'شخصاً على الأقل قتل وأصيب ثلاثة آخرون': the person is the subject of قتل, so the
    injured verb after it starts a figure of its own, not 'killed or injured'."""
    rows = mentions("وذكرت مصادر أن شخصاً على الأقل قتل وأصيب ثلاثة آخرون جراء الغارة.")
    got = [(r["category"], r["best"], r["qualifier"], r["victim"]) for r in rows]
    assert got == [
        ("killed", 1, "at_least", "CIVILIANS"),
        ("injured", 3, "exact", "CIVILIANS"),
    ]
    assert rows[0]["high"] is None  # open-ended


def test_singular_casualty_noun_then_number_with_its_own_noun():
    rows = mentions("شهيدة وعدد من الجرحى المدنيين بقصف مدفعي على البلدة.")
    assert [(r["category"], r["best"]) for r in rows] == [("killed", 1), ("injured", 3)]


def test_hashtag_name_after_trigger_is_one_person():
    m = one("الأنباء تتحدث عن مقتل #سامر بقصف على القرية.")
    assert (m["category"], m["best"]) == ("killed", 1)


@pytest.mark.parametrize(
    "text,killed,injured",
    [
        ("قال المراسل إن طفلتين قتلتا وأصيب 4 أطفال آخرون بالانفجار.", 2, 4),
        ("قال المراسل إن شخصين قتلا وأصيب 3 بجروح جراء القصف.", 2, 3),
    ],
)
def test_dual_then_verb_then_injured_verb_are_two_figures(text, killed, injured):
    rows = [r for r in mentions(text) if not r["relation"]]
    got = {(r["category"], r["best"], r["victim"]) for r in rows}
    assert got == {("killed", killed, "CIVILIANS"), ("injured", injured, "CIVILIANS")}


def test_bracketed_breakdown_a_few_words_after_the_figure_is_a_subset():
    rows = mentions("قتل 6 مدنيين من أسرة واحدة (امرأة وزوجها و4 من أولادهما)، وجرح طفل آخر.")
    counted = [(r["category"], r["best"]) for r in rows if not r["relation"]]
    assert counted == [("killed", 6), ("injured", 1)]
    part = [r for r in rows if r["relation"].startswith("subset_of:")]
    assert [(p["category"], p["best"]) for p in part] == [("killed", 4)]


def test_others_adjective_does_not_break_the_conjoined_people():
    rows = mentions("وأدى القصف إلى جرح 4 أطفال آخرين ووالدهم.")
    total = [r for r in rows if not r["relation"]]
    assert [(r["category"], r["best"]) for r in total] == [("injured", 5)]
    assert not any(r["qualifier"] == "vague" for r in rows)


def test_count_of_casualty_noun_rising_to_a_number():
    rows = mentions("وقال الطبيب إن عدد القتلى ارتفع إلى 7 والمصابين إلى 20.")
    assert {(r["category"], r["best"]) for r in rows} == {("killed", 7), ("injured", 20)}


def test_number_alone_in_brackets_is_not_a_breakdown():
    rows = mentions("ارتقاء (3) مدنيين وإصابة (7) أخرين نتيجة قصف على المدينة.")
    assert [(r["category"], r["best"], r["relation"]) for r in rows] == [
        ("killed", 3, ""),
        ("injured", 7, ""),
    ]


def test_breakdown_into_sides_after_colon_counts_the_parts():
    rows = mentions("وبذلك يرتفع عدد ضحايا المعارك منذ بدايتها إلى 20، هم: 4 مدنيين و16 مسلحاً.")
    total, civ, armed = rows
    assert (total["best"], total["scope"]) == (20, "cumulative")
    assert total["relation"] == f"aggregate_of:{civ['mention']}+{armed['mention']}"
    assert (civ["best"], civ["victim"], civ["relation"], civ["text"]) == (
        4,
        "CIVILIANS",
        "",
        "4 مدنيين",
    )
    assert (armed["best"], armed["victim"], armed["relation"]) == (16, "UNKNOWN", "")


def test_same_side_breakdown_after_hum_is_a_subset():
    rows = mentions("قتل 5 أشخاص هم 3 أطفال وامرأتان في القصف.")
    assert [(r["best"], r["relation"].split(":")[0]) for r in rows] == [
        (5, ""),
        (3, "subset_of"),
        (2, "subset_of"),
    ]


@pytest.mark.parametrize(
    "text,best",
    [
        ("نزح ألفي شخص من القرية خلال يومين.", 2000),
        ("وقدرت الأمم المتحدة نزوح مليوني مدني من المنطقة.", 2_000_000),
        ("أجبر القصف مئتي عائلة على النزوح.", 200),
    ],
)
def test_construct_duals_of_hundreds_thousands_millions(text, best):
    assert one(text)["best"] == best


@pytest.mark.parametrize(
    "text,category,best",
    [
        ("قتلت غارة روسية طفلاً في ريف إدلب.", "killed", 1),
        ("قتل القصف المدفعي امرأة في البلدة.", "killed", 1),
        ("قتل رصاص قناص شاباً على الحاجز.", "killed", 1),
        ("أصاب القصف 3 مدنيين في السوق.", "injured", 3),
        ("أصابت شظايا القذيفة طفلين قرب المدرسة.", "injured", 2),
    ],
)
def test_verb_subject_object_the_weapon_stands_before_the_victim(text, category, best):
    m = one(text)
    assert (m["category"], m["best"], m["victim"]) == (category, best, "CIVILIANS")


@pytest.mark.parametrize("text", ["أصاب الصاروخ الهدف بدقة.", "أصابت قذيفة منزلاً في الحي."])
def test_hitting_a_thing_is_no_casualty(text):
    assert mentions(text) == []


def test_dual_joined_to_a_person_takes_the_first_trigger_not_the_next():
    rows = [
        r for r in mentions("قتل قصف جوي أباً وابنتين له وأصيب 4 أطفال آخرون.") if not r["relation"]
    ]
    assert [(r["category"], r["best"]) for r in rows] == [("killed", 3), ("injured", 4)]


@pytest.mark.parametrize(
    "text", ["توفي شاب متأثراً بإصابته بقصف سابق.", "توفي رجل على إثر إصابته في المداهمة."]
)
def test_the_wound_a_person_died_of_is_not_a_second_figure(text):
    assert [(r["category"], r["best"]) for r in mentions(text)] == [("killed", 1)]


def test_fell_victim_construct_counts_the_number_after_the_attack():
    rows = mentions("راح ضحية هذه الهجمات 40 شخصاً بينهم 7 أطفال.")
    assert [(r["category"], r["best"], r["relation"][:9]) for r in rows] == [
        ("killed", 40, ""),
        ("killed", 7, "subset_of"),
    ]


def test_number_of_them_after_a_figure_is_its_subset_and_others_adjective_is_no_figure():
    rows = mentions(
        "أسفر القصف عن مقتل خمسة مدنيين، اثنان منهم من عائلة واحدة، وإصابة مدنيين آخرين."
    )
    assert [(r["category"], r["best"], r["relation"][:9]) for r in rows] == [
        ("killed", 5, ""),
        ("killed", 2, "subset_of"),
        ("injured", 2, ""),
    ]


def test_number_of_them_with_another_category_is_not_a_subset():
    rows = mentions("قتل 3 عناصر من قسد وأصيب 2 منهم بجروح.")
    assert [(r["category"], r["best"], r["victim"], r["relation"]) for r in rows] == [
        ("killed", 3, "SDF", ""),
        ("injured", 2, "SDF", ""),
    ]


def test_national_army_factions_are_opposition():
    assert one("قتل عنصر من فرقة السلطان مراد بانفجار لغم.")["victim"] == "OPPOSITION"


@pytest.mark.parametrize(
    "text,cause",
    [
        ("لقي 12 شخصاً حتفهم وأصيب 30 آخرون جراء انقلاب حافلة على طريق سريع.", "accident"),
        ("توفي طفلان غرقاً في قناة ري قرب المدينة.", "accident"),
        ("وارتفع عدد ضحايا الزلزال في المنطقة إلى 40 قتيلاً.", "disaster"),
        ("توفي 3 مرضى بفيروس كورونا في مشفى المدينة.", "illness"),
        ("وسجلت 600 إصابة بمرض التهاب الكبد الوبائي في درعا.", "illness"),
        ("وأصيب 5 أطفال بمرض الحصبة في المخيم.", "illness"),
        ("وقتل مدني بصاعقة كهربائية.", "accident"),
        ("وتوفي طفل بسبب البرد في مخيمات الشمال.", "disaster"),
        ("وقتل شاب في شجار عائلي.", "crime"),
    ],
)
def test_deaths_from_accidents_disasters_and_disease_keep_their_row_with_a_cause(text, cause):
    rows = mentions(text)
    assert rows and {r["cause"] for r in rows} == {cause}


@pytest.mark.parametrize(
    "text",
    [
        "قتل 4 مدنيين بقصف مدفعي استهدف مخيماً للمتضررين من الزلزال.",  # an event word
        "قتل مدنيان برصاص قوات النظام قرب سيارة غرقت في السيول.",  # a perpetrator
        "قتل 5 مدنيين في غارة جوية على البلدة.",
    ],
)
def test_violence_in_the_sentence_keeps_the_figure_a_conflict_casualty(text):
    assert {r["cause"] for r in mentions(text)} == {""}


@pytest.mark.parametrize(
    "text,scope",
    [
        ("ضمن حملة التصعيد المستمرة منذ نحو شهر والتي أسفرت عن مقتل 60 مدنياً.", "cumulative"),
        ("وثقت الشبكة مقتل 40 مدنياً على مدى شهرين في المنطقة.", "cumulative"),
        ("قتل 3 مدنيين خلال الأيام الماضية بقصف على القرية.", "cumulative"),
        ("قتلت امرأة في قصف مستمر منذ منتصف الليل على البلدة.", "incident"),  # one night
        ("قتل طفل بقصف على القرية منذ ساعات.", "incident"),
    ],
)
def test_spans_of_days_or_more_make_a_running_total(text, scope):
    assert one(text)["scope"] == scope


@pytest.mark.parametrize(
    "text,category,best",
    [
        ("اختطف مسلحون مجهولون 3 مدنيين على طريق المدينة.", "detained", 3),
        ("قتل مسلحون 4 أشخاص في القرية.", "killed", 4),
    ],
)
def test_nominative_attackers_between_verb_and_number_are_its_subject(text, category, best):
    m = one(text)
    assert (m["category"], m["best"], m["victim"]) == (category, best, "CIVILIANS")


@pytest.mark.parametrize(
    "text,victim",
    [
        ("أعدم التنظيم 5 أشخاص بتهمة التعامل مع التحالف.", "CIVILIANS"),
        ("استسلم 20 عنصراً من داعش لقوات سوريا الديمقراطية.", "ISIS"),
        ("قتل 3 عناصر تابعين لقوات النظام في الكمين.", "SYR_GOV"),
        ("قتل 4 عناصر للنظام في الكمين.", "SYR_GOV"),
    ],
)
def test_sides_named_after_a_charge_or_as_recipient_are_not_the_victims(text, victim):
    assert one(text)["victim"] == victim


@pytest.mark.parametrize(
    "text",
    ["مقتل عنصرين من قسد وإصابة ثالث بجروح.", "قتل عنصران من قسد وجرح رابع في الهجوم."],
)
def test_an_indefinite_ordinal_after_a_verb_is_one_more_of_the_same_side(text):
    rows = [r for r in mentions(text) if r["category"] == "injured"]
    assert [(r["best"], r["victim"]) for r in rows] == [(1, "SDF")]


@pytest.mark.parametrize(
    "text,best",
    [
        ("حصدت الغارات أرواح 12 مدنياً.", 12),
        ("أودى القصف بأرواح 5 مدنيين.", 5),
        ("وتزهق الألغام أرواح 3 رعاة كل شهر.", 3),
        ("أسفر الانفجار عن فقدان طفلين لحياتهما.", 2),
        ("ففقد ثلاثة شبان حياتهم بانفجار لغم.", 3),
    ],
)
def test_reaping_or_losing_lives_is_killing(text, best):
    """Gap triggers (casualties.yaml): the verb and its partner word stand apart."""
    m = one(text)
    assert (m["category"], m["best"], m["victim"]) == ("killed", best, "CIVILIANS")


def test_saving_lives_or_losing_hope_is_no_casualty():
    assert mentions("أنقذت فرق الإنقاذ أرواح 12 مدنياً.") == []
    assert mentions("فقد الأهالي الأمل في العثور على 3 مفقودين.") == []


@pytest.mark.parametrize(
    "text",
    ["ارتفعت حصيلة ضحايا الغارة إلى 15 قتيلاً.", "ارتفع عدد شهداء وجرحى القصف إلى 15 قتيلاً."],
)
def test_the_noun_a_toll_counts_is_not_a_figure_of_its_own(text):
    assert [r["best"] for r in mentions(text)] == [15]


@pytest.mark.parametrize(
    "text,category,victim,best",
    [
        (
            "ارتفاع حصيلة شهداء القصف الصاروخي على محيط البلدة شمالي إدلب، إلى أربعة مدنيين.",
            "killed",
            "CIVILIANS",
            4,
        ),
        ("ارتفع عدد قتلى عناصر الدفاع الوطني في الهجوم على الحاجز إلى 5.", "killed", "SYR_GOV", 5),
        ("ارتفعت حصيلة قتلى قوات النظام في الهجوم إلى 12.", "killed", "SYR_GOV", 12),
        ("بلغ عدد قتلى المدنيين 9.", "killed", "CIVILIANS", 9),
        ("وبلغ عدد جرحى عناصر قسد 4 في الهجوم.", "injured", "SDF", 4),
    ],
)
def test_a_toll_names_what_it_counts_before_its_number(text, category, victim, best):
    m = one(text)
    assert (m["category"], m["victim"], m["best"]) == (category, victim, best)


def test_a_count_of_people_named_earlier_takes_their_category_however_far():
    m = one("دعم الأسر النازحة من الأحياء الجنوبية مشيراً إلى أن عددها تجاوز الـ 4000 أسرة.")
    assert (m["category"], m["victim"], m["best"], m["qualifier"]) == (
        "displaced",
        "CIVILIANS",
        4000,
        "more_than",
    )


@pytest.mark.parametrize(
    "text,best",
    [
        ("أسفر الانفجار عن مقتل شخص واحد.", 1),
        ("أصيب 6 أشخاص من عائلة واحدة.", 6),
        ("قتل جندي واحد في الهجوم.", 1),
    ],
)
def test_one_after_a_noun_is_that_noun_not_another_person(text, best):
    assert [r["best"] for r in mentions(text) if not r["relation"]] == [best]


@pytest.mark.parametrize(
    "text", ["قتل 4 مدنيين بينهم امرأة وثلاثة أطفال.", "قتل أربعة مدنيين، هم امرأة وثلاثة أطفال."]
)
def test_people_listed_after_among_are_parts_not_a_second_total(text):
    counted = [r for r in mentions(text) if not r["relation"]]
    assert [(r["best"], r["victim"]) for r in counted] == [(4, "CIVILIANS")]


def test_a_plural_after_among_does_not_make_the_next_figure_a_part():
    rows = mentions("سقوط 7 ضحايا مدنيين بينهم أطفال وأكثر من 20 إصابة.")
    assert [(r["category"], r["best"], r["relation"]) for r in rows] == [
        ("killed", 7, ""),
        ("injured", 20, ""),
    ]


@pytest.mark.parametrize(
    "text", ["لم يسفر القصف عن وقوع إصابات بشرية.", "ولم تسفر الغارات على البلدة عن سقوط ضحايا."]
)
def test_a_negated_result_verb_further_back_says_there_were_no_casualties(text):
    assert mentions(text) == []


def test_a_negated_result_verb_does_not_reach_past_another_casualty_word():
    rows = mentions("لم يسفر القصف عن إصابات وقتل 3 عناصر في هجوم آخر.")
    assert [r["best"] for r in rows] == [3]


@pytest.mark.parametrize("text", ["قتل عنصر من قسد وأصيب آخران.", "قتلت امرأة وأصيبت أخريان."])
def test_two_others_in_the_dual(text):
    rows = mentions(text)
    assert [(r["category"], r["best"]) for r in rows] == [("killed", 1), ("injured", 2)]


def test_a_definite_vague_count_is_still_a_count():
    m = one("وقتل العشرات من عناصر التنظيم في المعارك.")
    assert (m["category"], m["qualifier"], m["best"]) == ("killed", "vague", 10)


@pytest.mark.parametrize(
    "text", ["أطلق سراح 25 معتقلاً من سجون النظام.", "أفرجت قسد عن 40 موقوفاً من أبناء العشائر."]
)
def test_detainees_set_free_are_no_detention(text):
    assert mentions(text) == []


def test_neutralised_is_killed():
    m = one("قالت وزارة الدفاع إنها حيدت 12 مسلحاً في المنطقة.")
    assert (m["category"], m["best"]) == ("killed", 12)


def test_his_soldiers_belong_to_the_side_that_announced_them():
    assert one("أعلن الجيش الإسرائيلي مقتل اثنين من جنوده.")["victim"] == "ISRAEL"


def test_casualty_nouns_joined_by_and_share_the_side_named_after_them():
    rows = mentions("سقط 3 قتلى و7 جرحى في صفوف قسد.")
    assert [(r["category"], r["victim"]) for r in rows] == [("killed", "SDF"), ("injured", "SDF")]


@pytest.mark.parametrize(
    "text,category,victim,best",
    [
        ("مقتل 5 نازحين في قصف على المخيم.", "killed", "CIVILIANS", 5),
        ("توفي 5 معتقلين تحت التعذيب في السجن.", "killed", "UNKNOWN", 5),
        ("توفي معتقل تحت التعذيب.", "killed", "UNKNOWN", 1),
        ("اعتقال 5 نازحين على الحاجز.", "detained", "CIVILIANS", 5),
        ("نزوح 500 نازح من القرية.", "displaced", "CIVILIANS", 500),
    ],
)
def test_detainees_and_displaced_people_are_counted_by_what_the_verb_says(
    text, category, victim, best
):
    m = one(text)
    assert (m["category"], m["victim"], m["best"]) == (category, victim, best)


def test_a_side_named_with_lam_before_the_verb_is_not_its_subject():
    m = one("هاجم مسلحون حاجزاً لقوات النظام وقتلوا 3 عناصر.")
    assert (m["victim"], m["perpetrator"]) == ("SYR_GOV", "")


@pytest.mark.parametrize(
    "text,claimant",
    [
        ("أدى قصف صاروخي مصدره مناطق سيطرة قسد إلى مقتل 3 مدنيين.", "outlet"),
        ("قتل 3 عناصر من قوات سوريا الديمقراطية في الهجوم.", "outlet"),
        ("أعلنت قسد مقتل 3 من مقاتليها في الهجوم.", "SDF"),
        ("قالت قسد في بيان إن 4 من مقاتليها قتلوا.", "SDF"),
        ("قتل 3 عناصر من قسد، بحسب المرصد السوري.", "SOHR"),
        ("وقال الجيش الإسرائيلي إن 2 من جنوده أصيبا بجروح.", "Israeli army"),
    ],
)
def test_a_side_gives_a_figure_only_with_a_word_of_saying(text, claimant):
    """A source that is also a side (قسد) is mostly named as attacker or target."""
    assert one(text)["claimed_by"] == claimant


def test_a_word_pointing_back_takes_the_source_named_with_the_same_noun():
    text = (
        "وذكرت وكالة الأناضول أن القصف استهدف السوق. وقالت مصادر محلية إن الدخان غطى المكان. "
        "وأضافت الوكالة أن 3 مدنيين قتلوا في القصف."
    )
    assert one(text)["claimed_by"] == "Anadolu"


def test_a_place_called_the_site_is_no_source():
    assert one("واستهدفت المسيرة الموقع العسكري ما أدى لمقتل 3 جنود.")["claimed_by"] == "outlet"


@pytest.mark.parametrize(
    "text,expected",
    [
        ("سقوط 7 قتلى من عناصر الفصائل و4 من قسد.", [(7, "OPPOSITION"), (4, "SDF")]),
        ("سقوط 7 قتلى في صفوف الفصائل و4 من قسد.", [(7, "OPPOSITION"), (4, "SDF")]),
        ("قتل 5 من مسلحي داعش و3 من عناصر قسد في الاشتباكات.", [(5, "ISIS"), (3, "SDF")]),
    ],
)
def test_a_second_side_after_the_first_sides_people_is_a_figure_of_its_own(text, expected):
    rows = [r for r in mentions(text) if not r["relation"]]
    assert [(r["best"], r["victim"]) for r in rows] == expected
    assert rows[1]["text"].startswith("و")  # its span starts at its own number


@pytest.mark.parametrize(
    "text,best",
    [
        ("ما أدى لمقتل السائق وإصابة راكبين.", 2),
        ("مقتل راعيين بانفجار لغم.", 2),
        ("مقتل 3 سائقين بغارة على الطريق.", 3),
    ],
)
def test_passengers_shepherds_and_drivers_are_civilians(text, best):
    m = [r for r in mentions(text) if r["best"] != 1][0]
    assert (m["best"], m["victim"]) == (best, "CIVILIANS")


def test_meeting_death_with_the_victims_between_is_killing():
    rows = mentions("لقي ثلاث نساء حتفهن وأصيبت طفلة بجروح خطيرة بانفجار عبوة ناسفة.")
    assert [(r["category"], r["best"]) for r in rows] == [("killed", 3), ("injured", 1)]


def test_a_person_word_inside_a_sides_name_does_not_stop_the_trigger():
    m = one("اعتقلت دورية من الأمن العسكري ما يزيد على 30 شاباً من البلدة.")
    assert (m["category"], m["best"], m["qualifier"]) == ("detained", 30, "more_than")


@pytest.mark.parametrize(
    "text", ["وقتل طفلان شقيقان في القصف.", "أدى القصف إلى مقتل طفلين شقيقين في البلدة."]
)
def test_a_dual_noun_describing_a_dual_is_not_two_more(text):
    assert [r["best"] for r in mentions(text)] == [2]


def test_duals_joined_by_and_in_a_breakdown_are_parts():
    rows = mentions("ما أدى لمقتل 6 من أفراد العائلة (طفلان وامرأتان ورجلان) في القصف.")
    assert [r["best"] for r in rows if r["relation"].startswith("subset_of")] == [2, 2, 2]


def test_a_force_size_is_not_the_figure_of_a_trigger_that_governs_another_number():
    rows = mentions("وشارك في الهجوم نحو 200 مقاتل مدعومين بـ 15 دبابة، وأسفر عن مقتل 8 منهم.")
    assert [r["best"] for r in rows] == [8]


def test_people_from_one_family_then_their_verb_is_still_a_figure():
    m = one("قال المراسل إن 4 أطفال من عائلة واحدة قتلوا في القصف.")
    assert (m["category"], m["best"]) == ("killed", 4)


@pytest.mark.parametrize(
    "text",
    [
        "أصدرت المحكمة حكماً بإعدام 7 أشخاص بتهمة الانتماء لتنظيمات إرهابية.",
        "هدد التنظيم بقتل 5 رهائن إن لم تدفع الفدية.",
        "فشلت محاولة لاغتيال قائد الشرطة في المدينة.",
    ],
)
def test_a_sentence_threat_or_attempt_is_no_casualty(text):
    assert mentions(text) == []


def test_a_sentence_carried_out_is_killing():
    m = one("نفذ التنظيم حكم الإعدام بحق 3 أشخاص في الساحة العامة.")
    assert (m["category"], m["best"]) == ("killed", 3)


def test_the_missing_are_not_counted_with_the_killed():
    rows = mentions("قتل 4 أشخاص على الأقل، وفقد 3 آخرون، جراء غارة استهدفت منزلاً.")
    assert [(r["category"], r["best"]) for r in rows] == [("killed", 4)]


def test_a_part_called_civilians_says_the_rest_are_not():
    rows = mentions("ارتفع عدد قتلى الاشتباكات إلى 30 بينهم 6 مدنيين.")
    assert [(r["best"], r["victim"]) for r in rows] == [(30, "MIXED"), (6, "CIVILIANS")]
    rows = mentions("سقط 10 قتلى بينهم 3 أطفال في القصف.")
    assert [(r["best"], r["victim"]) for r in rows] == [(10, "CIVILIANS"), (3, "CIVILIANS")]


def test_people_with_a_part_from_a_side_are_mixed():
    rows = mentions("قتل 30 شخصاً بينهم 6 من عناصر الأمن العام.")
    assert [(r["best"], r["victim"]) for r in rows] == [(30, "MIXED"), (6, "SYR_GOV")]
    m = mentions("مقتل 3 عناصر بينهم قيادي من قوات النظام.")[0]
    assert (m["best"], m["victim"]) == (3, "SYR_GOV")


def test_a_country_after_to_is_where_the_wounded_went_not_their_side():
    rows = mentions("وأصيب في الانفجار 15 شخصاً، نقل 7 منهم إلى مشافي تركيا لتلقي العلاج.")
    assert [(r["best"], r["victim"]) for r in rows] == [(15, "CIVILIANS"), (7, "CIVILIANS")]


def test_wounded_who_die_are_killed_and_inside_the_new_total():
    rows = mentions(
        "وارتفعت حصيلة ضحايا المجزرة إلى 11 قتيلاً بعد وفاة 2 من الجرحى متأثرين بجراحهم."
    )
    assert [(r["category"], r["best"], r["relation"]) for r in rows] == [
        ("killed", 11, ""),
        ("killed", 2, "subset_of:m1"),
    ]
    assert one("وتوفي جريح متأثراً بجراحه في المشفى.")["category"] == "killed"


@pytest.mark.parametrize("text", ["شهيدة وجرحى بقصف مدفعي على المدينة.", "مقتل وجرحى بقصف مدفعي."])
def test_wounded_joined_to_a_death_word_are_still_wounded(text):
    assert "injured" in [r["category"] for r in mentions(text)]


def test_casualty_nouns_joined_by_and_share_the_side_named_after_the_first():
    rows = mentions("بلغت حصيلة العملية الأمنية 23 قتيلاً من عناصر داعش و40 معتقلاً.")
    assert [(r["category"], r["victim"]) for r in rows] == [
        ("killed", "ISIS"),
        ("detained", "ISIS"),
    ]


@pytest.mark.parametrize(
    ("text", "perpetrator"),
    [
        ("قتلت قوات النظام ثلاثة مدنيين في درعا.", "SYR_GOV"),
        ("أعدم تنظيم داعش رجلين بتهمة التعامل مع التحالف.", "ISIS"),
        ("اعتقلت قوات سوريا الديمقراطية خمسة شبان في الرقة.", "SDF"),
    ],
)
def test_the_side_between_the_verb_and_the_number_is_the_perpetrator(text, perpetrator):
    m = one(text)
    assert (m["victim"], m["perpetrator"]) == ("CIVILIANS", perpetrator)


def test_a_side_that_loses_fighters_is_the_victim():
    m = one("وخسرت قوات النظام 16 عنصراً في المعارك.")
    assert (m["category"], m["best"], m["victim"], m["perpetrator"]) == (
        "killed",
        16,
        "SYR_GOV",
        "",
    )
    assert one("خسر شاب حياته بانفجار لغم.")["category"] == "killed"


@pytest.mark.parametrize("text", ["خسرت الفصائل 3 دبابات.", "وخسر المزارعون 40 دونماً من القمح."])
def test_losing_things_is_no_casualty(text):
    assert mentions(text) == []


def test_an_injury_counted_after_a_death_count_is_an_injury():
    rows = mentions("سجلت وزارة الصحة 20 وفاة و35 إصابة جراء القصف.")
    assert [(r["category"], r["best"]) for r in rows] == [("killed", 20), ("injured", 35)]


def test_one_death_that_raised_a_total_is_inside_it():
    rows = mentions("وارتفع عدد قتلى قوات النظام إلى 11 بعد وفاة جندي متأثراً بجراحه.")
    assert [(r["best"], r["relation"]) for r in rows] == [(11, ""), (1, "subset_of:m1")]


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        (
            "قتل قائد الفصيل و2 من مرافقيه بانفجار عبوة.",
            [("killed", 3), ("killed", 1), ("killed", 2)],  # the total, then its two parts
        ),
        ("اعتقلت قسد شاباً من أبناء البلدة و3 نساء.", [("detained", 1), ("detained", 3)]),
        ("أدى الانفجار لإصابته ومقتل اثنين من مرافقيه.", [("injured", 1), ("killed", 2)]),
    ],
)
def test_a_number_joined_to_the_first_object_shares_its_verb(text, figures):
    assert [(r["category"], r["best"]) for r in mentions(text)] == figures


def test_two_parties_joined_by_and_are_not_a_second_object():
    rows = mentions("مقتل امرأة في اشتباكات بين قسد ومجموعة من الأهالي.")
    assert [(r["category"], r["best"]) for r in rows] == [("killed", 1)]


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        ("قضى شاب برصاص قناص، وفق ما نقل تجمع ناشطي القلمون.", "تجمع ناشطي القلمون"),
        ("قتل 3 مدنيين، بحسب ما أفاد به فريق الرصد في المدينة.", "فريق الرصد"),
        ("قتل 3 مدنيين وفقاً لرابطة عائلات قيصر.", "رابطة عائلات قيصر"),
        ("قتل 3 مدنيين وفقاً لمنظمة العفو الدولية.", "Amnesty International"),
        ("بحسب لجنة الإنقاذ في البلدة، قتل 3 مدنيين.", "لجنة الإنقاذ"),
        ("قتل 3 مدنيين وفقاً لمصادر طبية.", "unnamed sources"),
        ("قتل 3 مدنيين بحسب المعلومات الأولية.", "outlet"),
    ],
)
def test_a_source_the_list_does_not_know_is_kept_as_written(text, claimant):
    assert one(text)["claimed_by"] == claimant


def test_a_region_named_like_a_channel_is_no_source():
    assert one("قال مراسل الجزيرة إن 4 أطفال قتلوا في القصف.")["claimed_by"] == "Al Jazeera"
    assert one("وارتفع عدد المصابين في مقاطعة الجزيرة إلى 11 مواطناً.")["claimed_by"] == "outlet"


@pytest.mark.parametrize(
    ("text", "victim"),
    [
        ("استشهد 15 فلسطينياً في غارات على القطاع.", "CIVILIANS"),
        ("قتل 4 عراقيين بقصف على القرية.", "CIVILIANS"),
        ("قتل 3 جنود أتراك بهجوم في إدلب.", "TURKEY"),
    ],
)
def test_people_named_by_nationality_are_people_and_soldiers_keep_their_side(text, victim):
    assert one(text)["victim"] == victim


def test_a_plural_before_the_number_that_counts_it_is_not_a_second_figure():
    rows = mentions("وانتشلت طواقم الإنقاذ جثامين 6 شهداء من تحت الأنقاض.")
    assert [(r["category"], r["best"]) for r in rows] == [("killed", 6)]


def test_a_toll_since_a_date_written_as_an_ordinal_is_cumulative():
    m = one("ارتفعت حصيلة الشهداء إلى 43 ألفاً و922 شهيداً منذ السابع من أكتوبر.")
    assert (m["best"], m["scope"]) == (43922, "cumulative")


def test_a_feminine_people_word_after_a_noun_is_an_adjective():
    m = one("وأعدمت مجموعة مسلحة ميدانياً 4 أشخاص من عائلة واحدة.")
    assert (m["category"], m["best"]) == ("killed", 4)
    assert one("قتلت مدنية بقصف مدفعي على الحي.")["victim"] == "CIVILIANS"


def test_a_singular_person_with_a_possessive_is_one():
    rows = mentions("استهدف القناص سيارة ما أدى لمقتل سائقها وإصابة راكبين.")
    assert [(r["category"], r["best"], r["qualifier"]) for r in rows] == [
        ("killed", 1, "exact"),
        ("injured", 2, "exact"),
    ]


def test_a_toll_rising_from_x_to_y_replaces_the_old_count():
    rows = mentions("وارتفعت حصيلة الضحايا من 3 إلى 7 مدنيين.")
    assert [(r["best"], r["relation"]) for r in rows] == [(3, "alternative_to:m2"), (7, "")]


def test_a_trigger_with_the_dual_pronoun_is_two_people_not_counted_twice():
    m = one("استهدفت مسيرة سيارة تقل قياديين في فصيل محلي، ما أدى لمقتلهما.")
    assert (m["category"], m["best"]) == ("killed", 2)
    assert [r["best"] for r in mentions("اعتقلت الشرطة شابين واقتادتهما إلى جهة مجهولة.")] == [2]


def test_civilians_describing_the_dead_do_not_cut_the_toll_from_its_number():
    m = one("وبلغ عدد الضحايا المدنيين منذ بداية الشهر الجاري 48 شخصاً.")
    assert (m["category"], m["best"], m["scope"]) == ("killed", 48, "cumulative")


def test_a_family_made_of_a_number_of_members_is_that_number():
    m = one("وقتلت عائلة كاملة مؤلفة من 6 أفراد بغارة جوية.")
    assert (m["category"], m["best"]) == ("killed", 6)


def test_a_pronoun_of_one_already_counted_is_not_counted_again():
    rows = mentions("فقدان امرأة لحياتها وإصابة آخرين بقصف على المدينة.")
    assert [(r["category"], r["best"]) for r in rows] == [("killed", 1), ("injured", 3)]


def test_a_nationality_adjective_on_the_attack_names_the_perpetrator():
    assert one("استشهد طفلان بغارة إسرائيلية على بلدة في الجنوب.")["perpetrator"] == "ISRAEL"
    assert one("قتل 3 مدنيين جراء الغارات الروسية على ريف إدلب.")["perpetrator"] == "RUSSIA"
    assert one("أصيب 4 مدنيين بقصف مدفعي تركي على القرية.")["perpetrator"] == "TURKEY"
    assert one("قتل 3 مدنيين بقصف من الطائرات الروسية.")["perpetrator"] == "RUSSIA"
    assert one("أصيب ثلاثة جنود أتراك في قصف على قاعدة تركية.")["perpetrator"] == ""


def test_a_nationality_adjective_after_an_attack_is_not_the_victims_side():
    rows = mentions("سقط شهداء وجرحى نتيجة الهجوم التركي على القافلة.")
    assert {r["victim"] for r in rows} == {"UNKNOWN"}
    assert one("قتل 3 جنود أتراك بهجوم على قاعدتهم.")["victim"] == "TURKEY"


def test_a_short_name_stands_for_the_full_name_told_before():
    text = "قصف جيش الاحتلال التركي القرية أمس. وقتل الاحتلال 3 مدنيين في القصف."
    assert one(text)["perpetrator"] == "TURKEY"
    assert one("قتلت قوات الاحتلال 3 فلسطينيين في جنين.")["perpetrator"] == "ISRAEL"


def test_armies_of_other_countries_are_not_the_syrian_army():
    rows = mentions("وقتل 9 من مقاتلي الحوثيين و4 من الجيش اليمني في مأرب.")
    assert [(r["best"], r["victim"]) for r in rows] == [(9, "OTHER"), (4, "OTHER")]


def test_a_definite_dual_right_after_its_trigger_counts_two():
    m = one("قتل الشقيقان بقصف على بلدة كفرنبل.")
    assert (m["category"], m["best"], m["victim"]) == ("killed", 2, "CIVILIANS")
    assert [r["best"] for r in mentions("قتل طفلان بقصف، وكان الطفلان يلعبان أمام المنزل.")] == [2]


def test_a_list_of_names_after_kull_min_counts_the_names():
    m = one("قتل كل من: أحمد الحسن ومحمد العلي وخالد السعيد جراء القصف.")
    assert (m["category"], m["best"], m["qualifier"]) == ("killed", 3, "exact")
    m = one("استشهد كل من الطفل محمد وليد الحسن ووالدته بقصف على المدينة.")
    assert (m["best"], m["victim"]) == (2, "CIVILIANS")
    m = one("ما أدى لمقتل كل من المدنيين (مالك علي زيد - ياسين فالوجي - أحمد فندي).")
    assert m["best"] == 3
    m = one("وأسفرت الغارة عن مقتل كل من أبو هشم، نائب والي التنظيم، ومسؤول آخر في داعش.")
    assert m["best"] == 2
    assert mentions("وتوزعت الغارات على كل من العزبة ومويلح.") == []


def test_a_toll_that_rises_later_in_the_sentence_replaces_the_first():
    rows = mentions("وكانت الحصيلة الأولية 5 قتلى، لترتفع لاحقاً إلى 11.")
    assert [(r["best"], r["relation"]) for r in rows] == [(5, "alternative_to:m2"), (11, "")]
    rows = mentions("قُتل 3 مدنيين، ثم ارتفع العدد إلى 7.")
    assert [(r["best"], r["victim"]) for r in rows] == [(3, "CIVILIANS"), (7, "CIVILIANS")]
    assert [r["best"] for r in mentions("قتل 3 مدنيين وارتفعت درجات الحرارة إلى 40.")] == [3]


def test_a_verbal_noun_with_the_plural_pronoun_is_a_trigger():
    m = one("ولا يزال مصير 7 مدنيين مجهولاً بعد اختطافهم.")
    assert (m["category"], m["best"]) == ("detained", 7)


def test_a_casualty_word_in_the_name_of_a_place_is_no_figure():
    rows = mentions("وصلت جثامين 5 شهداء بينهم طفلان إلى مستشفى شهداء الأقصى.")
    assert [(r["best"], r["relation"]) for r in rows] == [(5, ""), (2, "subset_of:m1")]
    assert mentions("ونقل المصابون إلى مشفى الشهيد في المدينة.") == []


def test_a_monitor_after_according_to_with_lam_gives_the_figure_but_not_when_told():
    assert one("قتل 3 مدنيين وفقاً للمرصد السوري.")["claimed_by"] == "SOHR"
    assert one("وبلغ عدد القتلى 312 قتيلاً، وفق حصيلة للمرصد.")["claimed_by"] == "SOHR"
    text = "وقالت مصادر في الدفاع المدني للأناضول إن 3 مدنيين قتلوا."
    assert one(text)["claimed_by"] == "Syria Civil Defence"


def test_committing_massacres_names_the_perpetrator():
    text = "وقالت الوزارة إن قوات الاحتلال ارتكبت 3 مجازر راح ضحيتها 29 شهيداً."
    assert one(text)["perpetrator"] == "ISRAEL"


def test_a_verb_agreeing_with_its_own_subject_is_not_joined_to_the_next():
    rows = mentions("وأفاد مراسل بأن 6 عناصر من قوات النظام قتلوا وجرح آخرون بكمين.")
    assert [(r["category"], r["best"]) for r in rows] == [("killed", 6), ("injured", 3)]


def test_a_combined_figure_spans_both_words():
    assert one("أسفر القصف عن مقتل وإصابة 8 مدنيين.")["text"] == "مقتل وإصابة 8 مدنيين"


def test_a_plural_subject_joined_by_waw_does_not_perpetrate():
    rows = mentions("قُتل 17 من عناصر ميليشيا حزب الله وجرح 30 آخرون.")
    assert [(r["victim"], r["perpetrator"]) for r in rows] == [("IRAN", ""), ("IRAN", "")]


def test_a_person_noun_inside_a_side_name_is_not_counted():
    m = one("اعتقلت دورية للأمن العسكري ثلاثة شبان من أبناء المدينة.")
    assert (m["victim"], m["perpetrator"], m["best"]) == ("CIVILIANS", "SYR_GOV", 3)
    assert one("جرحى مدنيون بقصف تركي على مناطق مجلس منبج العسكري.")["victim"] == "CIVILIANS"


def test_the_side_after_a_verb_of_attack_is_the_perpetrator():
    text = "استهدفت قوات النظام بلدة كفرنبل ما أدى لمقتل 3 مدنيين."
    assert one(text)["perpetrator"] == "SYR_GOV"
    assert one("داهمت قوات التحالف المنزل وقتلت المواطن.")["perpetrator"] == "COALITION"


def test_the_attacker_stays_the_perpetrator_when_the_attacked_side_is_named_later():
    text = "شن مسلحو داعش هجوما على مواقع قسد أسفر عن مقتل 5 عناصر."
    m = one(text)
    assert (m["victim"], m["perpetrator"]) == ("SDF", "ISIS")


def test_a_construct_plural_in_waw_names_fighters():
    m = one("شن مسلحو داعش هجوما أسفر عن مقتل 5 مدنيين.")
    assert (m["victim"], m["perpetrator"]) == ("CIVILIANS", "ISIS")


def test_the_subject_before_a_noun_that_precedes_its_number_is_the_perpetrator():
    m = one("وقتلت قوات الاحتلال الإسرائيلي فلسطينيين اثنين في جنين.")
    assert (m["best"], m["victim"], m["perpetrator"]) == (2, "CIVILIANS", "ISRAEL")


def test_members_of_a_side_before_a_number_are_the_subject_not_the_dead():
    m = one("قتل عناصر النظام 3 مدنيين في البلدة.")
    assert (m["best"], m["victim"], m["perpetrator"]) == (3, "CIVILIANS", "SYR_GOV")
    assert one("مقتل عناصر النظام في الهجوم.")["victim"] == "SYR_GOV"


def test_a_side_is_not_the_perpetrator_of_its_own_dead_but_may_detain_its_own():
    text = "أطلق داعش هجمات على مواقع قسد، في حين قتل تسعة مسلحين من التنظيم عند شنهم الهجمات."
    assert one(text)["perpetrator"] == "SDF"  # the side attacked killed the attackers
    text = "أطلق داعش هجمات في الريف، في حين قتل تسعة مسلحين من التنظيم عند شنهم الهجمات."
    assert one(text)["perpetrator"] == ""
    text = "ونفذ التنظيم حملة اعتقالات ضد مجموعة من أفراده."
    assert one(text)["perpetrator"] == "ISIS"


def test_the_attackers_are_the_side_that_attacked_and_die_by_the_side_attacked():
    m = one("هاجم مسلحو داعش حاجزا لقوات النظام وقتل 4 من المهاجمين.")
    assert (m["victim"], m["perpetrator"]) == ("ISIS", "SYR_GOV")
    m = one("هاجم مسلحو داعش حاجزا لقوات النظام وقتل 4 من عناصر الحاجز.")
    assert (m["victim"], m["perpetrator"]) == ("SYR_GOV", "ISIS")


def test_an_active_verb_with_waw_keeps_the_subject_before_it():
    text = "تعاملت معها وحدات الجيش وأوقعت أغلبية أفرادها بين قتيل ومصاب."
    assert one(text)["perpetrator"] == "SYR_GOV"


def test_handing_themselves_over_is_surrender_to_the_side_after_lam():
    m = one("سلّم 150 مقاتلاً أنفسهم وأسلحتهم للقوات الحكومية ضمن اتفاق التسوية.")
    assert (m["category"], m["best"], m["victim"]) == ("surrendered", 150, "UNKNOWN")
    m = one("وسلم 3 عناصر من التنظيم أنفسهم لقسد.")
    assert (m["category"], m["best"], m["victim"]) == ("surrendered", 3, "ISIS")
    assert mentions("سلم الأهالي 20 قطعة سلاح.") == []


def test_displaced_people_with_no_side_are_civilians():
    assert one("وصل 75 نازحاً إلى مخيمات الشمال السوري.")["victim"] == "CIVILIANS"


def test_a_displaced_noun_that_says_who_people_are_is_no_displacement():
    assert mentions("استهدفت قوات النظام بصاروخ منزلاً يقطنه نازحون في القرية.") == []
    rows = mentions("استهدفت الغارة عنصراً في التنظيم وهو نازح من دير الزور.")
    assert [r["category"] for r in rows] == []
    rows = mentions("ثلاثة شهداء نازحين جراء استهداف منزل في القرية.")
    assert [(r["category"], r["best"]) for r in rows] == [("killed", 3)]
    rows = mentions("قتلى ومعتقلين خلال حملة مداهمات في البلدة.")
    assert [r["category"] for r in rows] == ["killed", "detained"]


def test_their_number_after_a_comma_counts_the_people_before():
    m = one("ونقل جرحى القصف، وعددهم 11، إلى مشفى باب الهوى.")
    assert (m["category"], m["best"]) == ("injured", 11)


def test_soldiers_with_no_side_reported_by_an_army_are_its_own():
    text = "أسفر الهجوم عن إصابة 4 جنود بجروح طفيفة، وفق ما أعلنت وزارة الدفاع التركية."
    assert one(text)["victim"] == "TURKEY"
    assert one("قتل 3 جنود في هجوم على حاجز.")["victim"] == "SYR_GOV"


def test_a_unit_of_a_side_can_be_the_subject_before_the_object():
    m = one('اعتقلت دورية تابعة لـ"الأمن العسكري" الشاب محمد العلي من منزله.')
    assert (m["category"], m["best"], m["perpetrator"]) == ("detained", 1, "SYR_GOV")
    m = one("اعتقلت دورية تابعة لقسد 3 شبان في الرقة.")
    assert (m["best"], m["victim"], m["perpetrator"]) == (3, "CIVILIANS", "SDF")
    assert one("اعتقل الأمن العسكري 3 شبان.")["perpetrator"] == "SYR_GOV"


def test_an_approximate_number_with_the_article_still_counts():
    m = one("أصيب ما يقارب الـ40 شخصاً في القصف.")
    assert (m["best"], m["qualifier"]) == (40, "about")
    assert one("قتل قرابة العشرين مدنياً.")["best"] == 20


def test_any_word_of_rising_tells_the_figure_again():
    rows = mentions("قُتل 3 مدنيين، ثم زاد العدد إلى 7.")
    assert [(r["best"], r["relation"]) for r in rows] == [(3, "alternative_to:m2"), (7, "")]
    rows = mentions("قتل 3 مدنيين وبلغ عدد القتلى منذ بداية الشهر إلى 40.")
    assert [r["relation"] for r in rows] == ["", ""]


def test_an_attack_noun_with_the_article_ends_the_phrase_and_names_the_attacker():
    m = mentions("حيث سقط شهداء وجرحى نتيجة الهجوم التركي.")[0]
    assert (m["victim"], m["perpetrator"]) == ("UNKNOWN", "TURKEY")


def test_a_figure_written_with_broken_words_is_read():
    m = mentions("شهـ ـيدة طفلة وجرحى من عائلتها بقصف مدفعي.")[0]
    assert (m["category"], m["best"], m["victim"]) == ("killed", 1, "CIVILIANS")
    m = one("مقـ ـتـ ـل وإصـ ـابة 9 أشخاص من عائلة واحدة")
    assert (m["category"], m["best"]) == ("killed_or_injured", 9)
    text = "استــ*ــشهد ستة مدنيين"
    m = one(text)
    assert (m["best"], text[m["start"] : m["end"]]) == (6, text)


def test_a_listed_singular_counts_in_its_indefinite_accusative():
    m = one("اختطف مسلحون مجهولون طبيباً في مدينة الباب.")
    assert (m["category"], m["best"], m["victim"]) == ("detained", 1, "CIVILIANS")
    assert one("قتلت قسد صبياً.")["best"] == 1
    assert mentions("قال إن الوضع خطير جدا، ولم يحرك أحد ساكناً.") == []


def test_a_dual_with_a_possessive_after_a_trigger_counts_two():
    rows = mentions("قتل شاب وأصيب والداه بجروح.")
    assert [(r["category"], r["best"], r["victim"]) for r in rows] == [
        ("killed", 1, "CIVILIANS"),
        ("injured", 2, "CIVILIANS"),
    ]
    assert one("جرى اعتقال شقيقيه خلال المداهمة.")["best"] == 2


def test_a_two_word_person_entry_is_read_whole():
    """'أفراد' alone are a side's members; 'أفراد العائلة' are a family, civilians."""
    m = one("أدى القصف الروسي لمقتل 6 من أفراد العائلة.")
    assert (m["best"], m["victim"], m["text"]) == (6, "CIVILIANS", "لمقتل 6 من أفراد العائلة")
    assert one("مقتل 3 من أفراد الشرطة.")["victim"] != "CIVILIANS"


def test_one_after_a_noun_of_a_min_phrase_describes_the_group():
    m = one("قتل 3 من أبناء عائلة واحدة في القصف.")
    assert (m["best"], m["victim"]) == (3, "CIVILIANS")
    assert one("قتل 3 من أفراد أسرة واحدة.")["best"] == 3


def test_asr_is_a_capture_only_before_a_count_or_one_person():
    m = one("أعلنت قسد أسر 4 عناصر من داعش خلال عملية أمنية.")
    assert (m["category"], m["best"], m["victim"]) == ("detained", 4, "ISIS")
    m = one("تمكنت الفصائل من أسر عنصرين من قوات النظام.")
    assert (m["category"], m["best"], m["victim"]) == ("detained", 2, "SYR_GOV")
    assert mentions("وزعت المساعدات على أسر الشهداء.") == []
    assert mentions("وصلت أسر نازحة إلى المخيم.") == []


def test_one_of_them_after_a_trigger_counts_one():
    rows = mentions("تعرّض شابان لإطلاق نار من قبل مجهولين، ما أدى إلى مقتل أحدهما وإصابة الآخر.")
    assert [(r["category"], r["best"], r["victim"]) for r in rows] == [
        ("killed", 1, "CIVILIANS"),
        ("injured", 1, "CIVILIANS"),
    ]
    rows = mentions("قتل أحدهم وأصيب اثنان.")
    assert [(r["category"], r["best"]) for r in rows] == [("killed", 1), ("injured", 2)]


def test_one_of_them_after_a_noun_describes_one_of_the_people():
    m = one("ما أدى إلى إصابة مدنيين أحدهم بحالة خطيرة.")
    assert (m["best"], m["qualifier"]) == (2, "vague")
    m = one("خرج 75 شخصاً، من ضمنهم عائلتان إحداهما تركية والأخرى من جنسية غربية.")
    assert (m["category"], m["best"]) == ("displaced", 75)


def test_one_of_them_after_two_people_told_by_a_dual_is_a_part_of_them():
    rows = mentions("أصيب مدنيان بجروح، أحدهما طفل، جراء قصف مدفعي على القرية.")
    assert [(r["best"], r["victim"], r["relation"]) for r in rows] == [
        (2, "CIVILIANS", ""),
        (1, "CIVILIANS", "subset_of:m1"),
    ]


def test_a_toll_rising_after_bodies_are_found_holds_them():
    rows = mentions("ارتفعت حصيلة ضحايا المجزرة إلى 13 شهيداً بعد انتشال جثتين من تحت الأنقاض.")
    assert [(r["best"], r["relation"], r["text"]) for r in rows] == [
        (13, "", "13 شهيداً"),
        (2, "subset_of:m1", "جثتين"),
    ]
    rows = mentions("ارتفعت حصيلة القتلى إلى 13 بعد العثور على 3 جثث.")
    assert [r["relation"] for r in rows] == ["", "subset_of:m1"]


def test_cases_of_detention_count_people():
    m = one("وثقت الشبكة 7 حالات اختطاف خلال الأسبوع.")
    assert (m["category"], m["best"]) == ("detained", 7)


def test_survivors_and_people_held_in_a_camp_are_no_casualties():
    assert mentions("ونجا 4 أطفال من الموت بأعجوبة بعد انهيار منزلهم.") == []
    assert mentions("يحتجز مخيم الهول نحو 50 ألف شخص معظمهم من النساء والأطفال.") == []
    assert one("تمكنت الفرق من إنقاذ 448 شخصاً أصيبوا نتيجة القصف.")["best"] == 448


def test_one_of_someones_people_is_one():
    m = one("كشف المؤتمر استشهاد إحدى إدارياته، شهناز عمر، إثر قصف على القرية.")
    assert (m["category"], m["best"], m["victim"]) == ("killed", 1, "CIVILIANS")
    assert one("مقتل أحد عماله برصاص مجهولين.")["victim"] == "CIVILIANS"
    assert one("إصابة أحد المارة بجروح.")["victim"] == "CIVILIANS"
    assert one("قتل إحدى عشرة امرأة.")["best"] == 11


def test_a_number_before_the_number_of_those_who_were_killed():
    text = "وبذلك يرتفع إلى 45 عدد الذين قتلوا برصاص مجهولين في درعا منذ مطلع العام الجاري."
    m = one(text)
    assert (m["category"], m["best"], m["scope"]) == ("killed", 45, "cumulative")
    assert m["text"] == "45 عدد الذين قتلوا"
    m = one("ليرتفع إلى 12 عدد من اعتقلتهم قسد منذ بداية الشهر.")
    assert (m["category"], m["best"], m["qualifier"]) == ("detained", 12, "exact")


def test_a_figure_for_a_whole_month_is_a_running_total():
    m = mentions("وثقت الشبكة السورية لحقوق الإنسان مقتل 87 مدنياً في شهر آذار، بينهم 14 طفلاً.")[0]
    assert (m["best"], m["scope"]) == (87, "cumulative")
    assert one("توثيق مقتل 231 شخصاً في سوريا خلال تموز.")["scope"] == "cumulative"
    assert one("قتل 3 مدنيين في 5 آذار بقصف على إدلب.")["scope"] == "incident"


def test_a_casualty_word_naming_a_topic_is_no_figure():
    assert mentions("جرت عملية تبادل أسرى أفرج بموجبها عن 50 محتجزاً.") == []
    assert mentions("ناقش الاجتماع قضية المعتقلين في سجون النظام.") == []


def test_turkish_border_guards_are_turkey_even_named_twice():
    m = one("قتل حرس الحدود التركي (الجندرما) شاباً أثناء محاولته العبور.")
    assert (m["best"], m["victim"], m["perpetrator"]) == (1, "CIVILIANS", "TURKEY")
    assert one("قتلت الجندرما التركية شاباً.")["perpetrator"] == "TURKEY"


def test_a_toll_of_another_category_after_a_part_is_no_part():
    rows = mentions("بلغت حصيلة القصف 4 شهداء، بينهم طفل، و13 جريحاً.")
    assert [(r["category"], r["best"], r["relation"]) for r in rows] == [
        ("killed", 4, ""),
        ("killed", 1, "subset_of:m1"),
        ("injured", 13, ""),
    ]
    rows = mentions("بلغت حصيلة القصف 4 شهداء بينهم طفلان و13 جريحاً.")
    assert [(r["category"], r["relation"]) for r in rows][2] == ("injured", "")


def test_displaced_people_going_home_or_living_somewhere_are_no_displacement():
    assert mentions("عاد أكثر من 500 نازح إلى قراهم في ريف حماة.") == []
    assert mentions("عودة 300 عائلة نازحة إلى مدينة رأس العين.") == []
    assert mentions("يعيش أكثر من مليون نازح في مخيمات الشمال السوري.") == []
    m = one("أجبرت المعارك نحو 5 آلاف شخص على النزوح.")
    assert (m["category"], m["best"]) == ("displaced", 5000)


def test_a_casualty_noun_counted_by_a_rejected_number_is_no_figure():
    assert mentions("أصدرت محكمة الإرهاب حكماً بإعدام 5 معتقلين.") == []
    rows = mentions("شهيدان وجرحى بقصف مدفعي على سوق شعبي.")
    assert [(r["category"], r["best"]) for r in rows] == [("killed", 2), ("injured", 3)]


def test_a_capture_of_one_more_and_people_named_by_their_work():
    rows = mentions("قتل 3 عناصر من هيئة تحرير الشام وأسر رابع.")
    assert [(r["category"], r["best"], r["victim"]) for r in rows][1] == (
        "detained",
        1,
        "OPPOSITION",
    )
    m = one("اغتال مجهولون المختار في بلدة الصنمين.")
    assert (m["category"], m["best"], m["victim"]) == ("killed", 1, "CIVILIANS")
    assert one("اعتقلت قوات الأمن مهندساً في حمص.")["best"] == 1


def test_an_adjective_of_the_subject_is_not_the_object():
    rows = mentions("اعتقلت الشرطة المدنية التابعة للجيش الوطني، شخصاً بعد ضبط عبوة بحوزته.")
    assert all(r["victim"] != "OPPOSITION" for r in rows)


def test_a_side_with_an_auxiliary_verb_is_the_perpetrator():
    m = one("مصادر محلية قالت إن قسد تمكنت من اعتقال أحد المهاجمين من خلايا التنظيم.")
    assert (m["category"], m["victim"], m["perpetrator"]) == ("detained", "ISIS", "SDF")
    assert one("أقدمت قوات النظام على اعتقال 5 شبان في درعا.")["perpetrator"] == "SYR_GOV"


def test_a_side_with_its_own_forces_joined_is_the_subject_of_the_verb():
    m = one("ذكرت تقارير أن مخابرات النظام وأجهزته الأمنية، أقدمت على اعتقال 25 شاباً.")
    assert (m["victim"], m["perpetrator"]) == ("CIVILIANS", "SYR_GOV")
    assert one("قسد وحلفاؤها قتلت 3 مدنيين.")["perpetrator"] == "SDF"


def test_two_triggers_of_one_kind_joined_by_waw_both_belong_to_the_figure():
    assert one("أقدمت على اعتقال واستدعاء أكثر من 25 ضابطاً.")["text"].startswith("اعتقال")
    assert one("قصف راح ضحيته 7 مدنيين.")["text"].startswith("راح")


def test_the_men_of_the_side_saying_it_are_that_side():
    text = "أعلن تنظيم داعش أن عناصره هاجموا تجمعين لقسد وتسببوا بمقتل وإصابة ثمانية عناصر."
    assert (one(text)["victim"], one(text)["perpetrator"]) == ("SDF", "ISIS")
    text = "أعلنت قسد أن مقاتليها قتلوا 5 من عناصر التنظيم."
    assert (one(text)["victim"], one(text)["perpetrator"]) == ("ISIS", "SDF")
    assert one("أعلنت قسد أن عناصرها قتلوا في الهجوم وأصيب 5.")["perpetrator"] == ""
    m = one("وذكرت وزارة الدفاع الروسية أن قواتها قضت على 40 إرهابياً في البادية.")
    assert (m["victim"], m["perpetrator"], m["claimed_by"]) == ("UNKNOWN", "RUSSIA", "Russian MoD")


def test_claiming_an_attack_names_the_perpetrator():
    m = one("وتبنى تنظيم داعش الهجوم الذي أودى بحياة 5 عناصر من قوات النظام.")
    assert (m["victim"], m["perpetrator"]) == ("SYR_GOV", "ISIS")


def test_the_turkish_army_and_the_syrian_news_agency_are_claimants():
    text = "أعلن الجيش التركي تحييد 17 إرهابياً من حزب العمال الكردستاني شمالي سوريا."
    assert one(text)["claimed_by"] == "Turkish army"
    text = "وقالت وكالة الأنباء السورية الرسمية إن عبوة ناسفة أدت إلى استشهاد 9 عسكريين."
    assert one(text)["claimed_by"] == "SANA"


def test_an_attack_told_in_the_sentence_before_names_its_attacker():
    text = (
        "أقدم طيران التحالف الأميركي على تنفيذ ضربة جوية ضد مربض مدفعية للجيش. "
        "وذكر المصدر أن العدوان وقع مساء السبت وتسبب بجرح جنديين."
    )
    assert one(text)["perpetrator"] == "COALITION"
    text = "أفاد ناشطون أن القصف نفذته طائرة روسية. وأسفر القصف عن مقتل 3 مدنيين."
    assert one(text)["perpetrator"] == "RUSSIA"
    text = "قصفت قوات النظام البلدة بالمدفعية. وقتل 3 مدنيين في السوق."
    assert one(text)["perpetrator"] == ""  # no attack pointing back: not said


def test_attackers_dead_in_an_attack_told_before_fall_to_the_side_attacked():
    text = (
        "أفاد المرصد أن مجموعة من مسلحي تنظيم داعش هاجمت قوات الجيش عند ضفاف الفرات. "
        "وتسبب الهجوم بمقتل 11 على الأقل من مسلحي التنظيم."
    )
    m = one(text)
    assert (m["victim"], m["perpetrator"]) == ("ISIS", "SYR_GOV")


def test_attacks_name_the_attacker_and_a_relative_clause_names_the_dead():
    rows = mentions("إلى جانب مقتل 23 مسلحاً من قسد خلال هجمات داعش، أصيب 30 آخرون منهم.")
    assert [(r["victim"], r["perpetrator"]) for r in rows] == [("SDF", "ISIS"), ("SDF", "ISIS")]
    text = "ارتفع إلى 602 عدد مسلحي «قسد» الذين قتلوا، على حين استشهد 367 مدنياً."
    assert all(r["perpetrator"] != "SDF" for r in mentions(text))


def test_an_agency_passing_on_someone_elses_words_is_not_the_claimant():
    text = "أكد «المرصد السوري» أمس، بحسب وكالة «أ ف ب»، أن الهجمات أدت إلى مقتل 23 مسلحاً من قسد."
    assert one(text)["claimed_by"] == "SOHR"
    text = (
        "نقلت وكالة «إرنا» الإيرانية، عن مدير في وزارة الداخلية العراقية أبو علي البصري، قوله"
        " إن 30 إرهابياً هلكوا خلال العملية."
    )
    assert one(text)["claimed_by"] == "Iraqi government"
    assert one("نقلت وكالة رويترز عن مصادر طبية قولها إن 5 مدنيين قتلوا.")["claimed_by"] == (
        "unnamed sources"
    )
    assert one("قال الدفاع المدني لوكالة الأناضول إن 3 أطفال قتلوا.")["claimed_by"] == (
        "Syria Civil Defence"
    )


def test_unnamed_reports_are_their_own_claimant():
    text = "قال المرصد إن القصف طال 5 قرى. وذكرت تقارير أن مخابرات النظام اعتقلت 25 ضابطاً."
    assert one(text)["claimed_by"] == "reports"


def test_a_subject_past_its_affiliation_and_a_joint_subject_lead():
    text = "ذكرت وسائل إعلامية معارضة أن «قوات الأسايش التابعة لـ«الإدارة الذاتية» الكردية، اعتقلت العضو بحزب اليسار."
    assert one(text)["perpetrator"] == "ASAYISH"
    assert one("اعتقلت قوات الأسايش التابعة للإدارة الذاتية 3 شبان.")["perpetrator"] == "ASAYISH"
    text = "أوضح البيان أن تركيا والفصائل الموالية لها استهدفت قرى منبج ما أسفر عن مقتل شخص."
    assert one(text)["perpetrator"] == "TURKEY"
    text = "في معبر القرية الخاضع لسيطرة قسد، قُتل سائق شاحنة على يد لصوص."
    assert one(text)["perpetrator"] != "SDF"


def test_a_month_named_in_any_calendar_makes_a_running_total():
    for month in ("آب", "أيار", "كانون الثاني", "مايو"):
        assert one(f"قتل 40 مدنياً منذ {month} الماضي.")["scope"] == "cumulative", month
        assert one(f"قتل 40 مدنياً خلال {month}.")["scope"] == "cumulative", month
    assert one("قتل 4 مدنيين خلال ابتعادهم عن المنطقة.")["scope"] == "incident"


@pytest.mark.parametrize(
    "text",
    [
        "قتل 7 أشخاص، 5 أطفال وامرأتان، بقصف على القرية.",
        "قتل 7 أشخاص: 5 أطفال وامرأتان بقصف على القرية.",
        "قتل 7 أشخاص - 5 أطفال وامرأتان - بقصف على القرية.",
    ],
)
def test_a_breakdown_after_a_comma_colon_or_dash_is_part_of_the_figure(text):
    rows = mentions(text)
    assert [(r["best"], r["relation"]) for r in rows] == [
        (7, ""),
        (5, "subset_of:m1"),
        (2, "subset_of:m1"),
    ]


def test_a_breakdown_of_two_sides_is_an_aggregate_and_fighters_are_not_civilians():
    rows = mentions("قتل 3 أشخاص، طفلان وعنصر في قسد، بقصف على القرية.")
    assert [(r["best"], r["victim"], r["relation"]) for r in rows] == [
        (3, "MIXED", "aggregate_of:m2+m3"),
        (2, "CIVILIANS", ""),
        (1, "SDF", ""),
    ]
    rows = mentions("قتل 3 عناصر من قسد، 2 مدنيين بقصف على القرية.")
    assert [(r["best"], r["victim"], r["relation"]) for r in rows] == [
        (3, "SDF", ""),
        (2, "CIVILIANS", ""),
    ]


def test_a_dual_told_again_as_a_number_is_one_figure():
    rows = mentions("وثق المرصد مقتل شخصين اثنين بقصف على القرية.")
    assert [(r["best"], r["relation"]) for r in rows] == [(2, "")]


@pytest.mark.parametrize(
    "text",
    [
        "قتل ثلاثة أشخاص (طفلان ومرتزق من الشرطة المدنية) بقصف على القرية.",
        "قتل 3 أشخاص بينهم مسلح بقصف على القرية.",
        "قتل 4 شبان من بينهم عنصر في قسد.",
    ],
)
def test_plain_people_whose_breakdown_names_a_fighter_are_mixed(text):
    assert mentions(text)[0]["victim"] == "MIXED"


def test_a_breakdown_of_the_next_figure_leaves_this_one_civilian():
    rows = mentions("أدى الإنزال إلى مقتل شخص واعتقال اثنين بينهم قائد مجموعة في ميليشيا.")
    assert rows[0]["victim"] == "CIVILIANS"
    assert mentions("قتل 3 مدنيين بينهم مسلح.")[0]["victim"] == "CIVILIANS"


def test_a_two_word_trigger_with_its_own_people_is_not_combined_with_the_next():
    rows = mentions("قالت مصادر طبية إن 4 أشخاص لقوا حتفهم وجرح 11 آخرون.")
    assert [(r["category"], r["best"]) for r in rows] == [("killed", 4), ("injured", 11)]
    assert one("أدى القصف إلى مقتل وإصابة 8 مدنيين.")["category"] == "killed_or_injured"


def test_surrender_with_the_side_named_between_number_and_themselves():
    m = one("سلم 40 عنصرا من قوات النظام البائد أنفسهم وأسلحتهم إلى إدارة العمليات العسكرية.")
    assert (m["category"], m["best"], m["victim"]) == ("surrendered", 40, "SYR_GOV")


@pytest.mark.parametrize(
    "text",
    [
        "قتلت عائلة كاملة مؤلفة من 6 أفراد جراء غارة على منزلها.",
        "استهدفت غارة مخيماً فقتلت خمسة أفراد من عائلة واحدة.",
    ],
)
def test_members_of_a_family_are_civilians(text):
    assert one(text)["victim"] == "CIVILIANS"


def test_members_of_a_side_stay_its_own():
    assert one("قتل 5 أفراد من قسد في الهجوم.")["victim"] == "SDF"


def test_the_same_vague_words_told_again_count_once():
    text = "غارات إسرائيلية تقتل المئات في لبنان.\n\nغارات إسرائيلية تقتل المئات في لبنان."
    rows = mentions(text)
    assert [r["relation"] for r in rows] == ["", "same_as:m1"]


@pytest.mark.parametrize(
    "text",
    ["تمكن 12 شخصاً من الفرار من سجن غويران.", "فر 12 سجيناً من السجن المركزي."],
)
def test_escaping_a_prison_is_no_displacement(text):
    assert mentions(text) == []


def test_fleeing_home_is_still_displacement():
    assert one("نزح 500 شخص من قراهم هرباً من القصف.")["category"] == "displaced"


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("قالت منظمة أطباء بلا حدود إن مستشفياتها استقبلت 150 جريحاً.", "MSF"),
        ("أفاد تجمع أحرار حوران بمقتل 4 أشخاص في هجوم انتحاري.", "Horan Free League"),
        ("ذكرت شبكة السويداء 24 أن مسلحين قتلوا 3 أشخاص.", "Suwayda 24"),
        ("قتل 3 أشخاص في المدن الكبرى.", "outlet"),
        ("قالت مصادر إن 3 أشخاص قتلوا في الميادين.", "unnamed sources"),
    ],
)
def test_local_monitors_and_aid_agencies_are_named_claimants(text, source):
    assert one(text)["claimed_by"] == source


@pytest.mark.parametrize(
    ("text", "side"),
    [
        ("أعلن الجيش الإسرائيلي مقتل جنديين في معارك شمال غزة.", "ISRAEL"),
        ("أعلنت وزارة الدفاع التركية مقتل جنديين.", "TURKEY"),
    ],
)
def test_an_army_announcing_soldiers_killed_announces_its_own(text, side):
    m = one(text)
    assert (m["victim"], m["perpetrator"]) == (side, "")


def test_fighters_killed_by_the_side_saying_it_are_not_that_side():
    m = one("قالت وزارة الدفاع الروسية إن الطائرات قتلت أكثر من 30 مسلحاً في ريف إدلب.")
    assert (m["victim"], m["claimed_by"]) == ("UNKNOWN", "Russian MoD")


def test_a_service_whose_members_were_hit_is_not_the_source_of_the_next_figure():
    rows = mentions("استشهد 3 من عناصر الدفاع المدني وأصيب اثنان آخران أثناء عملهم.")
    assert [(r["category"], r["claimed_by"]) for r in rows] == [
        ("killed", "outlet"),
        ("injured", "outlet"),
    ]
    assert one("قال مراسل تلفزيون سوريا إن 3 مدنيين قتلوا.")["claimed_by"] == "Syria TV"


def test_a_word_of_contrast_starts_a_clause_the_trigger_before_does_not_reach():
    rows = mentions("وارتفع عدد ضحايا المجزرة إلى 25 قتيلاً، في حين لا يزال 10 أشخاص مفقودين.")
    assert [(r["category"], r["best"]) for r in rows] == [("killed", 25)]
    rows = mentions("قتل 5 أشخاص فيما أصيب 7 آخرون.")
    assert [(r["category"], r["best"]) for r in rows] == [("killed", 5), ("injured", 7)]


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("قتل 3 أشخاص على الأقل بينهم امرأة في انفجار عبوة.", [("امرأة", "CIVILIANS")]),
        ("قتل 4 مدنيين، بينهم طفل وامرأة.", [("طفل", "CIVILIANS"), ("وامرأة", "CIVILIANS")]),
        ("قتل 4 شبان بينهم عنصر في قسد.", [("عنصر", "SDF")]),
    ],
)
def test_one_person_after_among_them_is_a_part_of_one(text, parts):
    rows = mentions(text)
    whole = rows[0]
    assert whole["relation"] == ""
    got = [(r["text"], r["victim"]) for r in rows[1:]]
    assert got == parts
    assert all(
        r["relation"] == f"subset_of:{whole['mention']}" and r["best"] == 1 for r in rows[1:]
    )


@pytest.mark.parametrize(
    ("text", "victim"),
    [
        ("استشهد عسكريان جراء عدوان إسرائيلي.", "SYR_GOV"),
        ("قتل ضابطان في هجوم.", "SYR_GOV"),
        ("سقط 17 جريحاً في صفوف المتظاهرين برصاص قوات الأمن.", "CIVILIANS"),
        ("قتل متظاهران برصاص الأمن.", "CIVILIANS"),
    ],
)
def test_soldiers_in_the_dual_and_protesters(text, victim):
    assert one(text)["victim"] == victim


def test_people_along_with_a_named_commander_are_more_of_his_side():
    rows = mentions("قتل القيادي في هيئة تحرير الشام أبو محمد الشامي مع 3 من مرافقيه بغارة.")
    assert [(r["best"], r["victim"], r["relation"]) for r in rows] == [
        (1, "OPPOSITION", ""),
        (3, "OPPOSITION", ""),
    ]


def test_a_toll_named_after_its_number_is_an_update_of_the_side_told():
    rows = mentions(
        "قتل 3 من عناصر قوات النظام في بادية حمص، ليرتفع إلى 1260 عدد القتلى منذ مطلع العام."
    )
    assert [(r["best"], r["victim"], r["scope"]) for r in rows] == [
        (3, "SYR_GOV", "incident"),
        (1260, "SYR_GOV", "cumulative"),
    ]


@pytest.mark.parametrize(
    ("text", "victim"),
    [
        ("أعلنت وزارة الداخلية القبض على خلية مؤلفة من 6 أشخاص.", "UNKNOWN"),
        ("القبض على خلية لتنظيم داعش مؤلفة من 6 أشخاص.", "ISIS"),
        ("قتلت عائلة مؤلفة من 6 أشخاص.", "CIVILIANS"),
    ],
)
def test_people_making_up_an_armed_cell_are_not_civilians(text, victim):
    assert one(text)["victim"] == victim


def test_levantine_progressive_am_is_not_an_uncle():
    assert mentions("الجرح عم يكبر والجرائم عم تتكرر.") == []
    assert one("قتل شاب وعمه بقصف.")["best"] == 2


def test_detainees_handed_over_are_not_detained_again():
    assert mentions("سلمت قوات سوريا الديمقراطية 50 معتقلاً من عناصر داعش إلى العراق.") == []
    assert one("سلم 15 عنصراً من داعش أنفسهم لقوات التحالف.")["category"] == "surrendered"


def test_capture_with_its_subject_before_the_count():
    m = one("أسر الجيش الوطني 7 عناصر من قسد خلال تصديه لمحاولة تسلل.")
    assert (m["category"], m["best"], m["victim"], m["perpetrator"]) == (
        "detained",
        7,
        "SDF",
        "OPPOSITION",
    )
    assert mentions("تقديم المساعدات إلى أسر الشهداء.") == []


@pytest.mark.parametrize(
    "text", ["تعرض مخيم الهول لهجوم أسفر عن مقتل لاجئة عراقية.", "قتل صحفي أمريكي في الرقة."]
)
def test_a_civilian_of_a_nationality_is_a_civilian(text):
    assert one(text)["victim"] == "CIVILIANS"


def test_a_death_that_brings_the_toll_up_is_part_of_the_new_toll():
    rows = mentions("استشهد الشاب أحمد العلي متأثراً بجراحه، لترتفع حصيلة القصف إلى 5 شهداء.")
    assert [(r["best"], r["relation"]) for r in rows] == [(1, "subset_of:m2"), (5, "")]
    rows = mentions("قتل 5 أشخاص في القصف. وارتفعت الحصيلة إلى 7 قتلى.")
    assert [(r["best"], r["relation"]) for r in rows] == [(5, "alternative_to:m2"), (7, "")]


@pytest.mark.parametrize(
    ("text", "victim", "perpetrator"),
    [
        (
            "استشهد مواطنان جراء قصف مرتزقة الاحتلال التركي على قرية مرعناز.",
            "CIVILIANS",
            "OPPOSITION",
        ),
        ("ارتقى 3 شهداء من قوات الأسايش إثر هجوم لخلايا مرتزقة داعش على حاجز.", "ASAYISH", "ISIS"),
        (
            "أكد مصدر عسكري أن وحدات من الجيش العربي السوري قضت على عدد من الإرهابيين.",
            "UNKNOWN",
            "SYR_GOV",
        ),
    ],
)
def test_units_and_hired_men_of_a_side(text, victim, perpetrator):
    m = one(text)
    assert (m["victim"], m["perpetrator"]) == (victim, perpetrator)


@pytest.mark.parametrize(
    ("text", "victim"),
    [
        ("قتل عنصران من الفيلق الخامس المدعوم روسياً بانفجار لغم.", "SYR_GOV"),
        ("قتل 3 عناصر من الميليشيات المدعومة من إيران.", "IRAN"),
    ],
)
def test_the_backer_of_a_named_side_is_not_the_victims_side(text, victim):
    assert one(text)["victim"] == victim


def test_a_death_sentence_is_not_a_death():
    assert mentions("حكمت محكمة الإرهاب على 12 شخصاً بالإعدام.") == []
    assert mentions("وحكمت المحكمة على 3 متهمين بالإعدام شنقاً.") == []
    assert one("أعدم التنظيم 3 أشخاص بتهمة التخابر.")["best"] == 3


def test_attackers_totals_and_countries_as_places_are_not_casualties():
    rows = mentions("قتل 3 أشخاص في هجوم نفذه 10 مسلحين على القرية.")
    assert [(r["best"], r["victim"]) for r in rows] == [(3, "CIVILIANS")]
    assert [r["best"] for r in mentions("أصيب 2 من أصل 5 ركاب كانوا في الحافلة.")] == [2]
    m = one("ارتفعت حصيلة الزلزال إلى 50 ألف قتيل في تركيا وسوريا.")
    assert (m["best"], m["victim"]) == (50000, "UNKNOWN")


def test_men_of_a_formation_are_counted_but_the_formation_is_no_one():
    rows = mentions("قتل عنصر من الفرقة 17 وأصيب 2 من اللواء 93 في هجوم على مواقعهم.")
    assert [(r["category"], r["best"]) for r in rows] == [("killed", 1), ("injured", 2)]
    assert mentions("قصفت قوات النظام مواقع الفوج 46 وأصيب فيها جندي.")[0]["best"] == 1
    rows = mentions("ونعت صفحات موالية 6 عناصر من الفرقة 25 قتلوا في ريف إدلب.")
    assert [(r["category"], r["best"]) for r in rows] == [("killed", 6)]


def test_a_number_after_and_is_a_new_count_not_a_label():
    rows = mentions("قتل 3 من الفصيل، أحدهم قتل اليوم و2 قضوا أمس بريف عفرين.")
    assert [r["best"] for r in rows] == [3, 1, 2]


@pytest.mark.parametrize(
    "text",
    [
        "سجل مقتل ستة أشخاص في حوادث متفرقة بريف دير الزور.",
        "وثق المرصد مقتل 6 أشخاص في مناطق متفرقة من سوريا.",
    ],
)
def test_casualties_of_separate_incidents_summed_up_are_a_running_total(text):
    assert one(text)["scope"] == "cumulative"


def test_a_total_risen_to_takes_the_category_of_the_last_whole_figure():
    rows = mentions(
        "نزح 200 شخص من القرية، ومن ضمنهم عدد من المسلحين ممن سلموا أنفسهم، ليرتفع إلى 5000"
        " عدد الأشخاص الذين تم إحصاؤهم منذ بدء الحملة، من ضمنهم 300 طفل."
    )
    got = [(r["category"], r["best"], r["scope"], r["relation"]) for r in rows]
    assert got == [
        ("displaced", 200, "incident", ""),
        ("displaced", 5000, "cumulative", ""),
        ("displaced", 300, "cumulative", "subset_of:m2"),
    ]


@pytest.mark.parametrize(
    ("text", "perpetrator"),
    [
        (
            "وتستمر قسد في تنفيذ عمليات مداهمة، وكانت مصادر قد أكدت اعتقال نحو 50 عنصراً من عناصر التنظيم.",
            "SDF",
        ),
        ("اعتقال 33 مواطناً من قبل الميليشيات المسلحة المدعومة من تركيا.", ""),
        ("قالت قسد إن 5 أشخاص اعتقلوا.", ""),
    ],
)
def test_the_one_other_side_named_with_detentions_made_them(text, perpetrator):
    assert one(text)["perpetrator"] == perpetrator


def test_a_speaker_relayed_by_an_agency_still_speaks_in_the_next_sentence():
    rows = mentions(
        "نقلت وكالة إرنا الإيرانية للأنباء، عن مدير الاستخبارات في وزارة الداخلية العراقية أبو"
        " علي البصري، قوله أمس: أن «30 إرهابياً هلكوا خلال العملية». وأوضح أن العملية أثارت"
        " الفوضى، وعلى إثر ذلك نفذ التنظيم حملة اعتقالات ضد مجموعة من أفراده."
    )
    assert [r["claimed_by"] for r in rows] == ["Iraqi government", "Iraqi government"]


def test_a_speaker_keeps_speaking_past_a_paragraph_only_when_it_opens_with_saying():
    said = "وقال مراسلنا إن القصف استهدف منازل المدنيين وسط البلدة.\n\n"
    rows = mentions(said + "وفي سياق متصل، قُتل عنصران من الهيئة في اشتباكات.")
    assert [r["claimed_by"] for r in rows] == ["outlet"]
    rows = mentions(said + "وأضاف أن 3 مدنيين قتلوا في القصف.")
    assert [r["claimed_by"] for r in rows] == ["reporter"]


def test_the_items_of_a_list_a_monitor_opens_are_its_own_figures():
    text = (
        "وثق المرصد السوري مقتل 9 أشخاص في مناطق سورية مختلفة، وهم:\n\n"
        "- 3 مدنيين قتلوا بقصف مدفعي على بلدة البارة.\n\n"
        "- 4 عناصر من قوات النظام قتلوا بهجوم لخلايا داعش."
    )
    rows = mentions(text)
    assert [(r["best"], r["scope"], r["claimed_by"]) for r in rows] == [
        (9, "cumulative", "SOHR"),
        (3, "incident", "SOHR"),
        (4, "incident", "SOHR"),
    ]


def test_a_side_mourning_its_dead_tells_of_them_and_lost_them():
    m = one("ونعت القيادة العامة لقوات سوريا الديمقراطية 4 من مقاتليها.")
    assert (m["victim"], m["claimed_by"]) == ("SDF", "SDF")
    m = one("نعت قسد مقاتلاً.")
    assert (m["victim"], m["perpetrator"]) == ("SDF", "")
    assert one("ونعت حركة أحرار الشام 3 من مقاتليها.")["claimed_by"] == "أحرار الشام"
    assert one("ونعت صفحات موالية للنظام 6 عناصر.")["claimed_by"] == "outlet"


def test_a_source_after_a_figure_that_gives_its_own_figure_is_not_the_first_ones():
    rows = mentions("وسط أنباء عن مقتل 32 مسلحاً منها والتنظيم الذي أكدت بغداد مقتل 30 قيادياً منه.")
    assert [r["claimed_by"] for r in rows] == ["outlet", "Iraqi government"]
    m = one("توفي أحمد متأثراً بإصاباته، بحسب ما أكده الدفاع المدني يوم 11 أكتوبر.")
    assert m["claimed_by"] == "Syria Civil Defence"


@pytest.mark.parametrize(
    ("text", "best"),
    [("تعرض شاب لإصابة في قدمه برصاص قناص.", 1), ("تعرضت امرأة لإصابة خطيرة.", 1)],
)
def test_one_person_undergoing_an_injury_is_injured(text, best):
    m = one(text)
    assert (m["category"], m["best"], m["victim"]) == ("injured", best, "CIVILIANS")
    assert mentions("تعرض منزل لأضرار مادية.") == []


def test_men_of_a_force_before_the_number_are_the_subject():
    m = one("اقتادت عناصر الأمن 4 شبان إلى جهة مجهولة.")
    assert (m["category"], m["best"], m["victim"]) == ("detained", 4, "CIVILIANS")
    m = one("قتل عناصر الأمن العام.")
    assert (m["qualifier"], m["victim"]) == ("vague", "SYR_GOV")


def test_people_joined_to_a_part_are_parts_but_both_sexes_of_a_count_are_one_count():
    rows = mentions("قتل 5 مواطنين بينهم طفلان وامرأة.")
    assert [(r["best"], r["relation"]) for r in rows] == [
        (5, ""),
        (2, "subset_of:m1"),
        (1, "subset_of:m1"),
    ]
    assert [r["best"] for r in mentions("قتل 20 طفلاً وطفلة في القصف.")] == [20]
    rows = mentions("توثيق مقتل 231 شخصاً بينهم 16 امرأة و20 طفلاً وطفلة.")
    assert [r["best"] for r in rows] == [231, 16, 20]


def test_the_dead_are_then_a_number_counts_the_dead():
    rows = mentions("فإن القتلى هم 4 من عناصر الفصائل و2 من قوات النظام.")
    assert [(r["category"], r["best"], r["victim"]) for r in rows] == [
        ("killed", 4, "OPPOSITION"),
        ("killed", 2, "SYR_GOV"),
    ]
    rows = mentions("ذكر الدفاع المدني أن القتلى في القرية هم 5 أطفال، والمصابين هم 6 أطفال.")
    assert [(r["category"], r["best"], r["relation"]) for r in rows] == [
        ("killed", 5, ""),
        ("injured", 6, ""),
    ]


def test_a_cause_told_after_two_joined_figures_caused_both():
    rows = mentions(
        "استشهد 5 مواطنين، فيما أصيب 9 آخرون بجراح متفاوتة، جراء قصف جوي روسي على بلدة البارة."
    )
    assert [r["perpetrator"] for r in rows] == ["RUSSIA", "RUSSIA"]


def test_a_thing_behind_a_preposition_is_not_what_a_number_counts():
    m = one("أصيب العشرات بحالات اختناق جراء قصف بغاز الكلور.")
    assert (m["category"], m["qualifier"]) == ("injured", "vague")
    m = one("قتل 5 بغارات روسية على ريف إدلب.")
    assert (m["category"], m["best"], m["perpetrator"]) == ("killed", 5, "RUSSIA")
    assert mentions("سجلت 10 حالات عبور للحدود.") == []  # cases of something else


def test_two_verbs_sharing_subject_and_object_are_killed_or_injured():
    m = one("زعمت وكالة أعماق أن مسلحيه قتلوا وجرحوا أكثر من 40 عنصراً من قسد.")
    assert (m["category"], m["best"], m["victim"]) == ("killed_or_injured", 40, "SDF")
    rows = mentions("قتل 6 عناصر من قوات النظام قتلوا وجرح 3.")
    assert [(r["category"], r["best"]) for r in rows] == [("killed", 6), ("injured", 3)]


def test_a_side_saying_that_it_did_it_is_the_perpetrator_or_the_loser():
    m = one("وأعلنت «قسد» في بيان أنها قتلت 37 إرهابياً من داعش خلال الـ24 ساعة الماضية.")
    assert (m["victim"], m["perpetrator"], m["claimed_by"]) == ("ISIS", "SDF", "SDF")
    m = one("أعلنت قسد أنها خسرت 5 مقاتلين في الهجوم.")
    assert (m["victim"], m["perpetrator"]) == ("SDF", "")


@pytest.mark.parametrize(
    ("text", "side"),
    [
        ("أشار المرصد إلى أن عدد القتلى في صفوف التنظيم ارتفع إلى 1260 منذ بدء العملية.", "ISIS"),
        ("ارتفع عدد القتلى من عناصر قسد إلى 50.", "SDF"),
        ("ارتفع عدد القتلى من المدنيين إلى 50.", "CIVILIANS"),
    ],
)
def test_a_toll_of_a_side_named_after_in_its_ranks_or_of(text, side):
    assert one(text)["victim"] == side


def test_people_along_with_the_first_are_killed_with_him():
    rows = mentions("قتل قيادي في التنظيم برفقة اثنين من مرافقيه في غارة للتحالف.")
    assert [(r["best"], r["victim"], r["relation"]) for r in rows] == [
        (1, "ISIS", ""),
        (2, "ISIS", ""),
    ]
    rows = mentions("قتل قيادي في قسد برفقة زوجته.")
    assert [r["victim"] for r in rows] == ["SDF", "CIVILIANS"]


def test_a_trigger_with_its_own_object_does_not_count_the_people_before_it():
    text = "أطلقت عناصر الجندرمة النار على مجموعة من المدنيين ما أدى لمقتل شاب وإصابة آخر."
    rows = mentions(text)
    assert [(r["category"], r["best"], r["qualifier"]) for r in rows] == [
        ("killed", 1, "exact"),
        ("injured", 1, "exact"),
    ]
    assert rows[0]["perpetrator"] == "TURKEY"  # the verb's subject past the side's members
    text = "قالت الشبكة إن عائلة من بضعة أفراد قُتلت، ومقاتل من قوات العشائر."
    assert mentions(text)[0]["qualifier"] == "vague"


def test_plural_forms_of_killing_and_abducting_verbs_are_triggers():
    m = one("وأفادت شبكة عين الفرات بأن مجهولين اغتالوا عنصرين من قسد في بلدة ذيبان.")
    assert (m["category"], m["best"], m["victim"]) == ("killed", 2, "SDF")
    assert one("مسلحون اختطفوا 3 أطفال.")["category"] == "detained"


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        ('وأفادت شبكة "عين الفرات" بأن مجهولين اغتالوا عنصرين من قسد.', "شبكة عين الفرات"),
        ("قال موقع الخابور إن 3 أشخاص اعتقلوا.", "موقع الخابور"),
        ("ذكرت وكالة أمجاد بأنباء عن مقتل 3 جنود.", "وكالة أمجاد"),
        ("أفادت منظمة إنسانية بمقتل 5 مدنيين.", "unnamed sources"),
    ],
)
def test_an_unlisted_network_or_agency_after_a_word_of_saying_is_kept_as_written(text, claimant):
    assert one(text)["claimed_by"] == claimant


def test_some_of_the_casualties_already_told_are_a_part_of_them():
    text = (
        "قال الدفاع المدني إن فرقه أسعفت 12 مصاباً بعد الغارات. "
        "وحسب مصادر طبية في المشفى الوطني، فإن 3 من الجرحى في حالة حرجة."
    )
    rows = mentions(text)
    assert [(r["best"], r["victim"], r["relation"]) for r in rows] == [
        (12, "CIVILIANS", ""),
        (3, "CIVILIANS", "subset_of:m1"),
    ]
    assert one("وحسب مصادر طبية فإن 3 من الجرحى في حالة حرجة.")["relation"] == ""


def test_a_side_counted_by_a_number_is_no_killer_of_the_others():
    text = (
        "أكد المرصد أن 1087 من مسلحي وقادة داعش قتلوا في القصف، في حين ارتفع إلى 602 من"
        " مسلحي قسد الذين قتلوا، على حين استشهد 367 مدنياً."
    )
    rows = mentions(text)
    assert [(r["victim"], r["perpetrator"]) for r in rows] == [
        ("ISIS", ""),
        ("SDF", ""),
        ("CIVILIANS", ""),
    ]


def test_a_singular_before_a_plural_verb_is_a_part_not_the_subject():
    rows = mentions("وقال المراسل إن 4 مدنيين بينهم طفل وسيدة قتلوا، وجرح اثنان آخران.")
    assert [(r["category"], r["best"]) for r in rows if not r["relation"]] == [
        ("killed", 4),
        ("injured", 2),
    ]


def test_a_trigger_does_not_reach_past_that_into_another_clause():
    rows = mentions("وأكد الدفاع المدني أن امرأة قتلت وأن طفلين أصيبا في القصف.")
    assert [(r["category"], r["best"]) for r in rows] == [("killed", 1), ("injured", 2)]


def test_unknown_gunmen_in_the_dual_are_the_killers():
    m = one("وقتل مسلحان مجهولان شاباً أمام منزله في مدينة درعا.")
    assert (m["best"], m["victim"], m["perpetrator"]) == (1, "CIVILIANS", "UNKNOWN")


def test_a_pronoun_on_the_trigger_points_back_to_the_civilian_shot():
    m = one("أطلق مسلحون النار على شاب في درعا ما أدى لمقتله.")
    assert (m["best"], m["victim"]) == (1, "CIVILIANS")
    m = one("استهدف قناص امرأة في الحي ما أدى لإصابتها بجروح.")
    assert (m["category"], m["victim"]) == ("injured", "CIVILIANS")


def test_a_toll_rising_to_a_number_past_a_relative_clause():
    rows = mentions("وارتفع عدد الشهداء المدنيين الذين قضوا في المجزرة إلى 9، بينهم 4 أطفال.")
    assert [(r["best"], r["victim"], r["relation"][:9]) for r in rows] == [
        (9, "CIVILIANS", ""),
        (4, "CIVILIANS", "subset_of"),
    ]


def test_a_name_brought_in_by_almadu_after_a_trigger_is_one_person():
    m = one("وأسفرت الحملة عن مقتل المدعو غنام الصبوح في منزله.")
    assert (m["category"], m["best"]) == ("killed", 1)


def test_a_number_after_among_the_dead_is_a_part_of_them():
    rows = mentions("قتل 5 عناصر في الغارة، ومن بين القتلى اثنان من القادة.")
    assert [(r["best"], r["relation"]) for r in rows] == [(5, ""), (2, "subset_of:m1")]


def test_one_person_named_among_the_casualties_is_a_part_of_them():
    rows = mentions("وأصيب 7 مدنيين في القصف، وبين الجرحى امرأة حامل.")
    assert [(r["best"], r["category"], r["relation"]) for r in rows] == [
        (7, "injured", ""),
        (1, "injured", "subset_of:m1"),
    ]


def test_a_sentence_recalling_earlier_events_is_in_the_writers_voice():
    text = (
        "وقال الدفاع المدني إن فرقه أخلت 3 مصابين من موقع القصف.\n"
        "وكانت الطائرات الحربية قد استهدفت البلدة أمس، ما تسبب بجرح عدد من المدنيين."
    )
    rows = mentions(text)
    assert [r["claimed_by"] for r in rows][-1] == "outlet"


def test_an_unnamed_source_speaking_through_an_outlet_is_the_outlets():
    m = one("وقال مصدر عسكري وفق وكالة «سانا» للأنباء إن الضربة أدت إلى جرح 3 جنود.")
    assert m["claimed_by"] == "SANA"
    text = (
        "وقال مصدر عسكري وفق وكالة «سانا» للأنباء إن الضربة وقعت ليلاً.\n"
        "وذكر المصدر أن العدوان تسبب بجرح جنديين."
    )
    assert one(text)["claimed_by"] == "SANA"


def test_the_sources_are_those_told_before():
    text = "وقالت مصادر محلية إن القصف كان عنيفاً.\nوأضافت المصادر أن 3 مدنيين قتلوا."
    assert one(text)["claimed_by"] == "local sources"
    assert one("ووفقاً للمصادر، قتل 3 أشخاص في القصف.")["claimed_by"] == "unnamed sources"


@pytest.mark.parametrize(
    "text",
    [
        "وقضت محكمة الإرهاب بسجن 3 شبان لمدة 10 سنوات.",
        "وقضى الاتفاق بخروج 500 مسلح من المدينة.",
        "وقضت المحكمة بإعدام رجلين.",
    ],
)
def test_qada_with_a_court_or_a_decree_rules_it_does_not_die(text):
    assert mentions(text) == []
    assert [r["best"] for r in mentions("قضى طفل وأصيب 2 آخران في القصف.")] == [1, 2]


def test_a_toll_over_a_whole_year_is_cumulative():
    m = one("وقتل في عام 2019 أكثر من 3 آلاف مدني بحسب الشبكة السورية لحقوق الإنسان.")
    assert (m["best"], m["scope"]) == (3000, "cumulative")
    assert one("ووثقت الشبكة مقتل 120 مدنياً خلال العام 2023.")["scope"] == "cumulative"


@pytest.mark.parametrize(
    "text",
    [
        "وتضم المنطقة نحو 4 ملايين نسمة، بينهم مليون نازح.",
        "ويقطن في المخيم نحو 1500 عائلة نازحة.",
        "ويعيش في شمال غرب سوريا 4.5 مليون شخص، نزح نصفهم من مناطق أخرى.",
    ],
)
def test_people_counted_where_they_live_are_not_displaced_now(text):
    assert [r for r in mentions(text) if r["category"] == "displaced"] == []
    assert [r["best"] for r in mentions("وكان 300 شخص قد نزحوا من القرية.")] == [300]


def test_traders_abducted_are_civilians_detained():
    m = one("وخطف مسلحون مجهولون 3 تجار من أبناء مدينة السويداء وطالبوا بفدية.")
    assert (m["category"], m["victim"], m["best"], m["perpetrator"]) == (
        "detained",
        "CIVILIANS",
        3,
        "UNKNOWN",
    )


def test_a_generic_occupation_name_takes_the_nationality_after_it():
    assert one("جيش الاحتلال الروسي يقتل طفلاً في دير الزور.")["perpetrator"] == "RUSSIA"
    assert one("قتل 3 مدنيين بقصف لقوات الاحتلال الأمريكي.")["perpetrator"] == "COALITION"
    assert one("قتل 3 مدنيين برصاص قوات الاحتلال في جنين.")["perpetrator"] == "ISRAEL"


@pytest.mark.parametrize(
    "text", ["تم إلقاء القبض على عدة خلايا تابعة للتنظيم.", "واعتقلت القوات 3 خلايا تابعة لداعش."]
)
def test_a_number_of_cells_or_patrols_is_not_a_head_count(text):
    assert mentions(text) == []


def test_the_injured_told_with_a_running_total_of_the_killed_share_its_scope():
    rows = mentions(
        "ومنذ بداية العام الحالي استجابت فرق الإنقاذ لأكثر من ألف هجوم شنته قوات النظام والقوات"
        " الروسية والميليشيات الموالية لهما على القرى والبلدات في ريفي إدلب وحلب، أدت لمقتل 161"
        " شخصاً بينهم 46 طفلاً و23 امرأة من سكان المنطقة والنازحين إليها من المحافظات الأخرى في"
        " المخيمات المنتشرة قرب الحدود، وأصيب على إثر هذه الهجمات 681 شخصاً."
    )
    wholes = [(r["best"], r["scope"]) for r in rows if not r["relation"]]
    assert wholes == [(161, "cumulative"), (681, "cumulative")]


def test_a_pronoun_on_the_trigger_takes_the_side_of_the_fighter_named_before():
    text = "انفجرت عبوة بسيارة القيادي في الجيش الوطني مصطفى حسين في مدينة إعزاز، ما أدى لمقتله."
    assert one(text)["victim"] == "OPPOSITION"


def test_a_closing_list_of_other_stories_headlines_is_not_read():
    body = "قتل مدنيان في القصف على البلدة، بحسب ما أفاد الدفاع المدني.\n" * 4
    others = "\n\n".join(
        [
            "قتيلان بغارة لمسيرة على جنوب لبنان",
            "بريطانيا تبحث صادرات الأسلحة",
            "مقتل عنصر بقصف غرب حلب",
        ]
    )
    assert [r["best"] for r in mentions(body + "\n" + others) if not r["relation"]] == [2]
    # the article's own closing lines, told as sentences, are read
    own = "\n\n".join(["وأصيب 3 آخرون", "فيما نقل الجرحى إلى المشفى", "وقتل 4 عناصر في الاشتباكات"])
    assert 4 in [r["best"] for r in mentions(body + "\n" + own)]


def test_a_pronoun_on_the_first_trigger_keeps_it_apart_from_the_next():
    rows = mentions("لقي ثلاثة عناصر من قوات النظام مصرعهم وجرح آخرون في هجوم.")
    assert [(r["category"], r["qualifier"]) for r in rows] == [
        ("killed", "exact"),
        ("injured", "vague"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "استهدفت مسيرة سيارة تقل ثلاثة من قياديي قسد، ما أدى إلى مقتلهم.",
        "قتلت المسيرة ثلاثة من موظفي المنظمة.",
    ],
)
def test_the_construct_plural_of_a_person_after_من_is_counted(text):
    assert one(text)["best"] == 3


@pytest.mark.parametrize(
    "text", ["قتل عنصر في فصيل السلطان مراد برصاص قناص.", "قتل 3 عناصر من فصيل السلطان مراد."]
)
def test_a_faction_word_between_a_fighter_and_the_side_keeps_the_side(text):
    assert one(text)["victim"] == "OPPOSITION"


def test_a_capture_verb_before_a_number_word_is_not_families():
    rows = mentions("وقتل 7 عناصر من قوات النظام وأسر اثنان آخران.")
    assert [(r["category"], r["best"], r["victim"]) for r in rows] == [
        ("killed", 7, "SYR_GOV"),
        ("detained", 2, "SYR_GOV"),
    ]
    assert one("وأسر ثلاثة.")["victim"] == "UNKNOWN"


@pytest.mark.parametrize(
    "text, best", [("قتل أطفالها الثلاثة بقصف.", 3), ("وقتل أبناؤه الأربعة.", 4)]
)
def test_a_possessed_plural_then_a_definite_number_word_is_counted(text, best):
    m = one(text)
    assert (m["best"], m["qualifier"]) == (best, "exact")


@pytest.mark.parametrize(
    "text", ["وقال الدفاع المدني إن طفلاً ووالده قضيا وأصيب 8 آخرون.", "إن رجلاً وزوجته توفيا."]
)
def test_two_people_joined_before_a_dual_verb_are_two(text):
    m = mentions(text)[0]
    assert (m["category"], m["best"]) == ("killed", 2)


@pytest.mark.parametrize(
    "text",
    [
        "وتزامن ذلك مع قصف مدفعي، من دون ورود أنباء عن قتلى أو مصابين.",
        "ولم ترد أنباء عن وقوع قتلى أو جرحى.",
        "فيما لم ترد معلومات مؤكدة عن وجود إصابات في صفوف القوات المشاركة.",
    ],
)
def test_a_negation_reaches_through_news_words_and_أو(text):
    assert mentions(text) == []


def test_a_pair_of_figures_told_twice_in_one_sentence_is_counted_once():
    text = (
        "استشهاد عامل وإصابة 5 آخرين في قصف للاحتلال التركي استشهد عامل وأصيب 5 آخرون"
        " في قصف الاحتلال التركي."
    )
    assert [r["relation"] for r in mentions(text)] == ["", "", "same_as:m1", "same_as:m2"]
    # two deaths in two places, each with its own injured, stay apart
    text = "قتل مدني وأصيب اثنان في حمص، في حين قتل مدني وأصيب 3 في حماة."
    assert [r["relation"] for r in mentions(text)] == ["", "", "", ""]


def test_the_imperfect_of_abducting_is_a_trigger_and_ends_the_phrase_before_it():
    assert one("وتختطف الميليشيا شابين.")["category"] == "detained"
    rows = mentions('"قسد" تقتل أما وابنها وتخطف جثمانيهما "قسد" تقتحم منزل العائلة.')
    assert {r["victim"] for r in rows} == {"CIVILIANS"}


@pytest.mark.parametrize(
    "text",
    [
        'أسفرت العملية عن استشهاد امرأة "فطيم البتال" وابنها "جاسم" واعتقال ابنها الثاني.',
        "مقتل الطفل أحمد الخالد وشقيقه بقصف على القرية.",
        'مقتل امرأة مسنة تدعى "فطيم البتال" وابنها الشاب جاسم.',
        "وأصيبت امرأة (45 عاماً) وطفلها (3 أعوام) بالقصف.",
        "مقتل المدعو غنام الصبوح السريح (في العقد الخامس من عمره) ونجله برصاص دورية.",
    ],
)
def test_a_person_joined_after_a_name_is_a_part_of_the_same_figure(text):
    assert mentions(text)[0]["best"] == 2


def test_a_word_for_militia_before_the_side_leaves_the_side_the_subject():
    m = one("أعدمت ميليشيا قسد السيدة فطيم.")
    assert (m["victim"], m["perpetrator"]) == ("CIVILIANS", "SDF")


def test_a_person_with_مع_after_a_figure_is_counted_too():
    rows = mentions("ما أدى لمقتل أحد الكوادر مع سائقه، إضافة إلى إصابة مدنيين.")
    assert sum(r["best"] for r in rows if r["category"] == "killed" and not r["relation"]) == 2
    assert [r["best"] for r in mentions("قتل عنصر في اشتباك مع عنصرين من قسد.")] == [1]


def test_armed_tribesmen_are_a_side_of_their_own():
    m = one("ومقتل 10 من المسلحين العشائريين في اشتباكات مع قسد.")
    assert m["victim"] == "OTHER"


def test_an_agency_relaying_someone_it_does_not_name_is_the_source():
    m = one("ونقلت وكالة رويترز عن مسؤول أمني أن 5 أشخاص قتلوا.")
    assert m["claimed_by"] == "Reuters"
    assert one("ونقلت رويترز عن مصادر طبية أن 5 أشخاص قتلوا.")["claimed_by"] == "unnamed sources"


def test_mourning_fighters_announces_their_deaths():
    m = one("ونعت حركة أحرار الشام 3 من مقاتليها.")
    assert (m["category"], m["best"], m["victim"]) == ("killed", 3, "OPPOSITION")
    assert mentions("ونعت الوزيرة المعارضين بالإرهابيين.") == []


def test_the_syrian_interior_ministry_arrests_and_says_so():
    m = one("وأعلنت وزارة الداخلية السورية القبض على 6 أشخاص متورطين في التفجير.")
    assert (m["perpetrator"], m["claimed_by"]) == ("SYR_GOV", "Syrian interior ministry")


@pytest.mark.parametrize(
    "text", ["وقتل عدد كبير من عناصر التنظيم.", "سقوط أعداد كبيرة من القتلى في القصف."]
)
def test_a_large_number_of_is_vague(text):
    m = one(text)
    assert (m["category"], m["qualifier"]) == ("killed", "vague")


def test_people_a_place_shelters_are_not_displaced_by_an_event():
    assert mentions("وباتت المدينة ملاذاً أخيراً لعدد كبير من المهجرين.") == []
    text = "وتضم المنطقة نحو 3 ملايين إنسان، جاء قرابة الثلثين منهم نازحين من أجزاء أخرى."
    assert mentions(text) == []
    assert mentions("وتحولت المدرسة إلى مأوى لـ 200 نازح.") == []


@pytest.mark.parametrize(
    "text, best",
    [
        ("وأجبرت العمليات العسكرية أكثر من 50 عائلة على مغادرة منازلها.", 50),
        ("وغادر 300 شخص منازلهم في القرية.", 300),
    ],
)
def test_leaving_ones_home_is_displacement(text, best):
    m = one(text)
    assert (m["category"], m["best"]) == ("displaced", best)


def test_a_checkpoint_of_a_side_after_على_is_not_the_victims_side():
    assert one("وتم توقيف 4 أشخاص على حاجز للفرقة الرابعة.")["victim"] == "CIVILIANS"


@pytest.mark.parametrize(
    "text",
    [
        "وقدمت المنظمة مساعدات لـ 500 عائلة نازحة.",
        "ووزع الهلال الأحمر 400 سلة غذائية على 300 نازح.",
    ],
)
def test_people_given_aid_where_they_are_are_not_newly_displaced(text):
    assert mentions(text) == []


def test_a_toll_recalled_on_an_anniversary_is_not_todays_incident():
    text = "وأحيا الأهالي الذكرى السنوية الـ 10 لمجزرة الكيماوي التي راح ضحيتها 1400 شخص."
    assert one(text)["scope"] == "cumulative"


@pytest.mark.parametrize(
    "text, side",
    [
        ("وقتل طفل برصاص قناص تابع لقوات النظام في درعا البلد.", "SYR_GOV"),
        ("وأصيب مدنيان بقصف مدفعي مصدره مواقع الجيش التركي.", "TURKEY"),
        ("وقتل رجل على يد عناصر من هيئة تحرير الشام في إدلب.", "OPPOSITION"),
        ("قتل عنصران من قسد بقصف مدفعي من مواقع الجيش الوطني على محيط البلدة.", "OPPOSITION"),
        ("ارتقاء 5 شهداء بقصف صاروخي مصدره مناطق سيطرة قسد.", "SDF"),
    ],
)
def test_a_perpetrator_cue_reaches_the_side_past_agents_and_places(text, side):
    assert one(text)["perpetrator"] == side


def test_remnants_of_the_fallen_government_are_not_todays_government_forces():
    m = one("وقتلت قوات الأمن العام 4 من فلول النظام في كمين بريف اللاذقية.")
    assert (m["best"], m["victim"], m["perpetrator"]) == (4, "OTHER", "SYR_GOV")
    assert one("وقتل عنصران من الأمن العام بهجوم لفلول النظام.")["perpetrator"] == "OTHER"


def test_a_village_named_kafr_is_not_ك_plus_a_flight_verb():
    assert mentions("كما طال القصف محيط مدينة الأتارب وبلدة كفر عمة بذات الريف.") == []


def test_a_toll_over_a_span_of_years_is_cumulative():
    text = "وبين 2017 و2020، بلغ عدد الفارين من هجمات النظام مليوني مدني نزحوا إلى الحدود."
    assert one(text)["scope"] == "cumulative"


def test_displaced_people_an_attack_hit_are_not_newly_displaced():
    assert mentions("بغارات جوية روسية استهدفت نازحين في منطقة النهر الأبيض.") == []


def test_a_side_owning_the_place_people_came_from_is_not_their_side():
    text = "وخرج أكثر من 5 آلاف شخص من الجيب الأخير للتنظيم، بينهم نساء وأطفال."
    assert one(text)["victim"] == "CIVILIANS"
    # fighters at a side's checkpoint are that side's
    assert one("قتل 3 عناصر على حاجز لقسد.")["victim"] == "SDF"


def test_a_spokesman_speaks_for_the_side_named_after_him():
    m = mentions("وقال المتحدث باسم قسد إن مقاتليهم قتلوا 41 إرهابياً وأسروا 5 آخرين.")[0]
    assert (m["claimed_by"], m["perpetrator"], m["victim"]) == ("SDF", "SDF", "UNKNOWN")


@pytest.mark.parametrize(
    "text, best",
    [
        ("مما أدى إلى استشهاد جيهان بلكين وناظم داشتان، وإصابة السائق.", 2),
        ("مقتل أحمد محمد العلي وزوجته بقصف على المنزل.", 2),
    ],
)
def test_full_names_joined_after_a_trigger_count_the_people_named(text, best):
    assert mentions(text)[0]["best"] == best


@pytest.mark.parametrize(
    "text",
    ["قتل صديقتها خنقاً وسرقت مصاغها الذهبي.", "أدى إلى استشهاد إحدى إدارياته، شهناز عمر."],
)
def test_words_after_a_trigger_that_are_not_a_list_of_names_count_no_one(text):
    assert [r["best"] for r in mentions(text)] in ([], [1])


def test_a_naming_verb_right_after_a_trigger_with_a_pronoun_is_no_new_person():
    text = "مما أدى إلى فقدان شخص لحياته يدعى يوسف الحايك البالغ من العمر 30 عاماً."
    assert [r["best"] for r in mentions(text)] == [1]


@pytest.mark.parametrize(
    "text",
    [
        "قتل 10 أشخاص بحسب المرصد. بينما قالت سانا إن 15 شخصاً قتلوا في الهجوم.",
        "قتل 10 أشخاص بحسب المرصد، في حين قالت سانا إن 15 شخصاً قتلوا.",
    ],
)
def test_another_sources_rival_figure_is_an_alternative_not_more_casualties(text):
    assert [r["relation"] for r in mentions(text)] == ["", "alternative_to:m1"]


def test_another_event_after_فيما_is_not_a_rival_account():
    text = "قتل 10 أشخاص بحسب المرصد. فيما قتل 3 أشخاص في درعا بحسب تجمع أحرار حوران."
    assert [r["relation"] for r in mentions(text)] == ["", ""]


def test_more_people_of_the_same_kind_told_with_others_are_not_a_repeat():
    text = "قتل 4 مدنيين في غارة روسية. وقتل 4 مدنيين آخرين في غارة ثانية على بلدة مجاورة."
    assert [r["relation"] for r in mentions(text)] == ["", ""]


def test_an_aggression_with_a_nationality_names_the_perpetrator():
    m = one("استشهد مدنيان جراء عدوان إسرائيلي استهدف سيارة في حي المزة بدمشق.")
    assert m["perpetrator"] == "ISRAEL"


def test_a_toll_over_a_stated_period_is_cumulative_and_snhr_by_another_name():
    m = one(
        'وذكرت شبكة حقوق الإنسان السورية "SNHR"، أن الهجمات أسفرت عن مقتل 843 مدنياً على الأقل'
        " خلال الفترة من 26 نيسان إلى 19 آب 2021."
    )
    assert (m["scope"], m["claimed_by"]) == ("cumulative", "SNHR")


def test_a_felling_verb_with_a_pronoun_points_back_to_the_person_shot():
    m = one("أطلق مسلحون مجهولون النار على شاب وأردوه قتيلاً في بلدة طفس.")
    assert (m["victim"], m["perpetrator"]) == ("CIVILIANS", "UNKNOWN")
    rows = mentions(
        'مقتل "سامر العبدالله" نائب رئيس المجلس المدني. وقالت مصادر إن عناصر الدورية'
        " أردوه قتيلاً أمام منزله."
    )
    assert [r["relation"] for r in rows] == ["", "same_as:m1"]
    # a single person named in the sentence is the one the pronoun points to
    text = "مقتل شاب في درعا. وانفجر لغم بدراجة يقودها أحد العناصر ما أدى لمقتله."
    assert [r["relation"] for r in mentions(text)] == ["", ""]


def test_others_named_with_their_side_give_it_to_the_casualties_before_them():
    rows = mentions("سقط 6 قتلى وأصيب 9 آخرون في صفوف فصيل صقور الشام.")
    assert [r["victim"] for r in rows] == ["OPPOSITION", "OPPOSITION"]
    assert one("قصف روسي يقتل 6 عناصر من «الجبهة الوطنية»")["victim"] == "OPPOSITION"


@pytest.mark.parametrize("text", ["وجرى أسر العديد من عناصر التنظيم.", "وأسر عدد من عناصر النظام."])
def test_capturing_a_vague_number_of_fighters_is_detention(text):
    m = one(text)
    assert (m["category"], m["qualifier"]) == ("detained", "vague")
    assert mentions("تعاني أسر عديدة من الفقر.") == []


def test_animals_and_whose_they_are_count_no_one():
    assert mentions("ما تسبب بنفوق وإصابة عدداً من الأبقار لأحد المزارعين.") == []
    assert mentions("استهدفت مناطق حراجية، تسببت بإصابة عدد من الأحصنة في الموقع.") == []


@pytest.mark.parametrize(
    "text",
    [
        "جنود التحالف الدولي يقتلون مواطناً استضاف قيادياً في التنظيم بريف الرقة.",
        "التحالف الدولي يعرب عن أسفه لمقتل مدني ويحمل قسد مسؤولية البلاغ الكاذب.",
        "قتلت امرأة باشتباك بين دورية من قسد ومجموعة من عائلة العسكر في بلدة ذيبان.",
    ],
)
def test_a_side_named_after_a_verb_or_another_person_is_not_plain_peoples(text):
    assert one(text)["victim"] == "CIVILIANS"


@pytest.mark.parametrize(
    "text, side",
    [
        ("قتل 3 أشخاص من قسد.", "SDF"),
        ("اعتقال 5 شبان تابعين لقسد.", "SDF"),
        ('أسفرت العملية عن اعتقال مسؤول التسليح لـ "داعش" سابقاً.', "ISIS"),
    ],
)
def test_plain_people_named_as_members_of_a_side_are_its(text, side):
    assert one(text)["victim"] == side


def test_iran_backed_brigades_by_name():
    assert one("وأصيب 4 عناصر من اللواء 313 بانفجار عبوة.")["victim"] == "IRAN"


@pytest.mark.parametrize(
    "text", ["عثر الأهالي على جثتي شابين قرب الطريق.", "عثر على جثتي رجل وامرأة في البادية."]
)
def test_the_construct_dual_of_a_body_counts_two_dead(text):
    m = one(text)
    assert (m["category"], m["best"]) == ("killed", 2)


def test_bodies_with_a_pronoun_are_those_of_people_told_before():
    rows = mentions('"قسد" تقتل أما وابنها وتخطف جثمانيهما.')
    assert [r["best"] for r in rows if not r["relation"]] == [2]


def test_an_enumeration_after_هم_keeps_its_parts_past_places_and_sides():
    rows = mentions(
        "قتل 14 شخصاً خلال اليوم، وهم: 5 مدنيين في درعا، و4 عناصر من قوات النظام في البادية،"
        " و3 من الفصائل، و2 من قسد."
    )
    parts = [(r["best"], r["victim"]) for r in rows if r["relation"] == "subset_of:m1"]
    assert parts == [(5, "CIVILIANS"), (4, "SYR_GOV"), (3, "OPPOSITION"), (2, "SDF")]
    # not after 'بينهم', and never more than the whole
    rows = mentions("قتل 3 مدنيين بينهم طفلان في درعا، و4 في حمص.")
    assert [r["best"] for r in rows if r["relation"] == "subset_of:m1"] == [2]


@pytest.mark.parametrize(
    "text, best",
    [
        ("مقتل ثلاثينية على يد صديقتها وسط مدينة حلب.", 1),
        ("وقتل معه مسؤول ثان لم تحدد هويته بعد.", 1),
        ("حيث استشهدت مراسلة وكالة هاوار جيهان بلكين والصحفي ناظم داشتان في هجوم.", 2),
    ],
)
def test_people_named_by_age_or_trade_and_with_معه(text, best):
    assert mentions(text)[0]["best"] == best


def test_a_person_joined_to_one_told_before_is_someone_else():
    rows = mentions(
        "مقتل كادر في استهداف جوي تركي لسيارة في عين العرب. وقال المرصد إن الاستهداف أدى"
        " لمقتل أحد الكوادر مع سائقه."
    )
    assert [r["relation"] for r in rows] == ["", "same_as:m1", ""]


@pytest.mark.parametrize(
    "text, side",
    [
        ("وقصفت المدفعية التركية قرى ريف تل تمر ما أدى لإصابة 3 مدنيين بجروح.", "TURKEY"),
        ("في مجزرة ارتكبتها الطائرات الحربية الروسية أدت إلى مقتل 5 مدنيين.", "RUSSIA"),
    ],
)
def test_an_attack_verb_with_a_nationality_on_its_subject_names_the_perpetrator(text, side):
    assert one(text)["perpetrator"] == side


def test_the_attackers_adjective_does_not_reach_past_a_rival_clause():
    rows = mentions(
        "سقط 6 قتلى نتيجة غارات جوية نفذتها مقاتلات حربية روسية، بينما وثقت منظمة إنسانية"
        " مقتل 5 مدنيين نتيجة الاقتتال بين فصائل المعارضة."
    )
    assert [r["perpetrator"] for r in rows] == ["RUSSIA", ""]


def test_a_cue_reaches_the_side_holding_the_areas_the_fire_came_from():
    text = (
        "وإصابة 5 مدنيين بينهم امرأتان، بقصف صاروخي منتصف الليل، مصدره المناطق التي تسيطر"
        " عليها قوات سوريا الديمقراطية."
    )
    assert mentions(text)[0]["perpetrator"] == "SDF"


@pytest.mark.parametrize(
    "text",
    ["ارتفاع عدد قتلى فصيل صقور الشام إلى 3.", "ارتفاع عدد القتلى من فصيل صقور الشام إلى 3."],
)
def test_a_toll_of_a_faction_named_with_فصيل_is_its_sides(text):
    assert one(text)["victim"] == "OPPOSITION"


@pytest.mark.parametrize(
    "text, source",
    [
        ("وأعلنت هيئة تحرير الشام تنفيذ عملية أسفرت عن مقتل أكثر من 15 عنصراً.", "HTS"),
        ("وقال الجيش الوطني إن 4 من عناصره قتلوا.", "Syrian National Army"),
    ],
)
def test_a_faction_saying_so_is_the_source(text, source):
    assert mentions(text)[0]["claimed_by"] == source
    assert one("قتل 3 عناصر من هيئة تحرير الشام بقصف روسي.")["claimed_by"] == "outlet"


def test_a_running_total_cue_after_a_negation_is_not_the_figures():
    text = (
        "وقصفت قوات النظام منطقة جلين، ما تسبب بمقتل وإصابة عدد من المدنيين، لم ترد أنباء عن"
        " عددهم حتى الآن."
    )
    assert one(text)["scope"] == "incident"
    assert one("قتل 400 شخص حتى الآن.")["scope"] == "cumulative"


def test_families_leaving_a_camp_are_displaced():
    m = one("وخرجت 50 عائلة من المخيم باتجاه مناطق أكثر أمناً.")
    assert (m["category"], m["best"]) == ("displaced", 50)
    assert mentions("وشهدت الكلية تخرج ضباط جدد.") == []


def test_one_more_person_is_not_the_first_told_again():
    rows = mentions("قتل مدني في حمص. وقتل مدني آخر في حماة.")
    assert [r["relation"] for r in rows] == ["", ""]
    rows = mentions("مقتل رئيس وحدة تحويل الأموال في حزب الله. وقتل معه مسؤول ثان لم تحدد هويته.")
    assert [(r["best"], r["relation"]) for r in rows] == [(1, ""), (1, "")]


@pytest.mark.parametrize(
    "text",
    [
        "فنزويلا.. مسيرة حاشدة دعماً للرئيس المعتقل مادورو",
        "باتت المنطقة الملاذ الأخير لآلاف العائلات التي هجرتها قوات النظام.",
    ],
)
def test_who_someone_is_and_whom_a_relative_clause_names_are_no_new_figures(text):
    assert mentions(text) == []


def test_the_injured_person_named_again_with_ال_is_not_counted_twice():
    rows = mentions("مقتل طفلة وإصابة امرأة. فرقنا أسعفت المرأة المصابة إلى المشفى.")
    assert [r["category"] for r in rows] == ["killed", "injured"]


def test_a_name_that_died_of_its_wounds_is_one():
    m = one("توفي أحمد متأثراً بإصاباته يوم 10 أكتوبر في مستشفى تركي.")
    assert (m["category"], m["best"]) == ("killed", 1)
    assert mentions("توفي في المشفى متأثراً بجراحه.") == []


def test_a_man_and_a_woman_told_apart_are_two_people():
    rows = mentions("قتل شاب في درعا. وفي حمص قتل مسلحون امرأة.")
    assert [r["relation"] for r in rows] == ["", ""]
    # the same person told with another word may still be a repeat
    rows = mentions("استشهاد امرأة بالقصف. واستشهاد سيدة بالقصف على البلدة.")
    assert [r["relation"] for r in rows] == ["", "same_as:m1"]


def test_friends_and_neighbours_are_people():
    assert one('حيث أقدمت المدعوة "إيمان" على قتل صديقتها "إقبال" بعد استدراجها.')["best"] == 1
    assert one("وأصيب جاره بجروح.")["category"] == "injured"


@pytest.mark.parametrize(
    "text",
    [
        "أعلن التنظيم تنفيذ 59 عملية خلال الـ68 يوماً الماضية، ما أدى إلى مقتل وإصابة 122 عنصراً.",
        "قتل 3 مدنيين خلال الأيام الماضية بقصف متقطع.",
    ],
)
def test_a_toll_over_a_count_of_days_is_cumulative(text):
    assert one(text)["scope"] == "cumulative"


def test_how_badly_one_of_the_injured_is_hurt_is_a_part_not_one_more():
    rows = mentions(
        "وأسفر القصف عن مقتل شخص وإصابة 3 أطفال بجروح. وذكرت المصادر أن إصابة أحد الأطفال خطيرة."
    )
    assert [r["relation"] for r in rows] == ["", "", "subset_of:m2"]


def test_members_of_a_side_named_with_من_before_the_number_are_the_subject():
    m = one("أعدم عناصر من قسد ثلاثة مدنيين رمياً بالرصاص.")
    assert (m["best"], m["victim"], m["perpetrator"]) == (3, "CIVILIANS", "SDF")


def test_some_of_the_injured_among_killed_or_injured_are_a_part_of_it():
    rows = mentions(
        "وأسفر الاستهداف عن سقوط عدد من المدنيين بين شهيد وجريح، تم نقلهم إلى مشافي المدينة"
        " وثلاثة من الجرحى حالتهم خطرة."
    )
    assert [r["relation"] for r in rows] == ["", "subset_of:m1"]


def test_a_toll_over_several_massacres_is_cumulative():
    text = 'وقدرت الصحيفة عدد الضحايا في مجموعة المجازر تلك بنحو 350 شخصاً، قتلوا على يد "فرع 227".'
    assert one(text)["scope"] == "cumulative"
    assert one("ارتكبت قوات النظام مجزرة راح ضحيتها 7 مدنيين.")["scope"] == "incident"


@pytest.mark.parametrize(
    "text",
    [
        "وتستهدف الطائرات الأحياء السكنية بشكل متكرر، وغالباً ما يخلف القصف شهداء وجرحى.",
        "ويبقى المدنيون هم الضحية دائماً في هذه الحرب.",
    ],
)
def test_what_attacks_usually_do_counts_no_one(text):
    assert mentions(text) == []


def test_a_habit_in_another_clause_does_not_hide_a_figure():
    assert one("تتعرض البلدة دائماً للقصف، وأدى قصف اليوم لسقوط جرحى.")["category"] == "injured"


def test_an_age_in_a_breakdown_is_not_a_part_of_the_figure():
    rows = mentions("وقتل مدنيان اثنان (رجل مسن، وفتى بعمر 18 عاماً) بقصف مدفعي.")
    assert [(r["best"], r["relation"]) for r in rows] == [(2, "")]


def test_fighters_after_any_are_no_one_in_particular():
    text = "سقط شهداء في مجزرة جديدة، وهم مدنيون ولم تكن لهم أي ارتباطات بأي فصيل مسلح."
    assert one(text)["victim"] == "CIVILIANS"
    assert one("سقط شهداء في اشتباكات مع فصيل مسلح.")["victim"] == "UNKNOWN"


def test_a_soldiers_word_after_a_casualty_noun_makes_them_soldiers():
    text = "وأسفر العدوان عن ارتقاء شهيدين عسكريين وإصابة سبعة آخرين."
    assert [r["victim"] for r in mentions(text)] == ["SYR_GOV", "SYR_GOV"]
    assert one("سقط قتيلان مدنيان.")["victim"] == "CIVILIANS"


def test_a_bare_number_in_a_parallel_phrase_counts_the_same_people():
    text = "ووثقت الشبكة مقتل 7 مدنيين على يد قوات النظام، و3 على يد قسد، و2 على يد الفصائل."
    rows = mentions(text)
    assert [(r["best"], r["victim"], r["perpetrator"], r["relation"]) for r in rows] == [
        (7, "CIVILIANS", "SYR_GOV", ""),
        (3, "CIVILIANS", "SDF", ""),
        (2, "CIVILIANS", "OPPOSITION", ""),
    ]
    rows = mentions("قتل 94 مدنياً، 40 منهم على يد قوات النظام، و20 على يد القوات الروسية.")
    assert [(r["best"], r["relation"]) for r in rows][1:] == [
        (40, "subset_of:m1"),
        (20, "subset_of:m1"),
    ]
    assert [r["best"] for r in mentions("قتل 3 مدنيين في إدلب و2 في حلب.")] == [3, 2]
    rows = mentions("قتل مدني، وأصيب 4 مدنيين في إدلب و2 في حلب بجروح.")
    assert [(r["category"], r["best"]) for r in rows][1:] == [("injured", 4), ("injured", 2)]
    assert [r["best"] for r in mentions("قتل 3 مدنيين في إدلب و2 من حلب.")] == [3]
    rows = mentions("قتل 3 مدنيين بينهم طفلان في درعا، و4 في حمص.")
    assert [(r["best"], r["relation"]) for r in rows] == [(3, ""), (2, "subset_of:m1"), (4, "")]


def test_a_breakdown_by_side_after_the_sides_named_is_the_figures_parts():
    rows = mentions("قتل 4 عناصر من الطرفين، 3 من قسد و1 من الفصائل.")
    assert [(r["best"], r["victim"], r["relation"]) for r in rows] == [
        (4, "MIXED", "aggregate_of:m2+m3"),
        (3, "SDF", ""),
        (1, "OPPOSITION", ""),
    ]
    rows = mentions("وتسببت الاشتباكات بمقتل 4 عناصر من الطرفين، 3 منهم من قسد وواحد من الفصائل.")
    assert [(r["best"], r["victim"]) for r in rows][:2] == [(4, "MIXED"), (3, "SDF")]
    assert [r["best"] for r in mentions("قتل 3 عناصر من قسد، و2 من الفصائل.")] == [3, 2]


def test_a_vague_count_then_killed_and_injured_counts_both_together():
    m = one("وأوقعت وحدات الجيش العشرات من إرهابيي داعش بين قتيل ومصاب.")
    assert (m["category"], m["best"], m["victim"]) == ("killed_or_injured", 10, "ISIS")
    assert one("سقوط العشرات بين قتيل وجريح.")["best"] == 10


def test_freed_captives_and_fleeing_fighters_are_no_new_casualties():
    assert mentions("وتم تحرير 5 مختطفين كانوا محتجزين لدى التنظيم.") == []
    assert mentions("وفرّ العشرات من مسلحي داعش باتجاه البادية.") == []
    assert one("فر 300 مدني من القرية.")["category"] == "displaced"


def test_a_side_announcing_its_strike_or_its_mens_deed_did_it():
    text = "وأعلنت القيادة المركزية الأمريكية (سنتكوم) مقتل قيادي بارز في تنظيم داعش بغارة."
    assert one(text)["perpetrator"] == "COALITION"
    assert one("وقالت قسد إن 3 مدنيين قتلوا بغارة.")["perpetrator"] == ""
    text = "وذكر المركز الإعلامي لقوات سوريا الديمقراطية أن مقاتليهم قتلوا 3 من مرتزقة الاحتلال التركي."
    assert one(text)["perpetrator"] == "SDF"


@pytest.mark.parametrize(
    ("text", "victim"),
    [
        ("قتل 3 عناصر من لواء القدس في البادية.", "SYR_GOV"),
        ("قتل عنصران من قوات الصناديد في ريف الحسكة.", "SDF"),
        ("قتل 4 عناصر من جيش سوريا الحرة قرب التنف.", "OPPOSITION"),
        ("قتل 5 عناصر من الحزب الإسلامي التركستاني بغارة.", "OPPOSITION"),
    ],
)
def test_more_armed_groups_have_their_sides(text, victim):
    assert one(text)["victim"] == victim


def test_wanted_men_and_suspects_are_people_of_no_side_said():
    m = one("اعتقلت قوات الأمن العام عشرات المطلوبين في حملة أمنية بريف حمص.")
    assert (m["category"], m["best"], m["victim"]) == ("detained", 10, "UNKNOWN")
    assert one("اعتقلت قسد 5 مشتبهين بالانتماء لداعش.")["victim"] == "ISIS"
    text = 'مقتل "سامر" نائب رئيس المجلس المدني برصاص قسد أثناء ملاحقة أحد المطلوبين.'
    assert one(text)["victim"] == "CIVILIANS"


def test_the_victim_named_again_with_al_is_the_one_told():
    rows = mentions("قتل شاب برصاص مجهولين. وقال ذوو الضحية إنه كان عائداً من عمله.")
    assert [(r["best"], r["relation"]) for r in rows] == [(1, ""), (1, "same_as:m1")]
    rows = mentions("قتل 5 مدنيين بقصف على البلدة. وشيّع الأهالي الشهيد محمد في المساء.")
    assert [r["relation"] for r in rows][1:] in ([], ["subset_of:m1"])
    assert one("ارتفعت الحصيلة النهائية للمجزرة إلى 22 قتيلاً.")["victim"] == "CIVILIANS"


@pytest.mark.parametrize(
    ("text", "perpetrator"),
    [
        ("قوات النظام تقصف جبل الزاوية وتقتل 3 مدنيين", "SYR_GOV"),
        ("طائرة تركية تستهدف سيارة وتقتل شخصين", "TURKEY"),
        ("الاحتلال التركي يستهدف قرية ويصيب مواطنين", "TURKEY"),
    ],
)
def test_a_casualty_verb_joined_to_an_attacking_verb_shares_its_subject(text, perpetrator):
    assert one(text)["perpetrator"] == perpetrator


def test_the_name_ali_before_a_conjunct_is_a_name_not_a_preposition():
    rows = mentions("استشهد الطفل علي محمد الحسن (8 أعوام) ووالدته إثر غارة روسية.")
    assert [(r["best"], r["relation"]) for r in rows][0] == (2, "")
    assert [r["best"] for r in mentions("قتل شاب على يد مسلحين.")] == [1]


def test_the_dead_are_n_is_a_toll_and_a_rival_account():
    text = "قالت سانا إن 4 مدنيين استشهدوا، في حين قال المرصد إن القتلى 6 بينهم عنصران."
    rows = mentions(text)
    assert [(r["best"], r["relation"], r["claimed_by"]) for r in rows] == [
        (4, "", "SANA"),
        (6, "alternative_to:m1", "SOHR"),
        (2, "subset_of:m2", "SOHR"),
    ]
    assert [r["best"] for r in mentions("أصيب 10 أشخاص، الجرحى 3 منهم بحالة خطرة.")] == [10]


def test_a_health_directorate_is_a_source():
    assert one("وأكدت مديرية الصحة في إدلب مقتل 8 أشخاص.")["claimed_by"] == "health directorate"


def test_the_side_that_laid_a_mine_caused_its_casualties():
    rows = mentions("قُتل 7 من قوات النظام وأصيب 10 آخرون بانفجار ألغام زرعها التنظيم.")
    assert [r["perpetrator"] for r in rows] == ["ISIS", "ISIS"]
    assert one("قتل طفلان بانفجار لغم من مخلفات تنظيم داعش.")["perpetrator"] == "ISIS"
    assert one("قتل طفلان بانفجار لغم من مخلفات الحرب.")["perpetrator"] == ""


def test_the_side_that_repels_an_attack_kills_the_attackers():
    m = one("تصدت قسد لهجوم خلايا داعش وقتلت 3 منهم.")
    assert (m["victim"], m["perpetrator"]) == ("ISIS", "SDF")
    m = one("وتصدت وحدات الجيش لهجوم إرهابيي داعش على نقاطها وقضت على عدد منهم.")
    assert (m["category"], m["victim"], m["perpetrator"]) == ("killed", "ISIS", "SYR_GOV")
    assert one("قتل 5 عناصر من قسد في هجوم لخلايا داعش.")["perpetrator"] == "ISIS"


def test_the_attackers_do_not_make_the_casualties_fighters():
    text = "ارتقى شهيدان من المدنيين وجرح ثلاثة آخرون في اعتداء الإرهابيين على قرية الرصيف."
    assert [r["victim"] for r in mentions(text)] == ["CIVILIANS", "CIVILIANS"]
    assert one("سقط شهداء من المسلحين في القرية.")["victim"] != "CIVILIANS"


def test_a_casualty_noun_in_the_feminine_is_a_woman_so_a_civilian():
    rows = mentions("شهيدة وجرحى بقصف مدفعي استهدف مدينة إعزاز.")
    assert [(r["category"], r["victim"], r["best"]) for r in rows] == [
        ("killed", "CIVILIANS", 1),
        ("injured", "CIVILIANS", 3),
    ]
    assert one("سقوط قتيلة من قوات النظام.")["victim"] == "SYR_GOV"
    assert one("سقوط جريحات في القصف.")["category"] == "injured"


def test_the_side_behind_a_raid_campaign_or_massacre_is_its_perpetrator():
    m = one("ضحايا حملة مداهمات ميليشيا قسد لمدينة ذيبان فجر اليوم، وجميعهم من المدنيين.")
    assert (m["victim"], m["perpetrator"]) == ("CIVILIANS", "SDF")
    assert one("سقط شهداء في مجزرة لقوات النظام.")["perpetrator"] == "SYR_GOV"


def test_an_adverb_between_the_subject_and_the_object_keeps_the_subject_the_perpetrator():
    m = one("أعدمت قوات النظام ميدانياً 4 شبان بعد اعتقالهم على حاجز.")
    assert (m["best"], m["victim"], m["perpetrator"]) == (4, "CIVILIANS", "SYR_GOV")


def test_a_ministry_named_without_its_country_is_a_source():
    rows = mentions(
        "وقال المرصد السوري لحقوق الإنسان إن عدد القتلى ارتفع إلى 17، في حين أكدت وزارة"
        " الداخلية مقتل 9 أشخاص فقط."
    )
    assert [(r["best"], r["claimed_by"], r["relation"]) for r in rows] == [
        (17, "SOHR", ""),
        (9, "interior ministry", "alternative_to:m1"),
    ]


def test_members_of_a_rescue_service_are_civilians():
    assert one("وأصيب 3 من عناصر الدفاع المدني أثناء قيامهم بإسعاف المصابين.")["victim"] == (
        "CIVILIANS"
    )
    assert one("قتل 3 عناصر من قوات النظام قرب مركز للدفاع المدني.")["victim"] == "SYR_GOV"


@pytest.mark.parametrize(
    "text", ["عثر الأهالي على جثتي شابين في البساتين.", "عثر على جثتين لرجلين مكبلي الأيدي."]
)
def test_bodies_of_two_people_named_with_a_dual_are_civilians(text):
    m = one(text)
    assert (m["best"], m["victim"]) == (2, "CIVILIANS")


def test_a_group_word_between_a_person_and_the_side_keeps_the_side():
    assert one("قتل قيادي في تنظيم حراس الدين بضربة جوية.")["victim"] == "OPPOSITION"


def test_the_thousands_are_a_noun_of_their_own_not_a_count_of_the_next_word():
    rows = mentions("وشيّع الآلاف جثمان القيادي في مدينة إدلب.")
    assert [(r["best"], r["qualifier"]) for r in rows] == [(1, "exact")]
    assert one("قتل العشرات في القصف.")["best"] == 10


def test_people_still_held_are_a_standing_count():
    m = one("ويقبع في سجون النظام أكثر من 100 ألف معتقل بحسب تقديرات حقوقية.")
    assert (m["category"], m["best"], m["scope"]) == ("detained", 100000, "cumulative")


def test_a_nationality_after_thousands_names_people():
    m = one("وذكرت الأمم المتحدة أن 6.8 مليون سوري نزحوا داخلياً منذ عام 2011.")
    assert (m["category"], m["victim"], m["best"]) == ("displaced", "CIVILIANS", 6800000)
    assert one("قتل 3 آلاف فلسطيني.")["victim"] == "CIVILIANS"


def test_people_after_a_word_of_addition_are_more_casualties_of_the_figure_before():
    rows = mentions(
        "أسفرت الاشتباكات عن مقتل 7 من عناصر قسد و5 من مقاتلي العشائر، إضافة إلى مدنيين اثنين."
    )
    assert [(r["best"], r["victim"]) for r in rows] == [(7, "SDF"), (5, "OTHER"), (2, "CIVILIANS")]
    assert [r["best"] for r in mentions("قتل 3 مدنيين، إضافة إلى أضرار مادية في 5 منازل.")] == [3]


def test_a_risen_toll_with_no_side_counts_the_casualties_told_before_and_replaces_them():
    rows = mentions(
        "قُتل أربعة مدنيين وأصيب 9 آخرون جراء غارات جوية. من جهته، قال المرصد إن حصيلة"
        " القتلى ارتفعت إلى 6 بعد وفاة اثنين من الجرحى متأثرين بجراحهما."
    )
    killed = [(r["best"], r["victim"], r["relation"]) for r in rows if r["category"] == "killed"]
    assert killed == [
        (4, "CIVILIANS", "alternative_to:m3"),
        (6, "CIVILIANS", ""),
        (2, "CIVILIANS", "subset_of:m3"),
    ]


def test_a_risen_toll_after_casualties_of_several_sides_keeps_no_side():
    rows = mentions(
        "قتل 7 من عناصر قسد و5 من مقاتلي العشائر. وبذلك يرتفع عدد قتلى الاشتباكات إلى 63 قتيلاً."
    )
    assert rows[-1]["victim"] == "UNKNOWN"


def test_the_people_whose_weapon_killed_are_not_the_victims():
    rows = mentions("وقالت الشبكة إن الشاب قُتل برصاص عناصر قسد خلال عملية مداهمة.")
    assert [(r["best"], r["victim"], r["perpetrator"]) for r in rows] == [(1, "CIVILIANS", "SDF")]
    m = one("أصيب برصاص جنود الاحتلال طفل في درعا.")
    assert (m["best"], m["victim"], m["perpetrator"]) == (1, "CIVILIANS", "ISRAEL")


def test_a_numbered_roster_of_names_counts_the_names():
    m = one("أسماء الشهداء:\n1- أحمد محمد العلي\n2- خالد حسن الأحمد (25 عاماً)\n3- سامر علي الخلف")
    assert (m["category"], m["best"], m["qualifier"]) == ("killed", 3, "exact")
    assert m["text"].endswith("سامر علي الخلف")
    m = one(
        "بعض أسماء المعتقلين الذين وثقناهم خلال الحملة: 1) علي محمد العلي 2) مازن صبوح 3) عضيان"
    )
    assert (m["category"], m["best"], m["low"], m["high"]) == ("detained", 3, 3, None)


def test_a_numbered_list_of_counts_is_not_a_roster():
    m = mentions("أسماء المصابين: 1- أحمد 2- سعيد 3- 4 أطفال من عائلة واحدة")[0]
    assert (m["best"], m["text"]) == (2, "المصابين: 1- أحمد 2- سعيد")  # (the names only)
    rows = mentions("حصيلة القتلى: 1- 5 أطفال 2- 3 نساء")
    assert not any((r["best"], r["qualifier"]) == (2, "exact") for r in rows)


def test_a_number_of_after_and_is_a_group_of_its_own():
    rows = mentions("وأسفر القصف عن سقوط شهيدين وعدد من الجرحى في صفوف المدنيين.")
    assert [(r["category"], r["best"], r["qualifier"]) for r in rows] == [
        ("killed", 2, "exact"),
        ("injured", 3, "vague"),
    ]


def test_a_side_named_after_a_word_of_fighting_is_the_enemy():
    rows = mentions("قُتل 5 من عناصر هيئة تحرير الشام وجُرح آخرون باشتباكات مع قوات النظام.")
    assert [r["victim"] for r in rows] == ["OPPOSITION", "OPPOSITION"]
    assert one("قتل 3 عناصر باشتباكات مع قسد.")["victim"] == "UNKNOWN"


def test_a_verb_told_of_the_person_before_it_does_not_count_the_next_verbs_people():
    rows = mentions("لقي طفل حتفه وأصيب شقيقه بعد انفجار قنبلة من مخلفات الحرب.")
    assert [(r["category"], r["best"]) for r in rows] == [("killed", 1), ("injured", 1)]


def test_a_source_named_as_the_people_counted_is_not_the_claimant():
    m = one("وأصيب ستة من عناصر الدفاع المدني خلال محاولتهم إخماد الحريق.")
    assert (m["victim"], m["claimed_by"]) == ("CIVILIANS", "outlet")
    assert one("قتل 3 مدنيين بحسب الدفاع المدني.")["claimed_by"] == "Syria Civil Defence"


@pytest.mark.parametrize(
    "text",
    [
        "قال المرصد إن 12 شخصاً قتلوا، 7 منهم مدنيون.",
        "قال المرصد إن 12 شخصاً قتلوا في الغارة، 7 منهم مدنيون.",
    ],
)
def test_a_part_after_the_verb_and_a_comma_leaves_the_whole_its_verb(text):
    rows = mentions(text)
    assert [(r["best"], r["relation"]) for r in rows] == [(12, ""), (7, "subset_of:m1")]


@pytest.mark.parametrize(
    "text,victim",
    [
        (
            "أفادت مصادر محلية مقتل قيادي في مجلس دير الزور المدني برصاص عناصر قسد بالخطأ.",
            "CIVILIANS",
        ),
        ("اغتيال قيادي في المجلس المدني لمدينة الرقة.", "CIVILIANS"),
        ("مقتل قيادي في مجلس دير الزور العسكري بهجوم لخلايا داعش.", "SDF"),
        ("مقتل عنصرين من شرطة بلدية سرمدا.", "UNKNOWN"),
    ],
)
def test_officials_of_a_civil_council_are_civilians_but_not_its_police(text, victim):
    assert one(text)["victim"] == victim


def test_a_feminine_dual_with_a_possessive_counts_two_after_a_name_and_an_age():
    m = one("أدى القصف لمقتل المواطن إسماعيل مصطفى (37) عاماً، وطفلتيه فاطمة وعائشة.")
    assert (m["best"], m["victim"]) == (3, "CIVILIANS")
    assert one("مقتل امرأة وطفلتيها بقصف مدفعي.")["best"] == 3


def test_loss_of_lives_reaches_past_the_people_named_and_aged():
    text = "وتسبب القصف بفقدان المواطن إسماعيل مصطفى (37) عاماً، وطفلتيه فاطمة وعائشة (12 و 13عام) لحياتهم."
    assert (one(text)["category"], one(text)["best"]) == ("killed", 3)
    assert mentions("فقد الطفل والده وبقي في المنزل حتى الصباح مع أمه وأخيه الصغير وجدته.") == []


@pytest.mark.parametrize(
    "text,best,qualifier",
    [
        (
            "أصيب في القصف أطفال الفقيد (حسين، خلود، إيمان، علي، بحرية وأعمارهم بين 1 و10 أعوام).",
            5,
            "exact",
        ),
        ("استشهد مدنيون (أحمد الحسن ومحمد العلي) في القصف.", 2, "exact"),
        ("وأصيب أطفال (دون سن العاشرة) بجروح.", 3, "vague"),
    ],
)
def test_names_in_brackets_after_a_plural_count_the_people(text, best, qualifier):
    m = one(text)
    assert (m["best"], m["qualifier"]) == (best, qualifier)


@pytest.mark.parametrize(
    "text,victim",
    [
        ("قتل 10 أشخاص بينهم 4 مدنيين في اشتباكات بريف درعا.", "MIXED"),
        ("قتل 5 أشخاص بينهم مدنيان.", "MIXED"),
        ("قتل 10 أشخاص بينهم 4 أطفال.", "CIVILIANS"),
        ("قتل 5 أشخاص بينهم 5 مدنيين.", "CIVILIANS"),
    ],
)
def test_people_of_whom_fewer_are_civilians_are_a_mixed_toll(text, victim):
    assert one(text)["victim"] == victim


def test_fighters_among_a_mixed_toll_are_of_no_side_told():
    rows = mentions("مقتل 15 شخصاً بينهم 9 مقاتلين.")
    assert [(r["best"], r["victim"]) for r in rows] == [(15, "MIXED"), (9, "UNKNOWN")]


def test_a_toll_whose_parts_are_of_two_sides_is_their_aggregate():
    rows = mentions("ارتفع عدد القتلى إلى 12 هم 7 من قوات النظام و5 من الفصائل.")
    assert [(r["best"], r["victim"], r["relation"]) for r in rows] == [
        (12, "MIXED", "aggregate_of:m2+m3"),
        (7, "SYR_GOV", ""),
        (5, "OPPOSITION", ""),
    ]


def test_the_accused_arrested_are_counted_and_take_the_side_the_context_tells():
    assert (one("واعتقل الأمن الداخلي ستة متهمين بالخطف.")["best"]) == 6
    assert one("اعتقلت قسد 3 متهمين بالانتماء لداعش.")["victim"] == "ISIS"
    assert mentions("حكمت المحكمة على 3 متهمين بالإعدام.") == []


@pytest.mark.parametrize(
    "text,second",
    [
        (
            "وأصيب مدني بجروح طفيفة، وعنصر من الجيش الوطني بجروح خطيرة.",
            ("injured", "OPPOSITION", 1),
        ),
        ("قتل مدني برصاص قناص، وطفل برصاص قناص آخر.", ("killed", "CIVILIANS", 1)),
        ("أصيب 3 مدنيين بجروح، وطفل بجروح خطيرة.", ("injured", "CIVILIANS", 1)),
    ],
)
def test_a_person_after_a_comma_told_the_same_way_is_one_more_casualty(text, second):
    rows = mentions(text)
    assert len(rows) == 2 and not rows[1]["relation"]
    assert (rows[1]["category"], rows[1]["victim"], rows[1]["best"]) == second


def test_a_clause_after_a_comma_adds_no_casualty():
    assert len(mentions("أصيب طفل بجروح، وقال الدفاع المدني إن الوضع خطير.")) == 1


@pytest.mark.parametrize(
    "text,qualifier",
    [
        ("وقتل خلال الاشتباكات عشرة عناصر من الطرفين على الأقل.", "at_least"),
        ("قتل 5 عناصر من قوات النظام على الأقل.", "at_least"),
        ("قتل 3 عناصر من قسد في الهجوم على الأقل.", "exact"),
    ],
)
def test_at_least_after_the_side_of_the_people_counted(text, qualifier):
    assert one(text)["qualifier"] == qualifier


@pytest.mark.parametrize(
    "text,best",
    [
        ("اغتيال أحمد الخلف برصاص مجهولين في درعا.", 1),
        ("مقتل عبد الله محمد العلي.", 1),
        ("استشهاد حمزة العلي ومحمد الحسن.", 2),
    ],
)
def test_a_full_name_that_opens_with_a_given_name_is_one_person(text, best):
    assert one(text)["best"] == best


def test_a_given_name_followed_by_words_that_are_no_names_is_no_person():
    assert mentions("مقتل سامي يحكي القصة.") == []


def test_two_people_named_by_two_names_are_two_people():
    text = (
        "قُتل محمد حسن الموسى برصاص مجهولين. وفي التوقيت ذاته، عُثر على جثة ناجي جمعة الخليفة "
        "مقتولاً بطلق ناري."
    )
    rows = mentions(text)
    assert [(r["best"], r["relation"]) for r in rows] == [(1, ""), (1, "")]


@pytest.mark.parametrize(
    "text,perpetrator",
    [
        ("وقصفت مدفعية الجيش الوطني قرية في ريف منبج ما أسفر عن إصابة 3 مدنيين.", "OPPOSITION"),
        ("شنت ميليشيات نظام الأسد حملة قصف على البلدة ما أسفر عن مقتل مدني.", "SYR_GOV"),
    ],
)
def test_the_side_of_an_arm_after_an_attacking_verb_is_the_perpetrator(text, perpetrator):
    assert one(text)["perpetrator"] == perpetrator


@pytest.mark.parametrize(
    "text,category",
    [("شهيدتان في الزعفرانة جراء القصف.", "killed"), ("سقوط جريحتين بقصف على البلدة.", "injured")],
)
def test_a_feminine_dual_casualty_noun_counts_two_women(text, category):
    m = one(text)
    assert (m["category"], m["best"], m["victim"]) == (category, 2, "CIVILIANS")


def test_a_figure_added_with_its_own_trigger_makes_one_total_with_the_one_before():
    rows = mentions("قتل 3 مدنيين، إضافة إلى مقتل 2 من عناصر قسد.")
    assert [(r["best"], r["victim"], r["relation"]) for r in rows] == [
        (5, "MIXED", "aggregate_of:m2+m3"),
        (3, "CIVILIANS", ""),
        (2, "SDF", ""),
    ]
    rows = mentions("أصيب طفلان بجروح، إلى جانب إصابة والدتهما.")
    assert [(r["best"], r["relation"]) for r in rows] == [
        (3, ""),
        (2, "subset_of:m1"),
        (1, "subset_of:m1"),
    ]
    assert len(mentions("قتل 3 مدنيين، إلى جانب إصابة 5 آخرين.")) == 2  # two categories


@pytest.mark.parametrize(
    "text",
    [
        "أبوابنا مفتوحة لأي لاجئين يريدون القدوم.",
        "وتفرض عليهم واقعاً يمنع آلاف المهجّرين من العودة إلى منازلهم.",
    ],
)
def test_any_refugees_and_the_displaced_kept_from_home_are_no_figure(text):
    assert mentions(text) == []


@pytest.mark.parametrize(
    "text,scope",
    [
        ("وثقت الشبكة مقتل 803 أشخاص في الساحل السوري بين 6 و10 آذار.", "cumulative"),
        ("قتل 4 أشخاص بين 28 شباط و3 آذار.", "cumulative"),
        ("قتل 3 مدنيين في 6 آذار.", "incident"),
    ],
)
def test_a_span_of_days_makes_a_running_total(text, scope):
    assert one(text)["scope"] == scope


def test_the_side_named_with_a_rising_toll_is_the_side_of_the_casualty_noun_counted():
    m = one("يرتفع عدد القتلى من قوات النظام إلى 112 قتيلاً.")
    assert (m["best"], m["victim"]) == (112, "SYR_GOV")


def test_cases_of_suffocation_count_people_hurt():
    m = one("سجلت 12 حالة اختناق بين المدنيين.")
    assert (m["category"], m["best"], m["victim"]) == ("injured", 12, "CIVILIANS")
    assert one("أصيب 5 أشخاص بحالات اختناق.")["best"] == 5  # (how they were hurt: no second)


@pytest.mark.parametrize(
    "text,perpetrator",
    [
        ("قوات الأسد تستهدف مدنيين بصاروخ موجه قرب التفاحية وتوقع ثلاثة شهداء.", "SYR_GOV"),
        ("أوقعت وحدات من الجيش العربي السوري قتلى في صفوف الإرهابيين.", "SYR_GOV"),
        ("القوات التركية تقصف تل رفعت وتقتل مدنياً وتصيب آخر.", "TURKEY"),
    ],
)
def test_a_side_acting_in_the_present_tense_or_through_its_unit_is_the_perpetrator(
    text, perpetrator
):
    assert mentions(text)[0]["perpetrator"] == perpetrator


@pytest.mark.parametrize(
    "text,best",
    [
        ("استشهاد الطفل محمد علي الحسن ووالدته.", 2),
        ("قتل أحمد علي العمر وخالد الحسن.", 2),
        ("استشهد محمد علي الحسن جراء القصف.", 1),
    ],
)
def test_ali_between_a_given_name_and_a_family_name_is_the_fathers_name(text, best):
    assert one(text)["best"] == best


def test_on_the_road_after_a_name_is_no_name():
    assert mentions("مقتل محمد على الطريق الدولي.") == []


def test_a_figure_whose_parts_name_two_perpetrators_was_caused_by_several_sides():
    rows = mentions(
        "وثقت الشبكة مقتل 87 مدنياً في شهر آذار، قتل 40 منهم على يد قوات النظام، "
        "و20 على يد القوات الروسية."
    )
    assert [(r["best"], r["perpetrator"]) for r in rows] == [
        (87, "MIXED"),
        (40, "SYR_GOV"),
        (20, "RUSSIA"),
    ]


@pytest.mark.parametrize(
    "text,best",
    [
        ("قتل ألفا شخص.", 2000),
        ("قتل الجيش ألفاً من المسلحين.", 1000),
        ("نزح عشرون ألفاً من المدنيين.", 20000),
        ("قتل ألف شخص.", 1000),
    ],
)
def test_alfa_before_its_noun_without_tanween_is_two_thousand(text, best):
    assert one(text)["best"] == best


def test_a_unit_with_a_nationality_adjective_is_the_subject_of_the_verb_joined_after():
    m = one("وتوغلت قوة إسرائيلية في قرية كودنة بريف القنيطرة واعتقلت شابين من أبناء القرية.")
    assert (m["category"], m["best"], m["perpetrator"]) == ("detained", 2, "ISRAEL")


@pytest.mark.parametrize(
    "text,claimant",
    [
        ("أعلن الجيش الأمريكي مقتل 3 من قادة تنظيم حراس الدين بغارة.", "US military"),
        ("أعلن مركز المصالحة الروسي مقتل 4 جنود سوريين.", "Russian reconciliation centre"),
        ("قصف الجيش الأمريكي موقعاً ما أدى لمقتل 3 مدنيين.", "outlet"),
    ],
)
def test_the_us_military_and_the_russian_reconciliation_centre_as_sources(text, claimant):
    assert one(text)["claimed_by"] == claimant


def test_at_the_hands_plural_names_the_perpetrator():
    assert one("قتل شاب على أيدي عناصر من الأمن العام.")["perpetrator"] == "SYR_GOV"


@pytest.mark.parametrize(
    "text,victim",
    [
        ("هاجمت خلايا داعش حاجزاً لقسد في بلدة الشحيل. وأسفر الهجوم عن مقتل عنصرين.", "SDF"),
        (
            "شن داعش هجوماً على مواقع قوات النظام في البادية. وأسفر الهجوم عن مقتل 4 عناصر.",
            "SYR_GOV",
        ),
        ("هاجمت قوات النظام مواقع الفصائل. وأسفر الهجوم عن مقتل 3 عناصر من المهاجمين.", "UNKNOWN"),
    ],
)
def test_fighters_killed_in_an_attack_told_before_are_of_the_side_it_attacked(text, victim):
    assert one(text)["victim"] == victim


def test_a_figure_with_its_own_cause_does_not_take_the_adjective_of_another_clause():
    rows = mentions(
        "قتل مدنيان بقصف مدفعي على بلدة كنصفرة، فيما أصيب 3 آخرون بغارة روسية على مدينة أريحا."
    )
    assert [r["perpetrator"] for r in rows] == ["", "RUSSIA"]
    rows = mentions("استشهد 5 مدنيين، فيما أصيب 9 آخرون، جراء قصف روسي على البلدة.")
    assert [r["perpetrator"] for r in rows] == ["RUSSIA", "RUSSIA"]
