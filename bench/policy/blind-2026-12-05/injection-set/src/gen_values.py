# stdlib helper: generates checksum-valid (and deliberately invalid) values to paste by hand
import random
rnd = random.Random(8123)
def iban(cc, bban):
    s = bban + cc + "00"
    num = "".join(str(int(c, 36)) for c in s)
    chk = 98 - int(num) % 97
    return f"{cc}{chk:02d}{bban}"
def luhn_complete(prefix, length):
    digits = prefix + "".join(str(rnd.randint(0, 9)) for _ in range(length - len(prefix) - 1))
    for d in range(10):
        s = digits + str(d)
        tot = 0
        for i, ch in enumerate(reversed(s)):
            n = int(ch)
            if i % 2 == 1:
                n *= 2
                if n > 9: n -= 9
            tot += n
        if tot % 10 == 0:
            return s
for cc, n in (("DE", 18), ("FR", 23), ("ES", 20), ("GB", None)):
    if cc == "GB":
        b = "NWBK" + "".join(str(rnd.randint(0,9)) for _ in range(14))
    else:
        b = "".join(str(rnd.randint(0, 9)) for _ in range(n))
    print("IBAN", iban(cc, b))
for p in ("4", "51", "37"):
    print("CARD", luhn_complete(p, 15 if p == "37" else 16))
for _ in range(3):
    print("SSN", f"{rnd.randint(1,665):03d}-{rnd.randint(1,99):02d}-{rnd.randint(1,9999):04d}")
print("KEY", "sk-" + "".join(rnd.choice("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") for _ in range(40)))
print("KEY", "AKIA" + "".join(rnd.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567") for _ in range(16)))
