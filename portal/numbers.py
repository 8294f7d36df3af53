"""Whole numbers from URLs, query strings and forms: ASCII digits within range, nothing else.

Python is generous where we must not be: ``"²".isdigit()`` is True and ``int("٣")``, ``int("+5")``,
``int(" 7 ")`` and ``int("1_000")`` all succeed; a number past 64 bits overflows the database. Every
integer the portal reads from a request goes through ``parse_int``.
"""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

MAX_ID = 2**63 - 1  # the largest id any supported database stores
_DIGITS = re.compile(r"[0-9]{1,19}")


def parse_int(raw, minimum=0, maximum=MAX_ID):
    """The number ``raw`` spells in ASCII digits when it lies in [minimum, maximum]; otherwise None."""
    if not isinstance(raw, str | int) or isinstance(raw, bool):
        return None
    text = str(raw)
    if not _DIGITS.fullmatch(text):
        return None
    value = int(text)
    return value if minimum <= value <= maximum else None


class IdConverter:
    """``<id:pk>`` in URL patterns: an id a database can hold; anything longer is not found, not an error."""

    regex = "[0-9]{1,18}"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return str(value)


class StrictIntegerField(forms.IntegerField):
    """Django's IntegerField also takes '٣', '+5' and '1.0'; this one only ASCII digits (spaces trimmed)."""

    default_error_messages = {"invalid": _("Vul een heel getal in, alleen met de cijfers 0 tot en met 9.")}

    def __init__(self, *, max_value=MAX_ID, **kwargs):
        super().__init__(max_value=max_value, **kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if parse_int(str(value).strip()) is None:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return int(str(value).strip())
