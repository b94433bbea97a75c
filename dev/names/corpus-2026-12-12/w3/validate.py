#!/usr/bin/env python3
import json, re, collections
def occ(text, value):
    pat = r'(?<![0-9A-Za-zÀ-ÿ])' + re.escape(value) + r'(?![0-9A-Za-zÀ-ÿ])'
    return [(m.start(), m.end()) for m in re.finditer(pat, text)]
errors, lines = [], []
types, labels, langs = collections.Counter(), collections.Counter(), collections.Counter()
texts = collections.Counter(); ids = set(); n = 0
for ln in open('pii.jsonl', encoding='utf-8'):
    r = json.loads(ln); n += 1
    if r['id'] in ids: errors.append('dup id ' + r['id'])
    ids.add(r['id']); langs[r['lang']] += 1; texts[r['text']] += 1
    t = r['text']
    for e in r['entities']:
        if e['type'] not in ('PERSON', 'ADDRESS'): errors.append(f"{r['id']} bad type {e['type']}")
        if e['value'] not in t: errors.append(f"{r['id']} not substring: {e['value']!r}")
        types[e['type']] += 1
    for e in r['non_entities']:
        if e['value'] not in t: errors.append(f"{r['id']} non-entity not substring: {e['value']!r}")
        labels[e['type']] += 1
    # every occurrence of each entity value must be labelled (except inside a longer labelled span)
    allv = [(x['value'], 'E') for x in r['entities']] + [(x['value'], 'N') for x in r['non_entities']]
    longer = [v for v, _ in allv]
    ec = collections.Counter(x['value'] for x in r['entities'])
    for v in ec:
        spans = occ(t, v)
        cover = []
        for w in set(longer):
            if len(w) > len(v) and v in w:
                cover += occ(t, w)
        free = [s for s in spans if not any(c[0] <= s[0] and s[1] <= c[1] for c in cover)]
        if len(free) != ec[v]:
            errors.append(f"{r['id']} occurrence mismatch for {v!r}: text {len(free)} vs labelled {ec[v]}")
    nc = collections.Counter(x['value'] for x in r['non_entities'])
    for v in nc:
        if v in ec: errors.append(f"{r['id']} value both entity and non-entity: {v!r}")
dups = [t for t, c in texts.items() if c > 1]
lines.append(f'records: {n}')
lines.append(f'unique texts: {len(texts)} (duplicates: {len(dups)})')
lines.append('entity counts: ' + ', '.join(f'{k}={v}' for k, v in sorted(types.items())))
lines.append(f'non_entities total: {sum(labels.values())}')
lines.append('non_entity labels: ' + ', '.join(f'{k}={v}' for k, v in labels.most_common()))
lines.append('languages: ' + ', '.join(f'{k}={v}' for k, v in langs.most_common()))
lines.append(f'errors: {len(errors)}')
lines += ['  ' + e for e in errors[:200]]
lines.append('RESULT: ' + ('PASS' if not errors and not dups else 'FAIL'))
open('validate_output.txt', 'w').write('\n'.join(lines) + '\n')
print('\n'.join(lines))
