"""Every interface string is translatable and translated: the English catalogue is complete, compiled, and no
template shows text outside a translation tag."""

import gettext
import re
from pathlib import Path

import pytest

# Independent of the database: CI runs it in the SQLite pass only.
pytestmark = pytest.mark.once

ROOT = Path(__file__).resolve().parents[1]
CATALOGUE = ROOT / "locale" / "en" / "LC_MESSAGES" / "django.po"
COMPILED = CATALOGUE.with_suffix(".mo")
TEMPLATE_DIRS = [
    ROOT / "templates",
    *(ROOT / app / "templates" for app in ("portal", "curriculum", "knowledge", "search")),
]


def catalogue_entries():
    """(msgid, msgstr or plural forms, flags) of the .po file, without a gettext library."""
    entries, entry, field = [], {}, None
    for line in CATALOGUE.read_text(encoding="utf-8").splitlines() + [""]:
        if not line.strip():
            if "msgid" in entry:
                entries.append(entry)
            entry, field = {}, None
        elif line.startswith("#,"):
            entry["flags"] = line
        elif line.startswith("#"):
            continue
        else:
            match = re.match(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d\])?) "(.*)"$', line)
            if match:
                field = match.group(1)
                entry[field] = match.group(2)
            elif line.startswith('"') and field:
                entry[field] += line[1:-1]
    return [entry for entry in entries if entry["msgid"]]


def test_every_string_has_an_english_translation():
    entries = catalogue_entries()
    assert len(entries) > 400
    untranslated = [entry["msgid"] for entry in entries if not any(entry.get(key) for key in ("msgstr", "msgstr[0]"))]
    assert untranslated == []
    assert [entry["msgid"] for entry in entries if "fuzzy" in entry.get("flags", "")] == []


def test_the_compiled_catalogue_matches_the_source():
    with COMPILED.open("rb") as compiled:
        translations = gettext.GNUTranslations(compiled)
    stale = []
    for entry in catalogue_entries():
        msgid = entry["msgid"].encode().decode("unicode_escape").encode("latin-1").decode("utf-8")
        if "msgid_plural" in entry or "msgctxt" in entry:
            continue
        expected = entry["msgstr"].encode().decode("unicode_escape").encode("latin-1").decode("utf-8")
        if translations.gettext(msgid) != expected:
            stale.append(msgid)
    assert stale == [], "run `make messages` to compile locale/en/LC_MESSAGES/django.mo"


def visible_template_text(source):
    """Text a visitor would read that is not produced by a tag or variable."""
    source = re.sub(r"{%\s*comment\s*%}.*?{%\s*endcomment\s*%}", " ", source, flags=re.S)
    source = re.sub(r"{%\s*blocktranslate.*?{%\s*endblocktranslate\s*%}", " ", source, flags=re.S)
    source = re.sub(r"{#.*?#}", " ", source, flags=re.S)
    source = re.sub(r"{%\s*block body_class\s*%}.*?{%\s*endblock\s*%}", " ", source, flags=re.S)
    source = re.sub(r"<(script|style)\b.*?</\1>", " ", source, flags=re.S)
    source = re.sub(r"{%.*?%}|{{.*?}}", " ", source, flags=re.S)
    source = re.sub(r"<!DOCTYPE[^>]*>|<[^>]+>", " ", source, flags=re.S)
    source = re.sub(r"&[a-z]+;|&#\d+;", " ", source)
    return [word for word in re.findall(r"[^\W\d_]{2,}", source)]


@pytest.mark.parametrize(
    "template",
    [path for directory in TEMPLATE_DIRS for path in sorted(directory.rglob("*.html"))],
    ids=lambda path: str(path.relative_to(ROOT)),
)
def test_templates_show_no_untranslatable_text(template):
    if "/admin/" in str(template):
        pytest.skip("editors' admin screens follow Wagtail's language")
    if template.name == "500.html":
        pytest.skip("static on purpose (no template tags, no database) and written in both languages")
    assert visible_template_text(template.read_text(encoding="utf-8")) == []


def test_english_pages_speak_english(demo_content, client):
    html = client.get("/en/").content.decode()
    assert '<html lang="en"' in html
    assert "Skip to content" in html and "Search the portal" in html and "I am an administrator" in html
    assert "Naar de inhoud" not in html


PYTHON_DIRS = ["portal", "curriculum", "knowledge", "needs", "search", "api"]


def test_every_translated_string_is_in_the_catalogue():
    """The catalogue follows the code: a string added to a template or to Python after the last `make messages`
    would reach English visitors in Dutch (the checks above only read the catalogue)."""
    known = {
        entry["msgid"].encode().decode("unicode_escape").encode("latin-1").decode("utf-8")
        for entry in catalogue_entries()
    }
    used = set()
    for template in (path for directory in TEMPLATE_DIRS for path in directory.rglob("*.html")):
        source = template.read_text(encoding="utf-8")
        used |= {match[1] for match in re.findall(r"{%\s*translate\s+(['\"])(.*?)\1", source)}
    for directory in PYTHON_DIRS:
        for module in (ROOT / directory).rglob("*.py"):
            if "/migrations/" in str(module):
                continue
            source = module.read_text(encoding="utf-8")
            used |= set(re.findall(r"\b_\(\s*\"((?:[^\"\\\n]|\\.)*)\"\s*[,)]", source))
    missing = sorted(
        text for text in used if text.encode().decode("unicode_escape").encode("latin-1").decode("utf-8") not in known
    )
    assert missing == [], "run `make messages` and translate: " + ", ".join(missing[:20])
