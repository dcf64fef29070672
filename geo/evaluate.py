"""Score the extractor against a gold folder (the format of ``shared/eval/dev``).

A gold folder holds ``articles/<id>.txt``, ``articles.jsonl`` (``id``, ``lang``,
``published`` or ``published_month``) and ``gold.jsonl`` (places, actors, orgs, quotes, dates
with character offsets; optional items). The metrics follow that folder's README:

* places: precision/recall/F1 by span overlap; resolution accuracy on matched pairs (cities
  within 40 km, regions 450 km, countries by ISO code, or the same canonical name);
* actors: span overlap *and* the same person (same normalised surname);
* quotes: one-to-one match by text similarity ≥ 0.8; speaker accuracy on matched quotes;
* dates: recall by span overlap of gold dates with a resolved value, precision against all
  gold dates, and resolution accuracy on matched pairs.

Predictions overlapping optional gold items are neither right nor wrong. Matching is greedy
and one-to-one. Scores are reported overall and per language group (``nb`` = nb+nn, ``en``).

:func:`run_open_domain` runs the shared open-domain scorer (``../shared/eval/
score_open_domain.py``: NorNE dev and GeoWebNews, public gold nobody on the project wrote)
on the same code, so in-domain and open-domain figures come from one command.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import math
import os
import re
import subprocess
import sys
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from geo.errors import ArticleError, GeoError
from geo.io.articles import read_article
from geo.model import Article, Lang
from geo.pipeline import extract_article
from geo.records import extraction_to_record
from geo.resources import Resources, load_resources

__all__ = [
    "HEADLINE_TARGETS",
    "OPEN_DOMAIN_KEYS",
    "Counts",
    "OpenDomainResult",
    "load_gold_articles",
    "parse_summary",
    "predict",
    "run_open_domain",
    "score",
]

#: Distance tolerance (km) for a resolved place, by gold kind.
_TOLERANCE_KM = {"city": 40.0, "village": 40.0, "region": 450.0, "other": 40.0, "country": 0.0}

#: The issue's acceptance thresholds for the development set.
HEADLINE_TARGETS: dict[str, float] = {
    "place_f1": 0.90,
    "place_resolution_acc": 0.90,
    "actor_f1": 0.90,
    "quote_f1": 0.85,
    "speaker_acc": 0.85,
    "date_resolution_acc": 0.80,
}

_FOLD = str.maketrans({"ø": "o", "Ø": "O", "æ": "ae", "Æ": "Ae", "å": "a", "Å": "A", "ß": "ss"})
_QUOTE_CHARS = re.compile(r"[«»\"“”„‘’'–—-]")


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", (text or "").translate(_FOLD))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", bare).split())


def _surname_key(name: str) -> str:
    tokens = _fold(name).split()
    if not tokens:
        return ""
    # Zelensky / Zelenskyy / Zelenskyj / Zelenskiy share one key.
    return re.sub(r"[yji]+$", "", tokens[-1])[:6]


def same_person(gold_name: str, predicted_name: str) -> bool:
    """Tell whether two canonical names denote the same person (same surname key).

    Examples
    --------
    >>> same_person("Volodymyr Zelensky", "Zelenskyj")
    True
    >>> same_person("Emmanuel Macron", "Keir Starmer")
    False
    """
    gold, pred = _surname_key(gold_name), _surname_key(predicted_name)
    if not gold or not pred:
        return False
    if gold == pred:
        return True
    gold_keys = {_surname_key(t) for t in _fold(gold_name).split() if len(t) >= 4}
    pred_keys = {_surname_key(t) for t in _fold(predicted_name).split() if len(t) >= 4}
    return pred in gold_keys or gold in pred_keys


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance on a 6371 km sphere (ample for 40 km tolerances)."""
    p = math.pi / 180
    h = (
        math.sin((lat2 - lat1) * p / 2) ** 2
        + math.cos(lat1 * p) * math.cos(lat2 * p) * math.sin((lon2 - lon1) * p / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _quote_norm(text: str) -> str:
    return " ".join(_QUOTE_CHARS.sub(" ", text or "").split()).lower().rstrip(",.")


def quotes_match(gold: str, predicted: str) -> bool:
    """Tell whether two quote texts are the same quote (similarity of at least 0.8)."""
    a, b = _quote_norm(gold), _quote_norm(predicted)
    if not a or not b:
        return False
    return fuzz.ratio(a, b) >= 80.0


@dataclass
class Counts:
    """Raw counts behind the metrics, additive across articles."""

    place_tp: int = 0
    place_fp: int = 0
    place_fn: int = 0
    place_resolved_ok: int = 0
    actor_tp: int = 0
    actor_fp: int = 0
    actor_fn: int = 0
    quote_tp: int = 0
    quote_fp: int = 0
    quote_fn: int = 0
    speaker_ok: int = 0
    speaker_n: int = 0
    date_tp: int = 0
    date_fp: int = 0
    date_fn: int = 0
    date_ok: int = 0
    date_n: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, other: Counts) -> None:
        """Add ``other``'s counts to these."""
        for f in dataclasses.fields(self):
            if f.name == "errors":
                self.errors.extend(other.errors)
            else:
                setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))

    def metrics(self) -> dict[str, float]:
        """Return precision/recall/F1 and accuracies from the counts."""

        def ratio(a: int, b: int) -> float:
            return a / b if b else 0.0

        def f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
            p, r = ratio(tp, tp + fp), ratio(tp, tp + fn)
            return p, r, (2 * p * r / (p + r) if p + r else 0.0)

        out: dict[str, float] = {}
        out["place_p"], out["place_r"], out["place_f1"] = f1(
            self.place_tp, self.place_fp, self.place_fn
        )
        out["place_resolution_acc"] = ratio(self.place_resolved_ok, self.place_tp)
        out["actor_p"], out["actor_r"], out["actor_f1"] = f1(
            self.actor_tp, self.actor_fp, self.actor_fn
        )
        out["quote_p"], out["quote_r"], out["quote_f1"] = f1(
            self.quote_tp, self.quote_fp, self.quote_fn
        )
        out["speaker_acc"] = ratio(self.speaker_ok, self.speaker_n)
        out["date_p"], out["date_r"], out["date_f1"] = f1(self.date_tp, self.date_fp, self.date_fn)
        out["date_resolution_acc"] = ratio(self.date_ok, self.date_n)
        return out


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _span(item: dict[str, Any]) -> tuple[int, int]:
    return int(item["start"]), int(item["end"])


def _occurrences(text: str, surface: str) -> list[tuple[int, int]]:
    """Whole-token occurrences of ``surface`` (for optional items given as bare strings)."""
    spans = []
    for match in re.finditer(re.escape(surface), text):
        before = text[match.start() - 1] if match.start() else " "
        after = text[match.end()] if match.end() < len(text) else " "
        if not before.isalnum() and not after.isalnum():
            spans.append(match.span())
    return spans


def _neutral(text: str, items: Iterable[Any]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for item in items:
        if isinstance(item, dict):
            if "start" in item:
                spans.append(_span(item))
            elif item.get("surface"):
                spans.extend(_occurrences(text, item["surface"]))
        elif isinstance(item, str) and item:
            spans.extend(_occurrences(text, item))
    return spans


def _match(
    gold: Sequence[dict[str, Any]], pred: Sequence[dict[str, Any]], neutral: list[tuple[int, int]]
) -> tuple[list[tuple[dict[str, Any], dict[str, Any]]], int]:
    """Greedy one-to-one span-overlap matching; return pairs and the false-positive count."""
    taken: set[int] = set()
    pairs = []
    false_positives = 0
    for p in pred:
        ps = _span(p)
        hit = next(
            (i for i, g in enumerate(gold) if i not in taken and _overlap(ps, _span(g))), None
        )
        if hit is None:
            if not any(_overlap(ps, n) for n in neutral):
                false_positives += 1
            continue
        taken.add(hit)
        pairs.append((gold[hit], p))
    return pairs, false_positives


def _place_ok(gold: dict[str, Any], pred: dict[str, Any]) -> bool:
    names = {_fold(n) for n in [gold.get("name", ""), *gold.get("alts", [])] if n}
    if _fold(str(pred.get("name") or "")) in names:
        return True
    kind = gold.get("kind", "other")
    if kind == "country":
        return bool(gold.get("iso")) and str(pred.get("country") or "").upper() == gold["iso"]
    if pred.get("lat") is None or pred.get("lon") is None:
        return False
    tolerance = float(gold.get("tol_km") or _TOLERANCE_KM.get(kind, 40.0))
    distance = _km(gold["lat"], gold["lon"], float(pred["lat"]), float(pred["lon"]))
    return distance <= tolerance


def score_article(text: str, gold: dict[str, Any], pred: dict[str, Any]) -> Counts:
    """Count matches between one article's gold annotation and its predicted record."""
    c = Counts()
    # Places.
    pairs, fp = _match(
        gold.get("places", []),
        pred.get("places", []),
        _neutral(text, gold.get("optional_places", [])),
    )
    c.place_tp, c.place_fp = len(pairs), fp
    c.place_fn = len(gold.get("places", [])) - len(pairs)
    c.place_resolved_ok = sum(_place_ok(g, p) for g, p in pairs)
    # Actors: organisations and optional actors are neutral ground.
    neutral = _neutral(text, gold.get("orgs", []))
    neutral += _neutral(text, gold.get("optional_actors", []) + gold.get("credits", []))
    pairs, fp = _match(gold.get("actors", []), pred.get("actors", []), neutral)
    good = [(g, p) for g, p in pairs if same_person(g["name"], p.get("name") or p["surface"])]
    c.actor_tp = len(good)
    c.actor_fp = fp + len(pairs) - len(good)
    c.actor_fn = len(gold.get("actors", [])) - len(good)
    # Quotes.
    used: set[int] = set()
    predicted = pred.get("quotes", [])
    for g in gold.get("quotes", []):
        hit = next(
            (
                i
                for i, p in enumerate(predicted)
                if i not in used and quotes_match(g["text"], p.get("text", ""))
            ),
            None,
        )
        if hit is None:
            c.quote_fn += 1
            continue
        used.add(hit)
        c.quote_tp += 1
        if g.get("speaker"):
            c.speaker_n += 1
            said = predicted[hit].get("speaker") or ""
            names = [g["speaker"], *g.get("speaker_alts", [])]
            c.speaker_ok += bool(said) and any(
                same_person(n, said) or _fold(n) == _fold(said) for n in names
            )
    optional = gold.get("optional_quotes", [])
    c.quote_fp = sum(
        1
        for i, p in enumerate(predicted)
        if i not in used and not any(quotes_match(o, p.get("text", "")) for o in optional)
    )
    # Dates: recall over gold dates with a resolved value; precision over all gold dates.
    all_gold = gold.get("dates", [])
    resolvable = [d for d in all_gold if d.get("resolved")]
    pairs, _ = _match(resolvable, pred.get("dates", []), [])
    c.date_tp, c.date_fn = len(pairs), len(resolvable) - len(pairs)
    _, c.date_fp = _match(all_gold, pred.get("dates", []), [])
    for g, p in pairs:
        c.date_n += 1
        c.date_ok += _date_ok(g, p.get("resolved"))
    return c


def _date_ok(gold: dict[str, Any], predicted: object) -> bool:
    if not isinstance(predicted, str):
        return False
    if predicted == gold["resolved"]:
        return True
    end = gold.get("resolved_end")
    if not isinstance(end, str):
        return False
    return bool(gold["resolved"] <= predicted <= end)


def load_gold_articles(gold_dir: Path) -> list[tuple[Article, dict[str, Any]]]:
    """Read a gold folder into (article, gold annotation) pairs, in id order.

    Raises
    ------
    ArticleError
        When the folder lacks ``articles.jsonl``/``gold.jsonl`` or an article file.
    """
    meta_path, gold_path = gold_dir / "articles.jsonl", gold_dir / "gold.jsonl"
    if not meta_path.is_file() or not gold_path.is_file():
        msg = f"{gold_dir}: not a gold folder (needs articles.jsonl, gold.jsonl and articles/)."
        raise ArticleError(msg)
    golds = {str(row["id"]): row for row in map(json.loads, _lines(gold_path.read_text("utf-8")))}
    pairs = []
    for meta in map(json.loads, _lines(meta_path.read_text("utf-8"))):
        aid = str(meta["id"])
        lang: Lang = meta.get("lang") or "nb"
        published = dt.date.fromisoformat(meta["published"]) if meta.get("published") else None
        article = read_article(gold_dir / "articles" / f"{aid}.txt", published=published, lang=lang)
        if published is None and meta.get("published_month"):
            first = dt.date.fromisoformat(meta["published_month"] + "-01")
            article = dataclasses.replace(article, published=first, published_precision="month")
        pairs.append((article, golds.get(aid, {"id": aid})))
    return sorted(pairs, key=lambda pair: pair[0].id)


def _lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


def predict(
    articles: Iterable[Article], resources: Resources | None = None
) -> list[dict[str, Any]]:
    """Extract each article and return its JSON record (the ``extract --format jsonl`` shape)."""
    res = resources if resources is not None else load_resources()
    return [extraction_to_record(extract_article(a, res)) for a in articles]


def score(gold_dir: Path, *, resources: Resources | None = None) -> dict[str, Any]:
    """Extract every gold article and return metrics overall and per language group.

    Returns a dict with ``overall``, ``nb`` (Norwegian: nb + nn) and ``en`` metric dicts,
    ``articles`` (the count) and ``predictions`` (the records, for inspection).
    """
    pairs = load_gold_articles(gold_dir)
    records = predict([a for a, _ in pairs], resources)
    totals = {"overall": Counts(), "nb": Counts(), "en": Counts()}
    for (article, gold), record in zip(pairs, records, strict=True):
        counts = score_article(article.text, gold, record)
        totals["overall"].add(counts)
        totals["en" if article.lang == "en" else "nb"].add(counts)
    return {
        "articles": len(pairs),
        **{group: counts.metrics() for group, counts in totals.items()},
        "predictions": records,
    }


# --------------------------------------------------------------------------- open domain

#: Keys of the open-domain scorer's ``SUMMARY`` line.
OPEN_DOMAIN_KEYS = (
    "norne_place_f1",
    "norne_person_f1",
    "norne_org_f1",
    "gwn_place_f1",
    "gwn_acc161",
)


@dataclass(frozen=True, slots=True)
class OpenDomainResult:
    """What the shared open-domain scorer printed, and its ``SUMMARY`` figures."""

    summary: dict[str, float]
    output: str


def parse_summary(output: str) -> dict[str, float]:
    """Return the figures of the last ``SUMMARY key=value …`` line of the scorer's output.

    Raises
    ------
    GeoError
        When the output has no ``SUMMARY`` line (the scorer failed).
    """
    lines = [line for line in output.splitlines() if line.startswith("SUMMARY ")]
    if not lines:
        msg = "the open-domain scorer printed no SUMMARY line"
        raise GeoError(msg)
    pairs = (item.split("=", 1) for item in lines[-1].split()[1:] if "=" in item)
    return {key: float(value) for key, value in pairs}


def run_open_domain(scorer: Path, *, errors: int = 0, timeout: float = 1800.0) -> OpenDomainResult:
    """Run the shared open-domain scorer (NorNE dev + GeoWebNews) on this code.

    The scorer runs ``python -m geo extract`` on the articles it builds; it is started with
    this interpreter and with the folder that holds this ``geo`` package first on
    ``PYTHONPATH``, so it scores the very code that runs this function.

    Raises
    ------
    GeoError
        When the scorer is missing, fails, or prints no ``SUMMARY`` line.
    """
    if not scorer.is_file():
        msg = (
            f"{scorer}: open-domain scorer not found (expected ../shared/eval/score_open_domain.py)"
        )
        raise GeoError(msg)
    package_root = str(Path(__file__).resolve().parent.parent)
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (package_root, env.get("PYTHONPATH")) if p)
    command = [sys.executable, str(scorer), "--python", sys.executable]
    if errors:
        command += ["--errors", str(errors)]
    try:
        done = subprocess.run(  # noqa: S603 - our interpreter and a scorer path we were given
            command, capture_output=True, text=True, env=env, timeout=timeout, check=False
        )
    except subprocess.TimeoutExpired as exc:
        msg = f"the open-domain scorer did not finish within {timeout:.0f} s"
        raise GeoError(msg) from exc
    if done.returncode:
        tail = " | ".join(done.stderr.strip().splitlines()[-3:])
        msg = f"the open-domain scorer exited {done.returncode}: {tail}"
        raise GeoError(msg)
    return OpenDomainResult(parse_summary(done.stdout), done.stdout)
