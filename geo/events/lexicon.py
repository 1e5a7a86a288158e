"""General word lists for event and source extraction.

Everything here is general knowledge about conflict reporting in English (weapon words,
trigger words, reporting verbs, wire agencies, well-known state actors and armed groups).
Nothing is tuned to one article.
"""

from __future__ import annotations

import re

# --- events -------------------------------------------------------------------------------

# Nouns (lemma, lower case) that name a violent act, mapped to a trigger family.
EVENT_NOUNS: dict[str, str] = {
    "attack": "attack", "assault": "attack", "massacre": "attack",
    "strike": "strike", "airstrike": "strike", "air-strike": "strike", "counterstrike": "strike",
    "counter-strike": "strike", "sortie": "strike",
    "bombing": "bomb", "bombardment": "shell", "explosion": "blast", "blast": "blast",
    "detonation": "blast", "ied": "blast", "bomber": "bomb",
    "shelling": "shell", "barrage": "shell", "salvo": "shell",
    "raid": "raid", "incursion": "raid", "ambush": "ambush",
    "clash": "clash", "firefight": "clash", "gunfight": "clash", "skirmish": "clash",
    "shootout": "clash", "fighting": "clash", "battle": "clash",
    "shooting": "shooting", "gunfire": "shooting",
    "kidnapping": "abduction", "abduction": "abduction",
    "looting": "looting", "arson": "looting",
    "interception": "intercept", "shootdown": "intercept", "shoot-down": "intercept",
    "counterattack": "retaliation", "counter-attack": "retaliation", "offensive": "attack", "onslaught": "attack",
    "counteroffensive": "retaliation", "counter-offensive": "retaliation",
    "stabbing": "attack", "knifing": "attack", "beheading": "attack", "assassination": "attack",
}

# Verbs (lemma) that are an event by themselves.
EVENT_VERBS: dict[str, str] = {
    "attack": "attack", "assault": "attack", "storm": "attack", "overrun": "attack", "ambush": "ambush",
    "strike": "strike", "bomb": "bomb", "airstrike": "strike", "shell": "shell", "pound": "shell",
    "bombard": "shell", "raid": "raid", "clash": "clash",
    "explode": "blast", "detonate": "blast",
    "kidnap": "abduction", "abduct": "abduction", "loot": "looting", "torch": "looting",
    "intercept": "intercept", "down": "intercept",
    "shoot": "shooting", "gun": "shooting", "stab": "attack", "behead": "attack",
    "massacre": "attack", "retaliate": "retaliation", "repel": "defence", "repulse": "defence",
    "counterattack": "retaliation",
}

# Verbs that become an event only with a weapon as object ("fired rockets", "launched drones")
# or a weapon/armed attacker as subject ("a missile hit", "gunmen killed").
WEAPON_OBJECT_VERBS: frozenset[str] = frozenset({"fire", "launch", "lob", "drop", "unleash", "send", "hurl"})
WEAPON_SUBJECT_VERBS: frozenset[str] = frozenset(
    {"hit", "kill", "slam", "land", "fall", "rain", "destroy", "damage", "wound", "injure", "target"}
)

SHIP_NOUNS = frozenset({"ship", "vessel", "tanker", "carrier", "freighter", "boat", "destroyer", "frigate", "warship"})
UAV_HEADS = frozenset({"system", "vehicle"})  # "uncrewed aerial systems", "unmanned aerial vehicles": drones
# Weapon words (lemma or lower text) -> ACLED category.
WEAPON_CATEGORY: dict[str, str] = {
    "drone": "Air/drone strike", "uav": "Air/drone strike", "aircraft": "Air/drone strike",
    "warplane": "Air/drone strike", "jet": "Air/drone strike", "helicopter": "Air/drone strike",
    "gunship": "Air/drone strike",
    "air": "Air/drone strike", "aerial": "Air/drone strike", "airstrike": "Air/drone strike",
    "shahed": "Air/drone strike", "precision": "Air/drone strike",
    "missile": "Shelling/artillery/missile attack", "rocket": "Shelling/artillery/missile attack",
    "artillery": "Shelling/artillery/missile attack", "mortar": "Shelling/artillery/missile attack",
    "shell": "Shelling/artillery/missile attack", "shelling": "Shelling/artillery/missile attack",
    "projectile": "Shelling/artillery/missile attack", "howitzer": "Shelling/artillery/missile attack",
    "ballistic": "Shelling/artillery/missile attack", "cruise": "Shelling/artillery/missile attack",
    "ied": "Remote explosive/landmine/IED", "roadside": "Remote explosive/landmine/IED",
    "landmine": "Remote explosive/landmine/IED", "mine": "Remote explosive/landmine/IED",
    "explosive": "Remote explosive/landmine/IED", "bomb": "Remote explosive/landmine/IED",
    "suicide": "Suicide bomb", "grenade": "Grenade",
    "gunman": "Attack", "gunmen": "Attack", "gun": "Attack", "knife": "Attack",
    # the acronyms of military releases: uncrewed aerial systems, anti-ship and anti-tank missiles, rocket launchers
    "uas": "Air/drone strike", "ucav": "Air/drone strike", "asbm": "Shelling/artillery/missile attack",
    "ascm": "Shelling/artillery/missile attack", "atgm": "Shelling/artillery/missile attack",
    "mrbm": "Shelling/artillery/missile attack", "srbm": "Shelling/artillery/missile attack",
    "mlrs": "Shelling/artillery/missile attack", "vbied": "Remote explosive/landmine/IED",
}
WEAPON_WORDS: frozenset[str] = frozenset(WEAPON_CATEGORY) - {"air", "aerial", "precision", "roadside"}
# Weapon words that qualify another rather than name a weapon of their own ("suicide drone", "precision missile").
WEAPON_QUALIFIERS: frozenset[str] = frozenset({"air", "aerial", "precision", "roadside", "suicide", "ballistic", "cruise"})
# Nouns for armed forces whose strikes are military ("forces struck", "jets struck").
ARMED_NOUNS: frozenset[str] = frozenset(
    {"force", "army", "military", "troop", "soldier", "navy", "airforce", "aircraft", "jet", "warplane", "plane",
     "drone", "militia", "coalition", "regime", "government", "they", "we", "unit", "battalion", "brigade",
     "commando", "gunship", "helicopter", "command", "division", "regiment", "squadron", "platoon", "corps",
     "warship", "gunboat", "destroyer", "frigate"}
)

# Subjects that make "kill", "wound" ... an event: armed people.
ATTACKER_NOUNS: frozenset[str] = frozenset(
    {"gunman", "gunmen", "militant", "insurgent", "attacker", "assailant", "fighter", "sniper",
     "bomber", "jihadist", "rebel", "terrorist"}
)

# Default category for a trigger family when no weapon word says more.
FAMILY_CATEGORY: dict[str, str] = {
    "attack": "Attack", "strike": "Air/drone strike", "bomb": "Remote explosive/landmine/IED",
    "blast": "Remote explosive/landmine/IED", "shell": "Shelling/artillery/missile attack",
    "raid": "Attack", "ambush": "Armed clash", "clash": "Armed clash", "shooting": "Attack",
    "abduction": "Abduction/forced disappearance", "looting": "Looting/property destruction",
    "intercept": "Disrupted weapons use", "retaliation": "Attack", "defence": "Armed clash",
}

# Human-readable label of an event, per category (used in summaries).
CATEGORY_LABEL: dict[str, str] = {
    "Air/drone strike": "air strike", "Shelling/artillery/missile attack": "missile attack",
    "Remote explosive/landmine/IED": "explosive attack", "Armed clash": "armed clash",
    "Attack": "attack", "Suicide bomb": "suicide bombing", "Grenade": "grenade attack",
    "Abduction/forced disappearance": "abduction", "Looting/property destruction": "looting",
    "Disrupted weapons use": "interception", "Other": "incident",
}

# Modifiers that make a mention hypothetical, negated or not violent.
HYPOTHETICAL_MODIFIERS: frozenset[str] = frozenset(
    {"further", "future", "possible", "potential", "any", "more", "no", "planned", "imminent",
     "feared", "threatened", "hypothetical", "likely",
     "planning", "plotting"}  # "responsible for planning attacks on X", parsed as a compound: a plan, no act
)
HYPOTHETICAL_GOVERNORS: frozenset[str] = frozenset(
    {"deter", "prevent", "avert", "avoid", "threaten", "warn", "plan", "fear", "risk", "stop",
     "thwart", "foil", "discourage", "vow", "pledge", "promise", "prepare", "consider", "plot", "intend",
     "conspire", "encourage", "urge", "want", "seek"}
)
HYPOTHETICAL_HEADS: frozenset[str] = frozenset(
    {"threat", "risk", "possibility", "fear", "prospect", "danger", "plan", "warning", "wave"}
)
MODAL_AUX: frozenset[str] = frozenset({"will", "would", "could", "may", "might", "should", "shall", "can", "'ll"})
NON_VIOLENT_COMPOUNDS: frozenset[str] = frozenset(
    {"heart", "panic", "cyber", "hunger", "general", "labor", "labour", "worker", "teacher",
     "rail", "nationwide", "asthma", "anxiety", "personal", "verbal", "legal", "political", "court",
     "electoral", "uphill", "custody", "price", "trade", "lucky", "bee", "shark", "dog", "bear", "animal",
     "snake", "wolf", "crocodile", "allergy", "allergic", "relegation", "title", "playoff", "three-run",
     "two-run", "run", "solo", "grand", "election", "ratings", "bidding", "turf", "campaign", "cancer"}
)
NON_VIOLENT_OBJECTS: frozenset[str] = frozenset(
    {"deal", "agreement", "balance", "tone", "chord", "note", "compromise", "bargain",
     "policy", "plan", "decision", "remark", "statement", "comment", "record", "low", "high",
     "film", "video", "footage", "scene", "photo", "picture", "movie", "hoop", "ball", "basket", "glance", "look",
     "way"}
)

# Cues that say a mention is a response to something.
RESPONSE_ADJECTIVES: frozenset[str] = frozenset(
    {"retaliatory", "retaliation", "reprisal", "punitive", "defensive", "counter", "tit"}  # "tit-for-tat"
)
RESPONSE_NOUN_PREPS: frozenset[str] = frozenset(
    {"response", "retaliation", "reprisal", "revenge", "answer", "reply", "payback", "retribution"})
COUNTER_VERBS: frozenset[str] = frozenset({"counter", "respond", "retaliate", "avenge", "answer", "punish"})
DETER_VERBS: frozenset[str] = frozenset({"deter", "prevent", "thwart", "stop", "discourage", "degrade", "disrupt"})
# Verbs whose subject is the target of the event they take as object ("faced 40 attacks").
SUFFER_VERBS: frozenset[str] = frozenset({"face", "suffer", "endure", "sustain", "repel", "withstand", "survive"})
# Light verbs whose subject or agent is the actor of the event they take ("carried out strikes").
LIGHT_VERBS: frozenset[str] = frozenset(
    {"carry", "conduct", "launch", "stage", "mount", "execute", "perform", "unleash", "order", "fire", "lob", "send",
     "claim", "commit", "make", "wage", "deliver", "undertake", "initiate", "continue", "resume", "intensify"}
)
HAPPEN_VERBS: frozenset[str] = frozenset(
    {"take", "occur", "happen", "hit", "target", "strike", "kill", "destroy", "damage", "wound", "injure",
     "leave", "rock", "be"}
)

# Prepositions and adverbs that put an event at a place.
LOCATIVE_WORDS: frozenset[str] = frozenset(
    {"in", "near", "at", "outside", "inside", "around", "across", "close", "nearby", "over", "off",
     "into", "on", "onto", "toward", "towards", "within", "throughout", "along", "west", "east",
     "north", "south", "northwest", "northeast", "southwest", "southeast", "north-west",
     "north-east", "south-west", "south-east", "western", "eastern", "northern", "southern",
     "outskirts", "edge", "vicinity", "area", "city", "town", "village", "province", "region",
     "district", "outside", "beyond", "through", "including", "beside"}
)
# The last word of a natural feature's name ("the Euphrates River"): no town, and no site of one.
NATURAL_FEATURE_WORDS: frozenset[str] = frozenset(
    {"river", "valley", "mountains", "mountain", "lake", "sea", "desert", "plain", "plains", "hills", "basin", "gulf",
     "bay", "coast", "delta", "range", "strait"})
# The last word of a body of water's name, or the first before "of" ("the Red Sea", "the Gulf of Aden").
WATER_WORDS: frozenset[str] = frozenset({"sea", "gulf", "strait", "straits", "ocean", "bay", "channel", "waters"})
NEAR_WORDS: frozenset[str] = frozenset(
    {"near", "outside", "close", "nearby", "west", "east", "north", "south", "northwest",
     "northeast", "southwest", "southeast", "north-west", "north-east", "south-west",
     "south-east", "outskirts", "vicinity", "off", "beside"}
)
# Prepositions that stop a place or a date from belonging to the event.
BLOCKING_PREPS: frozenset[str] = frozenset(
    {"from", "since", "until", "after", "before", "according", "against", "by", "of"}
)

# --- numbers ------------------------------------------------------------------------------

NUMBER_WORDS: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "hundred": 100, "a dozen": 12, "dozen": 12, "a hundred": 100,
    "single": 1, "both": 2, "pair": 2, "a pair of": 2,
}


def is_year(text: str) -> bool:
    """'2024' in "the 2024 Kharkiv drone attack": a year, not a count."""
    return len(text) == 4 and text.isdigit() and text[:2] in {"19", "20"}


def parse_number(text: str) -> int | None:
    """'40' -> 40, 'forty' -> 40, 'twenty-five' -> 25, '1,200' -> 1200; None otherwise."""
    cleaned = text.strip().lower().replace(",", "")
    if re.fullmatch(r"\d+", cleaned):
        return int(cleaned)
    if cleaned in NUMBER_WORDS:
        return NUMBER_WORDS[cleaned]
    parts = re.split(r"[-\s]+", cleaned)
    if len(parts) == 2 and parts[0] in NUMBER_WORDS and parts[1] in NUMBER_WORDS:
        tens, ones = NUMBER_WORDS[parts[0]], NUMBER_WORDS[parts[1]]
        if tens >= 20 and tens % 10 == 0 and ones < 10:
            return tens + ones
        if ones == 100:
            return tens * 100
    return None

# --- actors -------------------------------------------------------------------------------

RELATIVE_HITS = frozenset({"kill", "target", "hit", "destroy", "strike"})  # "strikes that destroyed two sites"
# "In a separate strike, ...": another act, no part of one told before.
SEPARATE_ACT_RE = re.compile(r"\W*in\s+(?:a|another)\s+separate\s+(?:strike|attack|raid|operation|incident|"
                             r"engagement)\b", re.I)
ADDED_RE = re.compile(rf"\W*(?:in\s+addition|additionally)\b|{SEPARATE_ACT_RE.pattern}", re.I)  # "In addition, ..."
# A phrase ending in an abbreviation keeps its full stop: "the U.S.", "Inc.", "Gen."
ABBREVIATION_END_RE = re.compile(r"(?:\b[A-Z]\.){2,}$|\b(?:Inc|Ltd|Co|Corp|Gen|Col|Lt|Jr|Sr|St)\.$")


def clean_phrase(phrase: str, *, drop_article: bool = True) -> str:
    """Strip double quotes, outer punctuation, extra spaces and (optionally) a leading article."""
    text = re.sub(r"[“”\"]", "", phrase)
    text = re.sub(r"\s+", " ", text).strip(" ,;:-–—")
    if text.endswith(".") and not ABBREVIATION_END_RE.search(text):
        text = text.rstrip(".").rstrip()  # a sentence's full stop, not the one of "U.S." or "Gen."
    if text.count("(") != text.count(")"):
        text = text.strip("()")
    if not drop_article:
        return re.sub(r"^(The|A|An)\s+", lambda m: m.group(1).lower() + " ", text)
    return re.sub(r"^(?:the|a|an|The|A|An)\s+|^that\s+(?=\S.*s$)", "", text)  # (not the 'that' of "said that units")

# --- sources ------------------------------------------------------------------------------

# Verbs that say what something is called ("X called the bombing 'a crime'", "strikes Ankara described as ...").
CALLING_VERBS = frozenset({"call", "describe", "term", "label", "brand", "characterize", "characterise", "portray"})
REPORTING_VERBS: frozenset[str] = frozenset(
    {"say", "confirm", "report", "emphasize", "emphasise", "tell", "state", "announce", "claim", "condemn",
     "denounce", "deplore", "decry", "repeat",
     "deny", "add", "note", "warn", "accuse", "insist", "acknowledge", "allege", "stress",
     "explain", "estimate", "indicate", "reveal", "disclose", "declare", "write", "assert",
     "maintain", "contend", "argue", "admit", "affirm", "underscore", "underline", "tweet",
     "post", "publish", "cite", "quote", "observe", "comment", "remark", "blame", "verify",
     "document", "record", "count", "describe", "reiterate", "suggest", "predict", "mention",
     "charge", "respond", "reply", "specify", "assess", "inform", "notify", "vow"}
)

# Verbs of a reaction to an event, after it ("condemned the attack on Friday"): their time is not
# the event's (a report's is: "12 were killed, the ministry said on Saturday").
REACTION_VERBS: frozenset[str] = frozenset(
    {"condemn", "denounce", "deplore", "decry", "criticize", "criticise", "investigate", "mourn", "commemorate",
     "discuss", "welcome", "praise", "hail", "celebrate", "recall", "remember", "protest", "claim", "summon",
     "expel"})

# Verbs that put out a statement ("a message released on Sunday"): a time they take is the statement's.
PUBLISHING_VERBS: frozenset[str] = frozenset(
    {"release", "issue", "publish", "post", "broadcast", "air", "circulate", "share", "upload", "distribute"})

# Wire agencies: lower-case alias -> canonical name.
WIRE_AGENCIES: dict[str, str] = {
    "reuters": "Reuters", "thomson reuters": "Reuters",
    "associated press": "Associated Press (AP)", "the associated press": "Associated Press (AP)",
    "ap": "Associated Press (AP)", "agence france-presse": "Agence France-Presse (AFP)",
    "agence france presse": "Agence France-Presse (AFP)", "afp": "Agence France-Presse (AFP)",
    "united press international": "United Press International (UPI)", "upi": "United Press International (UPI)",
    "dpa": "Deutsche Presse-Agentur (dpa)", "deutsche presse-agentur": "Deutsche Presse-Agentur (dpa)",
    "anadolu": "Anadolu Agency", "anadolu agency": "Anadolu Agency", "xinhua": "Xinhua",
    "xinhua news agency": "Xinhua", "ansa": "ANSA", "efe": "EFE", "kyodo": "Kyodo News",
    "kyodo news": "Kyodo News", "tass": "TASS", "interfax": "Interfax", "interfax-ukraine": "Interfax-Ukraine",
    "bloomberg": "Bloomberg", "ria novosti": "RIA Novosti", "ria": "RIA Novosti", "yonhap": "Yonhap",
    "press trust of india": "Press Trust of India (PTI)", "pti": "Press Trust of India (PTI)",
    "ukrinform": "Ukrinform", "irna": "IRNA", "sana": "SANA", "wafa": "WAFA", "kuna": "KUNA",
    "europa press": "Europa Press", "pa media": "PA Media", "press association": "PA Media",
    "canadian press": "The Canadian Press", "aap": "Australian Associated Press (AAP)",
}

# Media outlets and words for them.
MEDIA_OUTLETS: frozenset[str] = frozenset(
    {"new york times", "washington post", "wall street journal", "bbc", "cnn", "al jazeera",
     "al arabiya", "guardian", "the guardian", "times of israel", "haaretz", "kyiv independent",
     "fox news", "nbc", "nbc news", "cbs", "cbs news", "abc", "abc news", "sky news",
     "financial times", "politico", "axios", "le monde", "der spiegel", "spiegel", "rt", "sputnik",
     "al-manar", "al manar", "al-mayadeen", "jerusalem post", "kyiv post", "npr", "the times",
     "the telegraph", "telegraph", "independent", "economist", "the economist", "new york post",
     "ynet", "channel 12", "kan", "press tv", "fars", "tasnim", "al-masirah", "saba", "dw",
     "deutsche welle", "france 24", "euronews", "ukrainska pravda", "meduza", "novaya gazeta",
     "the national", "arab news", "middle east eye", "al-monitor", "the hill", "newsweek",
     "usa today", "los angeles times", "times", "wion", "ndtv", "dawn", "cnbc", "voice of america",
     "voa", "radio free europe", "rfe/rl"}
)
MEDIA_HEADS: frozenset[str] = frozenset(
    {"newspaper", "daily", "broadcaster", "television", "tv", "channel", "outlet", "media",
     "radio", "magazine", "website", "site", "paper", "network", "journalist", "reporter",
     "correspondent", "editor", "columnist", "press", "agency", "tabloid", "station"}
)
# The last word of a newspaper's or station's name ("Hiigsi Post", "Darfur Pulse", "Kelmar FM").
MASTHEAD_WORDS: frozenset[str] = frozenset(
    {"post", "times", "news", "herald", "tribune", "gazette", "journal", "observer", "pulse", "express", "chronicle",
     "telegraph", "fm", "online", "today", "mirror", "guardian", "standard", "monitor", "insider", "digest"}
)
NGO_NAMES: frozenset[str] = frozenset(
    {"syrian observatory for human rights", "syrian observatory", "amnesty international",
     "amnesty", "human rights watch", "hrw", "red cross", "icrc",
     "international committee of the red cross", "red crescent", "msf", "doctors without borders",
     "medecins sans frontieres", "médecins sans frontières", "acled", "airwars",
     "save the children", "oxfam", "b'tselem", "btselem", "crisis group", "international crisis group",
     "sohr", "white helmets", "iwpr", "committee to protect journalists", "cpj",
     "reporters without borders", "rsf"}
)
# Bodies of states together: sources of the 'official' type, as governments are.
INTERGOVERNMENTAL_NAMES: frozenset[str] = frozenset(
    {"un", "u.n.", "united nations", "unicef", "who", "world health organization", "ocha", "unhcr", "unrwa", "iaea",
     "world food programme", "wfp", "iom", "un human rights office", "ohchr", "un monitoring mission", "unama",
     "monusco", "minusca", "unmiss", "unifil", "binuh", "amisom", "atmis", "african union", "au", "nato",
     "european union", "eu", "ecowas", "igad", "osce", "arab league", "un security council", "security council"}
)
NGO_HEADS: frozenset[str] = frozenset(
    {"monitor", "observatory", "ngo", "charity", "watchdog", "group", "organisation",
     "organization", "mission", "agency", "commission", "rapporteur", "envoy", "coordinator"}
)
NGO_MARKERS: frozenset[str] = frozenset({"rights", "humanitarian", "aid", "relief", "un", "monitoring", "war-monitor"})
# Words a place name is part of when it names a war or a deal, not where an act was ("the Gaza war").
CONFLICT_NAME_NOUNS = frozenset({"war", "conflict", "crisis", "insurgency", "ceasefire", "truce", "uprising",
                                 "revolution", "talks", "deal", "accord", "accords"})
# A government's or an army's office of the press: "Inter-Services Public Relations", "the military's media wing",
# "the Presidential Press Service" (official; a described one and the one named after it are one source).
PRESS_OFFICE_RE = re.compile(r"\b(?:public\s+relations|(?:media|press|information)\s+(?:wing|office|service|"
                             r"department|directorate|cell|centre|center)|spokesperson['’]?s?\s+unit)\b", re.I)
# Bodies of a state's armed forces and services a name may end on ("Ukraine's General Staff", "the State
# Emergency Service"): official, like its press offices.
STATE_BODY_RE = re.compile(PRESS_OFFICE_RE.pattern + r"|\b(?:ministry|general\s+staff|high\s+command|joint\s+chiefs|"
                           r"chiefs\s+of\s+staff|emergency\s+service|border\s+guard\s+service|national\s+guard)\b",
                           re.I)
OFFICIAL_HEADS: frozenset[str] = frozenset(
    {"ministry", "minister", "government", "military", "army", "navy", "force", "forces", "official", "officials",
     "spokesman", "spokeswoman", "spokesperson", "president", "governor", "mayor", "commander", "general", "police",
     "department", "office", "pentagon", "kremlin", "authority", "authorities", "administration", "cabinet",
     "parliament", "embassy", "ambassador", "secretary", "chief", "premier", "prime", "command", "headquarters",
     "service", "guard", "corps", "diplomat", "diplomats", "coalition", "administrator", "council", "leader", "king",
     "prince", "sheikh", "spokespeople", "defense", "defence", "idf", "centcom", "prosecutor", "agency", "directorate",
     "state", "house", "regime", "representative", "envoy", "senator", "lawmaker", "deputy", "adviser", "advisor",
     "officer", "soldier", "troops", "lieutenant", "colonel", "major", "captain", "admiral", "councillor", "councilor",
     "councillors", "councilors", "legislator", "legislators", "commissioner", "prefect", "coroner"}
)
# Titles of one person ("spokesman", "minister"): "the Kirby spokesman" is still a person.
OFFICIAL_TITLES: frozenset[str] = frozenset(
    {"spokesman", "spokeswoman", "spokesperson", "minister", "president", "governor", "mayor", "commander",
     "administrator", "general", "official", "ambassador", "secretary", "chief", "premier", "envoy", "senator",
     "lawmaker", "deputy", "adviser", "advisor", "officer", "soldier", "lieutenant", "colonel", "major", "captain",
     "admiral", "aide", "lawyer", "attorney", "wife", "husband", "son", "daughter", "mother", "father", "brother",
     "sister", "councillor", "councilor", "legislator", "commissioner", "prefect", "coroner"}
)
ANONYMOUS_MARKERS: frozenset[str] = frozenset(
    {"unnamed", "anonymous", "unidentified", "anonymity", "undisclosed"}
)
ANONYMOUS_HEADS: frozenset[str] = frozenset({"source", "sources", "insider", "insiders", "person", "people"})
WITNESS_HEADS: frozenset[str] = frozenset(
    {"witness", "witnesses", "resident", "residents", "eyewitness", "eyewitnesses", "medic", "medics", "doctor",
     "doctors", "survivor", "survivors", "rescuer", "rescuers", "activist", "activists", "crew", "crews", "passenger",
     "passengers", "sailor", "sailors", "mariner", "mariners", "worker", "workers", "staff", "analyst", "analysts",
     "expert", "experts", "family", "relative", "relatives", "rebel", "rebels", "opposition", "protester",
     "protesters", "villager", "villagers", "neighbour", "neighbor", "local", "locals", "shopkeeper", "shopkeepers",
     "trader", "traders", "vendor", "driver", "drivers", "farmer", "farmers", "teacher", "nurse", "nurses", "student",
     "students", "fisherman", "fishermen", "herder", "herders", "elder", "elders", "blogger", "bloggers", "milblogger",
     "milbloggers", "journalist", "journalists", "correspondent", "correspondents", "investigator", "investigators",
     "researcher", "researchers", "volunteer", "volunteers", "paramedic", "paramedics", "observer", "observers",
     "pilot", "pilots", "employee", "employees", "labourer", "laborer", "labourers", "laborers", "imam", "imams",
     "priest", "priests", "pastor", "bishop", "cleric", "clerics", "headman", "chieftain", "worshipper", "worshippers",
     "worshiper", "worshipers", "mourner", "mourners", "patient", "patients", "parent", "parents", "shepherd",
     "shepherds", "miner", "miners", "guard", "guards", "hostage", "hostages"}
)

# Image and photo credit lines are not sources.
CREDIT_LINE_RE = re.compile(
    r"^\s*[\[(]?\s*(?:photo|photograph|image|picture|pic|credit|credits|video|file photo|"
    r"illustration|source of the image|getty images)\b[^:\n]{0,40}[:/|]",
    re.IGNORECASE,
)

# Military aircraft designations: a maker's or role's letters, a dash, a number ("F-16s", "MQ-9", "Su-34",
# "A-18s" of "F/A-18s", "B-1B").
AIRCRAFT_MODEL_RE = re.compile(r"(?:[ABCEFKPS]|AV|AH|EA|KC|MQ|RQ|UH|Su|MiG|Yak|Tu|Mi|Ka|Il|An|J|JF)-\d{1,3}[A-Z]?s?")

# What a body issues and is named by: "a UN report", "a statement by the ministry", "a report by X that ..."
REPORT_NOUNS: frozenset[str] = frozenset(
    {"report", "statement", "study", "survey", "assessment", "analysis", "tally", "data", "figures", "figure",
     "estimate", "count", "toll", "communique", "post", "update", "briefing", "information", "intelligence",
     "assessments", "findings", "claim", "account", "announcement"}
)
