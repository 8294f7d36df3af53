from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import Page

from . import admin_views

MERGE_PERMISSION = "taggit.delete_tag"


@hooks.register("register_admin_urls")
def register_tag_merge_url():
    return [path("trefwoorden/samenvoegen/", admin_views.merge_tags_view, name="portal_merge_tags")]


class PermissionMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(MERGE_PERMISSION)


@hooks.register("register_settings_menu_item")
def register_tag_merge_menu_item():
    return PermissionMenuItem(_("Trefwoorden samenvoegen"), reverse("portal_merge_tags"), icon_name="tag", order=900)


def may_delete(user, page):
    """Deleting is the final editors' call (README, Roles). Wagtail itself lets anyone who may edit a page
    delete it while it is a draft, which would let a Redacteur throw away a municipality's submission."""
    tester = page.permissions_for_user(user)
    return tester.can_delete() and (user.is_superuser or tester.can_publish())


def _refuse_delete(request):
    messages.error(request, _("Alleen de eindredactie kan pagina's verwijderen."))


@hooks.register("before_delete_page")
def only_final_editors_delete(request, page):
    if not may_delete(request.user, page):
        _refuse_delete(request)
        return redirect("wagtailadmin_pages:edit", page.pk)


@hooks.register("before_bulk_action")
def only_final_editors_bulk_delete(request, action_type, objects, action_class_instance):
    if action_type == "delete" and any(
        isinstance(page, Page) and not may_delete(request.user, page) for page in objects
    ):
        _refuse_delete(request)
        return redirect("wagtailadmin_explore_root")
