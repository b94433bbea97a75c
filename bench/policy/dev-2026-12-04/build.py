"""Build pii.jsonl from the hand-written sources in src/*.txt.

Source format: each record starts with a line '=== <lang>'; the following lines
(up to the next '===' line) are the text.  Entities are annotated inline as
⟦TYPE|value⟧, look-alikes (non_entities) as ⟪LABEL|value⟫.  The brackets are
stripped, the value stays in the text.  Repeated (type, value) pairs within a
record are listed once (masking a value means masking every occurrence).
Ids are assigned after a fixed-seed shuffle."""
import json, os, random, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
MARK = re.compile(r'⟦([A-Z_]+)\|(.*?)⟧|⟪([A-Z_]+)\|(.*?)⟫', re.S)

def parse(path):
    recs, cur = [], None
    for line in open(path, encoding='utf-8').read().split('\n'):
        if line.startswith('=== '):
            if cur: recs.append(cur)
            cur = {'lang': line[4:].strip(), 'lines': [], 'src': os.path.basename(path)}
        elif cur is not None:
            cur['lines'].append(line)
    if cur: recs.append(cur)
    out = []
    for r in recs:
        raw = '\n'.join(r['lines']).strip('\n')
        if not raw.strip():
            continue
        ents, nons = [], []
        def sub(m):
            if m.group(1):
                pair = {'type': m.group(1), 'value': m.group(2)}
                if pair not in ents: ents.append(pair)
                return m.group(2)
            pair = {'type': m.group(3), 'value': m.group(4)}
            if pair not in nons: nons.append(pair)
            return m.group(4)
        text = MARK.sub(sub, raw)
        if any(c in text for c in '⟦⟧⟪⟫'):
            sys.exit(f'unbalanced markup in {r["src"]}: {raw[:80]!r}')
        out.append({'lang': r['lang'], 'text': text, 'entities': ents, 'non_entities': nons, '_src': r['src']})
    return out

def main():
    recs = []
    for fn in sorted(os.listdir(os.path.join(HERE, 'src'))):
        if fn.endswith('.txt') and fn.startswith('r_'):
            recs += parse(os.path.join(HERE, 'src', fn))
    random.Random(7007).shuffle(recs)
    with open(os.path.join(HERE, 'pii.jsonl'), 'w', encoding='utf-8') as f:
        for i, r in enumerate(recs, 1):
            o = {'id': f'pd7-{i:04d}', 'lang': r['lang'], 'text': r['text'],
                 'entities': r['entities'], 'non_entities': r['non_entities']}
            f.write(json.dumps(o, ensure_ascii=False) + '\n')
    print(f'wrote {len(recs)} records')

if __name__ == '__main__':
    main()
