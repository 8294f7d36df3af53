from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page, Site
from wagtail.templatetags.wagtailcore_tags import richtext

from portal import caching
from portal.i18n import active_language_code, language_code_of
from portal.listings import LANGUAGE_PARAM, PAGE_PARAM, applied_choices
from portal.models import AudiencePage, FooterLink, SiteSettings, audience_link

register = template.Library()


# Safety nets: publishing renews the frame and breadcrumbs (portal.invalidation), and a linked page its text.
FRAME = caching.Entry("frame", ("site", "language"), timeout=24 * 3600)
BREADCRUMBS = caching.Entry("breadcrumbs", ("parent_path",), timeout=24 * 3600)
RICH_TEXT = caching.Entry("richtext", ("language", "text"), timeout=24 * 3600, hashed=True)


def frame(request):
    """The menu and the footer of every page in the visitor's language, from the shared cache.

    Built once per site and language, and again when a page they show (or a section that may join the menu)
    is published, moved or deleted, or the site settings change (portal.invalidation). Holds plain values
    and HTML, not pages, so reading it costs no query.
    """
    if not hasattr(request, "_portal_frame"):
        site = Site.find_for_request(request)
        request._portal_frame = FRAME.get_or_build(
            lambda: build_frame(request, site), site=site.pk if site else 0, language=active_language_code()
        )
    return request._portal_frame


def build_frame(request, site):
    caching.record(caching.FRAME)
    menu = []
    if site is not None:
        # The home page in the visitor's language (the Dutch one when it has no translation).
        for item in site.root_page.localized.get_children().live().public().in_menu():
            menu.append({"title": item.title, "url": item.get_url(request), "path": item.path})
    footer = render_to_string("includes/footer.html", footer_context(request, site), request=request)
    return {"menu": menu, "footer": footer}


@register.inclusion_tag("includes/main_navigation.html", takes_context=True)
def main_navigation(context):
    """Top-level menu: the live, public children of the site's home page that are shown in menus."""
    request = context["request"]
    current = context.get("page")
    current_path = current.path if current is not None else ""
    items = []
    for item in frame(request)["menu"]:
        # aria-current tells screen-reader users where they are; "true" marks the section.
        path = item["path"]
        state = "page" if path == current_path else ("true" if current_path.startswith(path) else "")
        items.append((item, state))
    return {"request": request, "items": items}


@register.simple_tag(takes_context=True)
def site_footer(context):
    return mark_safe(frame(context["request"])["footer"])  # noqa: S308 - rendered from our own template


def footer_context(request, site):
    site_settings = SiteSettings.for_site(site) if site is not None else None
    links = list(
        FooterLink.objects.filter(settings=site_settings).select_related("page").order_by("sort_order")
        if site_settings is not None
        else []
    )
    # Never link to a draft or private page from the footer (two queries, however many links).
    page_ids = [link.page_id for link in links if link.page_id]
    visible_ids = (
        set(Page.objects.filter(id__in=page_ids).live().public().values_list("id", flat=True)) if page_ids else set()
    )
    visible = [link for link in links if not link.page_id or link.page_id in visible_ids]
    # Editors pick the Dutch pages; an English visitor gets their translations where they exist.
    translations = translations_in_active_locale([link.page for link in visible if link.page_id])
    for link in visible:
        translated = translations.get(link.page.translation_key) if link.page_id else None
        if translated is not None:
            link.page, link.title = translated, translated.title
    return {
        "request": request,
        "site_settings": site_settings,
        "links": visible,
        "audience_pages": audience_pages(request),
    }


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    page = context.get("page")
    request = context["request"]
    ancestors = []
    if page is not None and page.depth > 2:
        # From the shared cache: renewed when one of them is published, moved or deleted (portal.caching).
        # Keyed by the parent's tree path, not the page's id: a new page in the editor's preview has none yet.
        ancestors = BREADCRUMBS.get_or_build(
            lambda: [
                {"title": ancestor.title, "url": ancestor.get_url(request), "depth": ancestor.depth}
                for ancestor in Page.objects.ancestor_of(page).filter(depth__gt=1).live().order_by("depth")
            ],
            parent_path=page.path[: -page.steplen],
        )
    return {"request": request, "ancestors": ancestors, "page": page}


@register.inclusion_tag("includes/language_switch.html", takes_context=True)
def language_switch(context):
    from portal.i18n import language_links

    request = context["request"]
    return {"request": request, "links": language_links(request, context.get("page"))}


@register.simple_tag(takes_context=True)
def alternate_language_links(context):
    """`<link rel="alternate" hreflang>` for each translation of the current page (search engines, screen readers)."""
    from django.utils.html import format_html_join

    from portal.i18n import language_links

    page = context.get("page")
    request = context["request"]
    if page is None:
        return ""
    links = [link for link in language_links(request, page) if link["translation"]]
    if len(links) < 2:
        return ""
    return format_html_join(
        "\n",
        '<link rel="alternate" hreflang="{}" href="{}">',
        ((link["code"], request.build_absolute_uri(link["url"])) for link in links),
    )


@register.simple_tag(takes_context=True)
def absolute_url(context, page_or_path):
    """A page's (or a path's) address on the host the visitor asked for, as the hreflang links write it (not the
    Site record's host, which a demo or a second domain may not share)."""
    request = context["request"]
    path = page_or_path if isinstance(page_or_path, str) else page_or_path.get_url(request)
    return request.build_absolute_uri(path)


def translations_in_active_locale(pages):
    """{translation_key: live, public translation in the visitor's locale} for these pages (one query)."""
    code = active_language_code()
    keys = [page.translation_key for page in pages]
    if not keys or code == get_supported_content_language_variant(settings.LANGUAGE_CODE):
        return {}
    translated = Page.objects.filter(translation_key__in=keys, locale__language_code=code).live().public()
    return {page.translation_key: page for page in translated}


def audience_pages(request):
    """'Ik ben …' links: the audience pages under the home page in the visitor's language."""
    site = Site.find_for_request(request)
    if site is None:
        return []
    pages = AudiencePage.objects.child_of(site.root_page.localized).live().public().order_by("path")
    return [audience_link(page, request) for page in pages]


@register.filter
def shared_richtext(value):
    """Rich text as `|richtext` renders it, from the shared cache when it links to pages: resolving each link
    costs queries on every visit. Keyed by the text itself and the language (a preview or a new revision is a
    different text), renewed when a linked page is published, moved or deleted (the pages loaded while it was
    rendered are its dependencies)."""
    if not value or 'linktype="page"' not in str(value):
        return richtext(value)
    rendered = RICH_TEXT.get_or_build(lambda: str(richtext(value)), language=active_language_code(), text=str(value))
    return mark_safe(rendered)  # noqa: S308


@register.filter
def offered_options(options):
    """The values worth offering: those with results, and those chosen (so that they can be unchosen)."""
    return [option for option in options if option.count or option.selected]


@register.filter
def any_selected(options):
    return any(option.selected for option in options)


@register.filter
def lang_if_other(item):
    """' lang="nl"' on what is in another language than the page it is shown on (a Dutch page in an English
    overview), so that screen readers pronounce it right. `item`: a page, or plain values with a `language`."""
    if getattr(item, "locale_id", None):  # a page (a module's `language` is the one it is taught in)
        code = language_code_of(item.locale_id)
    else:
        code = item.get("language") if isinstance(item, dict) else getattr(item, "language", None)
    if code and code != active_language_code():
        return format_html(' lang="{}"', code)
    return ""


@register.inclusion_tag("includes/applied_filters.html", takes_context=True)
def applied_filters(context, facets, total, extra=()):
    """The chosen filters above the results, each removable; with no results, which filter to drop."""
    query = context["request"].GET
    choices, per_facet = applied_choices(query, facets, extra)
    cleared = query.copy()
    for param in [PAGE_PARAM, *(facet.param for facet in facets), *(param for param, *_rest in extra)]:
        cleared.pop(param, None)
    return {
        "choices": choices,
        "per_facet": per_facet,
        "no_results": not total,
        "path": context["request"].path,
        "clear_query": cleared.urlencode(),
    }


@register.simple_tag
def chosen_count(facets, extra=()):
    """How many filter values are chosen: the filter panel's button says so while it is closed."""
    return sum(1 for facet in facets for option in facet.options if option.selected) + len(extra)


@register.inclusion_tag("includes/download_selection.html", takes_context=True)
def download_selection(context, export_name):
    """Links to download an overview's current selection (all pages of it) from the open-data exports."""
    request = context["request"]
    query = request.GET.copy()
    query.pop(PAGE_PARAM, None)
    language = active_language_code()
    if language != "nl":
        query[LANGUAGE_PARAM] = language
    suffix = f"?{query.urlencode()}" if query else ""
    return {
        "csv_url": reverse(f"api:{export_name}-csv") + suffix,
        "json_url": reverse(f"api:{export_name}-json") + suffix,
        "api_url": reverse(f"api:{export_name}") + suffix,
    }
