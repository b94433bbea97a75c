#!/usr/bin/env python3
"""Parse src/records_*.txt, substitute {=name} from src/values.json, shuffle (seed 20261212), assign ids, write pii.jsonl.
Source format (one record per block):
  = <lang>            starts a record (en|de|fr|es)
  T: <text>           the text (one line; literal \\n becomes newline)
  E <TYPE>: <value>   an entity (PII that must be masked)
  N <LABEL>: <value>  a look-alike that must NOT be masked
  lines starting with '#' are comments.  {=name} is replaced by values.json[name] in T/E/N."""
import glob, json, os, random, re, sys
HERE = os.path.dirname(os.path.abspath(__file__))
V = json.load(open(os.path.join(HERE, 'src', 'values.json')))
def sub(s):
    return re.sub(r'\{=(\w+)\}', lambda m: V[m.group(1)], s).replace('\\n', '\n')
recs = []
for fn in sorted(glob.glob(os.path.join(HERE, 'src', 'records_*.txt'))):
    cur = None
    for ln, line in enumerate(open(fn, encoding='utf-8'), 1):
        line = line.rstrip('\n')
        if not line.strip() or line.startswith('#'): continue
        if line.startswith('= '):
            cur = {"lang": line[2:].strip(), "text": None, "entities": [], "non_entities": [], "_src": f"{os.path.basename(fn)}:{ln}"}
            recs.append(cur); continue
        if line.startswith('T: '):
            cur["text"] = sub(line[3:]); continue
        m = re.match(r'^([EN]) ([A-Z_0-9]+): (.+)$', line)
        if not m: sys.exit(f"parse error {fn}:{ln}: {line}")
        k = "entities" if m.group(1) == 'E' else "non_entities"
        cur[k].append({"type": m.group(2), "value": sub(m.group(3))})
bad = 0
for r in recs:
    for e in r["entities"] + r["non_entities"]:
        if e["value"] not in r["text"]:
            print("NOT SUBSTRING", r["_src"], e); bad += 1
if bad: sys.exit(1)
random.Random(20261212).shuffle(recs)
with open(os.path.join(HERE, 'pii.jsonl'), 'w', encoding='utf-8') as f:
    for i, r in enumerate(recs, 1):
        o = {"id": f"lk14-{i:04d}", "lang": r["lang"], "text": r["text"], "entities": r["entities"], "non_entities": r["non_entities"]}
        f.write(json.dumps(o, ensure_ascii=False) + '\n')
print(len(recs), "records written")
