from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

from .models import LetterTemplate


class LetterTemplateViewSet(ModelViewSet):
    """Administrators edit letter texts; placeholders are checked by ``LetterTemplate.clean``."""

    model = LetterTemplate
    icon = "mail"
    menu_label = "Briefvorlagen"
    add_to_settings_menu = True
    form_fields = ["key", "letterhead", "subject", "body"]
    list_display = ["__str__", "subject"]


@hooks.register("register_admin_viewset")
def register_letter_template_viewset():
    return LetterTemplateViewSet("ben_letter_templates")
