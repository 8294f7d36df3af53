"""Facets: the vocabulary of the filters (a URL parameter, a label, the lookup holding the value)."""

import dataclasses

from taggit.models import Tag

STRING = {"type": "string"}  # JSON schema of a facet value and of a text field (fields)


@dataclasses.dataclass(frozen=True)
class Facet:
    """One filter: its URL parameter (Dutch, what visitors share), label, and the lookup holding the value.

    `options(live)` lists (value, label) for an overview of the live pages `live`; `labels(values)` labels
    those of `values` that exist (the search page's facets). `description` is for the API's documentation.
    `former_params` are the parameter's earlier names: links that use one are redirected (`renamed_query`).
    """

    param: str
    label: str
    lookup: str
    description: str
    former_params: tuple = dataclasses.field(default=(), kw_only=True)

    @property
    def schema(self):
        return STRING

    def options(self, live):
        raise NotImplementedError

    def labels(self, values):
        raise NotImplementedError

    def values_of(self, item):
        """This facet's values on one object, read along its lookup (what a search document files it under)."""
        found = [item]
        for part in self.lookup.split("__"):
            related = (getattr(value, part, None) for value in found)
            found = [
                each
                for value in related
                if value is not None
                for each in (value.all() if hasattr(value, "all") else [value])
            ]
        return sorted({str(value) for value in found if value not in ("", None)})

    def on(self, lookup):
        """The same vocabulary held by another field (a page with one theme rather than several)."""
        return dataclasses.replace(self, lookup=lookup)

    def through(self, relation):
        """The same vocabulary on a related object (a case study's municipality's province)."""
        return dataclasses.replace(self, lookup=f"{relation}__{self.lookup}")


@dataclasses.dataclass(frozen=True)
class TermFacet(Facet):
    """A taxonomy term by slug (theme, audience, domain, provider)."""

    model: type = None
    key: str = "slug"

    @property
    def relation(self):
        """The page's field that points at the term: what theme and audience pages gather through."""
        return self.lookup.rsplit("__", 1)[0]

    def _label(self, term):
        return str(getattr(term, "display_name", term))

    def options(self, live):
        return [(str(getattr(term, self.key)), self._label(term)) for term in self.model.objects.all()]

    def labels(self, values):
        terms = self.model.objects.filter(**{f"{self.key}__in": [str(value) for value in values]})
        return {str(getattr(term, self.key)): self._label(term) for term in terms}


@dataclasses.dataclass(frozen=True)
class ChoiceFacet(Facet):
    """A fixed list of (value, label) pairs, such as a model field's choices."""

    choices: tuple = ()

    @property
    def schema(self):
        return {"type": "string", "enum": [str(value) for value, _label in self.choices]}

    def options(self, live):
        return [(str(value), str(label)) for value, label in self.choices]

    def labels(self, values):
        known = dict(self.options(None))
        return {str(value): known[str(value)] for value in values if str(value) in known}


@dataclasses.dataclass(frozen=True)
class TagFacet(Facet):
    """The tags the live pages carry, by slug."""

    def options(self, live):
        tags = Tag.objects.filter(pk__in=live.values(self.lookup.rsplit("__", 1)[0])).order_by("name")
        return list(tags.values_list("slug", "name"))

    def labels(self, values):
        return dict(Tag.objects.filter(slug__in=[str(value) for value in values]).values_list("slug", "name"))


@dataclasses.dataclass(frozen=True)
class ValueFacet(Facet):
    """The distinct values the live pages have (a start year, a safety region), newest or first first."""

    label_lookup: str = ""
    descending: bool = False

    def options(self, live):
        label_lookup = self.label_lookup or self.lookup
        rows = (
            live.exclude(**{f"{self.lookup}__isnull": True})
            .order_by(("-" if self.descending else "") + self.lookup)
            .values_list(self.lookup, label_lookup)
            .distinct()
        )
        return [(str(value), str(label or value)) for value, label in rows if value != ""]

    def through(self, relation):
        facet = super().through(relation)
        return dataclasses.replace(facet, label_lookup=f"{relation}__{self.label_lookup}" if self.label_lookup else "")

    def labels(self, values):
        return {str(value): str(value) for value in values}
