"""Cyrillic → Norwegian / English / German spellings of Ukrainian and Russian place names."""

from __future__ import annotations

import pytest

from geo.gazetteer.translit import detect_language, has_cyrillic, transliterate, variants


@pytest.mark.parametrize(
    ("cyrillic", "scheme", "expected"),
    [
        pytest.param("Костянтинівка", "nb", "Kostjantynivka", id="nb-ja-after-t"),
        pytest.param("Дружківка", "nb", "Druzjkivka", id="nb-zh-is-zj"),
        pytest.param("Слов'янськ", "nb", "Slovjansk", id="nb-apostrophe-dropped"),
        pytest.param("Запоріжжя", "nb", "Zaporizjzja", id="nb-no-double-j-after-zj"),
        pytest.param("Часів Яр", "nb", "Tsjasiv Jar", id="nb-two-words-keep-capitals"),
        pytest.param("Куп'янськ", "nb", "Kupjansk", id="nb-kupjansk"),
        pytest.param("Лисичанськ", "nb", "Lysytsjansk", id="nb-ch-is-tsj"),
        pytest.param("Буча", "nb", "Butsja", id="nb-butsja"),
        pytest.param("Авдіївка", "nb", "Avdijivka", id="nb-yi-is-ji"),
        pytest.param("Щастя", "nb", "Sjtsjastja", id="nb-shch-is-sjtsj"),
        pytest.param("Херсон", "nb", "Kherson", id="nb-kh"),
        pytest.param("Костянтинівка", "en", "Kostiantynivka", id="en-bgn-2010-ia"),
        pytest.param("Запоріжжя", "en", "Zaporizhzhia", id="en-zh"),
        pytest.param("Єнакієве", "en", "Yenakiieve", id="en-initial-ye-inner-ie"),
        pytest.param("Дружківка", "de", "Druschkiwka", id="de-sch-and-w"),
        pytest.param("Херсон", "de", "Cherson", id="de-ch"),
    ],
)
def test_transliterate_follows_each_scheme(cyrillic: str, scheme: str, expected: str) -> None:
    assert transliterate(cyrillic, scheme) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("cyrillic", "expected"),
    [
        pytest.param("Киев", "Kijev", id="russian-ie-after-vowel-is-je"),
        pytest.param("Белгород", "Belgorod", id="russian-g-not-h"),
        pytest.param("Ельня", "Jelnja", id="russian-initial-je"),
    ],
)
def test_russian_names_follow_russian_rules(cyrillic: str, expected: str) -> None:
    assert transliterate(cyrillic, "nb", "ru") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Київ", ("uk",), id="yi-is-ukrainian"),
        pytest.param("Лисий", ("uk", "ru"), id="ambiguous-letters"),
        pytest.param("Мытищи", ("ru",), id="yery-is-russian"),
    ],
)
def test_detect_language_from_tell_tale_letters(text: str, expected: tuple[str, ...]) -> None:
    assert detect_language(text) == expected


def test_variants_cover_norwegian_english_german_and_older_english() -> None:
    found = variants("Костянтинівка")
    assert {"Kostjantynivka", "Kostiantynivka", "Kostyantynivka", "Kostjantyniwka"} <= found
    assert all(not has_cyrillic(v) for v in found)


def test_ambiguous_name_gets_both_language_readings() -> None:
    assert {"Kijev", "Kyev"} <= variants("Киев")


def test_latin_text_has_no_variants_and_passes_through() -> None:
    assert variants("Kyiv") == frozenset()
    assert transliterate("Kyiv-Ост", "nb") == "Kyiv-Ost"
