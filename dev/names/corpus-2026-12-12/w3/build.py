#!/usr/bin/env python3
"""Build pii.jsonl from src/records_*.txt.
Source format: records separated by a line '---'. Inside a record:
  '@@ <lang>'            language (first line)
  '@@P <value>'          PERSON value (listed once; build emits one object per occurrence)
  '@@A <value>'          ADDRESS value ('\\n' inside value = newline)
  '@@N <LABEL> <value>'  non-entity look-alike (one object per occurrence)
  any other line         text
Occurrences are counted with word boundaries, skipping spans covered by a
longer annotated span (e.g. 'Ford' inside 'Ford Focus').
"""
import glob, json, re

def occurrences(text, value):
    pat = r'(?<![0-9A-Za-zÀ-ÿ])' + re.escape(value) + r'(?![0-9A-Za-zÀ-ÿ])'
    return [(m.start(), m.end()) for m in re.finditer(pat, text)]

def parse(path):
    recs = []
    raw = open(path, encoding='utf-8').read()
    for block in re.split(r'\n---[ \t]*\n', raw):
        if not block.strip():
            continue
        lang, text_lines, ann = 'en', [], []
        for line in block.split('\n'):
            if line.startswith('@@P '):
                ann.append(('PERSON', None, line[4:].strip().replace('\\n', '\n')))
            elif line.startswith('@@A '):
                ann.append(('ADDRESS', None, line[4:].strip().replace('\\n', '\n')))
            elif line.startswith('@@N '):
                lab, val = line[4:].strip().split(' ', 1)
                ann.append(('NON', lab, val.strip().replace('\\n', '\n')))
            elif line.startswith('@@ '):
                lang = line[3:].strip()
            else:
                text_lines.append(line)
        text = '\n'.join(text_lines).strip('\n')
        recs.append((lang, text, ann, path))
    return recs

def spans_for(text, ann):
    # longest values first claim their spans
    covered = []
    out = []
    for kind, lab, val in sorted(ann, key=lambda a: -len(a[2])):
        occ = occurrences(text, val)
        keep = [o for o in occ if not any(c[0] <= o[0] and o[1] <= c[1] for c in covered)]
        covered.extend(keep)
        out.append((kind, lab, val, keep))
    return out

def main():
    records = []
    files = sorted(glob.glob('src/records_*.txt'))
    problems = []
    for f in files:
        for lang, text, ann, path in parse(f):
            ents, nons = [], []
            for kind, lab, val, keep in spans_for(text, ann):
                if not keep:
                    problems.append(f'{path}: value not found: {val!r} in {text[:60]!r}')
                for s, e in keep:
                    if kind == 'NON':
                        nons.append((s, {'type': lab, 'value': val}))
                    else:
                        ents.append((s, {'type': kind, 'value': val}))
            ents.sort(key=lambda x: x[0]); nons.sort(key=lambda x: x[0])
            records.append({'lang': lang, 'text': text,
                            'entities': [e for _, e in ents],
                            'non_entities': [n for _, n in nons]})
    with open('pii.jsonl', 'w', encoding='utf-8') as out:
        for i, r in enumerate(records, 1):
            r = {'id': f'trw3-{i:04d}', **r}
            out.write(json.dumps(r, ensure_ascii=False) + '\n')
    for p in problems:
        print('PROBLEM', p)
    print(len(records), 'records written')

if __name__ == '__main__':
    main()
