"""Extraction stages: places, actors, quotes, dates, quantities."""
