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


def test_a_site_put_at_its_town_may_be_a_known_site_of_that_town_but_not_one_far_away() -> None:
    placed_at_town = Toponym(start=0, end=20, text="Okoro Airport", name="Okoro Airport (near Tarn)", kind="other",
                             country="PK", lat=32.6, lon=70.9, admin1="Redland Province", confidence=0.25)
    known = _place("Tarn International Airport", "facility", "Redland Province", 9)
    far = Toponym(start=0, end=8, text="Vale Dam", name="Vale Dam", kind="facility", country="PK", lat=34.0,
                  lon=72.0, admin1="Blueland Province")
    assert place_fits(placed_at_town, known) and place_fits(known, placed_at_town)
    assert not place_fits(placed_at_town, far)
    assert not place_fits(known, _place("Tarn Bridge", "facility", "Redland Province", 10))  # two known sites
    village = Toponym(start=0, end=5, text="Kelta", name="Kelta (near Tarn)", kind="other", country="PK", lat=32.6,
                      lon=70.9, admin1="Redland Province", confidence=0.25)
    assert not place_fits(placed_at_town, village)  # two names put at one town


def test_a_place_of_what_the_act_was_aimed_at_is_not_where_it_was() -> None:
    from tests.events.helpers import nlp, toponyms_for
    from geo.events.extract import extract_events

    text = ("Missiles hit the port of Odesa on Thursday. The navy said the attack was aimed at disrupting grain "
            "exports through Kherson.")
    attacks, _ = extract_events(nlp()(text), toponyms_for(text))
    assert [a.place for a in attacks] == ["Odesa"]
