"""Open-class persons, organisations and places from the recogniser, and the precision guards.

Every sentence is written for these tests (never taken from NorNE or the evaluation texts).
They run the whole pipeline with the shipped model, registry and gazetteer.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from geo.cli import main
from geo.errors import GeoError
from geo.evaluate import parse_summary, run_open_domain
from geo.model import Extraction
from geo.pipeline import STAGES, extract_article
from geo.resources import Resources
from tests.builders import make_article


def _extract(text: str, resources: Resources, lang: str = "nb") -> Extraction:
    return extract_article(make_article(text, lang=lang), resources)


def _actors(x: Extraction) -> list[tuple[str, str]]:
    return [(m.surface, m.actor.name) for m in x.actors]


def _orgs(x: Extraction) -> set[str]:
    return {m.actor.name for m in x.orgs}


def _places(x: Extraction) -> list[str]:
    return [m.surface for m in x.places]


def test_entities_stage_runs_before_the_stages_that_read_it(resources: Resources) -> None:
    names = [s.name for s in STAGES]
    assert names.index("entities") < names.index("actors") < names.index("places")
    x = _extract("Martha Johnsen bor i Lillevik.", resources)
    assert any(e.label == "PER" and e.surface == "Martha Johnsen" for e in x.entities)


def test_a_person_no_list_names_is_one_actor_across_the_article(resources: Resources) -> None:
    x = _extract(
        "Johnsen kom sent til møtet. Etterpå sa Martha Johnsen at hun var fornøyd. "
        "Johnsens forslag ble vedtatt.",
        resources,
    )
    actors = _actors(x)
    assert [s for s, _ in actors] == ["Johnsen", "Johnsen", "Johnsens"]
    assert {name for _, name in actors} == {"Martha Johnsen"}  # a lone surname inherits it


def test_registry_still_resolves_known_people(resources: Resources) -> None:
    x = _extract("Zelenskyj møtte Martha Johnsen i Kyiv.", resources)
    assert ("Zelenskyj", "Volodymyr Zelensky") in _actors(x)
    assert ("Johnsen", "Martha Johnsen") in _actors(x)


def test_organisations_are_open_class_in_bokmaal(resources: Resources) -> None:
    x = _extract(
        "Språkrådet og Arbeidstilsynet fikk kritikk. Frp og SV stemte mot forslaget, "
        "mens Høyres gruppe stemte for.",
        resources,
    )
    orgs = _orgs(x)
    assert {"Språkrådet", "Arbeidstilsynet", "Frp", "SV", "Høyre"} <= orgs


def test_organisations_are_open_class_in_nynorsk(resources: Resources) -> None:
    x = _extract(
        "Arbeidarpartiet og Høgre røysta mot framlegget, medan Kulturdepartementet tagde.",
        resources,
        lang="nn",
    )
    assert {"Arbeidarpartiet", "Høgre", "Kulturdepartementet"} <= _orgs(x)
    assert "Medan" not in _places(x)


def test_a_multiword_place_beats_the_given_name_rule(resources: Resources) -> None:
    x = _extract("Forskarane reiste til Jan Mayen i fjor og kom heim i mai.", resources, "nn")
    assert not any("Mayen" in name for _, name in _actors(x))
    assert any("Jan Mayen" in p or p == "Mayen" for p in _places(x))


def test_a_surname_is_no_town(resources: Resources) -> None:
    x = _extract(
        "Carl I. Hagen talte lenge i debatten. Etterpå sa Hagen at han var skuffet.", resources
    )
    assert "Hagen" not in _places(x)
    assert {name for _, name in _actors(x)} == {"Carl I. Hagen"}


def test_common_words_are_no_places(resources: Resources) -> None:
    nn = _extract("Medan regjeringa venta, kom svaret frå Bergen.", resources, "nn")
    assert _places(nn) == ["Bergen"]
    en = _extract(
        "The University said on Monday that God knows what happens next. I've no idea.",
        resources,
        lang="en",
    )
    assert _places(en) == []


def test_a_place_inside_an_organisations_name_is_no_place(resources: Resources) -> None:
    x = _extract("Hun tok doktorgraden ved Universitetet i Tromsø i fjor.", resources)
    assert "Tromsø" not in _places(x)
    assert any("Universitetet i Tromsø" in name for name in _orgs(x))
    en = _extract("She taught at Oxford University for ten years.", resources, "en")
    assert "Oxford" not in _places(en)


def test_a_country_acting_stays_a_place_and_becomes_an_organisation(
    resources: Resources,
) -> None:
    x = _extract("Samtidig protesterte Norge kraftig mot vedtaket.", resources)
    assert "Norge" in _places(x)
    acting = [m for m in x.orgs if m.surface == "Norge"]
    assert [m.actor.name for m in acting] in ([], ["Norway"])  # named as the place is
    y = _extract("Norges statsminister Kari Vangsnes sa nei.", resources)
    assert "Norges" in _places(y)
    assert all(m.surface != "Norges" for m in y.orgs)  # a genitive qualifies, it does not act


# --------------------------------------------------------------------------- open-domain scorer


def test_parse_summary_reads_the_last_summary_line() -> None:
    out = "table\nSUMMARY a=0.5 b=0.25\nnoise\nSUMMARY norne_place_f1=0.812 gwn_acc161=0.9\n"
    assert parse_summary(out) == {"norne_place_f1": 0.812, "gwn_acc161": 0.9}
    with pytest.raises(GeoError, match="SUMMARY"):
        parse_summary("no figures here")


def _fake_scorer(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "scorer.py"
    path.write_text(body, encoding="utf-8")
    return path


def test_open_domain_run_uses_this_code_and_returns_its_summary(tmp_path: Path) -> None:
    scorer = _fake_scorer(
        tmp_path,
        "import sys, geo, os\n"
        "assert sys.argv[1:3] == ['--python', sys.executable]\n"
        "print('root', os.path.dirname(os.path.dirname(geo.__file__)))\n"
        "print('SUMMARY norne_place_f1=0.800 gwn_place_f1=0.700')\n",
    )
    found = run_open_domain(scorer)
    assert found.summary == {"norne_place_f1": 0.8, "gwn_place_f1": 0.7}
    root = Path(__file__).resolve().parents[2]
    assert f"root {root}" in found.output


def test_open_domain_failures_are_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(GeoError, match="not found"):
        run_open_domain(tmp_path / "missing.py")
    broken = _fake_scorer(tmp_path, "import sys; sys.exit('boom')\n")
    with pytest.raises(GeoError, match="exited 1: boom"):
        run_open_domain(broken)


def test_evaluate_command_runs_the_open_domain_scorer(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    scorer = _fake_scorer(tmp_path, "print('SUMMARY norne_person_f1=0.900')\n")
    assert main(["evaluate", "--open-domain", "--scorer", str(scorer)]) == 0
    assert "SUMMARY norne_person_f1=0.900" in capsys.readouterr().out
    assert main(["evaluate"]) == 2
