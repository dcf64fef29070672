"""Leaflet and friends served by the app itself, from registry (PyPI) packages.

Folium points every map at CDNs (jsDelivr, code.jquery.com, cdnjs, netdna). Behind a
firewall, or with no internet, the map frame then stays blank. Instead:

* :func:`install` copies the few files the maps use out of the installed XStatic packages
  (``XStatic-Leaflet``, ``XStatic-Leaflet-MarkerCluster``, ``XStatic-jQuery``,
  ``XStatic-Font-Awesome``) into the app's static folder (``dashboard/static/``, git-ignored
  apart from its ``.gitignore``), which Streamlit serves at ``/app/static/`` when
  ``server.enableStaticServing`` is on (``.streamlit/config.toml``).
* :func:`localize` rewrites the ``default_js``/``default_css`` of every element of a map
  (streamlit-folium reads exactly those lists to load scripts into its frame) to those files.
  A CDN URL this module does not know raises :class:`AssetError`, so a new folium element
  cannot bring a CDN back silently.

Folium's Bootstrap, its glyphicons and Leaflet.awesome-markers are dropped: these maps draw
their markers as Leaflet ``divIcon`` elements with Font Awesome glyphs and never use them
(and XStatic-Bootstrap ships only an sdist that no longer builds with current setuptools).

Caching: the URLs carry each package's version, so their content never changes. Streamlit's
static route sends ``Last-Modified`` and ``ETag`` but no ``Cache-Control``; the copies get
the fixed modification time :data:`LAST_MODIFIED`, so a browser's heuristic freshness
(RFC 9111 §4.2.2, a tenth of the age) keeps them cached for months instead of asking again
on every rerun.
"""

from __future__ import annotations

import importlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Final

__all__ = [
    "BUNDLES",
    "LAST_MODIFIED",
    "STATIC_URL",
    "AssetError",
    "Bundle",
    "asset_url",
    "install",
    "localize",
    "map_css",
    "map_js",
]

#: Where the frame finds the app's static files. streamlit-folium's frame lives at
#: ``<app>/component/streamlit_folium.st_folium/index.html``; a path relative to it keeps
#: working under a base URL path or a proxy prefix (Community Cloud), unlike ``/app/static``.
STATIC_URL: Final = "../../app/static"
#: Folder inside the static folder that holds the copies (one sub-folder per package version).
VENDOR_DIR: Final = "vendor"
#: 2024-01-01T00:00:00Z: the copies' modification time (see the module docstring).
LAST_MODIFIED: Final = 1_704_067_200


class AssetError(RuntimeError):
    """A map needs a front-end file no installed package provides."""


@dataclass(frozen=True)
class Bundle:
    """Files taken from one XStatic package (paths relative to its ``BASE_DIR``)."""

    name: str
    module: str
    files: tuple[str, ...]

    @property
    def version(self) -> str:
        """The packaged library's version (``xstatic.pkg.*.VERSION``)."""
        return str(_module(self.module).VERSION)

    @property
    def base_dir(self) -> Path:
        """The folder of the packaged files inside the installed package."""
        return Path(_module(self.module).BASE_DIR)

    @property
    def folder(self) -> str:
        """The bundle's folder under :data:`VENDOR_DIR`, versioned (``leaflet-1.9.3``)."""
        return f"{self.name}-{self.version}"


BUNDLES: Final = {
    "leaflet": Bundle("leaflet", "xstatic.pkg.leaflet", ("leaflet.js", "leaflet.css", "images")),
    "markercluster": Bundle(
        "leaflet.markercluster",
        "xstatic.pkg.leaflet_markercluster",
        ("leaflet.markercluster.js", "MarkerCluster.css", "MarkerCluster.Default.css"),
    ),
    "jquery": Bundle("jquery", "xstatic.pkg.jquery", ("jquery.min.js",)),
    "fontawesome": Bundle(
        "font-awesome",
        "xstatic.pkg.font_awesome",
        (
            "LICENSE.txt",
            "css/fontawesome.min.css",
            "css/solid.min.css",
            "webfonts/fa-solid-900.woff2",
            "webfonts/fa-solid-900.ttf",
        ),
    ),
}

#: CDN URL (as folium and its plugins name them, version-free prefix) -> local file, or
#: ``None`` for a file these maps never use.
_CDN: Final[tuple[tuple[str, tuple[str, str] | None], ...]] = (
    ("https://cdn.jsdelivr.net/npm/leaflet@", ("leaflet", "")),  # file name kept
    ("https://code.jquery.com/jquery-", ("jquery", "jquery.min.js")),
    ("https://cdn.jsdelivr.net/npm/bootstrap@", None),
    ("https://netdna.bootstrapcdn.com/bootstrap/", None),
    ("https://cdnjs.cloudflare.com/ajax/libs/Leaflet.awesome-markers/", None),
    ("https://cdn.jsdelivr.net/gh/python-visualization/folium/", None),
    ("https://cdn.jsdelivr.net/npm/@fortawesome/fontawesome-free@", ("fontawesome", "")),
    ("https://cdnjs.cloudflare.com/ajax/libs/leaflet.markercluster/", ("markercluster", "")),
)


@cache
def _module(name: str) -> Any:
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as exc:
        package = name.replace("xstatic.pkg.", "XStatic-").replace("_", "-")
        msg = (
            f"the maps' front-end files come from the {package!r} package, which is not "
            f"installed: pip install {package}"
        )
        raise AssetError(msg) from exc


def asset_url(bundle: str, path: str) -> str:
    """Return the URL the map frame loads ``path`` of a bundle from.

    Examples
    --------
    >>> asset_url("leaflet", "leaflet.js")
    '../../app/static/vendor/leaflet-1.9.3/leaflet.js'
    """
    return f"{STATIC_URL}/{VENDOR_DIR}/{BUNDLES[bundle].folder}/{path}"


def map_js() -> list[tuple[str, str]]:
    """Return the scripts every map loads, as folium's ``default_js`` pairs (name, URL)."""
    return [
        ("leaflet", asset_url("leaflet", "leaflet.js")),
        ("jquery", asset_url("jquery", "jquery.min.js")),  # folium's map script uses ``$``
        ("markercluster", asset_url("markercluster", "leaflet.markercluster.js")),
    ]


def map_css() -> list[tuple[str, str]]:
    """Return the stylesheets every map loads, as folium's ``default_css`` pairs."""
    return [
        ("leaflet_css", asset_url("leaflet", "leaflet.css")),
        ("markercluster_css", asset_url("markercluster", "MarkerCluster.css")),
        ("markercluster_default_css", asset_url("markercluster", "MarkerCluster.Default.css")),
        ("fontawesome_css", asset_url("fontawesome", "css/fontawesome.min.css")),
        ("fontawesome_solid_css", asset_url("fontawesome", "css/solid.min.css")),
    ]


def _local(url: str) -> str | None:
    """Return the local URL for a CDN URL, ``None`` to drop it; raise for an unknown one."""
    if url.startswith(STATIC_URL):
        return url
    for prefix, target in _CDN:
        if url.startswith(prefix):
            if target is None:
                return None
            bundle, fixed = target
            name = fixed or url.rsplit("/", 1)[-1]
            name = {"all.min.css": "css/fontawesome.min.css"}.get(name, name)
            return asset_url(bundle, name)
    msg = f"no local copy of {url}: add its XStatic package to dashboard.maps.assets"
    raise AssetError(msg)


def _walk(element: Any) -> Iterator[Any]:
    yield element
    for child in getattr(element, "_children", {}).values():
        yield from _walk(child)


def _rewrite(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for name, url in pairs:
        local = _local(url)
        if local is not None and all(local != seen for _, seen in out):
            out.append((name, local))
    return out


def localize(fmap: Any) -> Any:
    """Point every script and stylesheet of ``fmap`` (and its children) at the local copies.

    Sets ``default_js``/``default_css`` on each element instance (folium's renderer and
    streamlit-folium both read them). The root map loads :func:`map_js`/:func:`map_css`.
    Returns ``fmap``.

    Raises
    ------
    AssetError
        An element wants a CDN file with no local copy.
    """
    for element in _walk(fmap):
        if element is fmap:
            element.default_js = map_js()
            element.default_css = map_css()
            continue
        if "default_js" in dir(element):
            element.default_js = _rewrite(list(getattr(element, "default_js", [])))
        if "default_css" in dir(element):
            element.default_css = _rewrite(list(getattr(element, "default_css", [])))
    return fmap


def _sources() -> Iterator[tuple[Path, Path]]:
    """Yield ``(source file, path relative to the static folder)`` for every bundle file."""
    for bundle in BUNDLES.values():
        for relative in bundle.files:
            source = bundle.base_dir / relative
            target = Path(VENDOR_DIR) / bundle.folder / relative
            if source.is_dir():
                for path in sorted(source.rglob("*")):
                    if path.is_file():
                        yield path, target / path.relative_to(source)
            else:
                yield source, target


def install(static_dir: Path) -> list[Path]:
    """Copy the bundles' files into ``static_dir`` (missing or changed files only).

    Safe when several sessions start at once: each file is written to a temporary name and
    renamed into place. Returns the files written.

    Raises
    ------
    AssetError
        A package is missing or lacks a file.
    """
    written: list[Path] = []
    for source, relative in _sources():
        if not source.is_file():
            msg = f"{source} is missing from its package; reinstall it"
            raise AssetError(msg)
        target = static_dir / relative
        if target.is_file() and target.stat().st_size == source.stat().st_size:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".part-")
        os.close(handle)
        shutil.copyfile(source, temporary)
        os.chmod(temporary, 0o644)
        os.utime(temporary, (LAST_MODIFIED, LAST_MODIFIED))
        os.replace(temporary, target)
        written.append(target)
    return written
