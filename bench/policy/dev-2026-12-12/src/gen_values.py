"""Seeded generator for every random part used in the records (stdlib only).

Records contain placeholders  %{kind}  or  %{kind:arg}  (fresh value each time),
%{kind:arg#name} (fresh value, remembered under name inside the record) and
%{=name} (re-use inside the same record).  No value is ever produced twice
across the whole set (a global set guards this).  Run directly to write
src/values.tsv (record key, kind, value) for inspection.
"""
import base64, json, random, re, string, os, sys

SEED = 1412_2026
AL = string.ascii_letters + string.digits
UP = string.ascii_uppercase + string.digits
LO = string.ascii_lowercase + string.digits
HX = '0123456789abcdef'
B64 = AL + '+/'
B64U = AL + '-_'


class Gen:
    def __init__(self, seed=SEED):
        self.r = random.Random(seed)
        self.seen = set()
        self.log = []

    def s(self, alphabet, n):
        return ''.join(self.r.choice(alphabet) for _ in range(n))

    def one(self, kind, arg):
        s, r = self.s, self.r
        n = int(arg) if arg and arg.isdigit() else None
        if kind == 'hex': return s(HX, n)
        if kind == 'HEX': return s(HX.upper(), n)
        if kind == 'alnum': return s(AL, n)
        if kind == 'upper': return s(UP, n)
        if kind == 'lower': return s(LO, n)
        if kind == 'alpha': return s(string.ascii_letters, n)
        if kind == 'digits': return r.choice('123456789') + s(string.digits, n - 1)
        if kind == 'b64': return s(B64, n)
        if kind == 'b64u': return s(B64U, n)
        if kind == 'uuid':
            h = s(HX, 32)
            h = h[:12] + '4' + h[13:16] + r.choice('89ab') + h[17:]
            return '-'.join([h[:8], h[8:12], h[12:16], h[16:20], h[20:]])
        if kind == 'UUID': return self.one('uuid', None).upper()
        if kind == 'ghp': return 'ghp_' + s(AL, 36)
        if kind == 'gho': return 'gho_' + s(AL, 36)
        if kind == 'ghs': return 'ghs_' + s(AL, 36)
        if kind == 'github_pat': return 'github_pat_11' + s(UP, 20) + '_' + s(AL, 59)
        if kind == 'glpat': return 'glpat-' + s(AL + '-_', 20)
        if kind == 'xoxb': return 'xoxb-%s-%s-%s' % (s(string.digits, 11), s(string.digits, 13), s(AL, 24))
        if kind == 'xoxp': return 'xoxp-%s-%s-%s-%s' % (s(string.digits, 11), s(string.digits, 11), s(string.digits, 13), s(HX, 32))
        if kind == 'xapp': return 'xapp-1-A%s-%s-%s' % (s(UP, 10), s(string.digits, 13), s(HX, 64))
        if kind == 'sk_live': return 'sk_live_51' + s(AL, n or 96)
        if kind == 'rk_live': return 'rk_live_51' + s(AL, n or 96)
        if kind == 'sk_test': return 'sk_test_51' + s(AL, n or 96)
        if kind == 'whsec': return 'whsec_' + s(AL, 32)
        if kind == 'openai': return 'sk-proj-' + s(B64U, 74) + 'T3BlbkFJ' + s(B64U, 74)
        if kind == 'openai_old': return 'sk-' + s(AL, 20) + 'T3BlbkFJ' + s(AL, 20)
        if kind == 'anthropic': return 'sk-ant-api03-' + s(B64U, 93) + 'AA'
        if kind == 'sendgrid': return 'SG.' + s(B64U, 22) + '.' + s(B64U, 43)
        if kind == 'twilio_sk': return 'SK' + s(HX, 32)
        if kind == 'twilio_ac': return 'AC' + s(HX, 32)
        if kind == 'npm': return 'npm_' + s(AL, 36)
        if kind == 'pypi': return 'pypi-AgEIcHlwaS5vcmc' + s(B64U, 70)
        if kind == 'hf': return 'hf_' + s(string.ascii_letters, 34)
        if kind == 'mailgun': return 'key-' + s(HX, 32)
        if kind == 'azkey': return base64.b64encode(bytes(r.getrandbits(8) for _ in range(64))).decode()
        if kind == 'discord':
            ident = str(r.randint(10 ** 17, 10 ** 18 - 1)).encode()
            return base64.b64encode(ident).decode().rstrip('=') + '.' + s(B64U, 6) + '.' + s(B64U, 38)
        if kind == 'telegram': return '%d:AA%s' % (r.randint(10 ** 8, 10 ** 10 - 1), s(B64U, 33))
        if kind == 'okta': return '00' + s(B64U, 40)
        if kind == 'vault': return 'hvs.' + s(AL + '_-', 91)
        if kind == 'doppler': return 'dp.st.%s.' % (arg or 'prd') + s(AL, 43)
        if kind == 'dapi': return 'dapi' + s(HX, 32)
        if kind == 'shpat': return 'shpat_' + s(HX, 32)
        if kind == 'shpss': return 'shpss_' + s(HX, 32)
        if kind == 'atlassian': return 'ATATT3xFfGF0' + s(B64U, 170) + '=' + s(HX.upper(), 8)
        if kind == 'awssecret': return s(AL + '/+', 40)
        if kind == 'akia': return 'AKIA' + s(string.ascii_uppercase + '234567', 16)
        if kind == 'asia': return 'ASIA' + s(string.ascii_uppercase + '234567', 16)
        if kind == 'aiza': return 'AIza' + s(B64U, 35)
        if kind == 'jwt':
            h = base64.urlsafe_b64encode(json.dumps({"alg": "HS256", "typ": "JWT"}, separators=(',', ':')).encode()).decode().rstrip('=')
            p = {"sub": str(r.randint(1000, 999999)), "iat": r.randint(1.70e9, 1.80e9), "role": r.choice(['user', 'admin', 'svc'])}
            p = base64.urlsafe_b64encode(json.dumps(p, separators=(',', ':')).encode()).decode().rstrip('=')
            return h + '.' + p + '.' + s(B64U, 43)
        if kind == 'pem':
            label = {'rsa': 'RSA PRIVATE KEY', 'ec': 'EC PRIVATE KEY', 'ossh': 'OPENSSH PRIVATE KEY', None: 'PRIVATE KEY'}[arg]
            lines = [s(B64, 64) for _ in range(5 if arg != 'ec' else 2)] + [s(B64, 28) + '==']
            if arg == 'ossh':
                lines[0] = 'b3BlbnNzaC1rZXktdjEAAAAA' + lines[0][24:]
            return '-----BEGIN %s-----\n%s\n-----END %s-----' % (label, '\n'.join(lines), label)
        if kind == 'pembody':
            return '\n'.join([s(B64, 64) for _ in range(4)] + [s(B64, 40) + '='])
        if kind == 'sshed': return 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI' + s(B64, 43)
        if kind == 'sshrsa': return 'ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABgQ' + s(B64, 120)
        if kind == 'pgpfp': h = s(HX.upper(), 40); return ' '.join(h[i:i + 4] for i in range(0, 40, 4))
        if kind == 'colonhex': return ':'.join(s(HX.upper(), 2) for _ in range(n or 20))
        if kind == 'traceparent': return '00-%s-%s-01' % (s(HX, 32), s(HX, 16))
        if kind == 'k8spw': return base64.b64encode(s(AL + '!#%*-_', n or 20).encode()).decode()
        if kind == 'b64txt': return base64.b64encode(arg.encode()).decode()
        if kind == 'ytid': return s(B64U, 11)
        if kind == 'gtag': return 'G-' + s(UP, 10)
        if kind == 'ua': return 'UA-%s-%d' % (s(string.digits, 8), r.randint(1, 9))
        if kind == 'color': return '#' + s(HX, 6)
        if kind == 'sasig':
            raw = base64.b64encode(bytes(r.getrandbits(8) for _ in range(32))).decode()
            return raw.replace('+', '%2B').replace('/', '%2F').replace('=', '%3D')
        if kind == 'pw':  # generated strong password
            return s(AL, n - 3) + r.choice('!#$%&*?@') + s(string.digits, 2)
        if kind == 'sym': return s(AL + '!#$%&*+-=?@^_~', n)
        raise ValueError('unknown kind ' + kind)

    def value(self, kind, arg, key):
        for _ in range(100):
            v = self.one(kind, arg)
            if kind in ('b64txt',) or v not in self.seen:
                break
        else:
            raise RuntimeError('could not make unique value')
        self.seen.add(v)
        self.log.append((key, kind + (':' + arg if arg else ''), v))
        return v


PH = re.compile(r'%\{(=?)([A-Za-z_0-9]+)(?::([^#}]*))?(?:#([a-z0-9]+))?\}')


def expand(text, gen, key):
    names = {}

    def rep(m):
        reuse, kind, arg, name = m.groups()
        if reuse:
            return names[kind]
        v = gen.value(kind, arg, key)
        if name:
            names[name] = v
        return v
    return PH.sub(rep, text)


if __name__ == '__main__':
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    import build
    build.main(write=False)
