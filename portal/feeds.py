"""RSS and Atom feeds of new pages, optionally for one theme, so municipalities can follow a theme.

Apps subclass ``PageFeed`` for their own page type; only live, public pages ever appear.
"""

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.utils.feedgenerator import Atom1Feed

from .i18n import in_locale
from .models import Theme

FEED_LENGTH = 30


class PageFeed(Feed):
    page_model = None  # the page type, with a ``themes`` many-to-many
    title_text = ""
    description_text = ""

    def get_object(self, request, theme_slug=None):
        self.request = request
        return get_object_or_404(Theme, slug=theme_slug[:100]) if theme_slug else None

    def title(self, theme):
        return f"{self.title_text}: {theme.display_name}" if theme else self.title_text

    def description(self, theme):
        return self.description_text

    def link(self, theme):
        if theme is not None:
            landing_page = in_locale(theme.landing_pages.live().public()).first()
            if landing_page is not None:
                return landing_page.url
        return "/"

    def items(self, theme):
        pages = in_locale(self.page_model.objects.live().public())
        if theme is not None:
            pages = pages.filter(themes=theme)
        return pages.order_by("-first_published_at")[:FEED_LENGTH]

    def item_title(self, page):
        return page.title

    def item_description(self, page):
        return page.intro

    def item_link(self, page):
        return page.get_url(self.request)

    def item_pubdate(self, page):
        return page.first_published_at

    def item_updateddate(self, page):
        return page.last_published_at


def atom(feed_class):
    """The Atom variant of an RSS feed class."""
    return type(
        f"{feed_class.__name__}Atom", (feed_class,), {"feed_type": Atom1Feed, "subtitle": feed_class.description}
    )


def feed_urlpatterns(name, rss_class):
    """RSS and Atom, for everything and per theme: <prefix>/, atom/, <theme>/, <theme>/atom/."""
    from django.urls import path

    atom_class = atom(rss_class)
    return [
        path("", rss_class(), name=f"feed_{name}"),
        path("atom/", atom_class(), name=f"feed_{name}_atom"),
        path("<slug:theme_slug>/", rss_class(), name=f"feed_{name}_theme"),
        path("<slug:theme_slug>/atom/", atom_class(), name=f"feed_{name}_theme_atom"),
    ]
