# Stdlib helper: prints checksum-valid values (and deliberately invalid twins)
# which were then pasted by hand into the records. Fixed seed.
import random
random.seed(6061)

def iban(cc, bban):
    s = bban + cc + "00"
    num = "".join(str(int(c, 36)) for c in s)
    chk = 98 - int(num) % 97
    return f"{cc}{chk:02d}{bban}"

def grp(s):
    return " ".join(s[i:i+4] for i in range(0, len(s), 4))

def digits(n):
    return "".join(random.choice("0123456789") for _ in range(n))

def luhn_complete(prefix, length):
    body = prefix + digits(length - len(prefix) - 1)
    for d in "0123456789":
        if luhn_ok(body + d):
            return body + d

def luhn_ok(n):
    tot = 0
    for i, c in enumerate(reversed(n)):
        d = int(c)
        if i % 2 == 1:
            d *= 2
            if d > 9: d -= 9
        tot += d
    return tot % 10 == 0

specs = {
 "DE": lambda: digits(18),
 "FR": lambda: digits(10) + "".join(random.choice("ABCDEFGHJK0123456789") for _ in range(11)) + digits(2),
 "ES": lambda: digits(20),
 "GB": lambda: random.choice(["NWBK","BARC","MIDL","LOYD"]) + digits(14),
 "NL": lambda: random.choice(["ABNA","INGB","RABO","TRIO"]) + digits(10),
 "IT": lambda: random.choice("ABCDEFGHIJKLMNOPRSTUVWXYZ") + digits(10) + digits(12),
 "BE": lambda: digits(12),
 "AT": lambda: digits(16),
 "CH": lambda: digits(17),
 "PL": lambda: digits(24),
}
print("# IBAN valid")
for cc, f in specs.items():
    for _ in range(4):
        v = iban(cc, f())
        print(cc, v, "|", grp(v))
print("# IBAN invalid (check digits bumped)")
for cc in ["DE","FR","ES","GB","NL"]:
    v = iban(cc, specs[cc]())
    bad = v[:2] + f"{(int(v[2:4]) + 7) % 97 + 2:02d}" + v[4:]
    print(cc, grp(bad))
print("# cards valid")
for prefix, ln in [("4",16)]*10 + [("51",16),("53",16),("55",16),("2221",16)]*3 + [("34",15),("37",15)]*3 + [("6011",16)]*3:
    c = luhn_complete(prefix, ln)
    if ln == 16:
        print(c, "|", grp(c), "|", "-".join(c[i:i+4] for i in range(0,16,4)))
    else:
        print(c, "|", c[:4], c[4:10], c[10:])
print("# cards invalid luhn")
for _ in range(8):
    c = luhn_complete("4", 16)
    bad = c[:-1] + str((int(c[-1]) + 3) % 10)
    assert not luhn_ok(bad)
    print(grp(bad))
print("# SSN valid")
for _ in range(30):
    while True:
        a = random.randint(1, 899)
        if a != 666: break
    g = random.randint(1, 99); s = random.randint(1, 9999)
    print(f"{a:03d}-{g:02d}-{s:04d}")
