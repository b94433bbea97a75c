#!/usr/bin/env python3
"""Seeded generator for synthetic format values (stdlib only).
Writes values.json: {name: value}. Records in records_*.txt reference them as {{name}}.
All values are random/synthetic; none is a real key or account."""
import random, json, base64, string, hashlib, uuid

R = random.Random(1312)
AN = string.ascii_letters + string.digits
UP = string.ascii_uppercase + string.digits
HEX = '0123456789abcdef'
B64 = string.ascii_letters + string.digits + '+/'
B64U = string.ascii_letters + string.digits + '-_'
def rs(chars, n): return ''.join(R.choice(chars) for _ in range(n))
def digits(n): return ''.join(R.choice('0123456789') for _ in range(n))

V = {}
# ---------- IBAN ----------
BBAN_LEN = {  # country: (bban builder)
 'DE': lambda: digits(18), 'AT': lambda: digits(16), 'CH': lambda: digits(17),
 'FR': lambda: digits(10) + rs(UP, 11) + digits(2), 'ES': lambda: digits(20),
 'IT': lambda: rs(string.ascii_uppercase, 1) + digits(10) + rs(UP, 12),
 'NL': lambda: rs(string.ascii_uppercase, 4) + digits(10), 'BE': lambda: digits(12),
 'GB': lambda: rs(string.ascii_uppercase, 4) + digits(14), 'IE': lambda: rs(string.ascii_uppercase, 4) + digits(14),
 'PL': lambda: digits(24), 'PT': lambda: digits(21), 'LU': lambda: digits(3) + rs(UP, 13),
 'SE': lambda: digits(20), 'DK': lambda: digits(14), 'NO': lambda: digits(11), 'FI': lambda: digits(14),
 'CZ': lambda: digits(20), 'GR': lambda: digits(7) + rs(UP, 16), 'RO': lambda: rs(string.ascii_uppercase, 4) + rs(UP, 16),
 'HR': lambda: digits(17), 'MT': lambda: rs(string.ascii_uppercase, 4) + digits(5) + rs(UP, 18),
 'SA': lambda: digits(2) + rs(UP, 18), 'TR': lambda: digits(5) + '0' + rs(UP, 16),
}
def iban_check(cc, bban):
    s = bban + cc + '00'
    n = int(''.join(str(int(c, 36)) for c in s))
    return '%02d' % (98 - n % 97)
def iban_valid(ib):
    ib = ib.replace(' ', '')
    s = ib[4:] + ib[:4]
    return int(''.join(str(int(c, 36)) for c in s)) % 97 == 1
def group4(s): return ' '.join(s[i:i+4] for i in range(0, len(s), 4))
for cc, f in BBAN_LEN.items():
    for i in (1, 2):
        b = f(); ib = cc + iban_check(cc, b) + b
        assert iban_valid(ib)
        V[f'iban_{cc.lower()}_{i}'] = ib
        V[f'iban_{cc.lower()}_{i}_g'] = group4(ib)
    # invalid look-alike: wrong check digits
    b = f(); ck = iban_check(cc, b); bad = '%02d' % ((int(ck) + 7) % 97 or 13)
    ib = cc + bad + b
    assert not iban_valid(ib)
    V[f'badiban_{cc.lower()}'] = ib
    V[f'badiban_{cc.lower()}_g'] = group4(ib)
# ---------- cards ----------
def luhn_ok(num):
    d = [int(c) for c in num if c.isdigit()]
    s = 0
    for i, x in enumerate(reversed(d)):
        if i % 2: x = x*2; x = x-9 if x > 9 else x
        s += x
    return s % 10 == 0
def luhn_complete(prefix, length):
    body = prefix + digits(length - len(prefix) - 1)
    for c in '0123456789':
        if luhn_ok(body + c): return body + c
PFX = {'visa': ('4', 16), 'mc': ('5', 16), 'mc2': ('2221', 16), 'amex': ('37', 15), 'disc': ('6011', 16), 'jcb': ('35', 16), 'visa13': ('4', 16), 'maestro': ('6759', 16)}
for k, (p, L) in PFX.items():
    for i in (1, 2, 3):
        if k == 'mc': p2 = '5' + R.choice('12345')
        else: p2 = p
        n = luhn_complete(p2, L)
        V[f'cc_{k}_{i}'] = n
        if L == 15: V[f'cc_{k}_{i}_s'] = n[:4]+' '+n[4:10]+' '+n[10:]; V[f'cc_{k}_{i}_d'] = n[:4]+'-'+n[4:10]+'-'+n[10:]
        else:
            V[f'cc_{k}_{i}_s'] = group4(n); V[f'cc_{k}_{i}_d'] = '-'.join(n[j:j+4] for j in range(0, 16, 4))
        # luhn-invalid twin
        bad = n[:-1] + str((int(n[-1]) + 3) % 10)
        assert not luhn_ok(bad)
        V[f'badcc_{k}_{i}'] = bad; V[f'badcc_{k}_{i}_s'] = group4(bad) if L == 16 else bad
# ---------- SSN ----------
for i in range(1, 16):
    while True:
        a = R.randint(1, 899)
        if a != 666: break
    g = R.randint(1, 99); s = R.randint(1, 9999)
    V[f'ssn_{i}'] = f'{a:03d}-{g:02d}-{s:04d}'
    V[f'ssn_{i}_sp'] = f'{a:03d} {g:02d} {s:04d}'
    V[f'ssn_{i}_nd'] = f'{a:03d}{g:02d}{s:04d}'
    V[f'ein_{i}'] = f'{R.randint(10,99)}-{digits(7)}'
# ---------- cloud keys ----------
for i in range(1, 15):
    V[f'aws_akid_{i}'] = R.choice(['AKIA', 'AKIA', 'ASIA']) + rs(string.ascii_uppercase + '234567', 16)
    V[f'aws_secret_{i}'] = rs(string.ascii_letters + string.digits + '+/', 40)
    V[f'gkey_{i}'] = 'AIza' + 'Sy' + rs(B64U, 33)
# ---------- JWT ----------
def b64u(b): return base64.urlsafe_b64encode(b).rstrip(b'=').decode()
for i in range(1, 15):
    hdr = {'alg': R.choice(['HS256', 'RS256', 'ES256']), 'typ': 'JWT'}
    pl = {'sub': digits(R.randint(5, 9)), 'iat': 1760000000 + R.randint(0, 9999999), 'role': R.choice(['user', 'admin', 'svc', 'viewer'])}
    if R.random() < .5: pl['exp'] = pl['iat'] + 3600
    sig = bytes(R.randrange(256) for _ in range(32 if hdr['alg'] == 'HS256' else 64))
    V[f'jwt_{i}'] = b64u(json.dumps(hdr, separators=(',', ':')).encode()) + '.' + b64u(json.dumps(pl, separators=(',', ':')).encode()) + '.' + b64u(sig)
# ---------- provider tokens ----------
for i in range(1, 13):
    V[f'ghp_{i}'] = 'ghp_' + rs(AN, 36)
    V[f'ghpat_{i}'] = 'github_pat_' + rs(UP, 22) + '_' + rs(AN, 59)
    V[f'gho_{i}'] = 'gho_' + rs(AN, 36)
    V[f'glpat_{i}'] = 'glpat-' + rs(AN + '-_', 20)
    V[f'xoxb_{i}'] = f'xoxb-{digits(11)}-{digits(13)}-{rs(AN, 24)}'
    V[f'xoxp_{i}'] = f'xoxp-{digits(11)}-{digits(11)}-{digits(13)}-{rs(HEX, 32)}'
    V[f'slackhook_{i}'] = f'T{rs(UP,8)}/B{rs(UP,10)}/{rs(AN,24)}'
    V[f'sk_live_{i}'] = 'sk_live_' + rs(AN, 99)
    V[f'sk_live_short_{i}'] = 'sk_live_' + rs(AN, 24)
    V[f'rk_live_{i}'] = 'rk_live_' + rs(AN, 99)
    V[f'whsec_{i}'] = 'whsec_' + rs(AN, 32)
    V[f'openai_{i}'] = 'sk-proj-' + rs(B64U, 48) + 'T3BlbkFJ' + rs(B64U, 48)
    V[f'openai_old_{i}'] = 'sk-' + rs(AN, 20) + 'T3BlbkFJ' + rs(AN, 20)
    V[f'anthropic_{i}'] = 'sk-ant-api03-' + rs(B64U, 93) + 'AA'
    V[f'sendgrid_{i}'] = 'SG.' + rs(B64U, 22) + '.' + rs(B64U, 43)
    V[f'twilio_sk_{i}'] = 'SK' + rs(HEX, 32)
    V[f'twilio_ac_{i}'] = 'AC' + rs(HEX, 32)
    V[f'twilio_tok_{i}'] = rs(HEX, 32)
    V[f'npm_{i}'] = 'npm_' + rs(AN, 36)
    V[f'pypi_{i}'] = 'pypi-AgEIcHlwaS5vcmc' + rs(B64U, 60)
    V[f'hf_{i}'] = 'hf_' + rs(string.ascii_letters, 34)
    V[f'azure_key_{i}'] = rs(B64, 86) + '=='
    V[f'azure_sas_sig_{i}'] = rs(AN, 43) + '%3D'
    V[f'dd_api_{i}'] = rs(HEX, 32)
    V[f'mailgun_{i}'] = 'key-' + rs(HEX, 32)
    V[f'shopify_{i}'] = 'shpat_' + rs(HEX, 32)
    V[f'doppler_{i}'] = 'dp.st.prd.' + rs(AN, 43)
    V[f'telegram_{i}'] = f'{digits(10)}:AA{rs(B64U, 33)}'
    V[f'discord_hook_{i}'] = rs(B64U, 68)
    V[f'hex32_{i}'] = rs(HEX, 32)
    V[f'hex40_{i}'] = rs(HEX, 40)
    V[f'hex64_{i}'] = rs(HEX, 64)
    V[f'b64u_{i}'] = rs(B64U, 43)
    V[f'b64u22_{i}'] = rs(B64U, 22)
    V[f'tok16_{i}'] = rs(AN, 16)
    V[f'tok24_{i}'] = rs(AN, 24)
    V[f'tok32_{i}'] = rs(AN, 32)
    V[f'pw_{i}'] = rs(AN + '!#%&*?@', 14)
    V[f's3sig_{i}'] = rs(HEX, 64)
    V[f'recovery_{i}'] = ' '.join(rs('abcdefghjkmnpqrstuvwxyz23456789', 5) + '-' + rs('abcdefghjkmnpqrstuvwxyz23456789', 5) for _ in range(4))
    V[f'privkey_{i}'] = '\n'.join(rs(B64, 64) for _ in range(6)) + '\n' + rs(B64, 28) + '=='
    V[f'sshpub_{i}'] = 'AAAAC3NzaC1lZDI1NTE5AAAAI' + rs(B64, 43)
# ---------- look-alike hashes ----------
for i in range(1, 15):
    V[f'sha1_{i}'] = rs(HEX, 40)
    V[f'sha7_{i}'] = rs(HEX, 7)
    V[f'sha256_{i}'] = rs(HEX, 64)
    V[f'uuid_{i}'] = str(uuid.UUID(int=R.getrandbits(128), version=4))
    V[f'md5_{i}'] = rs(HEX, 32)
    V[f'fpr_{i}'] = ':'.join(rs('0123456789ABCDEF', 2) for _ in range(20))
    V[f'sshfp_{i}'] = 'SHA256:' + rs(B64, 43)
# ---------- ISBN-13 (valid) ----------
for i in range(1, 13):
    b = '978' + digits(9)
    s = sum(int(c) * (1 if j % 2 == 0 else 3) for j, c in enumerate(b))
    V[f'isbn_{i}'] = b + str((10 - s % 10) % 10)

json.dump(V, open(__file__.replace('gen_values.py', 'values.json'), 'w'), indent=1, ensure_ascii=False)
print(len(V), 'values written')
