"""Who is who in conflict reporting: the sides (states and armed groups) a phrase names, so that
two mentions of one side agree ("the US Air Force", "American jets") and a proxy is not taken for
its backer ("Iranian-backed Houthis" are the Houthis, not Iran). General knowledge, no article's
wording."""

from __future__ import annotations

import re
from functools import lru_cache

from geo.events.lexicon import clean_phrase
from geo.places import country_demonym

# States: ISO code -> (family, the words that name it, its capitals), in lower case, as whole words at the
# start of a phrase. A capital stands for its government ("Moscow said") but names a place when it modifies
# an event word ("the Kabul attack", "a Damascus bombing").
STATE_NAMES: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]] = {
    "US": ("United States", ("us", "u.s.", "u.s", "usa", "united states", "america", "american", "americans",
                             "pentagon", "centcom", "us central command"), ("washington",)),
    "IL": ("Israel", ("israel", "israeli", "israelis", "idf", "israel defense forces", "israel defence forces"), ()),
    "RU": ("Russia", ("russia", "russian", "russians", "kremlin"), ("moscow",)),
    "UA": ("Ukraine", ("ukraine", "ukrainian", "ukrainians"), ("kyiv", "kiev")),
    "IR": ("Iran", ("iran", "iranian"), ("tehran",)),
    "SY": ("Syria", ("syria", "syrian"), ("damascus",)),
    "IQ": ("Iraq", ("iraq", "iraqi"), ("baghdad",)),
    "TR": ("Turkey", ("turkey", "turkish", "türkiye"), ("ankara",)),
    "CN": ("China", ("china", "chinese"), ("beijing",)),
    "GB": ("United Kingdom", ("uk", "britain", "british", "united kingdom"), ("london",)),
    "LB": ("Lebanon", ("lebanon", "lebanese"), ()),
    "YE": ("Yemen", ("yemen", "yemeni"), ()),
    "SD": ("Sudan", ("sudan", "sudanese", "saf", "sudanese armed forces"), ("khartoum",)),
    "MM": ("Myanmar", ("myanmar", "burma", "burmese", "tatmadaw"), ("naypyidaw",)),
    "SA": ("Saudi Arabia", ("saudi", "saudi arabia", "saudis"), ("riyadh",)),
    "SO": ("Somalia", ("somalia", "somali"), ("mogadishu",)),
    "ET": ("Ethiopia", ("ethiopia", "ethiopian", "etaf", "endf"), ("addis ababa",)),
    "NG": ("Nigeria", ("nigeria", "nigerian"), ("abuja",)),
    "ML": ("Mali", ("mali", "malian"), ("bamako",)),
    "AF": ("Afghanistan", ("afghanistan", "afghan"), ("kabul",)),
    "PK": ("Pakistan", ("pakistan", "pakistani"), ("islamabad",)),
    "CD": ("Democratic Republic of the Congo", ("drc", "congolese", "fardc"), ("kinshasa",)),
    "EG": ("Egypt", ("egypt", "egyptian"), ("cairo",)),
    "LY": ("Libya", ("libya", "libyan"), ("tripoli",)),
    "AZ": ("Azerbaijan", ("azerbaijan", "azerbaijani"), ("baku",)),
    "AM": ("Armenia", ("armenia", "armenian"), ("yerevan",)),
    "BF": ("Burkina Faso", ("burkina faso", "burkinabe", "burkinabè"), ("ouagadougou",)),
    "NE": ("Niger", ("niger", "nigerien"), ("niamey",)),
    "TD": ("Chad", ("chad", "chadian"), ("n'djamena",)),
    "CM": ("Cameroon", ("cameroon", "cameroonian"), ("yaounde",)),
    "MZ": ("Mozambique", ("mozambique", "mozambican"), ("maputo",)),
    "HT": ("Haiti", ("haiti", "haitian"), ("port-au-prince",)),
    "KE": ("Kenya", ("kenya", "kenyan"), ("nairobi",)),
    "UG": ("Uganda", ("uganda", "ugandan", "updf"), ("kampala",)),
    "RW": ("Rwanda", ("rwanda", "rwandan"), ("kigali",)),
    "SS": ("South Sudan", ("south sudan", "south sudanese"), ("juba",)),
    "ER": ("Eritrea", ("eritrea", "eritrean"), ("asmara",)),
    "JO": ("Jordan", ("jordan", "jordanian"), ("amman",)),
    "FR": ("France", ("france", "french"), ("paris",)),
    "AE": ("United Arab Emirates", ("uae", "emirati", "united arab emirates"), ("abu dhabi",)),
    "IN": ("India", ("india", "indian"), ("new delhi",)),
    "BY": ("Belarus", ("belarus", "belarusian"), ("minsk",)),
    "QA": ("Qatar", ("qatar", "qatari"), ("doha",)),
    "KW": ("Kuwait", ("kuwait", "kuwaiti"), ()),
    "BH": ("Bahrain", ("bahrain", "bahraini"), ("manama",)),
    "OM": ("Oman", ("oman", "omani"), ("muscat",)),
    "PH": ("Philippines", ("philippines", "philippine", "filipino"), ("manila",)),
    "CO": ("Colombia", ("colombia", "colombian"), ("bogota", "bogotá")),
    "BI": ("Burundi", ("burundi", "burundian"), ("gitega",)),
    "BJ": ("Benin", ("benin", "beninese"), ("porto-novo",)),
    "PL": ("Poland", ("poland", "polish"), ("warsaw",)),
    "MD": ("Moldova", ("moldova", "moldovan"), ("chisinau",)),
}
# Armed groups and other sides that are no state -> the words that name them.
GROUP_NAMES: dict[str, tuple[str, ...]] = {
    "Islamic Revolutionary Guard Corps (IRGC)": ("irgc", "islamic revolutionary guard corps", "revolutionary guards",
                                                 "revolutionary guard"),
    "Hamas": ("hamas", "qassam brigades", "al-qassam brigades", "izz ad-din al-qassam brigades"),
    "Hezbollah": ("hezbollah", "hizbollah", "hizballah"),
    "Houthis": ("houthi", "houthis", "ansar allah", "ansarallah", "ansar-allah"),
    "Islamic State (ISIS)": ("isis", "isil", "islamic state", "daesh", "is"),
    "Palestinian Islamic Jihad": ("islamic jihad", "palestinian islamic jihad", "pij"),
    "Islamic Resistance in Iraq": ("islamic resistance in iraq", "kataib hezbollah", "kata'ib hezbollah",
                                   "harakat al-nujaba"),
    "al-Shabaab": ("al-shabaab", "al-shabab", "al shabaab", "al shabab", "shabaab", "shabab"),
    "al-Qaeda": ("al-qaeda", "al-qaida", "al qaeda", "al qaida", "aqap", "aqim"),
    "Taliban": ("taliban",),
    "Boko Haram": ("boko haram",),
    "JNIM": ("jnim", "jama'at nusrat al-islam wal-muslimin", "jama'at nusrat al-islam", "nusrat al-islam",
             "group for the support of islam and muslims"),
    "Rapid Support Forces (RSF)": ("rsf", "rapid support forces"),
    "Wagner Group": ("wagner", "wagner group", "africa corps"),
    "M23": ("m23", "march 23 movement"),
    "Allied Democratic Forces (ADF)": ("adf", "allied democratic forces"),
    "PKK": ("pkk", "kurdistan workers' party"),
    "Syrian Democratic Forces (SDF)": ("sdf", "syrian democratic forces", "ypg"),
    "Tigray People's Liberation Front (TPLF)": ("tplf", "tigray people's liberation front", "tigray defense forces",
                                                "tigrayan forces"),
    "African Union": ("african union",),
    "Islamic State West Africa Province (ISWAP)": ("iswap", "islamic state west africa province"),
    "Islamic State Sahel Province (ISSP)": ("issp", "isgs", "islamic state sahel province",
                                            "islamic state in the greater sahara"),
    "Islamic State Khorasan Province (ISIS-K)": ("iskp", "isis-k", "is-k", "islamic state khorasan province",
                                                 "islamic state khorasan"),
    "Hayat Tahrir al-Sham (HTS)": ("hts", "hayat tahrir al-sham", "tahrir al-sham"),
    "Fano": ("fano", "fano militia", "fano militias"),
    "Arakan Army": ("arakan army",),
    "People's Defence Force (PDF)": ("pdf", "people's defence force", "people's defense force",
                                     "people's defence forces", "people's defense forces"),
    "Tehrik-i-Taliban Pakistan (TTP)": ("ttp", "tehrik-i-taliban pakistan", "tehrik-e-taliban pakistan",
                                       "tehreek-e-taliban pakistan", "pakistani taliban"),
}
# Actor family -> every word that names it.
ACTOR_FAMILIES: dict[str, tuple[str, ...]] = {
    **{family: names + capitals for family, names, capitals in STATE_NAMES.values()}, **GROUP_NAMES}
CAPITAL_ALIASES: frozenset[str] = frozenset(c for _family, _names, capitals in STATE_NAMES.values() for c in capitals)
# ISO country code -> actor family, for "an attack on <a town of that country>".
COUNTRY_FAMILY: dict[str, str] = {code: family for code, (family, _names, _capitals) in STATE_NAMES.items()}
STATES: frozenset[str] = frozenset(COUNTRY_FAMILY.values())  # the families that are states
_ALIAS_TO_FAMILY: dict[str, str] = {
    alias: family for family, aliases in ACTOR_FAMILIES.items() for alias in aliases
}
_MAX_ALIAS_WORDS = max(len(a.split()) for a in _ALIAS_TO_FAMILY)
_PROXY_RE = re.compile(r"(?i)(-backed|-aligned|-allied|-linked|-affiliated|-sponsored|\bpro-|\bpro\s|\banti-)")


def named_exactly(phrase: str | None) -> str | None:
    """The side a phrase is one of the names of, whole ('the RSF', 'Mali'; not 'Port Sudan', 'RSF drones')."""
    bare = re.sub(r"^the\s+", "", (phrase or "").strip().lower())
    return _ALIAS_TO_FAMILY.get(bare)


def capital_government(name: str) -> str | None:
    """'a charge Kigali denies': a capital that speaks is its state's government, 'Kigali (Rwandan
    government)'; None for a name that is no capital of a state listed here."""
    bare = name.strip().lower()
    for code, (_family, _names, capitals) in STATE_NAMES.items():
        if bare in capitals and (demonym := country_demonym(code)):
            return f"{name.strip()} ({demonym} government)"
    return None


@lru_cache(maxsize=4096)
def actor_family(phrase: str | None) -> str | None:
    """The actor family a phrase names: 'the US Air Force' -> 'United States',
    "Yemen's Houthi rebels" -> 'Houthis' (the name nearest the head wins); a proxy is not its
    backer ('Iran-backed forces' -> None, 'Iranian-backed Houthis' -> 'Houthis')."""
    if not phrase:
        return None
    proxy = None
    for proxy in _PROXY_RE.finditer(phrase):
        pass
    if proxy is not None:  # the words after the last '-backed' / 'pro-' word name the actor
        rest = phrase[proxy.end():]
        rest = rest if rest[:1].isspace() else (rest.split(None, 1) + ["", ""])[1]  # ("Iran-backed": none named)
        return actor_family(rest) if rest.strip() else None
    original = re.findall(r"[\w.'’-]+", phrase)
    words = [re.sub(r"(?<=s)['’]$|['’]s$", "", w.lower()) for w in original]  # "Russia's", "the Houthis'"
    words = [w.rstrip(".") if w not in {"u.s.", "u.s"} else w for w in words]
    best: tuple[int, str] | None = None
    covered = 0  # words inside the alias matched last ('Kataib Hezbollah' is not Hezbollah)
    for start in range(len(words)):
        if start < covered:
            continue
        for size in range(min(_MAX_ALIAS_WORDS, len(words) - start), 0, -1):
            key = " ".join(words[start:start + size])
            if key == "is" and original[start] != "IS":
                continue
            if key in _ALIAS_TO_FAMILY:
                if best is None or start >= best[0]:
                    best = (start, _ALIAS_TO_FAMILY[key])
                covered = start + size
                break
            group = _ALIAS_TO_FAMILY.get(branch.group(1).lower()) if size == 1 and (
                branch := _BRANCH_RE.match(original[start])) else None
            if group is not None and group.startswith("Islamic State") and (best is None or start >= best[0]):
                best = (start, group)  # "ISIS-Somalia", "IS-Sahel": a branch of the group (not "the Russia-Ukraine
                # war", "Hezbollah-Israel clashes": two sides)
    return best[1] if best else None


_BRANCH_RE = re.compile(r"^([A-Za-z]+)[-–]([A-Z][\w]*)$")  # a group's name, a dash, a country's: "ISIS-Somalia"


def actor_families(phrase: str | None) -> set[str]:
    """Every side a phrase names: 'U.S. and British warplanes' -> {United States, United Kingdom}."""
    if not phrase:
        return set()
    parts = re.split(r",|\band\b|&", phrase)
    found = {actor_family(part) for part in parts} | {actor_family(phrase)}
    return {f for f in found if f is not None}


# The sides plain nouns name when no name does: irregular fighters, and a state's forces (not "attackers" or
# "fighters": roles either side may have).
GENERIC_SIDES: dict[str, frozenset[str]] = {
    "irregulars": frozenset({"rebel", "militant", "insurgent", "jihadist", "militiaman", "militiamen", "gunman",
                             "gunmen", "terrorist", "bandit", "extremist"}),
    "state forces": frozenset({"soldier", "troop", "army", "military", "police", "policeman", "policemen",
                               "gendarme", "gendarmerie"}),
}


@lru_cache(maxsize=4096)
def generic_side(phrase: str | None) -> str | None:
    """'a group of rebels', 'rebel positions' -> irregulars; 'soldiers', 'an army post' -> state forces; None
    when a name says the side ('Houthi rebels') or the phrase names both."""
    if not phrase or actor_families(phrase):
        return None
    words = {re.sub(r"['’]s?$", "", w).removesuffix("s") for w in re.findall(r"[\w'’-]+", phrase.lower())}
    sides = [side for side, nouns in GENERIC_SIDES.items() if words & nouns]
    return sides[0] if len(sides) == 1 else None


def readable_actor(phrase: str) -> str:
    """A readable actor name: adjectives become the family ('Israeli' -> 'Israel')."""
    cleaned = clean_phrase(phrase)
    family = actor_family(cleaned)
    if family and cleaned.lower() in ACTOR_FAMILIES.get(family, ()) and cleaned[:1].isupper():
        # a bare alias ("Israeli", "Russian", "Washington"): use the family, shortened for the US
        if cleaned.lower().endswith(("an", "i", "ish", "ese", "ine", "ino")) or cleaned.lower() in {
                "washington", "pentagon"}:  # ("Philippine", "Filipino": the Philippines)
            return "the US" if family == "United States" else family.split(" (")[0]
    return cleaned
