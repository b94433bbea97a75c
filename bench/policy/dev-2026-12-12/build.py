"""Parse src/records_*.txt, fill random parts from src/gen_values.py, shuffle, assign ids, write pii.jsonl.

Source format (see README): a record starts with a header line
    ### <lang> <container>
followed by its text (may span lines) until the next header.  Lines starting
with '#!' are comments.  Inside the text:
    [[TYPE:value]]  (written with the brackets U+27E6/U+27E7)  = entity
    [[~LABEL:value]]                                          = non-entity (look-alike)
and %{kind:arg} placeholders are replaced by seeded random values.
"""
import glob, json, os, random, sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, 'src'))
import gen_values

OPEN, CLOSE = '\u27e6', '\u27e7'


def parse_files():
    recs = []
    for fn in sorted(glob.glob(os.path.join(HERE, 'src', 'records_*.txt'))):
        cur = None
        with open(fn, encoding='utf-8') as f:
            for ln, line in enumerate(f, 1):
                line = line.rstrip('\n')
                if line.startswith('#!'):
                    continue
                if line.startswith('### '):
                    parts = line[4:].split()
                    cur = {'lang': parts[0], 'container': parts[1], 'src': '%s:%d' % (os.path.basename(fn), ln), 'lines': []}
                    recs.append(cur)
                elif cur is not None:
                    cur['lines'].append(line)
    return recs


def markup(raw, src):
    text, ents, nons = [], [], []
    i = 0
    pos = 0
    while True:
        j = raw.find(OPEN, i)
        if j < 0:
            text.append(raw[i:])
            break
        k = raw.find(CLOSE, j)
        if k < 0:
            raise ValueError('unclosed markup in ' + src)
        text.append(raw[i:j])
        pos = sum(len(t) for t in text)
        inner = raw[j + 1:k]
        typ, val = inner.split(':', 1)
        (nons if typ.startswith('~') else ents).append((typ.lstrip('~'), val, pos))
        text.append(val)
        i = k + 1
    t = ''.join(text)
    for typ, val, p in ents + nons:
        if t.find(val) != p:
            raise ValueError('%s: value %r not first occurrence' % (src, val))
    return t, [{'type': a, 'value': b} for a, b, _ in ents], [{'type': a, 'value': b} for a, b, _ in nons]


def main(write=True):
    gen = gen_values.Gen()
    out = []
    for r in parse_files():
        raw = '\n'.join(r['lines']).strip('\n')
        raw = gen_values.expand(raw, gen, r['src'])
        text, ents, nons = markup(raw, r['src'])
        out.append({'lang': r['lang'], 'text': text, 'entities': ents, 'non_entities': nons, '_container': r['container'], '_src': r['src']})
    with open(os.path.join(HERE, 'src', 'values.tsv'), 'w', encoding='utf-8') as f:
        for key, kind, v in gen.log:
            f.write('%s\t%s\t%s\n' % (key, kind, v.replace('\n', '\\n')))
    if not write:
        return out
    random.Random(20261214).shuffle(out)
    meta = []
    with open(os.path.join(HERE, 'pii.jsonl'), 'w', encoding='utf-8') as f:
        for n, r in enumerate(out, 1):
            rid = 'sx15-%04d' % n
            f.write(json.dumps({'id': rid, 'lang': r['lang'], 'text': r['text'], 'entities': r['entities'], 'non_entities': r['non_entities']}, ensure_ascii=False) + '\n')
            meta.append({'id': rid, 'container': r['_container'], 'src': r['_src']})
    with open(os.path.join(HERE, 'src', 'meta.jsonl'), 'w', encoding='utf-8') as f:
        for m in meta:
            f.write(json.dumps(m) + '\n')
    print('wrote', len(out), 'records')


if __name__ == '__main__':
    main()
