"""Folium's CDN assets served from local copies of registry (npm) packages, for offline tests.

Folium's HTML pulls Leaflet, jQuery, Bootstrap, Font Awesome and Leaflet.awesome-markers from
CDNs that CI cannot reach. ``python -m tests.e2e.assets`` (run by ``.ci/run`` before the
tests) reads the URLs folium references *now*, turns each into an npm package spec
(``leaflet@1.9.3``…), fetches it with ``npm pack`` and unpacks it into the cache folder. The
browser test then answers those URLs from the cache through ``page.route``; it never goes
online itself.

Two tiny stylesheets have no npm package (Bootstrap 3 glyphicons from netdna, folium's own
``leaflet.awesome.rotate`` on jsDelivr's GitHub mirror); they style icons this app does not
use and are answered with an empty stylesheet.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path
from typing import Final

ROOT: Final = Path(__file__).resolve().parents[2]
CACHE_ENV: Final = "FRONTLINE_E2E_ASSETS"
EMPTY_CSS_URLS: Final = (
    re.compile(
        r"https://netdna\.bootstrapcdn\.com/bootstrap/3\.0\.0/css/bootstrap-glyphicons\.css"
    ),
    re.compile(r"https://cdn\.jsdelivr\.net/gh/python-visualization/folium/.*\.css"),
)

_JSDELIVR_NPM = re.compile(r"https://cdn\.jsdelivr\.net/npm/(@?[^@/]+(?:/[^@/]+)?)@([^/]+)/(.+)")
_JQUERY = re.compile(r"https://code\.jquery\.com/jquery-([0-9.]+)(\.min)?\.js")
_AWESOME = re.compile(
    r"https://cdnjs\.cloudflare\.com/ajax/libs/Leaflet\.awesome-markers/([0-9.]+)/(.+)"
)


def cache_dir() -> Path:
    """Return where unpacked packages live (``$FRONTLINE_E2E_ASSETS`` or ``.cache/e2e-assets``)."""
    return Path(os.environ.get(CACHE_ENV, ROOT / ".cache" / "e2e-assets"))


def package_for(url: str) -> tuple[str, str] | None:
    """Return ``(npm spec, path inside the package)`` for a CDN URL, or ``None``.

    Examples
    --------
    >>> package_for("https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js")
    ('leaflet@1.9.3', 'dist/leaflet.js')
    >>> package_for("https://code.jquery.com/jquery-3.7.1.min.js")
    ('jquery@3.7.1', 'dist/jquery.min.js')
    """
    url = url.split("?", 1)[0].split("#", 1)[0]
    if match := _JSDELIVR_NPM.fullmatch(url):
        return f"{match[1]}@{match[2]}", match[3]
    if match := _JQUERY.fullmatch(url):
        return f"jquery@{match[1]}", f"dist/jquery{match[2] or ''}.js"
    if match := _AWESOME.fullmatch(url):
        inner = match[2]
        inner = f"js/{inner}" if inner.endswith(".js") else f"css/{inner}"
        return f"drmonty-leaflet-awesome-markers@{match[1]}", inner
    return None


def local_file(url: str) -> Path | None:
    """Return the cached file answering ``url``, or ``None`` when it is not cached."""
    found = package_for(url)
    if found is None:
        return None
    spec, inner = found
    path = cache_dir() / spec.replace("/", "__") / "package" / inner
    return path if path.is_file() else None


def folium_urls() -> list[str]:
    """Return the CDN URLs folium's HTML references (scripts and stylesheets)."""
    import folium

    fmap = folium.Map(tiles=None)
    folium.Marker([0, 0], icon=folium.Icon()).add_to(fmap)
    html = fmap.get_root().render()
    return sorted(set(re.findall(r'(?:src|href)="(https://[^"]+)"', html)))


def specs_needed() -> list[str]:
    """Return the npm specs that answer folium's URLs."""
    return sorted({found[0] for url in folium_urls() if (found := package_for(url))})


def fetch(specs: list[str] | None = None) -> list[Path]:
    """Fetch (``npm pack``) and unpack every needed package not yet in the cache."""
    out: list[Path] = []
    for spec in specs or specs_needed():
        target = cache_dir() / spec.replace("/", "__")
        if not (target / "package" / "package.json").is_file():
            with tempfile.TemporaryDirectory() as tmp:
                subprocess.run(
                    ["npm", "pack", spec, "--silent", "--pack-destination", tmp],
                    check=True,
                    capture_output=True,
                    timeout=300,
                )
                (tarball,) = Path(tmp).glob("*.tgz")
                target.mkdir(parents=True, exist_ok=True)
                with tarfile.open(tarball) as archive:
                    archive.extractall(target, filter="data")
        out.append(target)
    return out


def missing() -> list[str]:
    """Return folium URLs that neither the cache nor the empty-stylesheet rule answers."""
    return [
        url
        for url in folium_urls()
        if local_file(url) is None and not any(p.fullmatch(url) for p in EMPTY_CSS_URLS)
    ]


if __name__ == "__main__":
    for path in fetch():
        print(path)
    left = missing()
    if left:
        print("not answered:", *left, sep="\n  ", file=sys.stderr)
        sys.exit(1)
