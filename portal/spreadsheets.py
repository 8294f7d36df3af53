"""CSV for spreadsheets, shared by every export (needs-survey overview, open-data exports)."""


def spreadsheet_safe(value):
    """Text a spreadsheet will not run as a formula (CSV injection): a leading =, +, -, @, tab or CR is quoted."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value
