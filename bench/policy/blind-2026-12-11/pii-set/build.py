#!/usr/bin/env python3
"""Parse src/records_*.txt, substitute {{NAME}} values from src/values.json,
shuffle with random.Random(20261211), assign ids pii14-NNNN, write pii.jsonl (+ pii_meta.jsonl).
Source format (see README):
  @@ lang=xx; container=KIND; domain=DOMAIN
  <text lines, verbatim>
  ##
  TYPE | value          -> entity
  ~LABEL | value        -> non_entity (look-alike)
Value lines may use \\n for a newline inside a value."""
import glob, json, os, random, re
HERE = os.path.dirname(os.path.abspath(__file__))
V = json.load(open(os.path.join(HERE, 'src', 'values.json')))
def sub(s):
    return re.sub(r'\{\{([A-Z][A-Z0-9_]*)\}\}', lambda m: V[m.group(1)], s)
recs = []
for fn in sorted(glob.glob(os.path.join(HERE, 'src', 'records_*.txt'))):
    raw = open(fn, encoding='utf-8').read()
    for chunk in raw.split('\n@@ ')[0:]:
        chunk = chunk.lstrip('\n')
        if chunk.startswith('@@ '): chunk = chunk[3:]
        if not chunk.strip() or chunk.startswith('#!'): continue
        head, _, rest = chunk.partition('\n')
        meta = dict(p.strip().split('=', 1) for p in head.split(';') if '=' in p)
        text, sep, labels = rest.partition('\n##\n')
        if not sep:
            if rest.endswith('\n##'): text, labels = rest[:-3], ''
            else: raise SystemExit(f'{fn}: no ## in record starting {head!r} {rest[:60]!r}')
        text = sub(text.rstrip('\n'))
        ents, non = [], []
        for line in labels.split('\n'):
            line = line.rstrip()
            if not line or line.startswith('#'): continue
            t, s2, v = line.partition(' | ')
            if not s2: raise SystemExit(f'{fn}: bad label line {line!r}')
            v = sub(v.replace('\\n', '\n'))
            if t.startswith('~'): non.append({'type': t[1:].strip(), 'value': v})
            else: ents.append({'type': t.strip(), 'value': v})
        recs.append({'lang': meta.get('lang', 'en'), 'text': text, 'entities': ents, 'non_entities': non,
                     '_container': meta.get('container', '?'), '_domain': meta.get('domain', '?'), '_src': os.path.basename(fn)})
random.Random(20261211).shuffle(recs)
with open(os.path.join(HERE, 'pii.jsonl'), 'w', encoding='utf-8') as f, open(os.path.join(HERE, 'pii_meta.jsonl'), 'w', encoding='utf-8') as g:
    for i, r in enumerate(recs, 1):
        rid = 'pii14-%04d' % i
        f.write(json.dumps({'id': rid, 'lang': r['lang'], 'text': r['text'], 'entities': r['entities'], 'non_entities': r['non_entities']}, ensure_ascii=False) + '\n')
        g.write(json.dumps({'id': rid, 'container': r['_container'], 'domain': r['_domain'], 'source': r['_src']}, ensure_ascii=False) + '\n')
print(len(recs), 'records written')
