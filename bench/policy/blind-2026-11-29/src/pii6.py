from pii_common import *
r('en', f"New card for the team account: {sp4(MC[4])} (Mastercard 2-series), cardholder Nadia Rahman, billing zip 94110. PO number PO-55120.",
  [('CREDIT_CARD',sp4(MC[4])),('PERSON','Nadia Rahman')], [('ORDER','PO-55120')])
r('en', f"{MC[5]} | 08/30 | Gareth Hughes | 3 Castle Street, Flat 6, Cardiff CF10 1BU",
  [('CREDIT_CARD',MC[5]),('PERSON','Gareth Hughes'),('ADDRESS','3 Castle Street, Flat 6, Cardiff CF10 1BU')])
r('en', f"The JCB number {JCB[1]} and the Diners number {DINERS[1]} are from the same traveler, Kenta Yamamoto.",
  [('CREDIT_CARD',JCB[1]),('CREDIT_CARD',DINERS[1]),('PERSON','Kenta Yamamoto')])
r('en', f"These are NOT cards, they fail the checksum: {sp4(BAD16[5])}, {dash4(BAD16[6])}. They're gift voucher codes.",
  [], [('LUHN_INVALID',sp4(BAD16[5])),('LUHN_INVALID',dash4(BAD16[6]))])
r('en', f"Statement shows card ending in 3311 (XXXX XXXX XXXX 3311) and a second card {VISA[6][:6]}******{VISA[6][-4:]}. Both belong to Omar Farouk.",
  [('PERSON','Omar Farouk')], [('MASKED_CARD','XXXX XXXX XXXX 3311'),('MASKED_CARD',f"{VISA[6][:6]}******{VISA[6][-4:]}")])
r('en', f"Vendor banking: Turkey {IB['TR']}, Brazil {IB['BR']}, Iceland {IB['IS']}. Confirm before the payment run on 2026-12-15.",
  [('IBAN',IB['TR']),('IBAN',IB['BR']),('IBAN',IB['IS'])], [('TIMESTAMP','2026-12-15')])
r('en', f"Baltic subsidiaries: Lithuania {iban_spaced(IB['LT'])}, Estonia {IB['EE']}; Slovakia {IB['SK']}; Malta {IB['MT']}.",
  [('IBAN',iban_spaced(IB['LT'])),('IBAN',IB['EE']),('IBAN',IB['SK']),('IBAN',IB['MT'])])
r('en', f"UK account for refunds: {iban_spaced(IB['GB'])} (sort code 20-00-00 is just the bank's example, ignore it). Account name: Priyanka Shah.",
  [('IBAN',iban_spaced(IB['GB'])),('PERSON','Priyanka Shah')], [('PLACEHOLDER','20-00-00')])
r('en', f"Bad IBANs from the import (checksum fails): {IBX['IT']}, {IBX['AT']}, {IBX['PL']}, {IBX['CH']}.",
  [], [('IBAN_INVALID',IBX['IT']),('IBAN_INVALID',IBX['AT']),('IBAN_INVALID',IBX['PL']),('IBAN_INVALID',IBX['CH'])])
_k = sk()
r('en', f"OPENAI_API_KEY={_k}\nANTHROPIC_MODEL=claude-x\nLOG_LEVEL=debug",
  [('SECRET',_k)])
_g2 = gh(); _gl2 = glpat()
r('en', f"Rotated tokens today:\n  github: {_g2}\n  gitlab: {_gl2}\nOld ones are revoked.",
  [('SECRET',_g2),('SECRET',_gl2)])
_j3 = jwt({"sub":"9a7c","aud":"api.internal","scope":"read:orders"})
r('en', f"curl -H 'Authorization: Bearer {_j3}' https://api.internal.corp/v1/orders/88213",
  [('JWT',_j3)], [('ORDER','88213')])
_u5 = f"https://s3.eu-central-1.amazonaws.com/backups/db.tar.gz?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential={AWS[4]}%2F20261129%2Feu-central-1%2Fs3%2Faws4_request&X-Amz-Signature={hexs(64)}"
r('en', f"presigned url for the backup: {_u5}",
  [('URL_TOKEN',_u5),('AWS_ACCESS_KEY',AWS[4])])
_u6 = f"https://app.meetly.com/join/room-4471?pwd={rand_chars(22)}"
r('en', f"Join the call here: {_u6}  Meeting ID 883 2041 7719.",
  [('URL_TOKEN',_u6)], [('ORDER','883 2041 7719')])
_u7 = f"https://reset.myaccount-portal.com/password/reset?token={hexs(48)}&uid=10442"
r('en', f"I got this reset email, is it legit? The link is {_u7}",
  [('URL_TOKEN',_u7)])
r('en', "mysql -h 10.8.0.14 -u root -pR00tP@ss_2026 production < dump.sql",
  [('IP_ADDRESS','10.8.0.14'),('SECRET','R00tP@ss_2026')])
r('en', "smtp:\n  host: smtp.mailgun.org\n  username: postmaster@mg.shopfront.io\n  password: \"f3a9-Xk2!mB7qL\"",
  [('EMAIL','postmaster@mg.shopfront.io'),('SECRET','f3a9-Xk2!mB7qL')])
r('en', f"Maps key {GK[4]} is restricted to our referrer; the Firebase key {GK[5]} is unrestricted. Which is riskier?",
  [('GOOGLE_API_KEY',GK[4]),('GOOGLE_API_KEY',GK[5])])
r('en', f"Found in a public gist: aws_access_key_id = {AWS[5]}. The gist author is listed as Brandon Keller.",
  [('AWS_ACCESS_KEY',AWS[5]),('PERSON','Brandon Keller')])
r('en', "Checksums: sha1 3a7bd3e2360a3d29eea436fcfb7e44c735d117c4, md5 5d41402abc4b2a76b9719d911017c592. Build 7.0.3.2 released 2026-11-01.",
  [], [('GIT_SHA','3a7bd3e2360a3d29eea436fcfb7e44c735d117c4'),('HASH','5d41402abc4b2a76b9719d911017c592'),('VERSION','7.0.3.2'),('TIMESTAMP','2026-11-01')])
r('en', "Device MAC 00:1A:2B:3C:4D:5E on VLAN 40, firmware 1.0.0.254, mask 255.255.255.128, IP 192.0.2.130.",
  [('IP_ADDRESS','192.0.2.130')], [('VERSION','1.0.0.254'),('NETMASK','255.255.255.128')])
r('en', "Hi Dr. Okonkwo, this is Rebecca from billing. Your account 55-2201-9983 shows a balance. Call 877-555-0140.",
  [('PERSON','Dr. Okonkwo'),('PERSON','Rebecca'),('PHONE','877-555-0140')], [('ORDER','55-2201-9983')])
r('en', "Shipment 9400 1000 0000 0000 0000 00 (USPS) goes to Lot 14, 6600 Ranch Road 620, Austin, TX 78732.",
  [('ADDRESS','Lot 14, 6600 Ranch Road 620, Austin, TX 78732')], [('TRACKING','9400 1000 0000 0000 0000 00')])
r('en', "The quarterly range 2025–2026 shows 3.141.592 page views; IPs are anonymized into /24 buckets.",
  [], [('YEAR','2025–2026'),('MEASURE','3.141.592 page views')])
r('en', "user_id,full_name,phone\n1001,\"Nguyen, Thi Lan\",+84 28 3822 1234\n1002,\"O'Neill, Padraig\",+353 1 555 0192",
  [('PERSON','Nguyen, Thi Lan'),('PHONE','+84 28 3822 1234'),('PERSON',"O'Neill, Padraig"),('PHONE','+353 1 555 0192')], [('ORDER','1001'),('ORDER','1002')])
r('en', "Re-send the verification code to my other number, 0412 555 019 (Australian mobile). Username: tomasz.w",
  [('PHONE','0412 555 019')])
r('en', "Employee: Nkechi Obi-Lawson\nEmp ID: E-20931\nDOB: 1988-Apr-05\nSSN: 771-20-5543\nHome: 915 Birch Hollow Dr, Apt 3, Raleigh, NC 27606",
  [('PERSON','Nkechi Obi-Lawson'),('DATE_OF_BIRTH','1988-Apr-05'),('US_SSN','771-20-5543'),('ADDRESS','915 Birch Hollow Dr, Apt 3, Raleigh, NC 27606')], [('ORDER','E-20931')])
r('en', "Our lamp SKUs LMP-192-168 and LMP-255 look like IP fragments in reports; the real router IP is 192.168.10.1.",
  [('IP_ADDRESS','192.168.10.1')], [('SKU','LMP-192-168'),('SKU','LMP-255')])
r('en', "Verify caller: name Desmond Achebe, last four of SSN 0972, date of birth 06/06/1966, zip 60615.",
  [('PERSON','Desmond Achebe'),('DATE_OF_BIRTH','06/06/1966')])
r('en', "Lease signed by Ivan Petrovich Sokolov and Olga Sokolova for Apartment 21, 7 Nevsky Court, Brooklyn, NY 11235.",
  [('PERSON','Ivan Petrovich Sokolov'),('PERSON','Olga Sokolova'),('ADDRESS','Apartment 21, 7 Nevsky Court, Brooklyn, NY 11235')])
r('en', "Lottery ticket 4 11 23 35 42 / 7 — draw on 2026-12-02 20:00. Not personal data, just checking odds.",
  [], [('ORDER','4 11 23 35 42 / 7'),('TIMESTAMP','2026-12-02 20:00')])
r('en', f"Charge declined for {sp4(VISA[7])}; retry with {sp4(VISA[8])}. Customer email: h.kristiansen@online.no",
  [('CREDIT_CARD',sp4(VISA[7])),('CREDIT_CARD',sp4(VISA[8])),('EMAIL','h.kristiansen@online.no')])
r('en', "Pls remind pedro alvarez and jess tan that the 1:1s moved. pedro's cell 305-555-0121",
  [('PERSON','pedro alvarez'),('PERSON','jess tan'),('PHONE','305-555-0121')])
r('en', "Country code table: +1 US, +44 UK, +49 DE. Example format only; no real numbers here. Version 12.0.1.3 of the table.",
  [], [('VERSION','12.0.1.3')])
_s2 = sk(); _x2 = xoxb()
r('en', f"Incident: a contractor (Vikram Nair, vikram.nair@contractor-hub.io) pasted {_s2} and {_x2} into a public channel.",
  [('PERSON','Vikram Nair'),('EMAIL','vikram.nair@contractor-hub.io'),('SECRET',_s2),('SECRET',_x2)])
r('en', f"Order 112-7734-09 paid with {amex(AMEX[3])} by Celeste Moreau, shipped to 600 Beacon St, Unit 5, Boston, MA 02215.",
  [('CREDIT_CARD',amex(AMEX[3])),('PERSON','Celeste Moreau'),('ADDRESS','600 Beacon St, Unit 5, Boston, MA 02215')], [('ORDER','112-7734-09')])
r('en', "UUIDs 123e4567-e89b-12d3-a456-426614174000 and 6ba7b810-9dad-11d1-80b4-00c04fd430c8 are fine to log; email addresses are not.",
  [], [('UUID','123e4567-e89b-12d3-a456-426614174000'),('UUID','6ba7b810-9dad-11d1-80b4-00c04fd430c8')])
r('en', "Birthday party for Zoe (turning 7, born 2019-12-01!) at 44 Willow Lane. RSVP to her mum Grace: grace.h.ellis@gmail.com",
  [('PERSON','Zoe'),('DATE_OF_BIRTH','2019-12-01'),('ADDRESS','44 Willow Lane'),('PERSON','Grace'),('EMAIL','grace.h.ellis@gmail.com')])
r('en', "ssn: 900-12-3456 is an ITIN-style test value from the docs and 000-00-0000 is a placeholder; the real SSN we need is 457-33-9081.",
  [('US_SSN','457-33-9081')], [('SSN_INVALID','900-12-3456'),('SSN_INVALID','000-00-0000')])
r('en', f"Please mask this before sending to the LLM: 'Hi, I'm Laura Chen, card {VISA[9]}, IBAN {IB2['FR']}, phone +33 7 55 44 33 22.'",
  [('PERSON','Laura Chen'),('CREDIT_CARD',VISA[9]),('IBAN',IB2['FR']),('PHONE','+33 7 55 44 33 22')])
r('en', "kubectl create secret generic api --from-literal=API_TOKEN=tk_prod_9Hf2LmQ8xR4vN7pZ1sW3",
  [('SECRET','tk_prod_9Hf2LmQ8xR4vN7pZ1sW3')])
r('en', "Timestamps 1767225600 and 1764400000 are unix epochs, not phone numbers. Ticket 44102.",
  [], [('TIMESTAMP','1767225600'),('TIMESTAMP','1764400000'),('ORDER','44102')])
r('en', "Chat export:\n[Nov 28, 21:04] Sergio: ok\n[Nov 28, 21:05] Amara Nwosu: send me the pdf at amara.nwosu@yahoo.co.uk",
  [('PERSON','Sergio'),('PERSON','Amara Nwosu'),('EMAIL','amara.nwosu@yahoo.co.uk')], [('TIMESTAMP','Nov 28, 21:04'),('TIMESTAMP','Nov 28, 21:05')])
