#!/usr/bin/env python3
"""Seeded generator for every random-looking value used in the hand-written
records (tokens, keys, IBANs, cards, SSNs, passports, phones, hashes ...).

Output: src/values.json  ({"key": "value", ...}).  Records reference values as
{{key}}.  Nothing here is a real credential: all of it comes from
random.Random(SEED).  Python standard library only.
"""
import base64
import json
import os
import random
import string

SEED = 1108
R = random.Random(SEED)

UP = string.ascii_uppercase
LO = string.ascii_lowercase
DG = string.digits
AN = UP + LO + DG
HX = "0123456789abcdef"
B64U = AN + "-_"
B64 = AN + "+/"


def rs(alpha, n):
    return "".join(R.choice(alpha) for _ in range(n))


def b64url_json(obj):
    raw = json.dumps(obj, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


# ---------------------------------------------------------------- passwords
def pw():
    sym = "!#%*-_.+=@$^?"
    n = R.randint(13, 19)
    while True:
        s = [R.choice(AN) for _ in range(n)]
        for _ in range(R.randint(1, 3)):
            s[R.randrange(n)] = R.choice(sym)
        s = "".join(s)
        if any(c in sym for c in s) and any(c.isdigit() for c in s) and s[0].isalnum():
            return s


def upw():  # URL-safe password (for user:pass@host)
    return rs(AN, R.randint(12, 18))


def recov():
    return rs(LO + DG, 5) + "-" + rs(LO + DG, 5)


# ---------------------------------------------------------------- providers
def jwt():
    hdr = {"alg": R.choice(["HS256", "RS256", "ES256"]), "typ": "JWT"}
    if hdr["alg"] != "HS256":
        hdr["kid"] = rs(HX, 16)
    iat = R.randint(1700000000, 1760000000)
    pl = {"sub": str(R.randint(10000, 99999999)), "iat": iat, "exp": iat + R.choice([900, 3600, 86400])}
    if R.random() < 0.5:
        pl["scope"] = R.choice(["read:orders", "admin", "user", "api"])
    siglen = 43 if hdr["alg"] == "HS256" else (86 if hdr["alg"] == "ES256" else 342)
    return b64url_json(hdr) + "." + b64url_json(pl) + "." + rs(B64U, siglen)


def discord():
    snow = str(R.randint(10**17, 10**18 * 2))
    p1 = base64.b64encode(snow.encode()).decode().rstrip("=")
    return p1 + "." + rs(B64U, 6) + "." + rs(B64U, 38)


def b64block(prefix, lines, last):
    body = prefix + rs(B64, 64 - len(prefix))
    out = [body]
    for _ in range(lines - 1):
        out.append(rs(B64, 64))
    out.append(rs(B64, last) + "=")
    return "\n".join(out)


def rsa():
    return "-----BEGIN RSA PRIVATE KEY-----\n" + b64block("MIIEpAIBAAKCAQEA", 7, 39) + "\n-----END RSA PRIVATE KEY-----"


def pkcs8():
    return "-----BEGIN PRIVATE KEY-----\n" + b64block("MIIEvQIBADANBgkqhkiG9w0BAQEFAASC", 6, 27) + "\n-----END PRIVATE KEY-----"


def ec():
    return ("-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEI" + rs(B64, 55) + "\n" + rs(B64, 64)
            + "\n" + rs(B64, 47) + "==\n-----END EC PRIVATE KEY-----")


def ossh():
    return ("-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n"
            + rs(B64, 70) + "\n" + rs(B64, 70) + "\n" + rs(B64, 70) + "\n" + rs(B64, 36)
            + "==\n-----END OPENSSH PRIVATE KEY-----")


def pubkey():
    return "-----BEGIN PUBLIC KEY-----\n" + b64block("MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA", 4, 26) + "\n-----END PUBLIC KEY-----"


def sshpub():
    return "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI" + rs(B64, 43)


def fp_sha256():
    return "SHA256:" + rs(B64, 43)


def fp_colon():
    return ":".join(rs("0123456789ABCDEF", 2) for _ in range(20))


def uuid4():
    h = rs(HX, 32)
    h = h[:12] + "4" + h[13:16] + R.choice("89ab") + h[17:]
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


# ---------------------------------------------------------------- IBAN
IBAN_FMT = {  # country: list of (kind, length) ; kind n=digits a=upper c=alnum upper
    "DE": [("n", 18)], "FR": [("n", 10), ("c", 11), ("n", 2)], "ES": [("n", 20)],
    "GB": [("a", 4), ("n", 14)], "NL": [("a", 4), ("n", 10)], "IT": [("a", 1), ("n", 10), ("c", 12)],
    "BE": [("n", 12)], "AT": [("n", 16)], "CH": [("n", 5), ("c", 12)], "PL": [("n", 24)],
    "PT": [("n", 21)], "IE": [("a", 4), ("n", 14)], "LU": [("n", 3), ("c", 13)], "SE": [("n", 20)],
    "NO": [("n", 11)], "DK": [("n", 14)], "FI": [("n", 14)],
}
BANKS = {"GB": ["NWBK", "BARC", "LOYD", "MIDL"], "NL": ["ABNA", "RABO", "INGB", "TRIO"],
         "IE": ["AIBK", "BOFI"]}


def iban_num(s):
    return int("".join(str(int(c, 36)) for c in s))


def iban(cc, valid=True):
    parts = []
    for i, (k, n) in enumerate(IBAN_FMT[cc]):
        if k == "n":
            parts.append(rs(DG, n))
        elif k == "a":
            parts.append(R.choice(BANKS[cc]) if (cc in BANKS and n == 4) else rs(UP, n))
        else:
            parts.append(rs(DG + DG + UP, n) if cc != "FR" else rs(DG, n))
    bban = "".join(parts)
    chk = 98 - iban_num(bban + cc + "00") % 97
    if not valid:
        chk = (chk + R.randint(1, 50)) % 97 + 2
        if chk > 98:
            chk = 3
        if 98 - iban_num(bban + cc + "00") % 97 == chk:
            chk = chk + 1 if chk < 98 else 2
    return cc + f"{chk:02d}" + bban


def group4(s):
    return " ".join(s[i:i + 4] for i in range(0, len(s), 4))


# ---------------------------------------------------------------- cards
def luhn_ok(num):
    d = [int(c) for c in num][::-1]
    s = 0
    for i, x in enumerate(d):
        if i % 2:
            x *= 2
            if x > 9:
                x -= 9
        s += x
    return s % 10 == 0


def card(prefix, length, valid=True):
    while True:
        body = prefix + rs(DG, length - len(prefix) - 1)
        for c in DG:
            if luhn_ok(body + c) == valid:
                return body + c


def fmt_card(num, sep):
    if len(num) == 15:
        g = [num[:4], num[4:10], num[10:]]
    else:
        g = [num[i:i + 4] for i in range(0, len(num), 4)]
    return sep.join(g)


# ---------------------------------------------------------------- SSN
def ssn_digits():
    while True:
        a = R.randint(1, 899)
        if a == 666:
            continue
        g = R.randint(1, 99)
        s = R.randint(1, 9999)
        return f"{a:03d}", f"{g:02d}", f"{s:04d}"


# ---------------------------------------------------------------- phones
def d(n):
    return rs(DG, n)


def ph(kind):
    if kind == "fr":
        return R.choice(["06", "07"]) + " " + " ".join(d(2) for _ in range(4))
    if kind == "frfix":
        return R.choice(["01", "02", "03", "04", "05"]) + " " + " ".join(d(2) for _ in range(4))
    if kind == "frintl":
        return "+33 " + R.choice("67") + " " + " ".join(d(2) for _ in range(4))
    if kind == "deb":
        return R.choice(["030", "089", "040", "069", "0221"]) + " " + R.choice("2345678") + d(6)
    if kind == "demob":
        return R.choice(["0151", "0160", "0170", "0176", "0172"]) + " " + d(8)
    if kind == "deintl":
        return "+49 " + R.choice(["151", "160", "170", "176"]) + " " + d(8)
    if kind == "usp":
        return f"({R.randint(201, 989)}) 555-01{d(2)}"
    if kind == "usdot":
        return f"{R.randint(201, 989)}.555.01{d(2)}"
    if kind == "usdash":
        return f"{R.randint(201, 989)}-555-01{d(2)}"
    if kind == "usintl":
        return f"+1 {R.randint(201, 989)} 555 01{d(2)}"
    if kind == "ukmob":
        return "07700 900" + d(3)
    if kind == "ukintl":
        return "+44 7700 900" + d(3)
    if kind == "uklon":
        return "020 7946 0" + d(3)
    if kind == "es":
        return R.choice("67") + d(2) + " " + " ".join(d(2) for _ in range(3))
    if kind == "esintl":
        return "+34 " + R.choice("67") + d(2) + " " + d(3) + " " + d(3)
    if kind == "esfix":
        return R.choice(["91", "93", "96", "95"]) + d(1) + " " + d(3) + " " + d(3)
    if kind == "it":
        return "+39 3" + d(2) + " " + d(3) + " " + d(4)
    if kind == "nl":
        return "06-" + d(8)
    if kind == "ch":
        return "+41 7" + R.choice("6789") + " " + d(3) + " " + d(2) + " " + d(2)
    if kind == "at":
        return "+43 664 " + d(7)
    if kind == "be":
        return "+32 4" + R.choice("789") + d(1) + " " + " ".join(d(2) for _ in range(3))
    if kind == "mx":
        return "+52 55 " + d(4) + " " + d(4)
    if kind == "ar":
        return "+54 9 11 " + d(4) + "-" + d(4)
    raise KeyError(kind)


# ---------------------------------------------------------------- spec
V = {}


def put(kind, n, fn):
    for i in range(1, n + 1):
        V[f"{kind}{i}"] = fn()


def main():
    put("pw", 90, pw)
    put("upw", 30, upw)
    put("pinf", 20, lambda: d(4))
    put("pinsix", 20, lambda: d(6))
    put("otp", 16, lambda: d(6))
    put("otpe", 4, lambda: d(8))
    put("recov", 16, recov)
    put("ghp", 8, lambda: "ghp_" + rs(AN, 36))
    put("gho", 2, lambda: "gho_" + rs(AN, 36))
    put("ghs", 3, lambda: "ghs_" + rs(AN, 36))
    put("ghpat", 5, lambda: "github_pat_11" + rs(UP + DG, 20) + "_" + rs(AN, 59))
    put("glpat", 5, lambda: "glpat-" + rs(B64U, 20))
    put("xoxb", 5, lambda: f"xoxb-{d(12)}-{d(13)}-{rs(AN, 24)}")
    put("xoxp", 3, lambda: f"xoxp-{d(12)}-{d(12)}-{d(13)}-{rs(HX, 32)}")
    put("slkhook", 4, lambda: rs(AN, 24))
    put("slkteam", 4, lambda: "T0" + rs(UP + DG, 9))
    put("slkchan", 4, lambda: "B0" + rs(UP + DG, 9))
    put("sklive", 6, lambda: "sk_live_51" + rs(AN, 40))
    put("rklive", 3, lambda: "rk_live_51" + rs(AN, 40))
    put("sktest", 3, lambda: "sk_test_51" + rs(AN, 40))
    put("whsec", 5, lambda: "whsec_" + rs(AN, 32))
    put("pklive", 6, lambda: "pk_live_51" + rs(AN, 40))
    put("price", 5, lambda: "price_1" + rs(AN, 23))
    put("prod", 5, lambda: "prod_" + rs(AN, 14))
    put("cus", 4, lambda: "cus_" + rs(AN, 14))
    put("pi", 4, lambda: "pi_3" + rs(AN, 23))
    put("oai", 4, lambda: "sk-" + rs(AN, 20) + "T3BlbkFJ" + rs(AN, 20))
    put("oaiproj", 4, lambda: "sk-proj-" + rs(B64U, 48) + "T3BlbkFJ" + rs(B64U, 48))
    put("ant", 5, lambda: "sk-ant-api03-" + rs(B64U, 93) + "AA")
    put("sg", 5, lambda: "SG." + rs(B64U, 22) + "." + rs(B64U, 43))
    put("twtok", 4, lambda: rs(HX, 32))
    put("twsid", 4, lambda: "AC" + rs(HX, 32))
    put("npm", 5, lambda: "npm_" + rs(AN, 36))
    put("pypi", 4, lambda: "pypi-AgEIcHlwaS5vcmcCJG" + rs(B64U, 110))
    put("hf", 5, lambda: "hf_" + rs(UP + LO, 34))
    put("azkey", 5, lambda: base64.b64encode(bytes(R.randrange(256) for _ in range(64))).decode())
    put("shpat", 4, lambda: "shpat_" + rs(HX, 32))
    put("shpss", 3, lambda: "shpss_" + rs(HX, 32))
    put("mg", 4, lambda: "key-" + rs(HX, 32))
    put("ddapi", 4, lambda: rs(HX, 32))
    put("ddapp", 3, lambda: rs(HX, 40))
    put("dop", 4, lambda: "dop_v1_" + rs(HX, 64))
    put("discord", 4, discord)
    put("tg", 4, lambda: R.choice("5678") + d(9) + ":AA" + rs(B64U, 33))
    put("gocspx", 4, lambda: "GOCSPX-" + rs(B64U, 28))
    put("atl", 3, lambda: "ATATT3xFfGF0" + rs(B64U, 170) + "=" + rs("0123456789ABCDEF", 8))
    put("lin", 3, lambda: "lin_api_" + rs(AN, 40))
    put("notion", 3, lambda: "secret_" + rs(AN, 43))
    put("pmak", 3, lambda: "PMAK-" + rs(HX, 24) + "-" + rs(HX, 34))
    put("akia", 16, lambda: "AKIA" + rs(UP + "234567", 16))
    put("asia", 4, lambda: "ASIA" + rs(UP + "234567", 16))
    put("awssk", 16, lambda: rs(B64, 40))
    put("awssess", 3, lambda: "IQoJb3JpZ2luX2VjE" + rs(B64, 240) + "==")
    put("gapi", 16, lambda: "AIza" + rs(B64U, 35))
    put("jwt", 16, jwt)
    put("rsa", 3, rsa)
    put("pkcs", 3, pkcs8)
    put("ec", 3, ec)
    put("ossh", 3, ossh)
    put("pubkey", 3, pubkey)
    put("sshpub", 5, sshpub)
    put("fpsha", 5, fp_sha256)
    put("fpcol", 5, fp_colon)
    put("bearer", 12, lambda: rs(AN, 40))
    put("t22", 30, lambda: rs(B64U, 22))
    put("t32", 40, lambda: rs(B64U, 32))
    put("t43", 30, lambda: rs(B64U, 43))
    put("an20", 20, lambda: rs(AN, 20))
    put("an32", 30, lambda: rs(AN, 32))
    put("b44", 10, lambda: base64.urlsafe_b64encode(bytes(R.randrange(256) for _ in range(32))).decode())
    put("hx16", 16, lambda: rs(HX, 16))
    put("hx32", 30, lambda: rs(HX, 32))
    put("hx40", 30, lambda: rs(HX, 40))
    put("hx64", 30, lambda: rs(HX, 64))
    put("amzsig", 8, lambda: rs(HX, 64))
    put("googsig", 3, lambda: rs(HX, 512))
    put("sha7", 16, lambda: rs(HX, 7))
    put("uuid", 40, uuid4)
    put("ami", 4, lambda: "ami-0" + rs(HX, 16))
    put("inst", 6, lambda: "i-0" + rs(HX, 16))
    put("sgid", 3, lambda: "sg-0" + rs(HX, 16))
    put("vpc", 3, lambda: "vpc-0" + rs(HX, 16))
    put("acct", 6, lambda: R.choice("123456789") + d(11))
    put("vid", 6, lambda: rs(B64U, 11))
    # IBANs
    for cc in IBAN_FMT:
        for i in range(1, 4):
            V[f"iban{cc.lower()}{i}"] = iban(cc)
            V[f"ibang{cc.lower()}{i}"] = group4(iban(cc))
        V[f"ibanbad{cc.lower()}"] = group4(iban(cc, valid=False))
        V[f"ibanbadc{cc.lower()}"] = iban(cc, valid=False)
    # cards
    kinds = {"visa": ("4", 16), "mc": ("5" + R.choice("12345"), 16), "mcb": ("22" + R.choice("3456"), 16),
             "amex": (R.choice(["34", "37"]), 15), "disc": ("6011", 16)}
    for k, (p, n) in kinds.items():
        for i in range(1, 4):
            num = card(p, n)
            V[f"cc{k}sp{i}"] = fmt_card(num, " ")
            V[f"cc{k}da{i}"] = fmt_card(card(p, n), "-")
            V[f"cc{k}pl{i}"] = card(p, n)
    for i in range(1, 13):
        V[f"ccbad{i}"] = fmt_card(card(R.choice(["4", "51", "54", "6011"]), 16, valid=False), R.choice([" ", " ", "-", ""]))
    # SSN
    for i in range(1, 9):
        a, g, s = ssn_digits()
        V[f"ssnd{i}"] = f"{a}-{g}-{s}"
        a, g, s = ssn_digits()
        V[f"ssns{i}"] = f"{a} {g} {s}"
        a, g, s = ssn_digits()
        V[f"ssnp{i}"] = f"{a}{g}{s}"
    # passports
    for i in range(1, 5):
        V[f"passus{i}"] = R.choice(["5", "6", "A"]) + d(8)
        V[f"passde{i}"] = R.choice("CFGHJK") + rs("CFGHJKLMNPRTVWXYZ" + DG, 8)
        V[f"passfr{i}"] = d(2) + rs(UP, 2) + d(5)
        V[f"passes{i}"] = rs("PAXKDE", 3) + d(6)
        V[f"passuk{i}"] = R.choice("15") + d(8)
        V[f"passit{i}"] = rs(UP, 2) + d(7)
        V[f"passnl{i}"] = rs(UP, 2) + rs(UP + DG, 6) + d(1)
    # phones
    for k in ["fr", "frfix", "frintl", "deb", "demob", "deintl", "usp", "usdot", "usdash", "usintl",
              "ukmob", "ukintl", "uklon", "es", "esintl", "esfix", "it", "nl", "ch", "at", "be", "mx", "ar"]:
        for i in range(1, 7):
            V[f"ph{k}{i}"] = ph(k)

    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "values.json")
    with open(out, "w", encoding="utf-8") as f:
        json.dump(V, f, indent=1, ensure_ascii=False, sort_keys=True)
    print(f"wrote {len(V)} values to {out}")


if __name__ == "__main__":
    main()
