#!/usr/bin/env python3
"""Seeded generator for synthetic format values (IBANs, cards, tokens, hashes...).
Stdlib only. Output: values.json  {KEY: value}. Records in records_*.txt refer
to these as {{KEY}} (optionally {{KEY|g}} = groups of 4 separated by spaces,
{{KEY|d}} = groups of 4 separated by dashes, {{KEY|amex}} = 4-6-5 spaces).
No value here is a real credential; everything is random from Random(seed)."""
import base64, hashlib, json, os, random, string, uuid

R = random.Random(20261209)
A = string.ascii_letters + string.digits
UP = string.ascii_uppercase + string.digits
HEX = '0123456789abcdef'
B64 = string.ascii_letters + string.digits + '+/'
B64U = string.ascii_letters + string.digits + '-_'

def rs(chars, n): return ''.join(R.choice(chars) for _ in range(n))

def luhn_check_digit(partial):
    s = 0
    for i, ch in enumerate(reversed(partial)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9: d -= 9
        s += d
    return str((10 - s % 10) % 10)

def card(prefix, length):
    body = prefix + ''.join(R.choice('0123456789') for _ in range(length - len(prefix) - 1))
    return body + luhn_check_digit(body)

def iban(cc, bban):
    rearr = bban + cc + '00'
    num = ''.join(str(int(c, 36)) for c in rearr)
    chk = 98 - int(num) % 97
    return f"{cc}{chk:02d}{bban}"

def digits(n): return rs('0123456789', n)

IBAN_SPECS = {  # country: bban builder (length per registry)
    'DE': lambda: digits(18), 'FR': lambda: digits(10) + rs(UP, 11) + digits(2),
    'ES': lambda: digits(20), 'IT': lambda: rs(string.ascii_uppercase, 1) + digits(10) + digits(12),
    'NL': lambda: rs(string.ascii_uppercase, 4) + digits(10), 'GB': lambda: rs(string.ascii_uppercase, 4) + digits(14),
    'BE': lambda: digits(12), 'AT': lambda: digits(16), 'CH': lambda: digits(5) + rs(UP, 12),
    'PL': lambda: digits(24), 'PT': lambda: digits(21), 'IE': lambda: rs(string.ascii_uppercase, 4) + digits(14),
    'LU': lambda: digits(3) + rs(UP, 13), 'SE': lambda: digits(20), 'DK': lambda: digits(14),
    'NO': lambda: digits(11), 'FI': lambda: digits(14), 'CZ': lambda: digits(20),
    'GR': lambda: digits(7) + rs(UP, 16), 'HR': lambda: digits(17), 'RO': lambda: rs(string.ascii_uppercase, 4) + rs(UP, 16),
    'MT': lambda: rs(string.ascii_uppercase, 4) + digits(5) + rs(UP, 18), 'SA': lambda: digits(2) + rs(UP, 18),
    'AE': lambda: digits(19), 'TR': lambda: digits(5) + '0' + rs(UP, 16), 'BR': lambda: digits(23) + 'C1',
    'MC': lambda: digits(10) + rs(UP, 11) + digits(2), 'LT': lambda: digits(16), 'SI': lambda: digits(15),
}

V = {}
for cc, f in IBAN_SPECS.items():
    for i in (1, 2):
        V[f'IBAN_{cc}{i}'] = iban(cc, f())
# invalid IBAN-like (checksum deliberately wrong)
for i in range(1, 9):
    cc = R.choice(['DE', 'FR', 'ES', 'NL', 'GB', 'IT'])
    good = iban(cc, IBAN_SPECS[cc]())
    bad_chk = (int(good[2:4]) + R.randint(1, 40)) % 97 + 2
    V[f'BADIBAN{i}'] = f"{cc}{bad_chk:02d}{good[4:]}"

for i in range(1, 9):
    V[f'VISA{i}'] = card('4' + digits(R.choice([0, 1])), 16)
    V[f'MC{i}'] = card(R.choice(['51', '52', '53', '54', '55', '2221', '2720']), 16)
    V[f'AMEX{i}'] = card(R.choice(['34', '37']), 15)
    V[f'DISC{i}'] = card('6011', 16)
for i in range(1, 13):  # Luhn-invalid 16-digit look-alikes
    c = card(R.choice(['4', '51', '6011']), 16)
    V[f'BADCARD{i}'] = c[:-1] + str((int(c[-1]) + R.randint(1, 9)) % 10)

def b64url(b): return base64.urlsafe_b64encode(b).rstrip(b'=').decode()

for i in range(1, 21):
    V[f'AKIA{i}'] = R.choice(['AKIA', 'AKIA', 'ASIA']) + rs(string.ascii_uppercase + '234567', 16)
    V[f'AWSSEC{i}'] = rs(B64, 40)
    V[f'GKEY{i}'] = 'AIza' + rs(B64U, 35)
    hdr = b64url(json.dumps({"alg": R.choice(["HS256", "RS256", "ES256"]), "typ": "JWT"}, separators=(',', ':')).encode())
    pl = b64url(json.dumps({"sub": digits(R.randint(5, 10)), "iat": 1760000000 + R.randint(0, 9999999),
                            "exp": 1790000000 + R.randint(0, 9999999), "scope": R.choice(["read", "user", "admin api"])},
                           separators=(',', ':')).encode())
    V[f'JWT{i}'] = f"{hdr}.{pl}.{rs(B64U, 43)}"
    V[f'GHP{i}'] = 'ghp_' + rs(A, 36)
    V[f'GHPAT{i}'] = 'github_pat_' + rs(UP, 22) + '_' + rs(A, 59)
    V[f'GLPAT{i}'] = 'glpat-' + rs(B64U, 20)
    V[f'XOXB{i}'] = f"xoxb-{digits(11)}-{digits(13)}-{rs(A, 24)}"
    V[f'XOXP{i}'] = f"xoxp-{digits(11)}-{digits(11)}-{digits(13)}-{rs(HEX, 32)}"
    V[f'SKLIVE{i}'] = 'sk_live_' + rs(A, 99 if i % 3 == 0 else 24)
    V[f'RKLIVE{i}'] = 'rk_live_' + rs(A, 24)
    V[f'SKTEST{i}'] = 'sk_test_' + rs(A, 24)
    V[f'OPENAI{i}'] = ('sk-proj-' + rs(B64U, 120)) if i % 2 else ('sk-' + rs(A, 48))
    V[f'ANTH{i}'] = 'sk-ant-api03-' + rs(B64U, 93) + 'AA'
    V[f'SG{i}'] = 'SG.' + rs(B64U, 22) + '.' + rs(B64U, 43)
    V[f'TWTOK{i}'] = rs(HEX, 32)
    V[f'TWSK{i}'] = 'SK' + rs(HEX, 32)
    V[f'TWAC{i}'] = 'AC' + rs(HEX, 32)
    V[f'NPM{i}'] = 'npm_' + rs(A, 36)
    V[f'PYPI{i}'] = 'pypi-AgEIcHlwaS5vcmc' + rs(B64U, 60)
    V[f'HF{i}'] = 'hf_' + rs(string.ascii_letters, 34)
    V[f'AZKEY{i}'] = base64.b64encode(bytes(R.getrandbits(8) for _ in range(64))).decode()
    V[f'DOPAT{i}'] = 'dop_v1_' + rs(HEX, 64)
    V[f'SHPAT{i}'] = 'shpat_' + rs(HEX, 32)
    V[f'WHSEC{i}'] = 'whsec_' + rs(A, 32)
    V[f'HEX32_{i}'] = rs(HEX, 32)
    V[f'HEX40_{i}'] = rs(HEX, 40)
    V[f'B64U43_{i}'] = rs(B64U, 43)
    V[f'B64U22_{i}'] = rs(B64U, 22)
    V[f'TOK{i}'] = rs(A, R.choice([24, 32, 40]))
    V[f'PW{i}'] = rs(A + '!#%&*+-=?@^_', R.randint(12, 20))
    V[f'SHA256_{i}'] = hashlib.sha256(str(R.random()).encode()).hexdigest()
    V[f'GITSHA{i}'] = hashlib.sha1(str(R.random()).encode()).hexdigest()
    V[f'UUID{i}'] = str(uuid.UUID(int=R.getrandbits(128), version=4))
    V[f'DIGEST{i}'] = 'sha256:' + hashlib.sha256(str(R.random()).encode()).hexdigest()
    V[f'MD5_{i}'] = hashlib.md5(str(R.random()).encode()).hexdigest()
    fp = hashlib.sha1(str(R.random()).encode()).hexdigest().upper()
    V[f'FPR{i}'] = ':'.join(fp[j:j + 2] for j in range(0, 40, 2))
    V[f'SSHPUB{i}'] = 'AAAAC3NzaC1lZDI1NTE5AAAAI' + rs(B64, 43)

for i in range(1, 5):
    body = base64.b64encode(bytes(R.getrandbits(8) for _ in range(300))).decode()
    V[f'PRIVKEY{i}'] = '\n'.join(body[j:j + 64] for j in range(0, len(body), 64))

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, 'values.json'), 'w') as f:
    json.dump(V, f, indent=1, sort_keys=True)
print(len(V), 'values written')
