import json, collections, glob, sys
HIT={'paraphrase','abbreviation','typo','reorder','formality','casing','length'}
MISS={'number','entity','identifier','scope','format','negation','direction_unit','language','superlative'}
rows=[]
for f in sorted(glob.glob('/work/blind/cache/src/*.txt')):
    kind=None
    for ln in open(f,encoding='utf-8'):
        ln=ln.rstrip('\n')
        if not ln.strip(): continue
        if ln.startswith('# kind:'):
            kind=ln.split(':',1)[1].strip(); continue
        head,a,b=ln.split(' :: ')
        lang,topic=head.split()
        label='hit' if kind in HIT else 'miss'
        assert kind in HIT|MISS
        rows.append(dict(a=a.strip(),b=b.strip(),label=label,kind=kind,lang=lang,topic=topic))
# interleave deterministically so file isn't grouped by kind
import random
random.Random(20261129).shuffle(rows)
with open('/work/blind/cache/pairs.jsonl','w',encoding='utf-8') as o:
    for i,r in enumerate(rows,1):
        r={'id':f'bc-{i:04d}',**r}
        o.write(json.dumps(r,ensure_ascii=False)+'\n')
print(len(rows))
