#!/usr/bin/env python3
"""Seeded generator for synthetic format values (stdlib only).
Writes src/values.json : {NAME: value}. Records in src/records_*.txt refer to them as {{NAME}}.
All values are random/synthetic; no real key, card or account is used."""
import json, random, string, base64, hashlib, os, uuid

R = random.Random(13_2026_1211)
AN = string.ascii_letters + string.digits
UP = string.ascii_uppercase + string.digits
HEX = '0123456789abcdef'
B64 = string.ascii_letters + string.digits + '+/'
def rs(n, al=AN): return ''.join(R.choice(al) for _ in range(n))
def digits(n): return ''.join(R.choice(string.digits) for _ in range(n))

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
    body = prefix + digits(length - len(prefix) - 1)
    for c in '0123456789':
        if luhn_ok(body + c): return body + c
def iban_check(cc, bban):
    s = bban + cc + '00'
    n = int(''.join(str(int(ch, 36)) for ch in s))
    return '%02d' % (98 - n % 97)
def iban_valid(iban):
    iban = iban.replace(' ', '')
    s = iban[4:] + iban[:4]
    return int(''.join(str(int(ch, 36)) for ch in s)) % 97 == 1
def group4(s, sep=' '): return sep.join(s[i:i+4] for i in range(0, len(s), 4))

BBAN = {  # country: pattern (d digit, a upper letter, c upper alnum)
 'DE': 'd'*18, 'FR': 'd'*10 + 'c'*11 + 'dd', 'ES': 'd'*20, 'IT': 'a' + 'd'*10 + 'c'*12,
 'NL': 'aaaa' + 'd'*10, 'GB': 'aaaa' + 'd'*14, 'BE': 'd'*12, 'AT': 'd'*16, 'CH': 'd'*5 + 'c'*12,
 'PL': 'd'*24, 'PT': 'd'*21, 'IE': 'aaaa' + 'd'*14, 'LU': 'ddd' + 'c'*13, 'SE': 'd'*20,
 'DK': 'd'*14, 'NO': 'd'*11, 'FI': 'd'*14, 'IS': 'd'*22, 'HR': 'd'*17, 'GR': 'd'*23, 'MT': 'aaaa' + 'd'*5 + 'c'*18,
 'RO': 'aaaa' + 'c'*16, 'CZ': 'd'*20, 'SA': 'dd' + 'c'*18, 'AE': 'd'*19, 'TR': 'd'*5 + '0' + 'c'*16, 'LT': 'd'*16,
}
BANKS = {'GB': ['NWBK', 'BARC', 'MIDL', 'LOYD'], 'NL': ['ABNA', 'INGB', 'RABO'], 'IE': ['AIBK', 'BOFI'], 'MT': ['MALT'], 'RO': ['RNCB']}
def bban(cc):
    out = []
    pat = BBAN[cc]
    for ch in pat:
        if ch == 'd': out.append(R.choice(string.digits))
        elif ch == 'a': out.append(R.choice(string.ascii_uppercase))
        elif ch == 'c': out.append(R.choice(string.digits) if R.random() < .8 else R.choice(string.ascii_uppercase))
        else: out.append(ch)
    s = ''.join(out)
    if cc in BANKS: s = R.choice(BANKS[cc]) + s[4:]
    return s

V = {}
for cc in BBAN:
    for i in range(1, 4):
        b = bban(cc); ib = cc + iban_check(cc, b) + b
        assert iban_valid(ib)
        V[f'IBAN_{cc}_{i}'] = ib
        V[f'IBAN_{cc}_{i}_G'] = group4(ib)
        # look-alike: same shape, wrong check digits
        bad = cc + '%02d' % ((int(ib[2:4]) + 37) % 97 + 2 if ((int(ib[2:4]) + 37) % 97 + 2) != int(ib[2:4]) else 50) + b
        if iban_valid(bad): bad = cc + '01' + b
        assert not iban_valid(bad)
        V[f'BADIBAN_{cc}_{i}'] = group4(bad)
# credit cards
PFX = [('4', 16), ('51', 16), ('55', 16), ('2221', 16), ('34', 15), ('37', 15), ('6011', 16), ('4', 16), ('53', 16), ('4', 13), ('35', 16), ('4', 16)]
for i in range(1, 41):
    p, L = PFX[(i - 1) % len(PFX)]
    n = luhn_complete(p, L)
    V[f'CC_{i}'] = n
    if L == 15: V[f'CC_{i}_S'] = n[:4] + ' ' + n[4:10] + ' ' + n[10:]; V[f'CC_{i}_D'] = n[:4] + '-' + n[4:10] + '-' + n[10:]
    else: V[f'CC_{i}_S'] = group4(n); V[f'CC_{i}_D'] = group4(n, '-')
    bad = n[:-1] + str((int(n[-1]) + 3) % 10)
    assert not luhn_ok(bad)
    V[f'BADCC_{i}'] = group4(bad) if L == 16 else bad
# SSN
for i in range(1, 25):
    while True:
        a = R.randint(1, 899)
        if a != 666: break
    g = R.randint(1, 99); s = R.randint(1, 9999)
    V[f'SSN_{i}'] = f'{a:03d}-{g:02d}-{s:04d}'
    V[f'SSN_{i}_S'] = f'{a:03d} {g:02d} {s:04d}'
    V[f'SSN_{i}_N'] = f'{a:03d}{g:02d}{s:04d}'
# EIN look-alikes
for i in range(1, 11): V[f'EIN_{i}'] = f'{R.randint(10,99)}-{digits(7)}'
# provider tokens (shapes only, random bodies)
for i in range(1, 17):
    V[f'GHP_{i}'] = 'ghp_' + rs(36)
    V[f'GHPAT_{i}'] = 'github_pat_' + rs(22, UP + string.ascii_lowercase) + '_' + rs(59)
    V[f'GLPAT_{i}'] = 'glpat-' + rs(20, AN + '-_')
    V[f'XOXB_{i}'] = f'xoxb-{digits(12)}-{digits(13)}-{rs(24)}'
    V[f'XOXP_{i}'] = f'xoxp-{digits(12)}-{digits(12)}-{digits(13)}-{rs(32, HEX)}'
    V[f'SKLIVE_{i}'] = 'sk_live_' + rs(24) + rs(75 if i % 2 else 0)
    V[f'RKLIVE_{i}'] = 'rk_live_' + rs(99)
    V[f'WHSEC_{i}'] = 'whsec_' + rs(32)
    V[f'OPENAI_{i}'] = 'sk-proj-' + rs(74, AN + '-_') + 'T3BlbkFJ' + rs(74, AN + '-_') if i % 2 else 'sk-' + rs(20) + 'T3BlbkFJ' + rs(20)
    V[f'ANTH_{i}'] = 'sk-ant-api03-' + rs(93, AN + '-_') + 'AA'
    V[f'SG_{i}'] = 'SG.' + rs(22, AN + '-_') + '.' + rs(43, AN + '-_')
    V[f'TWSK_{i}'] = 'SK' + rs(32, HEX)
    V[f'TWAUTH_{i}'] = rs(32, HEX)
    V[f'TWAC_{i}'] = 'AC' + rs(32, HEX)
    V[f'NPM_{i}'] = 'npm_' + rs(36)
    V[f'PYPI_{i}'] = 'pypi-AgEIcHlwaS5vcmc' + rs(60, AN + '-_')
    V[f'HF_{i}'] = 'hf_' + rs(34, string.ascii_letters)
    V[f'AZKEY_{i}'] = base64.b64encode(R.randbytes(64)).decode()
    V[f'AKIA_{i}'] = ('AKIA' if i % 3 else 'ASIA') + rs(16, string.ascii_uppercase + '234567')
    V[f'AWSSEC_{i}'] = rs(40, AN + '+/')
    V[f'GKEY_{i}'] = 'AIza' + rs(35, AN + '-_')
    V[f'SHOPIFY_{i}'] = 'shpat_' + rs(32, HEX)
    V[f'DOPAT_{i}'] = 'dop_v1_' + rs(64, HEX)
    V[f'SQ_{i}'] = 'EAAA' + rs(60, AN + '-_')
    V[f'TOK_{i}'] = rs(32, AN)
    V[f'HEXTOK_{i}'] = rs(40, HEX)
    V[f'URLTOK_{i}'] = rs(43, AN + '-_')
    V[f'SIG_{i}'] = rs(64, HEX)
    V[f'B64SIG_{i}'] = rs(27, AN + '%') + '%3D'
    V[f'OTP_{i}'] = digits(6)
    V[f'PIN_{i}'] = digits(4)
    V[f'RECOV_{i}'] = '-'.join(rs(5, string.ascii_lowercase + string.digits) for _ in range(2))
def b64u(b): return base64.urlsafe_b64encode(b).decode().rstrip('=')
for i in range(1, 17):
    hdr = {'alg': R.choice(['HS256', 'RS256', 'ES256']), 'typ': 'JWT'}
    pl = {'sub': str(R.randint(10**5, 10**9)), 'iat': 1760000000 + R.randint(0, 10**7), 'scope': R.choice(['read', 'admin', 'user:write'])}
    V[f'JWT_{i}'] = b64u(json.dumps(hdr, separators=(',', ':')).encode()) + '.' + b64u(json.dumps(pl, separators=(',', ':')).encode()) + '.' + b64u(R.randbytes(32 if hdr['alg'] == 'HS256' else 64))
# private key body (2 lines of 64 chars + short last line)
for i in range(1, 5):
    body = base64.b64encode(R.randbytes(150)).decode()
    V[f'PKBODY_{i}'] = '\n'.join(body[j:j+64] for j in range(0, len(body), 64))
# look-alike material
for i in range(1, 31):
    V[f'SHA256_{i}'] = hashlib.sha256(R.randbytes(16)).hexdigest()
    V[f'GITSHA_{i}'] = hashlib.sha1(R.randbytes(16)).hexdigest()
    V[f'SHORTSHA_{i}'] = V[f'GITSHA_{i}'][:7]
    V[f'UUID_{i}'] = str(uuid.UUID(bytes=R.randbytes(16), version=4))
    V[f'MD5_{i}'] = hashlib.md5(R.randbytes(8)).hexdigest()
    V[f'FPR_{i}'] = 'SHA256:' + base64.b64encode(R.randbytes(32)).decode().rstrip('=')
    V[f'PUBKEY_{i}'] = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI' + rs(43, AN + '+/')
here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, 'values.json'), 'w') as f:
    json.dump(V, f, indent=0, sort_keys=True)
print(len(V), 'values written')
