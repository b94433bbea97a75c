#!/usr/bin/env python3
"""Build pii.jsonl from the hand-written sources in src/*.txt.
Source format: '## <lang>' starts a record; 'T: ' text (literal \\n = newline);
'P: ' PERSON value; 'A: ' ADDRESS value; 'N: TYPE | value' non-entity. '#' lines are comments."""
import glob, json, os, random
HERE = os.path.dirname(os.path.abspath(__file__))

def dec(s):
    return s.replace('\\n', '\n')

def parse(path):
    recs, cur = [], None
    for ln, line in enumerate(open(path, encoding='utf-8'), 1):
        line = line.rstrip('\n')
        if line.startswith('## '):
            cur = {'lang': line[3:].strip(), 'text': None, 'entities': [], 'non_entities': [], '_src': f'{os.path.basename(path)}:{ln}'}
            recs.append(cur)
        elif not line.strip() or line.startswith('# '):
            continue
        elif line.startswith('T: '):
            cur['text'] = dec(line[3:])
        elif line.startswith('P: '):
            cur['entities'].append({'type': 'PERSON', 'value': dec(line[3:])})
        elif line.startswith('A: '):
            cur['entities'].append({'type': 'ADDRESS', 'value': dec(line[3:])})
        elif line.startswith('N: '):
            t, v = line[3:].split(' | ', 1)
            cur['non_entities'].append({'type': t.strip(), 'value': dec(v)})
        else:
            raise SystemExit(f'{path}:{ln}: cannot parse: {line!r}')
    return recs

def main():
    recs = []
    for p in sorted(glob.glob(os.path.join(HERE, 'src', '*.txt'))):
        recs.extend(parse(p))
    random.Random(20260808).shuffle(recs)
    with open(os.path.join(HERE, 'pii.jsonl'), 'w', encoding='utf-8') as f:
        for i, r in enumerate(recs, 1):
            out = {'id': f'pd8-{i:04d}', 'lang': r['lang'], 'text': r['text'],
                   'entities': r['entities'], 'non_entities': r['non_entities']}
            f.write(json.dumps(out, ensure_ascii=False) + '\n')
    print(f'wrote {len(recs)} records')

if __name__ == '__main__':
    main()
