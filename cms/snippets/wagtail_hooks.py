from wagtail.snippets.models import register_snippet

from .views import ClubContentGroup, TaxonomyGroup

register_snippet(ClubContentGroup)
register_snippet(TaxonomyGroup)
