#!/usr/bin/env python3
"""Parse src/records_*.txt, substitute {{NAME}} from src/values.json, shuffle (seed 20261208), assign ids, write pii.jsonl.
Source format (see README):
  @@ <lang>            starts a record; following lines up to '--' are the text (newlines kept)
  --                   ends the text
  + TYPE: value        entity
  - LABEL: value       look-alike (non-entity)
  # ...                comment (only in the annotation part)
  A literal \\n inside an annotation value stands for a newline (multi-line values).
"""
import json, glob, os, re, random, sys
HERE = os.path.dirname(os.path.abspath(__file__))
V = json.load(open(os.path.join(HERE, 'src', 'values.json')))
def sub(s):
    def f(m):
        if m.group(1) not in V: sys.exit('unknown value ' + m.group(1))
        return V[m.group(1)]
    return re.sub(r'\{\{([A-Z0-9_]+)\}\}', f, s)
recs = []
for fn in sorted(glob.glob(os.path.join(HERE, 'src', 'records_*.txt'))):
    lines = open(fn, encoding='utf-8').read().split('\n')
    cur = None; mode = None
    for ln_no, ln in enumerate(lines, 1):
        if ln.startswith('@@ '):
            if cur: recs.append(cur)
            cur = {'lang': ln[3:].strip(), 'text': [], 'entities': [], 'non_entities': [], 'src': f'{os.path.basename(fn)}:{ln_no}'}
            mode = 'text'; continue
        if cur is None: continue
        if mode == 'text':
            if ln == '--': mode = 'ann'; continue
            cur['text'].append(ln)
        else:
            s = ln.strip()
            if not s or s.startswith('#'): continue
            if s[0] in '+-' and ': ' in s:
                typ, val = s[1:].strip().split(': ', 1)
                val = val.replace('\\n', '\n')  # literal backslash-n in a value = newline
                (cur['entities'] if s[0] == '+' else cur['non_entities']).append({'type': typ.strip(), 'value': val})
            else:
                sys.exit(f'bad annotation line {fn}:{ln_no}: {ln!r}')
    if cur: recs.append(cur)
out = []; bad = 0
for r in recs:
    text = sub('\n'.join(r['text']).strip('\n'))
    ents = [{'type': e['type'], 'value': sub(e['value'])} for e in r['entities']]
    nons = [{'type': e['type'], 'value': sub(e['value'])} for e in r['non_entities']]
    for e in ents + nons:
        if e['value'] not in text:
            print('NOT IN TEXT', r['src'], e); bad += 1
    out.append({'lang': r['lang'], 'text': text, 'entities': ents, 'non_entities': nons})
random.Random(20261208).shuffle(out)
with open(os.path.join(HERE, 'pii.jsonl'), 'w', encoding='utf-8') as f:
    for i, r in enumerate(out, 1):
        f.write(json.dumps({'id': 'pii12-%04d' % i, **r}, ensure_ascii=False) + '\n')
print(len(out), 'records written;', bad, 'substring errors')
