#!/usr/bin/env python3
"""Seeded generator for the synthetic values used in src/records_*.txt.

Everything here is random (random.Random(77031)) -- no real keys, cards or
accounts. Output: src/values.json, a flat {name: value} map. Record files refer
to a value as {{name}}.

Run:  python3 src/gen_values.py
"""
import base64
import json
import os
import random
import string

R = random.Random(77031)
OUT = {}

ALNUM = string.ascii_letters + string.digits
UPPER_DIG = string.ascii_uppercase + string.digits
B64URL = ALNUM + "-_"
HEX = "0123456789abcdef"


def rs(alphabet, n):
    return "".join(R.choice(alphabet) for _ in range(n))


def put(name, value):
    assert name not in OUT, name
    OUT[name] = value


# ---------------------------------------------------------------- IBAN
def iban_check(country, bban):
    rearr = bban + country + "00"
    num = "".join(str(int(c, 36)) for c in rearr)
    return "%02d" % (98 - int(num) % 97)


def iban_valid(iban):
    s = iban.replace(" ", "")
    rearr = s[4:] + s[:4]
    num = "".join(str(int(c, 36)) for c in rearr)
    return int(num) % 97 == 1


# country: BBAN pattern, n = digit, a = upper letter, c = upper alnum
IBAN_PATTERNS = {
    "DE": "nnnnnnnnnnnnnnnnnn",
    "FR": "nnnnnnnnnnccccccccccccnn",
    "ES": "nnnnnnnnnnnnnnnnnnnn",
    "GB": "aaaannnnnnnnnnnnnn",
    "IT": "annnnnnnnnnncccccccccccc",
    "NL": "aaaannnnnnnnnn",
    "BE": "nnnnnnnnnnnn",
    "AT": "nnnnnnnnnnnnnnnn",
    "CH": "nnnnncccccccccccc",
    "PL": "nnnnnnnnnnnnnnnnnnnnnnnn",
    "PT": "nnnnnnnnnnnnnnnnnnnnn",
    "IE": "aaaannnnnnnnnnnnnn",
    "SE": "nnnnnnnnnnnnnnnnnnnn",
    "DK": "nnnnnnnnnnnnnn",
    "FI": "nnnnnnnnnnnnnn",
    "NO": "nnnnnnnnnnn",
    "LU": "nnncccccccccccccc",
    "MT": "aaaannnnncccccccccccccccccc",
    "GR": "nnnnnnnccccccccccccccccc",
    "HR": "nnnnnnnnnnnnnnnnn",
}


def bban(pattern):
    out = []
    for p in pattern:
        if p == "n":
            out.append(R.choice(string.digits))
        elif p == "a":
            out.append(R.choice(string.ascii_uppercase))
        else:
            out.append(R.choice(UPPER_DIG))
    return "".join(out)


def group4(s):
    return " ".join(s[i:i + 4] for i in range(0, len(s), 4))


iban_plan = {"DE": 4, "FR": 3, "ES": 3, "GB": 2, "IT": 2, "NL": 2, "BE": 1,
             "AT": 1, "CH": 1, "PL": 1, "PT": 1, "IE": 1, "SE": 1, "DK": 1,
             "FI": 1, "NO": 1, "LU": 1, "MT": 1, "GR": 1, "HR": 1}
for cc, n in iban_plan.items():
    for i in range(1, n + 1):
        b = bban(IBAN_PATTERNS[cc])
        iban = cc + iban_check(cc, b) + b
        assert iban_valid(iban)
        put("iban_%s%d" % (cc.lower(), i), iban)
        put("iban_%s%d_g" % (cc.lower(), i), group4(iban))

# invalid IBAN-like strings (wrong check digits)
for i, cc in enumerate(["DE", "FR", "ES", "GB", "NL", "IT"], 1):
    b = bban(IBAN_PATTERNS[cc])
    good = iban_check(cc, b)
    bad = good
    while bad == good:
        bad = "%02d" % R.randint(2, 98)
    iban = cc + bad + b
    assert not iban_valid(iban)
    put("badiban_%d" % i, iban)
    put("badiban_%d_g" % i, group4(iban))


# ---------------------------------------------------------------- cards
def luhn_ok(num):
    d = [int(c) for c in num if c.isdigit()]
    tot = 0
    for i, x in enumerate(reversed(d)):
        if i % 2 == 1:
            x *= 2
            if x > 9:
                x -= 9
        tot += x
    return tot % 10 == 0


def luhn_complete(prefix, length):
    body = prefix + "".join(R.choice(string.digits) for _ in range(length - len(prefix) - 1))
    for c in string.digits:
        if luhn_ok(body + c):
            return body + c
    raise AssertionError


def fmt_card(num, style):
    if style == "plain":
        return num
    sep = " " if style == "space" else "-"
    if len(num) == 15:  # amex 4-6-5
        return sep.join([num[:4], num[4:10], num[10:]])
    if len(num) == 14:  # diners 4-6-4
        return sep.join([num[:4], num[4:10], num[10:]])
    return sep.join(num[i:i + 4] for i in range(0, len(num), 4))


card_plan = [
    ("visa", "4", 16), ("visa", "4", 16), ("visa", "4", 16), ("visa", "4", 16),
    ("mc", "53", 16), ("mc", "55", 16), ("mc", "2231", 16),
    ("amex", "37", 15), ("amex", "34", 15),
    ("disc", "6011", 16), ("jcb", "3566", 16), ("diners", "36", 14),
    ("maestro", "6759", 16), ("cup", "62", 16),
]
counter = {}
for brand, pre, ln in card_plan:
    counter[brand] = counter.get(brand, 0) + 1
    num = luhn_complete(pre, ln)
    base = "card_%s%d" % (brand, counter[brand])
    put(base, num)
    put(base + "_s", fmt_card(num, "space"))
    put(base + "_d", fmt_card(num, "dash"))

# Luhn-invalid 16-digit strings
for i in range(1, 7):
    num = luhn_complete(R.choice(["4", "5", "4", "6"]), 16)
    last = int(num[-1])
    num = num[:-1] + str((last + R.randint(1, 9)) % 10)
    assert not luhn_ok(num)
    put("badcard_%d" % i, num)
    put("badcard_%d_s" % i, fmt_card(num, "space"))
    put("badcard_%d_d" % i, fmt_card(num, "dash"))


# ---------------------------------------------------------------- tokens
def b64u(raw):
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


for i in range(1, 5):
    put("ghp_%d" % i, "ghp_" + rs(ALNUM, 36))
for i in range(1, 3):
    put("ghpat_%d" % i, "github_pat_" + rs(UPPER_DIG, 22) + "_" + rs(ALNUM, 59))
put("gho_1", "gho_" + rs(ALNUM, 36))
put("ghs_1", "ghs_" + rs(ALNUM, 36))
for i in range(1, 4):
    put("glpat_%d" % i, "glpat-" + rs(ALNUM + "-_", 20))
for i in range(1, 4):
    put("xoxb_%d" % i, "xoxb-%s-%s-%s" % (rs(string.digits, 12), rs(string.digits, 13), rs(ALNUM, 24)))
for i in range(1, 3):
    put("xoxp_%d" % i, "xoxp-%s-%s-%s-%s" % (rs(string.digits, 12), rs(string.digits, 12), rs(string.digits, 13), rs(HEX, 32)))
put("slack_hook_1", "T%s/B%s/%s" % (rs(UPPER_DIG, 10), rs(UPPER_DIG, 10), rs(ALNUM, 24)))
put("slack_hook_2", "T%s/B%s/%s" % (rs(UPPER_DIG, 10), rs(UPPER_DIG, 10), rs(ALNUM, 24)))
for i in range(1, 4):
    put("sk_live_%d" % i, "sk_live_" + rs(ALNUM, 99 if i == 1 else 24))
put("rk_live_1", "rk_live_" + rs(ALNUM, 24))
put("sk_test_1", "sk_test_" + rs(ALNUM, 24))
put("pk_live_1", "pk_live_" + rs(ALNUM, 24))          # publishable -> look-alike
put("pk_test_1", "pk_test_" + rs(ALNUM, 24))
put("whsec_1", "whsec_" + rs(ALNUM, 32))
put("whsec_2", "whsec_" + rs(ALNUM, 32))
for i in range(1, 4):
    put("openai_%d" % i, "sk-proj-" + rs(B64URL, 74) + "T3BlbkFJ" + rs(B64URL, 74) if i == 1 else "sk-" + rs(ALNUM, 20) + "T3BlbkFJ" + rs(ALNUM, 20))
for i in range(1, 3):
    put("anthropic_%d" % i, "sk-ant-api03-" + rs(B64URL, 93) + "AA")
put("anthropic_admin_1", "sk-ant-admin01-" + rs(B64URL, 93) + "AA")
for i in range(1, 3):
    put("sendgrid_%d" % i, "SG." + rs(B64URL, 22) + "." + rs(B64URL, 43))
put("twilio_sid_1", "AC" + rs(HEX, 32))
put("twilio_tok_1", rs(HEX, 32))
put("twilio_sk_1", "SK" + rs(HEX, 32))
for i in range(1, 3):
    put("npm_%d" % i, "npm_" + rs(ALNUM, 36))
put("pypi_1", "pypi-AgEIcHlwaS5vcmc" + rs(B64URL, 140))
put("pypi_2", "pypi-AgENdGVzdC5weXBpLm9yZw" + rs(B64URL, 120))
for i in range(1, 3):
    put("hf_%d" % i, "hf_" + rs(string.ascii_letters, 34))
for i in range(1, 3):
    put("azure_key_%d" % i, base64.b64encode(bytes(R.getrandbits(8) for _ in range(64))).decode())
put("azure_sas_sig_1", base64.b64encode(bytes(R.getrandbits(8) for _ in range(32))).decode().replace("+", "%2B").replace("/", "%2F").replace("=", "%3D"))
put("azure_sb_key_1", base64.b64encode(bytes(R.getrandbits(8) for _ in range(32))).decode())
put("shpat_1", "shpat_" + rs(HEX, 32))
put("mailgun_1", "key-" + rs(HEX, 32))
put("dop_1", "dop_v1_" + rs(HEX, 64))
put("mailchimp_1", rs(HEX, 32) + "-us14")
put("telegram_1", "%s:AA%s" % (rs(string.digits, 10), rs(B64URL, 33)))
put("hvs_1", "hvs." + rs(B64URL, 24))
put("doppler_1", "dp.st.prd." + rs(ALNUM, 43))
put("postman_1", "PMAK-" + rs(HEX, 24) + "-" + rs(HEX, 34))
put("linear_1", "lin_api_" + rs(ALNUM, 40))
put("notion_1", "ntn_" + rs(ALNUM, 46))
put("atlassian_1", "ATATT3xFfGF0" + rs(B64URL, 170) + "=" + rs(HEX.upper(), 8))
put("datadog_1", rs(HEX, 32))
put("cf_token_1", rs(B64URL, 40))
put("sq_1", "EAAA" + rs(B64URL, 60))
put("discord_hook_1", rs(string.digits, 19) + "/" + rs(B64URL, 68))
put("figma_1", "figd_" + rs(B64URL, 40))
put("gcp_sa_pk_id_1", rs(HEX, 40))   # private_key_id in service account json
put("sentry_key_1", rs(HEX, 32))
put("docker_pat_1", "dckr_pat_" + rs(B64URL, 27))
put("tfc_1", rs(ALNUM, 14) + ".atlasv1." + rs(ALNUM, 67))
put("pulumi_1", "pul-" + rs(HEX, 40))
put("newrelic_1", "NRAK-" + rs(UPPER_DIG, 27))
put("grafana_1", "glsa_" + rs(ALNUM, 32) + "_" + rs(HEX, 8))
put("algolia_admin_1", rs(HEX, 32))

for i in range(1, 9):
    put("bearer_%d" % i, rs(B64URL, R.choice([32, 40, 48, 64])))
for i in range(1, 9):
    put("opaque_%d" % i, rs(ALNUM, R.choice([24, 32, 40])))

# AWS
AWS_ALPH = string.ascii_uppercase + "234567"
for i in range(1, 8):
    put("akia_%d" % i, "AKIA" + rs(AWS_ALPH, 16))
put("asia_1", "ASIA" + rs(AWS_ALPH, 16))
put("asia_2", "ASIA" + rs(AWS_ALPH, 16))
for i in range(1, 7):
    put("awssecret_%d" % i, rs(string.ascii_letters + string.digits + "+/", 40))
put("aws_session_1", rs(ALNUM + "+/", 300) + "==")

# Google API keys
for i in range(1, 11):
    put("gapi_%d" % i, "AIza" + rs(ALNUM + "-_", 35))


# JWTs
def jwt(payload, alg="HS256"):
    h = b64u(json.dumps({"alg": alg, "typ": "JWT"}, separators=(",", ":")).encode())
    p = b64u(json.dumps(payload, separators=(",", ":")).encode())
    siglen = 32 if alg.startswith("HS") else 256
    s = b64u(bytes(R.getrandbits(8) for _ in range(siglen)))
    return "%s.%s.%s" % (h, p, s)


jwt_payloads = [
    {"sub": "8841207", "name": "M. Okafor", "iat": 1733050000, "exp": 1733053600},
    {"sub": "user_2fKq", "role": "admin", "iat": 1731402211},
    {"iss": "https://auth.fernhill.example", "aud": "api", "sub": "c91e", "exp": 1767225600},
    {"uid": 4471, "scope": "read:orders write:orders", "iat": 1729000000},
    {"sub": "svc-billing", "tenant": "eu-2", "exp": 1750000000},
    {"email_verified": True, "sub": "00u8x", "iat": 1740000000},
    {"sid": "b7f1", "typ": "refresh", "exp": 1760000000},
    {"sub": "42", "adm": False, "iat": 1720000000},
    {"aud": "mobile", "sub": "k.w", "iat": 1745000000, "exp": 1745003600},
    {"sub": "nina", "perm": ["export"], "iat": 1712345678},
    {"sub": "device-77", "iat": 1755555555},
    {"sub": "ops", "iat": 1701111111},
]
for i, p in enumerate(jwt_payloads, 1):
    put("jwt_%d" % i, jwt(p, "RS256" if i in (3, 6) else "HS256"))

# URL tokens
for i in range(1, 21):
    put("urltok_%d" % i, rs(B64URL, R.choice([22, 32, 43, 48])))
for i in range(1, 5):
    put("urlhex_%d" % i, rs(HEX, R.choice([32, 40, 64])))
put("amzsig_1", rs(HEX, 64))
put("amzsig_2", rs(HEX, 64))
put("gcs_sig_1", rs(HEX, 512))

# private keys
def pem_body(nbytes):
    raw = base64.b64encode(bytes(R.getrandbits(8) for _ in range(nbytes))).decode()
    return "\n".join(raw[i:i + 64] for i in range(0, len(raw), 64))


put("pem_rsa_1", "-----BEGIN RSA PRIVATE KEY-----\n" + pem_body(300) + "\n-----END RSA PRIVATE KEY-----")
put("pem_ec_1", "-----BEGIN EC PRIVATE KEY-----\n" + pem_body(121) + "\n-----END EC PRIVATE KEY-----")
put("pem_p8_1", "-----BEGIN PRIVATE KEY-----\n" + pem_body(240) + "\n-----END PRIVATE KEY-----")
put("pem_ossh_1", "-----BEGIN OPENSSH PRIVATE KEY-----\n" + "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n" + pem_body(260) + "\n-----END OPENSSH PRIVATE KEY-----")
put("gcp_pk_1", "-----BEGIN PRIVATE KEY-----\\n" + base64.b64encode(bytes(R.getrandbits(8) for _ in range(180))).decode() + "\\n-----END PRIVATE KEY-----\\n")
put("pub_cert_1", "-----BEGIN CERTIFICATE-----\n" + pem_body(180) + "\n-----END CERTIFICATE-----")
put("ssh_pub_1", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI" + rs(ALNUM + "+/", 43))
put("ssh_pub_2", "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABgQ" + rs(ALNUM + "+/", 180))
put("age_pub_1", "age1" + rs("qpzry9x8gf2tvdw0s3jn54khce6mua7l", 58))
put("age_sec_1", "AGE-SECRET-KEY-1" + rs("QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L", 58))

# look-alike material
for i in range(1, 13):
    put("sha1_%d" % i, rs(HEX, 40))
for i in range(1, 9):
    put("sha256_%d" % i, rs(HEX, 64))
for i in range(1, 5):
    put("md5_%d" % i, rs(HEX, 32))
for i in range(1, 13):
    h = rs(HEX, 32)
    h = h[:12] + "4" + h[13:16] + R.choice("89ab") + h[17:]
    put("uuid_%d" % i, "%s-%s-%s-%s-%s" % (h[:8], h[8:12], h[12:16], h[16:20], h[20:]))
for i in range(1, 4):
    put("digest_%d" % i, "sha256:" + rs(HEX, 64))
for i in range(1, 4):
    put("fp_%d" % i, ":".join(rs("0123456789ABCDEF", 2) for _ in range(32)))
put("ssh_fp_1", "SHA256:" + rs(ALNUM + "+/", 43))
put("ssh_fp_2", "SHA256:" + rs(ALNUM + "+/", 43))
for i in range(1, 5):
    put("b64blob_%d" % i, base64.b64encode(bytes(R.getrandbits(8) for _ in range(R.choice([18, 24, 30])))).decode())
put("pgp_fp_1", " ".join(rs("0123456789ABCDEF", 4) for _ in range(10)))
put("ipfs_1", "Qm" + rs("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz", 44))
put("btc_tx_1", rs(HEX, 64))
put("request_id_1", rs(HEX, 32))
put("trace_1", "00-" + rs(HEX, 32) + "-" + rs(HEX, 16) + "-01")
put("etag_1", rs(HEX, 32))
put("csp_nonce_1", rs(ALNUM, 22))
put("s3_etag_1", rs(HEX, 32) + "-7")

path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "values.json")
with open(path, "w", encoding="utf-8") as fh:
    json.dump(OUT, fh, indent=1, ensure_ascii=False, sort_keys=True)
print("wrote %d values to %s" % (len(OUT), path))
