#!/usr/bin/env python3
"""Build pii.jsonl from src/records_*.txt.
Source format: a record starts with a line '=== <lang>'; following lines up to the next
'===' line are the text. Inline marks: ⟦P|value⟧ person, ⟦A|value⟧ address,
⟦N|LABEL|value⟧ look-alike (non-entity). Marks are removed; values become labels.
Lines starting with '#' before the first '===' of a file are comments."""
import glob, json, re
MARK = re.compile(r'⟦(P|A|N)\|(?:([A-Z_]+)\|)?(.*?)⟧', re.S)
def parse(path):
    recs, cur = [], None
    for line in open(path, encoding='utf-8'):
        if line.startswith('=== '):
            if cur: recs.append(cur)
            cur = {'lang': line[4:].strip(), 'lines': []}
        elif cur is not None:
            cur['lines'].append(line.rstrip('\n'))
    if cur: recs.append(cur)
    return recs
def render(raw):
    out, ents, non, pos = [], [], [], 0
    text = ''
    spans = []
    for m in MARK.finditer(raw):
        text += raw[pos:m.start()]
        kind, label, val = m.group(1), m.group(2), m.group(3)
        start = len(text); text += val
        spans.append((start, len(text), kind, label))
        if kind == 'P': ents.append({'type': 'PERSON', 'value': val})
        elif kind == 'A': ents.append({'type': 'ADDRESS', 'value': val})
        else: non.append({'type': label or 'OTHER', 'value': val})
        pos = m.end()
    text += raw[pos:]
    assert '⟦' not in text and '⟧' not in text, raw[:80]
    return text, ents, non, spans
def main():
    out = []
    n = 0
    for f in sorted(glob.glob('src/records_*.txt')):
        for r in parse(f):
            raw = '\n'.join(r['lines']).strip('\n')
            if not raw.strip(): continue
            text, ents, non, spans = render(raw)
            n += 1
            out.append({'id': 'trw2-%04d' % n, 'lang': r['lang'], 'text': text,
                        'entities': ents, 'non_entities': non})
    with open('pii.jsonl', 'w', encoding='utf-8') as fh:
        for o in out: fh.write(json.dumps(o, ensure_ascii=False) + '\n')
    print('wrote', len(out))
if __name__ == '__main__': main()
