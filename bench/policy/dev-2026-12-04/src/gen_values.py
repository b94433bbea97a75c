"""Stdlib helper: prints checksum-valid (and deliberately invalid) values.
The printed values were pasted by hand into the record sources."""
import random, string, base64, json
R = random.Random(20240707)

def mod97(s):
    s = s[4:] + s[:4]
    n = ''.join(str(int(c, 36)) for c in s)
    return int(n) % 97

def iban(cc, bban):
    chk = 98 - mod97(cc + '00' + bban)
    return f"{cc}{chk:02d}{bban}"

def digits(n): return ''.join(R.choice('0123456789') for _ in range(n))
def letters(n): return ''.join(R.choice(string.ascii_uppercase) for _ in range(n))

def es_bban():
    w = [1,2,4,8,5,10,9,7,3,6]
    def cd(ds):
        s = sum(int(d)*x for d, x in zip(ds, w)); r = 11 - s % 11
        return {11: 0, 10: 1}.get(r, r)
    bank, branch, acct = digits(4), digits(4), digits(10)
    return bank + branch + f"{cd('00'+bank+branch)}{cd(acct)}" + acct

def fr_bban():
    b, g, a = digits(5), digits(5), digits(11)
    key = 97 - ((89*int(b) + 15*int(g) + 3*int(a)) % 97)
    return b + g + a + f"{key:02d}"

def be_bban():
    x = digits(10); k = int(x) % 97 or 97
    return x + f"{k:02d}"

ibans = [iban('DE', digits(18)) for _ in range(5)] + [iban('FR', fr_bban()) for _ in range(3)] \
    + [iban('ES', es_bban()) for _ in range(3)] + [iban('GB', letters(4)+digits(14)) for _ in range(2)] \
    + [iban('NL', letters(4)+digits(10)) for _ in range(2)] + [iban('CH', digits(17)) for _ in range(2)] \
    + [iban('AT', digits(16)) for _ in range(2)] + [iban('BE', be_bban())] + [iban('IT', letters(1)+digits(10)+digits(12))] \
    + [iban('PL', digits(24))]
print("IBAN valid:"); [print(' ', x) for x in ibans]
print("IBAN invalid (checksum broken):")
for x in [iban('DE', digits(18)), iban('FR', fr_bban()), iban('ES', es_bban()), iban('GB', letters(4)+digits(14)), iban('NL', letters(4)+digits(10)), iban('DE', digits(18))]:
    bad = x[:2] + f"{(int(x[2:4]) + 7) % 100:02d}" + x[4:]
    assert mod97(bad) != 1
    print(' ', bad)

def luhn_ok(s):
    ds = [int(c) for c in s][::-1]
    return sum(d if i % 2 == 0 else (d*2 - 9 if d*2 > 9 else d*2) for i, d in enumerate(ds)) % 10 == 0
def card(prefix, n):
    body = prefix + digits(n - len(prefix) - 1)
    for c in '0123456789':
        if luhn_ok(body + c): return body + c
cards = [card('4', 16) for _ in range(6)] + [card(R.choice(['51','52','53','54','55']), 16) for _ in range(4)] \
    + [card('2221', 16), card('2720', 16)] + [card(R.choice(['34','37']), 15) for _ in range(3)] + [card('6011', 16) for _ in range(2)] \
    + [card('35', 16)]
print("CARD valid:"); [print(' ', x) for x in cards]
print("CARD invalid luhn:")
for _ in range(8):
    c = card(R.choice(['4', '53', '6011']), 16); bad = c[:-1] + str((int(c[-1]) + 3) % 10)
    assert not luhn_ok(bad); print(' ', bad)

print("SSN valid:")
for _ in range(14):
    while True:
        a = R.randint(1, 899)
        if a != 666: break
    print(f"  {a:03d}-{R.randint(1,99):02d}-{R.randint(1,9999):04d}")

b32 = string.ascii_uppercase + '234567'
print("AWS:")
for p in ['AKIA']*7 + ['ASIA']*2:
    print(' ', p + ''.join(R.choice(b32) for _ in range(16)), ''.join(R.choice(string.ascii_letters+string.digits+'/+') for _ in range(40)))
print("GOOGLE:")
for _ in range(8):
    print('  AIza' + ''.join(R.choice(string.ascii_letters+string.digits+'_-') for _ in range(35)))
def b64u(b): return base64.urlsafe_b64encode(b).rstrip(b'=').decode()
print("JWT:")
for i in range(8):
    h = {"alg": R.choice(["HS256", "RS256"]), "typ": "JWT"}
    p = {"sub": digits(8), "iat": 1700000000 + R.randint(0, 9999999), "role": R.choice(["user", "admin", "svc"])}
    sig = b64u(bytes(R.getrandbits(8) for _ in range(32 if h['alg'] == 'HS256' else 64)))
    print('  ' + b64u(json.dumps(h, separators=(',', ':')).encode()) + '.' + b64u(json.dumps(p, separators=(',', ':')).encode()) + '.' + sig)
print("TOKENS:")
for n in [24, 32, 32, 40, 28, 36, 20, 48, 32, 26, 30, 44, 22, 34]:
    print('  ' + ''.join(R.choice(string.ascii_letters + string.digits) for _ in range(n)))
print("HEX hashes:")
for n in [40, 64, 32, 40, 64, 12]:
    print('  ' + ''.join(R.choice('0123456789abcdef') for _ in range(n)))
