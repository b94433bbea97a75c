#!/usr/bin/env python3
"""Validate pii.jsonl; writes validate_output.txt."""
import json, re, collections
recs = [json.loads(l) for l in open('pii.jsonl', encoding='utf-8')]
errs = []
shared = []
types, labels, langs = collections.Counter(), collections.Counter(), collections.Counter()
texts = collections.Counter()
def occ(text, val):
    pat = r'(?<!\w)' + re.escape(val) + r'(?!\w)'
    return [(m.start(), m.end()) for m in re.finditer(pat, text)]
for r in recs:
    t = r['text']; langs[r['lang']] += 1; texts[t] += 1
    for e in r['entities']:
        types[e['type']] += 1
        if e['type'] not in ('PERSON', 'ADDRESS'): errs.append((r['id'], 'bad type', e))
        if e['value'] not in t: errs.append((r['id'], 'not substring', e['value']))
    for e in r['non_entities']:
        labels[e['type']] += 1
        if e['value'] not in t: errs.append((r['id'], 'not substring', e['value']))
    # every occurrence of an entity value must be labelled, except occurrences lying
    # inside a longer labelled span (look-alike or other entity)
    allvals = [e['value'] for e in r['entities']] + [e['value'] for e in r['non_entities']]
    cover = []
    for v in set(allvals):
        for s, e2 in occ(t, v): cover.append((s, e2, v))
    for v, n in collections.Counter(e['value'] for e in r['entities']).items():
        found = [o for o in occ(t, v) if not any(cs <= o[0] and o[1] <= ce and (ce - cs) > (o[1] - o[0]) for cs, ce, cv in cover)]
        nn = sum(1 for e in r['non_entities'] if e['value'] == v)  # same string used as look-alike elsewhere in this text
        if len(found) != n + nn: errs.append((r['id'], 'occurrence count %d in text vs %d labelled' % (len(found), n + nn), v))
    for v, n in collections.Counter(e['value'] for e in r['non_entities']).items():
        found = [o for o in occ(t, v) if not any(cs <= o[0] and o[1] <= ce and (ce - cs) > (o[1] - o[0]) for cs, ce, cv in cover)]
        if len(found) < n: errs.append((r['id'], 'non-entity listed more than occurs', v))
    ents = set(e['value'] for e in r['entities']); nons = set(e['value'] for e in r['non_entities'])
    if ents & nons: shared.append((r['id'], sorted(ents & nons)))
dups = [t[:60] for t, c in texts.items() if c > 1]
ids = collections.Counter(r['id'] for r in recs)
out = []
out.append('records: %d' % len(recs))
out.append('unique texts: %d (duplicates: %d)' % (len(texts), len(dups)))
out.append('duplicate ids: %d' % sum(1 for c in ids.values() if c > 1))
out.append('entity counts: ' + json.dumps(dict(types)))
out.append('non_entities total: %d' % sum(labels.values()))
out.append('non_entity labels: ' + json.dumps(dict(labels.most_common()), ensure_ascii=False))
out.append('languages: ' + json.dumps({k: '%d (%.1f%%)' % (v, 100 * v / len(recs)) for k, v in langs.most_common()}))
out.append('records where one string is both a PERSON and a look-alike (counts checked jointly): %d' % len(shared))
out.append('errors: %d' % len(errs))
for e in errs: out.append('  ' + repr(e))
out.append('RESULT: ' + ('PASS' if not errs and not dups else 'FAIL'))
open('validate_output.txt', 'w', encoding='utf-8').write('\n'.join(out) + '\n')
print('\n'.join(out[:8])); print(out[-1])
