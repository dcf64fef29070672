"""Spatial layers: frontline, evacuation zones, diplomacy, claim checks."""
