"""The names a place goes by, for the gazetteer build: general-knowledge alias tables (short and
common English names of countries, postal/AP abbreviations of US states and Canadian provinces,
short forms of big cities), and which of a data source's alternate names are usable."""

from __future__ import annotations

__all__ = [
    "CITY_ALIASES", "COUNTRY_ALIASES", "COUNTRY_ADJECTIVES", "SUBDIVISION_ABBREVIATIONS", "is_latin", "other_names",
    "usable_alias",
]

# General-knowledge short forms and common English names of countries.
COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "US": ("US", "U.S.", "USA", "U.S.A.", "United States of America", "the United States", "America"),
    "GB": ("UK", "U.K.", "Britain", "Great Britain", "United Kingdom"),
    "AE": ("UAE", "U.A.E.", "Emirates"),
    # "Congo" alone is both countries' name; news uses it mostly for the far bigger DRC, and the
    # ranking (population, the story's other places) decides.
    "CD": ("DRC", "DR Congo", "Democratic Republic of Congo", "Congo", "Congo-Kinshasa", "Zaire"),
    "CG": ("Congo-Brazzaville", "Republic of Congo"),
    "KR": ("South Korea",),
    "KP": ("North Korea", "DPRK"),
    "CI": ("Ivory Coast",),
    "MM": ("Burma",),
    "CZ": ("Czechia",),
    "RU": ("Russian Federation",),
    "SY": ("Syrian Arab Republic",),
    "PS": ("Palestine", "Palestinian Territories"),
    "VA": ("Vatican", "Holy See"),
    "ZA": ("SA",),  # as South Africans write it; South Australia's "SA" competes by context
    "TT": ("T&T",),
}

# Adjectives of countries that differ from the demonym countryinfo gives ("Filipino", "Saudi
# Arabian"): "Philippine forces", "a Saudi-led coalition".
COUNTRY_ADJECTIVES: dict[str, tuple[str, ...]] = {
    "PH": ("Philippine",),
    "SA": ("Saudi",),
    "GB": ("British",),
    "US": ("American",),
    "NL": ("Dutch",),
    "BA": ("Bosnian",),
    "XK": ("Kosovar", "Kosovan"),
}

# Postal and AP-style abbreviations of US states and Canadian provinces ("Ky.", "Calif.", "B.C.").
SUBDIVISION_ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "US-AL": ("Ala.",), "US-AZ": ("Ariz.",), "US-AR": ("Ark.",), "US-CA": ("Calif.",), "US-CO": ("Colo.",),
    "US-CT": ("Conn.",), "US-DE": ("Del.",), "US-FL": ("Fla.",), "US-GA": ("Ga.",), "US-IL": ("Ill.",),
    "US-IN": ("Ind.",), "US-KS": ("Kan.", "Kans."), "US-KY": ("Ky.",), "US-LA": ("La.",), "US-MD": ("Md.",),
    "US-MA": ("Mass.",), "US-MI": ("Mich.",), "US-MN": ("Minn.",), "US-MS": ("Miss.",), "US-MO": ("Mo.",),
    "US-MT": ("Mont.",), "US-NE": ("Neb.", "Nebr."), "US-NV": ("Nev.",), "US-NH": ("N.H.",), "US-NJ": ("N.J.",),
    "US-NM": ("N.M.",), "US-NY": ("N.Y.",), "US-NC": ("N.C.",), "US-ND": ("N.D.",), "US-OK": ("Okla.",),
    "US-OR": ("Ore.", "Oreg."), "US-PA": ("Pa.", "Penn."), "US-RI": ("R.I.",), "US-SC": ("S.C.",),
    "US-SD": ("S.D.",), "US-TN": ("Tenn.",), "US-TX": ("Tex.",), "US-VT": ("Vt.",), "US-VA": ("Va.",),
    "US-WA": ("Wash.",), "US-WV": ("W.Va.", "W. Va."), "US-WI": ("Wis.", "Wisc."), "US-WY": ("Wyo.",),
    "CA-ON": ("Ont.",), "CA-BC": ("B.C.",), "CA-QC": ("Que.",), "CA-AB": ("Alta.",), "CA-MB": ("Man.",),
    "CA-SK": ("Sask.",), "CA-NS": ("N.S.",), "CA-NB": ("N.B.",), "CA-NL": ("Nfld.", "N.L."),
    "CA-PE": ("P.E.I.",), "US-DC": ("D.C.", "Washington, D.C."),
}
# Well-known short forms of big cities (general knowledge), keyed by GeoNames id.
CITY_ALIASES: dict[int, tuple[str, ...]] = {
    5128581: ("NYC", "N.Y.C."),  # New York City
    5368361: ("L.A.",),  # Los Angeles
    4140963: ("Washington, D.C.", "Washington DC"),  # Washington
}


def is_latin(text: str) -> bool:
    return all(ord(ch) < 0x250 or 0x1E00 <= ord(ch) < 0x1F00 or ch in "’‘ʻʼʿʾ" for ch in text)


def usable_alias(alias: str) -> bool:
    """Latin-script names without digits; no short all-capital codes (airport, ISO)."""
    alias = alias.strip()
    if len(alias) < 2 or len(alias) > 80 or not is_latin(alias):
        return False
    if any(ch.isdigit() for ch in alias):
        return False
    return not (alias.isupper() and len(alias.replace(".", "")) <= 4)


def other_names(local_other_name: str | None) -> list[tuple[str, str]]:
    """'دير الزور (ara), Deir Ezzor (eng)' -> [('دير الزور', 'ara'), ('Deir Ezzor', 'eng')]."""
    pairs: list[tuple[str, str]] = []
    for part in (local_other_name or "").split(","):
        part = part.strip()
        if part.endswith(")") and "(" in part:
            name, _, lang = part[:-1].rpartition("(")
            pairs.append((name.strip(), lang.strip()))
        elif part:
            pairs.append((part, ""))
    return pairs
