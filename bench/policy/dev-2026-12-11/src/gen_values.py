#!/usr/bin/env python3
"""Seeded generator for all random parts used in src/records_*.txt.
Writes src/values.json : name -> value. Records reference values as {name}.
Nothing here is a real key; check digits (Luhn, mod-97, EAN-13) are computed."""
import json, random, string, hashlib, base64, os
R = random.Random(1412)
AL = string.ascii_letters + string.digits
def rs(n, alpha=AL): return ''.join(R.choice(alpha) for _ in range(n))
def luhn_ok(num):
    s = 0
    for i, ch in enumerate(reversed(num)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9: d -= 9
        s += d
    return s % 10 == 0
def luhn_complete(prefix, length):
    body = prefix + rs(length - len(prefix) - 1, string.digits)
    for c in '0123456789':
        if luhn_ok(body + c): return body + c
def luhn_bad(prefix, length):
    while True:
        n = prefix + rs(length - len(prefix), string.digits)
        if not luhn_ok(n): return n
def iban(cc, bban):
    t = bban + cc + '00'
    num = ''.join(str(int(c, 36)) for c in t)
    ck = 98 - int(num) % 97
    return f"{cc}{ck:02d}{bban}"
def ean13(body12=None):
    b = body12 or rs(12, string.digits)
    s = sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(b))
    return b + str((10 - s % 10) % 10)
def b64u(b): return base64.urlsafe_b64encode(b).decode().rstrip('=')
V = {}
for i in range(1, 61): V[f"r{i:02d}"] = rs(R.choice([8, 9, 10, 11, 12]), AL + "#!%&*-_+")  # password chunks
for i in range(1, 41): V[f"a{i:02d}"] = rs(R.choice([6, 7, 8]))  # alnum chunks
for i in range(1, 31): V[f"hex32_{i:02d}"] = rs(32, '0123456789abcdef')
for i in range(1, 21): V[f"hex40_{i:02d}"] = hashlib.sha1(rs(20).encode()).hexdigest()
for i in range(1, 21): V[f"sha256_{i:02d}"] = hashlib.sha256(rs(20).encode()).hexdigest()
for i in range(1, 31):
    h = '%032x' % R.getrandbits(128)
    h = h[:12] + '4' + h[13:16] + R.choice('89ab') + h[17:]
    V[f"uuid{i:02d}"] = f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"
for i in range(1, 31): V[f"tok{i:02d}"] = rs(R.choice([22, 27, 32, 40]), AL + '-_')
for i in range(1, 21): V[f"b64_{i:02d}"] = base64.b64encode(bytes(R.getrandbits(8) for _ in range(30))).decode()
for i in range(1, 16): V[f"aws{i:02d}"] = R.choice(["AKIA", "ASIA"]) + rs(16, string.ascii_uppercase + '234567')
for i in range(1, 16): V[f"awssec{i:02d}"] = rs(40, AL + '/+')
for i in range(1, 16): V[f"gkey{i:02d}"] = "AIza" + rs(35, AL + '-_')
for i in range(1, 16):
    hdr = b64u(json.dumps({"alg": "HS256", "typ": "JWT"}, separators=(',', ':')).encode())
    pl = b64u(json.dumps({"sub": rs(8, string.digits), "iat": 1760000000 + R.randrange(10**7)}, separators=(',', ':')).encode())
    V[f"jwt{i:02d}"] = f"{hdr}.{pl}.{b64u(bytes(R.getrandbits(8) for _ in range(32)))}"
for i in range(1, 16): V[f"visa{i:02d}"] = luhn_complete('4' + rs(1, '0123456789'), 16)
for i in range(1, 6): V[f"mc{i:02d}"] = luhn_complete('5' + R.choice('12345'), 16)
for i in range(1, 6): V[f"amex{i:02d}"] = luhn_complete('3' + R.choice('47'), 15)
for i in range(1, 21): V[f"bad16_{i:02d}"] = luhn_bad(R.choice('4579'), 16)  # Luhn-INVALID order/tracking numbers
for i in range(1, 11): V[f"ibde{i:02d}"] = iban('DE', rs(18, string.digits))
for i in range(1, 11): V[f"ibfr{i:02d}"] = iban('FR', rs(10, string.digits) + rs(11, string.digits + string.ascii_uppercase[:6]) + rs(2, string.digits))
for i in range(1, 11): V[f"ibes{i:02d}"] = iban('ES', rs(20, string.digits))
for i in range(1, 6): V[f"ibgb{i:02d}"] = iban('GB', rs(4, string.ascii_uppercase) + rs(14, string.digits))
for i in range(1, 21): V[f"ean{i:02d}"] = ean13(R.choice(['400', '301', '840', '560', '761']) + rs(9, string.digits))
for i in range(1, 16):
    while True:
        a = R.randrange(1, 900)
        if a != 666: break
    V[f"ssn{i:02d}"] = f"{a:03d}-{R.randrange(1,100):02d}-{R.randrange(1,10000):04d}"
CR = './' + string.ascii_letters + string.digits
for i in range(1, 11):
    V[f"crypt6_{i:02d}"] = f"$6${rs(16, CR)}${rs(86, CR)}"
    V[f"crypt5_{i:02d}"] = f"$5${rs(16, CR)}${rs(43, CR)}"
    V[f"crypt1_{i:02d}"] = f"$1${rs(8, CR)}${rs(22, CR)}"
    V[f"bcrypt{i:02d}"] = f"$2b$12${rs(53, CR)}"
for i in range(1, 21): V[f"pp{i:02d}"] = rs(1, 'CFGHJK') + rs(8, 'CFGHJKLMNPRTVWXYZ0123456789')  # German-style passport no.
for i in range(1, 11): V[f"ppfr{i:02d}"] = rs(2, string.digits) + rs(2, string.ascii_uppercase) + rs(5, string.digits)
for i in range(1, 11): V[f"ppes{i:02d}"] = rs(3, string.ascii_uppercase) + rs(6, string.digits)
for i in range(1, 11): V[f"ppus{i:02d}"] = rs(9, string.digits)
for i in range(1, 21): V[f"pin{i:02d}"] = rs(R.choice([4, 6]), string.digits)
here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, 'values.json'), 'w') as f: json.dump(V, f, indent=0, sort_keys=True)
print(len(V), "values")
