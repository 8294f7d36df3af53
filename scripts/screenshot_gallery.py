"""Copy the browser suite's gallery screenshots into docs/screenshots/ and write its index.

The accessibility test (tests/browser/test_accessibility.py) photographs the first two screens of every public
page type of the Dutch site at 375 and 1280 px (test-output/gallery/<language>-<width>-<page type>.jpg).
`make screenshots` runs it and then this script, so the committed gallery shows what the suite checked.
"""

import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "test-output" / "gallery"
TARGET = ROOT / "docs" / "screenshots"
NAME = re.compile(r"^(?P<language>nl|en)-(?P<width>\d+)-(?P<page>.+)\.jpg$")
LANGUAGES = {"nl": "Nederlands", "en": "English"}


def main():
    shots = {}
    for path in sorted(SOURCE.glob("*.jpg")):
        match = NAME.match(path.name)
        if match:
            shots.setdefault((match["language"], match["page"]), {})[int(match["width"])] = path
    if not shots:
        sys.exit(f"No screenshots in {SOURCE}: run `make screenshots` (needs Chromium).")
    if TARGET.exists():
        shutil.rmtree(TARGET)
    TARGET.mkdir(parents=True)
    widths = sorted({width for found in shots.values() for width in found})
    lines = [
        "# The portal, page by page",
        "",
        "The first two screens of every public page type, at "
        + " and ".join(f"{width} px" for width in widths)
        + ", as the browser suite saw them with the demo content (`make screenshots` renews this gallery).",
        "",
    ]
    for language, title in LANGUAGES.items():
        if not any(shot_language == language for shot_language, _page in shots):
            continue
        lines += [f"## {title}", "", "| page type | " + " | ".join(f"{width} px" for width in widths) + " |"]
        lines.append("|---" * (len(widths) + 1) + "|")
        for (shot_language, page), found in sorted(shots.items()):
            if shot_language != language:
                continue
            cells = []
            for width in widths:
                if width in found:
                    shutil.copy2(found[width], TARGET / found[width].name)
                    cells.append(
                        f'<a href="{found[width].name}"><img src="{found[width].name}" width="160" alt=""></a>'
                    )
                else:
                    cells.append("")
            lines.append(f"| {page} | " + " | ".join(cells) + " |")
        lines.append("")
    (TARGET / "README.md").write_text("\n".join(lines), encoding="utf-8")
    print(f"{sum(len(found) for found in shots.values())} screenshots in {TARGET.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
