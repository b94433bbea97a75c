#!/usr/bin/env python3
"""Parse src/records_*.txt, substitute {{name}} from src/values.json, shuffle (seed 20261210),
assign ids pd13-NNNN, write pii.jsonl.
Source format: a record starts with a line '### <lang>'; following lines up to the first
'@E '/'@N ' line are the text (trailing blank lines stripped); '@E TYPE = value' is an entity,
'@N LABEL = value' a look-alike (split on the first ' = '). Text before the first '###' is ignored.
A literal backslash-n inside a value stands for a newline (multi-line values)."""
import json, glob, os, random, re
HERE = os.path.dirname(os.path.abspath(__file__))
V = json.load(open(os.path.join(HERE, 'src', 'values.json')))
def sub(s):
    def f(m):
        k = m.group(1)
        if k not in V: raise KeyError(k)
        return V[k]
    return re.sub(r'\{\{([a-z0-9_]+)\}\}', f, s)
recs = []
for fn in sorted(glob.glob(os.path.join(HERE, 'src', 'records_*.txt'))):
    cur = None
    for ln, line in enumerate(open(fn, encoding='utf-8').read().split('\n'), 1):
        if line.startswith('### '):
            cur = {'lang': line[4:].strip(), 'text': [], 'entities': [], 'non_entities': [], 'src': f'{os.path.basename(fn)}:{ln}'}
            recs.append(cur); continue
        if cur is None: continue
        if line.startswith('@E ') or line.startswith('@N '):
            t, v = line[3:].split(' = ', 1)
            (cur['entities'] if line[1] == 'E' else cur['non_entities']).append({'type': t.strip(), 'value': sub(v.rstrip('\n').replace('\\n', '\n'))})
        elif not cur['entities'] and not cur['non_entities']:
            cur['text'].append(line)
        elif line.strip():
            raise SystemExit(f'stray line after labels in {fn}:{ln}: {line!r}')
out = []
for r in recs:
    while r['text'] and not r['text'][-1].strip(): r['text'].pop()
    text = sub('\n'.join(r['text']))
    out.append({'lang': r['lang'], 'text': text, 'entities': r['entities'], 'non_entities': r['non_entities'], '_src': r['src']})
random.Random(20261210).shuffle(out)
with open(os.path.join(HERE, 'pii.jsonl'), 'w', encoding='utf-8') as f:
    for i, r in enumerate(out, 1):
        o = {'id': 'pd13-%04d' % i, 'lang': r['lang'], 'text': r['text'], 'entities': r['entities'], 'non_entities': r['non_entities']}
        f.write(json.dumps(o, ensure_ascii=False) + '\n')
with open(os.path.join(HERE, 'src', 'id_map.tsv'), 'w') as f:
    for i, r in enumerate(out, 1): f.write('pd13-%04d\t%s\n' % (i, r['_src']))
print(len(out), 'records written')
