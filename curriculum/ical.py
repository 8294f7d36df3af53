"""iCalendar (RFC 5545) export of a course path's dated steps: one all-day event per step."""

import datetime

from django.utils import timezone


def escape(text):
    return (
        (text or "")
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def fold(line):
    """Lines longer than 75 octets continue on the next line after a space (RFC 5545, 3.1)."""
    encoded = line.encode("utf-8")
    if len(encoded) <= 75:
        return line
    parts, current = [], b""
    for char in line:
        piece = char.encode("utf-8")
        if len(current) + len(piece) > (75 if not parts else 74):
            parts.append(current.decode("utf-8"))
            current = b""
        current += piece
    parts.append(current.decode("utf-8"))
    return "\r\n ".join(parts)


def path_calendar(path_view, url, host):
    stamp = timezone.now().astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Kennisportaal Sociale Stabiliteit//Leerlijnen//NL",
        "CALSCALE:GREGORIAN",
        f"X-WR-CALNAME:{escape(path_view.path.title)}",
    ]
    for view in path_view.dated_steps:
        day = view.step.planned_date
        title = view.module.title if view.available else view.step.module_title
        description = view.step.note
        if view.available:
            module = view.module
            description = (
                f"{module.get_format_display()}, {module.duration_display}, {module.provider}. {description}".strip()
            )
        lines += [
            "BEGIN:VEVENT",
            f"UID:coursepath-{path_view.path.pk}-step-{view.step.pk}@{host}",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{day:%Y%m%d}",
            f"DTEND;VALUE=DATE:{day + datetime.timedelta(days=1):%Y%m%d}",
            f"SUMMARY:{escape(f'{view.number}. {title}')}",
            f"DESCRIPTION:{escape(description)}",
            f"URL:{url}",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "\r\n".join(fold(line) for line in lines) + "\r\n"
