import json, collections, sys
P='/work/blind/cache/pairs.jsonl'
HIT={'paraphrase','abbreviation','typo','reorder','formality','casing','length'}
MISS={'number','entity','identifier','scope','format','negation','direction_unit','language','superlative'}
F=['id','a','b','label','kind','lang','topic']
rows=[];err=[]
for n,ln in enumerate(open(P,encoding='utf-8'),1):
    try: r=json.loads(ln)
    except Exception as e: err.append(f'line {n}: bad json {e}'); continue
    for f in F:
        if not isinstance(r.get(f),str) or not r[f].strip(): err.append(f'line {n}: field {f}')
    if set(r)-set(F): err.append(f'line {n}: extra fields')
    if r['label'] not in ('hit','miss'): err.append(f'line {n}: label')
    if r['lang'] not in ('en','de','fr','es','mixed'): err.append(f'line {n}: lang')
    if (r['kind'] in HIT)!=(r['label']=='hit') or r['kind'] not in HIT|MISS: err.append(f'line {n}: kind/label')
    if (r['kind']=='language')!=(r['lang']=='mixed'): err.append(f'line {n}: language kind must be mixed')
    if r['a'].strip()==r['b'].strip(): err.append(f'line {n}: a==b')
    rows.append(r)
ids=[r['id'] for r in rows]
if len(ids)!=len(set(ids)): err.append('duplicate ids')
pairs=collections.Counter(frozenset((r['a'],r['b'])) for r in rows)
err+= [f'duplicate pair {tuple(p)}' for p,c in pairs.items() if c>1]
prompts=collections.Counter(p for r in rows for p in (r['a'],r['b']))
dupp=[p for p,c in prompts.items() if c>1]
C=lambda k: collections.Counter(r[k] for r in rows)
lab,kind,lang,topic=C('label'),C('kind'),C('lang'),C('topic')
if len(rows)<420: err.append('fewer than 420')
for k in HIT|MISS:
    if kind[k]<20: err.append(f'kind {k} <20')
if len(topic)<16: err.append('topics <16')
print('total',len(rows)); print('label',dict(lab))
print('kind',dict(sorted(kind.items())))
print('lang',dict(lang), 'non-English single-language share: %.1f%%'%(100*(lang['de']+lang['fr']+lang['es'])/len(rows)))
print('topic',dict(sorted(topic.items())), len(topic),'topics')
ct=collections.Counter((r['topic'],r['label']) for r in rows)
print('prompts reused across pairs:',len(dupp), dupp[:10])
print('ERRORS' if err else 'OK', err)
