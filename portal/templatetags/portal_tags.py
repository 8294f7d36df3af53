from django import template
from wagtail.models import Page, Site

from portal.models import FooterLink, SiteSettings

register = template.Library()


@register.inclusion_tag("includes/main_navigation.html", takes_context=True)
def main_navigation(context):
    """Top-level menu: the live, public children of the site's home page that are shown in menus."""
    request = context["request"]
    site = Site.find_for_request(request)
    current = context.get("page")
    current_path = current.path if current is not None else ""
    items = []
    if site is not None:
        for item in site.root_page.get_children().live().public().in_menu():
            # aria-current tells screen-reader users where they are; "true" marks the section.
            state = "page" if item.path == current_path else ("true" if current_path.startswith(item.path) else "")
            items.append((item, state))
    return {"request": request, "items": items}


@register.inclusion_tag("includes/footer.html", takes_context=True)
def site_footer(context):
    request = context["request"]
    site_settings = SiteSettings.for_request(request)
    links = FooterLink.objects.filter(settings=site_settings).select_related("page").order_by("sort_order")
    links = list(links)
    # Never link to a draft or private page from the footer (two queries, however many links).
    page_ids = [link.page_id for link in links if link.page_id]
    visible_ids = set(Page.objects.filter(id__in=page_ids).live().public().values_list("id", flat=True)) if page_ids else set()
    visible = [link for link in links if not link.page_id or link.page_id in visible_ids]
    return {"request": request, "site_settings": site_settings, "links": visible}


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    page = context.get("page")
    ancestors = []
    if page is not None and page.depth > 2:
        ancestors = Page.objects.ancestor_of(page).filter(depth__gt=1).live().order_by("depth")
    return {"request": context["request"], "ancestors": ancestors, "page": page}
