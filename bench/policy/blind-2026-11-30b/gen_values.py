#!/usr/bin/env python3
"""Seeded stdlib generator for checksum-bearing values only (IBAN, card, SSN).
Output is printed; values were pasted by hand into src/pii_records.py."""
import random

SEED = 20261131
rng = random.Random(SEED)

# country: (length of BBAN, BBAN kind) - simplified: digits only or letters+digits
IBAN_FMT = {
    "DE": "n18", "FR": "n10a11n2", "ES": "n20", "GB": "a4n14", "NL": "a4n10",
    "IT": "a1n10a12", "BE": "n12", "AT": "n16", "CH": "n17", "PL": "n24",
    "PT": "n21", "IE": "a4n14", "LU": "n16", "SE": "n20", "DK": "n14",
    "FI": "n14", "NO": "n11", "CZ": "n20", "GR": "n23",
}

def _bban(fmt):
    out, i = [], 0
    while i < len(fmt):
        kind = fmt[i]; j = i + 1
        while j < len(fmt) and fmt[j].isdigit():
            j += 1
        n = int(fmt[i + 1:j]); i = j
        alpha = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
        for _ in range(n):
            out.append(rng.choice(alpha) if kind == "a" else rng.choice("0123456789"))
    return "".join(out)

def _num(s):
    return int("".join(str(int(c, 36)) for c in s))

def iban_valid(s):
    s = s.replace(" ", "").upper()
    return len(s) > 4 and _num(s[4:] + s[:4]) % 97 == 1

def make_iban(cc):
    bban = _bban(IBAN_FMT[cc])
    chk = 98 - _num(bban + cc + "00") % 97
    return f"{cc}{chk:02d}{bban}"

def group4(s):
    return " ".join(s[i:i + 4] for i in range(0, len(s), 4))

def luhn_ok(num):
    d = [int(c) for c in num if c.isdigit()]
    tot = 0
    for i, x in enumerate(reversed(d)):
        if i % 2 == 1:
            x *= 2
            if x > 9: x -= 9
        tot += x
    return tot % 10 == 0

def make_card(prefix, length):
    body = prefix + "".join(rng.choice("0123456789") for _ in range(length - len(prefix) - 1))
    for c in "0123456789":
        if luhn_ok(body + c):
            return body + c

def ssn_valid(s):
    d = s.replace("-", "").replace(" ", "")
    if len(d) != 9 or not d.isdigit(): return False
    a, g, n = d[:3], d[3:5], d[5:]
    return a not in ("000", "666") and not a.startswith("9") and g != "00" and n != "0000"

if __name__ == "__main__":
    print("# valid IBANs")
    for cc in IBAN_FMT:
        for _ in range(3):
            v = make_iban(cc); assert iban_valid(v)
            print(cc, v, "|", group4(v))
    print("# invalid IBANs (check digits bumped)")
    for cc in list(IBAN_FMT)[:12]:
        v = make_iban(cc)
        bad = v[:2] + f"{(int(v[2:4]) + 1) % 100:02d}" + v[4:]
        if iban_valid(bad): continue
        print(cc, bad, "|", group4(bad))
    print("# valid cards")
    for p, l in [("4", 16)] * 6 + [("51", 16), ("53", 16), ("55", 16), ("2221", 16), ("34", 15), ("37", 15), ("6011", 16), ("35", 16)]:
        c = make_card(p, l); assert luhn_ok(c); print(c)
    print("# invalid cards (last digit +1)")
    for p, l in [("4", 16)] * 6 + [("52", 16), ("37", 15), ("6011", 16)]:
        c = make_card(p, l); bad = c[:-1] + str((int(c[-1]) + 1) % 10)
        assert not luhn_ok(bad); print(bad)
    print("# valid SSNs")
    for _ in range(14):
        while True:
            s = f"{rng.randint(1,899):03d}-{rng.randint(1,99):02d}-{rng.randint(1,9999):04d}"
            if ssn_valid(s): break
        print(s)
