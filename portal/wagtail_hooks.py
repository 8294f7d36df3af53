from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

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
