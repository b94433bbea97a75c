#!/usr/bin/env python3
"""Validate pii.jsonl (stdlib only)."""
import json, os, re, sys
from collections import Counter
HERE = os.path.dirname(os.path.abspath(__file__))
MIN_RECORDS, MIN = 300, {'PERSON': 450, 'ADDRESS': 120}
MIN_NON = 300
errs = []

def spans(text, v):
    out, i = [], text.find(v)
    while i != -1:
        out.append((i, i + len(v)))
        i = text.find(v, i + 1)
    return out

recs = [json.loads(l) for l in open(os.path.join(HERE, 'pii.jsonl'), encoding='utf-8')]
ids, texts = Counter(r['id'] for r in recs), Counter(r['text'] for r in recs)
for k, c in ids.items():
    if c > 1: errs.append(f'duplicate id {k}')
for k, c in texts.items():
    if c > 1: errs.append(f'duplicate text {k[:60]!r}')
ent_c, non_c, lang_c = Counter(), Counter(), Counter()
for r in recs:
    rid = r.get('id', '?')
    if set(r) != {'id', 'lang', 'text', 'entities', 'non_entities'}:
        errs.append(f'{rid}: bad keys {sorted(r)}')
    if not re.fullmatch(r'pd8-\d{4}', rid): errs.append(f'{rid}: bad id')
    if not isinstance(r['text'], str) or not r['text'].strip(): errs.append(f'{rid}: empty text')
    lang_c[r['lang']] += 1
    espans, nspans = [], []
    seen = set()
    for e in r['entities']:
        if set(e) != {'type', 'value'} or e['type'] not in ('PERSON', 'ADDRESS'):
            errs.append(f'{rid}: bad entity {e}')
            continue
        if (e['type'], e['value']) in seen: errs.append(f'{rid}: duplicate entity {e}')
        seen.add((e['type'], e['value']))
        ent_c[e['type']] += 1
        s = spans(r['text'], e['value'])
        if not s: errs.append(f'{rid}: entity not substring: {e["value"]!r}')
        if e['value'] != e['value'].strip(): errs.append(f'{rid}: entity has outer whitespace: {e["value"]!r}')
        espans += [(a, b, e['value']) for a, b in s]
    for n in r['non_entities']:
        if set(n) != {'type', 'value'} or not re.fullmatch(r'[A-Z_]+', n['type']):
            errs.append(f'{rid}: bad non_entity {n}')
            continue
        non_c[n['type']] += 1
        s = spans(r['text'], n['value'])
        if not s: errs.append(f'{rid}: non_entity not substring: {n["value"]!r}')
        nspans += [(a, b, n['value']) for a, b in s]
    for a, b, v in espans:
        for c, d, w in nspans:
            if a < d and c < b:
                errs.append(f'{rid}: entity {v!r} overlaps non_entity {w!r}')
n = len(recs)
tot_non = sum(non_c.values())
print(f'records: {n}')
print(f'entities: {dict(ent_c)}')
print(f'non_entities total: {tot_non}; types: {len(non_c)}')
print('non_entity types:', ', '.join(f'{k}={v}' for k, v in non_c.most_common()))
print('languages:', ', '.join(f'{k}={v} ({v/n:.1%})' for k, v in lang_c.most_common()))
defres = sum(lang_c[l] for l in ('de', 'fr', 'es'))
share = defres / n if n else 0
print(f'DE/FR/ES share: {defres}/{n} = {share:.1%}')
if n < MIN_RECORDS: errs.append(f'too few records {n}')
for t, m in MIN.items():
    if ent_c[t] < m: errs.append(f'too few {t}: {ent_c[t]} < {m}')
if tot_non < MIN_NON: errs.append(f'too few non_entities {tot_non}')
if not (0.25 <= share <= 0.30): errs.append(f'DE/FR/ES share {share:.1%} outside 25-30%')
recs_with_ent = sum(1 for r in recs if r['entities'])
print(f'records with no entities (pure look-alike): {n - recs_with_ent}')
for e in errs: print('ERROR:', e)
print('OK' if not errs else f'FAILED with {len(errs)} error(s)')
sys.exit(1 if errs else 0)
