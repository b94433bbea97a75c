#!/usr/bin/env python3
"""Parse src/records_*.txt, substitute {{KEY}} values from src/values.json,
seeded shuffle (random.Random(20261209)), assign ids pii13-NNNN, write pii.jsonl.

Source format (see README):
  >>> LANG            starts a record; following lines are the text
  <<<                 ends the text
  +TYPE|value         an entity (TYPE one of the 15)
  -LABEL|value        a non-entity look-alike
  (a literal backslash-n in a value stands for a line break)
  lines starting with '#' between records are comments.
Inside text and values {{KEY}}, {{KEY|g}} (space groups of 4), {{KEY|d}} (dash
groups of 4), {{KEY|amex}} (4-6-5), {{KEY|lower}} and {{KEY|esc}} (line breaks
written as a literal backslash-n, as inside JSON strings) are substituted.
"""
import glob, json, os, random, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
V = json.load(open(os.path.join(HERE, 'src', 'values.json')))

def grp(s, sep, n=4): return sep.join(s[i:i + n] for i in range(0, len(s), n))

def sub(s, where):
    def rep(m):
        key, _, mod = m.group(1).partition('|')
        if key not in V:
            sys.exit(f'unknown key {key} in {where}')
        v = V[key]
        if mod == 'g': return grp(v, ' ')
        if mod == 'd': return grp(v, '-')
        if mod == 'amex': return f'{v[:4]} {v[4:10]} {v[10:]}'
        if mod == 'lower': return v.lower()
        if mod == 'esc': return v.replace('\n', '\\n')
        if mod: sys.exit(f'bad modifier {mod} in {where}')
        return v
    return re.sub(r'\{\{([A-Za-z0-9_|]+)\}\}', rep, s)

def parse(path):
    recs, cur, mode = [], None, None
    for n, line in enumerate(open(path, encoding='utf-8').read().split('\n'), 1):
        where = f'{os.path.basename(path)}:{n}'
        if line.startswith('>>> '):
            cur = {'lang': line[4:].strip(), 'text': [], 'entities': [], 'non_entities': [], 'src': where}
            recs.append(cur); mode = 'text'; continue
        if mode == 'text':
            if line == '<<<': mode = 'ann'; continue
            cur['text'].append(line); continue
        if not line.strip() or line.startswith('#'): continue
        if mode == 'ann' and line[0] in '+-' and '|' in line:
            t, v = line[1:].split('|', 1)
            (cur['entities'] if line[0] == '+' else cur['non_entities']).append(
                {'type': t.strip(), 'value': sub(v.replace('\\n', '\n'), where)})
            continue
        sys.exit(f'cannot parse {where}: {line!r}')
    for r in recs:
        r['text'] = sub('\n'.join(r['text']).strip('\n'), r['src'])
    return recs

def main():
    recs = []
    for p in sorted(glob.glob(os.path.join(HERE, 'src', 'records_*.txt'))):
        recs += parse(p)
    random.Random(20261209).shuffle(recs)
    with open(os.path.join(HERE, 'pii.jsonl'), 'w', encoding='utf-8') as f:
        for i, r in enumerate(recs, 1):
            o = {'id': f'pii13-{i:04d}', 'lang': r['lang'], 'text': r['text'],
                 'entities': r['entities'], 'non_entities': r['non_entities']}
            f.write(json.dumps(o, ensure_ascii=False) + '\n')
    with open(os.path.join(HERE, 'src', 'id_map.tsv'), 'w') as f:
        for i, r in enumerate(recs, 1):
            f.write(f'pii13-{i:04d}\t{r["src"]}\n')
    print(len(recs), 'records written')

if __name__ == '__main__':
    main()
