#!/usr/bin/env python3
"""Validate pii.jsonl; writes validate_output.txt."""
import json, re, collections, os, sys
HERE = os.path.dirname(os.path.abspath(__file__))
TYPES = ['PERSON', 'ADDRESS', 'PHONE', 'EMAIL', 'CREDIT_CARD', 'IBAN', 'US_SSN', 'PASSPORT', 'DATE_OF_BIRTH',
         'IP_ADDRESS', 'GOOGLE_API_KEY', 'AWS_ACCESS_KEY', 'JWT', 'URL_TOKEN', 'SECRET']
MIN = {'PERSON': 350, 'ADDRESS': 90, 'SECRET': 80, 'URL_TOKEN': 25, 'PHONE': 60, 'DATE_OF_BIRTH': 40, 'IP_ADDRESS': 25}
out, errors, warns = [], [], []
def luhn(n):
    s = 0
    for i, ch in enumerate(reversed(n)):
        d = int(ch)
        if i % 2: d = d * 2 - 9 if d > 4 else d * 2
        s += d
    return s % 10 == 0
def mod97(s):
    s = s[4:] + s[:4]
    try: return int(''.join(str(int(c, 36)) for c in s)) % 97 == 1
    except ValueError: return False

recs = [json.loads(l) for l in open(os.path.join(HERE, 'pii.jsonl'), encoding='utf-8')]
meta = {m['id']: m for m in (json.loads(l) for l in open(os.path.join(HERE, 'pii_meta.jsonl'), encoding='utf-8'))}
ids, texts = set(), set()
tc, nc, lc, cc, dc = (collections.Counter() for _ in range(5))
for r in recs:
    if set(r) != {'id', 'lang', 'text', 'entities', 'non_entities'}: errors.append('%s: bad keys' % r.get('id'))
    if not re.fullmatch(r'pii15-\d{4}', r['id']): errors.append('%s: bad id' % r['id'])
    if r['id'] in ids: errors.append('dup id ' + r['id'])
    if r['text'] in texts: errors.append('dup text ' + r['id'])
    ids.add(r['id']); texts.add(r['text'])
    lc[r['lang']] += 1; cc[meta[r['id']]['container']] += 1; dc[meta[r['id']]['domain']] += 1
    t = r['text']; spans = []
    for e in r['entities']:
        if e['type'] not in TYPES: errors.append('%s: unknown type %s' % (r['id'], e['type']))
        v = e['value']
        if not v or v not in t: errors.append('%s: entity not substring %r' % (r['id'], v)); continue
        i = t.index(v); spans.append((i, i + len(v), v))
        if (i > 0 and t[i-1].isalnum() and v[0].isalnum() and t[max(0,i-2):i] != '\\n') or (i + len(v) < len(t) and t[i+len(v)].isalnum() and v[-1].isalnum()):
            warns.append('%s: first occurrence of %s %r sits inside a word' % (r['id'], e['type'], v))
        if v != v.strip(): errors.append('%s: value has outer whitespace %r' % (r['id'], v))
        tc[e['type']] += 1
        if e['type'] == 'CREDIT_CARD':
            d = re.sub(r'[ -]', '', v)
            if not d.isdigit() or not luhn(d): errors.append('%s: card fails Luhn %r' % (r['id'], v))
        if e['type'] == 'IBAN':
            d = v.replace(' ', '').upper()
            if not mod97(d): errors.append('%s: IBAN fails mod-97 %r' % (r['id'], v))
        if e['type'] == 'US_SSN':
            d = re.sub(r'[ -]', '', v)
            if d.isdigit() and not (len(d) == 9 and d.isdigit() and d[:3] not in ('000', '666') and d[0] != '9' and d[3:5] != '00' and d[5:] != '0000'):
                errors.append('%s: SSN not in valid ranges %r' % (r['id'], v))
    for s1 in spans:
        for s2 in spans:
            if s1 < s2 and s2[0] < s1[1]: warns.append('%s: overlapping entity spans %r %r' % (r['id'], s1[2], s2[2]))
    for n in r['non_entities']:
        v = n['value']
        if not v or v not in t: errors.append('%s: non-entity not substring %r' % (r['id'], v)); continue
        i = t.index(v)
        for a, b, _ in spans:
            if i < b and a < i + len(v): errors.append('%s: non-entity %r overlaps an entity' % (r['id'], v))
        for e in r['entities']:
            if e['value'] == v: errors.append('%s: same value as entity and non-entity %r' % (r['id'], v))
        nc[n['type']] += 1
        if 'CARD' in n['type'] and re.fullmatch(r'[\d -]{13,23}', v) and luhn(re.sub(r'\D', '', v)):
            warns.append('%s: card look-alike %r is Luhn-valid' % (r['id'], v))
        if 'IBAN' in n['type'] and mod97(v.replace(' ', '').upper()):
            (warns if 'EXAMPLE' in n['type'] else errors).append('%s: IBAN look-alike %r passes mod-97' % (r['id'], v))
N = len(recs)
out.append('records: %d' % N)
out.append('entities: %d' % sum(tc.values()))
for k in TYPES: out.append('  %-15s %d' % (k, tc[k]))
out.append('non-entities (look-alikes): %d over %d distinct labels' % (sum(nc.values()), len(nc)))
out.append('  labels: ' + ', '.join('%s=%d' % kv for kv in sorted(nc.items())))
out.append('languages: ' + ', '.join('%s=%d (%.1f%%)' % (k, v, 100.0 * v / N) for k, v in lc.most_common()))
dfe = sum(lc[x] for x in ('de', 'fr', 'es'))
out.append('de+fr+es share: %.1f%%' % (100.0 * dfe / N))
other = sum(v for k, v in lc.items() if k not in ('en', 'de', 'fr', 'es'))
out.append('containers (%d kinds): ' % len(cc) + ', '.join('%s=%d' % kv for kv in cc.most_common()))
out.append('domains (%d): ' % len(dc) + ', '.join('%s=%d' % kv for kv in dc.most_common()))
checks = [('records >= 320', N >= 320), ('entities >= 700', sum(tc.values()) >= 700),
          ('non-entities >= 320', sum(nc.values()) >= 320), ('look-alike labels >= 100', len(nc) >= 100),
          ('other 13 types >= 350', sum(tc[k] for k in TYPES if k not in ('PERSON', 'ADDRESS')) >= 350),
          ('every type >= 8', all(tc[k] >= 8 for k in TYPES)),
          ('de+fr+es >= 28%', dfe >= 0.28 * N), ('de,fr,es each >= 8%', all(lc[x] >= 0.08 * N for x in ('de', 'fr', 'es'))),
          ('other langs <= 5%', other <= 0.05 * N),
          ('>= 12 containers with >= 8 records', sum(1 for v in cc.values() if v >= 8) >= 12)]
checks += [('%s >= %d' % (k, m), tc[k] >= m) for k, m in MIN.items()]
out.append('checks:')
for name, ok in checks: out.append('  [%s] %s' % ('PASS' if ok else 'FAIL', name))
out.append('errors: %d' % len(errors)); out += ['  ' + e for e in errors]
out.append('warnings: %d' % len(warns)); out += ['  ' + w for w in warns]
out.append('RESULT: %s' % ('OK' if not errors and all(ok for _, ok in checks) else 'NOT OK'))
open(os.path.join(HERE, 'validate_output.txt'), 'w').write('\n'.join(out) + '\n')
print('\n'.join(out))
