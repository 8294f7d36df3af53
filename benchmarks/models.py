"""A model for Wagtail's stock search on the benchmark corpus (benchmark settings only; no migrations)."""

from django.db import models
from wagtail.search import index


class BenchmarkDocument(index.Indexed, models.Model):
    title = models.CharField(max_length=255)
    body = models.TextField()
    type = models.CharField(max_length=20)
    theme = models.CharField(max_length=50)
    province = models.CharField(max_length=30)
    year = models.IntegerField()

    search_fields = [
        index.SearchField("title"),
        index.SearchField("body"),
        index.FilterField("type"),
        index.FilterField("theme"),
        index.FilterField("province"),
        index.FilterField("year"),
    ]

    class Meta:
        app_label = "benchmarks"
