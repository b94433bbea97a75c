#!/usr/bin/env python3
"""Generate checksum-bearing synthetic values for the blind PII set.

stdlib only, seeded 20261130. The printed values were pasted by hand into the
records under src/; this script only exists so that the numbers are
reproducible and so that validate.py can re-use the checksum helpers.

All values are synthetic. Card numbers use real brand prefixes but random
account digits; IBANs use random bank/account parts with correct lengths and
mod-97 check digits for the listed countries.
"""
import base64
import json
import random
import string
import sys

SEED = 20261130

# ---------------------------------------------------------------- helpers

def luhn_ok(num: str) -> bool:
    digits = [int(c) for c in num if c.isdigit()]
    total = 0
    for i, d in enumerate(reversed(digits)):
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def luhn_complete(prefix: str, length: int, rng: random.Random) -> str:
    body = prefix + "".join(rng.choice(string.digits) for _ in range(length - len(prefix) - 1))
    for c in string.digits:
        if luhn_ok(body + c):
            return body + c
    raise AssertionError


def iban_ok(iban: str) -> bool:
    s = iban.replace(" ", "").upper()
    if len(s) < 15 or not s[:2].isalpha() or not s[2:4].isdigit():
        return False
    if s[:2] in IBAN_LEN and len(s) != IBAN_LEN[s[:2]]:
        return False
    r = s[4:] + s[:4]
    n = "".join(str(int(ch, 36)) for ch in r)
    return int(n) % 97 == 1


def iban_make(cc: str, bban: str) -> str:
    r = bban + cc + "00"
    n = "".join(str(int(ch, 36)) for ch in r)
    check = 98 - int(n) % 97
    return f"{cc}{check:02d}{bban}"


def group4(s: str) -> str:
    return " ".join(s[i:i + 4] for i in range(0, len(s), 4))


# country: (total length, bban pattern) ; pattern tokens: n=digit, a=upper letter, c=alnum
IBAN_SPECS = {
    "DE": (22, "18n"), "FR": (27, "23n"), "ES": (24, "20n"), "IT": (27, "1a22n"),
    "NL": (18, "4a10n"), "BE": (16, "12n"), "AT": (20, "16n"), "CH": (21, "17n"),
    "GB": (22, "4a14n"), "IE": (22, "4a14n"), "PT": (25, "21n"), "PL": (28, "24n"),
    "SE": (24, "20n"), "NO": (15, "11n"), "DK": (18, "14n"), "FI": (18, "14n"),
    "LU": (20, "16n"), "CZ": (24, "20n"), "HU": (28, "24n"), "RO": (24, "4a16n"),
    "GR": (27, "23n"), "HR": (21, "17n"), "TR": (26, "22n"), "SA": (24, "20n"),
    "AE": (23, "19n"), "BR": (29, "23n1a1c"), "IL": (23, "19n"), "QA": (29, "4a21n"),
    "EG": (29, "25n"), "KW": (30, "4a22n"), "PK": (24, "4a16n"), "UA": (29, "25n"),
    "TN": (24, "20n"), "GE": (22, "2a16n"), "MT": (31, "4a23n"), "IS": (26, "22n"),
    "LT": (20, "16n"), "EE": (20, "16n"), "SI": (19, "15n"), "SK": (24, "20n"),
    "BG": (22, "4a14n"), "MC": (27, "23n"), "DO": (28, "4a20n"), "CR": (22, "18n"),
    "JO": (30, "4a22n"), "MU": (30, "4a19n3a"), "KZ": (20, "16n"), "AZ": (28, "4a20n"),
}
IBAN_LEN = {k: v[0] for k, v in IBAN_SPECS.items()}


def bban_from(pattern: str, rng: random.Random) -> str:
    out = []
    num = ""
    for ch in pattern:
        if ch.isdigit():
            num += ch
            continue
        n = int(num)
        num = ""
        pool = {"n": string.digits, "a": string.ascii_uppercase,
                "c": string.ascii_uppercase + string.digits}[ch]
        out.append("".join(rng.choice(pool) for _ in range(n)))
    return "".join(out)


CARD_BRANDS = [
    ("visa", ["4"], 16), ("mastercard", ["51", "52", "53", "54", "55", "2221", "2720", "2305"], 16),
    ("amex", ["34", "37"], 15), ("discover", ["6011", "65", "644"], 16),
    ("jcb", ["3528", "3566", "3589"], 16), ("diners", ["36", "300", "305"], 14),
    ("unionpay", ["62"], 16), ("maestro", ["6759", "5018"], 16),
]


def ssn(rng: random.Random) -> str:
    while True:
        area = rng.randint(1, 899)
        if area != 666:
            break
    return f"{area:03d}-{rng.randint(1, 99):02d}-{rng.randint(1, 9999):04d}"


def b64url(b: bytes) -> str:
    return base64.urlsafe_b64encode(b).decode().rstrip("=")


def jwt(rng: random.Random, payload: dict) -> str:
    h = b64url(json.dumps({"alg": "HS256", "typ": "JWT"}, separators=(",", ":")).encode())
    p = b64url(json.dumps(payload, separators=(",", ":")).encode())
    sig = b64url(bytes(rng.getrandbits(8) for _ in range(32)))
    return f"{h}.{p}.{sig}"


def main() -> dict:
    rng = random.Random(SEED)
    out = {"iban_valid": {}, "iban_invalid": [], "cards": {}, "cards_invalid": [],
           "ssn": [], "ssn_invalid": [], "aws": [], "aws_secret": [], "google": [],
           "jwt": [], "github": [], "stripe": [], "slack": [], "hex32": [], "generic": []}
    for cc, (length, pat) in IBAN_SPECS.items():
        vals = []
        for _ in range(2):
            ib = iban_make(cc, bban_from(pat, rng))
            assert len(ib) == length and iban_ok(ib), (cc, ib)
            vals.append(ib)
        out["iban_valid"][cc] = vals
    for cc in ["DE", "FR", "ES", "NL", "GB", "IT", "BE", "AT", "CH", "PL", "SA", "BR"]:
        ib = out["iban_valid"][cc][1]
        # flip one digit of the BBAN -> checksum fails
        pos = len(ib) - 3
        d = str((int(ib[pos]) + 3) % 10) if ib[pos].isdigit() else "7"
        bad = ib[:pos] + d + ib[pos + 1:]
        assert not iban_ok(bad)
        out["iban_invalid"].append(bad)
    for brand, prefixes, length in CARD_BRANDS:
        vals = []
        for i in range(5):
            vals.append(luhn_complete(prefixes[i % len(prefixes)], length, rng))
        out["cards"][brand] = vals
    for brand, prefixes, length in CARD_BRANDS:
        good = luhn_complete(prefixes[0], length, rng)
        bad = good[:-1] + str((int(good[-1]) + 1) % 10)
        assert not luhn_ok(bad)
        out["cards_invalid"].append(bad)
        good = luhn_complete(prefixes[-1], length, rng)
        bad = good[:-1] + str((int(good[-1]) + 5) % 10)
        assert not luhn_ok(bad)
        out["cards_invalid"].append(bad)
    out["ssn"] = [ssn(rng) for _ in range(30)]
    out["ssn_invalid"] = [f"000-{rng.randint(10, 99)}-{rng.randint(1000, 9999)}",
                          f"666-{rng.randint(10, 99)}-{rng.randint(1000, 9999)}",
                          f"9{rng.randint(10, 99)}-{rng.randint(10, 99)}-{rng.randint(1000, 9999)}",
                          f"{rng.randint(100, 665)}-00-{rng.randint(1000, 9999)}",
                          f"{rng.randint(100, 665)}-{rng.randint(10, 99)}-0000",
                          f"9{rng.randint(10, 99)}-{rng.randint(70, 88)}-{rng.randint(1000, 9999)}"]
    up32 = string.ascii_uppercase + "234567"
    alnum = string.ascii_letters + string.digits
    for _ in range(8):
        out["aws"].append(rng.choice(["AKIA", "ASIA"]) + "".join(rng.choice(up32) for _ in range(16)))
        out["aws_secret"].append("".join(rng.choice(alnum + "/+") for _ in range(40)))
        out["google"].append("AIza" + "".join(rng.choice(alnum + "-_") for _ in range(35)))
        out["github"].append("ghp_" + "".join(rng.choice(alnum) for _ in range(36)))
        out["stripe"].append("sk_live_" + "".join(rng.choice(alnum) for _ in range(24)))
        out["slack"].append("xoxb-" + "".join(rng.choice(string.digits) for _ in range(12)) + "-" +
                            "".join(rng.choice(string.digits) for _ in range(13)) + "-" +
                            "".join(rng.choice(alnum) for _ in range(24)))
        out["hex32"].append("".join(rng.choice("0123456789abcdef") for _ in range(64)))
        out["generic"].append("".join(rng.choice(alnum) for _ in range(rng.randint(18, 28))))
    subs = ["u_48213", "acct-7731", "m.keller", "svc-billing", "0b6e1c", "lucia.f", "k9-op", "dev-42"]
    for i in range(8):
        out["jwt"].append(jwt(rng, {"sub": subs[i], "iat": 1795000000 + i * 86400,
                                    "exp": 1795003600 + i * 86400, "role": ["user", "admin"][i % 2]}))
    # appended later (after all other draws, so earlier values are unchanged):
    # extra Visa / Mastercard numbers incl. the 2-series Mastercard range
    out["cards_extra"] = [luhn_complete(p, 16, rng) for p in
                          ["4", "4", "4", "4", "2221", "2720", "2510", "51", "53", "55"]]
    return out


if __name__ == "__main__":
    vals = main()
    if "--group" in sys.argv:
        for cc, v in vals["iban_valid"].items():
            print(cc, v[0], "|", group4(v[0]), "||", v[1])
        sys.exit(0)
    print(json.dumps(vals, indent=1))
