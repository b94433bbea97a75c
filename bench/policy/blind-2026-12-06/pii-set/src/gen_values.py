# Stdlib-only generator of checksum-valid (and deliberately invalid) values.
# Output is pasted by hand into the record sources; it is not used by build.py.
import random, base64, json, string, hashlib
random.seed(90210)

def luhn_ok(n):
    d=[int(c) for c in n][::-1]; s=0
    for i,x in enumerate(d):
        if i%2: x*=2; x-= 9 if x>9 else 0
        s+=x
    return s%10==0
def luhn_make(prefix,length):
    while True:
        body=prefix+''.join(random.choice('0123456789') for _ in range(length-len(prefix)-1))
        for c in '0123456789':
            if luhn_ok(body+c): return body+c
def luhn_bad(prefix,length):
    n=luhn_make(prefix,length); last=(int(n[-1])+3)%10
    return n[:-1]+str(last)
def iban(cc,bban):
    rearr=bban+cc+'00'
    num=''.join(str(int(c,36)) for c in rearr)
    chk=98-int(num)%97
    return f"{cc}{chk:02d}{bban}"
def iban_ok(s):
    s=s.replace(' ','');r=s[4:]+s[:4]
    return int(''.join(str(int(c,36)) for c in r))%97==1
def dig(n): return ''.join(random.choice('0123456789') for _ in range(n))
def up(n): return ''.join(random.choice(string.ascii_uppercase) for _ in range(n))
def grp(s,k=4): return ' '.join(s[i:i+k] for i in range(0,len(s),k))
out=[]
out.append('# VISA'); out+= [luhn_make('4',16) for _ in range(14)]
out.append('# MC'); out+= [luhn_make(random.choice(['51','52','53','54','55']),16) for _ in range(10)]
out.append('# AMEX'); out+= [luhn_make(random.choice(['34','37']),15) for _ in range(6)]
out.append('# DISCOVER'); out+= [luhn_make('6011',16) for _ in range(3)]
out.append('# BAD CARDS'); out+= [luhn_bad(random.choice(['4','5','37']),16) for _ in range(12)]
out.append('# IBAN valid')
for _ in range(4): out.append(grp(iban('DE',dig(18))))
for _ in range(3): out.append(grp(iban('FR',dig(10)+up(0)+dig(13))))
for _ in range(3): out.append(grp(iban('ES',dig(20))))
for _ in range(3): out.append(grp(iban('GB',up(4)+dig(14))))
for _ in range(2): out.append(grp(iban('NL',up(4)+dig(10))))
for _ in range(2): out.append(grp(iban('IT',up(1)+dig(10)+dig(12))))
for _ in range(2): out.append(grp(iban('AT',dig(16))))
for _ in range(2): out.append(grp(iban('CH',dig(17))))
out.append(grp(iban('BE',dig(12))))
out.append('# IBAN invalid')
for cc,b in [('DE',dig(18)),('FR',dig(23)),('ES',dig(20)),('GB',up(4)+dig(14)),('NL',up(4)+dig(10)),('DE',dig(18)),('IT',up(1)+dig(22)),('ES',dig(20))]:
    v=iban(cc,b); c=int(v[2:4]); c2=c+1 if c<97 else c-1
    v=v[:2]+f"{c2:02d}"+v[4:]; assert not iban_ok(v); out.append(grp(v))
out.append('# SSN')
for _ in range(16):
    a=random.randint(1,899)
    while a==666: a=random.randint(1,899)
    out.append(f"{a:03d}-{random.randint(1,99):02d}-{random.randint(1,9999):04d}")
out.append('# AWS')
for _ in range(10): out.append('AKIA'+''.join(random.choice(string.ascii_uppercase+'234567') for _ in range(16)))
out.append('# AWS secret-ish 40')
for _ in range(4): out.append(''.join(random.choice(string.ascii_letters+string.digits+'/+') for _ in range(40)))
out.append('# GOOGLE')
for _ in range(10): out.append('AIza'+''.join(random.choice(string.ascii_letters+string.digits+'_-') for _ in range(35)))
def b64(o): return base64.urlsafe_b64encode(json.dumps(o,separators=(',',':')).encode()).decode().rstrip('=')
out.append('# JWT')
for i in range(10):
    h=b64({"alg":random.choice(["HS256","RS256"]),"typ":"JWT"})
    p=b64({"sub":str(random.randint(1000,99999)),"iat":1700000000+random.randint(0,9999999),"role":random.choice(["user","admin","svc"])})
    s=base64.urlsafe_b64encode(bytes(random.getrandbits(8) for _ in range(32))).decode().rstrip('=')
    out.append(f"{h}.{p}.{s}")
out.append('# URL tokens')
for _ in range(14): out.append(''.join(random.choice(string.ascii_letters+string.digits) for _ in range(random.choice([24,32,40]))))
out.append('# hex hashes')
for _ in range(8): out.append(hashlib.sha1(dig(10).encode()).hexdigest())
for _ in range(4): out.append(hashlib.sha256(dig(10).encode()).hexdigest())
for _ in range(6): out.append(hashlib.md5(dig(10).encode()).hexdigest())
out.append('# uuids')
import uuid
for _ in range(6): out.append(str(uuid.UUID(int=random.getrandbits(128), version=4)))
out.append('# passports')
out+= [dig(9) for _ in range(4)]
out+= ['C'+''.join(random.choice('CFGHJKLMNPRTVWXYZ0123456789') for _ in range(8)) for _ in range(4)]
out+= [dig(2)+up(2)+dig(5) for _ in range(4)]
out+= [up(3)+dig(6) for _ in range(4)]
out+= [up(2)+dig(7) for _ in range(4)]
print('\n'.join(out))
