from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin import AccessLogAdmin, model_admin_for
from .declarations import declared_models
from .processing_record import ProcessingRecordView, may_read

for declared_model in declared_models():
    model_admin_for(declared_model)().register_with_wagtail()
AccessLogAdmin().register_with_wagtail()


@hooks.register("register_admin_urls")
def register_processing_record_url():
    return [
        path(
            "verarbeitungsverzeichnis/",
            ProcessingRecordView.as_view(),
            name="ben_processing_record",
        )
    ]


class ProcessingRecordMenuItem(MenuItem):
    def is_shown(self, request):
        return may_read(request.user)


@hooks.register("register_settings_menu_item")
def register_processing_record_menu_item():
    return ProcessingRecordMenuItem(
        "Verarbeitungsverzeichnis",
        reverse("ben_processing_record"),
        icon_name="list-ul",
        order=910,
    )
