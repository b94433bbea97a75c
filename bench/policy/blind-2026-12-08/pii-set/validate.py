#!/usr/bin/env python3
"""Validate pii.jsonl; writes validate_output.txt."""
import json, os, re, collections
HERE = os.path.dirname(os.path.abspath(__file__))
TYPES = ['PERSON', 'ADDRESS', 'PHONE', 'EMAIL', 'CREDIT_CARD', 'IBAN', 'US_SSN', 'PASSPORT', 'DATE_OF_BIRTH',
         'IP_ADDRESS', 'GOOGLE_API_KEY', 'AWS_ACCESS_KEY', 'JWT', 'URL_TOKEN', 'SECRET']
out = []; errs = []; warns = []
def P(*a): out.append(' '.join(str(x) for x in a))
def luhn(n):
    d = [int(c) for c in n][::-1]; s = 0
    for i, x in enumerate(d):
        if i % 2: x *= 2; x = x - 9 if x > 9 else x
        s += x
    return s % 10 == 0
def iban_ok(s):
    s = re.sub(r'[\s-]', '', s).upper()
    if not re.fullmatch(r'[A-Z]{2}\d{2}[A-Z0-9]{8,30}', s): return False
    s = s[4:] + s[:4]
    return int(''.join(str(int(c, 36)) for c in s)) % 97 == 1
recs = [json.loads(l) for l in open(os.path.join(HERE, 'pii.jsonl'), encoding='utf-8')]
ids = set(); texts = set()
tc = collections.Counter(); nc = collections.Counter(); lc = collections.Counter()
for r in recs:
    if set(r) != {'id', 'lang', 'text', 'entities', 'non_entities'}: errs.append(f"{r.get('id')}: bad keys {sorted(r)}")
    if not re.fullmatch(r'pii12-\d{4}', r['id']): errs.append(f"bad id {r['id']}")
    if r['id'] in ids: errs.append(f"dup id {r['id']}")
    if r['text'] in texts: errs.append(f"dup text {r['id']}")
    ids.add(r['id']); texts.add(r['text']); lc[r['lang']] += 1
    spans = []
    for e in r['entities']:
        if e['type'] not in TYPES: errs.append(f"{r['id']}: unknown type {e['type']}")
        if not e['value'] or e['value'] not in r['text']: errs.append(f"{r['id']}: value not in text {e['value']!r}")
        if e['value'] != e['value'].strip(): errs.append(f"{r['id']}: untrimmed value {e['value']!r}")
        tc[e['type']] += 1
        st = r['text'].find(e['value']); spans.append((st, st + len(e['value']), e['type'], e['value']))
        if e['type'] == 'CREDIT_CARD':
            d = re.sub(r'\D', '', e['value'])
            if not luhn(d): errs.append(f"{r['id']}: Luhn fails {e['value']}")
        if e['type'] == 'IBAN' and not iban_ok(e['value']): errs.append(f"{r['id']}: IBAN mod97 fails {e['value']}")
        if e['type'] == 'US_SSN':
            d = re.sub(r'\D', '', e['value'])
            if len(d) != 9 or d[:3] in ('000', '666') or d[0] == '9' or d[3:5] == '00' or d[5:] == '0000':
                warns.append(f"{r['id']}: SSN outside issuable ranges {e['value']}")
        if e['type'] == 'IP_ADDRESS' and '/' in e['value']: errs.append(f"{r['id']}: CIDR labelled as IP {e['value']}")
    for n in r['non_entities']:
        if not n['value'] or n['value'] not in r['text']: errs.append(f"{r['id']}: non-entity not in text {n['value']!r}")
        if n['type'] in TYPES: warns.append(f"{r['id']}: non-entity uses entity type name {n['type']}")
        nc[n['type']] += 1
        if n['type'] in ('INVALID_CARD', 'LUHN_INVALID_CARD') and luhn(re.sub(r'\D', '', n['value'])):
            errs.append(f"{r['id']}: look-alike card is Luhn-valid {n['value']}")
        if n['type'] == 'INVALID_IBAN' and iban_ok(n['value']): errs.append(f"{r['id']}: look-alike IBAN is valid {n['value']}")
        for e in r['entities']:
            if n['value'] == e['value']: errs.append(f"{r['id']}: same value as entity and non-entity {n['value']!r}")
    spans.sort()
    for a, b in zip(spans, spans[1:]):
        if b[0] < a[1]: warns.append(f"{r['id']}: overlapping entity spans {a[3]!r} / {b[3]!r}")
N = len(recs); NE = sum(tc.values()); NN = sum(nc.values())
P('records', N); P('entities', NE); P('non_entities (look-alikes)', NN, 'distinct labels', len(nc))
P('\nentities per type:')
for t in TYPES: P(f'  {t:16s} {tc[t]}')
P('\nlanguages:')
for l, c in lc.most_common(): P(f'  {l}: {c} ({100*c/N:.1f}%)')
P('\nlook-alike labels:')
P('  ' + ', '.join(f'{k}={v}' for k, v in sorted(nc.items())))
# minimums
req = [('records', N, 320), ('entities', NE, 700), ('non_entities', NN, 320), ('distinct labels', len(nc), 100),
       ('PERSON', tc['PERSON'], 380), ('ADDRESS', tc['ADDRESS'], 90),
       ('other 13 types', NE - tc['PERSON'] - tc['ADDRESS'], 300), ('SECRET', tc['SECRET'], 60),
       ('URL_TOKEN', tc['URL_TOKEN'], 25), ('PHONE', tc['PHONE'], 50), ('IP_ADDRESS', tc['IP_ADDRESS'], 25)]
req += [(t, tc[t], 8) for t in TYPES]
dfe = lc['de'] + lc['fr'] + lc['es']
req += [('de+fr+es share %', round(100 * dfe / N, 1), 28)] + [(f'{l} share %', round(100 * lc[l] / N, 1), 8) for l in ('de', 'fr', 'es')]
other = N - dfe - lc['en']
P('\nminimum checks:')
for name, have, need in req:
    ok = have >= need; P(f"  {'OK ' if ok else 'LOW'} {name}: {have} (>= {need})")
    if not ok: errs.append(f'minimum not met: {name} {have} < {need}')
P(f"  {'OK ' if 100*other/N <= 5 else 'HIGH'} other languages share %: {100*other/N:.1f} (<= 5)")
if 100 * other / N > 5: errs.append('other language share > 5%')
P('\nwarnings:', len(warns)); [P('  ' + w) for w in warns]
P('errors:', len(errs)); [P('  ' + e) for e in errs]
P('\nRESULT:', 'PASS' if not errs else 'FAIL')
open(os.path.join(HERE, 'validate_output.txt'), 'w').write('\n'.join(out) + '\n')
print('\n'.join(out))
