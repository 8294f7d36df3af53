"""Wagtail's document URLs under /documents/, with ids in ASCII digits (its own pattern takes any Unicode
digit) and the download view that keeps unpublished submissions from opening inline. The names are
Wagtail's own (no namespace), so every link Wagtail makes to a document comes here."""

from django.urls import path
from wagtail.documents.views import serve as serve_documents

from . import views

urlpatterns = [
    path("<id:document_id>/<path:document_filename>", views.serve_document, name="wagtaildocs_serve"),
    path(
        "authenticate_with_password/<id:restriction_id>/",
        serve_documents.authenticate_with_password,
        name="wagtaildocs_authenticate_with_password",
    ),
]
