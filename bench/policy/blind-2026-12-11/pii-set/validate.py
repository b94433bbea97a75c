#!/usr/bin/env python3
"""Validate pii.jsonl; writes validate_output.txt (also printed)."""
import json, os, re, collections
HERE = os.path.dirname(os.path.abspath(__file__))
TYPES = ['PERSON','ADDRESS','PHONE','EMAIL','CREDIT_CARD','IBAN','US_SSN','PASSPORT','DATE_OF_BIRTH','IP_ADDRESS',
         'GOOGLE_API_KEY','AWS_ACCESS_KEY','JWT','URL_TOKEN','SECRET']
MIN = {'PERSON':380,'ADDRESS':90,'SECRET':60,'URL_TOKEN':25,'PHONE':50,'IP_ADDRESS':25}
out, errors, warns = [], [], []
def luhn(n):
    s=0
    for i,ch in enumerate(reversed(n)):
        d=int(ch)
        if i%2: d*=2; d-= 9 if d>9 else 0
        s+=d
    return s%10==0
def mod97(s):
    s=s[4:]+s[:4]
    return int(''.join(str(int(c,36)) for c in s))%97==1
recs=[json.loads(l) for l in open(os.path.join(HERE,'pii.jsonl'),encoding='utf-8')]
meta={m['id']:m for m in (json.loads(l) for l in open(os.path.join(HERE,'pii_meta.jsonl'),encoding='utf-8'))}
ids=set(); texts=set()
tc=collections.Counter(); nc=collections.Counter(); lang=collections.Counter(); cont=collections.Counter(); dom=collections.Counter()
for i,r in enumerate(recs,1):
    if set(r)!={'id','lang','text','entities','non_entities'}: errors.append(f"{r.get('id')}: keys {sorted(r)}")
    if r['id']!='pii14-%04d'%i: errors.append(f"{r['id']}: id out of sequence")
    if r['id'] in ids: errors.append(f"dup id {r['id']}")
    if r['text'] in texts: errors.append(f"dup text {r['id']}")
    ids.add(r['id']); texts.add(r['text']); lang[r['lang']]+=1
    m=meta.get(r['id'],{}); cont[m.get('container')]+=1; dom[m.get('domain')]+=1
    spans=[]
    for e in r['entities']:
        if e['type'] not in TYPES: errors.append(f"{r['id']}: bad type {e['type']}")
        if not e['value'] or e['value'] not in r['text']: errors.append(f"{r['id']}: entity not substring {e['value'][:40]!r}"); continue
        if e['value']!=e['value'].strip(): warns.append(f"{r['id']}: whitespace at edge {e['value']!r}")
        tc[e['type']]+=1
        st=r['text'].index(e['value']); en=st+len(e['value']); spans.append((st,en,e['type']))
        t=r['text']
        if re.match(r'\w',e['value'][0]) and st>0 and re.match(r'\w',t[st-1]): warns.append(f"{r['id']}: {e['type']} first occurrence starts inside a word: {e['value'][:30]!r}")
        if re.match(r'\w',e['value'][-1]) and en<len(t) and re.match(r'\w',t[en]): warns.append(f"{r['id']}: {e['type']} first occurrence ends inside a word: {e['value'][:30]!r}")
        d=re.sub(r'[ -]','',e['value'])
        if e['type']=='CREDIT_CARD' and (not d.isdigit() or not luhn(d)): errors.append(f"{r['id']}: CC not Luhn-valid {e['value']}")
        if e['type']=='IBAN' and not mod97(d.upper()): errors.append(f"{r['id']}: IBAN mod97 fail {e['value']}")
    for e in r['non_entities']:
        if not e['value'] or e['value'] not in r['text']: errors.append(f"{r['id']}: non-entity not substring {e['value'][:40]!r}"); continue
        nc[e['type']]+=1
        st=r['text'].index(e['value']); en=st+len(e['value'])
        for a,b,t in spans:
            if st<b and a<en: warns.append(f"{r['id']}: look-alike {e['value'][:30]!r} overlaps {t} span")
        d=re.sub(r'[ -]','',e['value'])
        if e['type'] in ('INVALID_CARD','LUHN_INVALID_CARD') and luhn(d): errors.append(f"{r['id']}: look-alike card is Luhn-valid {e['value']}")
        if e['type']=='INVALID_IBAN' and mod97(d.upper()): errors.append(f"{r['id']}: look-alike IBAN is valid {e['value']}")
    for i1,(a1,b1,t1) in enumerate(spans):
        for i2,(a2,b2,t2) in enumerate(spans):
            if i1!=i2 and a2<=a1 and b1<=b2 and (a1,b1)!=(a2,b2):
                warns.append(f"{r['id']}: {t1} {r['text'][a1:b1][:30]!r} first occurrence lies inside {t2} span {r['text'][a2:b2][:30]!r}")
            elif i1<i2 and a1<b2 and a2<b1 and not (a2<=a1 and b1<=b2) and not (a1<=a2 and b2<=b1):
                warns.append(f"{r['id']}: partial overlap {t1}/{t2}")
    pairs=[(e['type'],e['value']) for e in r['entities']]
    if len(pairs)!=len(set(pairs)): warns.append(f"{r['id']}: duplicate entity entry")
N=len(recs); NE=sum(tc.values()); NN=sum(nc.values())
out.append(f"records: {N}  (min 320) {'OK' if N>=320 else 'SHORT'}")
out.append(f"entities: {NE}  (min 700) {'OK' if NE>=700 else 'SHORT'}")
out.append(f"non_entities (look-alikes): {NN} (min 320) {'OK' if NN>=320 else 'SHORT'}; distinct labels: {len(nc)} (min 100) {'OK' if len(nc)>=100 else 'SHORT'}")
out.append("entities per type:")
other=0
for t in TYPES:
    need=MIN.get(t,8); ok=tc[t]>=need
    if t not in ('PERSON','ADDRESS'): other+=tc[t]
    out.append(f"  {t:15s} {tc[t]:4d}  (min {need}) {'OK' if ok else 'SHORT'}")
out.append(f"  13 non-PERSON/ADDRESS types together: {other} (min 300) {'OK' if other>=300 else 'SHORT'}")
out.append("languages: "+', '.join(f"{k}={v} ({100*v/N:.1f}%)" for k,v in lang.most_common()))
dfe=sum(lang[k] for k in ('de','fr','es'))
out.append(f"  de+fr+es share: {100*dfe/N:.1f}% (min 28%) {'OK' if dfe/N>=.28 else 'SHORT'}; each >=8%: {'OK' if all(lang[k]/N>=.08 for k in ('de','fr','es')) else 'SHORT'}")
oth=N-dfe-lang['en']; out.append(f"  other languages: {oth} ({100*oth/N:.1f}%, max 5%) {'OK' if oth/N<=.05 else 'TOO MANY'}")
out.append(f"containers ({len(cont)} kinds; kinds with >=8 records: {sum(1 for v in cont.values() if v>=8)}, need 12): "+', '.join(f"{k}={v}" for k,v in cont.most_common()))
out.append(f"domains ({len(dom)}): "+', '.join(f"{k}={v}" for k,v in dom.most_common()))
out.append("look-alike labels: "+', '.join(f"{k}={v}" for k,v in sorted(nc.items())))
out.append(f"ERRORS: {len(errors)}"); out += ['  '+e for e in errors]
out.append(f"WARNINGS: {len(warns)}"); out += ['  '+w for w in warns]
txt='\n'.join(out); print(txt)
open(os.path.join(HERE,'validate_output.txt'),'w',encoding='utf-8').write(txt+'\n')
