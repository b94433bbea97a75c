from pii_common import *
# --- English, harder forms ---
r('en', "Nombre/Name field was left blank, but the signature line reads: Oluwaseun Adeyemi-Bright. Please add it to the record.",
  [('PERSON','Oluwaseun Adeyemi-Bright')])
r('en', "From: Harriet Vance <harriet.vance@northwind-legal.com>\nTo: ops@northwind-legal.com\nSubject: NDA for Jakob Lindström",
  [('PERSON','Harriet Vance'),('EMAIL','harriet.vance@northwind-legal.com'),('EMAIL','ops@northwind-legal.com'),('PERSON','Jakob Lindström')])
r('en', "Reviewer notes: 'Great work' – Siobhan. 'Needs another pass' – Tariq. Final sign-off: Ngozi Eze-Williams.",
  [('PERSON','Siobhan'),('PERSON','Tariq'),('PERSON','Ngozi Eze-Williams')])
r('en', "ssn no. 5 1 2 - 3 8 - 4 4 7 1? no, the OCR messed up. the correct one on the form is 529-41-0063",
  [('US_SSN','5 1 2 - 3 8 - 4 4 7 1'),('US_SSN','529-41-0063')])
r('en', "Ph0ne numb3r: 213 555 0148 / em@il: dwayne.r.hughes@gmail.com / D.O.B: 10-31-1993",
  [('PHONE','213 555 0148'),('EMAIL','dwayne.r.hughes@gmail.com'),('DATE_OF_BIRTH','10-31-1993')])
r('en', "<customer><name>Elena Petrova</name><phone>+7 495 123-45-67</phone><dob>1986-02-28</dob></customer>",
  [('PERSON','Elena Petrova'),('PHONE','+7 495 123-45-67'),('DATE_OF_BIRTH','1986-02-28')])
r('en', "Attendees: Kwame Mensah, Ingrid Bergström, Raj Patel, and one guest (TBD). Room booked until 16:30.",
  [('PERSON','Kwame Mensah'),('PERSON','Ingrid Bergström'),('PERSON','Raj Patel')], [('TIMESTAMP','16:30')])
r('en', "Please correct my record: I was born on the 29th of February 1996, not 1 March. Name: Fiona MacLeod.",
  [('DATE_OF_BIRTH','29th of February 1996'),('PERSON','Fiona MacLeod')])
r('en', "Contact: +61 2 9374 4000 (Sydney office) or +81 3-1234-5678 (Tokyo). Ask for Haruto Sato.",
  [('PHONE','+61 2 9374 4000'),('PHONE','+81 3-1234-5678'),('PERSON','Haruto Sato')])
r('en', "The tenant, Mr. and Mrs. Alvarez, live at Unit 7, 1290 Ocean Park Blvd, Santa Monica, CA 90405. Rent due on the 1st.",
  [('PERSON','Mr. and Mrs. Alvarez'),('ADDRESS','Unit 7, 1290 Ocean Park Blvd, Santa Monica, CA 90405')])
r('en', "access.log: 198.51.100.14 - - [28/Nov/2026:10:22:31 +0000] \"GET /api/v1/users HTTP/1.1\" 200 512 \"-\" \"curl/8.4.0\"",
  [('IP_ADDRESS','198.51.100.14')], [('TIMESTAMP','28/Nov/2026:10:22:31 +0000'),('VERSION','8.4.0')])
r('en', "Python 3.11.4.1? No, it's 3.11.4. The docker bridge is 172.17.0.1 and the container gets 172.17.0.5.",
  [('IP_ADDRESS','172.17.0.1'),('IP_ADDRESS','172.17.0.5')], [('VERSION','3.11.4.1')])
r('en', "OID 1.3.6.1.4.1 is an SNMP enterprise prefix, not an IP. The switch itself is at 10.255.0.2.",
  [('IP_ADDRESS','10.255.0.2')], [('VERSION','1.3.6.1.4.1')])
r('en', "dob: 1/2/03 — is that January 2nd or February 1st? The form belongs to Mateo Rinaldi.",
  [('DATE_OF_BIRTH','1/2/03'),('PERSON','Mateo Rinaldi')])
r('en', "Age 34, lives in Apt. 12B, 45 Maple Street, Toronto, ON M4C 1A1, cell 416-555-0113.",
  [('ADDRESS','Apt. 12B, 45 Maple Street, Toronto, ON M4C 1A1'),('PHONE','416-555-0113')])
r('en', "Speaker 1 (Dr. Mei-Ling Chou): thanks everyone. Speaker 2 (Prof. Erik van der Berg): the slides are online.",
  [('PERSON','Dr. Mei-Ling Chou'),('PERSON','Prof. Erik van der Berg')])
r('en', "alice: did u send it to bob?\nbob: yes, to alice.w.cooper@gmail.com, check spam",
  [('PERSON','alice'),('PERSON','bob'),('EMAIL','alice.w.cooper@gmail.com')])
r('en', "Passport: the sample number on the website confused me. Mine is K83920471 (issued 2022).",
  [('PASSPORT','K83920471')], [('YEAR','2022')])
r('en', "Customer #100482 (Gold tier) — Abigail Thornton-Reyes — abigail.tr@btinternet.com — 07700 900123",
  [('PERSON','Abigail Thornton-Reyes'),('EMAIL','abigail.tr@btinternet.com'),('PHONE','07700 900123')], [('ORDER','#100482')])
r('en', "SSN 4 8 7 2 1 9 0 3 6 was written in pencil on the intake sheet.",
  [('US_SSN','4 8 7 2 1 9 0 3 6')])
r('en', "Can you format these into a table?\nJohn Smith | 14 Elm St, Apt 2 | 555-0102\nMaria Garcia | 88 Pine Ave | 555-0187",
  [('PERSON','John Smith'),('ADDRESS','14 Elm St, Apt 2'),('PHONE','555-0102'),('PERSON','Maria Garcia'),('ADDRESS','88 Pine Ave'),('PHONE','555-0187')])
r('en', "Weight 72.5 kg, height 1.78 m, BP 120/80, appointment 2026-12-03 09:30. Patient ID P-00391. Name withheld.",
  [], [('MEASURE','72.5 kg'),('MEASURE','120/80'),('TIMESTAMP','2026-12-03 09:30'),('ORDER','P-00391')])
r('en', "ISBN 0-306-40615-2 and ISBN-13 978-1-4028-9462-6 are both in stock; SKU BK-00912-PB.",
  [], [('ISBN','0-306-40615-2'),('ISBN','978-1-4028-9462-6'),('SKU','BK-00912-PB')])
r('en', "Forward the complaint to Mr Theodore 'Teddy' Alcott at 10 Downing Mews, Flat 1, Bath BA1 2NT. He prefers post.",
  [('PERSON',"Mr Theodore 'Teddy' Alcott"),('ADDRESS','10 Downing Mews, Flat 1, Bath BA1 2NT')])
r('en', "Kindly note the beneficiary: Mr. Chukwuemeka Obi, SSN#: 318-55-0972, for the 1099 form.",
  [('PERSON','Mr. Chukwuemeka Obi'),('US_SSN','318-55-0972')])
r('en', "Date of Birth: Dec 1st, 1970 | Place: Dayton, OH | Mother's maiden name: Kowalczyk",
  [('DATE_OF_BIRTH','Dec 1st, 1970'),('PERSON','Kowalczyk')])
r('en', "My wife Sunita and I (Arjun Kapoor) would like to update our shared email to kapoor.family2019@gmail.com",
  [('PERSON','Sunita'),('PERSON','Arjun Kapoor'),('EMAIL','kapoor.family2019@gmail.com')])
r('en', "Internal traffic stays in RFC 1918 space; the public endpoint is 34.117.59.81. Release v2.0.0.1 fixed it.",
  [('IP_ADDRESS','34.117.59.81')], [('VERSION','2.0.0.1')])
r('en', "Hi team, new hire starting Monday: Lorenzo Bianchi. His DOB for the payroll system is 1994.07.11 and SSN is 640-12-8835.",
  [('PERSON','Lorenzo Bianchi'),('DATE_OF_BIRTH','1994.07.11'),('US_SSN','640-12-8835')])
r('en', "Git tag 2026.11.29.1 was deployed to 3.120.45.67 at 14:05 UTC by @mthompson (Michael Thompson).",
  [('IP_ADDRESS','3.120.45.67'),('PERSON','Michael Thompson')], [('VERSION','2026.11.29.1'),('TIMESTAMP','14:05 UTC')])
r('en', "leave a voicemail at 1-800-555-0199 ext. 42 for Claire Dufresne, or text 202.555.0175",
  [('PHONE','1-800-555-0199 ext. 42'),('PERSON','Claire Dufresne'),('PHONE','202.555.0175')])
r('en', "The ticket from j.doe@example.com is a test; real complaint came from margaret.ellison@comcast.net.",
  [('EMAIL','j.doe@example.com'),('EMAIL','margaret.ellison@comcast.net')])
r('en', "print(f\"Hello {user.name}\") outputs 'Hello Yasmin Haddad' in the logs — should we be logging names at all?",
  [('PERSON','Yasmin Haddad')])
r('en', "Traveler: DOE/JANE MS   Passport: 591038472   Nationality: USA   DOB: 14JUN88",
  [('PERSON','DOE/JANE MS'),('PASSPORT','591038472'),('DATE_OF_BIRTH','14JUN88')])
