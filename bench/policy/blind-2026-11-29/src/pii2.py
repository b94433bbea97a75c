from pii_common import *
# --- English: payment data, IBAN, secrets ---
r('en', f"Card number {sp4(VISA[0])}, exp 09/28, CVV on the back. Name on card: Peter Lindgren.",
  [('CREDIT_CARD',sp4(VISA[0])),('PERSON','Peter Lindgren')])
r('en', f"Charge the Amex {amex(AMEX[0])} for the conference fee. Invoice INV-88412.",
  [('CREDIT_CARD',amex(AMEX[0]))], [('INVOICE','INV-88412')])
r('en', f"my card {MC[0]} keeps getting declined, the number {BAD16[0]} was my old one but that was a typo anyway",
  [('CREDIT_CARD',MC[0])], [('LUHN_INVALID',BAD16[0])])
r('en', f"Payment log: card={dash4(DISC[0])} status=APPROVED amount=49.99 ts=2026-10-02 18:44:10 masked=XXXX-XXXX-XXXX-{DISC[0][-4:]}",
  [('CREDIT_CARD',dash4(DISC[0]))], [('TIMESTAMP','2026-10-02 18:44:10'),('MASKED_CARD','XXXX-XXXX-XXXX-'+DISC[0][-4:])])
r('en', f"Reference number {BAD16[1]} isn't a card, it's our internal batch ID. The real card on file is **** **** **** 8812.",
  [], [('LUHN_INVALID',BAD16[1]),('MASKED_CARD','**** **** **** 8812')])
r('en', f"Please wire the deposit to IBAN {iban_spaced(IB['NL'])} (account holder: Eva de Vries).",
  [('IBAN',iban_spaced(IB['NL'])),('PERSON','Eva de Vries')])
r('en', f"Supplier bank details — Beneficiary: Kowalski Trading Sp. z o.o., IBAN: {IB['PL']}, SWIFT: BREXPLPW",
  [('IBAN',IB['PL'])])
r('en', f"Is this IBAN right? {IBX['GB']} — the bank form says the check digits are wrong.",
  [], [('IBAN_INVALID',IBX['GB'])])
r('en', f"Our Irish account is {iban_spaced(IB['IE'])}, the Swiss one is {IB['CH']}. Please use the Irish one for EUR.",
  [('IBAN',iban_spaced(IB['IE'])),('IBAN',IB['CH'])])
r('en', f"Refund to my Danish account please: {IB['DK']}. Thanks, Mikkel",
  [('IBAN',IB['DK']),('PERSON','Mikkel')])
r('en', f"Hi, my JCB card {sp4(JCB[0])} was rejected at checkout. Order 7731-2290-1.",
  [('CREDIT_CARD',sp4(JCB[0]))], [('ORDER','7731-2290-1')])
r('en', f"Diners Club {DINERS[0][:4]} {DINERS[0][4:10]} {DINERS[0][10:]} — can I still use that on your site?",
  [('CREDIT_CARD',f"{DINERS[0][:4]} {DINERS[0][4:10]} {DINERS[0][10:]}")])
r('en', f"Here's my .env, why does boto3 fail?\nAWS_ACCESS_KEY_ID={AWS[0]}\nAWS_SECRET_ACCESS_KEY={rand_chars(40, string.ascii_letters+string.digits+'/+')}\nAWS_REGION=eu-west-1",
  [('AWS_ACCESS_KEY',AWS[0])])
RECS[-1]['entities'].append({"type":"SECRET","value":RECS[-1]['text'].split('AWS_SECRET_ACCESS_KEY=')[1].split('\n')[0]})
r('en', f"const mapsKey = \"{GK[0]}\"; // TODO move to env\nfetch(`https://maps.googleapis.com/maps/api/geocode/json?address=Paris&key=${{mapsKey}}`)",
  [('GOOGLE_API_KEY',GK[0])])
_t = jwt({"sub":"8812","name":"Lena Fischer","iat":1764400000})
r('en', f"Why is this token rejected? Authorization: Bearer {_t}",
  [('JWT',_t)])
_g = gh()
r('en', f"git clone https://{_g}@github.com/acme-internal/billing.git fails with 403, token should have repo scope",
  [('SECRET',_g)])
_s = skproj()
r('en', f"import openai\nclient = OpenAI(api_key=\"{_s}\")\n# why do I get 429?",
  [('SECRET',_s)])
_x = xoxb()
r('en', f"slack bot token is {_x}, channel C04ABCD1234. messages not posting, help",
  [('SECRET',_x)], [('SKU','C04ABCD1234')])
_gl = glpat()
r('en', f"CI variable GITLAB_TOKEN={_gl} — is it safe to echo it in the job log?",
  [('SECRET',_gl)])
r('en', "config.yml:\n  database:\n    host: db.internal\n    user: app_rw\n    password: Tr0ub4dor&3xK!\n  cache_ttl: 300",
  [('SECRET','Tr0ub4dor&3xK!')])
_u = f"https://storage.googleapis.com/acme-exports/q3.csv?X-Goog-Algorithm=GOOG4-RSA-SHA256&X-Goog-Credential=svc%40acme.iam&X-Goog-Signature={hexs(64)}"
r('en', f"The signed link expired, can you tell me why? {_u}",
  [('URL_TOKEN',_u)])
_u2 = f"https://hooks.example-ci.dev/deploy?token={rand_chars(32)}"
r('en', f"Our deploy hook is {_u2} and it returns 401 since Monday.",
  [('URL_TOKEN',_u2)])
_sl = sklive()
r('en', f"stripe.api_key = '{_sl}'  # prod, don't commit\nstripe.Charge.create(amount=2000, currency='usd')",
  [('SECRET',_sl)])
r('en', f"Version check: package 3.2.1.0, build {sha()[:12]}, UUID {uuid()}. No secrets in this log, promise.",
  [], [('VERSION','3.2.1.0')])
RECS[-1]['non_entities'] += [{"type":"GIT_SHA","value":RECS[-1]['text'].split('build ')[1].split(',')[0]},{"type":"UUID","value":RECS[-1]['text'].split('UUID ')[1].split('.')[0]}]
r('en', f"Two keys in the repo: AWS {AWS[1]} and Google {GK[1]}. I rotated both, but can you confirm they're the right format?",
  [('AWS_ACCESS_KEY',AWS[1]),('GOOGLE_API_KEY',GK[1])])
_t2 = jwt({"sub":"user_55","email":"mo.hassan@gmail.com","role":"editor","exp":1767000000})
r('en', f"decode this for me pls: {_t2}",
  [('JWT',_t2)])
r('en', f"Visa {VISA[1]} / exp 11/27 / Name: Ms. Ingrid Solberg / Billing: 42 Fjord View Road, Flat 2, Bergen 5003",
  [('CREDIT_CARD',VISA[1]),('PERSON','Ms. Ingrid Solberg'),('ADDRESS','42 Fjord View Road, Flat 2, Bergen 5003')])
r('en', f"card no: {sp4(MC[1])}\nname: Chinedu Okeke\nzip: 30309\nph: 404-555-0158",
  [('CREDIT_CARD',sp4(MC[1])),('PERSON','Chinedu Okeke'),('PHONE','404-555-0158')])
r('en', f"Sandbox payments work, but my real card {sp4(VISA[2])} fails in prod with error code 05-1143.",
  [('CREDIT_CARD',sp4(VISA[2]))], [('ORDER','05-1143')])
r('en', f"Payout IBANs for the Nordic contractors:\n- Anna Virtanen: {IB['FI']}\n- Lars Johansson: {iban_spaced(IB['SE'])}\n- Ola Nordmann: {IB['NO']}",
  [('PERSON','Anna Virtanen'),('IBAN',IB['FI']),('PERSON','Lars Johansson'),('IBAN',iban_spaced(IB['SE'])),('PERSON','Ola Nordmann'),('IBAN',IB['NO'])])
r('en', f"Customer sent IBAN {IB['AE']} for the Dubai office and {IB['SA']} for Riyadh. Are these formats right?",
  [('IBAN',IB['AE']),('IBAN',IB['SA'])])
r('en', f"These two look like IBANs but the validator rejects them: {IBX['NL']} and {IBX['BE']}. The third one {IB['BE']} passes.",
  [('IBAN',IB['BE'])], [('IBAN_INVALID',IBX['NL']),('IBAN_INVALID',IBX['BE'])])
r('en', f"Sort order: {BAD16[2]}, {BAD16[3]}, {BAD16[4]} are warehouse bin codes. Please don't mask them.",
  [], [('LUHN_INVALID',BAD16[2]),('LUHN_INVALID',BAD16[3]),('LUHN_INVALID',BAD16[4])])
r('en', f"password=Summer2026!! is in the legacy script, along with admin_pass: \"hunter2-Q9z\". please rotate.",
  [('SECRET','Summer2026!!'),('SECRET','hunter2-Q9z')])
_pg = f"postgres://analytics:{rand_chars(18)}@10.0.3.25:5432/warehouse"
r('en', f"DATABASE_URL={_pg}",
  [('SECRET',_pg.split(':')[2].split('@')[0]),('IP_ADDRESS','10.0.3.25')])
_u3 = f"https://files.acmecloud.io/share/7781?sig={rand_chars(43, string.ascii_letters+string.digits+'-_')}&expires=1767225600"
r('en', f"Here's the download link for the contract draft: {_u3} (valid for 7 days).",
  [('URL_TOKEN',_u3)])
_u4 = f"https://api.weather-data.io/v2/forecast?city=Oslo&apikey={hexs(32)}"
r('en', f"curl '{_u4}' returns empty JSON, what am I doing wrong?",
  [('URL_TOKEN',_u4)])
r('en', f"Card: {sp4(VISA[3])} (personal), company card ends 0047. Rewards #RW-22019-884.",
  [('CREDIT_CARD',sp4(VISA[3]))], [('ORDER','RW-22019-884')])
r('en', f"Amex corporate {AMEX[1]} belongs to Joaquín Ibarra; please move it to his new cost center CC-4410.",
  [('CREDIT_CARD',AMEX[1]),('PERSON','Joaquín Ibarra')], [('SKU','CC-4410')])
r('en', f"Here are the details for the Italian supplier: Rossi Forniture S.r.l., IBAN {iban_spaced(IB['IT'])}, P.IVA 01234567890.",
  [('IBAN',iban_spaced(IB['IT']))], [('ORDER','01234567890')])
r('en', f"Austrian account {IB['AT']} and Luxembourg {IB['LU']} are both ours. Fee schedule v2.3.1.4 applies.",
  [('IBAN',IB['AT']),('IBAN',IB['LU'])], [('VERSION','2.3.1.4')])
