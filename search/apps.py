from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save, pre_delete
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Zoeken")

    def ready(self):
        from wagtail.documents.models import Document
        from wagtail.models import CollectionViewRestriction, PageViewRestriction
        from wagtail.signals import copy_for_translation_done, page_published, page_unpublished, post_page_move

        from portal import health

        from . import indexing
        from .health import check_search_engine

        # Search being down degrades the portal (the database engine answers); it is not fatal.
        health.register("search", check_search_engine, critical=False)

        page_published.connect(indexing.on_page_published, dispatch_uid="search_page_published")
        page_unpublished.connect(indexing.on_page_unpublished, dispatch_uid="search_page_unpublished")
        post_page_move.connect(indexing.on_page_moved, dispatch_uid="search_page_moved")
        post_save.connect(
            indexing.on_view_restriction_changed, sender=PageViewRestriction, dispatch_uid="search_restriction_saved"
        )
        post_delete.connect(
            indexing.on_view_restriction_changed, sender=PageViewRestriction, dispatch_uid="search_restriction_deleted"
        )
        post_save.connect(indexing.on_document_changed, sender=Document, dispatch_uid="search_document_saved")
        for signal in (post_save, post_delete):
            signal.connect(
                indexing.on_collection_restriction_changed,
                sender=CollectionViewRestriction,
                dispatch_uid=f"search_collection_restriction_{signal is post_save}",
            )
        post_save.connect(indexing.on_alias_created, dispatch_uid="search_alias_created")
        copy_for_translation_done.connect(indexing.on_translation_copied, dispatch_uid="search_translation_copied")

        from .models import Synonym
        from .service import synonyms_changed

        for signal in (post_save, post_delete):
            signal.connect(synonyms_changed, sender=Synonym, dispatch_uid=f"search_synonyms_{signal is post_save}")

        from wagtail.contrib.search_promotions.models import SearchPromotion

        from .service import promotions_changed

        for signal in (post_save, post_delete):
            signal.connect(
                promotions_changed, sender=SearchPromotion, dispatch_uid=f"search_promotions_{signal is post_save}"
            )
        # Before the delete: the database engine needs the stored words to keep its vocabulary right.
        pre_delete.connect(indexing.on_page_deleted, dispatch_uid="search_page_deleted")
