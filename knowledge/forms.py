import datetime

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from portal.forms import BoundedModelChoiceField, BoundedModelMultipleChoiceField
from portal.models import Theme
from portal.numbers import StrictIntegerField

from .models import Domain, Municipality
from .office_files import problem_with_office_file

# Attachment rules, checked on the server: extension AND the file's first bytes must fit.
ALLOWED_ATTACHMENTS = {
    "pdf": (b"%PDF-",),
    "docx": (b"PK\x03\x04",),
    "odt": (b"PK\x03\x04",),
}


def current_year():
    return datetime.date.today().year


class CaseStudySubmissionForm(forms.Form):
    title = forms.CharField(label=_("Titel van het praktijkvoorbeeld"), max_length=200)
    municipality = BoundedModelChoiceField(Municipality.objects.all(), label=_("Gemeente"))
    other_municipalities = BoundedModelMultipleChoiceField(
        Municipality.objects.all(),
        label=_("Samenwerkende gemeenten"),
        required=False,
        help_text=_("Bij regionale samenwerking; houd Ctrl of Cmd ingedrukt om er meer te kiezen."),
    )
    start_year = StrictIntegerField(label=_("Startjaar"), min_value=1990, max_value=9999)
    end_year = StrictIntegerField(
        label=_("Eindjaar"),
        min_value=1990,
        max_value=9999,
        required=False,
        help_text=_("Leeg laten als de aanpak nog loopt."),
    )
    themes = BoundedModelMultipleChoiceField(
        Theme.objects.all(), label=_("Thema's"), widget=forms.CheckboxSelectMultiple
    )
    domains = BoundedModelMultipleChoiceField(
        Domain.objects.all(), label=_("Betrokken domeinen"), widget=forms.CheckboxSelectMultiple, required=False
    )
    summary = forms.CharField(
        label=_("Samenvatting in één of twee zinnen"), max_length=500, widget=forms.Textarea(attrs={"rows": 2})
    )
    challenge = forms.CharField(label=_("De opgave"), max_length=5000, widget=forms.Textarea(attrs={"rows": 5}))
    approach = forms.CharField(label=_("De aanpak"), max_length=5000, widget=forms.Textarea(attrs={"rows": 5}))
    results = forms.CharField(
        label=_("De resultaten"), max_length=5000, required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    lessons = forms.CharField(
        label=_("Geleerde lessen"), max_length=5000, required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    tags = forms.CharField(
        label=_("Trefwoorden"), max_length=300, required=False, help_text=_("Gescheiden door komma's.")
    )
    costs = forms.CharField(
        label=_("Kosten en financiering"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    transferability = forms.CharField(
        label=_("Overdraagbaarheid en randvoorwaarden"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    partners = forms.CharField(
        label=_("Partners (één per regel)"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    contact_name = forms.CharField(label=_("Contactpersoon voor collega's"), max_length=200)
    contact_role = forms.CharField(label=_("Functie van de contactpersoon"), max_length=200, required=False)
    contact_email = forms.EmailField(
        label=_("E-mailadres van de contactpersoon"),
        required=False,
        help_text=_("Alleen zichtbaar voor ingelogde medewerkers van gemeenten."),
    )
    submitter_name = forms.CharField(label=_("Uw naam"), max_length=200)
    submitter_email = forms.EmailField(
        label=_("Uw e-mailadres"), help_text=_("Voor de bevestiging en eventuele vragen van de redactie.")
    )
    attachment = forms.FileField(label=_("Bijlage (pdf, docx of odt)"), required=False)
    consent = forms.BooleanField(
        label=_("Ik heb toestemming om dit voorbeeld te laten publiceren op het Kennisportaal.")
    )
    # A field people never see: bots fill it in.
    website = forms.CharField(
        label=_("Laat dit veld leeg"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def clean_start_year(self):
        year = self.cleaned_data["start_year"]
        if year > current_year():
            raise forms.ValidationError(_("Het startjaar kan niet in de toekomst liggen."))
        return year

    def clean_attachment(self):
        upload = self.cleaned_data.get("attachment")
        if not upload:
            return upload
        limit = settings.SUBMISSION_MAX_UPLOAD_SIZE
        if upload.size > limit:
            raise forms.ValidationError(
                _("Het bestand is te groot (%(size)s MB); het maximum is %(limit)s MB.")
                % {"size": round(upload.size / 1_048_576, 1), "limit": limit // 1_048_576}
            )
        extension = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
        signatures = ALLOWED_ATTACHMENTS.get(extension)
        head = upload.read(8)
        upload.seek(0)
        if signatures is None or not head.startswith(signatures):
            raise forms.ValidationError(
                _("Alleen pdf-, docx- of odt-bestanden zijn toegestaan, en de inhoud moet bij de bestandsnaam passen.")
            )
        if extension in ("docx", "odt"):
            problem = problem_with_office_file(upload, extension)
            if problem:
                raise forms.ValidationError(problem)
        return upload

    def clean_tags(self):
        names = [name.strip() for name in self.cleaned_data.get("tags", "").split(",") if name.strip()]
        if len(names) > 10 or any(len(name) > 50 for name in names):
            raise forms.ValidationError(_("Gebruik hooguit tien trefwoorden van elk hooguit 50 tekens."))
        return names

    def clean(self):
        data = super().clean()
        start, end = data.get("start_year"), data.get("end_year")
        if start and end and end < start:
            self.add_error("end_year", _("Het eindjaar ligt vóór het startjaar."))
        return data

    @property
    def is_spam(self):
        return bool(self.data.get("website"))
