import json
from pathlib import Path

import pytest

from geo.cli import main
from geo.errors import ArticleError
from geo.evaluate import load_gold_articles, same_person, score_article

TEXT = "Zelenskyj møtte Macron i Kyiv fredag. – Vi står sammen, sa Zelenskyj."
GOLD = {
    "id": "t1",
    "places": [
        {
            "surface": "Kyiv",
            "name": "Kyiv",
            "kind": "city",
            "iso": "UA",
            "lat": 50.45,
            "lon": 30.52,
            "start": 25,
            "end": 29,
        }
    ],
    "actors": [
        {"surface": "Zelenskyj", "name": "Volodymyr Zelensky", "start": 0, "end": 9},
        {"surface": "Macron", "name": "Emmanuel Macron", "start": 16, "end": 22},
        {"surface": "Zelenskyj", "name": "Volodymyr Zelensky", "start": 59, "end": 68},
    ],
    "quotes": [{"text": "Vi står sammen", "speaker": "Volodymyr Zelensky", "start": 40, "end": 54}],
    "dates": [{"surface": "fredag", "resolved": "2025-08-15", "start": 30, "end": 36}],
}


def _perfect() -> dict:
    return {
        "places": [
            {"start": 25, "end": 29, "name": "Kyiv", "country": "UA", "lat": 50.45, "lon": 30.52}
        ],
        "actors": [
            {"start": 0, "end": 9, "surface": "Zelenskyj", "name": "Volodymyr Zelensky"},
            {"start": 16, "end": 22, "surface": "Macron", "name": "Emmanuel Macron"},
            {"start": 59, "end": 68, "surface": "Zelenskyj", "name": "Volodymyr Zelensky"},
        ],
        "quotes": [{"text": "Vi står sammen", "speaker": "Volodymyr Zelensky"}],
        "dates": [{"start": 30, "end": 36, "resolved": "2025-08-15"}],
    }


def test_gold_offsets_hold_their_surfaces() -> None:
    for kind in ("places", "actors", "quotes", "dates"):
        for item in GOLD[kind]:
            assert TEXT[item["start"] : item["end"]] == item.get("surface", item.get("text"))


def test_perfect_prediction_scores_one_everywhere() -> None:
    metrics = score_article(TEXT, GOLD, _perfect()).metrics()
    for key in (
        "place_f1",
        "place_resolution_acc",
        "actor_f1",
        "quote_f1",
        "speaker_acc",
        "date_r",
        "date_resolution_acc",
    ):
        assert metrics[key] == 1.0, key


def test_wrong_speaker_wrong_friday_and_far_place_are_counted_wrong() -> None:
    pred = _perfect()
    pred["quotes"][0]["speaker"] = "Emmanuel Macron"
    pred["dates"][0]["resolved"] = "2025-08-08"
    pred["places"][0].update(name="Kyiv Oblast", lat=49.0, lon=32.0)
    metrics = score_article(TEXT, GOLD, pred).metrics()
    assert metrics["speaker_acc"] == 0.0
    assert metrics["date_resolution_acc"] == 0.0
    assert metrics["place_resolution_acc"] == 0.0
    assert metrics["quote_f1"] == 1.0


def test_actor_with_the_wrong_person_is_a_false_positive_and_a_miss() -> None:
    pred = _perfect()
    pred["actors"][1]["name"] = "Keir Starmer"
    counts = score_article(TEXT, GOLD, pred)
    assert (counts.actor_tp, counts.actor_fp, counts.actor_fn) == (2, 1, 1)


def test_predictions_on_optional_items_are_neutral() -> None:
    gold = {**GOLD, "optional_quotes": ["Vi står"], "quotes": []}
    pred = {"quotes": [{"text": "Vi står", "speaker": None}]}
    assert score_article(TEXT, gold, pred).quote_fp == 0


@pytest.mark.parametrize(
    ("gold", "pred", "same"),
    [
        ("Volodymyr Zelensky", "Zelenskyy", True),
        ("Oleksandr Syrskyi", "Syrskyj", True),
        ("Emmanuel Macron", "Macron", True),
        ("Emmanuel Macron", "Keir Starmer", False),
    ],
)
def test_same_person_tolerates_transliteration(gold: str, pred: str, same: bool) -> None:
    assert same_person(gold, pred) is same


def _gold_folder(tmp_path: Path) -> Path:
    (tmp_path / "articles").mkdir(parents=True)
    (tmp_path / "articles" / "t1.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "articles" / "t2.txt").write_text("The talks ended in May.", encoding="utf-8")
    meta = [
        {"id": "t1", "lang": "nb", "published": "2025-08-14"},
        {"id": "t2", "lang": "en", "published": None, "published_month": "2024-02"},
    ]
    (tmp_path / "articles.jsonl").write_text("\n".join(map(json.dumps, meta)), encoding="utf-8")
    gold = [
        GOLD,
        {"id": "t2", "dates": [{"surface": "May", "resolved": "2023-05", "start": 19, "end": 22}]},
    ]
    (tmp_path / "gold.jsonl").write_text("\n".join(map(json.dumps, gold)), encoding="utf-8")
    return tmp_path


def test_gold_folder_metadata_sets_language_and_publication(tmp_path: Path) -> None:
    pairs = load_gold_articles(_gold_folder(tmp_path))
    (a1, _), (a2, _) = pairs
    assert (a1.lang, str(a1.published), a1.published_precision) == ("nb", "2025-08-14", "day")
    assert (a2.lang, str(a2.published), a2.published_precision) == ("en", "2024-02-01", "month")


def test_not_a_gold_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ArticleError, match="not a gold folder"):
        load_gold_articles(tmp_path)


def test_evaluate_command_prints_every_headline_metric(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _gold_folder(tmp_path / "gold")
    pred_file = tmp_path / "pred.jsonl"
    assert main(["evaluate", str(folder), "--write-pred", str(pred_file)]) == 0
    out = capsys.readouterr().out
    for key in (
        "place_f1",
        "place_resolution_acc",
        "actor_f1",
        "quote_f1",
        "speaker_acc",
        "date_resolution_acc",
    ):
        assert key in out
    assert [json.loads(line)["id"] for line in pred_file.read_text().splitlines()] == ["t1", "t2"]
