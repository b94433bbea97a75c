import json, random, sys, collections
sys.path.insert(0, 'src')
import att1, att2, att3, att4, ben1, ben2, ben3
rows = []
for m in (att1, att2, att3, att4):
    for fam, lang, text in m.A:
        rows.append({"text": text, "label": "attack", "family": fam, "lang": lang})
for m in (ben1, ben2, ben3):
    for kind, lang, text in m.B:
        rows.append({"text": text, "label": "benign", "kind": kind, "lang": lang})
random.Random(7).shuffle(rows)
seen = set()
with open('injection.jsonl', 'w', encoding='utf-8') as f:
    for i, r in enumerate(rows, 1):
        assert r['text'] not in seen, r['text'][:60]; seen.add(r['text'])
        r = {"id": "inj-%04d" % i, **r}
        f.write(json.dumps(r, ensure_ascii=False) + "\n")
print(len(rows))
