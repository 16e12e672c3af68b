"""Place mentions in sentences written for these tests, resolved against the gazetteer."""

import time

import pytest

from helpers.places import cue_kind, find_places, load_gazetteer, lookup, normalize_ar


def places(text: str):
    return [(m.text, m.place_id, m.kind, m.geo_precision) for m in find_places(text)]


def one(text: str):
    found = find_places(text)
    assert len(found) == 1, found
    return found[0]


def test_gazetteer_columns_and_size():
    gaz = load_gazetteer()
    for col in ("id", "name_ar", "variants_ar", "name_en", "kind", "governorate", "district"):
        assert col in gaz.columns
    assert {"latitude", "longitude", "source", "needs_cue"} <= set(gaz.columns)
    assert gaz["id"].is_unique
    assert len(gaz) >= 250
    assert gaz["source"].str.len().gt(0).all()
    located = gaz.dropna(subset=["latitude"])
    assert located["latitude"].between(32.0, 37.5).all()
    assert located["longitude"].between(35.5, 42.5).all()


def test_every_point_says_where_it_comes_from():
    """A cited source carries a point; 'name only' carries none (see places_SOURCE.md)."""
    gaz = load_gazetteer()
    kind = gaz["source"].str.extract(r"^(geonames|csc|wikidata-style|approximate|name only)")[0]
    assert kind.notna().all(), gaz.loc[kind.isna(), "id"].tolist()
    has_point = gaz["latitude"].notna() & gaz["longitude"].notna()
    assert has_point[kind != "name only"].all()
    assert not has_point[kind == "name only"].any()
    full_dump = gaz["source"].str.match(r"geonames:\d+ \(full SY dump via ")
    assert full_dump.sum() >= 50


def test_normalisation():
    assert normalize_ar("إدلبُ") == normalize_ar("ادلب")
    assert normalize_ar("حماة") == "حماه"


def test_city_with_cue_and_offsets():
    text = "سقطت قذائف على مدينة الحسكة مساء أمس"
    match = one(text)
    assert text[match.start : match.end] == match.text == "مدينة الحسكة"
    assert (match.place_id, match.kind, match.governorate, match.geo_precision) == (
        "hasakah",
        "city",
        "Hasakah",
        1,
    )
    assert match.latitude and match.longitude


@pytest.mark.parametrize(
    ("text", "place_id", "shown"),
    [
        ("قصفت الطائرات بالحسكة مواقع عدة", "hasakah", "الحسكة"),
        ("وصلت التعزيزات لمدينة الرقة", "raqqa", "مدينة الرقة"),
        ("وحاجز في البوكمال", "albukamal", "البوكمال"),
        ("انسحب المقاتلون من ادلب", "idlib", "ادلب"),
        ("انسحب المقاتلون من إدلب", "idlib", "إدلب"),
        ("وقصفت الطائرات حماه", "hama", "حماه"),
        ("وصلت قافلة إلى باغوز", "baghouz", "باغوز"),
        ("وفي جسر الشغور", "jisr-shughur", "جسر الشغور"),
    ],
)
def test_spelling_variants_and_proclitics(text, place_id, shown):
    match = one(text)
    assert (match.place_id, match.text) == (place_id, shown)


@pytest.mark.parametrize(
    ("text", "place_id"),
    [
        ("استهدفت طائرة مسيرة لمدينة ديرك بمقاطعة الجزيرة", "malikiyah"),
        ("قصف على بلدة تربه سبيه", "qahtaniyah"),
        ("استهداف قرية أوبين في ريف إدلب الغربي", "younisiya"),
    ],
)
def test_kurdish_and_local_names_of_known_towns(text, place_id):
    assert find_places(text)[0].place_id == place_id


def test_neighbourhood_in_city_is_precise():
    match = one("اشتباكات في حي غويران جنوب المدينة")
    assert (match.place_id, match.kind, match.geo_precision) == ("ghweiran", "neighbourhood", 1)


def test_countryside_is_a_region():
    match = one("تعرضت نقطة عسكرية لهجوم في ريف دير الزور الشرقي")
    assert match.text == "ريف دير الزور الشرقي"
    assert (match.kind, match.governorate, match.geo_precision) == ("region", "Deir ez-Zor", 3)
    assert match.place_id.startswith("countryside:deir-ez-zor")


def test_countryside_of_a_town_is_precision_two():
    match = one("قصف مدفعي على ريف منبج الغربي")
    assert (match.kind, match.governorate, match.geo_precision) == ("region", "Aleppo", 2)


def test_a_towns_subdistrict_is_a_region_of_precision_two():
    match = one("قصف مدفعي على قرى ناحية تل تمر")
    assert (match.place_id, match.kind, match.geo_precision) == ("tal-tamr", "subdistrict", 2)


def test_adjective_countryside():
    match = one("سقطت قذائف بالريف الشمالي الحموي")
    assert (match.kind, match.governorate) == ("region", "Hama")


def test_rural_damascus_countryside_belongs_to_rural_damascus():
    assert one("قصف على ريف دمشق الغربي").governorate == "Rural Damascus"


@pytest.mark.parametrize(
    "text",
    ["قتل مدني قرب البصيرة", "اشتباكات على أطراف مدينة البصيرة", "بالقرب من مدينة البصيرة"],
)
def test_near_a_town_is_precision_two(text):
    match = one(text)
    assert (match.place_id, match.geo_precision) == ("busayrah", 2)


def test_unknown_village_after_cue_is_kept():
    match = one("قتل راع في قرية زعفرانة الصغيرة")
    assert match.text == "قرية زعفرانة"
    assert (match.place_id, match.kind, match.latitude) == ("", "unknown", None)


@pytest.mark.parametrize(
    "text,shown",
    [
        ("وقعت الغارة على قرية على طريق حلب.", ["حلب"]),  # على folds to علي
        ("نزحت العائلات من قرية إلى المدينة.", []),
        ("قصف قرية لدى وصول الدورية.", []),
        ("قصفت قرى ريف إدلب.", ["ريف إدلب"]),  # villages of a region, not a village ريف
    ],
)
def test_a_word_after_a_cue_that_cannot_be_a_name(text, shown):
    assert [p.name_ar for p in find_places(text)] == shown


def test_alive_is_not_a_neighbourhood():
    assert find_places("عثر على الرجل حي يرزق") == []


@pytest.mark.parametrize(
    ("without_cue", "with_cue", "place_id"),
    [
        ("ارتفعت أسعار الرز في الأسواق", "هاجم مسلحون حاجزا في قرية الرز", "raz"),
        ("تعمل الأسرة في الصناعة", "اشتباكات في سجن الصناعة", "sinaa-prison"),
        ("أغلق الباب خلفه", "سقطت قذيفة على مدينة الباب", "al-bab"),
        ("نشر الصور على الإنترنت", "هجوم شرقي ناحية الصور", "sur"),
    ],
)
def test_common_words_need_a_cue(without_cue, with_cue, place_id):
    assert find_places(without_cue) == []
    assert one(with_cue).place_id == place_id


def test_strong_context_allows_flagged_name():
    found = places("سقطت قذيفة على الباب بريف حلب")
    assert [f[1] for f in found] == ["al-bab", "countryside:aleppo"]


def test_list_opened_by_cue_continues():
    found = places("داهمت القوات أحياء غويران والزهور والعزيزية")
    assert [f[1] for f in found] == ["ghweiran", "zuhur-hasakah", "aziziyah-hasakah"]


def test_tv_channel_is_not_the_town():
    assert find_places("قالت قناة الميادين إن") == []


def test_governorate_phrase():
    match = one("وصلت تعزيزات إلى محافظة دير الزور")
    assert (match.place_id, match.kind, match.geo_precision) == (
        "gov-deir-ez-zor",
        "governorate",
        3,
    )


def test_matches_are_ordered_and_non_overlapping():
    found = find_places("من مدينة الشدادي بمحافظة الحسكة إلى ريف دير الزور الشرقي")
    assert [m.place_id for m in found] == [
        "shaddadi",
        "gov-hasakah",
        "countryside:deir-ez-zor:eastern",
    ]
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))


def test_lookup_arabic_english_and_phrases():
    assert lookup("كوباني")["id"] == "kobani"
    assert lookup("Ayn al-Arab")["id"] == "kobani"
    assert lookup("Jisr al-Shughour")["id"] == "jisr-shughur"
    assert lookup("اعزاز")["id"] == "azaz"
    assert lookup("أطراف معرة مصرين")["id"] == "maarat-misrin"
    assert lookup("\u200fخان شيخون\u202c")["id"] == "khan-shaykhun"
    assert lookup("مكان لا وجود له") is None
    assert lookup("") is None


def test_long_text_is_fast():
    text = "وقتل مدنيان في قرية الرز بريف دير الزور الشرقي قرب البصيرة. " * 3000
    began = time.perf_counter()
    found = find_places(text)
    assert len(found) == 9000
    assert time.perf_counter() - began < 5


@pytest.mark.parametrize(
    ("text", "shown", "place_id", "kind", "precision"),
    [
        ("اشتباكات عنيفة في حي الوعر مساء", "حي الوعر", "waer", "neighbourhood", 1),
        ("قصفت الطائرات قرية الجسمي فجرا", "قرية الجسمي", "jasmi", "village", 1),
        ("سقطت قذيفة على قريه الحريجي", "قريه الحريجي", "hureiji", "village", 1),
        ("هاجم مسلحون بلدة الشدادي ليلا", "بلدة الشدادي", "shaddadi", "town", 1),
        ("وصلت تعزيزات إلى بلدة تل تامر", "بلدة تل تامر", "tal-tamr", "town", 1),
        ("انفجرت عبوة في مدينة البوكمال", "مدينة البوكمال", "albukamal", "city", 1),
        (
            "قصفت المدفعية ريف حلب الشمالي",
            "ريف حلب الشمالي",
            "countryside:aleppo:northern",
            "region",
            3,
        ),
        (
            "اشتباكات في ريف الحسكة الجنوبي",
            "ريف الحسكة الجنوبي",
            "countryside:hasakah:southern",
            "region",
            3,
        ),
    ],
)
def test_each_place_form(text, shown, place_id, kind, precision):
    match = one(text)
    assert (match.text, match.place_id, match.kind, match.geo_precision) == (
        shown,
        place_id,
        kind,
        precision,
    )
    assert text[match.start : match.end] == shown


@pytest.mark.parametrize(
    ("text", "place_id", "governorate", "precision"),
    [
        ("هجوم في الريف الشرقي لدير الزور", "countryside:deir-ez-zor:eastern", "Deir ez-Zor", 3),
        ("قصف على الريف الشمالي لمدينة حلب", "countryside:aleppo:northern", "Aleppo", 3),
        ("غارة على الريف الغربي للرقة", "countryside:raqqa:western", "Raqqa", 3),
        ("قصف الريف الجنوبي لمنبج", "countryside:manbij:southern", "Aleppo", 2),
    ],
)
def test_countryside_of_written_after_the_direction_is_a_region(
    text, place_id, governorate, precision
):
    # "the eastern countryside of Deir ez-Zor" must not be read as the city (precision 1).
    match = one(text)
    assert (match.place_id, match.kind, match.governorate, match.geo_precision) == (
        place_id,
        "region",
        governorate,
        precision,
    )


def test_countryside_without_direction_before_a_name_is_not_a_region():
    # "came back from the countryside to Aleppo": Aleppo is the place, not its countryside.
    assert places("عاد النازحون من الريف لحلب") == [("حلب", "aleppo", "city", 1)]


def test_place_found_after_many_words_that_cannot_start_a_place():
    """The per-word gate skips ordinary words but still finds the name that follows them."""
    filler = "وقال المتحدث إن الوضع صعب جدا " * 50
    found = find_places(filler + "في مدينة سراقب")
    assert [p.text for p in found] == ["مدينة سراقب"]
    assert found[0].start == len(filler) + 3


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("قتل 3 مدنيين في الباب شرقي حلب", ["Al-Bab", "Aleppo"]),
        ("وقف في الباب ينتظر", []),
        ("قتل 3 في تدمر", ["Palmyra"]),
        ("قتل 3 بتدمر", ["Palmyra"]),
        ("غارات جوية تدمر أشكال الحياة", []),
        ("غارات جوية وتدمر أشكال الحياة", []),
    ],
)
def test_common_word_names_with_a_direction_or_a_preposition(text, found):
    assert [p.name_en for p in find_places(text)] == found


@pytest.mark.parametrize(
    ("text", "place_id", "governorate"),
    [
        ("انفجر لغم في قرية الطيانة بريف دير الزور الشرقي", "tayyana", "Deir ez-Zor"),
        ("قصف على بلدة تل براك", "tal-brak", "Hasakah"),
        ("قصفت قوات النظام قرية الفطيرة", "fatira", "Idlib"),
        ("سقطت قذيفة على ناحية شران", "sharran", "Aleppo"),
        ("غارة على قرية الحمامة", "hamamah-idlib", "Idlib"),
    ],
)
def test_villages_of_the_dev_reports_and_northern_towns_have_cited_points(
    text, place_id, governorate
):
    match = find_places(text)[0]
    assert (match.place_id, match.governorate) == (place_id, governorate)
    row = lookup(match.name_ar)
    assert match.latitude and row["source"].startswith("geonames:")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("حي الدويلعة", "neighbourhood"),
        ("#حي_الثورة", "neighbourhood"),
        ("قرية معرطبعي", "village"),
        ("سرمين", ""),
    ],
)
def test_the_cue_word_opening_a_place_names_its_kind(text, kind):
    assert cue_kind(text) == kind
