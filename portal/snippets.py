"""Snippets whose admin listing and chooser search by typing, in the database (no search index to keep).

Wagtail's snippet chooser offers a search box only for models in its search index, and that index is not
kept for reference data loaded in bulk (municipalities from CBS). `SearchableSnippetViewSet` filters on the
viewset's `search_fields` with the ORM instead, in the listing and in the chooser an editor opens from a page.
"""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.snippets.views.chooser import SnippetChooserViewSet
from wagtail.snippets.views.snippets import SnippetViewSet


def matching(objects, fields, query):
    """The objects with `query` in any of `fields` (case-insensitive); all of them for an empty query."""
    query = (query or "").strip()
    if not query:
        return objects
    condition = Q()
    for name in fields:
        condition |= Q(**{f"{name}__icontains": query})
    return objects.filter(condition)


def search_form(fields):
    """A chooser's filter form with one search box over `fields`."""

    class SearchForm(BaseFilterForm):
        q = forms.CharField(
            label=_("Zoeken"),
            required=False,
            widget=forms.TextInput(attrs={"placeholder": _("Typ een deel van de naam of code")}),
        )

        def filter(self, objects):
            query = (self.cleaned_data.get("q") or "").strip()
            if query:
                self.is_searching, self.search_query = True, query
            return matching(objects, fields, query)

    return SearchForm


class FieldSearchChooserViewSet(SnippetChooserViewSet):
    def search_on(self, fields):
        """Give the chooser (its modal and the results it reloads while the editor types) a search box."""
        form = search_form(fields)
        self.choose_view_class = type("ChooseView", (self.choose_view_class,), {"filter_form_class": form})
        self.choose_results_view_class = type(
            "ChooseResultsView", (self.choose_results_view_class,), {"filter_form_class": form}
        )


class SearchableSnippetViewSet(SnippetViewSet):
    """A snippet viewset whose listing and chooser search `search_fields` (set it) in the database."""

    search_backend_name = None  # the listing filters with the ORM on search_fields
    chooser_viewset_class = FieldSearchChooserViewSet

    @property
    def chooser_viewset(self):
        viewset = super().chooser_viewset
        viewset.search_on(self.search_fields)
        return viewset
