"""Stdlib generator for checksum-valid (and deliberately invalid) values.
Output is pasted by hand into the record sources; nothing here composes text."""
import random, string, base64, json
R = random.Random(8808)

def luhn_ok(s):
    d = [int(c) for c in s if c.isdigit()]
    t = 0
    for i, x in enumerate(reversed(d)):
        if i % 2: x *= 2; x -= 9 if x > 9 else 0
        t += x
    return t % 10 == 0

def card(prefix, n):
    body = prefix + ''.join(R.choice('0123456789') for _ in range(n - len(prefix) - 1))
    for c in '0123456789':
        if luhn_ok(body + c): return body + c

def bad_card(prefix, n):
    c = card(prefix, n)
    last = str((int(c[-1]) + R.randint(1, 9)) % 10)
    return c[:-1] + last

def iban(cc, bban):
    num = ''.join(str(int(ch, 36)) for ch in bban + cc + '00')
    ck = 98 - int(num) % 97
    return f"{cc}{ck:02d}{bban}"

def iban_ok(s):
    s = s.replace(' ', '')
    r = s[4:] + s[:4]
    return int(''.join(str(int(ch, 36)) for ch in r)) % 97 == 1

def digits(n): return ''.join(R.choice('0123456789') for _ in range(n))
def up(n): return ''.join(R.choice(string.ascii_uppercase + string.digits) for _ in range(n))

specs = {'DE': lambda: digits(18), 'FR': lambda: digits(10) + up(11)[:0] + digits(11) + digits(2),
         'ES': lambda: digits(20), 'GB': lambda: 'NWBK' + digits(14), 'NL': lambda: 'ABNA' + digits(10),
         'IT': lambda: 'X' + digits(10) + digits(12), 'BE': lambda: digits(12), 'AT': lambda: digits(16),
         'CH': lambda: digits(17), 'PL': lambda: digits(24)}
print('# VALID IBANS')
for cc, f in specs.items():
    for _ in range(4):
        v = iban(cc, f()); assert iban_ok(v); print(cc, v)
print('# INVALID IBANS (check digits broken)')
for cc in ['DE', 'FR', 'ES', 'GB', 'NL', 'DE', 'ES', 'FR']:
    v = iban(cc, specs[cc]()); ck = (int(v[2:4]) + R.randint(1, 50)) % 97 + 2
    b = f"{cc}{ck:02d}{v[4:]}"
    if not iban_ok(b): print(cc, b)
print('# VALID CARDS')
for p, n in [('4', 16)] * 10 + [('51', 16), ('53', 16), ('55', 16), ('2221', 16)] * 3 + [('34', 15), ('37', 15)] * 3 + [('6011', 16)] * 3:
    c = card(p, n); assert luhn_ok(c); print(c)
print('# INVALID CARDS')
for p, n in [('4', 16)] * 8 + [('52', 16)] * 4 + [('37', 15)] * 3:
    c = bad_card(p, n); assert not luhn_ok(c); print(c)
print('# SSNS')
for _ in range(25):
    a = R.randint(1, 899)
    while a == 666: a = R.randint(1, 899)
    print(f"{a:03d}-{R.randint(1,99):02d}-{R.randint(1,9999):04d}")
print('# AWS')
for _ in range(14): print('AKIA' + ''.join(R.choice(string.ascii_uppercase + '234567') for _ in range(16)))
print('# GOOGLE')
for _ in range(12): print('AIza' + ''.join(R.choice(string.ascii_letters + string.digits + '-_') for _ in range(35)))
print('# JWT')
def b64(d): return base64.urlsafe_b64encode(json.dumps(d, separators=(',', ':')).encode()).decode().rstrip('=')
for i in range(12):
    h = {'alg': R.choice(['HS256', 'RS256']), 'typ': 'JWT'}
    p = {'sub': str(R.randint(1000, 99999)), 'iat': 1700000000 + R.randint(0, 9999999)}
    sig = base64.urlsafe_b64encode(bytes(R.randint(0, 255) for _ in range(32))).decode().rstrip('=')
    print(b64(h) + '.' + b64(p) + '.' + sig)
print('# RANDOM TOKENS')
for _ in range(16): print(''.join(R.choice(string.ascii_letters + string.digits) for _ in range(R.choice([24, 32, 40]))))
print('# HEX HASHES')
for _ in range(10): print(''.join(R.choice('0123456789abcdef') for _ in range(R.choice([40, 64, 32]))))
