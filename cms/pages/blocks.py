"""StreamField blocks for long-form content such as the engagement strategy."""

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label="Text")
    level = blocks.ChoiceBlock(
        choices=[("h2", "Überschrift 2"), ("h3", "Überschrift 3"), ("h4", "Überschrift 4")],
        default="h2",
        label="Ebene",
    )

    class Meta:
        icon = "title"
        label = "Überschrift"
        template = "blocks/heading.html"


class BulletListBlock(blocks.StructBlock):
    intro = blocks.CharBlock(required=False, label="Einleitungssatz")
    items = blocks.ListBlock(blocks.CharBlock(label="Punkt"), label="Aufzählungspunkte")

    class Meta:
        icon = "list-ul"
        label = "Aufzählung"
        template = "blocks/bullet_list.html"


class RecommendationBlock(blocks.StructBlock):
    """A "Handlungsempfehlung" of the strategy: numbered, with its measures."""

    number = blocks.CharBlock(max_length=10, label="Nummer", help_text="z. B. 4.1")
    title = blocks.CharBlock(label="Titel")
    text = blocks.RichTextBlock(label="Text")
    measures = blocks.ListBlock(
        blocks.CharBlock(label="Maßnahme"), required=False, label="Maßnahmen"
    )

    class Meta:
        icon = "tick-inverse"
        label = "Handlungsempfehlung"
        template = "blocks/recommendation.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label="Zitat")
    attribution = blocks.CharBlock(required=False, label="Quelle")

    class Meta:
        icon = "openquote"
        label = "Zitat"
        template = "blocks/quote.html"


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label="Bild")
    caption = blocks.CharBlock(required=False, label="Bildunterschrift")
    alt_text = blocks.CharBlock(required=False, label="Alternativtext")

    class Meta:
        icon = "image"
        label = "Bild"
        template = "blocks/image.html"


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label="Dokument")
    title = blocks.CharBlock(required=False, label="Linktext")

    class Meta:
        icon = "doc-full"
        label = "Dokument"
        template = "blocks/document.html"


class ContentStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=["bold", "italic", "link", "document-link", "ol", "ul"],
        label="Absatz",
        icon="pilcrow",
    )
    bullet_list = BulletListBlock()
    recommendation = RecommendationBlock()
    quote = QuoteBlock()
    image = CaptionedImageBlock()
    document = DocumentLinkBlock()
