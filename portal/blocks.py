"""StreamField blocks shared by every page type of the portal."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

# Editors get structure, not styling: no inline colours, fonts or raw HTML.
RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Tekst"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Niveau"),
        choices=[("h2", _("Kop 2")), ("h3", _("Kop 3")), ("h4", _("Kop 4"))],
        default="h2",
        help_text=_("Kies het niveau dat past bij de structuur van de pagina; sla geen niveau over."),
    )

    class Meta:
        icon = "title"
        label = _("Kop")
        template = "portal/blocks/heading_block.html"


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Afbeelding"))
    alt_text = blocks.CharBlock(
        label=_("Alternatieve tekst"),
        required=False,
        max_length=250,
        help_text=_("Beschrijf wat de afbeelding laat zien. Laat leeg als de afbeelding alleen decoratief is."),
    )
    caption = blocks.CharBlock(label=_("Bijschrift"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Afbeelding")
        template = "portal/blocks/image_block.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Citaat"))
    attribution = blocks.CharBlock(label=_("Bron of naam"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Citaat")
        template = "portal/blocks/quote_block.html"


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titel"), max_length=120)
    text = blocks.TextBlock(label=_("Tekst"), required=False)
    page = blocks.PageChooserBlock(label=_("Pagina"), required=False)
    url = blocks.URLBlock(label=_("Of een externe link"), required=False)
    link_text = blocks.CharBlock(label=_("Linktekst"), max_length=80)

    class Meta:
        icon = "pick"
        label = _("Oproep tot actie")
        template = "portal/blocks/call_to_action_block.html"

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not value.get("url"):
            raise blocks.StructBlockValidationError(
                block_errors={"page": blocks.BlockValidationError(_("Kies een pagina of vul een externe link in."))}
            )
        return value


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(label=_("Titel"), required=False, max_length=200)

    class Meta:
        icon = "doc-full"
        label = _("Document")
        template = "portal/blocks/document_block.html"


class BodyStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(label=_("Tekst"), features=RICH_TEXT_FEATURES, icon="pilcrow")
    image = ImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    document = DocumentBlock()
    embed = EmbedBlock(label=_("Video of embed"), help_text=_("Bijvoorbeeld een YouTube- of Vimeo-link."))

    class Meta:
        template = "portal/blocks/body_stream_block.html"
