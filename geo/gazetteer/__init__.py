"""Offline gazetteer: build, index, transliterate, resolve."""
