from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from taggit.models import Tag

from .tags import merge_tags


class MergeTagsForm(forms.Form):
    source = forms.ModelChoiceField(
        Tag.objects.order_by("name"),
        label=gettext_lazy("Samenvoegen"),
        help_text=gettext_lazy("Dit trefwoord verdwijnt."),
    )
    target = forms.ModelChoiceField(
        Tag.objects.order_by("name"),
        label=gettext_lazy("met"),
        help_text=gettext_lazy("Alles met het eerste trefwoord krijgt dit trefwoord."),
    )

    def clean(self):
        data = super().clean()
        if data.get("source") and data.get("source") == data.get("target"):
            raise forms.ValidationError(_("Kies twee verschillende trefwoorden."))
        return data


def merge_tags_view(request):
    if not request.user.has_perm("taggit.delete_tag"):
        raise PermissionDenied
    form = MergeTagsForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        source, target = form.cleaned_data["source"], form.cleaned_data["target"]
        source_name = source.name
        moved = merge_tags(source, target)
        messages.success(
            request,
            _("‘%(source)s’ is samengevoegd met ‘%(target)s’ (%(count)d items).")
            % {"source": source_name, "target": target.name, "count": moved},
        )
        return redirect("portal_merge_tags")
    return TemplateResponse(request, "portal/admin/merge_tags.html", {"form": form})
