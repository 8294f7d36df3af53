"""Form fields that refuse out-of-range ids with a validation error instead of a database error.

Django's model choice fields look submitted ids up in the database; an id past the database's
integer range ("99999999999999999999999") raises OverflowError there, a server error. Checking
the range first turns it into the field's ordinary "invalid choice" message.
"""

from django import forms

from .numbers import parse_int


def _in_range(value):
    # Ids are ASCII digits within the database's range; anything else is an invalid choice, not a lookup.
    return parse_int(str(value).strip()) is not None


class BoundedModelChoiceField(forms.ModelChoiceField):
    def to_python(self, value):
        if value not in self.empty_values and not _in_range(value):
            raise forms.ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


class BoundedModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    def _check_values(self, value):
        for item in value or []:
            if not _in_range(item):
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"], code="invalid_choice", params={"value": item}
                )
        return super()._check_values(value)


class BrowserDateInput(forms.DateInput):
    """A date field the browser shows as its date picker. The value is written as ISO 8601 (2027-02-03), the only
    form `<input type="date">` accepts: a localised "03-02-2027" shows as empty, and saving the form would then
    clear the date."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")
