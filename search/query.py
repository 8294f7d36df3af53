"""Plain functions that turn what a visitor typed into something every engine can take."""

import unicodedata

MAX_QUERY_LENGTH = 200


def clean_query(raw):
    """Drop control and format characters (NUL breaks SQLite's full-text search), collapse spaces, cap the length."""
    kept = "".join(" " if unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp") else char for char in raw or "")
    return " ".join(kept.split())[:MAX_QUERY_LENGTH]
