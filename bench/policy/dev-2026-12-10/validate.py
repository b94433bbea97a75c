#!/usr/bin/env python3
"""Validate pii.jsonl; writes validate_output.txt."""
import json, re, base64, collections, os, sys
HERE = os.path.dirname(os.path.abspath(__file__))
TYPES = ['PERSON','ADDRESS','PHONE','EMAIL','CREDIT_CARD','IBAN','US_SSN','PASSPORT','DATE_OF_BIRTH','IP_ADDRESS','GOOGLE_API_KEY','AWS_ACCESS_KEY','JWT','URL_TOKEN','SECRET']
errs, warns, lines = [], [], []
recs = [json.loads(l) for l in open(os.path.join(HERE, 'pii.jsonl'), encoding='utf-8')]
ids, texts = set(), set()
ent = collections.Counter(); lab = collections.Counter(); lang = collections.Counter()
def luhn(n):
    d = [int(c) for c in n if c.isdigit()]; s = 0
    for i, x in enumerate(reversed(d)):
        if i % 2: x *= 2; x -= 9 if x > 9 else 0
        s += x
    return s % 10 == 0
def mod97(ib):
    ib = re.sub(r'[\s-]', '', ib).upper(); s = ib[4:] + ib[:4]
    return int(''.join(str(int(c, 36)) for c in s)) % 97 == 1
for r in recs:
    rid = r.get('id')
    if set(r) != {'id','lang','text','entities','non_entities'}: errs.append(f'{rid}: keys {sorted(r)}')
    if not re.fullmatch(r'pd13-\d{4}', rid or ''): errs.append(f'{rid}: bad id')
    if rid in ids: errs.append(f'{rid}: dup id')
    ids.add(rid)
    if r['text'] in texts: errs.append(f'{rid}: dup text')
    texts.add(r['text']); lang[r['lang']] += 1
    if re.search(r'\{\{[a-z0-9_]+\}\}', r['text']): errs.append(f'{rid}: unsubstituted placeholder')
    spans = []
    for e in r['entities']:
        t, v = e['type'], e['value']
        if t not in TYPES: errs.append(f'{rid}: bad type {t}')
        if not v or v not in r['text']: errs.append(f'{rid}: {t} value not substring: {v!r}'); continue
        if v != v.strip(): warns.append(f'{rid}: {t} value has outer whitespace')
        ent[t] += 1
        i = r['text'].find(v); spans.append((i, i + len(v)))
        tx = r['text']
        if (v[0].isalnum() and i > 0 and tx[i-1].isalnum()) or (v[-1].isalnum() and i+len(v) < len(tx) and tx[i+len(v)].isalnum()):
            warns.append(f'{rid}: first occurrence of {t} {v!r} is inside a longer word')
        if t == 'CREDIT_CARD' and not luhn(v): errs.append(f'{rid}: card fails Luhn {v}')
        if t == 'IBAN' and not mod97(v): errs.append(f'{rid}: IBAN fails mod97 {v}')
        if t == 'US_SSN':
            d = re.sub(r'\D', '', v)
            if len(d) != 9 or d[:3] in ('000','666') or d[0] == '9' or d[3:5] == '00' or d[5:] == '0000': errs.append(f'{rid}: bad SSN {v}')
        if t == 'JWT':
            try:
                p = v.split('.'); assert len(p) == 3
                for x in p[:2]: json.loads(base64.urlsafe_b64decode(x + '=' * (-len(x) % 4)))
            except Exception: errs.append(f'{rid}: JWT does not decode')
        if t == 'AWS_ACCESS_KEY' and not re.fullmatch(r'(AKIA|ASIA)[A-Z2-7]{16}', v): errs.append(f'{rid}: aws key shape {v}')
        if t == 'GOOGLE_API_KEY' and not re.fullmatch(r'AIza[0-9A-Za-z_-]{35}', v): errs.append(f'{rid}: google key shape {v}')
        if t == 'EMAIL' and not re.fullmatch(r'[^@\s]+@[^@\s]+\.[^@\s]+', v): errs.append(f'{rid}: email shape {v}')
        if t == 'IP_ADDRESS' and '/' in v: errs.append(f'{rid}: IP with CIDR {v}')
    for n in r['non_entities']:
        v = n['value']
        if not v or v not in r['text']: errs.append(f'{rid}: non-entity not substring: {v!r}'); continue
        lab[n['type']] += 1
        i = r['text'].find(v); j = i + len(v)
        for a, b in spans:
            if i < b and a < j: warns.append(f'{rid}: look-alike {v!r} overlaps an entity span')
        if n['type'] in ('INVALID_IBAN','IBAN_LIKE') and mod97(v): errs.append(f'{rid}: look-alike IBAN is valid {v}')
        if n['type'] in ('LUHN_INVALID_CARD',) and luhn(v): errs.append(f'{rid}: look-alike card passes Luhn {v}')
seen = {}
for r in recs:
    for e in r['entities']:
        if e['type'] in ('PERSON',) or len(e['value']) < 6: continue
        k = re.sub(r'[^0-9A-Za-z]', '', e['value']).lower()
        if k in seen and seen[k] != r['id']: warns.append(f"{r['id']}: {e['type']} value also used in {seen[k]}")
        seen.setdefault(k, r['id'])
N = len(recs); E = sum(ent.values()); L = sum(lab.values())
lines.append(f'records: {N}\nentities: {E}\nlook-alikes (non_entities): {L} over {len(lab)} distinct labels')
lines.append('\nentities per type:')
for t in TYPES: lines.append(f'  {t:15s} {ent[t]}')
lines.append('\nlanguages:')
for k, v in lang.most_common(): lines.append(f'  {k}: {v} ({100*v/N:.1f}%)')
lines.append('\nlook-alike labels:')
for k, v in sorted(lab.items()): lines.append(f'  {k}: {v}')
# minimums
mins = {'records': (N, 320), 'entities': (E, 700), 'look-alikes': (L, 320), 'look-alike labels': (len(lab), 100),
        'PERSON': (ent['PERSON'], 380), 'ADDRESS': (ent['ADDRESS'], 90), 'SECRET': (ent['SECRET'], 60), 'URL_TOKEN': (ent['URL_TOKEN'], 25),
        'PHONE': (ent['PHONE'], 50), 'IP_ADDRESS': (ent['IP_ADDRESS'], 25),
        'other 13 types': (E - ent['PERSON'] - ent['ADDRESS'], 300)}
for t in TYPES: mins.setdefault(t, (ent[t], 8))
nonen = N - lang['en']
mins['de/fr/es share %'] = (round(100 * (lang['de'] + lang['fr'] + lang['es']) / N, 1), 28)
for k in ('de', 'fr', 'es'): mins[f'{k} share %'] = (round(100 * lang[k] / N, 1), 8)
other = N - sum(lang[k] for k in ('en','de','fr','es'))
lines.append('\nminimum checks:')
for k, (got, need) in mins.items():
    ok = got >= need
    if not ok: errs.append(f'minimum not met: {k} {got} < {need}')
    lines.append(f'  {"OK " if ok else "LOW"} {k}: {got} (min {need})')
lines.append(f'  {"OK " if other <= 0.05*N else "HIGH"} other languages: {other} (max 5%)')
if other > 0.05 * N: errs.append('too many other-language records')
lines.append(f'\nwarnings: {len(warns)}'); lines += ['  ' + w for w in warns[:50]]
lines.append(f'errors: {len(errs)}'); lines += ['  ' + e for e in errs[:200]]
lines.append('RESULT: ' + ('PASS' if not errs else 'FAIL'))
open(os.path.join(HERE, 'validate_output.txt'), 'w').write('\n'.join(lines) + '\n')
print('\n'.join(lines))
