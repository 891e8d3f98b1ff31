"""StreamField blocks shared by the page types."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=120)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[
            ("h2", _("Heading 2")),
            ("h3", _("Heading 3")),
            ("h4", _("Heading 4")),
        ],
        default="h2",
        help_text=_("Use heading 2 for sections and 3 for sub-sections, in order."),
    )

    class Meta:
        icon = "title"
        template = "core/blocks/heading_block.html"
        label = _("Heading")
        description = _("A section heading that screen readers can navigate by.")
        preview_value = {"text": "Fællesskab på tværs af landsbyerne", "level": "h2"}


class ImageValue(blocks.StructValue):
    def alt(self):
        """Return the alt text written for this use, else the image's title."""
        if self.get("decorative"):
            return ""
        image = self.get("image")
        return self.get("alt_text") or (image.title if image else "")


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        required=False,
        max_length=250,
        help_text=_("Describe what the picture shows for people who cannot see it."),
    )
    decorative = blocks.BooleanBlock(
        label=_("Decorative only"),
        required=False,
        help_text=_("Tick if the image adds nothing to the text; it is then skipped."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)
    credit = blocks.CharBlock(label=_("Photo credit"), required=False, max_length=120)

    class Meta:
        icon = "image"
        template = "core/blocks/captioned_image_block.html"
        label = _("Image")
        description = _("An image with alternative text and an optional caption.")
        value_class = ImageValue
        preview_value = {
            "caption": "Plantekasserne i Knebel blev bygget af frivillige."
        }


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"), max_length=600)
    attribution = blocks.CharBlock(
        label=_("Who said it"), required=False, max_length=120
    )

    class Meta:
        icon = "openquote"
        template = "core/blocks/quote_block.html"
        label = _("Quote")
        description = _("A quotation with the name of the person who said it.")
        preview_value = {
            "quote": "Vi er flere landsbyer, men én klynge.",
            "attribution": "Formand for styregruppen",
        }


class CallToActionValue(blocks.StructValue):
    def url(self):
        """Return the chosen page's URL, else the external link."""
        page = self.get("page")
        return page.url if page else self.get("external_url")


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    text = blocks.TextBlock(label=_("Text"), required=False, max_length=400)
    button_label = blocks.CharBlock(label=_("Button text"), max_length=60)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    external_url = blocks.URLBlock(label=_("Or a link"), required=False)

    class Meta:
        icon = "pick"
        template = "core/blocks/call_to_action_block.html"
        label = _("Call to action")
        description = _("A highlighted invitation with a button to a page or a link.")
        value_class = CallToActionValue
        preview_value = {
            "title": "Vil du give en hånd med?",
            "text": "Vi mangler frivillige til at bygge plantekasser.",
            "button_label": "Se opgaverne",
            "external_url": "https://example.org/",
        }

    def clean(self, value):
        from django.core.exceptions import ValidationError

        from wagtail.blocks.struct_block import StructBlockValidationError

        value = super().clean(value)
        if not value.get("page") and not value.get("external_url"):
            raise StructBlockValidationError(
                block_errors={
                    "page": ValidationError(_("Choose a page or enter a link.")),
                }
            )
        return value


class FactBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("Label"), max_length=80)
    value = blocks.CharBlock(label=_("Value"), max_length=120)


class FactBoxBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    facts = blocks.ListBlock(FactBlock(), label=_("Facts"), min_num=1)

    class Meta:
        icon = "list-ul"
        template = "core/blocks/fact_box_block.html"
        label = _("Fact box")
        description = _(
            "Short facts side by side, such as population or founding year."
        )
        preview_value = {
            "title": "Klyngen i tal",
            "facts": [
                {"label": "Landsbyer", "value": "6"},
                {"label": "Indbyggere", "value": "3.200"},
            ],
        }


class BodyStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Text"),
        icon="pilcrow",
        features=["bold", "italic", "link", "ol", "ul", "document-link"],
        template="core/blocks/paragraph_block.html",
        description=_("Running text with links and lists."),
        preview_value="<p>Klyngen samler seks landsbyer om fælles mål.</p>",
    )
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    fact_box = FactBoxBlock()
