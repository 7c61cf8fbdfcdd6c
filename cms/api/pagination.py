"""limit/offset pagination that rejects bad values instead of silently correcting them."""

import re
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import LimitOffsetPagination

from cms.core.sites import absolute_url

DEFAULT_PAGE_SIZE = 20
#: ASCII digits only: int() would also take "٥", "1_0" and " 10 ".
INTEGER = re.compile(r"-?[0-9]+")


class ContentPagination(LimitOffsetPagination):
    default_limit = DEFAULT_PAGE_SIZE

    @property
    def max_limit(self):
        return settings.API_MAX_PAGE_SIZE

    def _integer(self, request, name, minimum):
        raw = request.query_params.get(name)
        if raw is None:
            return None
        if not INTEGER.fullmatch(raw):
            message = _("Must be an integer written with the digits 0-9, not %(value)r.")
            raise ValidationError({name: [message % {"value": raw}]})
        value = int(raw)
        if value < minimum:
            raise ValidationError(
                {name: [_("Must be at least %(minimum)d.") % {"minimum": minimum}]}
            )
        return value

    def get_limit(self, request):
        limit = self._integer(request, self.limit_query_param, 1)
        if limit is None:
            return self.default_limit
        if limit > self.max_limit:
            message = _("At most %(limit)d items per page.") % {"limit": self.max_limit}
            raise ValidationError({"limit": [message]})
        return limit

    def get_offset(self, request):
        return self._integer(request, self.offset_query_param, 0) or 0

    def paginate_queryset(self, queryset, request, view=None):
        page = super().paginate_queryset(queryset, request, view)
        if self.offset and self.offset >= self.count:
            message = _("Offset %(offset)d is beyond the last item (count %(count)d).")
            raise ValidationError(
                {"offset": [message % {"offset": self.offset, "count": self.count}]}
            )
        return page

    def get_next_link(self):
        return self._under_base_url(super().get_next_link())

    def get_previous_link(self):
        return self._under_base_url(super().get_previous_link())

    def _under_base_url(self, link):
        """DRF builds the links on the host the request named; BEN's links name BEN_BASE_URL."""
        if link is None:
            return None
        parts = urlsplit(link)
        return absolute_url(parts.path + (f"?{parts.query}" if parts.query else ""), self.request)

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == "limit":
                parameter["schema"].update({"minimum": 1, "maximum": self.max_limit})
                parameter["description"] = (
                    f"Items per page (default {self.default_limit}, at most {self.max_limit})."
                )
            else:
                parameter["schema"]["minimum"] = 0
        return parameters
