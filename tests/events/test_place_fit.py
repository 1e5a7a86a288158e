"""Whether two places may be the place of one act, and which is finer (geo.events.place_fit). Made-up places."""

from __future__ import annotations

from geo.events.place_fit import more_specific, place_fits
from geo.model import Toponym


def _place(name: str, kind: str, admin1: str | None, geonameid: int) -> Toponym:
    return Toponym(start=0, end=len(name), text=name, name=name, kind=kind, country="PK", lat=32.6, lon=70.9,
                   geonameid=geonameid, admin1=admin1)


PROVINCE = _place("Redland Province", "admin1", "Redland Province", 1)
DISTRICT = _place("Tarn District", "region", "Redland Province", 2)  # an admin2 district is reported as a region
OTHER_DISTRICT = _place("Vale District", "region", "Blueland Province", 3)
SEA = Toponym(start=0, end=7, text="Red Sea", name="Red Sea", kind="region", lat=20.0, lon=38.0)


def test_a_district_lies_in_its_province_and_is_the_finer_place() -> None:
    assert place_fits(PROVINCE, DISTRICT) and place_fits(DISTRICT, PROVINCE)
    assert more_specific(DISTRICT, PROVINCE) and not more_specific(PROVINCE, DISTRICT)
    assert not place_fits(PROVINCE, OTHER_DISTRICT)
    assert not place_fits(PROVINCE, SEA) and not more_specific(SEA, PROVINCE)
