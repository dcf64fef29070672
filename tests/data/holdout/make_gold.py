"""Build the hand-written hold-out gold folder from annotated sources (``src/*.ann``).

The hold-out texts were written for this project (they are not copies of any article) to
measure how the extractor does on text nobody tuned it on. Markup, nestable::

    ⟦P:surface|Name|kind|ISO|lat|lon⟧   place      ⟦A:surface|Name⟧   person
    ⟦O:surface|Name⟧                     org        ⟦D:surface|resolved⟧ date
    ⟦Q:Speaker|quote text⟧               quote (speaker may be empty for unknown)

The first line of an ``.ann`` file is a JSON header ``{"id", "lang", "published"}``.
Run ``python tests/data/holdout/make_gold.py`` after editing a source.
"""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent


def parse(marked: str) -> tuple[str, dict[str, list[dict[str, object]]]]:
    """Strip the markup; return the plain text and the annotations with offsets."""
    out: list[str] = []
    stack: list[tuple[int, str]] = []  # (start offset in plain text, header "P:...")
    items: dict[str, list[dict[str, object]]] = {
        k: [] for k in ("places", "actors", "orgs", "quotes", "dates")
    }
    i = 0
    pos = 0
    while i < len(marked):
        if marked.startswith("⟦", i):
            colon = marked.index(":", i)
            kind = marked[i + 1 : colon]
            if kind == "Q":
                bar = marked.index("|", colon)
                stack.append((pos, "Q:" + marked[colon + 1 : bar]))
                i = bar + 1
            else:
                bar = marked.index("|", colon)
                stack.append((pos, kind + ":"))
                i = colon + 1
                surface = marked[i:bar]
                out.append(surface)
                pos += len(surface)
                close = marked.index("⟧", bar)
                fields = marked[bar + 1 : close].split("|")
                start, _ = stack.pop()
                _add(items, kind, surface, (start, pos), fields)
                i = close + 1
            continue
        if marked.startswith("⟧", i):
            start, header = stack.pop()
            speaker = header[2:] or None
            text = "".join(out)[start:pos]
            items["quotes"].append({"text": text, "speaker": speaker, "start": start, "end": pos})
            i += 1
            continue
        out.append(marked[i])
        pos += 1
        i += 1
    for entries in items.values():
        entries.sort(key=lambda it: int(it["start"]))  # type: ignore[call-overload]
    return "".join(out), items


def _add(
    items: dict[str, list[dict[str, object]]],
    kind: str,
    surface: str,
    span: tuple[int, int],
    fields: list[str],
) -> None:
    start, end = span
    if kind == "P":
        name, pkind, iso, lat, lon = fields
        items["places"].append(
            {
                "surface": surface,
                "name": name,
                "kind": pkind,
                "iso": iso or None,
                "lat": float(lat),
                "lon": float(lon),
                "start": start,
                "end": end,
            }
        )
    elif kind == "A":
        items["actors"].append({"surface": surface, "name": fields[0], "start": start, "end": end})
    elif kind == "O":
        items["orgs"].append({"surface": surface, "name": fields[0], "start": start, "end": end})
    elif kind == "D":
        resolved = fields[0] or None
        items["dates"].append(
            {"surface": surface, "resolved": resolved, "start": start, "end": end}
        )
    else:
        msg = f"unknown markup kind {kind!r}"
        raise ValueError(msg)


def main() -> None:
    (HERE / "articles").mkdir(exist_ok=True)
    metas, golds = [], []
    for src in sorted((HERE / "src").glob("*.ann")):
        header, body = src.read_text("utf-8").split("\n", 1)
        meta = json.loads(header)
        text, items = parse(body.strip("\n"))
        (HERE / "articles" / f"{meta['id']}.txt").write_text(text, encoding="utf-8")
        metas.append(meta)
        golds.append({"id": meta["id"], **items})
    (HERE / "articles.jsonl").write_text(
        "".join(json.dumps(m, ensure_ascii=False) + "\n" for m in metas), "utf-8"
    )
    (HERE / "gold.jsonl").write_text(
        "".join(json.dumps(g, ensure_ascii=False) + "\n" for g in golds), "utf-8"
    )


if __name__ == "__main__":
    main()
