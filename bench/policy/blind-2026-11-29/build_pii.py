import json, random, sys, re
sys.path.insert(0, 'src')
import pii_common, pii1, pii2, pii3, pii4, pii5, pii6, pii7, pii8
from gen_values import luhn_valid, iban_valid
R = list(pii_common.RECS)
random.Random(11).shuffle(R)
with open('pii.jsonl', 'w', encoding='utf-8') as f:
    for i, rec in enumerate(R, 1):
        f.write(json.dumps({"id": "pii-%04d" % i, **rec}, ensure_ascii=False) + "\n")
print(len(R))
