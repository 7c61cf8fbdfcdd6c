"""Centre coordinates of the region's postcodes, from a hand-curated table shipped with BEN.

No package holds German postcode centroids offline (pgeocode downloads them at run time),
so data/postcodes.csv lists the Eifelkreis Bitburg-Prüm and its neighbours; its header
names the sources, the licences and how approximate the figures are.
"""

import csv
from functools import cache
from pathlib import Path
from typing import NamedTuple

TABLE = Path(__file__).with_name("data") / "postcodes.csv"


class PostcodeCentre(NamedTuple):
    postcode: str
    place: str
    district: str
    latitude: float
    longitude: float


@cache
def postcode_centres() -> dict[str, PostcodeCentre]:
    """Every postcode of the table, read once per process."""
    with TABLE.open(encoding="utf-8", newline="") as table:
        rows = csv.DictReader(line for line in table if not line.startswith("#"))
        return {
            row["postcode"]: PostcodeCentre(
                row["postcode"],
                row["place"],
                row["district"],
                float(row["latitude"]),
                float(row["longitude"]),
            )
            for row in rows
        }


def centre_of(postcode: str) -> PostcodeCentre | None:
    """The centre of a postcode of the region, or None if the table does not know it."""
    return postcode_centres().get(postcode)
