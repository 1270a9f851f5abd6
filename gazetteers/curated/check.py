#!/usr/bin/env python3
"""Validate the hand-curated gazetteer files in gazetteers/curated/.

Stdlib only. Usage:
    python3 gazetteers/curated/check.py            # check every *.tsv next to this script
    python3 gazetteers/curated/check.py FILE...    # check the given files

Errors (exit status 1):
  * header row missing or different from the shared schema
  * a row without exactly 9 tab-separated fields, not in Unicode NFC, or with CR
  * a field with leading/trailing whitespace, or an empty alias between '|'
  * empty canonical_id, name, type or source
  * canonical_id repeated within a file, or not of the expected form
  * type/subtype not in the allowed vocabulary
  * country not two upper-case letters (when given); population not empty
  * an alias repeated within a row, or equal to the row's name (both compared
    case-insensitively, as in the generated files)
  * a flag outside {acronym, ambiguous_alias, historic, common_word}
  * an alias/name shared by two rows of the same file where either row lacks
    the ambiguous_alias flag (clashes must be declared on both sides)

Warnings (printed, do not fail):
  * an alias/name shared by rows of different files (e.g. an org acronym that is
    also a title abbreviation) where some row lacks ambiguous_alias
  * a row with an all-caps acronym alias but no 'acronym' flag (not checked
    for TITLE rows, and PERSON rows keep flags empty by policy)
"""
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

HEADER = ["canonical_id", "name", "type", "subtype", "country",
          "population", "aliases", "flags", "source"]
SUBTYPES = {
    "ORGANIZATION": {"un_agency", "un_organ", "igo", "ngo", "news_agency",
                     "armed_group", "party", "government", "military",
                     "court", "sports", "company", "other",
                     "agency"},  # 'agency' is used by the generated files
    "LOCATION": {"region", "feature", "place", "camp", "crossing",
                 # subtypes of generated rows a curated row may supplement
                 "country", "province", "district", "city", "continent"},
    "NATIONALITY": {"demonym", "ethnic", "religious"},
    "PERSON": {""},
    "TITLE": {"office", "military", "religious", "honorific", "modifier",
              "nobility", "academic"},
    "PARTICLE": {"particle"},
}
FLAGS = {"acronym", "ambiguous_alias", "historic", "common_word"}
# Curated ids, plus the ids of the generated files (a curated row that reuses a
# generated id supplements that entity with aliases/flags; see README).
ID_RE = re.compile(
    r"^(local:(org|place|person|title|particle)/[a-z0-9][a-z0-9-]*"
    r"|demonym:[A-Z]{2}|group:[a-z0-9][a-z0-9-]*"
    r"|geonames:[0-9]+|unm49:[0-9]{3}|cldr:[A-Z]{2}|wn30:[0-9]{8}-[nvasr]"
    r"|iso3166-[123]:[A-Z0-9-]+|isin:[A-Z0-9]{12}|enwiki:\S+|title:[^\t]+)$")
COUNTRY_RE = re.compile(r"^[A-Z]{2}$")


def is_acronym(a):
    if " " in a:
        return False
    letters = [c for c in a if c.isalpha()]
    up = sum(1 for c in letters if c.isupper())
    return len(letters) >= 2 and up >= 2 and up * 2 >= len(letters)


def check_file(path):
    errors, warnings = [], []
    lines = Path(path).read_text(encoding="utf-8").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if not lines or lines[0].split("\t") != HEADER:
        errors.append(f"{path}:1: header must be: " + "\\t".join(HEADER))
        return errors, warnings, 0, {}
    ids = {}
    surface = defaultdict(list)  # alias/name -> [(lineno, canonical_id, ambiguous?)]
    nrows = 0
    for ln, line in enumerate(lines[1:], start=2):
        where = f"{path}:{ln}"
        if line.strip() == "":
            errors.append(f"{where}: blank line")
            continue
        f = line.split("\t")
        if len(f) != 9:
            errors.append(f"{where}: {len(f)} fields, expected 9")
            continue
        nrows += 1
        if not unicodedata.is_normalized("NFC", line):
            errors.append(f"{where}: not Unicode NFC")
        if "\r" in line:
            errors.append(f"{where}: CR character (use LF line ends)")
        row = dict(zip(HEADER, f))
        for k, v in row.items():
            if v != v.strip():
                errors.append(f"{where}: leading/trailing whitespace in {k}")
        cid, name, typ, sub = row["canonical_id"], row["name"], row["type"], row["subtype"]
        for k in ("canonical_id", "name", "type", "source"):
            if not row[k].strip():
                errors.append(f"{where}: empty {k}")
        if cid in ids:
            errors.append(f"{where}: duplicate canonical_id {cid} (first on line {ids[cid]})")
        ids.setdefault(cid, ln)
        if cid and not ID_RE.match(cid):
            errors.append(f"{where}: malformed canonical_id {cid!r}")
        if typ not in SUBTYPES:
            errors.append(f"{where}: unknown type {typ!r}")
        elif sub not in SUBTYPES[typ]:
            errors.append(f"{where}: subtype {sub!r} not allowed for {typ}")
        if row["country"] and not COUNTRY_RE.match(row["country"]):
            errors.append(f"{where}: country {row['country']!r} is not ISO alpha-2")
        if row["population"]:
            errors.append(f"{where}: population must be empty in curated files")
        aliases = row["aliases"].split("|") if row["aliases"] else []
        seen = set()
        for a in aliases:
            if a != a.strip() or not a:
                errors.append(f"{where}: empty alias or alias with surrounding whitespace {a!r}")
            # same convention as the generated files: aliases are de-duplicated
            # case-insensitively and never repeat the name
            if a.lower() in seen:
                errors.append(f"{where}: alias repeated in row (case-insensitive): {a!r}")
            if a.lower() == name.lower():
                errors.append(f"{where}: alias repeats the name: {a!r}")
            seen.add(a.lower())
        flags = row["flags"].split(",") if row["flags"] else []
        for fl in flags:
            if fl not in FLAGS:
                errors.append(f"{where}: unknown flag {fl!r}")
        if len(set(flags)) != len(flags):
            errors.append(f"{where}: repeated flag")
        if typ not in ("TITLE", "PERSON") and "acronym" not in flags and any(is_acronym(a) for a in aliases):
            warnings.append(f"{where}: acronym-like alias but no 'acronym' flag ({cid})")
        amb = "ambiguous_alias" in flags
        for s in {name, *aliases}:
            if s:
                surface[s].append((ln, cid, amb))
    for s, occ in surface.items():
        cids = {c for _, c, _ in occ}
        if len(cids) > 1 and not all(a for _, _, a in occ):
            rows = ", ".join(f"line {l} {c}{'' if a else ' (no ambiguous_alias)'}" for l, c, a in occ)
            errors.append(f"{path}: surface form {s!r} used by several rows without "
                          f"ambiguous_alias on all of them: {rows}")
    return errors, warnings, nrows, surface


def main(argv):
    here = Path(__file__).resolve().parent
    files = [Path(a) for a in argv[1:]] or sorted(here.glob("*.tsv"))
    total_err = 0
    across = defaultdict(list)  # surface form -> [(file, canonical_id, ambiguous?)]
    for p in files:
        errors, warnings, n, surface = check_file(p)
        for s, occ in surface.items():
            across[s].extend((p.name, c, a) for _, c, a in occ)
        for w in warnings:
            print("warning:", w)
        for e in errors:
            print("error:", e)
        print(f"{p.name}: {n} rows, {len(errors)} errors, {len(warnings)} warnings")
        total_err += len(errors)
    for s, occ in sorted(across.items()):
        if len({f for f, _, _ in occ}) > 1 and not all(a for _, _, a in occ):
            print(f"warning: surface form {s!r} appears in several files without "
                  "ambiguous_alias on every row: " + ", ".join(f"{f}:{c}" for f, c, _ in occ))
    return 1 if total_err else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
