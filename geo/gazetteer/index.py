"""The offline gazetteer: name → candidate places, loaded once and cached on disk.

Contract (other stages rely on it):

* :func:`load_gazetteer` returns a :class:`Gazetteer`. The first call builds the index from
  the packaged sources (:func:`geo.gazetteer.build.build_index`, a few seconds) and writes it
  atomically to ``settings.CACHE_DIR / "gazetteer"``; later calls — in any process — load that
  file in a fraction of a second. The file name holds a digest of the package versions, the
  hand-made tables and the build code, so an upgrade or an edit rebuilds by itself. The file
  carries a magic header and the SHA-256 of its payload: a corrupt, truncated or foreign
  cache is rebuilt (with a logged warning) rather than trusted.
* :meth:`Gazetteer.lookup` takes a name in any spelling the index knows (English, Norwegian,
  German, Ukrainian or Russian Cyrillic, generated transliterations; case, accents,
  apostrophes and hyphens do not matter) and returns :class:`~geo.model.Place` candidates,
  best first: countries before the settlements and regions sharing their name, then by
  population (capitals first). A trailing region word ("Kursk oblast", "Donetsk region",
  "Kherson-regionen") asks for the region. Context-aware choice between homonyms is the job
  of :mod:`geo.gazetteer.resolve`.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import json
import logging
import os
import pickle
import tempfile
from functools import cached_property
from pathlib import Path

from rapidfuzz import fuzz, process

from geo import settings
from geo.errors import GazetteerError
from geo.gazetteer import build
from geo.gazetteer.build import (
    FLAG_OWN,
    FLAG_SPAN,
    FLAG_WEAK,
    RANK_ALIAS_PENALTY,
    RANK_OWN_NAME_BONUS,
    RANK_WEAK_ALIAS,
    GazetteerData,
    fold_key,
)
from geo.model import Place, PlaceKind

__all__ = ["Candidate", "Gazetteer", "cache_path", "load_gazetteer"]

logger = logging.getLogger(__name__)

#: ``(place index, static rank, contextual)``; higher ranks are better. ``contextual`` is
#: false for a former or foreign name of a place when another place bears that name as its
#: own ("Oleksandrivka" was once a name of Donetsk): the article's context may then not
#: lift it above the places that bear the name (see :mod:`geo.gazetteer.resolve`).
Candidate = tuple[int, float, bool]

_REGION_WORDS = frozenset(
    {"oblast", "oblasten", "region", "regionen", "province", "provinsen", "krai", "fylke"}
)


class Gazetteer:
    """Offline place index over :class:`~geo.gazetteer.build.GazetteerData`.

    Places are addressed by a dense integer index (fast for the extractor) or by their
    ``gazetteer_id`` (:meth:`get`); :class:`~geo.model.Place` records are made on demand.
    """

    def __init__(self, data: GazetteerData) -> None:
        self._data = data
        self._places: dict[int, Place] = {}

    def __len__(self) -> int:
        return len(self._data.ids)

    def __repr__(self) -> str:
        return f"Gazetteer({len(self)} places, {len(self._data.keys)} names)"

    @property
    def version(self) -> str:
        """The source versions the index was built from (packages, tables, build code)."""
        return self._data.version

    @cached_property
    def _by_id(self) -> dict[str, int]:
        return {gid: i for i, gid in enumerate(self._data.ids)}

    def place(self, index: int) -> Place:
        """Return the place at ``index`` (see :meth:`candidates`)."""
        found = self._places.get(index)
        if found is None:
            d = self._data
            found = Place(
                gazetteer_id=d.ids[index],
                name=d.names[index],
                kind=_kind(d.kinds[index]),
                country=d.countries[index],
                lat=d.lats[index],
                lon=d.lons[index],
                population=d.populations[index],
                admin1=d.admin1s[index],
            )
            self._places[index] = found
        return found

    def get(self, gazetteer_id: str) -> Place | None:
        """Return the place with this id (``"iso:UA"``, ``"geonames:703448"``), or ``None``."""
        index = self._by_id.get(gazetteer_id)
        return None if index is None else self.place(index)

    def candidates(self, key: str, *, lang: str | None = None) -> tuple[Candidate, ...]:
        """Return ``(index, rank, contextual)`` for a folded ``key``, best static rank first.

        A place for which ``key`` is its own name (or a spelling of it) gets
        :data:`RANK_OWN_NAME_BONUS`; when some place owns the name, places for which it is
        only a former or foreign name lose :data:`RANK_ALIAS_PENALTY` and are not
        ``contextual``.

        ``lang`` ``"nb"``/``"nn"`` adds the names used only in Norwegian; ``None`` adds
        them too (a typed-in name may be in any language); ``"en"`` leaves them out.
        """
        d = self._data
        found = d.keys.get(key, ())
        if lang != "en":
            extra = d.nb_keys.get(key, ())
            if extra:
                found = found + tuple(i for i in extra if i not in found)
        return self._ranked(found)

    def small_candidates(self, key: str) -> tuple[Candidate, ...]:
        """Return the small settlements abroad named ``key`` (see ``GazetteerData.small_keys``).

        Their names are no ordinary gazetteer keys: the extractor asks for them only where the
        text marks a place ("in Nenagh", "Thruxton, Hampshire").
        """
        return self._ranked(self._data.small_keys.get(key, ()))

    def _ranked(self, found: tuple[int, ...]) -> tuple[Candidate, ...]:
        """Decode encoded entries into candidates, best rank first (see :meth:`candidates`)."""
        d = self._data
        if not found:
            return ()
        decoded = [divmod(code, FLAG_SPAN) for code in found]
        owned = any(flag == FLAG_OWN for _, flag in decoded)
        seen: dict[int, tuple[float, bool]] = {}
        for index, flag in decoded:
            if flag == FLAG_WEAK:
                rank, contextual = RANK_WEAK_ALIAS, True
            elif flag == FLAG_OWN:
                rank, contextual = d.ranks[index] + RANK_OWN_NAME_BONUS, True
            elif owned:
                rank, contextual = d.ranks[index] - RANK_ALIAS_PENALTY, False
            else:
                rank, contextual = d.ranks[index], True
            if index not in seen or rank > seen[index][0]:
                seen[index] = (rank, contextual)
        ranked = sorted(seen.items(), key=lambda item: -item[1][0])
        return tuple((index, rank, contextual) for index, (rank, contextual) in ranked)

    def kind_of(self, index: int) -> str:
        """Return the kind of the place at ``index`` without building a Place."""
        return self._data.kinds[index]

    def country_of(self, index: int) -> str | None:
        """Return the ISO country of the place at ``index``."""
        return self._data.countries[index]

    def admin1_of(self, index: int) -> str | None:
        """Return the first-level region of the place at ``index``."""
        return self._data.admin1s[index]

    def point_of(self, index: int) -> tuple[float, float]:
        """Return ``(lat, lon)`` of the place at ``index``."""
        return self._data.lats[index], self._data.lons[index]

    def starts_name(self, word_key: str) -> bool:
        """Return whether a folded word is a name or the first word of one."""
        d = self._data
        return word_key in d.heads or word_key in d.keys or word_key in d.nb_keys

    def is_multiword_name(self, surface: str, *, lang: str | None = None) -> bool:
        """Return whether ``surface`` of two words or more is a place name the index knows.

        For the stages that decide what a capitalised run is: a multi-word gazetteer name
        ("Jan Mayen", "Beverly Hills", "Sogn og Fjordane") should beat a reading as a
        person's given name and surname.
        """
        key = fold_key(surface)
        return " " in key and bool(self.candidates(key, lang=lang))

    def is_dotted(self, key: str) -> bool:
        """Return whether ``key`` + "." is an abbreviation that needs its full stop ("calif")."""
        return key in self._data.dotted

    def is_upper_only(self, key: str) -> bool:
        """Return whether ``key`` names a place only when written in capitals ("US")."""
        return key in self._data.upper_only

    def lookup(
        self, name: str, *, country: str | None = None, lang: str | None = None
    ) -> tuple[Place, ...]:
        """Return candidate places for ``name``, best first (empty when unknown).

        Parameters
        ----------
        name
            Any spelling: ``"Kijev"``, ``"Київ"``, ``"Kostjantynivka"``, ``"Kursk oblast"``,
            ``"Kherson-regionen"``, ``"U.S."``. A trailing region word puts regions first.
        country
            ISO alpha-2 code: keep only places in that country (``"US"`` for Alaska).
        lang
            ``"en"`` leaves out names that are places only in Norwegian ("Island").

        Returns
        -------
        tuple[Place, ...]
            Countries first, then by static rank (population, capitals, curated names).
        """
        key = fold_key(name)
        words = key.split()
        want_region = len(words) > 1 and words[-1] in _REGION_WORDS
        found = self.candidates(key, lang=lang)
        if not found and want_region:
            found = self.candidates(" ".join(words[:-1]), lang=lang)
        if not found:
            return ()
        order = list(found)
        if want_region:
            order.sort(key=lambda c: (self._data.kinds[c[0]] != "region", -c[1]))
        places = (self.place(c[0]) for c in order)
        if country is not None:
            code = country.upper()
            return tuple(p for p in places if p.country == code)
        return tuple(places)

    def fuzzy_lookup(
        self, name: str, *, country: str | None = None, score_cutoff: float = 90.0
    ) -> tuple[Place, ...]:
        """Return candidates of the closest known spelling (a rare fallback; slower).

        Uses ``rapidfuzz`` over the names of five letters or more of places in
        :data:`geo.gazetteer.build.FUZZY_COUNTRIES` (where small places make the news);
        meant for a name that a strong cue marks as a place ("landsbyen Xyz") but that no
        rule spells.
        """
        key = fold_key(name)
        if len(key) < 5:
            return ()
        best = process.extractOne(
            key, self._data.fuzzy_keys, scorer=fuzz.ratio, score_cutoff=score_cutoff
        )
        if best is None:
            return ()
        return self.lookup(best[0], country=country)


def _kind(value: str) -> PlaceKind:
    if value in ("country", "region", "city", "village", "other"):
        return value  # type: ignore[return-value]
    return "other"


def cache_path() -> Path:
    """Return the cache file for the current sources (``CACHE_DIR/gazetteer/index-*.pickle``)."""
    versions = build.source_versions()
    digest = hashlib.sha256(json.dumps(versions, sort_keys=True).encode()).hexdigest()[:20]
    return Path(settings.CACHE_DIR) / "gazetteer" / f"index-{digest}.pickle"


#: First bytes of a cache file; the schema number changes with the file's layout.
_MAGIC = b"GEO-GAZETTEER\x00v2\x00"
_DIGEST_SIZE = 32  # SHA-256 of the pickled payload, stored right after the magic


def _read_cache(path: Path, expected_version: str) -> GazetteerData | None:
    """Return the cached index, or ``None`` (with a logged notice) when it cannot be trusted.

    Why a checksum: a cache with a few flipped bytes used to reach ``pickle.load`` and fail
    with whatever the damaged bytes happened to decode to (``UnicodeDecodeError``,
    ``OverflowError``, …) on every start, forever. The file carries a magic header and the
    SHA-256 of its payload; anything that does not verify — or that unpickles to something
    other than a :class:`GazetteerData` of the expected build — is rebuilt, never trusted.
    """
    try:
        blob = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        logger.warning("gazetteer cache %s is unreadable (%s); rebuilding it", path, exc)
        return None
    data, problem = _unpack(blob, expected_version)
    if problem is not None:
        logger.warning("gazetteer cache %s %s; rebuilding it", path, problem)
    return data


def _unpack(blob: bytes, expected_version: str) -> tuple[GazetteerData | None, str | None]:
    """Return ``(data, None)`` for a cache file that verifies, else ``(None, problem)``."""
    head = len(_MAGIC) + _DIGEST_SIZE
    if len(blob) <= head or not blob.startswith(_MAGIC):
        return None, "has no valid header"
    payload = memoryview(blob)[head:]
    if hashlib.sha256(payload).digest() != blob[len(_MAGIC) : head]:
        return None, "fails its checksum (corrupt)"
    collecting = gc.isenabled()
    gc.disable()  # the index is a few 100,000 containers: collections during the load cost 1/3
    try:
        # Verified above against the digest written by _write_cache into our own cache folder.
        data = pickle.loads(payload)  # noqa: S301
    except Exception as exc:  # any unpickling failure means "rebuild"
        return None, f"cannot be unpickled ({exc!r})"
    finally:
        if collecting:
            gc.enable()
    if not isinstance(data, GazetteerData) or getattr(data, "version", None) != expected_version:
        return None, "holds another schema or build"
    return data, None


def _write_cache(path: Path, data: GazetteerData) -> None:
    """Write atomically (temp file in the same folder + ``os.replace``); never fatal."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".index-", suffix=".tmp", dir=path.parent)
        try:
            payload = pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(fd, "wb") as handle:
                handle.write(_MAGIC)
                handle.write(hashlib.sha256(payload).digest())
                handle.write(payload)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, path)
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
        for stale in path.parent.glob("index-*.pickle"):
            if stale != path:
                with contextlib.suppress(OSError):
                    stale.unlink()
    except OSError as exc:
        logger.warning(
            "cannot write the gazetteer cache to %s (%s); set FRONTLINE_CACHE_DIR to a "
            "writable folder to make later starts fast",
            path,
            exc,
        )


def _expected_version() -> str:
    """Return the version string a fresh build would carry (see ``build.build_index``)."""
    return build.version_string()


def load_gazetteer(*, rebuild: bool = False) -> Gazetteer:
    """Load the gazetteer from the disk cache, building and caching it when needed.

    Parameters
    ----------
    rebuild
        Ignore an existing cache file and build afresh.

    Raises
    ------
    GazetteerError
        When the index cannot be built (a source package or a hand-made table is missing
        or broken); the message names the source and the fix.
    """
    try:
        path = cache_path()
    except OSError as exc:
        msg = f"cannot read the gazetteer's sources to key its cache: {exc}; reinstall geo"
        raise GazetteerError(msg) from exc
    data = None if rebuild else _read_cache(path, _expected_version())
    if data is None:
        data = build.build_index()
        _write_cache(path, data)
    return Gazetteer(data)
