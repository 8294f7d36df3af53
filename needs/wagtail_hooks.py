from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import views
from .models import SurveyRound


class SurveyRoundViewSet(SnippetViewSet):
    model = SurveyRound
    icon = "clipboard-list"
    # Reached from the survey's own menu item, which lists the rounds with their overviews.
    add_to_admin_menu = False
    list_display = ["title", "opens_at", "closes_at"]


register_snippet(SurveyRoundViewSet)


@hooks.register("register_admin_urls")
def register_needs_urls():
    return [
        path("behoeftepeiling/", views.admin_round_list, name="needs_rounds"),
        path("behoeftepeiling/<id:pk>/", views.admin_overview, name="needs_overview"),
        path("behoeftepeiling/<id:pk>/behoeften.csv", views.admin_overview_csv, name="needs_overview_csv"),
    ]


class OverviewMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(views.VIEW_OVERVIEW_PERMISSION)


@hooks.register("register_admin_menu_item")
def register_needs_menu_item():
    return OverviewMenuItem(_("Behoeftepeiling"), reverse("needs_rounds"), icon_name="clipboard-list", order=350)
