from wagtail.snippets.models import register_snippet

from portal.snippets import SearchableSnippetViewSet

from .models import Municipality


class MunicipalityViewSet(SearchableSnippetViewSet):
    """342 municipalities: editors find one by typing part of its name, its CBS code or its province."""

    model = Municipality
    icon = "site"
    search_fields = ["name", "cbs_code", "province"]
    list_display = ["name", "cbs_code", "province", "inhabitants"]
    list_per_page = 50


register_snippet(MunicipalityViewSet)
