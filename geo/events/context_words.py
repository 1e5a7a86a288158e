"""Word lists that tell events apart and rule mentions out (issue 4): general English, no
article's wording. The older lists (triggers, weapons, actors) are in ``geo.events.lexicon``."""

from __future__ import annotations

import re

from geo.places import SITE_PARTS

# Words that make a time expression a point in time ("last weekend", "Thursday night"), not a
# duration ("three days", "in recent weeks").
POINT_IN_TIME_WORDS: frozenset[str] = frozenset(
    {"yesterday", "today", "tonight", "night", "morning", "afternoon", "evening", "weekend", "last", "earlier",
     "dawn", "noon", "midnight", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
     "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
)

# Subjects that "come under fire" only as criticism ("his travels came under fire").
CRITICISED_THINGS: frozenset[str] = frozenset(
    {"travel", "travels", "trip", "spending", "expense", "policy", "decision", "plan", "remark", "comment",
     "statement", "proposal", "bill", "law", "handling", "response", "approach", "record", "conduct",
     "performance", "leadership", "ruling", "claim", "report", "book", "film", "campaign", "strategy", "deal",
     "move", "budget", "program", "programme", "scheme", "reform", "idea", "choice", "appointment", "tweet"}
)
# What is fired, not who is fired at ("shooting bullets in the air", "fired eight shots").
AMMUNITION_NOUNS: frozenset[str] = frozenset({"bullet", "round", "shot", "volley", "salvo", "burst", "cartridge"})
# Nouns for a run of events ("the latest in a series of attacks").
SERIES_NOUNS: frozenset[str] = frozenset({"series", "string", "spate", "wave", "spree", "rash", "number", "chain"})
# Victims that make an attack no conflict event ("a horse was attacked").
ANIMAL_NOUNS: frozenset[str] = frozenset(
    {"horse", "dog", "cat", "cow", "cattle", "sheep", "goat", "pig", "livestock", "pet", "animal", "deer",
     "chicken", "calf", "pony", "donkey", "mule", "lamb", "puppy", "kitten", "foal"}
)
# What a bulletin says was inflicted on the enemy ("inflicted defeat on formations", "heavy losses"): no target.
INFLICTED_HARM = frozenset({"defeat", "loss", "losses", "casualty", "casualties", "blow"})
# Objects of an act's verb that are not what it was aimed at: the rounds fired, the harm done.
UNAIMED_OBJECTS = AMMUNITION_NOUNS | INFLICTED_HARM
# Times of day a clause may be told by ("at dawn", "by sunrise"): a when, never a doer.
TIMES_OF_DAY = frozenset({"dawn", "daybreak", "sunrise", "noon", "midday", "sunset", "dusk", "nightfall", "midnight"})
# Those of a salvo not told yet ("one was intercepted, while the other blew up"): the rest of the ones told of.
REST_WORDS = frozenset({"other", "others", "rest", "remainder"})

# Nouns for a person: "a teen killed 12 people" is a killing.
PERSON_NOUNS: frozenset[str] = frozenset(
    {"man", "woman", "teen", "teenager", "boy", "girl", "youth", "student", "suspect", "person", "soldier",
     "officer", "policeman", "guard", "husband", "father", "son", "worker", "employee", "neighbor", "neighbour"}
)
# What one battles without arms ("a battle with cancer", "a battle with the courts").
UNARMED_OPPONENTS: frozenset[str] = frozenset(
    {"cancer", "illness", "disease", "leukemia", "leukaemia", "tumor", "tumour", "addiction", "depression",
     "alcoholism", "obesity", "covid", "covid-19", "virus", "infection", "dementia", "diabetes", "sickness",
     "court", "courts", "judge", "lawyer", "insurer", "bank", "council", "bureaucracy", "landlord", "regulator"}
)
# Causes that make an explosion an accident ("may have been caused by a gas leak").
ACCIDENT_CAUSES: frozenset[str] = frozenset(
    {"leak", "accident", "malfunction", "fault", "short-circuit", "circuit", "spark", "lightning", "boiler"}
)

# Words that make an act a habit or a campaign, not one event ("rebels often fire rockets", "a frequent
# target of airstrikes", "periodic raids").
HABITUAL_ADVERBS: frozenset[str] = frozenset(
    {"often", "frequently", "regularly", "routinely", "usually", "sometimes", "repeatedly", "periodically",
     "constantly", "continually", "typically", "generally", "occasionally", "commonly", "habitually",
     "daily", "nightly", "weekly", "increasingly", "steadily"})  # "has been shelled almost daily since 2022"
HABITUAL_ADJECTIVES: frozenset[str] = frozenset(
    {"frequent", "periodic", "regular", "routine", "occasional", "sporadic", "constant", "habitual", "recurrent",
     "recurring", "persistent", "relentless", "almost-daily", "daily", "nightly"})
# Nouns that name an engagement only between armed sides ("engagement between X and Y", "in combat with X").
ENGAGEMENT_NOUNS: frozenset[str] = frozenset({"engagement", "combat", "hostilities", "exchange"})
# Verbs by which a side takes back what an attack took, answering it ("regained control of the base after ...").
RECOVERY_VERBS: frozenset[str] = frozenset({"regain", "retake", "recapture"})
# Time expressions of a span, not a point: an act told over one is a tally, not an event ("have killed
# several lawmakers this year").
PERIOD_WORDS: frozenset[str] = frozenset({"this year", "this month", "so far this year", "in recent months",
                                          "in recent weeks", "in recent years", "in recent days", "this week",
                                          "last year", "over the past year", "over the years", "in the past year"})

# Verbs that, with something in flight as object, tell a defensive act: an interception.
DEFEAT_VERBS: frozenset[str] = frozenset({"destroy", "neutralize", "neutralise", "defeat", "eliminate", "down",
                                         "confront", "repel", "repulse"})
# Verbs by which guards end an assault on them ("security forces killed the attackers"): a defensive act.
STOP_VERBS: frozenset[str] = frozenset({"kill", "neutralize", "neutralise", "eliminate", "shoot", "capture",
                                        "overpower", "subdue", "pursue", "chase", "repel", "repulse"})
# What armed defenders end when they quell an assault ("police ended the siege").
SIEGE_NOUNS: frozenset[str] = frozenset({"siege", "standoff", "stand-off", "assault", "attack", "occupation"})
# The people who made an assault, referred to as such ("the attackers", "the gunmen").
ASSAILANT_NOUNS: frozenset[str] = frozenset({"attacker", "assailant", "gunman", "gunmen", "militant", "insurgent",
                                             "terrorist", "bomber", "raider", "infiltrator", "captor", "kidnapper",
                                             "abductor", "hostage-taker"})
PROJECTILE_NOUNS: frozenset[str] = frozenset(
    {"missile", "rocket", "drone", "uav", "uavs", "uas", "projectile", "shahed", "warhead", "cruise", "interceptor",
     "asbm", "ascm", "mrbm", "srbm", "ucav"})
UNCREWED_WORDS: frozenset[str] = frozenset({"unmanned", "uncrewed", "aerial", "pilotless", "one-way"})

# What an act leaves ("debris from an interception", "fragments of a downed drone"): told after it, not an act.
DEBRIS_NOUNS = frozenset({"debris", "fragment", "shrapnel", "wreckage", "remnant", "piece", "part"})

# Words for one round of strikes, told without the weapon ('a second wave hit ...').
SALVO_WORDS = frozenset({"wave", "salvo", "volley", "barrage", "round"})
# Words for a share of what was counted before ('most of the projectiles', 'all of them').
SHARE_WORDS = frozenset({"most", "all", "some", "many", "several", "none", "majority", "rest", "half", "part", "each"})
# What defends against things in flight ('air defences', 'the counter-rocket system', 'Iron Dome').
AIR_DEFENCE_WORDS = frozenset({"interceptor", "interceptors", "c-ram", "patriot", "patriots", "dome", "sling"})
AIR_DEFENCE_RE = re.compile(r"\b(?:air|counter\s*-\s*(?:rocket|drone|missile)|anti\s*-\s*(?:aircraft|missile|drone))\b")
# Verbs of a weapon's impact, with 'into': "a drone crashed into a packing shed" struck it.
IMPACT_VERBS = frozenset({"crash", "smash", "plough", "plow", "plunge"})

# What is set off in a bombing ("detonated his vest", "an explosive device"): the weapon, never its target.
BLAST_DEVICES = frozenset({"vest", "belt", "device", "charge", "payload", "explosive", "explosives", "ied"})
# Sites a bomb is set off inside or at ("detonated explosives inside a mosque"): the target of the bombing.
BLAST_SITES = frozenset({"mosque", "church", "temple", "shrine", "synagogue", "market", "bazaar", "school", "hospital",
                         "hotel", "restaurant", "cafe", "checkpoint", "station", "rally", "wedding", "funeral",
                         "stadium", "bus", "building", "compound", "office", "headquarters", "camp", "base"})

# Military things a force strikes ("U.S. forces destroyed a Houthi missile launcher").
MILITARY_OBJECTS = frozenset({"launcher", "radar", "site", "facility", "depot", "bunker", "position", "positions",
                              "system", "vessel", "boat", "tank", "convoy", "compound", "camp", "base", "headquarters",
                              "stockpile", "storage", "battery", "node", "cell", "target", "targets", "ship",
                              "tanker", "freighter", "carrier", "warship", "destroyer", "frigate", "post", "outpost",
                              "checkpoint", "bunker", "trench", "hideout"})

# Words of a place beside another ("close to X", "north of X"), for where an act happened.
CLOSE_WORDS = frozenset({"close", "next", "adjacent", "nearby"})
COMPASS_WORDS = frozenset({"north", "south", "east", "west", "northwest", "northeast", "southwest", "southeast",
                           "north-west", "north-east", "south-west", "south-east"})

# Words for a place or a part of one that a place name may follow ("the outskirts of X", "X province").
PLACE_NOUNS = frozenset(
    {"city", "town", "village", "province", "region", "area", "district", "governorate", "county", "outskirts",
     "suburb", "suburbs", "capital", "border", "coast", "port", "state", "oblast", "municipality", "neighbourhood",
     "neighborhood", "countryside", "vicinity", "edge", "centre", "center", "part", "parts", "west", "east", "north",
     "south", "waters", "territory", "enclave", "strip", "bank", "heights", "valley", "island", "sea", "gulf", "camp",
     "environs", "surroundings", "periphery", "fringes", "defenses", "defences", "quarter", "slopes", "foothills",
     "slope"} | SITE_PARTS  # "the
)  # defences of X", "a residential quarter of X"
# Buildings and sites of a town named as such ("the railway station of the city of X"; not "the church of X").
SITE_NOUNS = frozenset({"station", "base", "airport", "school", "hospital", "market", "ministry", "building",
                        "compound", "port", "mosque", "church", "hotel", "bridge", "headquarters", "prison", "office",
                        "plant", "factory", "airfield", "barracks", "checkpoint", "embassy", "consulate"})
