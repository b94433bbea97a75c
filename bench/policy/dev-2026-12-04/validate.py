"""Stdlib validator for pii.jsonl (schema, ids, texts, counts, language shares, checksums)."""
import base64, json, os, re, sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
TYPES = {'PERSON', 'ADDRESS', 'PHONE', 'EMAIL', 'IBAN', 'CREDIT_CARD', 'US_SSN', 'IP_ADDRESS',
         'DATE_OF_BIRTH', 'PASSPORT', 'SECRET', 'AWS_ACCESS_KEY', 'GOOGLE_API_KEY', 'JWT', 'URL_TOKEN'}
MIN = {'records': 320, 'entities': 650, 'PERSON': 350, 'ADDRESS': 80, 'OTHER': 200, 'non_entities': 250}
errors = []
def err(m): errors.append(m)

def iban_ok(v):
    s = re.sub(r'[\s-]', '', v).upper()
    if not re.fullmatch(r'[A-Z]{2}\d{2}[A-Z0-9]{10,30}', s): return False
    s = s[4:] + s[:4]
    return int(''.join(str(int(c, 36)) for c in s)) % 97 == 1

def luhn_ok(v):
    d = re.sub(r'[\s-]', '', v)
    if not d.isdigit() or not 13 <= len(d) <= 19: return False
    t = 0
    for i, c in enumerate(reversed(d)):
        x = int(c)
        if i % 2: x = x * 2 - 9 if x * 2 > 9 else x * 2
        t += x
    return t % 10 == 0

def ssn_ok(v):
    m = re.fullmatch(r'(\d{3})[- ]?(\d{2})[- ]?(\d{4})', v)
    if not m: return False
    a, g, s = m.groups()
    return a not in ('000', '666') and a[0] != '9' and g != '00' and s != '0000'

def ip_ok(v):
    if ':' in v:
        return re.fullmatch(r'[0-9A-Fa-f:]+', v) is not None and v.count(':') >= 2
    p = v.split('.')
    return len(p) == 4 and all(x.isdigit() and int(x) < 256 for x in p)

def jwt_ok(v):
    p = v.split('.')
    if len(p) != 3: return False
    try:
        h = json.loads(base64.urlsafe_b64decode(p[0] + '=' * (-len(p[0]) % 4)))
        json.loads(base64.urlsafe_b64decode(p[1] + '=' * (-len(p[1]) % 4)))
        return 'alg' in h
    except Exception:
        return False

CHECK = {
    'IBAN': iban_ok, 'CREDIT_CARD': luhn_ok, 'US_SSN': ssn_ok, 'IP_ADDRESS': ip_ok, 'JWT': jwt_ok,
    'AWS_ACCESS_KEY': lambda v: re.fullmatch(r'(AKIA|ASIA)[A-Z2-7]{16}', v) is not None,
    'GOOGLE_API_KEY': lambda v: re.fullmatch(r'AIza[0-9A-Za-z_\-]{35}', v) is not None,
    'EMAIL': lambda v: re.fullmatch(r'[^@\s]+@[^@\s]+\.[A-Za-z]{2,}', v) is not None,
    'PHONE': lambda v: len(re.sub(r'\D', '', v)) >= 7,
}
# look-alike labels that must FAIL the corresponding check
MUST_FAIL = {'INVALID_IBAN': iban_ok, 'INVALID_CARD': luhn_ok, 'INVALID_SSN': ssn_ok}

recs = []
ids, texts = set(), set()
for n, line in enumerate(open(os.path.join(HERE, 'pii.jsonl'), encoding='utf-8'), 1):
    try:
        r = json.loads(line)
    except Exception as e:
        err(f'line {n}: bad json {e}'); continue
    recs.append(r)
    if set(r) != {'id', 'lang', 'text', 'entities', 'non_entities'}: err(f'line {n}: keys {sorted(r)}')
    if not re.fullmatch(r'pd7-\d{4}', r['id']): err(f'{r["id"]}: bad id')
    if r['id'] in ids: err(f'{r["id"]}: duplicate id')
    ids.add(r['id'])
    if r['text'] in texts: err(f'{r["id"]}: duplicate text')
    texts.add(r['text'])
    for key in ('entities', 'non_entities'):
        for e in r[key]:
            if set(e) != {'type', 'value'} or not e['value']: err(f'{r["id"]}: bad item {e}')
            if e['value'] not in r['text']: err(f'{r["id"]}: not a substring: {e}')
            if key == 'entities':
                if e['type'] not in TYPES: err(f'{r["id"]}: unknown type {e["type"]}')
                f = CHECK.get(e['type'])
                if f and not f(e['value']): err(f'{r["id"]}: {e["type"]} check failed: {e["value"]}')
            else:
                if e['type'] in TYPES: err(f'{r["id"]}: non_entity uses entity type name {e["type"]}')
                f = MUST_FAIL.get(e['type'])
                if f and f(e['value']): err(f'{r["id"]}: {e["type"]} unexpectedly passes checksum: {e["value"]}')
    ev = {e['value'] for e in r['entities']}
    for e in r['non_entities']:
        if e['value'] in ev: err(f'{r["id"]}: value both entity and non_entity: {e["value"]}')
        for v in ev:
            if e['value'] in v or v in e['value']:
                err(f'{r["id"]}: entity {v!r} and non_entity {e["value"]!r} overlap')

tc = Counter(e['type'] for r in recs for e in r['entities'])
nc = Counter(e['type'] for r in recs for e in r['non_entities'])
lc = Counter(r['lang'] for r in recs)
n_ent = sum(tc.values()); n_non = sum(nc.values())
other = n_ent - tc['PERSON'] - tc['ADDRESS']
print(f'records: {len(recs)}')
print(f'entities: {n_ent}  (PERSON {tc["PERSON"]}, ADDRESS {tc["ADDRESS"]}, other types {other})')
for t in sorted(TYPES): print(f'  {t:16s} {tc[t]}')
print(f'non_entities: {n_non}')
for t, c in nc.most_common(): print(f'  {t:16s} {c}')
print('languages:', dict(lc.most_common()))
share = sum(lc[l] for l in ('de', 'fr', 'es')) / max(1, len(recs))
print(f'DE/FR/ES share: {share:.1%}')
print('records without entities:', sum(1 for r in recs if not r['entities']))
for k, v in [('records', len(recs)), ('entities', n_ent), ('PERSON', tc['PERSON']), ('ADDRESS', tc['ADDRESS']),
             ('OTHER', other), ('non_entities', n_non)]:
    if v < MIN[k]: err(f'minimum not met: {k} {v} < {MIN[k]}')
if not 0.25 <= share <= 0.30: err(f'DE/FR/ES share {share:.1%} outside 25-30%')
for t in TYPES:
    if tc[t] == 0: err(f'no entity of type {t}')
print('ERRORS:' if errors else 'OK: no errors')
for e in errors: print('  ' + e)
sys.exit(1 if errors else 0)
