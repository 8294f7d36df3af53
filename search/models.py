"""The database engine's index, editor-maintained synonyms, unanswered queries and extracted document text."""

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel


class SearchDocument(models.Model):
    """One live, public page as the database engine searches it (always kept, also next to Elasticsearch)."""

    page = models.OneToOneField("wagtailcore.Page", on_delete=models.CASCADE, primary_key=True, related_name="+")
    content_type = models.CharField(max_length=20)
    title = models.CharField(max_length=255)
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True)
    url = models.CharField(max_length=500)
    date = models.DateField(null=True, db_index=True)
    # Space-padded stems and folded title words, so " stem " matches whole terms with LIKE on SQLite.
    title_stems = models.TextField(blank=True)
    filed_stems = models.TextField(blank=True)  # what the page is filed under (themes, tags, municipality, ...)
    stems = models.TextField(blank=True)
    title_folded = models.CharField(max_length=300, blank=True)
    # PostgreSQL only: filled by the engine, with a GIN index created by migration on PostgreSQL.
    search_vector = SearchVectorField(null=True)
    language = models.CharField(max_length=10, blank=True)
    # Search by meaning (search.embeddings): the passages and their unit vectors as int8, one row per passage.
    passages = models.JSONField(default=list, blank=True)
    vectors = models.BinaryField(null=True)

    class Meta:
        verbose_name = _("zoekdocument")


class SearchFacetValue(models.Model):
    document = models.ForeignKey(SearchDocument, on_delete=models.CASCADE, related_name="facet_values")
    facet = models.CharField(max_length=30)
    value = models.CharField(max_length=100)

    class Meta:
        indexes = [models.Index(fields=["facet", "value"])]


class SearchTerm(models.Model):
    """The words of the public documents, for 'bedoelde u' and typo correction in the database engine."""

    word = models.CharField(max_length=40, primary_key=True)
    stem = models.CharField(max_length=40, db_index=True)
    document_count = models.PositiveIntegerField(default=0)


class Synonym(models.Model):
    """Words and phrases that mean the same to a searcher; applied when searching, so no reindex is needed."""

    terms = models.CharField(
        _("termen"),
        max_length=500,
        help_text=_(
            "Woorden of woordgroepen met dezelfde betekenis, gescheiden door komma's. "
            "Bijvoorbeeld: ondermijning, georganiseerde criminaliteit"
        ),
    )
    panels = [FieldPanel("terms")]

    class Meta:
        ordering = ["terms"]
        verbose_name = _("synoniemengroep")
        verbose_name_plural = _("synoniemen")

    def __str__(self):
        return self.terms

    @property
    def phrases(self):
        return [phrase.strip() for phrase in self.terms.split(",") if phrase.strip()]


class UnansweredQuery(models.Model):
    """Queries that found nothing, per day, so editors see what content is missing."""

    query = models.CharField(_("zoekopdracht"), max_length=200)
    date = models.DateField(_("datum"))
    count = models.PositiveIntegerField(_("aantal keer"), default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["query", "date"], name="unique_unanswered_query_per_day")]
        verbose_name = _("zoekopdracht zonder resultaat")
        verbose_name_plural = _("zoekopdrachten zonder resultaat")


class ExtractedDocumentText(models.Model):
    """Text taken from an attached PDF once, so a rebuild does not parse every file again."""

    document = models.OneToOneField("wagtaildocs.Document", on_delete=models.CASCADE, related_name="+")
    file_name = models.CharField(max_length=255)
    file_size = models.PositiveBigIntegerField(null=True)
    text = models.TextField(blank=True)


class PassageEmbedding(models.Model):
    """A passage's embedding, kept across rebuilds so that only new or changed text is embedded again (the
    model's work is most of a rebuild's). Keyed by a digest of the model and the passage's text
    (search.embeddings.embed_passages); entries no rebuild used are removed after it."""

    digest = models.CharField(max_length=64, primary_key=True)
    vector = models.BinaryField()  # int8, search.embeddings.to_bytes
    used_at = models.DateTimeField(db_index=True)


class PendingIndexUpdate(models.Model):
    """A page Elasticsearch could not take when it changed; indexed on the next successful write or rebuild."""

    page_id = models.IntegerField(primary_key=True)
    queued_at = models.DateTimeField(auto_now_add=True)


class SavedSearch(models.Model):
    """A visitor's search (text and facets) with an e-mail address for a digest of what is new.

    The address is kept for this purpose only: unconfirmed ones are deleted after a week, and
    unsubscribing deletes the row. The token is the only key to confirm or unsubscribe.
    """

    DAILY, WEEKLY = "daily", "weekly"
    FREQUENCIES = [(DAILY, _("Dagelijks")), (WEEKLY, _("Wekelijks"))]

    email = models.EmailField(_("e-mailadres"))
    query = models.CharField(_("zoekopdracht"), max_length=200)
    filters = models.JSONField(_("filters"), default=dict, blank=True)  # facet name -> values, as the service uses them
    language = models.CharField(_("taal"), max_length=5, default="nl")
    frequency = models.CharField(_("hoe vaak"), max_length=10, choices=FREQUENCIES, default=WEEKLY)
    token = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("bevestigd op"), null=True, blank=True)
    # Changes up to this moment have been reported; the next digest looks after it.
    covered_until = models.DateTimeField(null=True, blank=True)
    # The period ("2026-11-28" or "2026-W48") of the last digest run, so a second run in it sends nothing.
    last_period = models.CharField(max_length=10, blank=True)
    last_sent_at = models.DateTimeField(_("laatst verstuurd op"), null=True, blank=True)

    class Meta:
        verbose_name = _("bewaarde zoekopdracht")
        verbose_name_plural = _("bewaarde zoekopdrachten")
        indexes = [models.Index(fields=["confirmed_at", "frequency"], name="search_saved_confirmed_freq")]

    def __str__(self):
        return self.query
