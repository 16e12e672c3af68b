"""Text normalisation helpers: cached look-ups must behave like fresh computations."""

from __future__ import annotations

from helpers.lexicon import phrase_key, phrase_regex
from helpers.text import NormText, in_link_line, main_text_end, normalize, stems


def test_stems_strip_proclitics_word_first():
    assert stems("وبمقتل")[0] == "وبمقتل"
    assert set(stems("وبمقتل")) == {"وبمقتل", "بمقتل", "مقتل"}
    assert stems("للجرحى")[:3] == ["للجرحى", "لجرحى", "جرحى"]


def test_stems_answer_cannot_be_changed_by_a_caller():
    first = stems("والقتلى")
    first.append("خطأ")
    assert "خطأ" not in stems("والقتلى")


def test_normalize_maps_offsets_back_like_a_fresh_copy():
    text = "قُتِلَ ٣ مدنيين في إدلب"
    cached, fresh = normalize(text), NormText(text)
    assert cached.text == fresh.text == "قتل 3 مدنيين في ادلب"
    start = cached.text.index("3")
    assert cached.span(start, start + 1) == fresh.span(start, start + 1)
    assert text[slice(*cached.span(start, start + 1))] == "٣"


def test_a_phrase_matched_across_quotes_maps_back_to_its_listed_form():
    regex = phrase_regex(["حادث سير", "قوات سوريا الديمقراطية"])
    text = normalize('قتل 3 في "حادث"  سير وقوات "سوريا الديمقراطية" تنفي').text
    keys = [phrase_key(m.group("p")) for m in regex.finditer(text)]
    assert keys == ["حادث سير", "قوات سوريا الديمقراطيه"]


def test_words_broken_with_tatweel_to_dodge_filters_are_joined():
    broken_forms = ("بمقـ .ـتل", "بمقـ ـتل", "بمقـ..ـتل", "بمقــ*ــتل", "بمقـ.ـتل", "بمقـ. ـ تل")
    for broken in (*broken_forms, "بمقـ.تل", "بمق.ـتل", "بمقـ*تل"):
        assert normalize(f"{broken} 3 مدنيين").text == "بمقتل 3 مدنيين", broken
    assert normalize('قصف لـ "قسد" في الـ 24 ساعة').text == 'قصف ل "قسد" في ال 24 ساعه'
    assert normalize("قال الـ. ثم").text == "قال ال. ثم"  # a tatweel, then the sentence ends


def test_a_word_broken_by_a_tatweel_and_a_space_is_joined_but_not_a_proclitic():
    assert normalize("مقـ تل شقيقين").text == "مقتل شقيقين"
    assert normalize("ولـ قوات بالـ قصف لـ قسد").text == "ول قوات بال قصف ل قسد"
    assert normalize("ولـ قوات").text == "ول قوات"


def test_original_offsets_map_back_to_normalised_ones():
    nt = normalize("قُتِلَ طفلٌ")
    for pos in range(len(nt.text) + 1):
        assert nt.to_normalised(nt.to_original(pos)) == pos


def test_a_read_also_link_between_paragraphs_is_skipped_not_the_end_of_the_article():
    text = normalize(
        "قتل طفل بقصف مدفعي على بلدة سرمين في ريف إدلب الشرقي صباح اليوم.\n"
        "اقرأ أيضاً: مقتل 3 عناصر من قسد بهجوم لداعش\nوأصيب شخصان في القصف."
    ).text
    assert main_text_end(text) == len(text)
    assert in_link_line(text, text.index("مقتل")) and not in_link_line(text, text.index("واصيب"))
    listed = normalize("قتل طفل بقصف مدفعي على بلدة سرمين صباح اليوم.\n\nاقرأ أيضاً\n\nعنوان").text
    assert main_text_end(listed) == listed.index("\n\nاقرا") + 1
