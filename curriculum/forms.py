from django import forms
from django.utils.translation import gettext_lazy as _

from portal.forms import BoundedModelChoiceField, BrowserDateInput
from portal.i18n import in_locale

from .models import CoursePath, CoursePathStep, ModulePage
from .paths import may_curate


class CoursePathForm(forms.ModelForm):
    class Meta:
        model = CoursePath
        fields = ["title", "audience", "intro", "is_curated"]
        field_classes = {"audience": BoundedModelChoiceField}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["audience"].empty_label = None
        if not may_curate(user):
            # Only editors publish a trainer's path as a curated public path.
            del self.fields["is_curated"]


STEP_WIDGETS = {"planned_date": BrowserDateInput(), "note": forms.Textarea(attrs={"rows": 2})}


class AddStepForm(forms.ModelForm):
    module = BoundedModelChoiceField(queryset=ModulePage.objects.none(), label=_("Module"))

    class Meta:
        model = CoursePathStep
        fields = ["module", "note", "planned_date"]
        widgets = STEP_WIDGETS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Only published, public modules can be added.
        self.fields["module"].queryset = (
            in_locale(ModulePage.objects.live().public()).select_related("provider").order_by("title")
        )
        self.fields["module"].label_from_instance = lambda module: f"{module.title} ({module.provider})"


class StepForm(forms.ModelForm):
    class Meta:
        model = CoursePathStep
        fields = ["note", "planned_date"]
        widgets = STEP_WIDGETS
