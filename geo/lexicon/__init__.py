"""Per-language rule tables (speech verbs, titles, weekdays, months, stoplists)."""
