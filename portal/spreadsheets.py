"""CSV for spreadsheets: the one writer every export uses (open-data exports, the needs-survey overview)."""

import csv

from django.http import StreamingHttpResponse

DELIMITER = ";"  # what Dutch Excel expects


def spreadsheet_safe(value):
    """Text a spreadsheet will not run as a formula (CSV injection): a leading =, +, -, @, tab or CR is quoted."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


class _Echo:
    def write(self, value):
        return value


def csv_lines(rows):
    """The lines of a CSV file, one row at a time (so an export of any size streams in flat memory).

    A byte-order mark comes first so Excel reads the UTF-8 (ë, –) correctly; every cell is guarded
    against formulas.
    """
    writer = csv.writer(_Echo(), delimiter=DELIMITER)
    yield "\ufeff"
    for row in rows:
        yield writer.writerow([spreadsheet_safe(cell) for cell in row])


def csv_download(rows, filename):
    response = StreamingHttpResponse(csv_lines(rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
