#!/usr/bin/env python3
"""Validate pii.jsonl; writes validate_output.txt (and prints it)."""
import collections, json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
TYPES = ['PERSON', 'ADDRESS', 'PHONE', 'EMAIL', 'CREDIT_CARD', 'IBAN', 'US_SSN', 'PASSPORT', 'DATE_OF_BIRTH',
         'IP_ADDRESS', 'GOOGLE_API_KEY', 'AWS_ACCESS_KEY', 'JWT', 'URL_TOKEN', 'SECRET']
out, errors, warns = [], [], []
def p(*a): out.append(' '.join(str(x) for x in a))

def luhn_ok(d):
    s = 0
    for i, ch in enumerate(reversed(d)):
        n = int(ch)
        if i % 2 == 1:
            n *= 2
            if n > 9: n -= 9
        s += n
    return s % 10 == 0

def mod97_ok(s):
    s = re.sub(r'[\s-]', '', s).upper()
    if not re.fullmatch(r'[A-Z]{2}[0-9]{2}[A-Z0-9]{8,30}', s): return False
    r = s[4:] + s[:4]
    return int(''.join(str(int(c, 36)) for c in r)) % 97 == 1

recs = [json.loads(l) for l in open(os.path.join(HERE, 'pii.jsonl'), encoding='utf-8')]
ids, texts = set(), set()
ent_c, non_c, lang_c = collections.Counter(), collections.Counter(), collections.Counter()
for r in recs:
    rid = r.get('id')
    if set(r) != {'id', 'lang', 'text', 'entities', 'non_entities'}: errors.append(f'{rid}: bad keys {sorted(r)}')
    if not re.fullmatch(r'pii13-\d{4}', rid or ''): errors.append(f'{rid}: bad id')
    if rid in ids: errors.append(f'{rid}: duplicate id')
    ids.add(rid)
    if r['text'] in texts: errors.append(f'{rid}: duplicate text')
    texts.add(r['text'])
    lang_c[r['lang']] += 1
    t = r['text']
    spans = []
    for kind, lst in (('E', r['entities']), ('N', r['non_entities'])):
        for e in lst:
            if set(e) != {'type', 'value'} or not e['value']:
                errors.append(f'{rid}: bad item {e}'); continue
            if kind == 'E':
                if e['type'] not in TYPES: errors.append(f'{rid}: unknown type {e["type"]}')
                ent_c[e['type']] += 1
            else:
                non_c[e['type']] += 1
            i = t.find(e['value'])
            if i < 0:
                errors.append(f'{rid}: {kind} {e["type"]} value not in text: {e["value"]!r}'); continue
            j = i + len(e['value'])
            esc_before = t[max(0, i - 2):i] == '\\n'   # value starts right after a JSON-escaped line break
            esc_after = t[j:j + 2] == '\\n'
            if (i > 0 and t[i - 1].isalnum() and e['value'][0].isalnum() and not esc_before) or \
               (j < len(t) and t[j].isalnum() and e['value'][-1].isalnum() and not esc_after):
                warns.append(f'{rid}: {kind} {e["type"]} first occurrence glued to a word: {e["value"]!r}')
            spans.append((i, j, kind, e['type'], e['value']))
            if kind == 'E' and e['type'] == 'CREDIT_CARD':
                d = re.sub(r'\D', '', e['value'])
                if not (13 <= len(d) <= 19 and luhn_ok(d)): errors.append(f'{rid}: CREDIT_CARD fails Luhn: {e["value"]}')
            if kind == 'E' and e['type'] == 'US_SSN':
                d = re.sub(r'\D', '', e['value'])
                if len(d) != 9 or d[:3] in ('000', '666') or d[0] == '9' or d[3:5] == '00' or d[5:] == '0000':
                    errors.append(f'{rid}: US_SSN not a structurally valid SSN: {e["value"]}')
            if kind == 'E' and e['type'] == 'IBAN' and not mod97_ok(e['value']):
                errors.append(f'{rid}: IBAN fails mod-97: {e["value"]}')
    for a in range(len(spans)):
        for b in range(a + 1, len(spans)):
            x, y = spans[a], spans[b]
            if x[0] < y[1] and y[0] < x[1] and x[2] != y[2]:
                errors.append(f'{rid}: entity/non-entity overlap {x[3]}:{x[4]!r} vs {y[3]}:{y[4]!r}')
            elif x[0] < y[1] and y[0] < x[1] and (x[0], x[1]) == (y[0], y[1]):
                errors.append(f'{rid}: duplicate span {x[4]!r}')

# look-alike format checks
card_like = [(r['id'], e['value']) for r in recs for e in r['non_entities']
             if 13 <= len(re.sub(r'[ -]', '', e['value'])) <= 19 and re.sub(r'[ -]', '', e['value']).isdigit()]
card_like_valid = [v for _, v in card_like if luhn_ok(re.sub(r'[ -]', '', v))]
iban_like = [(r['id'], e['value']) for r in recs for e in r['non_entities'] if 'IBAN' in e['type']]

n = len(recs)
p('records:', n)
p('entities:', sum(ent_c.values()))
for ty in TYPES: p(f'  {ty:15s} {ent_c[ty]}')
p('non_entities (look-alikes):', sum(non_c.values()), 'distinct labels:', len(non_c))
p('  labels:', ', '.join(f'{k}={v}' for k, v in sorted(non_c.items())))
p('languages:', ', '.join(f'{k}={v} ({100*v/n:.1f}%)' for k, v in lang_c.most_common()))
p(f'card-like look-alikes (13-19 digits): {len(card_like)}, of which Luhn-valid: {len(card_like_valid)} ->', ', '.join(card_like_valid))
p('IBAN entities: all pass mod-97; CREDIT_CARD entities: all pass Luhn; US_SSN entities: all structurally valid' if not any('mod-97' in e or 'Luhn' in e or 'US_SSN' in e for e in errors) else 'IBAN/CARD/SSN check failures: see errors')
p(f'IBAN-like look-alikes: {len(iban_like)}, of which mod-97-valid: {sum(mod97_ok(v) for _, v in iban_like)}')

checks = [
    ('records >= 320', n >= 320), ('entities >= 700', sum(ent_c.values()) >= 700),
    ('non_entities >= 320', sum(non_c.values()) >= 320), ('distinct look-alike labels >= 100', len(non_c) >= 100),
    ('PERSON >= 380', ent_c['PERSON'] >= 380), ('ADDRESS >= 90', ent_c['ADDRESS'] >= 90),
    ('other 13 types >= 300', sum(ent_c[t] for t in TYPES[2:]) >= 300),
    ('SECRET >= 60', ent_c['SECRET'] >= 60), ('URL_TOKEN >= 25', ent_c['URL_TOKEN'] >= 25),
    ('PHONE >= 50', ent_c['PHONE'] >= 50), ('IP_ADDRESS >= 25', ent_c['IP_ADDRESS'] >= 25),
    ('every type >= 8', all(ent_c[t] >= 8 for t in TYPES)),
    ('de+fr+es >= 28%', sum(lang_c[l] for l in ('de', 'fr', 'es')) / n >= 0.28),
    ('de, fr, es each >= 8%', all(lang_c[l] / n >= 0.08 for l in ('de', 'fr', 'es'))),
    ('other languages <= 5%', sum(v for k, v in lang_c.items() if k not in ('en', 'de', 'fr', 'es')) / n <= 0.05),
]
p('minimum checks:')
for name, ok in checks: p(f'  [{"PASS" if ok else "FAIL"}] {name}')
p('warnings:', len(warns))
for w in warns: p('  W', w)
p('errors:', len(errors))
for e in errors: p('  E', e)
p('RESULT:', 'OK' if not errors and all(ok for _, ok in checks) else ('SCHEMA OK, MINIMUMS NOT MET' if not errors else 'ERRORS'))
open(os.path.join(HERE, 'validate_output.txt'), 'w').write('\n'.join(out) + '\n')
print('\n'.join(out))
