"""Stdlib helper: prints checksum-valid (and deliberately invalid) values.
The printed values were then pasted BY HAND into the records in src/pii_*.txt."""
import random, string, base64, json
rnd = random.Random(5151)

def iban(cc, bban):
    s = bban + cc + "00"
    n = int("".join(str(int(c, 36)) for c in s))
    chk = 98 - n % 97
    return f"{cc}{chk:02d}{bban}"

def luhn_complete(prefix, length):
    body = prefix + "".join(rnd.choice(string.digits) for _ in range(length - len(prefix) - 1))
    for d in "0123456789":
        if luhn_ok(body + d):
            return body + d

def luhn_ok(num):
    digits = [int(c) for c in num if c.isdigit()]
    tot = 0
    for i, d in enumerate(reversed(digits)):
        if i % 2:
            d *= 2
            if d > 9: d -= 9
        tot += d
    return tot % 10 == 0

def digits(n): return "".join(rnd.choice(string.digits) for _ in range(n))
def b64u(b): return base64.urlsafe_b64encode(b).rstrip(b"=").decode()

print("# IBANs")
specs = [("DE", lambda: digits(18)), ("FR", lambda: digits(10) + "".join(rnd.choice(string.ascii_uppercase+string.digits) for _ in range(11)) + digits(2)),
         ("ES", lambda: digits(20)), ("GB", lambda: "NWBK" + digits(14)), ("NL", lambda: "ABNA" + digits(10)),
         ("IT", lambda: "X" + digits(10) + digits(12)), ("AT", lambda: digits(16)), ("CH", lambda: digits(17)), ("BE", lambda: digits(12))]
for cc, f in specs:
    for _ in range(3):
        v = iban(cc, f())
        bad = v[:2] + f"{(int(v[2:4]) + 7) % 97:02d}" + v[4:]
        print("valid", v, "| invalid", bad)
print("# Cards")
for p, L in [("4", 16), ("51", 16), ("55", 16), ("2221", 16), ("34", 15), ("37", 15), ("6011", 16), ("4", 16), ("4", 16), ("53", 16)]:
    for _ in range(2):
        v = luhn_complete(p, L)
        bad = v[:-1] + str((int(v[-1]) + 3) % 10)
        print("valid", v, "| invalid", bad, luhn_ok(bad))
print("# SSNs")
for _ in range(16):
    a = rnd.randint(1, 899)
    while a == 666: a = rnd.randint(1, 899)
    print(f"{a:03d}-{rnd.randint(1,99):02d}-{rnd.randint(1,9999):04d}")
print("# AWS")
for _ in range(14):
    print("AKIA" + "".join(rnd.choice(string.ascii_uppercase + "234567") for _ in range(16)))
print("# Google")
for _ in range(14):
    print("AIza" + "".join(rnd.choice(string.ascii_letters + string.digits + "-_") for _ in range(35)))
print("# JWT")
for i in range(12):
    h = b64u(json.dumps({"alg": "HS256", "typ": "JWT"}, separators=(",", ":")).encode())
    p = b64u(json.dumps({"sub": digits(6), "iat": 1700000000 + rnd.randint(0, 9999999)}, separators=(",", ":")).encode())
    s = b64u(bytes(rnd.getrandbits(8) for _ in range(32)))
    print(f"{h}.{p}.{s}")
print("# tokens")
for _ in range(16):
    print("".join(rnd.choice(string.ascii_letters + string.digits) for _ in range(rnd.choice([24, 32, 40]))))
print("# hex hashes")
for _ in range(10):
    print("".join(rnd.choice("0123456789abcdef") for _ in range(rnd.choice([40, 64]))))
