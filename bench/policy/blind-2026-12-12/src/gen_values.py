#!/usr/bin/env python3
"""Seeded generator for synthetic format values (IBAN, cards, tokens, keys, JWTs ...).
Output: src/values.json  (name -> value). Records in src/records_*.txt refer to them as {{name}}
(optionally {{name|g}} = groups of 4 separated by spaces, {{name|d}} = groups of 4 with dashes,
{{name|a}} = Amex 4-6-5 grouping). All values are random; none is a real credential/account."""
import json, random, string, base64, hashlib, os

R = random.Random(1412)
UP = string.ascii_uppercase
AN = string.ascii_letters + string.digits
UAN = string.ascii_uppercase + string.digits
HEX = '0123456789abcdef'
B64 = string.ascii_letters + string.digits + '+/'
B64U = string.ascii_letters + string.digits + '-_'

def rs(alpha, n): return ''.join(R.choice(alpha) for _ in range(n))
def digits(n): return ''.join(R.choice('0123456789') for _ in range(n))

def iban_check(cc, bban):
    s = bban + cc + '00'
    num = ''.join(str(int(c, 36)) for c in s)
    return '%02d' % (98 - int(num) % 97)

def iban_valid(iban):
    s = iban.replace(' ', '')
    s = s[4:] + s[:4]
    return int(''.join(str(int(c, 36)) for c in s)) % 97 == 1

# BBAN layouts: d=digit, a=upper letter, c=upper alnum
LAYOUT = {
 'DE': 'd'*18, 'FR': 'd'*10 + 'c'*11 + 'd'*2, 'ES': 'd'*20, 'IT': 'a' + 'd'*10 + 'c'*12,
 'NL': 'aaaa' + 'd'*10, 'GB': 'aaaa' + 'd'*14, 'BE': 'd'*12, 'AT': 'd'*16, 'CH': 'd'*5 + 'c'*12,
 'PL': 'd'*24, 'PT': 'd'*21, 'IE': 'aaaa' + 'd'*14, 'LU': 'd'*3 + 'c'*13, 'SE': 'd'*20,
 'DK': 'd'*14, 'NO': 'd'*11, 'FI': 'd'*14, 'GR': 'd'*7 + 'c'*16, 'HR': 'd'*17, 'CZ': 'd'*20,
 'RO': 'aaaa' + 'c'*16, 'TR': 'd'*5 + '0' + 'c'*16, 'SA': 'dd' + 'c'*18, 'AE': 'd'*19, 'MT': 'aaaa' + 'd'*5 + 'c'*18,
}
def bban(cc):
    out = ''
    for ch in LAYOUT[cc]:
        out += {'d': R.choice('0123456789'), 'a': R.choice(UP), 'c': R.choice(UAN), '0': '0'}[ch]
    if cc == 'FR':  # keep FR mostly numeric like real RIBs
        out = digits(21) + digits(2)
    return out
def make_iban(cc):
    b = bban(cc)
    return cc + iban_check(cc, b) + b

def luhn_ok(num):
    s = 0
    for i, ch in enumerate(reversed(num)):
        d = int(ch)
        if i % 2: d = d * 2 - 9 if d > 4 else d * 2
        s += d
    return s % 10 == 0
def luhn_complete(prefix, length):
    body = prefix + digits(length - len(prefix) - 1)
    for c in '0123456789':
        if luhn_ok(body + c): return body + c
def luhn_bad(prefix, length):
    n = luhn_complete(prefix, length)
    last = str((int(n[-1]) + R.randint(1, 9)) % 10)
    return n[:-1] + last

def b64u(b): return base64.urlsafe_b64encode(b).decode().rstrip('=')
def jwt(payload, alg='HS256'):
    h = b64u(json.dumps({'alg': alg, 'typ': 'JWT'}, separators=(',', ':')).encode())
    p = b64u(json.dumps(payload, separators=(',', ':')).encode())
    sig = b64u(bytes(R.getrandbits(8) for _ in range(32 if alg == 'HS256' else 64)))
    return h + '.' + p + '.' + sig

V = {}
for cc in LAYOUT:
    for i in range(1, 4):
        V['iban_%s_%d' % (cc.lower(), i)] = make_iban(cc)
# invalid IBAN look-alikes (wrong check digits)
for i, cc in enumerate(['DE', 'FR', 'ES', 'GB', 'NL', 'IT', 'BE', 'AT'], 1):
    good = make_iban(cc)
    bad = good[:2] + '%02d' % ((int(good[2:4]) + 7) % 97 + 2) + good[4:]
    if iban_valid(bad): bad = good[:2] + '%02d' % ((int(good[2:4]) + 13) % 97 + 2) + good[4:]
    assert not iban_valid(bad)
    V['badiban_%d' % i] = bad
CARDS = {'visa': ('4', 16), 'mc': ('5' , 16), 'amex': ('37', 15), 'disc': ('6011', 16), 'mc2': ('2221', 16), 'jcb': ('3528', 16)}
for k, (p, n) in CARDS.items():
    for i in range(1, 6):
        pref = p if k != 'mc' else '5' + R.choice('12345')
        V['cc_%s_%d' % (k, i)] = luhn_complete(pref, n)
    for i in range(1, 4):
        pref = p if k != 'mc' else '5' + R.choice('12345')
        V['badcc_%s_%d' % (k, i)] = luhn_bad(pref, n)
for i in range(1, 8):
    V['aws_id_%d' % i] = R.choice(['AKIA', 'AKIA', 'ASIA']) + rs(UP + '234567', 16)
    V['aws_secret_%d' % i] = rs(string.ascii_letters + string.digits + '/+', 40)
    V['gkey_%d' % i] = 'AIza' + rs(AN + '-_', 35)
for i in range(1, 13):
    V['ghp_%d' % i] = 'ghp_' + rs(AN, 36)
    V['tok32_%d' % i] = rs(HEX, 32)
    V['tok40_%d' % i] = rs(HEX, 40)
    V['b64_%d' % i] = rs(AN, 43)
    V['urlt_%d' % i] = rs(B64U, R.choice([22, 32, 43]))
    V['sha256_%d' % i] = hashlib.sha256(str(R.random()).encode()).hexdigest()
    V['sha1_%d' % i] = hashlib.sha1(str(R.random()).encode()).hexdigest()
    V['uuid_%d' % i] = '%s-%s-4%s-%s%s-%s' % (rs(HEX, 8), rs(HEX, 4), rs(HEX, 3), R.choice('89ab'), rs(HEX, 3), rs(HEX, 12))
for i in range(1, 5):
    V['ghpat_%d' % i] = 'github_pat_11' + rs(UAN, 20) + '_' + rs(AN, 59)
    V['glpat_%d' % i] = 'glpat-' + rs(AN + '-_', 20)
    V['xoxb_%d' % i] = 'xoxb-%s-%s-%s' % (digits(11), digits(13), rs(AN, 24))
    V['xoxp_%d' % i] = 'xoxp-%s-%s-%s-%s' % (digits(11), digits(12), digits(13), rs(HEX, 32))
    V['sklive_%d' % i] = 'sk_live_51' + rs(AN, 97)
    V['rklive_%d' % i] = 'rk_live_51' + rs(AN, 60)
    V['openai_%d' % i] = 'sk-proj-' + rs(AN + '-_', 74) + 'T3BlbkFJ' + rs(AN + '-_', 74)
    V['anthropic_%d' % i] = 'sk-ant-api03-' + rs(AN + '-_', 93) + 'AA'
    V['sendgrid_%d' % i] = 'SG.' + rs(AN + '-_', 22) + '.' + rs(AN + '-_', 43)
    V['twilio_sk_%d' % i] = 'SK' + rs(HEX, 32)
    V['twilio_ac_%d' % i] = 'AC' + rs(HEX, 32)
    V['npm_%d' % i] = 'npm_' + rs(AN, 36)
    V['pypi_%d' % i] = 'pypi-AgEIcHlwaS5vcmc' + rs(AN + '-_', 60)
    V['hf_%d' % i] = 'hf_' + rs(string.ascii_letters, 34)
    V['azkey_%d' % i] = rs(AN + '+/', 86) + '=='
    V['shpat_%d' % i] = 'shpat_' + rs(HEX, 32)
    V['mailgun_%d' % i] = 'key-' + rs(HEX, 32)
    V['whsec_%d' % i] = 'whsec_' + rs(AN, 32)
    V['dckr_%d' % i] = 'dckr_pat_' + rs(AN + '-_', 27)
    V['docker_digest_%d' % i] = 'sha256:' + hashlib.sha256(str(R.random()).encode()).hexdigest()
    V['sshpub_%d' % i] = 'AAAAC3NzaC1lZDI1NTE5AAAAI' + rs(AN + '+/', 43)
    V['fpr_%d' % i] = ':'.join(rs('0123456789ABCDEF', 2) for _ in range(20))
    V['pk_body_%d' % i] = '\n'.join(rs(AN + '+/', 64) for _ in range(4)) + '\n' + rs(AN + '+/', 28) + '='
    V['pklive_%d' % i] = 'pk_live_51' + rs(AN, 60)
    V['recov_%d' % i] = '  '.join('%s-%s' % (rs('abcdefghjkmnpqrstuvwxyz23456789', 5), rs('abcdefghjkmnpqrstuvwxyz23456789', 5)) for _ in range(4))
    V['sas_sig_%d' % i] = rs(AN, 30) + '%2B' + rs(AN, 9) + '%3D'
    V['amz_sig_%d' % i] = rs(HEX, 64)
names = ['amelie.roux', 'j.okafor', 'hkowalski', 'mfernandez', 'sgupta', 'lvdberg', 't.nakamura', 'ebrown']
for i in range(1, 9):
    sub = R.choice(names)
    V['jwt_%d' % i] = jwt({'sub': sub, 'iat': 1760000000 + R.randint(0, 9999999), 'exp': 1769000000 + R.randint(0, 999999), 'role': R.choice(['admin', 'user', 'support'])},
                          alg=R.choice(['HS256', 'HS256', 'RS256']))
V['jwt_example_header'] = b64u(b'{"alg":"HS256","typ":"JWT"}')

out = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'values.json')
with open(out, 'w') as f:
    json.dump(V, f, indent=1, sort_keys=True)
print('wrote', len(V), 'values to', out)
