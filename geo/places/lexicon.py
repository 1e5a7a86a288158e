"""Word lists for toponym recognition: general English and news-writing knowledge, not tuned
to any one text (cue words, prepositions, titles, reporting verbs, common words that are also
place names)."""

from __future__ import annotations

TRUSTED_LABELS = frozenset({"GPE", "LOC"})
GATED_LABELS = frozenset({"FAC", "ORG", "PERSON", "DATE", "TIME", "PRODUCT", "EVENT", "WORK_OF_ART",
                          "LAW", "LANGUAGE", "CARDINAL", "ORDINAL", "MONEY", "QUANTITY", "PERCENT"})
NEEDS_CUE_LABELS = frozenset({"ORG", "PERSON", "FAC", "NORP"})
# Entities whose names may contain a place name ("the Texas Forest Service", "University of Alberta").
EMBEDDING_LABELS = frozenset({"ORG", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"})

CITY_WORDS = frozenset({"city", "town", "village", "capital", "port", "suburb", "hamlet", "settlement",
                        "township", "outskirts", "neighbourhood", "neighborhood", "district"})
UNKNOWN_SITE_WORDS = frozenset({"camp", "base", "airbase", "airfield", "garrison", "outpost", "checkpoint", "junction",
                                "roundabout", "crossroads"})  # "X camp", "X junction"
UNKNOWN_TOWN_WORDS = frozenset({"town", "village", "city", "hamlet", "settlement", "kibbutz", "moshav", "neighbourhood",
                                "neighborhood"})  # "the X of Y", "the X neighbourhood of Y"
PROVINCE_WORDS = frozenset({"province", "governorate", "region", "oblast", "state", "county", "prefecture",
                            "department", "canton", "emirate", "territory", "krai", "voivodeship"})
DIRECTION_WORDS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast",
                             "southwest", "north-east", "north-west", "south-east", "south-west",
                             "northern", "southern", "eastern", "western", "outskirts", "edge",
                             "centre", "center", "heart", "border", "vicinity", "environs", "km", "kilometres", "kilometers",
                             "miles", "mi"})
LOCATIVE_PREPS = frozenset({"near", "in", "at", "outside", "around", "towards", "toward", "into",
                            "across", "inside", "throughout", "within", "nearby", "from", "to",
                            "between", "beyond", "along", "through", "via", "off", "over", "on"})
# Verbs of military acts done to a place, whose object is read as a place when the gazetteer knows it ("shelled
# X"); not "hit", "strike" or "attack", which people and cars undergo as often ("struck Bell", "hit the Toyota").
STRUCK_PLACE_VERBS = frozenset({"shell", "bomb", "pound", "raid", "storm", "besiege", "capture", "seize", "recapture",
                                "retake", "liberate", "overrun", "encircle", "bombard"})
NEAR_WORDS = frozenset({"near", "outside", "around", "toward", "towards"})  # words right before a town, never a person
NEAR_TOWN_POPULATION = 10_000  # a town the tagger took for a person, after 'near', is taken from this size
IN_TOWN_POPULATION = 50_000  # after 'in', a weaker cue ("in Gardez", not "in Jacobs"), from this size
WEAK_PREPS = frozenset({"to", "from", "on", "over", "via", "between"})  # "according to X", "from Reuters"
# Words right before a name that put something there ("on Gidan Kara, Kaduna State", "beside Zam Kora camp").
# Participles that put a name in the division named after them: "X School, located in the Y Region".
LOCATED_WORDS = frozenset({"located", "situated", "lying", "based"})
PLACING_PREPS = (LOCATIVE_PREPS - WEAK_PREPS) | {"on", "beside"}
# Names many buildings bear ("the Coptic Orthodox Church"): each mention may be another one.
# The parts of a building or site ("at the gate of the X Hotel", "stormed the upper floors"): where in a site,
# not a site, a place or a target of its own.
SITE_PARTS = frozenset({"gate", "gates", "entrance", "door", "doors", "wall", "walls", "perimeter", "lobby", "grounds",
                        "floor", "floors", "room", "rooms", "roof", "corridor"})
KIND_WORDS = frozenset({"church", "mosque", "cathedral", "temple", "synagogue", "hospital", "clinic", "school",
                        "university", "college", "market", "station", "hotel", "street", "road", "square", "park",
                        "bridge", "stadium", "prison", "court", "office", "embassy", "building", "center", "centre"})
ADJECTIVAL_SUFFIXES = ("backed", "led", "aligned", "allied", "based", "funded", "linked", "sponsored",
                       "supported", "affiliated", "controlled", "held", "made", "born", "run")
CONNECTORS = frozenset({"al", "el", "ad", "ash", "as", "at", "ar", "az", "an", "ez", "es", "ed", "et",
                        "er", "en", "de", "du", "del", "la", "le", "of", "upon", "on", "-", "sur", "am",
                        "im", "bin", "ibn", "abu", "um", "umm", "bani", "beni",
                        "da", "do", "dos", "das", "di"})  # (Portuguese, Italian: "Mocimboa da Praia")
FACILITY_WORDS = frozenset({"air", "airbase", "base", "garrison", "camp", "crossing", "airport", "airfield",
                            "outpost", "checkpoint", "port", "harbour", "harbor", "dam", "bridge", "strait", "junction",
                            "roundabout", "crossroads"})
# Words after a dateline's place ("BEIRUT: ...", "TORRINGTON — ...", "KYIV (Reuters) -").
DATELINE_MARKS = frozenset({"—", "–", "-", "--", ":", "(", ","})
# Words in capitals that open a caption or a label the way a dateline's place does ("FILE - A battery ...",
# "WATCH: ...", "UPDATE - ..."): the press's marks, never the place a story was filed from.
PRESS_MARKS = frozenset({"FILE", "PHOTO", "PHOTOS", "VIDEO", "WATCH", "UPDATE", "UPDATED", "BREAKING", "EXCLUSIVE",
                         "ANALYSIS", "OPINION", "EDITORIAL", "CORRECTION", "LIVE", "FACTBOX", "EXPLAINER", "FEATURE",
                         "INTERVIEW", "REPORT", "NOTE", "EDITOR", "EDITORS", "ADVISORY", "GRAPHIC", "MAP", "AUDIO"})
# Words after a town's name that make the name a local body of that town ("Fargo City Council").
LOCAL_BODY_WORDS = frozenset({"city", "county", "town", "village", "township", "borough", "police", "fire",
                              "council", "school", "schools", "high", "elementary", "middle", "public", "board",
                              "municipal", "mayor", "library", "hospital", "area", "chamber", "community",
                              "regional", "district", "parks", "planning", "zoning", "housing", "water"})

# Head words of the names of streets, buildings, sites and natural features: a name the gazetteer
# does not know is still a place when it ends in one ("Royal Street", "Cedar Creek", "Al-Nour mosque").
PLACE_TYPE_WORDS = frozenset({
    "street", "st", "road", "rd", "avenue", "ave", "boulevard", "blvd", "lane", "drive", "highway", "hwy",
    "square", "plaza", "park", "church", "cathedral", "chapel", "mosque", "temple", "synagogue", "shrine",
    "school", "college", "university", "academy", "hospital", "clinic", "center", "centre", "station",
    "airport", "airfield", "base", "camp", "bridge", "lake", "river", "creek", "mountain", "mountains",
    "mount", "hill", "hills", "island", "islands", "valley", "beach", "bay", "canal", "district", "quarter",
    "neighbourhood", "neighborhood", "village", "county", "township", "market", "bazaar", "mall", "stadium",
    "museum", "library", "hall", "tower", "building", "courthouse", "jail", "prison", "harbour", "harbor",
    "port", "dam", "crossing", "checkpoint", "border", "desert", "forest", "field", "fields", "peninsula",
    "strait", "gulf", "sea", "coast", "plain", "plains", "heights", "ridge", "refinery", "factory", "plant",
    "compound", "palace", "embassy", "consulate", "hotel", "cemetery", "zoo", "gardens", "trail", "pass",
    "ministry", "junction", "roundabout", "airbase", "aerodrome", "barracks", "garrison",
})

TITLES = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "lady", "lord", "president", "minister",
                    "secretary", "general", "gen", "colonel", "col", "captain", "capt", "sheikh", "king",
                    "queen", "prince", "princess", "senator", "sen", "rep", "governor", "gov", "mayor",
                    "judge", "justice", "coach", "pope", "father", "brother", "sister", "imam", "rabbi",
                    "ayatollah", "chancellor", "premier", "commander", "lieutenant", "lt", "sgt", "sergeant",
                    "spokesman", "spokeswoman", "officer", "professor", "prof", "saint", "st", "brig", "brigadier",
                    "maj", "adm", "admiral", "cpl", "pvt"})
# Ranks and titles written short before a name ("Brig. Gen. X", "Lt. Col. Y"): never a place of their own.
RANK_ABBREVIATIONS = frozenset({"brig", "gen", "col", "capt", "lt", "sgt", "maj", "adm", "cpl", "pvt", "gov", "sen",
                                "rep", "dr", "prof"})
REPORTING_VERBS = frozenset({"say", "tell", "announce", "warn", "accuse", "claim", "confirm", "deny", "state",
                             "add", "report", "urge", "vow", "threaten", "insist", "argue", "respond", "reply",
                             "condemn", "demand", "blame", "believe", "want", "agree", "decide", "sign",
                             "emphasize", "emphasise", "stress", "acknowledge", "admit", "note", "explain",
                             "suggest", "indicate", "reject", "welcome", "declare", "pledge", "promise",
                             "dismiss", "criticize", "criticise", "estimate", "assess", "order", "authorize",
                             "authorise", "approve"})
DETERMINERS = frozenset({"the", "a", "an"})
# Endings of English town names that are no given names and seldom surnames ("Gainesville",
# "Watertown", "Lawrenceburg", "Minneapolis"): a town so spelled is a place even where the tagger
# called it a person or an organisation.
TOWN_NAME_ENDINGS = ("ville", "town", "burg", "burgh", "borough", "boro", "polis")
# "An Alexandria man", "Fargo police": a place name used as a modifier of its residents or local bodies.
RESIDENT_NOUNS = frozenset({"man", "woman", "men", "women", "boy", "girl", "boys", "girls", "teen", "teenager",
                            "teens", "youth", "resident", "residents", "native", "natives", "couple", "family",
                            "parents", "mother", "father", "police", "firefighters", "deputies", "officials",
                            "councilman", "councilwoman", "mayor", "homeowners", "voters", "residents'"})
# Capitalised English words that are also place names; they need a cue unless spaCy tags them.
COMMON_WORDS = frozenset({
    "hope", "mobile", "reading", "nice", "march", "may", "june", "july", "august", "april",
    "bath", "split", "most", "university", "independence", "victoria", "liberty", "unity",
    "union", "friendship", "commerce", "enterprise", "progress", "providence", "concord",
    "paradise", "eden", "president", "police", "army", "state", "city", "government", "minister",
    "ministry", "general", "colonel", "captain", "king", "queen", "prince", "sultan", "emir",
    "sheikh", "forces", "force", "war", "command", "national", "republic", "island", "lake",
    "river", "mountain", "valley", "bay", "beach", "harbor", "harbour", "church", "temple", "mosque",
    "school", "college", "hospital", "airport", "station", "camp", "base", "centre", "center",
    "north", "south", "east", "west", "central", "western", "eastern", "northern", "southern",
    "upper", "lower", "new", "old", "great", "little", "saint", "santa", "san", "mount", "fort",
    "said", "says", "cited", "according", "please", "credit", "photo", "image", "source", "sources",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
    "however", "these", "those", "this", "that", "there", "here", "also", "even", "still", "only",
    "defense", "defence", "secretary", "spokesman", "spokesperson", "official", "officials",
    "press", "news", "media", "post", "times", "herald", "guardian", "independent", "express",
    # English words that are also the names of provinces somewhere ("Interior" in Fiji, "Delta" in Nigeria)
    "interior", "gulf", "delta", "white", "coast", "capital", "lakes", "rivers", "islands", "highlands",
    "plains", "frontier", "metro", "borders", "midlands", "upland", "lowland", "coastal", "littoral",
})

# Words of a military site's designation after a word that is no place ("Mission Support Site X", "Patrol Base Y").
BASE_DESIGNATIONS = frozenset({"Support", "Landing", "Patrol", "Operating", "Logistics", "Staging"})
