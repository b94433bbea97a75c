#!/usr/bin/env python3
"""Seeded generator for synthetic format values (IBAN, cards, keys, tokens, hashes).
Output: src/values.json  {NAME: value}. Records reference them as {{NAME}}.
All values are random/fake; no real keys. Seed fixed for reproducibility."""
import random, json, string, base64, hashlib, os, uuid

R = random.Random(1208)
UP = string.ascii_uppercase; LO = string.ascii_lowercase; DI = string.digits
AN = UP + LO + DI
HEX = '0123456789abcdef'
V = {}

def rs(alpha, n): return ''.join(R.choice(alpha) for _ in range(n))

# ---- IBAN ----
IBAN_SPEC = {  # country: BBAN pattern (n=digit, a=upper, c=alnum)
 'DE': 'n'*18, 'FR': 'n'*10 + 'c'*11 + 'nn', 'ES': 'n'*20, 'IT': 'a' + 'n'*10 + 'c'*12,
 'NL': 'aaaa' + 'n'*10, 'GB': 'aaaa' + 'n'*14, 'BE': 'n'*12, 'AT': 'n'*16, 'CH': 'n'*5 + 'c'*12,
 'PL': 'n'*24, 'PT': 'n'*21, 'IE': 'aaaa' + 'n'*14, 'LU': 'nnn' + 'c'*13, 'SE': 'n'*20,
 'DK': 'n'*14, 'NO': 'n'*11, 'FI': 'n'*14, 'CZ': 'n'*20, 'GR': 'n'*7 + 'c'*16, 'HR': 'n'*17,
 'RO': 'aaaa' + 'c'*16, 'HU': 'n'*24, 'SA': 'nn' + 'c'*18, 'TR': 'n'*5 + '0' + 'c'*16,
 'AE': 'n'*19, 'MT': 'aaaa' + 'n'*5 + 'c'*18, 'LT': 'n'*16, 'SK': 'n'*20, 'SI': 'n'*15, 'EE': 'n'*16,
 'BR': 'n'*23 + 'a' + 'c',
}
def bban(p):
    out = []
    for ch in p:
        if ch == 'n': out.append(R.choice(DI))
        elif ch == 'a': out.append(R.choice(UP))
        elif ch == 'c': out.append(R.choice(UP + DI))
        else: out.append(ch)
    return ''.join(out)
def iban_num(s): return int(''.join(str(int(c, 36)) for c in s))
def make_iban(cc):
    b = bban(IBAN_SPEC[cc]); chk = 98 - iban_num(b + cc + '00') % 97
    return cc + '%02d' % chk + b
def group4(s): return ' '.join(s[i:i+4] for i in range(0, len(s), 4))
for cc in IBAN_SPEC:
    for i in (1, 2):
        ib = make_iban(cc)
        V[f'IBAN_{cc}_{i}'] = ib
        V[f'IBANG_{cc}_{i}'] = group4(ib)
# invalid look-alikes: correct shape, wrong check digits
for i, cc in enumerate(['DE', 'FR', 'ES', 'NL', 'GB', 'IT', 'BE', 'AT'], 1):
    ib = make_iban(cc); bad = int(ib[2:4]); bad = (bad + 7) % 97 + 2
    V[f'BADIBAN_{i}'] = group4(ib[:2] + '%02d' % bad + ib[4:])

# ---- cards ----
def luhn_ok(n):
    d = [int(c) for c in n][::-1]; s = 0
    for i, x in enumerate(d):
        if i % 2: x *= 2; x = x - 9 if x > 9 else x
        s += x
    return s % 10 == 0
def make_card(prefix, length):
    body = prefix + rs(DI, length - len(prefix) - 1)
    for c in DI:
        if luhn_ok(body + c): return body + c
PFX = [('4', 16), ('51', 16), ('55', 16), ('2221', 16), ('37', 15), ('34', 15), ('6011', 16), ('35', 16), ('4', 16), ('53', 16),
       ('4', 16), ('52', 16), ('36', 14), ('6011', 16), ('4', 16), ('54', 16), ('37', 15), ('4', 19), ('2720', 16), ('4', 16)]
def fmt_card(n, sep):
    if len(n) == 15: parts = [n[:4], n[4:10], n[10:]]
    elif len(n) == 14: parts = [n[:4], n[4:10], n[10:]]
    else: parts = [n[i:i+4] for i in range(0, len(n), 4)]
    return sep.join(parts)
for i, (p, l) in enumerate(PFX, 1):
    n = make_card(p, l)
    V[f'CC_{i}'] = n; V[f'CCS_{i}'] = fmt_card(n, ' '); V[f'CCD_{i}'] = fmt_card(n, '-')
for i in range(1, 11):  # Luhn-invalid look-alikes
    n = make_card(R.choice(['4', '51', '6011']), 16); last = (int(n[-1]) + R.randint(1, 9)) % 10
    bad = n[:-1] + str(last); assert not luhn_ok(bad)
    V[f'BADCC_{i}'] = fmt_card(bad, R.choice([' ', '-', '']))

# ---- AWS ----
for i in range(1, 12):
    V[f'AKIA_{i}'] = R.choice(['AKIA', 'AKIA', 'AKIA', 'ASIA']) + rs(UP + '234567', 16)
    V[f'AWSSEC_{i}'] = rs(AN + '/+', 40)
# ---- Google ----
for i in range(1, 12):
    V[f'GKEY_{i}'] = 'AIza' + rs(AN + '-_', 35)
# ---- JWT ----
def b64u(b): return base64.urlsafe_b64encode(b).rstrip(b'=').decode()
for i in range(1, 12):
    hdr = {'alg': R.choice(['HS256', 'RS256', 'ES256']), 'typ': 'JWT'}
    pl = {'sub': str(R.randint(10000, 999999)), 'iat': 1760000000 + R.randint(0, 9999999)}
    if i % 2: pl['name'] = R.choice(['svc-billing', 'mobile-app', 'kiosk-7'])
    if i % 3 == 0: pl['exp'] = pl['iat'] + 3600
    sig = bytes(R.getrandbits(8) for _ in range(32 if hdr['alg'] == 'HS256' else 64))
    V[f'JWT_{i}'] = b64u(json.dumps(hdr, separators=(',', ':')).encode()) + '.' + b64u(json.dumps(pl, separators=(',', ':')).encode()) + '.' + b64u(sig)

# ---- provider tokens (SECRET) ----
for i in range(1, 6):
    V[f'GHP_{i}'] = 'ghp_' + rs(AN, 36)
    V[f'GHPAT_{i}'] = 'github_pat_' + rs(UP + DI, 22) + '_' + rs(AN, 59)
    V[f'GLPAT_{i}'] = 'glpat-' + rs(AN + '-_', 20)
    V[f'XOXB_{i}'] = 'xoxb-' + rs(DI, 12) + '-' + rs(DI, 13) + '-' + rs(AN, 24)
    V[f'XOXP_{i}'] = 'xoxp-' + rs(DI, 12) + '-' + rs(DI, 12) + '-' + rs(DI, 13) + '-' + rs(HEX, 32)
    V[f'SKLIVE_{i}'] = 'sk_live_' + rs(AN, 24)
    V[f'RKLIVE_{i}'] = 'rk_live_' + rs(AN, 24)
    V[f'OPENAI_{i}'] = 'sk-proj-' + rs(AN + '-_', 48) + 'T3BlbkFJ' + rs(AN + '-_', 20)
    V[f'OPENAIOLD_{i}'] = 'sk-' + rs(AN, 20) + 'T3BlbkFJ' + rs(AN, 20)
    V[f'ANTH_{i}'] = 'sk-ant-api03-' + rs(AN + '-_', 93) + 'AA'
    V[f'SG_{i}'] = 'SG.' + rs(AN + '-_', 22) + '.' + rs(AN + '-_', 43)
    V[f'TWSK_{i}'] = 'SK' + rs(HEX, 32)
    V[f'TWTOK_{i}'] = rs(HEX, 32)
    V[f'NPM_{i}'] = 'npm_' + rs(AN, 36)
    V[f'PYPI_{i}'] = 'pypi-AgEIcHlwaS5vcmc' + rs(AN + '-_', 60)
    V[f'HF_{i}'] = 'hf_' + rs(UP + LO, 34)
    V[f'AZKEY_{i}'] = base64.b64encode(bytes(R.getrandbits(8) for _ in range(64))).decode()
    V[f'WHSEC_{i}'] = 'whsec_' + rs(AN, 32)
    V[f'SHPAT_{i}'] = 'shpat_' + rs(HEX, 32)
    V[f'DOP_{i}'] = 'dop_v1_' + rs(HEX, 64)
    V[f'TOK_{i}'] = rs(AN, R.choice([24, 32, 40]))
    V[f'HEXTOK_{i}'] = rs(HEX, R.choice([32, 40, 64]))
    V[f'B64TOK_{i}'] = b64u(bytes(R.getrandbits(8) for _ in range(R.choice([24, 32, 48]))))
    V[f'MAILGUN_{i}'] = 'key-' + rs(HEX, 32)
    V[f'DISCORD_{i}'] = rs(AN, 24) + '.' + rs(AN + '-_', 6) + '.' + rs(AN + '-_', 38)
    V[f'SQUARE_{i}'] = 'EAAA' + rs(AN + '-_', 60)
    V[f'DD_{i}'] = rs(HEX, 32)
    V[f'TGBOT_{i}'] = str(R.randint(1000000000, 7999999999)) + ':AA' + rs(AN + '-_', 33)
# private key body (base64 lines)
for i in range(1, 4):
    raw = base64.b64encode(bytes(R.getrandbits(8) for _ in range(R.choice([180, 240])))).decode()
    body = '\n'.join(raw[j:j+64] for j in range(0, len(raw), 64))
    V[f'PKBODY_{i}'] = body
# recovery codes
for i in range(1, 6):
    V[f'RECOV_{i}'] = rs(LO + DI, 5) + '-' + rs(LO + DI, 5)
# URL tokens
for i in range(1, 21):
    V[f'UTOK_{i}'] = R.choice([rs(AN, 32), rs(HEX, 40), b64u(bytes(R.getrandbits(8) for _ in range(24))), rs(AN + '-_', 43)])
for i in range(1, 6):
    V[f'SASSIG_{i}'] = base64.b64encode(bytes(R.getrandbits(8) for _ in range(32))).decode().replace('+', '%2B').replace('/', '%2F').replace('=', '%3D')
    V[f'AMZSIG_{i}'] = rs(HEX, 64)

# ---- look-alike hashes ----
for i in range(1, 16):
    V[f'SHA1_{i}'] = rs(HEX, 40)
    V[f'SHORTSHA_{i}'] = rs(HEX, 7)
    V[f'SHA256_{i}'] = rs(HEX, 64)
    V[f'UUID_{i}'] = str(uuid.UUID(int=R.getrandbits(128), version=4))
    V[f'MD5_{i}'] = rs(HEX, 32)
for i in range(1, 6):
    fp = rs(HEX, 40).upper(); V[f'FPR_{i}'] = ' '.join(fp[j:j+4] for j in range(0, 40, 4))
    fp = rs(HEX, 64).upper(); V[f'CERTFP_{i}'] = ':'.join(fp[j:j+2] for j in range(0, 64, 2))
    V[f'SSHPUB_{i}'] = 'AAAAC3NzaC1lZDI1NTE5AAAAI' + rs(AN + '+/', 43)
    V[f'SSHFP_{i}'] = 'SHA256:' + rs(AN + '+/', 43)

out = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'values.json')
json.dump(V, open(out, 'w'), indent=1, sort_keys=True)
print(len(V), 'values ->', out)
