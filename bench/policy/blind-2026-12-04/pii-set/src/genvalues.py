# Stdlib helper: prints checksum-valid / deliberately-invalid values to paste by hand.
import random, string, base64, json
r = random.Random(7707)
def luhn_ok(n):
    d=[int(c) for c in n][::-1]; s=0
    for i,x in enumerate(d):
        if i%2: x*=2; x-= 9 if x>9 else 0
        s+=x
    return s%10==0
def luhn_make(prefix, length):
    while True:
        body = prefix + ''.join(r.choice(string.digits) for _ in range(length-len(prefix)-1))
        for c in string.digits:
            if luhn_ok(body+c): return body+c
def iban_make(cc, bban):
    num = ''.join(str(int(ch,36)) for ch in bban+cc+'00')
    ck = 98 - int(num)%97
    return f"{cc}{ck:02d}{bban}"
def iban_ok(i):
    i=i.replace(' ','');s=i[4:]+i[:4]
    return int(''.join(str(int(c,36)) for c in s))%97==1
def digits(n): return ''.join(r.choice(string.digits) for _ in range(n))
print("CARDS valid")
for p,l in [('4',16)]*6+[('51',16),('52',16),('55',16),('2221',16)]+[('34',15),('37',15)]*2+[('6011',16),('35',16)]*2:
    print(luhn_make(p,l))
print("CARDS invalid (luhn fails)")
for _ in range(8):
    c=luhn_make('4',16); bad=c[:-1]+str((int(c[-1])+3)%10); assert not luhn_ok(bad); print(bad)
print("IBAN valid")
specs=[('DE',lambda: digits(18)),('DE',lambda: digits(18)),('DE',lambda: digits(18)),('FR',lambda: digits(10)+''.join(r.choice(string.ascii_uppercase+string.digits) for _ in range(11))+digits(2)),('FR',lambda: digits(23)),
('ES',lambda: digits(20)),('ES',lambda: digits(20)),('GB',lambda: 'NWBK'+digits(14)),('GB',lambda: 'BARC'+digits(14)),('NL',lambda: 'ABNA'+digits(10)),('IT',lambda: 'X'+digits(10)+digits(12)),('AT',lambda: digits(16)),('CH',lambda: digits(17)),('BE',lambda: digits(12)),('PL',lambda:digits(24)),('IE',lambda:'AIBK'+digits(14))]
for cc,f in specs:
    i=iban_make(cc,f()); assert iban_ok(i); print(i)
print("IBAN invalid")
for cc in ['DE','FR','ES','GB','NL','DE']:
    i=iban_make(cc, digits(18) if cc!='GB' else 'MIDL'+digits(14)); bad=i[:2]+('%02d'%((int(i[2:4])+1)%100 or 2))+i[4:]
    assert not iban_ok(bad); print(bad)
print("SSN valid-shaped")
for _ in range(14):
    a=r.randint(1,899)
    while a==666: a=r.randint(1,899)
    print(f"{a:03d}-{r.randint(1,99):02d}-{r.randint(1,9999):04d}")
print("AWS")
for _ in range(8): print('AKIA'+''.join(r.choice(string.ascii_uppercase+'234567') for _ in range(16)))
print("AWS secret-ish")
for _ in range(4): print(''.join(r.choice(string.ascii_letters+string.digits+'/+') for _ in range(40)))
print("GOOGLE")
for _ in range(8): print('AIza'+''.join(r.choice(string.ascii_letters+string.digits+'-_') for _ in range(35)))
print("JWT")
def b64(d): return base64.urlsafe_b64encode(json.dumps(d,separators=(',',':')).encode()).rstrip(b'=').decode()
for i in range(8):
    h=b64({"alg":"HS256","typ":"JWT"}); p=b64({"sub":str(r.randint(1000,99999)),"iat":1700000000+r.randint(0,9999999),"role":r.choice(["user","admin","svc"])})
    s=base64.urlsafe_b64encode(bytes(r.getrandbits(8) for _ in range(32))).rstrip(b'=').decode()
    print(h+'.'+p+'.'+s)
print("TOKENS")
for _ in range(12): print(''.join(r.choice(string.ascii_letters+string.digits) for _ in range(r.choice([24,32,40]))))
print("HEX hashes")
for n in [40,64,32,40,64,7,12]: print(''.join(r.choice('0123456789abcdef') for _ in range(n)))
