"""The hand-curated postcode table: well-formed, unique, and inside the region it claims."""

import csv

from cms.core.postcodes import TABLE, centre_of, postcode_centres

#: A generous box around the Eifelkreis Bitburg-Prüm and its German neighbours.
REGION = {"latitude": (49.5, 50.6), "longitude": (6.0, 7.2)}


def test_every_row_is_a_five_digit_postcode_with_coordinates_in_the_region():
    centres = postcode_centres()
    assert len(centres) >= 40
    for postcode, centre in centres.items():
        assert len(postcode) == 5 and postcode.isdigit(), postcode
        assert centre.place and centre.district, postcode
        low, high = REGION["latitude"]
        assert low < centre.latitude < high, postcode
        low, high = REGION["longitude"]
        assert low < centre.longitude < high, postcode


def test_no_postcode_is_listed_twice():
    with TABLE.open(encoding="utf-8") as table:
        rows = list(csv.reader(line for line in table if not line.startswith("#")))
    postcodes = [row[0] for row in rows[1:]]
    assert len(postcodes) == len(set(postcodes))


def test_the_header_cites_source_and_licence():
    header = TABLE.read_text(encoding="utf-8").split("\npostcode,")[0]
    for needed in ("GeoNames", "CC BY 4.0", "OpenStreetMap", "ODbL", "by hand", "approximate"):
        assert needed in header, needed


def test_bitburg_and_an_unknown_postcode():
    bitburg = centre_of("54634")
    assert bitburg.place == "Bitburg"
    assert (round(bitburg.latitude, 1), round(bitburg.longitude, 1)) == (50.0, 6.5)
    assert centre_of("10115") is None
