"""Generates checksum-valid (and deliberately invalid) value pools.
Values are then pasted by hand into records in pii_*.txt. Seeded for reproducibility."""
import random, string, base64, json
r = random.Random(7707)

def iban_check(country, bban):
    s = bban + country + "00"
    num = "".join(str(int(c, 36)) for c in s)
    return "%02d" % (98 - int(num) % 97)

def make_iban(country, bban_len_spec):
    bban = "".join(r.choice(string.digits) if c == "n" else r.choice(string.ascii_uppercase) for c in bban_len_spec)
    return country + iban_check(country, bban) + bban

def luhn_digit(partial):
    s = 0
    for i, d in enumerate(reversed(partial)):
        d = int(d)
        if i % 2 == 0:
            d *= 2
            if d > 9: d -= 9
        s += d
    return str((10 - s % 10) % 10)

def card(prefix, length):
    p = prefix + "".join(r.choice(string.digits) for _ in range(length - len(prefix) - 1))
    return p + luhn_digit(p)

specs = {"DE": "n"*18, "FR": "n"*23, "ES": "n"*20, "GB": "aaaa"+"n"*14, "NL": "aaaa"+"n"*10,
         "IT": "a"+"n"*22, "AT": "n"*16, "CH": "n"*17, "BE": "n"*12, "PL": "n"*24, "IE": "aaaa"+"n"*14, "PT": "n"*21}
print("## valid IBANs")
for c, sp in specs.items():
    for _ in range(3):
        print(make_iban(c, sp))
print("## invalid IBANs (check digits altered)")
for c, sp in list(specs.items())[:8]:
    v = make_iban(c, sp)
    bad = v[:2] + "%02d" % ((int(v[2:4]) + 11) % 97 or 3) + v[4:]
    print(bad)
print("## valid cards")
for pre, ln in [("4", 16)]*8 + [("51", 16), ("53", 16), ("55", 16), ("2221", 16)]*2 + [("34", 15), ("37", 15)]*2 + [("6011", 16)]*3:
    print(card(pre, ln))
print("## invalid cards (luhn fails)")
for pre, ln in [("4", 16)]*6 + [("54", 16)]*3 + [("37", 15)]*2:
    v = card(pre, ln)
    print(v[:-1] + str((int(v[-1]) + 3) % 10))
print("## SSNs")
for _ in range(20):
    a = r.choice([x for x in range(1, 900) if x != 666]); g = r.randint(1, 99); s = r.randint(1, 9999)
    print("%03d-%02d-%04d" % (a, g, s))
print("## AWS keys")
for _ in range(12):
    print(r.choice(["AKIA", "ASIA"]) + "".join(r.choice(string.ascii_uppercase + "234567") for _ in range(16)))
print("## AWS secret-ish (40 chars)")
for _ in range(6):
    print("".join(r.choice(string.ascii_letters + string.digits + "/+") for _ in range(40)))
print("## Google API keys")
for _ in range(12):
    print("AIza" + "".join(r.choice(string.ascii_letters + string.digits + "-_") for _ in range(35)))
def b64u(b): return base64.urlsafe_b64encode(b).rstrip(b"=").decode()
print("## JWTs")
for i in range(12):
    h = b64u(json.dumps({"alg": r.choice(["HS256", "RS256"]), "typ": "JWT"}, separators=(",", ":")).encode())
    p = b64u(json.dumps({"sub": str(r.randint(10000, 99999)), "iat": 1700000000 + r.randint(0, 9999999), "role": r.choice(["user", "admin", "svc"])}, separators=(",", ":")).encode())
    s = b64u(bytes(r.getrandbits(8) for _ in range(32)))
    print(h + "." + p + "." + s)
print("## random tokens")
for _ in range(20):
    print("".join(r.choice(string.ascii_letters + string.digits) for _ in range(r.choice([24, 32, 40]))))
print("## hex hashes (sha1/sha256-ish)")
for _ in range(8):
    print("".join(r.choice("0123456789abcdef") for _ in range(r.choice([40, 64]))))
