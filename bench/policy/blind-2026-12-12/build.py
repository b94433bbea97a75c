#!/usr/bin/env python3
"""Parse src/records_*.txt, substitute {{value}} refs from src/values.json, seeded shuffle, assign ids,
write pii.jsonl (+ pii_meta.jsonl with container/domain per id).
Source format:
  #### <lang> | <container> | <domain>
  <text lines ...>
  ----
  E <TYPE>: <value>        (entity)
  N <LABEL>: <value>       (look-alike / non-entity)
  +<continuation>          (next line of a multi-line value, joined with \n)
Lines starting with '%%' between records are comments."""
import json, random, re, glob, os
HERE = os.path.dirname(os.path.abspath(__file__))
V = json.load(open(os.path.join(HERE, 'src', 'values.json')))

def group(s, sep, sizes=None):
    if sizes is None:
        return sep.join(s[i:i+4] for i in range(0, len(s), 4))
    out, i = [], 0
    for n in sizes:
        out.append(s[i:i+n]); i += n
    return sep.join(out)

def sub(s):
    def rep(m):
        name, _, f = m.group(1).partition('|')
        v = V[name]
        if f == 'g': return group(v, ' ')
        if f == 'd': return group(v, '-')
        if f == 'a': return group(v, ' ', [4, 6, 5])
        if f == 'ad': return group(v, '-', [4, 6, 5])
        if f == 'U': return v.upper()
        assert not f, f
        return v
    return re.sub(r'\{\{([A-Za-z0-9_|]+)\}\}', rep, s)

def parse(path):
    recs, cur, mode = [], None, None
    for ln in open(path, encoding='utf-8').read().split('\n'):
        if ln.startswith('#### '):
            if cur: recs.append(cur)
            lang, cont, dom = [x.strip() for x in ln[5:].split('|')]
            cur = {'lang': lang, 'container': cont, 'domain': dom, 'text': [], 'E': [], 'N': [], 'src': os.path.basename(path)}
            mode = 'text'; continue
        if cur is None: continue
        if mode == 'text':
            if ln.strip() == '----': mode = 'labels'; continue
            cur['text'].append(ln)
        else:
            if not ln.strip() or ln.startswith('%%'): continue
            if ln.startswith('+'):  # continuation line of a multi-line value
                k = 'E' if last == 'E' else 'N'
                t, v = cur[k][-1]; cur[k][-1] = (t, v + '\n' + ln[1:].rstrip()); continue
            kind, rest = ln[0], ln[2:]
            last = kind
            t, _, v = rest.partition(': ')
            assert kind in 'EN', (path, ln)
            cur[kind].append((t.strip(), v.rstrip()))
    if cur: recs.append(cur)
    return recs

recs = []
for p in sorted(glob.glob(os.path.join(HERE, 'src', 'records_*.txt'))):
    recs.extend(parse(p))
random.Random(20261213).shuffle(recs)
with open(os.path.join(HERE, 'pii.jsonl'), 'w', encoding='utf-8') as f, open(os.path.join(HERE, 'pii_meta.jsonl'), 'w', encoding='utf-8') as g:
    for i, r in enumerate(recs, 1):
        rid = 'pii15-%04d' % i
        text = sub('\n'.join(r['text']).strip('\n'))
        obj = {'id': rid, 'lang': r['lang'], 'text': text,
               'entities': [{'type': t, 'value': sub(v)} for t, v in r['E']],
               'non_entities': [{'type': t, 'value': sub(v)} for t, v in r['N']]}
        f.write(json.dumps(obj, ensure_ascii=False) + '\n')
        g.write(json.dumps({'id': rid, 'container': r['container'], 'domain': r['domain'], 'source': r['src']}, ensure_ascii=False) + '\n')
print('built', len(recs), 'records')
