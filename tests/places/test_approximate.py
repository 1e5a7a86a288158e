"""geo.places.approximate: unknown names placed at the nearest town named around them."""

from __future__ import annotations

import dataclasses

from geo.geometry import distance_km
from geo.model import Toponym
from geo.places.approximate import MAX_APPROXIMATE_CONFIDENCE, locate_by_context


def town(start: int, name: str, lat: float, lon: float, kind: str = "city", geonameid: int = 1) -> Toponym:
    return Toponym(start=start, end=start + len(name), text=name, name=name, kind=kind, country="US",
                   lat=lat, lon=lon, geonameid=geonameid, confidence=0.9, admin1="Louisiana")


def unknown(start: int, text: str) -> Toponym:
    return Toponym(start=start, end=start + len(text), text=text)


def test_unknown_name_takes_the_nearest_preceding_town() -> None:
    toponyms = [town(0, "New Orleans", 29.95, -90.07, geonameid=1), unknown(40, "Royal Street"),
                town(90, "Baton Rouge", 30.45, -91.15, geonameid=2)]
    located = locate_by_context(toponyms)
    street = located[1]
    assert (street.lat, street.lon) == (29.95, -90.07)
    assert street.name == "Royal Street (near New Orleans)"
    assert street.kind == "other" and street.geonameid is None and street.country == "US"
    assert 0 < street.confidence <= MAX_APPROXIMATE_CONFIDENCE
    assert [c.name for c in street.alternatives] == ["New Orleans"]
    assert located[0] is toponyms[0] and located[2] is toponyms[2]


def test_a_following_town_is_used_when_none_precedes() -> None:
    located = locate_by_context([unknown(0, "Brands Hatch"), town(30, "Kent", 51.2, 0.7, kind="region")])
    assert located[0].resolved and located[0].name == "Brands Hatch (near Kent)"


def test_a_province_is_the_host_only_when_no_town_is_named() -> None:
    province = town(0, "Queensland", -20.0, 145.0, kind="admin1", geonameid=3)
    located = locate_by_context([province, unknown(20, "Cedar Flat")])
    assert (located[1].lat, located[1].lon) == (-20.0, 145.0)
    with_town = locate_by_context([province, unknown(20, "Cedar Flat"), town(60, "Cairns", -16.9, 145.8)])
    assert (with_town[1].lat, with_town[1].lon) == (-16.9, 145.8)


def test_countries_far_text_and_approximate_places_are_never_hosts() -> None:
    country = Toponym(start=0, end=5, text="Syria", name="Syria", kind="country", country="SY", lat=35.0,
                      lon=38.0, geonameid=163843, confidence=0.9)
    far_town = town(10, "Aleppo", 36.2, 37.16)
    located = locate_by_context([country, far_town, unknown(5000, "Qwxyzz Hill")])
    assert not located[2].resolved
    chained = locate_by_context([unknown(0, "Royal Street"), unknown(20, "Desire Street")])
    assert not any(t.resolved for t in chained)


def test_a_host_the_other_places_lie_near_beats_a_lone_nearer_one() -> None:
    # The story is set around New Orleans (Metairie lies next to it); "Franklin" misread as a
    # county in Ohio is nearer the street in the text but alone.
    toponyms = [town(0, "New Orleans", 29.95, -90.07, geonameid=1), town(20, "Metairie", 29.98, -90.15, geonameid=2),
                town(40, "Louisiana", 31.0, -92.0, kind="admin1", geonameid=3),
                town(300, "Franklin", 39.97, -83.0, kind="region", geonameid=4), unknown(320, "Royal Street")]
    assert locate_by_context(toponyms)[4].name == "Royal Street (near Metairie)"
    # With no corroboration on either side, the nearest host in the text wins again.
    lone = [town(0, "New Orleans", 29.95, -90.07, geonameid=1),
            town(300, "Franklin", 39.97, -83.0, kind="region", geonameid=4), unknown(320, "Royal Street")]
    assert locate_by_context(lone)[2].name == "Royal Street (near Franklin)"


def test_places_of_the_context_host_only_where_no_given_place_is_near() -> None:
    # The text's other places (not returned) host a name when none of the given ones can...
    context = [town(60, "New Orleans", 29.95, -90.07, geonameid=1)]
    (street,) = locate_by_context([unknown(0, "Royal Street")], context)
    assert street.name == "Royal Street (near New Orleans)" and (street.lat, street.lon) == (29.95, -90.07)
    # ...but a given place named further away still comes first.
    given = [unknown(0, "Royal Street"), town(400, "Baton Rouge", 30.45, -91.15, geonameid=2)]
    first, second = locate_by_context(given, context)
    assert first.name == "Royal Street (near Baton Rouge)" and second is given[1]


def test_a_curated_site_hosts_but_a_curated_sea_does_not() -> None:
    white_house = Toponym(start=0, end=11, text="White House", name="White House", kind="facility", country="US",
                          lat=38.8977, lon=-77.0365, geonameid=None, confidence=0.9)
    (_, office) = locate_by_context([white_house, unknown(30, "Oval Office")])
    assert office.name == "Oval Office (near White House)"
    sea = Toponym(start=0, end=8, text="Red Sea", name="Red Sea", kind="region", lat=20.0, lon=38.0, confidence=0.9)
    (_, port) = locate_by_context([sea, unknown(30, "Pier 4")])
    assert not port.resolved


def test_a_name_followed_by_its_country_is_hosted_there_or_nowhere() -> None:
    somalia = Toponym(start=29, end=36, text="Somalia", name="Somalia", kind="country", country="SO",
                      lat=10.0, lon=49.0, geonameid=51537, confidence=0.99)
    elsewhere = locate_by_context([town(0, "Tampa", 27.9, -82.4), unknown(21, "Camara"), somalia])
    assert not elsewhere[1].resolved  # not "Camara (near Tampa)", 13,000 km from Somalia
    kismayo = Toponym(start=60, end=67, text="Kismayo", name="Kismayo", kind="city", country="SO",
                      lat=-0.36, lon=42.55, geonameid=55671, confidence=0.9)
    inside = locate_by_context([town(0, "Tampa", 27.9, -82.4), unknown(21, "Camara"), somalia, kismayo])
    assert inside[1].name == "Camara (near Kismayo)"


def test_every_mention_of_one_name_shares_one_host() -> None:
    toponyms = [town(0, "New Orleans", 29.95, -90.07, geonameid=1), unknown(20, "Bayou Kelta"),
                town(4000, "Baton Rouge", 30.45, -91.15, geonameid=2), unknown(4020, "Bayou Kelta")]
    located = locate_by_context(toponyms)
    assert located[1].name == located[3].name == "Bayou Kelta (near New Orleans)"  # one name, one place
    toponyms = [town(0, "New Orleans", 29.95, -90.07, geonameid=1), unknown(20, "Central Hospital"),
                town(4000, "Baton Rouge", 30.45, -91.15, geonameid=2), unknown(4020, "Central Hospital")]
    located = locate_by_context(toponyms)  # a name many buildings bear: each mention where it is told
    assert [located[1].name, located[3].name] == ["Central Hospital (near New Orleans)",
                                                  "Central Hospital (near Baton Rouge)"]


def test_a_mention_that_names_its_country_gives_the_host_of_every_mention() -> None:
    toponyms = [town(0, "Metula", 33.28, 35.58, geonameid=1), unknown(20, "Kafr Umbra"),
                town(200, "Tyre", 33.27, 35.20, geonameid=2), unknown(300, "Kafr Umbra")]
    toponyms[2] = Toponym(start=200, end=204, text="Tyre", name="Tyre", kind="city", country="LB", lat=33.27,
                          lon=35.20, geonameid=2, confidence=0.9)
    lebanon = Toponym(start=312, end=319, text="Lebanon", name="Lebanon", kind="country", country="LB", lat=33.9,
                      lon=35.9, geonameid=3, confidence=1.0)
    located = locate_by_context([*toponyms, lebanon])  # "... in Kafr Umbra, Lebanon"
    assert located[1].name == located[3].name == "Kafr Umbra (near Tyre)"  # not the town across the border


def test_a_region_a_province_is_named_after_lies_where_that_province_is() -> None:
    province = Toponym(start=0, end=12, text="North Tarsia", name="North Tarsia", kind="admin1", country="RU",
                       lat=15.0, lon=25.0, geonameid=9, confidence=1.0, admin1="North Tarsia")
    located = locate_by_context([province, unknown(40, "Tarsia"), town(60, "Umbra", 15.6, 32.5, geonameid=4)])
    assert located[1].name == "Tarsia (near North Tarsia)"  # not the town named next to it
    located = locate_by_context([province, unknown(40, "Tarsia City"), town(60, "Umbra", 15.6, 32.5, geonameid=4)])
    assert located[1].name == "Tarsia City (near Umbra)"  # another name, not the region


def test_a_region_named_in_a_provinces_name_takes_a_town_of_that_province_when_one_is_named() -> None:
    province = Toponym(start=0, end=12, text="North Tarsia", name="North Tarsia", kind="admin1", country="RU",
                       lat=15.0, lon=25.0, geonameid=9, confidence=1.0, admin1="North Tarsia")
    inside = Toponym(start=20, end=26, text="Kelmar", name="Kelmar", kind="city", country="RU", lat=13.6, lon=25.3,
                     geonameid=5, confidence=1.0, admin1="North Tarsia")
    elsewhere = Toponym(start=60, end=65, text="Umbra", name="Umbra", kind="city", country="RU", lat=15.6,
                        lon=32.5, geonameid=4, confidence=1.0, admin1="Capital")
    located = locate_by_context([province, inside, unknown(40, "Tarsia"), elsewhere])
    assert located[2].name == "Tarsia (near Kelmar)"  # the town of that province, not the nearer one outside


def test_a_name_put_in_its_province_by_located_in_is_hosted_there() -> None:
    text = "Tampa sent aid. Kelta Primary School, located in the Tarsa Region, was hit."
    school = unknown(text.index("Kelta"), "Kelta Primary School")
    tarsa = Toponym(start=text.index("Tarsa"), end=text.index("Tarsa") + 12, text="Tarsa Region", name="Tarsa",
                    kind="admin1", country="SO", lat=3.0, lon=45.0, geonameid=7, confidence=0.9, admin1="Tarsa")
    toponyms = [town(0, "Tampa", 27.9, -82.4), school, tarsa]
    assert locate_by_context(toponyms, text=text)[1].name == "Kelta Primary School (near Tarsa)"
    assert locate_by_context(toponyms)[1].name == "Kelta Primary School (near Tampa)"  # without the words between


def test_a_province_named_as_another_names_container_hosts_no_unknown_name() -> None:
    text = "Troops held Fort Kelmar for a day.\n\nIn another clash, rebels took Hope, in Louisiana."
    toponyms = [unknown(12, "Fort Kelmar"), town(text.index("Hope"), "Hope", 30.45, -91.15),
                town(text.index("Louisiana"), "Louisiana", 31.0, -92.0, kind="admin1", geonameid=3)]
    placed = locate_by_context(toponyms, text=text)[0]
    assert placed.name == "Fort Kelmar (near Hope)"  # a later paragraph's town, as a last resort
    toponyms[1] = unknown(text.index("Hope"), "Hope")  # now unknown: Louisiana is only its container
    kelmar, hope, _ = locate_by_context(toponyms, text=text)
    assert not kelmar.resolved and hope.name == "Hope (near Louisiana)"
    before = "Smoke rose over Baton Rouge.\n\nTroops held Fort Kelmar.\n\nLater, rebels took Hope."
    toponyms = [town(16, "Baton Rouge", 30.45, -91.15, geonameid=2), unknown(before.index("Fort"), "Fort Kelmar"),
                town(before.index("Hope"), "Hope", 33.6, -93.6, geonameid=4)]
    assert locate_by_context(toponyms, text=before)[1].name == "Fort Kelmar (near Baton Rouge)"


def test_a_province_of_the_names_paragraph_hosts_it_before_a_town_of_an_earlier_one() -> None:
    text = "Smoke rose near Baton Rouge.\n\nJets bombed Kelmar village in Louisiana on Monday."
    toponyms = [town(16, "Baton Rouge", 30.45, -91.15, geonameid=2), unknown(text.index("Kelmar"), "Kelmar"),
                town(text.index("Louisiana"), "Louisiana", 31.0, -92.0, kind="admin1", geonameid=3)]
    assert locate_by_context(toponyms, text=text)[1].name == "Kelmar (near Louisiana)"
    alone = text.replace(" in Louisiana", "")
    assert locate_by_context(toponyms[:2], text=alone)[1].name == "Kelmar (near Baton Rouge)"


def test_a_town_named_for_its_clock_time_hosts_nothing() -> None:
    text = "At noon (Baton Rouge time), jets struck Kelmar."
    toponyms = [town(text.index("Baton"), "Baton Rouge", 30.45, -91.15), unknown(text.index("Kelmar"), "Kelmar")]
    assert not locate_by_context(toponyms, text=text)[1].resolved


def test_a_town_named_as_where_someone_came_from_hosts_only_when_no_other_is_near() -> None:
    text = ("Gunmen attacked a truck outside Baton Rouge on Monday. They stopped it near Kelmar as it drove "
            "from New Orleans.")
    def located(text: str) -> Toponym:
        toponyms = [town(text.index("Baton"), "Baton Rouge", 30.45, -91.15, geonameid=1),
                    unknown(text.index("Kelmar"), "Kelmar"),
                    town(text.index("New Orleans"), "New Orleans", 29.95, -90.07, geonameid=2)]
        return locate_by_context(toponyms, text=text)[1]
    assert located(text).name == "Kelmar (near Baton Rouge)"
    measured = ("Gunmen attacked a truck outside Baton Rouge on Monday. They stopped it at Kelmar, 9 km from "
                "New Orleans.")
    assert located(measured).name == "Kelmar (near New Orleans)"
    assert located(measured.replace(", 9 km from", " as it drove from")).name == "Kelmar (near Baton Rouge)"


def test_a_country_named_with_a_compass_word_after_a_name_is_its_container() -> None:
    text = "Rockets hit Camp Kelmar in northeast Mexico. A drone was shot down near Baton Rouge."
    mexico = Toponym(start=text.index("Mexico"), end=text.index("Mexico") + 6, text="Mexico", name="Mexico",
                     kind="country", country="MX", lat=23.0, lon=-102.0, geonameid=5, confidence=0.9)
    toponyms = [unknown(text.index("Camp"), "Camp Kelmar"), mexico,
                town(text.index("Baton"), "Baton Rouge", 30.45, -91.15, geonameid=2)]
    assert locate_by_context(toponyms, text=text)[0].name != "Camp Kelmar (near Baton Rouge)"  # not in the US


def test_a_name_said_to_lie_in_the_capital_is_hosted_at_the_capital_the_text_names() -> None:
    text = "Gunmen fought in Baton Rouge and Shreveport. Shots hit the Kelmar district of the Louisianan capital."
    toponyms = [town(text.index("Baton"), "Baton Rouge", 30.45, -91.15, geonameid=1),
                town(text.index("Shreveport"), "Shreveport", 32.5, -93.75, geonameid=2),
                unknown(text.index("Kelmar"), "Kelmar")]
    assert locate_by_context(toponyms, text=text)[2].name == "Kelmar (near Shreveport)"  # the nearest town
    capital = locate_by_context(toponyms, text=text, is_capital=lambda t: t.geonameid == 1)[2]
    assert capital.name == "Kelmar (near Baton Rouge)"
    airport = "Jets flew from Baton Rouge. Flights at Kelmar Field, the capital's only airport, and Shreveport stopped."
    toponyms = [town(airport.index("Baton"), "Baton Rouge", 30.45, -91.15, geonameid=1),
                unknown(airport.index("Kelmar"), "Kelmar Field"),
                town(airport.index("Shreveport"), "Shreveport", 32.5, -93.75, geonameid=2)]
    assert locate_by_context(toponyms, text=airport, is_capital=lambda t: t.geonameid == 1)[1].name == (
        "Kelmar Field (near Baton Rouge)")


def test_a_site_named_after_a_town_the_text_names_is_hosted_there() -> None:
    text = "Jets hit Baton Rouge. Shells fell near Shreveport. Flights at Baton Rouge Airport were halted."
    toponyms = [town(text.index("Baton"), "Baton Rouge", 30.45, -91.15, geonameid=1),
                town(text.index("Shreveport"), "Shreveport", 32.5, -93.75, geonameid=2),
                unknown(text.index("Baton Rouge Airport"), "Baton Rouge Airport")]
    assert locate_by_context(toponyms, text=text)[2].name == "Baton Rouge Airport (near Baton Rouge)"


def test_a_site_in_the_city_is_hosted_at_the_town_the_story_names_most() -> None:
    text = ("Baton Rouge, a river port, is held by the army; Baton Rouge has been spared for years. Rebels hold "
            "the land around Shreveport. In 2019, gunmen killed 20 people at the Kelmar Hotel in the city.")
    toponyms = [town(0, "Baton Rouge", 30.45, -91.15, geonameid=1),
                town(text.index("Baton Rouge has"), "Baton Rouge", 30.45, -91.15, geonameid=1),
                town(text.index("Shreveport"), "Shreveport", 32.5, -93.75, geonameid=2),
                unknown(text.index("Kelmar"), "Kelmar Hotel")]
    assert locate_by_context(toponyms, text=text)[3].name == "Kelmar Hotel (near Baton Rouge)"


def test_a_site_named_in_full_then_short_is_that_site() -> None:
    base = town(0, "Kestrel Ridge Air Base", 31.0, -91.0, kind="facility", geonameid=7)
    site = town(60, "Mission Support Site Harrow", 31.5, -91.5, kind="facility", geonameid=8)
    toponyms = [base, site, town(120, "Baton Rouge", 30.45, -91.15, geonameid=2), unknown(150, "Kestrel Ridge"),
                unknown(190, "Harrow"), unknown(230, "Ridge")]
    located = locate_by_context(toponyms)
    short_base, short_site, ridge = located[3:]
    assert (short_base.name, short_base.kind, short_base.start, short_base.text) == (
        "Kestrel Ridge Air Base", "facility", 150, "Kestrel Ridge")
    assert short_site.name == "Mission Support Site Harrow" and short_site.place_key == site.place_key
    assert ridge.name == "Ridge (near Baton Rouge)"  # a word inside the name, not the name without its site words


def _at(text: str, name: str, lat: float, lon: float, geonameid: int) -> Toponym:
    return town(text.index(name), name, lat, lon, geonameid=geonameid)


def _quxbury_story(text: str) -> list[Toponym]:
    return [_at(text, "Gaspe", 48.83, -64.48, 1), unknown(text.index("Quxbury"), "Quxbury"),
            _at(text, "Laval", 45.57, -73.69, 2), _at(text, "Montreal", 45.50, -73.57, 3),
            _at(text, "Longueuil", 45.53, -73.52, 4), _at(text, "Brossard", 45.46, -73.46, 5)]


def test_a_town_the_names_own_sentence_sets_it_in_beats_the_storys_setting() -> None:
    # Gaspe stands alone, far from the Montreal towns the next sentence names; the teller set the hamlet by it.
    text = ("Near Gaspe, rockets hit a depot outside the hamlet of Quxbury. Later a convoy was hit near Laval, "
            "north of Montreal, and police in Longueuil and Brossard closed the bridges.")
    assert locate_by_context(_quxbury_story(text), text=text)[1].name == "Quxbury (near Gaspe)"
    # A town the sentence names otherwise ('Gaspe's men') does not frame it: the story's setting wins as before.
    told = text.replace("Near Gaspe", "Gaspe's men said")
    assert locate_by_context(_quxbury_story(told), text=told)[1].name == "Quxbury (near Laval)"


def test_the_host_is_a_town_of_the_country_the_story_names_most() -> None:
    def place(start: int, name: str, country: str, lat: float, lon: float, kind: str = "city", gid: int = 1) -> Toponym:
        return Toponym(start=start, end=start + len(name), text=name, name=name, kind=kind, country=country, lat=lat,
                       lon=lon, geonameid=gid, confidence=0.9)
    westland = place(0, "Westland", "WL", 30.0, 3.0, "country", 10)
    toponyms = [westland, place(20, "Eastland", "EL", 50.0, 0.0, "country", 11), place(40, "Eastford", "EL", 51.0, 0.1),
                place(60, "Eastford Shire", "EL", 51.1, 0.2, "admin1", 13), place(90, "Westford", "WL", 36.7, 3.0),
                dataclasses.replace(westland, start=120, end=128), unknown(150, "Bab el-Tarsa"),
                dataclasses.replace(westland, start=200, end=208)]
    located = locate_by_context(toponyms)
    assert located[6].name == "Bab el-Tarsa (near Westford)"  # not Eastford, though its shire corroborates it


def test_a_place_named_as_where_someone_spoke_hosts_nothing() -> None:
    text = "Speaking to reporters at the Kelmar Center, the admiral said jets destroyed a boat near Quxbury."
    toponyms = [town(text.index("Kelmar"), "Kelmar Center", 38.87, -77.05, kind="facility"),
                unknown(text.index("Quxbury"), "Quxbury")]
    assert not locate_by_context(toponyms, text=text)[1].resolved
    told = text.replace("Speaking to reporters at", "Sailors from")
    assert locate_by_context([toponyms[0], unknown(told.index("Quxbury"), "Quxbury")], text=told)[1].name == (
        "Quxbury (near Kelmar Center)")


def test_a_building_named_for_the_body_that_speaks_there_hosts_nothing() -> None:
    for text in ("The admiral told a Kelmar Center news briefing that jets destroyed a boat near Quxbury.",
                 "Kelmar Center Press Secretary Ann Roe said jets destroyed a boat near Quxbury."):
        toponyms = [town(text.index("Kelmar"), "Kelmar Center", 38.87, -77.05, kind="facility"),
                    unknown(text.index("Quxbury"), "Quxbury")]
        assert not locate_by_context(toponyms, text=text)[1].resolved, text
    text = "Tarsa officials said jets destroyed a boat near Quxbury."  # a town's officials: the town hosts
    toponyms = [town(0, "Tarsa", 30.0, -90.0), unknown(text.index("Quxbury"), "Quxbury")]
    assert locate_by_context(toponyms, text=text)[1].name == "Quxbury (near Tarsa)"


def test_a_building_named_as_the_body_that_said_something_hosts_nothing() -> None:
    for text in ("Jets destroyed a boat near Quxbury, the Kelmar Center said.",
                 "Jets destroyed a boat near Quxbury, according to the Kelmar Center."):
        toponyms = [unknown(text.index("Quxbury"), "Quxbury"),
                    town(text.index("Kelmar"), "Kelmar Center", 38.87, -77.05, kind="facility")]
        assert not locate_by_context(toponyms, text=text)[0].resolved, text


def test_a_town_read_far_from_the_town_it_is_measured_from_is_a_namesake_placed_from_that_town() -> None:
    text = "A bomb hit a convoy near the village of Dorrel, about 12 kilometers south of Tarsa, on Tuesday."
    namesake = town(text.index("Dorrel"), "Dorrel", 42.46, -83.13, geonameid=7)  # a Dorrel 1,200 km away
    tarsa = town(text.index("Tarsa"), "Tarsa", 30.0, -90.0, geonameid=8)
    moved = locate_by_context([namesake, tarsa], text=text)[0]
    assert moved.name == "Dorrel (near Tarsa)" and 11.0 < distance_km(moved.lat, moved.lon, 30.0, -90.0) < 13.0
    near = dataclasses.replace(namesake, lat=29.85, lon=-90.0)  # a reading 17 km from Tarsa stands
    assert locate_by_context([near, tarsa], text=text)[0] is near


def test_a_name_measured_from_a_town_is_put_that_far_that_way() -> None:
    text = "Gunmen raided Ferndale, a hamlet about 40 km (25 miles) northwest of Baton Rouge, and Cedar Flat."
    baton_rouge = town(text.index("Baton"), "Baton Rouge", 30.45, -91.15)
    ferndale, cedar = unknown(text.index("Ferndale"), "Ferndale"), unknown(text.index("Cedar"), "Cedar Flat")
    located = locate_by_context([ferndale, baton_rouge, cedar], text=text)
    moved, beside = located[0], located[2]
    assert moved.name == "Ferndale (near Baton Rouge)"
    assert 39.0 < distance_km(moved.lat, moved.lon, 30.45, -91.15) < 41.0
    assert moved.lat > 30.45 and moved.lon < -91.15  # north and west of it
    assert [c.name for c in moved.alternatives] == ["Baton Rouge"]
    assert (beside.lat, beside.lon) == (30.45, -91.15)  # no distance told: at the town itself
