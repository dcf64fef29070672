import pytest
from hypothesis import given
from hypothesis import strategies as st

from geo.text.sentences import split_paragraphs, split_sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Han kom. Hun gikk.", ["Han kom.", "Hun gikk."], id="two-simple"),
        pytest.param(
            "De møttes bl.a. i Oslo. Så dro de.",
            ["De møttes bl.a. i Oslo.", "Så dro de."],
            id="abbreviation-bl.a.",
        ),
        pytest.param(
            "Han snakket med J.D. Vance i går. Det gikk bra.",
            ["Han snakket med J.D. Vance i går.", "Det gikk bra."],
            id="initials",
        ),
        pytest.param(
            "Møtet er 15. august i Alaska. Trump kommer.",
            ["Møtet er 15. august i Alaska.", "Trump kommer."],
            id="date-ordinal",
        ),
        pytest.param(
            "Putin later «som at de ikke betyr noe». Han sa det.",
            ["Putin later «som at de ikke betyr noe».", "Han sa det."],
            id="closing-guillemet",
        ),
        pytest.param(
            "Samler støtte\nZelenskyj snakket.",
            ["Samler støtte", "Zelenskyj snakket."],
            id="heading-line",
        ),
        pytest.param(
            "U.S. officials said so. Kyiv agreed.",
            ["U.S. officials said so.", "Kyiv agreed."],
            id="english-U.S.",
        ),
    ],
)
def test_sentence_split(text: str, expected: list[str]) -> None:
    assert [text[s.start : s.end] for s in split_sentences(text)] == expected


@given(st.text(alphabet=st.sampled_from(list("ab .!?\n«»–JD")), max_size=200))
def test_sentences_partition_paragraphs_in_order(text: str) -> None:
    paragraphs = split_paragraphs(text)
    sentences = split_sentences(text, paragraphs)
    previous_end = 0
    for sentence in sentences:
        para = paragraphs[sentence.paragraph]
        assert para.start <= sentence.start < sentence.end <= para.end
        assert sentence.start >= previous_end
        chunk = text[sentence.start : sentence.end]
        assert chunk == chunk.strip()
        previous_end = sentence.end
    # every non-space character of a paragraph lies in some sentence
    covered = sum(len(text[s.start : s.end].replace(" ", "")) for s in sentences)
    assert covered == sum(len(text[p.start : p.end].replace(" ", "")) for p in paragraphs)
