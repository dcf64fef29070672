"""Event detection and assembly: sentences → typed events (see taxonomy)."""
