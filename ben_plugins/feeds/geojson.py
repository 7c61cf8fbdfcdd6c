"""GeoJSON (RFC 7946) feature collections for maps: clubs and benefit partners."""

from ben_plugins.core.resources import api_resource_url


def feature_collection(objects, properties, site) -> dict:
    return {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "id": obj.pk,
                "geometry": {
                    "type": "Point",
                    "coordinates": [float(obj.longitude), float(obj.latitude)],
                },
                "properties": {
                    "name": obj.title,
                    "street": obj.street,
                    "postal_code": obj.postal_code,
                    "city": obj.city,
                    "url": api_resource_url(obj, site),
                    **properties(obj),
                },
            }
            for obj in objects
            if obj.has_coordinates
        ],
    }


def club_properties(club) -> dict:
    return {
        "kind": club.kind,
        "kind_label": club.get_kind_display(),
        "categories": [category.slug for category in club.categories.all()],
        "website": club.website,
        "seeks_volunteers": club.seeks_volunteers,
    }


def partner_properties(partner) -> dict:
    return {
        "category": partner.category,
        "category_label": partner.get_category_display(),
        "discount_de": partner.discount_de,
        "discount_en": partner.discount_en,
        "valid_until": partner.valid_until.isoformat() if partner.valid_until else None,
        "website": partner.website,
    }
