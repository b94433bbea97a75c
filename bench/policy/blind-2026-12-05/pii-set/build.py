#!/usr/bin/env python3
"""Build pii.jsonl from the hand-written sources in src/r*.txt (format: src/FORMAT.md).
Records are shuffled with a fixed seed and ids are assigned after the shuffle."""
import glob, json, os, random, sys

HERE = os.path.dirname(os.path.abspath(__file__))
CODES = {'P': 'PERSON', 'A': 'ADDRESS', 'PH': 'PHONE', 'EM': 'EMAIL', 'IB': 'IBAN', 'CC': 'CREDIT_CARD',
         'SSN': 'US_SSN', 'IP': 'IP_ADDRESS', 'DOB': 'DATE_OF_BIRTH', 'PP': 'PASSPORT', 'SEC': 'SECRET',
         'AWS': 'AWS_ACCESS_KEY', 'GK': 'GOOGLE_API_KEY', 'JWT': 'JWT', 'UT': 'URL_TOKEN'}
SEED = 20240808

def parse(path):
    recs, errs = [], []
    blocks = open(path, encoding='utf-8').read().strip('\n').split('\n\n')
    for bi, block in enumerate(blocks):
        lines = block.strip('\n').split('\n')
        if not lines[0].startswith('@'):
            errs.append(f'{path} block {bi}: missing @lang'); continue
        lang = lines[0][1:].strip()
        text_lines, ann = [], []
        for ln in lines[1:]:
            if ln.startswith(':: '): ann.append(ln[3:])
            elif ann: errs.append(f'{path} block {bi}: text after annotations: {ln!r}')
            else: text_lines.append(ln)
        text = '\n'.join(text_lines)
        ents, non = [], []
        for a in ann:
            code, _, val = a.partition(' ')
            val = val.replace('\\n', '\n')
            if code.startswith('!'):
                non.append({'type': code[1:], 'value': val})
            elif code in CODES:
                ents.append({'type': CODES[code], 'value': val})
            else:
                errs.append(f'{path} block {bi}: unknown code {code}')
            if val not in text:
                errs.append(f'{path} block {bi}: value not in text: {val!r}')
        recs.append({'lang': lang, 'text': text, 'entities': ents, 'non_entities': non,
                     '_src': f'{os.path.basename(path)}#{bi + 1}'})
    return recs, errs

def main():
    recs, errs = [], []
    for p in sorted(glob.glob(os.path.join(HERE, 'src', 'r*.txt'))):
        r, e = parse(p); recs += r; errs += e
    if errs:
        print('\n'.join(errs)); sys.exit(1)
    random.Random(SEED).shuffle(recs)
    with open(os.path.join(HERE, 'pii.jsonl'), 'w', encoding='utf-8') as f, \
         open(os.path.join(HERE, 'src', 'id_map.tsv'), 'w', encoding='utf-8') as m:
        for i, r in enumerate(recs, 1):
            rid = f'pii9-{i:04d}'
            m.write(f"{rid}\t{r.pop('_src')}\n")
            out = {'id': rid, 'lang': r['lang'], 'text': r['text'], 'entities': r['entities'],
                   'non_entities': r['non_entities']}
            f.write(json.dumps(out, ensure_ascii=False) + '\n')
    print(f'wrote {len(recs)} records')

if __name__ == '__main__':
    main()
