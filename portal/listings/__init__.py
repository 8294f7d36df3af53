"""Listings: each content type's overview declared once.

A `Listing` names the model, its facets, its order and its fields. That one declaration drives the
overview page's filters and counts (`ListingFilter`), the open-data API's parameters, representations,
OpenAPI description and exports (the api app), the search page's facet labels (the search app, through
the shared facets) and what theme and audience pages gather (`gathered`). Content apps declare their
listings in their own `listings.py`; this module imports none of them: they register themselves when
their app is ready, and `portal.checks` verifies every declaration when Django starts.

Unknown or malformed filter values are ignored and reported, never an error: a shared link keeps
working after a value is renamed. Values within one facet widen the result (OR); different facets
narrow it (AND).

One module per concept: `facets`, `fields`, `registry` (Listing and the declared listings) and
`filtering` (the one facet parser, counts, what was chosen); every name is importable from here.
"""

from .facets import (
    STRING,
    ChoiceFacet,
    Facet,
    TagFacet,
    TermFacet,
    ValueFacet,
)
from .fields import (
    DATE_TIME,
    NULLABLE_STRING,
    PAGE_FIELDS,
    SLUGS,
    Field,
    attribute,
    choice,
    nested,
    openapi_object,
    tag_slugs,
    term_slugs,
)
from .filtering import (
    LANGUAGE_PARAM,
    MAX_REPORTED_IGNORED,
    MAX_VALUE_LENGTH,
    MAX_VALUES_PER_FACET,
    PAGE_PARAM,
    PAGE_SIZE_PARAM,
    SHOWN_IGNORED_LENGTH,
    AppliedChoice,
    AppliedFacet,
    FacetChoices,
    FacetOption,
    ListingFilter,
    applied_choices,
    apply_selection,
    former_params,
    parse_selection,
    redirect_to_current,
    renamed_query,
)
from .registry import (
    _REGISTRY,
    GATHERED,
    InSearch,
    Listing,
    ListingIndexMixin,
    OnHome,
    gathered,
    get,
    in_search,
    newest,
    register,
    registered,
)

__all__ = [
    "STRING",
    "Facet",
    "TermFacet",
    "ChoiceFacet",
    "TagFacet",
    "ValueFacet",
    "NULLABLE_STRING",
    "SLUGS",
    "DATE_TIME",
    "Field",
    "attribute",
    "choice",
    "term_slugs",
    "tag_slugs",
    "nested",
    "openapi_object",
    "PAGE_FIELDS",
    "_REGISTRY",
    "OnHome",
    "InSearch",
    "in_search",
    "Listing",
    "register",
    "registered",
    "get",
    "gathered",
    "GATHERED",
    "newest",
    "ListingIndexMixin",
    "PAGE_PARAM",
    "PAGE_SIZE_PARAM",
    "LANGUAGE_PARAM",
    "MAX_VALUES_PER_FACET",
    "MAX_VALUE_LENGTH",
    "MAX_REPORTED_IGNORED",
    "SHOWN_IGNORED_LENGTH",
    "FacetOption",
    "FacetChoices",
    "parse_selection",
    "renamed_query",
    "redirect_to_current",
    "former_params",
    "apply_selection",
    "ListingFilter",
    "AppliedChoice",
    "AppliedFacet",
    "applied_choices",
]
