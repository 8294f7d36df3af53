"""Reading municipalities from a CBS CSV export ("Gebieden in Nederland", optionally with
inhabitants and urbanisation from "Kerncijfers wijken en buurten").

CBS exports differ per table and year in their column titles, so columns are recognised by
keywords in their titles, and the importer reports which columns it used.
"""

import csv
import io
import re
from dataclasses import dataclass, field

from portal.numbers import parse_int

CODE_PATTERN = re.compile(r"^GM[0-9]{4}\Z")

# field: keywords, any of which in a normalised column title identifies the column
COLUMN_KEYWORDS = {
    "cbs_code": ["gemeentecode", "codering", "gmcode"],
    "name": ["gemeentenaam", "naamgemeente"],
    "province": ["provincienaam", "provincie"],
    "safety_region_code": ["veiligheidsregiocode"],
    "safety_region": ["veiligheidsregionaam", "veiligheidsregio"],
    "inhabitants": ["inwoners", "bevolking", "inwonertal"],
    "urbanisation": ["stedelijkheid"],
}
REQUIRED = ("cbs_code", "name", "province")
PROVINCE_ALIASES = {"friesland": "Fryslân", "fryslan": "Fryslân", "fryslân": "Fryslân"}


@dataclass
class ImportResult:
    rows: list = field(default_factory=list)
    columns: dict = field(default_factory=dict)
    skipped: list = field(default_factory=list)  # (line number, reason)


def normalise(title):
    return re.sub(r"[^a-z]", "", title.lower())


def map_columns(header):
    mapping = {}
    for index, title in enumerate(header):
        key = normalise(title)
        for field_name, keywords in COLUMN_KEYWORDS.items():
            if field_name in mapping:
                continue
            # "veiligheidsregio" would also match the code column: codes are claimed first.
            if any(keyword in key for keyword in keywords) and index not in mapping.values():
                mapping[field_name] = index
                break
    missing = [name for name in REQUIRED if name not in mapping]
    if missing:
        raise ValueError(f"the CSV has no column for: {', '.join(missing)} (columns found: {', '.join(header)})")
    return mapping


def decode(raw):
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ValueError("the file is neither UTF-8 nor Windows-1252 text")


def parse_municipalities(raw_bytes):
    """Parse the CSV into clean rows; bad rows are skipped with a reason, never guessed."""
    text = decode(raw_bytes)
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=";,\t")
    except csv.Error:
        dialect = csv.excel
        dialect.delimiter = ";"
    reader = csv.reader(io.StringIO(text), dialect)
    header = next(reader, None)
    if not header:
        raise ValueError("the file is empty")
    result = ImportResult(columns={name: header[index].strip() for name, index in map_columns(header).items()})
    mapping = map_columns(header)
    for line_number, row in enumerate(reader, start=2):
        if not any(cell.strip() for cell in row):
            continue
        values = {name: (row[index].strip() if index < len(row) else "") for name, index in mapping.items()}
        code = values["cbs_code"].upper()
        if not CODE_PATTERN.match(code):
            result.skipped.append((line_number, f"'{values['cbs_code'][:20]}' is not a municipality code (GMxxxx)"))
            continue
        province = PROVINCE_ALIASES.get(values["province"].lower(), values["province"])
        row_data = {
            "cbs_code": code,
            "name": values["name"],
            "province": province,
            "safety_region_code": values.get("safety_region_code", "").upper(),
            "safety_region": values.get("safety_region", ""),
        }
        for number_field in ("inhabitants", "urbanisation"):
            raw = values.get(number_field, "").replace(".", "").replace(" ", "")
            if raw:
                if parse_int(raw, maximum=10**9) is None:
                    result.skipped.append((line_number, f"{number_field} '{raw[:20]}' is not a whole number"))
                    row_data = None
                    break
                row_data[number_field] = int(raw)
        if row_data is None:
            continue
        if "urbanisation" in row_data and not 1 <= row_data["urbanisation"] <= 5:
            result.skipped.append((line_number, "urbanisation must be 1 to 5"))
            continue
        result.rows.append(row_data)
    return result


def store_municipalities(result):
    """Create or update municipalities from parsed rows; return (created, updated, unchanged)."""
    from .models import PROVINCES, Municipality

    existing = {municipality.cbs_code: municipality for municipality in Municipality.objects.all()}
    created = updated = unchanged = 0
    for row in result.rows:
        if row["province"] not in PROVINCES:
            result.skipped.append((0, f"{row['cbs_code']}: unknown province '{row['province']}'"))
            continue
        municipality = existing.get(row["cbs_code"]) or Municipality(cbs_code=row["cbs_code"])
        if municipality.pk and all(getattr(municipality, name) == value for name, value in row.items()):
            unchanged += 1
            continue
        is_new = municipality.pk is None
        for name, value in row.items():
            setattr(municipality, name, value)
        municipality.full_clean()
        municipality.save()
        created, updated = created + is_new, updated + (not is_new)
    return created, updated, unchanged
