#!/usr/bin/env python3
"""Writes N synthetic ARES economic subjects as NDJSON to stdout, for the import benchmark.

  bench/ares_records.py 100000 [updated-date] > ares.ndjson

Valid IČOs (check digit), names, Czech seats in the programme-area kraje with known postal
codes, and 1 to 4 CZ-NACE codes each; the same N always gives the same records, and a later
`updated-date` gives the same companies with changed names (for the update benchmark).
"""
import json
import random
import sys

count = int(sys.argv[1])
updated = sys.argv[2] if len(sys.argv) > 2 else "2024-01-15"
rng = random.Random(7)
places = [("Děčín", 40502, 60), ("Ústí nad Labem", 40001, 60), ("Liberec", 46001, 78),
          ("Cheb", 35002, 51), ("Teplice", 41501, 60), ("Jablonec nad Nisou", 46601, 78)]
streets = ["Labská", "Masarykova", "Husova", "Nádražní", "Školní", "Zahradní"]
nace = ["16100", "162", "2511", "25620", "2229", "4941", "62010", "711", "46900", "4332"]
forms = ["112", "121", "101", "205"]
words = ["Pila", "Kovo", "Dřevo", "Plast", "Strojírna", "Logistika", "Elektro", "Stavby"]


def ico(n):
    base = f"{n:07d}"
    total = sum(int(d) * w for d, w in zip(base, range(8, 1, -1)))
    return base + str((11 - total % 11) % 10)


for n in range(1, count + 1):
    city, psc, kraj = places[rng.randrange(len(places))]
    suffix = " (nové)" if updated != "2024-01-15" else ""
    subject = {
        "ico": ico(1_000_000 + n),
        "obchodniJmeno": f"{rng.choice(words)} {rng.choice(words)} {n} s.r.o.{suffix}",
        "sidlo": {"kodStatu": "CZ", "kodKraje": kraj, "nazevObce": city,
                  "nazevUlice": rng.choice(streets), "cisloDomovni": rng.randrange(1, 3000),
                  "cisloOrientacni": rng.randrange(1, 80), "psc": psc},
        "pravniForma": rng.choice(forms),
        "datumVzniku": f"{rng.randrange(1991, 2024)}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}",
        "datumAktualizace": updated,
        "dic": f"CZ{ico(1_000_000 + n)}",
        "czNace": rng.sample(nace, rng.randrange(1, 5)),
    }
    print(json.dumps(subject, ensure_ascii=False))
