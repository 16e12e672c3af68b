"""Incidents: triggers, places, merging and scoring on small invented Arabic texts."""

import re

import pandas as pd
import pytest

import helpers.incidents as inc
from helpers.incidents import _find_dates as real_find_dates
from helpers.incidents import _find_places as real_find_places
from helpers.places import PlaceMatch
from helpers.schema import INCIDENT_COLUMNS, Document

GAZETTEER = {
    "تدمر": ("palmyra", "Palmyra", "town", "Homs", 1),
    "الكرامة": ("karama", "al-Karama", "village", "Raqqa", 1),
    "العوينة": ("awina", "al-Awina", "village", "Raqqa", 1),
    "الحمرا": ("hamra", "al-Hamra", "village", "Raqqa", 1),
    "سراقب": ("saraqib", "Saraqib", "town", "Idlib", 1),
    "الرقة": ("raqqa", "Raqqa", "governorate", "Raqqa", 3),
}


def fake_places(text):
    found = []
    for name, (pid, en, kind, gov, prec) in GAZETTEER.items():
        for m in re.finditer(re.escape(name), text):
            found.append(
                PlaceMatch(m.start(), m.end(), name, pid, name, en, kind, gov, 0.0, 0.0, prec)
            )
    return sorted(found, key=lambda p: (p.start, p.end))


@pytest.fixture(autouse=True)
def fake_stages(monkeypatch):
    monkeypatch.setattr(inc, "_find_places", fake_places)
    monkeypatch.setattr(inc, "_find_dates", lambda text, published, precision: [])


def run(text, mentions=None):
    doc = Document(doc="d1", text=text, published="2020-03-02", date_precision="day")
    rows, mentions = inc.extract_incidents(doc, mentions or [])
    return rows, mentions


def types(rows):
    return sorted((r["sub_event_type"], r["governorate"]) for r in rows)


def test_clash_with_place_and_columns():
    rows, _ = run("اندلعت اشتباكات عنيفة بين الجيش وتنظيم داعش في مدينة تدمر.")
    assert types(rows) == [("armed_clash", "Homs")]
    row = rows[0]
    assert set(INCIDENT_COLUMNS) <= set(row)
    assert row["event_type"] == "Battles" and row["place"] == "Palmyra"
    assert row["date"] == "2020-03-02" and row["date_precision"] == 1
    assert row["text"] == "اندلعت اشتباكات عنيفة بين الجيش وتنظيم داعش في مدينة تدمر."


def test_an_undated_event_takes_the_publication_day_when_its_precision_is_not_given():
    doc = Document(doc="d1", text="اندلعت اشتباكات بين الجيش وتنظيم داعش في مدينة تدمر.")
    for published, date, precision in (("2020-03-02", "2020-03-02", 1), ("", "", "")):
        rows, _ = inc.extract_incidents(Document(doc.doc, doc.text, published=published), [])
        assert (rows[0]["date"], rows[0]["date_precision"]) == (date, precision)


def test_attacks_on_listed_sites_are_one_incident_each():
    rows, _ = run("تعرضت حواجز القوات لهجمات في قرى الكرامة والعوينة والحمرا.")
    assert [r["place"] for r in rows] == ["al-Karama", "al-Awina", "al-Hamra"]
    assert {r["sub_event_type"] for r in rows} == {"attack"}


def test_shelling_over_listed_villages_is_one_incident_per_governorate():
    rows, _ = run("قصفت القوات بقذائف المدفعية قرى الكرامة والعوينة وبلدة سراقب.")
    assert types(rows) == [
        ("shelling_artillery_missile", "Idlib"),
        ("shelling_artillery_missile", "Raqqa"),
    ]


def test_same_clash_in_two_paragraphs_is_one_but_strike_at_same_place_is_another():
    text = (
        "دارت اشتباكات بين الطرفين في مدينة تدمر منذ الصباح.\n"
        "وقال مصدر إن الاشتباكات في تدمر ما زالت مستمرة.\n"
        "كما شنت طائرات حربية غارات على تدمر."
    )
    rows, _ = run(text)
    assert types(rows) == [("air_drone_strike", "Homs"), ("armed_clash", "Homs")]


def test_attack_that_is_fought_back_is_a_battle():
    rows, _ = run("شن مسلحون هجوما على مواقع الجيش قرب تدمر وتصدت لهم القوات.")
    assert [r["sub_event_type"] for r in rows] == ["armed_clash"]


def test_statements_that_are_not_events():
    text = (
        "تستمر المفاوضات بين الطرفين على خطوط الاشتباك في تدمر.\n"
        "وأعلنت القوات حالة الاستنفار تخوفا من وقوع هجمات في الرقة.\n"
        "وقتل 500 شخص في الغارات منذ بدء العام في تدمر.\n"
        "اقرأ المزيد:\n"
        "غارات جديدة على سراقب"
    )
    rows, _ = run("مقدمة طويلة عن الوضع الإنساني في المنطقة وأحوال السكان.\n" + text)
    assert rows == []


def test_placeless_trigger_inherits_the_last_place_named():
    text = "وصلت تعزيزات إلى بلدة سراقب.\nوفي وقت لاحق انفجرت عبوة ناسفة بسيارة عسكرية."
    rows, _ = run(text)
    assert types(rows) == [("remote_explosive_ied", "Idlib")]
    assert rows[0]["geo_precision"] == 2


def test_region_mention_is_refined_by_a_town_then_towns_stay_apart():
    text = "تعرضت القوات لهجمات في ريف الرقة.\nوقالت مصادر إن هجوما استهدف حاجزا في الكرامة."
    rows, _ = run(text)
    assert [r["place"] for r in rows] == ["al-Karama"]


def test_headline_only_adds_what_the_body_does_not_tell():
    text = "غارات على تدمر\nشنت طائرات حربية غارات على مدينة تدمر صباح اليوم."
    rows, _ = run(text)
    assert len(rows) == 1 and rows[0]["sub_event_type"] == "air_drone_strike"


def test_mentions_get_their_incident_and_counts():
    text = "دارت اشتباكات في تدمر أدت إلى مقتل 5 جنود وإصابة 7 آخرين."
    mentions = [
        {"mention": "m1", "start": text.index("مقتل"), "category": "killed", "best": 5},
        {"mention": "m2", "start": text.index("إصابة"), "category": "injured", "best": 7},
        {
            "mention": "m3",
            "start": text.index("مقتل"),
            "category": "killed",
            "best": 5,
            "relation": "same_as:m1",
        },
        {"mention": "m4", "start": 0, "category": "killed", "best": 900, "scope": "cumulative"},
    ]
    rows, out = run(text, mentions)
    assert rows[0]["killed"] == 5 and rows[0]["injured"] == 7
    assert rows[0]["mentions"] == "m1 m2 m3"
    assert [m["incident"] for m in out] == ["i1", "i1", "i1", ""]


def test_arrest_forms_with_prefixes():
    rows, _ = run("وألقت القبض على ثلاثة أشخاص في سراقب، واعتقلت آخرين.")
    assert types(rows) == [("arrests", "Idlib")]


def test_score_incidents_one_to_one():
    gold = pd.DataFrame(
        {
            "doc": ["a", "a", "a"],
            "sub_event_type": ["attack", "attack", "arrests"],
            "governorate": ["Deir ez-Zor", "Deir ez-Zor", "Hasakah"],
        }
    )
    pred = pd.DataFrame(
        {
            "doc": ["a", "a", "b"],
            "sub_event_type": ["attack", "arrests", "attack"],
            "governorate": ["deir ez-zor", "Raqqa", "Hasakah"],
        }
    )
    score = inc.score_incidents(pred, gold)
    assert (score["tp"], score["fp"], score["fn"]) == (1, 1, 2)
    assert score["precision"] == 0.5 and score["recall"] == pytest.approx(0.333, abs=1e-3)


def test_actor_agreement_pairs_the_incidents_of_one_key_in_order():
    gold = pd.DataFrame(
        {
            "doc": ["a", "a", "a"],
            "sub_event_type": ["attack", "attack", "arrests"],
            "governorate": ["Idlib", "Idlib", "Hasakah"],
            "actor1": ["ISIS", "SYR_GOV", "SDF"],
            "actor2": ["SDF", "", "CIVILIANS"],
        }
    )
    pred = gold.iloc[[0, 1]].assign(actor2=["SDF", "OPPOSITION"])
    score = inc.score_incidents(pred, gold)
    assert (score["actor1_agreement"], score["actor2_agreement"]) == (1.0, 0.5)
    assert "actor1_agreement" not in inc.score_incidents(pred, gold.drop(columns=["actor1"]))


def test_a_place_people_were_taken_to_is_not_where_the_event_happened():
    rows, _ = run("اعتقلت القوات 10 أشخاص في مدينة سراقب ونقلتهم إلى سجن في مدينة تدمر.")
    assert types(rows) == [("arrests", "Idlib")]
    rows, _ = run("قصفت الطائرات مدينة تدمر وأسعف الجرحى إلى مشفى في سراقب.")
    assert [r["governorate"] for r in rows] == ["Homs"]


def test_the_date_of_a_saying_is_not_the_date_of_the_event_it_tells(monkeypatch):
    monkeypatch.setattr(inc, "_find_dates", real_find_dates)
    rows, _ = run(
        "وأكد المرصد أمس أن الهجمات التي شنها تنظيم داعش على مواقع قسد في مدينة تدمر يوم السبت"
        " أدت إلى مقتل 5 عناصر."
    )
    assert [r["date"] for r in rows] == ["2020-02-29"]


def test_a_telling_that_names_only_the_target_joins_one_that_names_both_sides():
    rows, _ = run(
        "وكانت مدينة تدمر قد شهدت هجوماً على مواقع قسد.\n\n"
        "وقال المرصد إن الهجوم الذي شنه تنظيم داعش على مواقع قسد في تدمر أدى إلى مقتل 3 عناصر."
    )
    assert [(r["sub_event_type"], {r["actor1"], r["actor2"]}) for r in rows] == [
        ("attack", {"ISIS", "SDF"})
    ]


def test_attacks_summed_up_are_not_an_incident_but_a_list_of_sites_is():
    rows, _ = run("وتعرضت قسد لعدة هجمات متفرقة في محافظة الرقة كبدتها خسائر بشرية.")
    assert rows == []
    rows, _ = run("وتعرضت حواجز قسد لهجمات متفرقة في الكرامة والعوينة.")
    assert types(rows) == [("attack", "Raqqa"), ("attack", "Raqqa")]
    rows, _ = run("وتعرضت قسد لعدة هجمات في بلدة الكرامة.")
    assert types(rows) == [("attack", "Raqqa")]


@pytest.mark.parametrize(
    ("text", "actor1"),
    [
        ("شنت طائرات حربية روسية غارات جوية على مدينة سراقب.", "RUSSIA"),
        ("قصفت المدفعية التركية مدينة سراقب.", "TURKEY"),
        ("قتل مدني بقصف مدفعي تركي على مدينة سراقب.", "TURKEY"),
    ],
)
def test_a_nationality_adjective_on_a_weapon_names_the_attacker(text, actor1):
    rows, _ = run(text)
    assert [r["actor1"] for r in rows] == [actor1]


@pytest.mark.parametrize(
    "text",
    [
        "قتل شاب برصاص مجهولين في مدينة سراقب.",
        "أعدم مسلحون ثلاثة مدنيين رمياً بالرصاص في مدينة سراقب.",
        "نجا قيادي من محاولة اغتيال في مدينة سراقب.",
        "أطلق مسلحون النار على سيارة مدنية في مدينة سراقب.",
    ],
)
def test_shootings_executions_and_assassinations_are_attacks(text):
    rows, _ = run(text)
    assert types(rows) == [("attack", "Idlib")]


@pytest.mark.parametrize(
    "text",
    [
        "يمنع التنظيم المدنيين من الخروج من مدينة تدمر تحت طائلة أحكام بالإعدام.",
        "جاء القرار بعد كثرة الاغتيالات في مدينة سراقب.",
    ],
)
def test_threatened_or_summed_up_killings_are_no_incident(text):
    assert run(text)[0] == []


@pytest.mark.parametrize(
    ("text", "governorate", "names"),
    [  # villages the gazetteer lacks, or has in another governorate, told in a region
        (
            "قصفت المدفعية التركية قرى بلنتا والمالكية وشوارغة في ريف حلب الشمالي.",
            "Aleppo",
            "قرى بلنتا, المالكية",
        ),
        ("قصفت قوات النظام بالمدفعية قرية معرطبعي في جبل الزاوية.", "Idlib", "قرية معرطبعي"),
        ("غارة جوية قرب قرية بينين في ريف إدلب الغربي.", "Idlib", "قرية بينين"),
    ],
)
def test_sites_take_the_governorate_of_the_region_they_are_told_in(
    monkeypatch, text, governorate, names
):
    monkeypatch.setattr(inc, "_find_places", real_find_places)
    rows, _ = run(text)
    assert [(r["governorate"], r["place"], r["geo_precision"]) for r in rows] == [
        (governorate, names, 2)
    ]


def test_a_known_town_told_in_its_own_region_keeps_its_place(monkeypatch):
    monkeypatch.setattr(inc, "_find_places", real_find_places)
    rows, _ = run("قتل مدنيان بقصف مدفعي على بلدة كفرنوران بريف حلب الغربي.")
    assert [(r["place"], r["geo_precision"]) for r in rows] == [("Kafr Nuran", 1)]


def test_shelling_by_ground_forces_needs_no_weapon_word_but_its_remnants_are_no_shelling():
    rows, _ = run("قصفت قوات النظام مدينة سراقب صباح اليوم.")
    assert types(rows) == [("shelling_artillery_missile", "Idlib")]
    rows, _ = run("أصيب طفلان بانفجار ذخائر من مخلفات قصف سابق لقوات النظام في مدينة سراقب.")
    assert types(rows) == [("remote_explosive_ied", "Idlib")]


@pytest.mark.parametrize(
    "text",
    [
        "وكان معدل الاستهدافات أكبر بواقع 34 هجوماً في مدينة سراقب.",
        "وكانت النسبة الأعلى لعدد الهجمات في مدينة سراقب.",
    ],
)
def test_counts_of_attacks_are_statistics_not_incidents(text):
    assert run(text)[0] == []


def actors(text, mentions=None):
    return [(r["actor1"], r["actor2"]) for r in run(text, mentions)[0]]


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("تعرضت حواجز لقسد لهجمات من خلايا تنظيم داعش في مدينة سراقب.", ("ISIS", "SDF")),
        ("شن مسلحو التنظيم هجوماً على مواقع قسد في مدينة سراقب.", ("ISIS", "SDF")),
        ("قصفت قوات النظام مواقع الفصائل في مدينة سراقب بالمدفعية.", ("SYR_GOV", "OPPOSITION")),
        # every side named is a target: the attacker is unknown; a patron is no party
        ("تعرضت دورية لقسد لتفجير عبوة ناسفة في مدينة سراقب.", ("UNKNOWN", "SDF")),
        ("وذكرت مواقع داعمة للمعارضة أن قسد تواصل معاركها في مدينة سراقب.", ("SDF", "")),
    ],
)
def test_the_attacker_is_the_first_actor_and_the_target_the_second(text, pair):
    assert actors(text) == [pair]


@pytest.mark.parametrize(
    ("text", "figure", "pair"),
    [
        (
            "قتل عنصران من قسد بهجوم في مدينة سراقب نفذه التنظيم.",
            ("killed", "SDF", "ISIS"),
            ("ISIS", "SDF"),
        ),
        # civilians hurt are the other party when no side is
        (
            "اعتقلت قسد 12 شاباً في مدينة سراقب.",
            ("detained", "CIVILIANS", "SDF"),
            ("SDF", "CIVILIANS"),
        ),
    ],
)
def test_the_figures_of_an_incident_say_who_attacked_whom(text, figure, pair):
    category, victim, perpetrator = figure
    mention = {"mention": "m1", "start": 0, "end": 10, "category": category, "victim": victim}
    mention |= {"best": 2, "scope": "incident", "relation": "", "perpetrator": perpetrator}
    assert actors(text, [mention]) == [pair]


@pytest.mark.parametrize(
    "text",
    [
        "انفجر لغم على أطراف قرية فيلون جنوب مدينة إدلب.",
        "قصفت قوات النظام بالمدفعية قرية معرزاف جنوبي إدلب.",
    ],
)
def test_a_village_told_by_a_direction_from_a_city_is_in_its_governorate(monkeypatch, text):
    monkeypatch.setattr(inc, "_find_places", real_find_places)
    rows, _ = run(text)
    assert [(r["governorate"], r["geo_precision"]) for r in rows] == [("Idlib", 2)]


def test_a_village_told_with_no_region_takes_the_governorate_of_the_dateline(monkeypatch):
    monkeypatch.setattr(inc, "_find_places", real_find_places)
    rows, _ = run("حماة:: قصف مدفعي من قبل قوات الأسد استهدف قرية قسطون بالريف الغربي.")
    assert [(r["place"], r["governorate"], r["geo_precision"]) for r in rows] == [
        ("قرية قسطون", "Hama", 3)
    ]


def test_shelling_with_no_weapon_named_is_an_incident_only_where_casualties_are_told():
    text = "قتل 3 مدنيين بقصف على سراقب."
    killed = [{"mention": "m1", "start": 0, "category": "killed", "best": 3, "scope": "incident"}]
    rows, out = run(text, killed)
    assert types(rows) == [("shelling_artillery_missile", "Idlib")]
    assert out[0]["incident"] == "i1"
    assert run("تدين الشبكة كافة عمليات القصف في سراقب.")[0] == []
    text = "قصف الاحتلال مساء اليوم قرى حول سراقب بالطائرات الحربية، ما أدى لمقتل مدني."
    killed[0]["start"] = text.index("مقتل")
    assert types(run(text, killed)[0]) == [("air_drone_strike", "Idlib")]


def test_rockets_fired_by_aircraft_are_no_shelling_and_present_tense_cues_count():
    rows, _ = run("قصف الطيران الحربي الروسي بالصواريخ أطراف سراقب.")
    assert types(rows) == [("air_drone_strike", "Idlib")]
    rows, _ = run("طيران مجهول يستهدف سراقب.")
    assert types(rows) == [("air_drone_strike", "Idlib")]
    rows, _ = run("استهدفت الطائرات الحربية سراقب بصواريخ شديدة الانفجار.")
    assert types(rows) == [("air_drone_strike", "Idlib")]


def test_villages_unknown_to_the_gazetteer_are_placed_in_the_subdistrict_after_them(monkeypatch):
    monkeypatch.setattr(inc, "_find_places", real_find_places)
    rows, _ = run("قصف جيش الاحتلال التركي قرى أم الكيف وتل طويل في ريف ناحية تل تمر.")
    assert [(r["governorate"], r["geo_precision"]) for r in rows] == [("Hasakah", 2)]
    assert rows[0]["latitude"] is not None


def test_a_headline_figure_told_before_any_event_word_joins_the_first_event_after_it():
    text = "مقتل 3 مدنيين في سراقب\n\nقصفت الطائرات الحربية مدينة سراقب صباح اليوم."
    killed = [{"mention": "m1", "start": 0, "category": "killed", "best": 3, "scope": "incident"}]
    rows, out = run(text, killed)
    assert types(rows) == [("air_drone_strike", "Idlib")]
    assert (out[0]["incident"], rows[0]["killed"]) == ("i1", 3)


def test_targeting_with_casualties_is_an_event_that_a_headline_does_not_double():
    text = (
        "الاحتلال يستهدف قافلة قرب سراقب\n\n"
        "قصفت الطائرات الحربية قافلة مدنية قرب سراقب اليوم، ما أدى لمقتل 3 مدنيين."
    )
    killed = [
        {"mention": "m1", "start": text.index("مقتل"), "category": "killed", "best": 3},
    ]
    killed[0]["scope"] = "incident"
    assert types(run(text, killed)[0]) == [("air_drone_strike", "Idlib")]
    text = "إصابة 6 من عائلة واحدة جراء استهداف قوات النظام مدينة سراقب."
    injured = [{"mention": "m1", "start": 0, "category": "injured", "best": 6, "scope": "incident"}]
    assert types(run(text, injured)[0]) == [("shelling_artillery_missile", "Idlib")]


def test_an_airborne_raid_is_an_attack():
    rows, _ = run("نفذت قوات التحالف عملية إنزال جوي في بلدة سراقب فجر اليوم.")
    assert types(rows) == [("attack", "Idlib")]


def test_a_neighbourhood_and_its_town_are_one_site(monkeypatch):
    monkeypatch.setattr(inc, "_find_places", real_find_places)
    text = (
        "استهدفت طائرة مسيرة سيارة في مدينة الحسكة اليوم.\n\n"
        "وقالت مصادر إن المسيرة استهدفت السيارة في حي غويران."
    )
    rows, _ = run(text)
    assert [(r["sub_event_type"], r["place"]) for r in rows] == [("air_drone_strike", "Ghweiran")]


def _killed(text: str, at: str, victim: str = "CIVILIANS", perpetrator: str = "SYR_GOV"):
    return {
        "mention": "m1",
        "start": text.index(at),
        "category": "killed",
        "best": 2,
        "scope": "incident",
        "victim": victim,
        "perpetrator": perpetrator,
    }


def test_civilians_killed_by_a_named_side_with_no_weapon_said_is_an_attack():
    text = "قوات النظام تقتل مدنيين اثنين في سراقب."
    rows, _ = run(text, [_killed(text, "تقتل")])
    assert types(rows) == [("attack", "Idlib")]
    text = "ارتكبت طائرات العدوان مجزرة في سراقب راح ضحيتها مدنيان."
    rows, _ = run(text, [_killed(text, "راح")])
    assert types(rows) == [("air_drone_strike", "Idlib")]
    text = "قتل مدنيان في سراقب."
    assert run(text, [_killed(text, "قتل", perpetrator="")])[0] == []


def test_a_guessed_event_told_first_joins_the_event_told_after_it():
    text = (
        "القوات الروسية تقتل مدنيين اثنين في سراقب: \n\n"
        "قتل مدنيان إثر هجوم جوي نفذته القوات الروسية على أطراف سراقب."
    )
    rows, _ = run(text, [_killed(text, "تقتل", perpetrator="RUSSIA")])
    assert types(rows) == [("air_drone_strike", "Idlib")]


def test_fighters_killed_by_a_named_side_with_no_weapon_said_are_a_clash():
    text = "قتلت قسد 4 عناصر من داعش في سراقب."
    m = _killed(text, "قتلت", victim="ISIS", perpetrator="SDF")
    assert types(run(text, [m])[0]) == [("armed_clash", "Idlib")]
    text = "وبغداد أكدت مقتل 30 قيادياً منه\n\nقصفت الطائرات الحربية سراقب اليوم."
    m = _killed(text, "مقتل", victim="ISIS", perpetrator="IRAQ")
    assert types(run(text, [m])[0]) == [("air_drone_strike", "Idlib")]


def test_a_count_of_cases_and_a_release_are_no_arrest_event():
    assert run("وثقت الشبكة ما لا يقل عن 187 حالة اعتقال تعسفي في سراقب خلال الشهر.")[0] == []
    assert run("وأطلقت الهيئة في سراقب سراح 3 ناشطين بعد احتجازهم لأسابيع.")[0] == []
    assert types(run("اعتقلت الهيئة 3 ناشطين في سراقب.")[0]) == [("arrests", "Idlib")]


def test_attacks_told_as_the_reason_for_something_else_are_no_event():
    text = "وتقوم قوات النظام بعملية تمشيط في الرقة عقب هجمات من خلايا داعش."
    assert "attack" not in [r["sub_event_type"] for r in run(text)[0]]
    text = "وقتل 3 عناصر من قسد عقب هجوم لخلايا داعش على حاجز في الرقة."
    assert [r["sub_event_type"] for r in run(text)[0]] == ["attack"]


def test_a_word_that_ends_like_an_event_word_after_two_letters_is_not_one():
    assert run("وتم إرسالهم إلى بلدهم في سراقب.")[0] == []
    assert types(run("للهجوم على الحاجز في سراقب أثر كبير.")[0]) == [("attack", "Idlib")]


def test_repelling_the_attack_points_back_to_the_attack_told():
    text = "شن مسلحو التنظيم هجوماً على مواقع قسد في سراقب، وشاركت الطائرات في صد الهجوم في الرقة."
    assert [r["sub_event_type"] for r in run(text)[0]].count("attack") <= 1
    assert "Raqqa" not in [
        r["governorate"] for r in run(text)[0] if r["sub_event_type"] != "air_drone_strike"
    ]


def test_a_strike_by_one_of_two_allies_named_hits_the_armed_group_named():
    text = "استهدف طيران التحالف الدولي وقسد الجيب الأخير لتنظيم داعش قرب سراقب."
    rows, _ = run(text)
    assert [(r["actor1"], r["actor2"]) for r in rows] == [("COALITION", "ISIS")]
    text = "قصفت القوات الروسية وقوات النظام سراقب بعد اتفاق بين روسيا وتركيا."
    assert run(text)[0][0]["actor2"] != "TURKEY"


def test_a_group_tied_to_its_side_takes_the_role_of_the_word_before_the_group():
    text = (
        "وعقب سيطرة قسد على البلدة، هاجمت مجموعة مسلحة تابعة لتنظيم داعش مساء أمس نقطة"
        " عسكرية تابعة لقوات قسد في سراقب."
    )
    rows, _ = run(text)
    assert [(r["actor1"], r["actor2"]) for r in rows] == [("ISIS", "SDF")]
    text = "نفذت قوات التحالف مداهمة في سراقب استهدفت خلايا تابعة لتنظيم داعش."
    assert run(text)[0][0]["actor1"] == "COALITION"


def test_an_air_strike_is_flown_by_a_side_with_an_air_force():
    rows, _ = run("قصف طيران التحالف مواقع لداعش في سراقب.")
    assert [(r["actor1"], r["actor2"]) for r in rows] == [("COALITION", "ISIS")]
    rows, _ = run("هاجمت خلايا داعش حاجزاً لقسد في سراقب، وشن الطيران الحربي غارتين على المنطقة.")
    strikes = [r for r in rows if r["sub_event_type"] == "air_drone_strike"]
    assert [(r["actor1"], r["actor2"]) for r in strikes] == [("UNKNOWN", "ISIS")]
    rows, _ = run("استهدفت مسيرة لقسد موقعاً في سراقب.")
    assert rows[0]["actor1"] == "SDF"


def test_a_town_named_like_its_subdistrict_is_a_site_and_a_sides_vehicle_is_a_target(monkeypatch):
    monkeypatch.setattr(inc, "_find_places", real_find_places)
    text = (
        "شنت خلايا داعش هجوماً على نقطة لقسد في بلدة الشحيل.\n\n"
        "ونفذت قسد عملية إنزال جوي في بلدة الصور."
    )
    assert [r["place"] for r in run(text)[0]] == ["Al-Shuhayl", "Al-Sur"]
    rows, _ = run("انفجرت عبوة ناسفة بسيارة عسكرية لقوات الأسايش قرب الشدادي.")
    assert [(r["actor1"], r["actor2"]) for r in rows] == [("UNKNOWN", "ASAYISH")]


def test_the_side_arrested_is_not_the_arrester():
    text = "تم اعتقال عدد من عناصر تنظيم داعش خلال عملية لقسد في سراقب."
    m = {
        "mention": "m1",
        "start": text.index("اعتقال"),
        "category": "detained",
        "best": 3,
        "scope": "incident",
        "victim": "ISIS",
        "perpetrator": "",
    }
    rows, _ = run(text, [m])
    assert [(r["actor1"], r["actor2"]) for r in rows if r["sub_event_type"] == "arrests"] == [
        ("SDF", "ISIS")
    ]
    text = (
        "اعتقلت مخابرات النظام 25 ضابطاً من الحرس الجمهوري في سراقب بعد اعترافات قيادي في الفصائل."
    )
    m = dict(m, start=text.index("اعتقلت"), victim="SYR_GOV", perpetrator="SYR_GOV")
    assert run(text, [m])[0][0]["actor1"] == "SYR_GOV"


@pytest.mark.parametrize(
    ("text", "governorate", "precision"),
    [
        ("فجر انتحاري نفسه بحزام ناسف في حي الدويلعة بدمشق، ما أدى لمقتل 25 شخصاً.", "Damascus", 1),
        ("قصفت قوات النظام قرية معرطبعي بإدلب، ما أدى لمقتل طفل.", "Idlib", 2),
    ],
)
def test_an_unknown_place_named_with_its_town_is_in_it_or_near_it(
    monkeypatch, text, governorate, precision
):
    monkeypatch.setattr(inc, "_find_places", real_find_places)
    rows, _ = run(text)
    assert [(r["governorate"], r["geo_precision"], r["latitude"] is not None) for r in rows] == [
        (governorate, precision, True)
    ]


def test_the_town_a_place_belongs_to_locates_it_and_is_no_site(monkeypatch):
    monkeypatch.setattr(inc, "_find_places", real_find_places)
    rows, _ = run("قصف مدفعي تركي استهدف قرية حليصة التابعة لمقاطعة الشهباء.")
    assert [(r["place"], r["geo_precision"]) for r in rows] == [("Halisa", 1)]
    rows, _ = run("قصف مدفعي تركي على ريف زركان التابعة لمدينة الحسكة.")
    assert [(r["governorate"], r["geo_precision"]) for r in rows] == [("Hasakah", 2)]


def test_since_the_morning_is_no_running_total(monkeypatch):
    monkeypatch.setattr(inc, "_find_places", real_find_places)
    text = "قصف صاروخي لقوات النظام على بلدة البارة، ويتواصل القصف على المنطقة منذ الصباح."
    assert [r["place"] for r in run(text)[0]] == ["Al-Bara"]
    assert run("قصف صاروخي على بلدة البارة منذ السابع من أكتوبر.")[0] == []


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("قصف صاروخي لقوات النظام على بلدة كفرنوران من مواقعها في بلدة ميزناز.", "Kafr Nuran"),
        ("قصف مدفعي من القوات الحكومية المتمركزة في مدينة سراقب على أحياء مدينة إدلب.", "Idlib"),
        ("قصف مدفعي للنظام انطلاقاً من مواقعها في مدينة سراقب على بلدة آفس.", "Afes"),
    ],
)
def test_the_place_attackers_fire_from_is_not_where_the_event_happened(monkeypatch, text, place):
    monkeypatch.setattr(inc, "_find_places", real_find_places)
    assert [r["place"] for r in run(text)[0]] == [place]


def test_a_raid_in_which_someone_was_killed_is_the_attack_not_an_arrest(monkeypatch):
    monkeypatch.setattr(inc, "_find_places", real_find_places)
    text = "مقتل شاب برصاص دورية لقسد أثناء مداهمة منزله في بلدة الشحيل."
    assert [r["sub_event_type"] for r in run(text)[0]] == ["attack"]
    arrested = [{"mention": "m1", "category": "detained", "start": 40, "end": 50}]
    assert sorted(r["sub_event_type"] for r in run(text, arrested)[0]) == ["arrests", "attack"]


def test_a_side_arresting_its_own_men_is_both_actors():
    officers = {"category": "detained", "victim": "SYR_GOV", "perpetrator": "SYR_GOV"}
    assert inc._actors_by_role(["SYR_GOV", "OPPOSITION"], [officers]) == [
        "SYR_GOV",
        "SYR_GOV",
        "OPPOSITION",
    ]
    killed = {"category": "killed", "victim": "SYR_GOV", "perpetrator": "SYR_GOV"}
    assert inc._actors_by_role(["SYR_GOV", "OPPOSITION"], [killed])[:2] == ["SYR_GOV", "OPPOSITION"]


def test_a_protest_is_the_protesters_and_what_it_is_against_is_no_event(monkeypatch):
    monkeypatch.setattr(inc, "_find_places", real_find_places)
    rows, _ = run("خرج العشرات من أهالي مدينة الرقة في مظاهرة احتجاجاً على اعتقالات قسد.")
    assert [(r["sub_event_type"], r["actor1"], r["actor2"]) for r in rows] == [
        ("peaceful_protest", "CIVILIANS", "")
    ]


def test_a_direction_after_an_unknown_town_does_not_keep_it_from_its_region(monkeypatch):
    monkeypatch.setattr(inc, "_find_places", real_find_places)
    rows, _ = run("قصف مدفعي على بلدة الكرك الشرقي بريف درعا.")
    assert [(r["governorate"], r["geo_precision"]) for r in rows] == [("Daraa", 2)]


def test_a_figure_caused_by_several_sides_names_no_attacker():
    toll = {"category": "killed", "victim": "CIVILIANS", "perpetrator": "MIXED"}
    assert inc._actors_by_role(["SYR_GOV"], [toll])[0] == "SYR_GOV"
