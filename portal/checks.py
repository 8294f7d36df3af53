"""System checks (run by every manage.py command and at start-up): the listing declarations hold.

A facet or order naming a field that does not exist, or an overview page naming a listing that was
never declared, stops the start with a message that says which, instead of an empty overview.
"""

from django.apps import apps
from django.core import checks
from django.core.exceptions import FieldError

from . import listings


@checks.register()
def check_listings(app_configs=None, **kwargs):
    errors = []
    for listing in listings.registered():
        queryset = listing.model.objects.all()
        for facet in listing.facets:
            try:
                queryset.filter(**{f"{facet.lookup}__in": []})
                if getattr(facet, "label_lookup", ""):
                    queryset.values(facet.label_lookup)
            except FieldError as problem:
                errors.append(
                    checks.Error(
                        f"Listing {listing.name!r}: facet {facet.param!r} looks up {facet.lookup!r}: {problem}",
                        id="portal.E001",
                    )
                )
        try:
            queryset.order_by(*listing.order)
        except FieldError as problem:
            errors.append(checks.Error(f"Listing {listing.name!r}: order or relations: {problem}", id="portal.E002"))
    for model in apps.get_models():
        name = getattr(model, "listing_name", None)
        if isinstance(model, type) and issubclass(model, listings.ListingIndexMixin):
            try:
                listings.get(name)
            except KeyError:
                errors.append(
                    checks.Error(f"{model.__name__}.listing_name {name!r} is not a declared listing", id="portal.E003")
                )
    return errors
