"""Which language version of a page a visitor sees, for listings and the language switch.

Dutch is the default locale and complete; English holds the pages editors translated. Listings on
an English page show the English version where one exists and the Dutch original otherwise, so an
English visitor never sees an empty overview and never sees a page twice.
"""

import functools

from django.conf import settings
from django.db.models import Exists, OuterRef, Q
from django.urls import translate_url
from django.utils import translation
from django.utils.translation import get_language, get_language_info, gettext
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page

from . import caching


def active_language_code():
    """The content language the visitor reads (no query)."""
    return get_supported_content_language_variant(get_language())


@functools.lru_cache(maxsize=16)
def language_code_of(locale_id):
    """A locale's language code; locales never change, so one query per locale per process."""
    return Locale.objects.filter(pk=locale_id).values_list("language_code", flat=True).first()


def in_visitor_language(dutch, english):
    """The English text for an English visitor when there is one, else the Dutch (for fields like name/name_en)."""
    if english and (get_language() or "").startswith("en"):
        return english
    return dutch


@functools.lru_cache(maxsize=16)
def locale_id_for(code):
    """A content language's locale id; locales never change, so one query per language per process."""
    return Locale.objects.filter(language_code=code).values_list("pk", flat=True).first()


def in_locale(pages, locale_id=None):
    """`pages` narrowed to one version per page: the one in the locale, else the default-locale original.

    `locale_id` defaults to the visitor's language. Plain `locale_id` comparisons and, for other
    languages, a correlated NOT EXISTS on Wagtail's unique (translation_key, locale) index: no join on
    the locale table, which made PostgreSQL choose nested-loop plans that ran for minutes when its
    statistics were stale (and a NOT IN subquery inside the OR did the same).
    """
    from . import caching

    caching.record_listing(pages.model)  # a cached page showing this list is renewed when one is published
    default_id = locale_id_for(get_supported_content_language_variant(settings.LANGUAGE_CODE))
    if locale_id is None:
        locale_id = locale_id_for(active_language_code()) or default_id
    if locale_id == default_id:
        return pages.filter(locale_id=default_id)
    translated = Exists(
        Page.objects.filter(locale_id=locale_id, live=True, translation_key=OuterRef("translation_key"))
    )
    return pages.filter(Q(locale_id=locale_id) | (Q(locale_id=default_id) & ~translated))


# A page's links to its translations; a safety net: a change to it or a translation renews them.
LANGUAGE_LINKS = caching.Entry("language-links", ("page", "language"), timeout=24 * 3600)


def language_links(request, page=None):
    """One link per site language for the language switch: (code, name, url, is_current, is_translation).

    On a page with a live translation the link goes to that translation; on a page without one it
    goes to the other language's home page (is_translation False, so the switch can say so); on
    other views (search, course paths) to the same view in the other language.
    """
    # The header's switch and the <head>'s alternate links ask for the same links: compute them once.
    cache_key = ("language_links", page.pk if page is not None else None)
    cached = getattr(request, "_language_links", {})
    if cache_key not in cached:
        if page is None:
            cached[cache_key] = build_language_links(request, page)
        else:
            # A page's links from the shared cache, renewed when it or a translation changes (portal.caching).
            cached[cache_key] = LANGUAGE_LINKS.get_or_build(
                lambda: build_language_links(request, page), page=page.pk, language=get_language()
            )
        request._language_links = cached
    return cached[cache_key]


def build_language_links(request, page):
    if page is not None:
        from . import caching

        caching.record_listing(type(page))  # a new translation of this page is a new page of its type
    current = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    translations = {}
    homes = {}
    if page is not None:
        for version in page.get_translations(inclusive=True).live().public().select_related("locale"):
            translations[version.locale.language_code] = version
        if len(translations) < len(settings.LANGUAGES):
            # Home pages are the translations of the root of this page's tree (depth 2).
            root = page if page.depth == 2 else page.get_ancestors().filter(depth=2).first()
            if root is not None:
                for home in root.get_translations(inclusive=True).live().select_related("locale"):
                    homes[home.locale.language_code] = home
    links = []
    for code, _name in settings.LANGUAGES:
        if page is not None:
            target = translations.get(code) or homes.get(code)
            url = (
                target.get_url(request)
                if target is not None
                else f"/{code}/"
                if code != settings.LANGUAGE_CODE
                else "/"
            )
            is_translation = code in translations
        else:
            url = translate_url(request.get_full_path(), code)
            is_translation = True
        # Each language named in itself, and the note said in it, so a visitor who cannot read the
        # current language still finds theirs.
        name = get_language_info(code)["name_local"]
        with translation.override(code):
            note = "" if is_translation else gettext("homepagina; deze pagina is niet vertaald")
        links.append(
            {
                "code": code,
                "name": name,
                "note": note,
                "url": url,
                "current": code == current,
                "translation": is_translation,
            }
        )
    return links


def children_in_locale(parent, pages):
    """The children of `parent` and of its translations among `pages`, one version each (see in_locale).

    An English overview lists the English pages under it and, for pages not yet translated, the
    Dutch ones under the Dutch overview.
    """
    condition = Q()
    for version in parent.get_translations(inclusive=True).only("path", "depth"):
        condition |= Q(path__startswith=version.path, depth=version.depth + 1)
    return in_locale(pages.filter(condition), parent.locale_id)
