"""Benchmark ingest and de-duplication: pages/s from a loopback server, dedup precision/recall.

1. **Pages per second.** A loopback HTTP server (127.0.0.1 only) serves ``--pages`` generated
   news pages with heavy boilerplate (cookie banner, menu, "Les også" box, ads, comments,
   footer). ``geo.ingest.ingest`` fetches, extracts (trafilatura), detects the language
   (lingua) and writes each one; the figure is pages written per wall-clock second, one core.
2. **De-duplication.** ``--stories`` base articles on one topic (the eastern front: the same
   places, actors and formulaic phrasing, so distinct articles look alike) each get
   ``--copies`` near-duplicates: another headline and outlet, boilerplate lines, small word
   edits, a dropped sentence, or a shortened copy. Each base also gets a follow-up article
   that reuses two of its background sentences (a different story: a hard negative).
   :func:`geo.stories.group_stories` groups them; precision and recall are counted over
   article pairs (same base = duplicate).

All text is generated here from templates written for this benchmark. Prints figures;
asserts nothing. Usage: ``python bench/ingest.py [--pages 200] [--stories 60] [--copies 4]``
"""

from __future__ import annotations

import argparse
import datetime as dt
import ipaddress
import itertools
import random
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from geo.ingest import FetchPolicy, ingest
from geo.model import Article
from geo.stories import group_stories

PLACES = (
    "Pokrovsk", "Kostjantynivka", "Toretsk", "Kupjansk", "Lyman", "Siversk", "Tsjasiv Jar",
    "Myrnohrad", "Dobropillja", "Huljajpole", "Orikhiv", "Vovtsjansk",
)  # fmt: skip
SOURCES = ("forsvarsdepartementet", "generalstaben", "ISW", "DeepState", "guvernøren")
DAYS = ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag")
TEMPLATES = (
    "Russiske styrker har rykket fram {n} kilometer nær {p}, opplyser {s} {d}.",
    "Ifølge {s} har Russland tatt om lag {n} kvadratkilometer rundt {p} den siste uken.",
    "Ukrainske myndigheter beordret {d} evakuering av {n} landsbyer ved {p}.",
    "{s} melder om harde kamper sør for {p}, der begge sider har store tap.",
    "Droneangrep mot {p} natt til {d} drepte {n} sivile, sier {s}.",
    "Kyiv ber om mer luftvern etter at {p} ble angrepet {n} ganger {d}.",
    "Analytikere mener at {p} kan falle innen {n} uker dersom forsyningslinjene kuttes.",
    "Guvernøren sier at {n} mennesker fortsatt bor i {p} og ber dem reise.",
    "Ifølge {s} har ukrainske soldater slått tilbake {n} angrep ved {p} siden {d}.",
    "Veien mellom {p} og {q} er nå innenfor rekkevidde av russisk artilleri, skriver {s}.",
    "Det ukrainske forsvaret sier at situasjonen ved {p} er vanskelig, men under kontroll.",
    "Flere hundre familier har forlatt {p} de siste {n} dagene, ifølge {s}.",
)
BOILER_TOP = ("Les også: Slik har fronten flyttet seg i sommer", "Annonse", "NTB")
BOILER_END = ("Del saken på Facebook", "Les også: – Vinteren blir avgjørende", "Annonse")
EDITS = (("har rykket", "rykket"), ("om lag", "rundt"), ("sier", "opplyser"), ("harde", "tunge"))


def _sentence(rng: random.Random) -> str:
    place, other = rng.sample(PLACES, 2)
    return rng.choice(TEMPLATES).format(
        p=place, q=other, n=rng.randint(2, 900), s=rng.choice(SOURCES), d=rng.choice(DAYS)
    )


def _base(rng: random.Random) -> list[str]:
    return [_sentence(rng) for _ in range(rng.randint(7, 11))]


def _variant(sentences: list[str], kind: int, rng: random.Random) -> str:
    lines = list(sentences)
    if kind == 0:  # other outlet: boilerplate around the same wire text
        lines = [rng.choice(BOILER_TOP), *lines, rng.choice(BOILER_END)]
    elif kind == 1:  # small edits in two sentences
        for index in rng.sample(range(len(lines)), 2):
            old, new = rng.choice(EDITS)
            lines[index] = lines[index].replace(old, new)
    elif kind == 2:  # one sentence dropped, boilerplate added
        del lines[rng.randrange(len(lines))]
        lines.append(rng.choice(BOILER_END))
    else:  # a shortened copy with an edit and boilerplate: several changes at once
        lines = lines[: max(4, int(len(lines) * 0.6))]
        old, new = rng.choice(EDITS)
        lines[0] = lines[0].replace(old, new)
        lines.insert(0, rng.choice(BOILER_TOP))
    return "\n".join(lines)


def _follow_up(sentences: list[str], rng: random.Random) -> str:
    """Return a new article reusing two background sentences of an earlier one: no copy."""
    return "\n".join([*_base(rng)[:7], *rng.sample(sentences, 2)])


def dedup_set(stories: int, copies: int, seed: int = 7) -> tuple[list[Article], dict[str, int]]:
    """Return articles and, for each id, the base story it was made from."""
    rng = random.Random(seed)  # noqa: S311 - reproducible test data, not secrets
    articles: list[Article] = []
    truth: dict[str, int] = {}
    for story in range(stories):
        sentences = _base(rng)
        texts = ["\n".join(sentences)] + [_variant(sentences, k % 4, rng) for k in range(copies)]
        follow_up = _follow_up(sentences, rng)
        for index, text in enumerate([*texts, follow_up]):
            is_follow_up = index == len(texts)
            article_id = f"s{story:03d}-{'f' if is_follow_up else 'c'}{index}"
            truth[article_id] = -1 - story if is_follow_up else story
            articles.append(
                Article(
                    id=article_id,
                    text=text,
                    lang="nb",
                    published=dt.date(2025, 8, 1 + story % 20),
                    source=f"Outlet {index}",
                )
            )
    return articles, truth


def dedup_scores(stories: int, copies: int) -> tuple[float, float, int, float]:
    articles, truth = dedup_set(stories, copies)
    group_stories(articles[:2])  # import datasketch before timing
    started = time.perf_counter()
    grouped = group_stories(articles)
    seconds = time.perf_counter() - started
    predicted = {a: s.id for s in grouped for a in s.articles}
    tp = fp = fn = 0
    for a, b in itertools.combinations(sorted(truth), 2):
        same_truth, same_pred = truth[a] == truth[b], predicted[a] == predicted[b]
        tp += same_truth and same_pred
        fp += same_pred and not same_truth
        fn += same_truth and not same_pred
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall, len(articles), seconds


def _page(index: int, rng: random.Random) -> bytes:
    body = "".join(f"<p>{s}</p>" for s in _base(rng))
    return f"""<!DOCTYPE html><html lang="nb"><head><meta charset="utf-8">
<title>Sak {index} | Benkeposten</title><meta property="og:site_name" content="Benkeposten">
<meta property="article:published_time" content="2025-08-{1 + index % 20:02d}T08:00:00+02:00">
</head><body><div class="cookie-banner"><p>Vi bruker informasjonskapsler. Godta alle.</p></div>
<nav><a href="/">Forside</a> <a href="/sport">Sport</a> <a href="/kultur">Kultur</a></nav>
<div class="ad">ANNONSE Billige flybilletter</div><main><article><h1>Sak nummer {index}</h1>
{body}<aside class="related"><h3>Les også</h3><ul><li>En annen sak</li></ul></aside>
</article><section class="comments"><p>En leser mener noe om saken.</p></section></main>
<footer>© Benkeposten · Ansvarlig redaktør · Personvern</footer></body></html>""".encode()


def pages_per_second(pages: int) -> tuple[float, int, int]:
    rng = random.Random(11)  # noqa: S311 - reproducible test data
    site = {f"/sak/{i}": _page(i, rng) for i in range(pages)}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = site.get(self.path)
            self.send_response(200 if body else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body or b"")))
            self.end_headers()
            self.wfile.write(body or b"")

        def log_message(self, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    policy = FetchPolicy(trusted_networks=(ipaddress.ip_network("127.0.0.1/32"),))
    try:
        with tempfile.TemporaryDirectory() as tmp:
            started = time.perf_counter()
            results = list(ingest([base + p for p in site], Path(tmp), policy))
            seconds = time.perf_counter() - started
    finally:
        httpd.shutdown()
        httpd.server_close()
    ok = sum(r.status == "ok" for r in results)
    return ok / seconds, ok, len(results)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--stories", type=int, default=60)
    parser.add_argument("--copies", type=int, default=4)
    args = parser.parse_args(argv)

    rate, ok, total = pages_per_second(args.pages)
    print(f"ingest: {rate:.1f} pages/s ({ok} of {total} written, loopback server, one core)")
    precision, recall, n, seconds = dedup_scores(args.stories, args.copies)
    print(
        f"dedup: precision {precision:.3f}, recall {recall:.3f} over pairs of {n} articles "
        f"({args.stories} stories x {args.copies + 1} copies + 1 follow-up each); "
        f"grouped in {seconds:.2f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
