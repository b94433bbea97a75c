"""Validate pii.jsonl and write validate_output.txt (stdlib only)."""
import json, collections, os, re
HERE = os.path.dirname(os.path.abspath(__file__))
TYPES = {'PERSON', 'ADDRESS', 'PHONE', 'EMAIL', 'CREDIT_CARD', 'IBAN', 'US_SSN', 'PASSPORT', 'DATE_OF_BIRTH',
         'IP_ADDRESS', 'GOOGLE_API_KEY', 'AWS_ACCESS_KEY', 'JWT', 'URL_TOKEN', 'SECRET'}
LANGS = {'en', 'de', 'fr', 'es'}
GROUPS = {
 'hashes/digests': 'COMMIT_SHA SHORT_SHA SHA256 MD5 SHA1_CHECKSUM IMAGE_DIGEST ASSET_HASH PACKAGE_INTEGRITY ETAG SCHEMA_HASH CONTAINER_ID GIT_TAG',
 'request/trace/job ids': 'REQUEST_ID TRACE_ID SPAN_ID CORRELATION_ID BUILD_ID JOB_ID RUN_ID PIPELINE_ID WORKFLOW_ID DELIVERY_ID LOCK_ID LOG_ID MESSAGE_ID MESSAGE_SID ERROR_REF IDEMPOTENCY_KEY CACHE_KEY WEBSOCKET_KEY',
 'record/resource ids': 'UUID RECORD_ID USER_ID PROJECT_ID APPLICATION_ID GUILD_ID WEBHOOK_ID CHAT_ID CONVERSATION_ID CLUSTER_ID INSTANCE_ID AMI_ID RESOURCE_ID ZONE_ID ACCOUNT_ID ACCOUNT_SID DASHBOARD_UID MAP_ID MAP_STYLE_ID CONTEXT_NAME SECRET_NAME KEY_ID KEY_NAME DEVICE_ID SHARE_NAME PARTNER_ID INSTRUMENTATION_KEY CLIENT_ID',
 'public keys/fingerprints': 'SSH_PUBLIC_KEY PGP_FINGERPRINT FINGERPRINT CERT_THUMBPRINT PUBLISHABLE_KEY',
 'placeholders/masked/docs': 'PLACEHOLDER MASKED_VALUE ENV_VAR_NAME LICENSE_KEY_FORMAT PRODUCT_KEY_EXAMPLE TEST_CARD',
 'public URL parts': 'QUERY_PARAM SHORT_LINK VIDEO_ID ANALYTICS_ID MEETING_ID CAMPAIGN_ID',
 'business numbers': 'ORDER_ID TICKET_ID INVOICE_NUMBER TRACKING_NUMBER CUSTOMER_NUMBER CLIENT_NUMBER MEMBER_ID BOOKING_REF TRANSACTION_REF SKU SUPPLIER_ID INTERNAL_REF REPORT_ID TRANSFER_ID',
 'devices/assets': 'SERIAL_NUMBER MODEL_NUMBER ASSET_TAG BADGE_ID IMEI_PARTIAL FRAME_NUMBER LOCKER_NUMBER DEPT_CODE SSID',
 'misc data': 'CSS_COLOR FILE_NAME BASE64_DATA VERSION ARTIFACT_NAME',
}
out, errors, warns = [], [], []
recs = [json.loads(l) for l in open(os.path.join(HERE, 'pii.jsonl'), encoding='utf-8')]
meta = {}
mp = os.path.join(HERE, 'src', 'meta.jsonl')
if os.path.exists(mp):
    for l in open(mp):
        m = json.loads(l); meta[m['id']] = m['container']
ids, texts = collections.Counter(), collections.Counter()
ent_vals = collections.defaultdict(list)
non_vals = collections.defaultdict(list)
tcount, lcount, langc, contc = collections.Counter(), collections.Counter(), collections.Counter(), collections.Counter()
both = 0
for r in recs:
    rid = r.get('id')
    if set(r) != {'id', 'lang', 'text', 'entities', 'non_entities'}:
        errors.append('%s: bad keys %s' % (rid, sorted(r)))
    if not re.fullmatch(r'sx15-\d{4}', rid or ''):
        errors.append('%s: bad id' % rid)
    ids[rid] += 1; texts[r['text']] += 1
    if r['lang'] not in LANGS: errors.append('%s: lang %s' % (rid, r['lang']))
    langc[r['lang']] += 1
    contc[meta.get(rid, '?')] += 1
    for e in r['entities']:
        if set(e) != {'type', 'value'}: errors.append('%s: bad entity keys' % rid)
        if e['type'] not in TYPES: errors.append('%s: unknown type %s' % (rid, e['type']))
        if e['value'] not in r['text']: errors.append('%s: entity not substring %r' % (rid, e['value']))
        if e['value'] != e['value'].strip(): errors.append('%s: entity has outer whitespace' % rid)
        tcount[e['type']] += 1; ent_vals[e['value']].append(rid)
    for n in r['non_entities']:
        if set(n) != {'type', 'value'}: errors.append('%s: bad non-entity keys' % rid)
        if n['value'] not in r['text']: errors.append('%s: non-entity not substring %r' % (rid, n['value']))
        if n['type'] in TYPES: warns.append('%s: non-entity uses entity type name %s' % (rid, n['type']))
        lcount[n['type']] += 1; non_vals[n['value']].append(rid)
        for e in r['entities']:
            if n['value'] in e['value'] or e['value'] in n['value']:
                errors.append('%s: entity/non-entity overlap %r / %r' % (rid, e['value'][:30], n['value'][:30]))
    # spans of entities must not overlap each other (first occurrences)
    spans = sorted((r['text'].find(e['value']), r['text'].find(e['value']) + len(e['value'])) for e in r['entities'])
    for a, b in zip(spans, spans[1:]):
        if b[0] < a[1]: errors.append('%s: overlapping entities' % rid)
    if any(e['type'] in ('SECRET', 'URL_TOKEN', 'JWT', 'AWS_ACCESS_KEY', 'GOOGLE_API_KEY') for e in r['entities']) and r['non_entities']:
        both += 1
for k, v in ids.items():
    if v > 1: errors.append('duplicate id %s' % k)
for k, v in texts.items():
    if v > 1: errors.append('duplicate text %r' % k[:40])
for k, v in ent_vals.items():
    if len(v) > 1: errors.append('entity value reused across records %r %s' % (k[:30], v))
for k, v in ent_vals.items():
    if k in non_vals: errors.append('value is entity in one place and non-entity in another %r' % k[:30])
dup_non = {k: v for k, v in non_vals.items() if len(v) > 1}
for k, v in dup_non.items():
    warns.append('non-entity value repeated (allowed for fixed strings) %r x%d' % (k[:30], len(v)))
N = len(recs)
nonlen = sum(lcount.values())
checks = [
    ('records >= 260', N >= 260),
    ('entities >= 330', sum(tcount.values()) >= 330),
    ('SECRET >= 200', tcount['SECRET'] >= 200),
    ('URL_TOKEN >= 60', tcount['URL_TOKEN'] >= 60),
    ('non-entities >= 300', nonlen >= 300),
    ('non-entity labels >= 40', len(lcount) >= 40),
    ('de+fr+es >= 25%', (langc['de'] + langc['fr'] + langc['es']) / N >= 0.25),
    ('de >= 7%', langc['de'] / N >= 0.07), ('fr >= 7%', langc['fr'] / N >= 0.07), ('es >= 7%', langc['es'] / N >= 0.07),
    ('each container >= 10', all(v >= 10 for k, v in contc.items() if k != '?')),
    ('records with secret/token AND look-alike > 50%', both / N > 0.5),
    ('no errors', not errors),
]
out.append('records: %d' % N)
out.append('entities: %d  %s' % (sum(tcount.values()), dict(tcount.most_common())))
out.append('non-entities: %d over %d labels' % (nonlen, len(lcount)))
for k, v in sorted(lcount.items(), key=lambda x: (-x[1], x[0])):
    out.append('  %-22s %d' % (k, v))
g2 = {l: g for g, ls in GROUPS.items() for l in ls.split()}
gc = collections.Counter(g2.get(k, 'other') for k in lcount.elements())
out.append('look-alike groups: ' + ', '.join('%s=%d' % kv for kv in gc.most_common()))
out.append('languages: ' + ', '.join('%s=%d (%.1f%%)' % (k, v, 100 * v / N) for k, v in langc.most_common()))
out.append('containers: ' + ', '.join('%s=%d' % kv for kv in contc.most_common()))
out.append('records with both a secret/token and a look-alike: %d (%.1f%%)' % (both, 100 * both / N))
out.append('')
for name, ok in checks:
    out.append('%s %s' % ('PASS' if ok else 'FAIL', name))
out.append('')
out.append('errors: %d' % len(errors))
out += ['  ' + e for e in errors[:200]]
out.append('warnings: %d' % len(warns))
out += ['  ' + w for w in warns[:200]]
out.append('RESULT: ' + ('OK' if all(ok for _, ok in checks) else 'FAILED'))
open(os.path.join(HERE, 'validate_output.txt'), 'w', encoding='utf-8').write('\n'.join(out) + '\n')
print('\n'.join(out))
