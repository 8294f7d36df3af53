"""Forms of the needs survey: the round in the admin, and the questionnaire municipal staff fill in."""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.forms import WagtailAdminModelForm

from .answers import FORMAT_CHOICES, SUPPORT_CHOICES, URGENCY_CHOICES

REMARKS_MAX_LENGTH = 2000


class SurveyRoundForm(WagtailAdminModelForm):
    """Refuses changes that would lose or reinterpret answers already given."""

    def is_valid(self):
        # The questions' formset is validated after this form's own clean(), so check it here.
        valid = super().is_valid()
        questions = self.formsets.get("questions")
        if questions is None or not questions.is_valid():
            return valid
        problems = False
        seen = set()
        for form in questions.forms:
            if not form.cleaned_data:
                continue
            question = form.instance
            answered = question.pk is not None and question.answers.exists()
            if form in questions.deleted_forms:
                if answered:
                    form.add_error(None, _("Deze vraag is al beantwoord en kan niet meer worden verwijderd."))
                    problems = True
                continue
            if answered and {"theme", "audience"} & set(form.changed_data):
                form.add_error(None, _("Deze vraag is al beantwoord: thema en doelgroep liggen vast."))
                problems = True
            pair = (form.cleaned_data.get("theme"), form.cleaned_data.get("audience"))
            if pair in seen:
                form.add_error("audience", _("Er is al een vraag over dit thema voor deze doelgroep."))
                problems = True
            seen.add(pair)
        if problems:
            self.add_error(None, _("Beantwoorde vragen blijven zoals ze zijn; zie de meldingen bij de vragen."))
        return valid and not problems


def question_prefix(question):
    return f"q{question.pk}"


class NeedsSurveyForm(forms.Form):
    """One fieldset per question: urgency, preferred formats, topics and support besides training."""

    remarks = forms.CharField(
        label=gettext_lazy("Toelichting (optioneel)"),
        required=False,
        max_length=REMARKS_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy("Alleen de redactie leest dit; het verschijnt nooit in de openbare resultaten."),
    )

    def __init__(self, questions, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        for question in self.questions:
            prefix = question_prefix(question)
            self.fields[f"{prefix}-urgency"] = forms.TypedChoiceField(
                label=_("Hoe groot is de behoefte?"),
                choices=URGENCY_CHOICES,
                coerce=int,
                widget=forms.RadioSelect,
            )
            self.fields[f"{prefix}-formats"] = forms.MultipleChoiceField(
                label=_("Welke vormen passen?"),
                choices=FORMAT_CHOICES,
                required=False,
                widget=forms.CheckboxSelectMultiple,
            )
            if question.topic_list:
                self.fields[f"{prefix}-topics"] = forms.MultipleChoiceField(
                    label=_("Welke onderwerpen?"),
                    choices=[(topic, topic) for topic in question.topic_list],
                    required=False,
                    widget=forms.CheckboxSelectMultiple,
                )
            self.fields[f"{prefix}-support"] = forms.MultipleChoiceField(
                label=_("Welke ondersteuning naast training?"),
                choices=SUPPORT_CHOICES,
                required=False,
                widget=forms.CheckboxSelectMultiple,
            )
        # The remarks come last on the page.
        self.fields["remarks"] = self.fields.pop("remarks")

    def question_groups(self):
        """(question, [bound fields]) for the template, one fieldset each."""
        groups = []
        for question in self.questions:
            prefix = question_prefix(question)
            names = [f"{prefix}-{part}" for part in ("urgency", "formats", "topics", "support")]
            groups.append((question, [self[name] for name in names if name in self.fields]))
        return groups

    def answers(self):
        """{question id: {urgency, formats, topics, support}} from the cleaned data."""
        data = self.cleaned_data
        answers = {}
        for question in self.questions:
            prefix = question_prefix(question)
            answers[question.pk] = {
                "urgency": data[f"{prefix}-urgency"],
                "formats": list(data.get(f"{prefix}-formats") or []),
                "topics": list(data.get(f"{prefix}-topics") or []),
                "support": list(data.get(f"{prefix}-support") or []),
            }
        return answers

    @staticmethod
    def initial_from(response):
        """The form's initial values from a stored response, so a municipality can revise its answer."""
        if response is None:
            return {}
        initial = {"remarks": response.remarks}
        for answer in response.answers.all():
            prefix = f"q{answer.question_id}"
            initial.update(
                {
                    f"{prefix}-urgency": answer.urgency,
                    f"{prefix}-formats": answer.formats,
                    f"{prefix}-topics": answer.topics,
                    f"{prefix}-support": answer.support,
                }
            )
        return initial
