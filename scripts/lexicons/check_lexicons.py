#!/usr/bin/env python3
"""Sanity checks for the bundled lexicons (run after scripts/lexicons/build_lexicons.py).

    python3 scripts/lexicons/check_lexicons.py lexicons

Checks: 12 fields per entity row, unique ids, id prefixes match types, controlled
subtypes, ISO alpha-3 country codes, role and flag syntax, role dates that exist, every alias has an uppercase
letter or digit, the seed entities and demonyms resolve, word lists are well formed.
Exits non-zero on any failure.
"""

import collections
import datetime
import os
import re
import sys

HEADER = ["id", "type", "subtype", "canonical", "aliases", "demonyms", "country",
          "roles", "qid", "codes", "flags", "source"]
SUBTYPES = {
    "country": {"sovereign", "territory", "former"},
    "location": {"capital", "seat_of_government", "city", "region", "continent"},
    "person": {"head_of_state", "head_of_government", "minister", "legislator", "executive",
               "official", "politician", "other"},
    "organization": {"government_agency", "intergovernmental", "court", "party", "armed_group",
                     "ngo", "company", "media", "legislature", "military", "other"},
}
PREFIX = {"country": "country:", "location": "loc:", "person": "person:", "organization": "org:"}
DATE = r"(?:\d{4}(?:-\d{2}(?:-\d{2})?)?)?"


def real_date(d):
    """True for an empty date or one that exists (`2020-13-45` does not), as
    `newslens lexicons --check` requires."""
    if not d:
        return True
    parts = [int(x) for x in d.split("-")] + [1, 1]
    try:
        datetime.date(parts[0], parts[1], parts[2])
    except ValueError:
        return False
    return True
SEED_ALIASES = {
    "Donald Trump": "person:Q22686", "Vladimir Putin": "person:Q7747", "Joe Biden": "person:Q6279",
    "Joseph R. Biden": "person:Q6279", "Joseph Biden": "person:Q6279",
    "Merrick Garland": None, "Barack Obama": "person:Q76", "Hillary Clinton": None,
    "Xi Jinping": None, "U.S.": "country:USA", "Russia": "country:RUS",
    "Ukraine": "country:UKR", "Eurojust": "org:eurojust", "European Union": None, "EU": None,
    "Justice Department": "org:us-department-of-justice",
    "Department of Justice": "org:us-department-of-justice", "DOJ": "org:us-department-of-justice",
}
SEED_DEMONYMS = {"Russian": "country:RUS", "Belarusian": "country:BLR",
                 "North Korean": "country:PRK", "Iranian": "country:IRN"}
MUST_NOT = ["Biden", "Trump", "Putin", "Michael Schmid"]


def main(d):
    errors = []
    ids = collections.Counter()
    alias_owner = collections.defaultdict(set)
    demonym_owner = collections.defaultdict(set)
    iso3 = set()
    rows_by_file = {}
    for f in ("countries.tsv", "locations.tsv", "organizations.tsv", "people.tsv"):
        rows = []
        header = None
        for ln, line in enumerate(open(os.path.join(d, f), encoding="utf-8").read().split("\n"), 1):
            if not line or (header is None and line.startswith("#")):
                continue
            cols = line.split("\t")
            if header is None:
                header = cols
                if header != HEADER:
                    errors.append("%s: bad header" % f)
                continue
            if len(cols) != 12:
                errors.append("%s:%d: %d fields" % (f, ln, len(cols)))
                continue
            rows.append((ln, dict(zip(HEADER, cols))))
        rows_by_file[f] = rows
        if f == "countries.tsv":
            iso3 = {r["id"].split(":", 1)[1] for _, r in rows}
    for f, rows in rows_by_file.items():
        for ln, r in rows:
            where = "%s:%d" % (f, ln)
            ids[r["id"]] += 1
            t = r["type"]
            if t not in SUBTYPES:
                errors.append("%s: type %r" % (where, t))
                continue
            if not r["id"].startswith(PREFIX[t]):
                errors.append("%s: id %s for type %s" % (where, r["id"], t))
            if r["subtype"] not in SUBTYPES[t]:
                errors.append("%s: subtype %r" % (where, r["subtype"]))
            if r["country"] and r["country"] not in iso3:
                errors.append("%s: country %r" % (where, r["country"]))
            if not r["canonical"]:
                errors.append("%s: empty canonical" % where)
            aliases = [a for a in r["aliases"].split("|") if a]
            for a in aliases + [r["canonical"]]:
                if not any(c.isupper() or c.isdigit() for c in a):
                    errors.append("%s: alias without uppercase/digit %r" % (where, a))
                alias_owner[a].add(r["id"])
            for dm in [x for x in r["demonyms"].split("|") if x]:
                demonym_owner[dm].add(r["id"])
            for role in [x for x in r["roles"].split(";") if x]:
                p = role.split("@")
                if len(p) != 4 or not re.fullmatch(DATE, p[2]) or not re.fullmatch(DATE, p[3]):
                    errors.append("%s: role %r" % (where, role))
                elif not real_date(p[2]) or not real_date(p[3]):
                    errors.append("%s: role date that does not exist %r" % (where, role))
                elif p[1] and p[1] not in iso3:
                    errors.append("%s: role country %r" % (where, role))
            if r["qid"] and not re.fullmatch(r"Q\d+", r["qid"]):
                errors.append("%s: qid %r" % (where, r["qid"]))
            for fl in [x for x in r["flags"].split("|") if x]:
                if fl not in ("ambiguous", "force") and not fl.startswith(("ambiguous=", "force=")):
                    errors.append("%s: flag %r" % (where, fl))
                if fl.startswith("ambiguous="):
                    name = fl.split("=", 1)[1]
                    if name not in aliases and name != r["canonical"] and name not in r["demonyms"].split("|"):
                        errors.append("%s: flag for a missing alias %r" % (where, fl))
            if not r["source"]:
                errors.append("%s: no source" % where)
    for i, n in ids.items():
        if n > 1:
            errors.append("duplicate id %s" % i)
    shared = [a for a, o in alias_owner.items() if len(o) > 1]
    for a in sorted(shared)[:20]:
        errors.append("alias %r on several entries: %s" % (a, sorted(alias_owner[a])))
    for a, want in SEED_ALIASES.items():
        got = alias_owner.get(a)
        if not got or (want and want not in got):
            errors.append("seed alias %r -> %s (want %s)" % (a, got, want))
    for a, want in SEED_DEMONYMS.items():
        if want not in demonym_owner.get(a, ()):
            errors.append("seed demonym %r -> %s" % (a, demonym_owner.get(a)))
    for a in MUST_NOT:
        if a in alias_owner:
            errors.append("%r must not be an alias (%s)" % (a, sorted(alias_owner[a])))
    for f, cols in (("cues.tsv", 4), ("roles.tsv", 3), ("sentiment.tsv", 3)):
        header = None
        for ln, line in enumerate(open(os.path.join(d, f), encoding="utf-8").read().split("\n"), 1):
            if not line or (header is None and line.startswith("#")):
                continue
            c = line.split("\t")
            if header is None:
                header = c
                continue
            if len(c) != cols:
                errors.append("%s:%d: %d fields" % (f, ln, len(c)))
            if f == "sentiment.tsv" and not -4.0 <= float(c[1]) <= 4.0:
                errors.append("%s:%d: valence" % (f, ln))
    counts = collections.Counter()
    for f, rows in rows_by_file.items():
        for _, r in rows:
            counts[r["type"]] += 1
    print("entries per type: " + ", ".join("%s %d" % kv for kv in sorted(counts.items())))
    for e in errors[:50]:
        print("ERROR", e)
    print("%d errors" % len(errors))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "lexicons"))
