import sys, os
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from gen_values import *
RECS = []
def r(lang, text, ents=(), non=()):
    RECS.append({"lang": lang, "text": text,
                 "entities": [{"type": t, "value": v} for t, v in ents],
                 "non_entities": [{"type": t, "value": v} for t, v in non]})
def sp4(n):
    return ' '.join(n[i:i+4] for i in range(0, len(n), 4))
def dash4(n):
    return '-'.join(n[i:i+4] for i in range(0, len(n), 4))
def amex(n):
    return n[:4] + ' ' + n[4:10] + ' ' + n[10:]
VISA = [card('4') for _ in range(14)]
MC = [card(p) for p in ['51','52','53','54','55','2221','2720','51','55','53']]
AMEX = [card(p, 15) for p in ['34','37','34','37','37']]
DISC = [card(p) for p in ['6011','65','6011','644']]
JCB = [card('3528'), card('3589')]
DINERS = [card('36', 14), card('300', 14)]
BAD16 = [luhn_invalid('4') for _ in range(6)] + [luhn_invalid('5') for _ in range(4)]
IB = {c: iban(c) for c in BBAN_SPEC}
IB2 = {c: iban(c) for c in ['DE', 'FR', 'ES', 'GB', 'IT', 'NL']}
IBX = {c: iban_invalid(c) for c in ['DE', 'FR', 'ES', 'GB', 'IT', 'NL', 'BE', 'AT', 'PL', 'CH']}
AWS = [aws_key() for _ in range(8)]
GK = [google_key() for _ in range(8)]
def gh(): return 'ghp_' + rand_chars(36)
def sk(): return 'sk-' + rand_chars(48)
def skproj(): return 'sk-proj-' + rand_chars(40, string.ascii_letters + string.digits + '_-')
def xoxb(): return 'xoxb-' + rand_chars(11, string.digits) + '-' + rand_chars(13, string.digits) + '-' + rand_chars(24)
def glpat(): return 'glpat-' + rand_chars(20, string.ascii_letters + string.digits + '-_')
def sklive(): return 'sk_live_' + rand_chars(24)
def uuid():
    h = hexs(32); return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-a{h[17:20]}-{h[20:]}"
def sha(): return hexs(40)
