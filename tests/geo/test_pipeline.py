import pytest
from hypothesis import given
from hypothesis import strategies as st

from geo.model import Actor, ActorMention, PlaceMention
from geo.pipeline import STAGES, Stage, _without_overlaps, check_stages, extract_article
from tests.builders import make_article


def test_declared_stages_are_well_ordered() -> None:
    check_stages(STAGES)


def test_a_stage_reading_a_later_field_is_refused_at_build_time() -> None:
    reordered = (STAGES[-1], *STAGES[:-1])
    with pytest.raises(ValueError, match="'events' requires"):
        check_stages(reordered)


def test_a_stage_producing_other_fields_than_declared_fails_loudly(resources, monkeypatch) -> None:
    liar = Stage("paragraphs", (), ("paragraphs",), lambda a, s, r: {"sentences": ()})
    monkeypatch.setattr("geo.pipeline.STAGES", (liar, *STAGES[1:]))
    with pytest.raises(RuntimeError, match="declared"):
        extract_article(make_article("Tekst."), resources)


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "«",
        "– ",
        "\x00",
        "<script>alert(1)</script>",
        "a" * 5000,
        "Fredag. Fredag! 15.08.2025",
    ],
)
def test_extraction_never_raises_on_odd_text_and_spans_slice_back(text: str, resources) -> None:
    extraction = extract_article(make_article(text), resources)
    for mention in (*extraction.places, *extraction.actors, *extraction.orgs, *extraction.dates):
        assert text[mention.start : mention.end] == mention.surface


def _brute_force_without_overlaps(places, spans):
    return tuple(p for p in places if not any(p.start < e and s < p.end for s, e in spans))


@given(
    st.lists(st.tuples(st.integers(0, 60), st.integers(1, 8)), max_size=12),
    st.lists(st.tuples(st.integers(0, 60), st.integers(1, 15)), max_size=8),
)
def test_places_overlapping_orgs_or_people_are_dropped_exactly(place_spans, other_spans) -> None:
    places = tuple(PlaceMention("x" * n, s, s + n, None) for s, n in place_spans)
    others = [(s, s + n) for s, n in other_spans]
    mentions = tuple(ActorMention("y", s, e, Actor("a", "A", "org")) for s, e in others)
    state = {"orgs": mentions[: len(mentions) // 2], "actors": mentions[len(mentions) // 2 :]}
    assert _without_overlaps(places, state) == _brute_force_without_overlaps(places, others)
