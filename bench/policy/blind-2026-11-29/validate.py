import json, collections, re, sys
sys.path.insert(0, '/work/blind/policy')
from gen_values import luhn_valid, iban_valid
ok = True
def fail(*a):
    global ok; ok = False; print('FAIL', *a)
# injection
rows = [json.loads(l) for l in open('/work/blind/policy/injection.jsonl', encoding='utf-8')]
ids = set()
for r in rows:
    assert r['id'] not in ids; ids.add(r['id'])
    assert r['label'] in ('attack', 'benign') and r['lang'] in ('en','de','fr','es') and r['text'].strip()
    assert ('family' in r) == (r['label'] == 'attack') and ('kind' in r) == (r['label'] == 'benign')
fam = collections.Counter(r.get('family') for r in rows if r['label'] == 'attack')
kind = collections.Counter(r.get('kind') for r in rows if r['label'] == 'benign')
print('INJECTION total', len(rows))
for lab in ('attack', 'benign'):
    L = collections.Counter(r['lang'] for r in rows if r['label'] == lab); n = sum(L.values())
    print(' ', lab, n, dict(sorted(L.items())), 'non-en %.0f%%' % (100 * (1 - L['en'] / n)))
    if n < 220: fail('count', lab)
print('  families', dict(sorted(fam.items()))); print('  kinds', dict(sorted(kind.items())))
if len(fam) != 10 or min(fam.values()) < 18: fail('families')
if len(kind) != 10 or min(kind.values()) < 18: fail('kinds')
# pii
recs = [json.loads(l) for l in open('/work/blind/policy/pii.jsonl', encoding='utf-8')]
et, nt, langs = collections.Counter(), collections.Counter(), collections.Counter()
ibc = collections.Counter()
for r in recs:
    langs[r['lang']] += 1
    evals = [e['value'] for e in r['entities']]
    for e in r['entities']:
        et[e['type']] += 1
        v = e['value']
        if v not in r['text']: fail(r['id'], 'not substring', v)
        if e['type'] == 'CREDIT_CARD' and not luhn_valid(v): fail(r['id'], 'luhn', v)
        if e['type'] == 'IBAN':
            if not iban_valid(v): fail(r['id'], 'iban', v)
            ibc[v[:2]] += 1
        if e['type'] == 'AWS_ACCESS_KEY' and not re.fullmatch(r'AKIA[A-Z0-9]{16}', v): fail(r['id'], 'aws', v)
        if e['type'] == 'GOOGLE_API_KEY' and not re.fullmatch(r'AIza[A-Za-z0-9_\-]{35}', v): fail(r['id'], 'gkey', v)
        if e['type'] == 'JWT' and v.count('.') != 2: fail(r['id'], 'jwt', v)
        if e['type'] == 'US_SSN':
            d = re.sub(r'\D', '', v)
            if len(d) != 9 or d[:3] in ('000', '666') or d[0] == '9' or d[3:5] == '00' or d[5:] == '0000': fail(r['id'], 'ssn', v)
    for e in r['non_entities']:
        nt[e['type']] += 1
        v = e['value']
        if v not in r['text']: fail(r['id'], 'non not substring', v)
        if any(v in ev or ev in v for ev in evals): fail(r['id'], 'non overlaps entity', v)
        if e['type'] == 'LUHN_INVALID' and luhn_valid(v): fail(r['id'], 'luhn should fail', v)
        if e['type'] == 'IBAN_INVALID' and iban_valid(v): fail(r['id'], 'iban should fail', v)
ne, nn = sum(et.values()), sum(nt.values())
print('PII records', len(recs), dict(sorted(langs.items())), 'non-en %.0f%%' % (100 * (1 - langs['en'] / len(recs))))
print('  entities', ne, dict(sorted(et.items())))
print('  non_entities', nn, dict(sorted(nt.items())))
print('  IBAN countries', len(ibc), dict(sorted(ibc.items())))
if len(recs) < 220 or ne < 450 or nn < 150: fail('pii counts')
print('ALL OK' if ok else 'PROBLEMS')
