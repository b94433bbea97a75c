#!/usr/bin/env python3
"""Derived statistics for README: look-alike label groups and clothing categories (a record can be in several)."""
import json, os, collections
HERE = os.path.dirname(os.path.abspath(__file__))
recs = [json.loads(l) for l in open(os.path.join(HERE, 'pii.jsonl'), encoding='utf-8')]
G = {
 "network (versions, masks, CIDR, OIDs, ports, doc IPs)": "VERSION BUILD_NO NETMASK BROADCAST CIDR OID DOC_IP WILDCARD_MASK PORT FIRMWARE_VERSION DEPENDENCY_VERSION IMAGE_TAG CLOUD_REGION".split(),
 "business numbers (order, invoice, tracking, EAN, SKU, serial, ticket...)": "ORDER_ID SKU TRACKING EAN ISBN INVOICE_NO TICKET_ID PART_NO BOOKING_REF CREDITOR_REF CONTRACT_NO SERIAL EIN EMPLOYEE_NO FILE_NO PLAN_ID CASE_FILE_NO VIN FLIGHT_NO ROUTE_NO JOB_ID BANK_CODE BIC STORAGE_LOCATION EXTENSION ROOM_NUMBER ZONE_NO POSTAL_CODE_ALONE ERROR_CODE PRICE PROJECT_ID BUCKET_NAME ARN DB_NAME SSID".split(),
 "hashes, checksums, UUIDs, commit SHAs": "HASH CHECKSUM UUID COMMIT_SHA FILE_NAME".split(),
 "placeholders and test values": "PLACEHOLDER PLACEHOLDER_EMAIL PLACEHOLDER_ADDRESS TEST_CARD ENV_VAR_NAME".split(),
 "name look-alikes (places, months, brands, famous people, bots, titles)": "CITY CITY_COUNTRY STATE COUNTRY PLACE_NAME MONTH WEEKDAY SEASON BRAND CAR_MODEL PRODUCT FAMOUS_PERSON FICTIONAL_CHARACTER BOOK_TITLE BOT_NAME JOB_TITLE SAINT HOLIDAY ORG CAMPAIGN_NAME TERM SERVICE_EMAIL".split(),
 "ordinary dates and times": "DATE INVOICE_DATE DEADLINE HISTORICAL_DATE ADMISSION_DATE APPOINTMENT_DATE ISSUE_DATE EXPIRY_DATE PURCHASE_DATE COMMIT_DATE TIME".split(),
 "harmless URL parameters": "UTM_PARAM PAGE_PARAM ASSET_VERSION REF_PARAM COOKIE_VALUE LOCALE".split(),
 "street/landmark/public business address": "STREET_AS_LANDMARK LANDMARK ORG_ADDRESS".split(),
}
lab2g = {l: g for g, ls in G.items() for l in ls}
gc = collections.Counter(); other = collections.Counter()
for r in recs:
    for n in r["non_entities"]:
        g = lab2g.get(n["type"])
        if g: gc[g] += 1
        else: other[n["type"]] += 1
print("Look-alike label groups:")
for g in G: print(f"  {g}: {gc[g]}")
if other: print("  other:", dict(other))
def has(r, *ts): return any(e["type"] in ts for e in r["entities"])
def hasg(r, g): return any(lab2g.get(n["type"]) == g for n in r["non_entities"])
K = list(G)
cats = collections.Counter()
for r in recs:
    if has(r, "PERSON") and (hasg(r, K[4]) or hasg(r, K[3])): cats["person named like a place/month/brand/famous person/bot/placeholder"] += 1
    if has(r, "IP_ADDRESS"): cats["real IP next to versions/masks/broadcasts/CIDR/OIDs"] += 1
    if has(r, "PHONE", "CREDIT_CARD", "IBAN", "US_SSN", "PASSPORT") and hasg(r, K[1]): cats["real phone/card/IBAN/SSN/passport behind business-number labels"] += 1
    if has(r, "SECRET", "AWS_ACCESS_KEY", "GOOGLE_API_KEY", "JWT") and (hasg(r, K[2]) or hasg(r, K[3]) or hasg(r, K[1])): cats["real secret/key next to hash/UUID/placeholder/SKU"] += 1
    if has(r, "SECRET", "AWS_ACCESS_KEY", "GOOGLE_API_KEY", "JWT"): cats["(all records with a secret/key/JWT)"] += 1
    if has(r, "URL_TOKEN") or (has(r, "JWT", "GOOGLE_API_KEY") and "http" in r["text"]): cats["token inside a URL"] += 1
    if has(r, "DATE_OF_BIRTH"): cats["date of birth next to other dates / OCR"] += 1
    if has(r, "EMAIL") or any(k in r["text"] for k in ("Co-authored-by", "Author", "Fixture", "<", "git log", "Chat")): cats["person/e-mail inside code, logs, commits, chats, fixtures"] += 1
    if has(r, "ADDRESS") or hasg(r, K[7]): cats["addresses vs streets-as-landmarks / HQ addresses"] += 1
    if r["entities"] and r["non_entities"]: cats["(records with both a real value and a look-alike)"] += 1
print("Clothing categories (records; derived from labels, a record can count in several):")
for c, n in cats.most_common(): print(f"  {c}: {n}")
