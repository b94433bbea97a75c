#!/usr/bin/env python3
"""Validate pii.jsonl (stdlib only). Exit code 1 on any failure."""
import base64, collections, ipaddress, json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
TYPES = {'PERSON', 'ADDRESS', 'PHONE', 'EMAIL', 'IBAN', 'CREDIT_CARD', 'US_SSN', 'IP_ADDRESS', 'DATE_OF_BIRTH',
         'PASSPORT', 'SECRET', 'AWS_ACCESS_KEY', 'GOOGLE_API_KEY', 'JWT', 'URL_TOKEN'}
MIN = {'records': 320, 'entities': 650, 'PERSON': 350, 'ADDRESS': 80, 'other_types': 200, 'non_entities': 250}
fails, notes = [], []

def luhn(s):
    d = [int(c) for c in s if c.isdigit()]
    t = 0
    for i, x in enumerate(reversed(d)):
        if i % 2:
            x *= 2
            if x > 9: x -= 9
        t += x
    return t % 10 == 0

def iban_ok(s):
    s = s.replace(' ', '').upper()
    if not re.fullmatch(r'[A-Z]{2}\d{2}[A-Z0-9]{8,30}', s): return False
    r = s[4:] + s[:4]
    return int(''.join(str(int(c, 36)) for c in r)) % 97 == 1

def ssn_ok(s):
    d = re.sub(r'[ -]', '', s)
    if not re.fullmatch(r'\d{9}', d): return False
    a, g, n = d[:3], d[3:5], d[5:]
    return a not in ('000', '666') and a[0] != '9' and g != '00' and n != '0000'

def ip_ok(s):
    try: ipaddress.ip_address(s); return True
    except ValueError: return False

def jwt_ok(s):
    parts = s.split('.')
    if len(parts) != 3: return False
    try:
        h = json.loads(base64.urlsafe_b64decode(parts[0] + '=' * (-len(parts[0]) % 4)))
        json.loads(base64.urlsafe_b64decode(parts[1] + '=' * (-len(parts[1]) % 4)))
        return 'alg' in h
    except Exception: return False

ENT_CHECK = {
    'CREDIT_CARD': lambda v: 13 <= len(re.sub(r'[ -]', '', v)) <= 19 and re.fullmatch(r'[\d -]+', v) and luhn(v),
    'IBAN': iban_ok, 'US_SSN': ssn_ok, 'IP_ADDRESS': ip_ok, 'JWT': jwt_ok,
    'AWS_ACCESS_KEY': lambda v: re.fullmatch(r'AKIA[A-Z0-9]{16}', v),
    'GOOGLE_API_KEY': lambda v: re.fullmatch(r'AIza[0-9A-Za-z_\-]{35}', v),
    'EMAIL': lambda v: re.fullmatch(r'[^@\s]+(@|%40)[^@\s]+\.[a-z]{2,}', v),
    'PHONE': lambda v: 7 <= len(re.sub(r'\D', '', v)) <= 15,
}
NON_MUST_FAIL = {'INVALID_CARD': lambda v: not luhn(v), 'TYPO_CARD': lambda v: not luhn(v),
                 'INVALID_IBAN': lambda v: not iban_ok(v), 'INVALID_SSN': lambda v: not ssn_ok(v),
                 'INVALID_IP': lambda v: not ip_ok(v), 'EXAMPLE_KEY': lambda v: v.endswith('EXAMPLE')}

path = os.path.join(HERE, 'pii.jsonl')
recs = []
for i, line in enumerate(open(path, encoding='utf-8'), 1):
    try: recs.append(json.loads(line))
    except json.JSONDecodeError as e: fails.append(f'line {i}: bad JSON {e}')

ids, texts = collections.Counter(), collections.Counter()
tc, nc, lang = collections.Counter(), collections.Counter(), collections.Counter()
for r in recs:
    rid = r.get('id', '?')
    if set(r) != {'id', 'lang', 'text', 'entities', 'non_entities'}: fails.append(f'{rid}: keys {sorted(r)}')
    if not re.fullmatch(r'pii9-\d{4}', rid): fails.append(f'{rid}: bad id')
    if r['lang'] not in ('en', 'de', 'fr', 'es'): fails.append(f'{rid}: lang {r["lang"]}')
    ids[rid] += 1; texts[r['text']] += 1; lang[r['lang']] += 1
    if not r['entities'] and not r['non_entities']: notes.append(f'{rid}: no annotations')
    ent_vals = set()
    for e in r['entities']:
        if set(e) != {'type', 'value'}: fails.append(f'{rid}: entity keys {e}')
        if e['type'] not in TYPES: fails.append(f'{rid}: unknown type {e["type"]}')
        if not e['value'] or e['value'] not in r['text']: fails.append(f'{rid}: entity not substring {e["value"]!r}')
        chk = ENT_CHECK.get(e['type'])
        if chk and not chk(e['value']): fails.append(f'{rid}: {e["type"]} fails check: {e["value"]!r}')
        tc[e['type']] += 1; ent_vals.add(e['value'])
    for n in r['non_entities']:
        if set(n) != {'type', 'value'}: fails.append(f'{rid}: non_entity keys {n}')
        if n['type'] in TYPES: fails.append(f'{rid}: non_entity uses entity type name {n["type"]}')
        if not n['value'] or n['value'] not in r['text']: fails.append(f'{rid}: non_entity not substring {n["value"]!r}')
        if n['value'] in ent_vals: fails.append(f'{rid}: value is both entity and non_entity {n["value"]!r}')
        chk = NON_MUST_FAIL.get(n['type'])
        if chk and not chk(n['value']): fails.append(f'{rid}: non_entity {n["type"]} unexpectedly valid {n["value"]!r}')
        digits = re.sub(r'[ -]', '', n['value'])
        if re.fullmatch(r'[3-6]\d{12,18}', digits) and luhn(digits):
            fails.append(f'{rid}: card-like non_entity passes Luhn {n["value"]!r}')
        if re.fullmatch(r'[A-Z]{2}\d{2}[A-Z0-9 ]{10,}', n['value']) and iban_ok(n['value']):
            fails.append(f'{rid}: IBAN-like non_entity passes mod-97 {n["value"]!r}')
        nc[n['type']] += 1

for k, v in ids.items():
    if v > 1: fails.append(f'duplicate id {k}')
for k, v in texts.items():
    if v > 1: fails.append(f'duplicate text {k[:60]!r}')

n_rec = len(recs); n_ent = sum(tc.values()); n_non = sum(nc.values())
other = n_ent - tc['PERSON'] - tc['ADDRESS']
got = {'records': n_rec, 'entities': n_ent, 'PERSON': tc['PERSON'], 'ADDRESS': tc['ADDRESS'],
       'other_types': other, 'non_entities': n_non}
for k, m in MIN.items():
    if got[k] < m: fails.append(f'minimum not met: {k} {got[k]} < {m}')
missing = TYPES - set(tc)
if missing: fails.append(f'entity types never used: {sorted(missing)}')
share = (lang['de'] + lang['fr'] + lang['es']) / max(n_rec, 1)
if not 0.25 <= share <= 0.30: fails.append(f'DE/FR/ES share {share:.3f} outside 0.25-0.30')

out = []
out.append(f'file: {path}')
out.append(f'records: {n_rec}  entities: {n_ent}  non_entities: {n_non}')
out.append(f'PERSON: {tc["PERSON"]}  ADDRESS: {tc["ADDRESS"]}  other entity types: {other}')
out.append('languages: ' + ', '.join(f'{k}={v}' for k, v in sorted(lang.items())) + f'  (de+fr+es share {share:.1%})')
out.append('entity types:')
for k, v in tc.most_common(): out.append(f'  {k:16s} {v}')
out.append(f'non_entity labels ({len(nc)} distinct):')
for k, v in nc.most_common(): out.append(f'  {k:20s} {v}')
out.append('checks: schema keys, id pattern/uniqueness, text uniqueness, substring, allowed types, '
           'Luhn (cards), mod-97 (IBAN), SSN area/group/serial, ipaddress parse, JWT header decode, '
           'AWS/Google key shape, invalid look-alikes fail their checksum, no value both entity and non_entity, '
           'minimum counts, language share')
for n in notes: out.append('note: ' + n)
out.append(f'FAILURES: {len(fails)}')
out += ['  ' + f for f in fails]
out.append('RESULT: ' + ('PASS' if not fails else 'FAIL'))
txt = '\n'.join(out) + '\n'
open(os.path.join(HERE, 'validate_output.txt'), 'w', encoding='utf-8').write(txt)
print(txt)
sys.exit(1 if fails else 0)
