"""Stdlib-only helpers to compute synthetic but checksum-valid test values.
Deterministic (seeded) so the data set can be regenerated."""
import random, string, base64, json

R = random.Random(20261129)

def luhn_check_digit(partial):
    s = 0
    for i, ch in enumerate(reversed(partial)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9: d -= 9
        s += d
    return str((10 - s % 10) % 10)

def luhn_valid(num):
    digits = [c for c in num if c.isdigit()]
    s = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9: d -= 9
        s += d
    return s % 10 == 0

def card(prefix, length=16):
    body = prefix + ''.join(R.choice(string.digits) for _ in range(length - len(prefix) - 1))
    return body + luhn_check_digit(body)

def luhn_invalid(prefix='4', length=16):
    c = card(prefix, length)
    last = (int(c[-1]) + 1 + R.randrange(8)) % 10
    bad = c[:-1] + str(last)
    assert not luhn_valid(bad)
    return bad

def iban_check(country, bban):
    rearr = bban + country + '00'
    num = ''.join(str(int(ch, 36)) for ch in rearr)
    return '%02d' % (98 - int(num) % 97)

def iban_valid(iban):
    s = iban.replace(' ', '')
    rearr = s[4:] + s[:4]
    return int(''.join(str(int(ch, 36)) for ch in rearr)) % 97 == 1

BBAN_SPEC = {  # country: (pattern) n=digit, a=upper letter, c=alnum
    'DE': 'n'*18, 'FR': 'n'*10 + 'c'*11 + 'n'*2, 'ES': 'n'*20, 'GB': 'aaaa' + 'n'*14,
    'NL': 'aaaa' + 'n'*10, 'IT': 'a' + 'n'*10 + 'c'*12, 'BE': 'n'*12, 'AT': 'n'*16,
    'CH': 'n'*5 + 'c'*12, 'PL': 'n'*24, 'PT': 'n'*21, 'IE': 'aaaa' + 'n'*14,
    'SE': 'n'*20, 'DK': 'n'*14, 'NO': 'n'*11, 'FI': 'n'*14, 'LU': 'n'*3 + 'c'*13,
    'CZ': 'n'*20, 'HU': 'n'*24, 'RO': 'aaaa' + 'c'*16, 'GR': 'n'*7 + 'c'*16,
    'HR': 'n'*17, 'SK': 'n'*20, 'SI': 'n'*15, 'LT': 'n'*16, 'EE': 'n'*16,
    'MT': 'aaaa' + 'n'*5 + 'c'*18, 'TR': 'n'*6 + 'c'*16, 'SA': 'n'*2 + 'c'*18,
    'AE': 'n'*19, 'BR': 'n'*23 + 'a' + 'c', 'IS': 'n'*22, 'CY': 'n'*8 + 'c'*16,
}

def iban(country):
    pat = BBAN_SPEC[country]
    out = ''
    for p in pat:
        if p == 'n': out += R.choice(string.digits)
        elif p == 'a': out += R.choice(string.ascii_uppercase)
        else: out += R.choice(string.ascii_uppercase + string.digits)
    return country + iban_check(country, out) + out

def iban_spaced(s):
    return ' '.join(s[i:i+4] for i in range(0, len(s), 4))

def iban_invalid(country):
    good = iban(country)
    cd = int(good[2:4])
    bad_cd = '%02d' % ((cd + 1 + R.randrange(90)) % 97 or 11)
    bad = good[:2] + bad_cd + good[4:]
    if iban_valid(bad):
        return iban_invalid(country)
    return bad

def rand_chars(n, alphabet=string.ascii_letters + string.digits):
    return ''.join(R.choice(alphabet) for _ in range(n))

def aws_key():
    return 'AKIA' + rand_chars(16, string.ascii_uppercase + '234567')

def google_key():
    return 'AIza' + rand_chars(35, string.ascii_letters + string.digits + '-_')

def b64url(d):
    return base64.urlsafe_b64encode(d).rstrip(b'=').decode()

def jwt(payload):
    h = b64url(json.dumps({"alg": "HS256", "typ": "JWT"}, separators=(',', ':')).encode())
    p = b64url(json.dumps(payload, separators=(',', ':')).encode())
    s = b64url(bytes(R.randrange(256) for _ in range(32)))
    return h + '.' + p + '.' + s

def hexs(n):
    return rand_chars(n, '0123456789abcdef')

if __name__ == '__main__':
    for p in ['4', '51', '55', '2221', '34', '37', '6011', '65', '3528', '36']:
        ln = 15 if p in ('34', '37') else (14 if p == '36' else 16)
        print(p, card(p, ln))
    for c in BBAN_SPEC:
        print(c, iban(c), iban_invalid(c))
    print(aws_key(), google_key(), jwt({"sub": "u1"}))
