"""Language detection routes nb/nn/en to their grammars and names every other language."""

from __future__ import annotations

import pytest

from geo.text.language import UnsupportedLanguageError, detect_language, supported_lang


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Regjeringen vil sende mer luftvern til Ukraina, men sier ikke når det skjer.", "nb"),
        ("Regjeringa vil sende meir luftvern til Ukraina, men seier ikkje når det skjer.", "nn"),
        ("The government will send more air defence to Ukraine but did not say when.", "en"),
        ("Regeringen kommer att skicka mer luftvärn till Ukraina, men säger inte när.", "sv"),
        ("Die Regierung will mehr Luftabwehr in die Ukraine schicken, sagt aber nicht wann.", "de"),
        ("Правительство направит Украине больше систем ПВО, но не сообщило когда.", "ru"),
    ],
)
def test_detect_language(text: str, code: str) -> None:
    assert detect_language(text).code == code


def test_supported_languages_route_and_others_raise_with_their_name() -> None:
    assert supported_lang("Eg trur ikkje at dei kjem fram før kvelden, sa ho.") == "nn"
    with pytest.raises(UnsupportedLanguageError, match=r"Swedish \(sv\)"):
        supported_lang("Regeringen kommer att skicka mer luftvärn till Ukraina, säger hon.")
    with pytest.raises(UnsupportedLanguageError, match="no language"):
        supported_lang("1234 — 5678 !!!")
    assert detect_language("").lang is None
