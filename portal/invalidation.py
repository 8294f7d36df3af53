"""What changes which cached entries (portal.caching): connected in PortalConfig.ready.

Pages: publishing, unpublishing, saving or deleting a page renews `page:<id>` (entries that show it), the
`list:` of its type and of pages in general (listings it may join or leave), `search` (the index changed)
and, for a page of the top two levels or an audience page, the `frame` (menu, footer). A move changes the
URLs of a whole subtree: everything is renewed. What every page may show (the vocabulary, site settings,
footer links, privacy restrictions) renews `all`: each app names its own models with `shown_on_every_page`
in its AppConfig.ready (portal names none of theirs).
"""

from django.db.models.signals import m2m_changed, post_delete, post_init, post_save
from taggit.models import Tag
from wagtail.models import Page, PageViewRestriction, Site, get_page_models
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import caching
from .models import Audience, AudiencePage, FooterLink, SiteSettings, Theme

FRAME_DEPTH = 3  # the home pages (2) and the sections in the menu (3)


def page_changed(instance, **kwargs):
    names = [
        caching.PAGE.format(instance.pk),
        caching.LIST.format((instance.specific_class or type(instance))._meta.label_lower),
        caching.LIST.format(Page._meta.label_lower),
        caching.SEARCH,
    ]
    shown_in_menu = issubclass(instance.specific_class or type(instance), AudiencePage)
    if instance.depth is None or instance.depth <= FRAME_DEPTH or shown_in_menu:
        names.append(caching.FRAME)
    if instance.alias_of_id is not None:
        names.append(caching.RESTRICTIONS)  # an alias follows its original's privacy
    caching.invalidate(*names)


def page_loaded(instance, **kwargs):
    caching.record_page(instance)


def everything_changed(**kwargs):
    caching.invalidate(caching.ALL)


def shown_on_every_page(*models):
    """Models any page may show (a vocabulary, settings): saving or deleting one renews every cached entry."""
    for model in models:
        label = model._meta.label_lower
        post_save.connect(everything_changed, sender=model, dispatch_uid=f"page_cache_saved_{label}")
        post_delete.connect(everything_changed, sender=model, dispatch_uid=f"page_cache_deleted_{label}")


def connect():
    for model in [Page, *get_page_models()]:
        post_init.connect(page_loaded, sender=model, dispatch_uid=f"page_cache_loaded_{model._meta.label_lower}")
        post_save.connect(page_changed, sender=model, dispatch_uid=f"page_cache_saved_{model._meta.label_lower}")
        post_delete.connect(page_changed, sender=model, dispatch_uid=f"page_cache_deleted_{model._meta.label_lower}")
    page_published.connect(page_changed, dispatch_uid="page_cache_published")
    page_unpublished.connect(page_changed, dispatch_uid="page_cache_unpublished")
    post_page_move.connect(everything_changed, dispatch_uid="page_cache_moved")
    shown_on_every_page(Theme, Audience, SiteSettings, FooterLink, Tag, PageViewRestriction, Site)
    m2m_changed.connect(everything_changed, sender=PageViewRestriction.groups.through, dispatch_uid="page_cache_groups")
