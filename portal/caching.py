"""Shared caches that know what they show: the page frame and whole pages for anonymous visitors.

Every entry remembers the *dependencies* it was built from, each with the version it had then:

- `page:<id>`: a page whose title, URL or content the entry shows (recorded automatically for every page
  instance loaded while the entry is built);
- `list:<app.model>`: a listing of pages of that type, which a newly published page may join;
- `frame`: the menu, footer and audience links; `search`: results from the search index; `restrictions`:
  which sections are private and whether aliases exist; `all`: the shared vocabulary (themes, tags,
  municipalities, settings, privacy) that any page may show.

An entry is used only while every dependency still has the version it was built with. Publishing,
unpublishing, saving or deleting a page gives its `page:` and `list:` dependencies a new version
(portal.invalidation), now and again when the change commits, so exactly the entries that show it, or a
list it may join, are built again; the others stay. Versions are tokens in the shared cache (Redis in
production), so every worker and every host sees a change at once; each carries the time it was made,
so an entry whose content was read before a change that landed while it was being built is not stored.
"""

import contextlib
import contextvars
import dataclasses
import hashlib
import logging
import secrets
import time
from collections.abc import Callable

from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction

logger = logging.getLogger(__name__)

_building = contextvars.ContextVar("cached_entry_dependencies", default=None)
# Entries already read in this request ({key: (versions, value)}): a page asks for the restricted sections
# several times, and each read from Redis is a round trip or two.
_read_in_request = contextvars.ContextVar("cached_entries_read_in_request", default=None)

PAGE = "page:{}"
LIST = "list:{}"
FRAME = "frame"
SEARCH = "search"
RESTRICTIONS = "restrictions"
ALL = "all"


class Dependencies(set):
    """What one cached entry is being built from, and when its building started (nanoseconds).

    Pages loaded are kept apart ({id: model label}): a page whose type's listing the entry also shows needs no
    dependency of its own, since a change to it renews the listing too (an overview of thousands of modules
    depends on one `list:`, not on thousands of `page:`).
    """

    def __init__(self):
        super().__init__([ALL])
        self.pages = {}
        self.started = time.time_ns()

    def merge(self, other):
        self.update(other)
        self.pages.update(other.pages)

    def names(self):
        every_page = LIST.format("wagtailcore.page")
        pages = [
            PAGE.format(page_id)
            for page_id, label in self.pages.items()
            if every_page not in self and LIST.format(label) not in self
        ]
        return [*self, *pages]


def record(*names):
    """Note dependencies of whatever is being built for the cache now (nothing when nothing is)."""
    dependencies = _building.get()
    if dependencies is not None:
        dependencies.update(names)


def record_page(page):
    dependencies = _building.get()
    if dependencies is not None and page.pk is not None:
        dependencies.pages[page.pk] = page._meta.label_lower


def record_listing(model):
    """A listing of `model`'s pages is shown: a newly published page of that type may join it."""
    record(LIST.format(model._meta.label_lower))


@contextlib.contextmanager
def building():
    """Collect the dependencies of what is built inside; an enclosing entry depends on them too."""
    outer = _building.get()
    dependencies = Dependencies()
    token = _building.set(dependencies)
    try:
        yield dependencies
    finally:
        _building.reset(token)
        if outer is not None:
            outer.merge(dependencies)


def _version_key(name):
    return f"dependency:{name}"


def _new_version():
    return f"{time.time_ns()}-{secrets.token_hex(4)}"


def invalidate(*names):
    """Give these dependencies new versions: every entry built from them is built again when next asked for.

    Now, and once more when the transaction that made the change commits: until then other processes still
    read the old rows, and what they build from them in between is stored under the new version.
    """
    _renew(names)
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(lambda: _renew(names))


def _renew(names):
    try:
        cache.set_many({_version_key(name): _new_version() for name in names}, timeout=None)
    except Exception:  # the shared cache is down: entries expire after their timeout
        logger.exception("Could not invalidate %s in the shared cache", names)


def _current_versions(names, create=False):
    keys = {_version_key(name): name for name in names}
    found = cache.get_many(list(keys))
    versions = {name: found.get(key) for key, name in keys.items()}
    if create:
        for name, version in versions.items():
            if version is None:
                # A first version, older than anything being built ("0-"); add, not set: another worker may
                # have renewed this dependency just now, and then its version wins.
                cache.add(_version_key(name), f"0-{secrets.token_hex(4)}", timeout=None)
                versions[name] = cache.get(_version_key(name))
    return versions


@contextlib.contextmanager
def request_scope():
    """Within it, an entry read once is not read from the shared cache again (one request: portal.middleware)."""
    token = _read_in_request.set({})
    try:
        yield
    finally:
        _read_in_request.reset(token)


def get(key):
    """The cached value when none of its dependencies changed since it was stored; else None."""
    read = _read_in_request.get()
    if read is not None and key in read:
        versions, value = read[key]
    else:
        try:
            entry = cache.get(key)
            if entry is None:
                return None
            versions, value = entry
            if _current_versions(versions) != versions:
                return None
        except Exception:
            logger.exception("Shared cache unavailable; building %s", key)
            return None
        if read is not None:
            read[key] = (versions, value)
    record(*versions)  # an entry that includes this one is shown only as long as this one is valid
    return value


def put(key, value, dependencies, timeout):
    """Store `value` with the versions of its dependencies, unless one changed while it was being built."""
    try:
        versions = _current_versions(dependencies.names(), create=True)
        if any(version is None or int(version.split("-")[0]) > dependencies.started for version in versions.values()):
            return False
        cache.set(key, (versions, value), timeout)
        read = _read_in_request.get()
        if read is not None:
            read[key] = (versions, value)
        return True
    except Exception:
        logger.exception("Shared cache unavailable; %s not stored", key)
        return False


def get_or_build(key, build, timeout):
    value = get(key)
    if value is None:
        with building() as dependencies:
            value = build()
        put(key, value, dependencies, timeout)
    return value


# Each kind of entry, declared once where it is built (Entry): {name: Entry}.
_ENTRIES = {}
HIT, STORED, NOT_STORED = "hit", "stored", "not stored"


@dataclasses.dataclass(frozen=True)
class Entry:
    """One kind of entry in the shared cache, declared once, where it is built: its name (the first part of
    every key), the parts that tell one entry from another, and how long one may live (seconds, or a
    callable that reads a setting): a safety net, since what an entry depends on renews it. `hashed` keys
    by a digest of the parts (a URL or a search can be longer than a cache key may be)."""

    name: str
    parts: tuple = ()
    timeout: int | Callable = 3600
    hashed: bool = False

    def __post_init__(self):
        if _ENTRIES.setdefault(self.name, self) is not self:
            raise ImproperlyConfigured(f"The cache entry {self.name!r} is declared twice")

    def key(self, **parts):
        if set(parts) != set(self.parts):
            raise TypeError(f"The cache entry {self.name!r} is keyed by {self.parts}, not {tuple(parts)}")
        values = ":".join(str(parts[name]) for name in self.parts)
        if self.hashed:
            values = hashlib.sha256(values.encode()).hexdigest()[:40]
        return f"{self.name}:{values}" if self.parts else self.name

    @property
    def seconds(self):
        return self.timeout() if callable(self.timeout) else self.timeout

    def get(self, **parts):
        return get(self.key(**parts))

    def put(self, value, dependencies, **parts):
        return put(self.key(**parts), value, dependencies, self.seconds)

    def get_or_build(self, build, **parts):
        return self.fetch(build, **parts)[0]

    def fetch(self, build, keep=None, stored=None, **parts):
        """(value, HIT | STORED | NOT_STORED): the stored value while it is valid; else `build()`, stored
        (as `stored(value)` when given) unless `keep(value)` says it is not to be kept."""
        key = self.key(**parts)
        value = get(key)
        if value is not None:
            return value, HIT
        with building() as dependencies:
            value = build()
        if keep is not None and not keep(value):
            return value, NOT_STORED
        kept = put(key, stored(value) if stored else value, dependencies, self.seconds)
        return value, STORED if kept else NOT_STORED


def declared_entries():
    """Every kind of entry declared, by name."""
    return dict(_ENTRIES)
