# Hand-written PII records, mixed styles (mostly English, some DE/FR/ES).
# Tuple: (lang, text, entities, non_entities)
RECORDS = [
("en", "id,first,last,team\n101,Olivia,Harrington,Finance\n102,Rajesh,Subramanian,IT\n103,Zoë,Kristiansen,Legal\n104,Mateo,Villanueva,Sales\n105,Grace,O'Sullivan,Ops",
 [("PERSON", "Olivia"), ("PERSON", "Harrington"), ("PERSON", "Rajesh"), ("PERSON", "Subramanian"), ("PERSON", "Zoë"), ("PERSON", "Kristiansen"), ("PERSON", "Mateo"), ("PERSON", "Villanueva"), ("PERSON", "Grace"), ("PERSON", "O'Sullivan")],
 [("ORG_UNIT", "Finance")]),

("en", "Customer Support Chat Transcript\nAgent (Brianna): Hi, how can I help?\nCustomer (Howard Lin): my parcel went to 19 Kingfisher Way, Milton Keynes MK4 2AB instead of my new flat\nAgent (Brianna): I'm sorry Howard, let me fix that.",
 [("PERSON", "Brianna"), ("PERSON", "Howard Lin"), ("ADDRESS", "19 Kingfisher Way, Milton Keynes MK4 2AB"), ("PERSON", "Howard")],
 []),

("en", "Thanks to everyone who came! Special shout-out to Nadia Petrova for the slides, to Femi Adebayo for the demo, and to Lars for organising.",
 [("PERSON", "Nadia Petrova"), ("PERSON", "Femi Adebayo"), ("PERSON", "Lars")],
 []),

("en", "UUID 9d2f1c44-3b7e-4a0f-8e55-1c2d3e4f5a6b, build 2026.03.14-rc2, checksum md5 5d41402abc4b2a76b9719d911017c592.",
 [],
 [("UUID", "9d2f1c44-3b7e-4a0f-8e55-1c2d3e4f5a6b"), ("VERSION", "2026.03.14-rc2"), ("HASH", "5d41402abc4b2a76b9719d911017c592")]),

("en", "{\n  \"applicant\": {\"name\": \"Kofi Asante-Boateng\", \"email\": \"kofi.ab@ghmail.com\", \"phone\": \"+233 24 555 0192\"},\n  \"referee\": {\"name\": \"Dr. Miriam Goldstein\", \"email\": \"mgoldstein@univ-research.edu\"}\n}",
 [("PERSON", "Kofi Asante-Boateng"), ("EMAIL", "kofi.ab@ghmail.com"), ("PHONE", "+233 24 555 0192"), ("PERSON", "Dr. Miriam Goldstein"), ("EMAIL", "mgoldstein@univ-research.edu")],
 []),

("en", "Sam and Alex met at 4 Pemberton Court, Unit 6, Cambridge CB2 1TN to sign the lease with the landlord, Mr. Fenwick.",
 [("PERSON", "Sam"), ("PERSON", "Alex"), ("ADDRESS", "4 Pemberton Court, Unit 6, Cambridge CB2 1TN"), ("PERSON", "Mr. Fenwick")],
 []),

("en", "Ok the Jordan 1s arrived but the Stan Smith pair is back-ordered. Also the Dr. Martens boots are size 42.",
 [],
 [("PRODUCT", "Jordan 1s"), ("PRODUCT", "Stan Smith"), ("ORG", "Dr. Martens")]),

("en", "Account holder: Sigrid Nyberg\nIBAN: SE33 6155 3572 2082 4385 2397\nAddress: Storgatan 12 B, lgh 1102, 114 51 Stockholm",
 [("PERSON", "Sigrid Nyberg"), ("IBAN", "SE33 6155 3572 2082 4385 2397"), ("ADDRESS", "Storgatan 12 B, lgh 1102, 114 51 Stockholm")],
 []),

("en", "Danish supplier Mikkel Sørensen asked us to use DK31 9636 1069 4867 81 for the March invoice; the NL one NL84 BCPI 3694 1560 62 bounced because it's invalid.",
 [("PERSON", "Mikkel Sørensen"), ("IBAN", "DK31 9636 1069 4867 81")],
 [("IBAN", "NL84 BCPI 3694 1560 62")]),

("en", "> From: grandma <rosemary.pike@btinternet.com>\n> Hello dear, it's Nana. My new number is 01632 960 472. Love to Tom and little Evie.",
 [("PERSON", "grandma"), ("EMAIL", "rosemary.pike@btinternet.com"), ("PERSON", "Nana"), ("PHONE", "01632 960 472"), ("PERSON", "Tom"), ("PERSON", "Evie")],
 []),

("en", "Warehouse log 2026-02-28 16:40:03 | picker=hwu | bin=A-14-03 | qty=12 | sku=CBL-USB-C-2M",
 [("PERSON", "hwu")],
 [("TIMESTAMP", "2026-02-28 16:40:03"), ("BIN", "A-14-03"), ("SKU", "CBL-USB-C-2M")]),

("en", "The committee: chair Prof. Abimbola Eze; members Ryan Castellano, Dr. Ingeborg van Wijk, and Li Wei.",
 [("PERSON", "Prof. Abimbola Eze"), ("PERSON", "Ryan Castellano"), ("PERSON", "Dr. Ingeborg van Wijk"), ("PERSON", "Li Wei")],
 []),

("en", "maps_api_key: AIzaSyB7Lq2pWx9Vn4Tz8Kd1Mj5Hc3Rf6Ys0GeQ\nfirebase_url: https://demo-app-7731.firebaseio.com",
 [("GOOGLE_API_KEY", "AIzaSyB7Lq2pWx9Vn4Tz8Kd1Mj5Hc3Rf6Ys0GeQ")],
 []),

("en", "Webhook: https://hooks.internal-chat.example/services/T0ABC/B0DEF?token=Xq9LmP2vR7sT4wZ1yB6n\nRetry: 3",
 [("URL_TOKEN", "Xq9LmP2vR7sT4wZ1yB6n")],
 []),

("en", "Card on file: 2221 8304 0919 6168 (Mastercard). Cardholder: Ifeoma Nwosu. Billing ZIP 30309.",
 [("CREDIT_CARD", "2221 8304 0919 6168"), ("PERSON", "Ifeoma Nwosu")],
 []),

("en", "Pool temperature 27.5°C, depth 1.8 m, chlorine 1.2 ppm. Lifeguard on duty: Marcus Feld.",
 [("PERSON", "Marcus Feld")],
 [("MEASUREMENT", "27.5°C"), ("MEASUREMENT", "1.8 m"), ("MEASUREMENT", "1.2 ppm")]),

("en", "Hi all - Penelope here. I'm out until Monday; for urgent stuff call Quentin on 0117 496 0532.",
 [("PERSON", "Penelope"), ("PERSON", "Quentin"), ("PHONE", "0117 496 0532")],
 []),

("en", "Sunday brunch ideas: Eggs Benedict, Caesar salad, Earl Grey tea, Beef Wellington for dinner.",
 [],
 [("PRODUCT", "Eggs Benedict"), ("PRODUCT", "Caesar salad"), ("PRODUCT", "Earl Grey"), ("PRODUCT", "Beef Wellington")]),

("en", "Contract parties:\n(1) Harbourview Properties Ltd, registered office 10 Quay Street, Bristol BS1 4DJ\n(2) Ms. Philippa Ashworth-Lyle, residing at Flat 12, 88 Clifton Down Road, Bristol BS8 4AH",
 [("PERSON", "Ms. Philippa Ashworth-Lyle"), ("ADDRESS", "Flat 12, 88 Clifton Down Road, Bristol BS8 4AH")],
 [("ORG", "Harbourview Properties Ltd")]),

("en", "Background check requested for candidate Tobias Reinholt, SSN 152-13-6644, DOB 1992-05-30. Prior employer: Acme Logistics.",
 [("PERSON", "Tobias Reinholt"), ("US_SSN", "152-13-6644"), ("DATE_OF_BIRTH", "1992-05-30")],
 [("ORG", "Acme Logistics")]),

("en", "SSN field validation failed for 912-34-5678 (area 9xx is not valid) and 123-00-4567 (group 00).",
 [],
 [("US_SSN", "912-34-5678"), ("US_SSN", "123-00-4567")]),

("en", "Polish partner Katarzyna Wiśniewska - PL59 0622 5489 6886 6612 8275 8112 - ul. Marszałkowska 84/92 m. 15, 00-514 Warszawa",
 [("PERSON", "Katarzyna Wiśniewska"), ("IBAN", "PL59 0622 5489 6886 6612 8275 8112"), ("ADDRESS", "ul. Marszałkowska 84/92 m. 15, 00-514 Warszawa")],
 []),

("en", "Please invite eleanor, raj and the new guy (felipe?) to the retro. - sent from my phone",
 [("PERSON", "eleanor"), ("PERSON", "raj"), ("PERSON", "felipe")],
 []),

("en", "Invoice INV-2026-00917 · Due 2026-04-30 · Amount 1,245.00 USD · PO 4500123987",
 [],
 [("INVOICE_ID", "INV-2026-00917"), ("DATE", "2026-04-30"), ("AMOUNT", "1,245.00 USD"), ("PO_NUMBER", "4500123987")]),

("en", "From the scanned intake form (OCR):\nPatlent narne: Sven-0ke Lundgren\nAddress: 742 Evergreen Terr., Apt. 3, Sprinqfield OR 974O7\nPhone: 541.555.O123",
 [("PERSON", "Sven-0ke Lundgren"), ("ADDRESS", "742 Evergreen Terr., Apt. 3, Sprinqfield OR 974O7"), ("PHONE", "541.555.O123")],
 []),

("en", "Traveller: MR JONATHAN AMADI OKORO\nPassport: A12839475\nNationality: NGA\nDate of birth: 11 JAN 1987",
 [("PERSON", "MR JONATHAN AMADI OKORO"), ("PASSPORT", "A12839475"), ("DATE_OF_BIRTH", "11 JAN 1987")],
 [("COUNTRY_CODE", "NGA")]),

("en", "UPDATE accounts SET holder_name = 'Cornelia Vandersloot', iban = 'BE07171520106219' WHERE account_id = 77821;",
 [("PERSON", "Cornelia Vandersloot"), ("IBAN", "BE07171520106219")],
 [("ACCOUNT_ID", "77821")]),

("en", "Ask Summer whether Autumn's report is ready; Winter is the project codename, not a person.",
 [("PERSON", "Summer"), ("PERSON", "Autumn")],
 [("CODENAME", "Winter")]),

("en", "Hey @mbeltran, can you review PR #4412? @sasha.k already approved. cc @oakinyemi",
 [("PERSON", "@mbeltran"), ("PERSON", "@sasha.k"), ("PERSON", "@oakinyemi")],
 [("PR_NUMBER", "#4412")]),

("en", "Gym membership form\nFull name: Bartholomew Quincy-Adeyemi\nAddress: 2/15 Wattle Street, Newtown NSW 2042\nEmergency contact: Joy Quincy, 0423 555 919",
 [("PERSON", "Bartholomew Quincy-Adeyemi"), ("ADDRESS", "2/15 Wattle Street, Newtown NSW 2042"), ("PERSON", "Joy Quincy"), ("PHONE", "0423 555 919")],
 []),

("en", "id_token=eyJhbGciOiJSUzI1NiIsImtpZCI6ImsxIn0.eyJpc3MiOiJodHRwczovL2lkcC5leGFtcGxlIiwic3ViIjoiNDQyMSJ9.TmV2ZXJfcmVhbF9zaWduYXR1cmVfanVzdF9hX3Rlc3Q in the callback fragment",
 [("JWT", "eyJhbGciOiJSUzI1NiIsImtpZCI6ImsxIn0.eyJpc3MiOiJodHRwczovL2lkcC5leGFtcGxlIiwic3ViIjoiNDQyMSJ9.TmV2ZXJfcmVhbF9zaWduYXR1cmVfanVzdF9hX3Rlc3Q")],
 []),

("en", "The Johnson Controls unit in Building C needs a new filter, part 88-4410-XL. Ask facilities.",
 [],
 [("ORG", "Johnson Controls"), ("PLACE", "Building C"), ("PART_NO", "88-4410-XL")]),

("en", "Deceased: Albert Ferreira Lowe. Next of kin: Martha Lowe (wife), Peter Lowe (son), 19 Orchard Lane, Bath BA2 6QT.",
 [("PERSON", "Albert Ferreira Lowe"), ("PERSON", "Martha Lowe"), ("PERSON", "Peter Lowe"), ("ADDRESS", "19 Orchard Lane, Bath BA2 6QT")],
 []),

("en", "Speaker 1 (Hiroshi Tanaka): Let's start.\nSpeaker 2 (Amara Diallo): Agreed. Where's Kwabena?\nSpeaker 1 (Hiroshi Tanaka): He's stuck in traffic.",
 [("PERSON", "Hiroshi Tanaka"), ("PERSON", "Amara Diallo"), ("PERSON", "Kwabena")],
 []),

("en", "Firewall rule 17: allow 10.8.0.0/16 to 10.8.12.44 port 5432; deny 0.0.0.0/0. Rule version 3.1.0.0.",
 [("IP_ADDRESS", "10.8.12.44")],
 [("CIDR", "10.8.0.0/16"), ("CIDR", "0.0.0.0/0"), ("VERSION", "3.1.0.0")]),

("en", "Dear Mr. and Mrs. Abernathy,\nYour booking for 3 nights is confirmed. Confirmation code: HTL-77Q2-PX.\nWarm regards,\nConcierge Desk",
 [("PERSON", "Mr. and Mrs. Abernathy")],
 [("BOOKING_CODE", "HTL-77Q2-PX")]),

("en", "GitHub PAT in CI logs: ghp_4fTq8ZmL2xNc7VbR1yKd9WsE3hJ6pA0uGi2o - revoke it. The fine-grained one github_pat_11ABCDE0Y0aBcDeFgHiJkL_mNoPqRsTuVwXyZ0123456789abcdefGHIJKLMNOPQR too.",
 [("SECRET", "ghp_4fTq8ZmL2xNc7VbR1yKd9WsE3hJ6pA0uGi2o"), ("SECRET", "github_pat_11ABCDE0Y0aBcDeFgHiJkL_mNoPqRsTuVwXyZ0123456789abcdefGHIJKLMNOPQR")],
 []),

("en", "Norway account for Ingrid Haugen: NO24 7169 6616 080. Finland account for Eero Mäkinen: FI93 0504 0879 2635 09.",
 [("PERSON", "Ingrid Haugen"), ("IBAN", "NO24 7169 6616 080"), ("PERSON", "Eero Mäkinen"), ("IBAN", "FI93 0504 0879 2635 09")],
 []),

("en", "Rollout: Phoenix cluster first, then Denver, then Austin. Owner of the runbook is Whitney Gallagher.",
 [("PERSON", "Whitney Gallagher")],
 [("CLUSTER_NAME", "Phoenix"), ("CLUSTER_NAME", "Denver"), ("CLUSTER_NAME", "Austin")]),

("en", "Please send the documents to Ms. Olamide Akande, c/o Greenfield Accountants, 300 Market Street, Floor 4, Philadelphia, PA 19106.",
 [("PERSON", "Ms. Olamide Akande"), ("ADDRESS", "300 Market Street, Floor 4, Philadelphia, PA 19106")],
 [("ORG", "Greenfield Accountants")]),

("en", "temperature=0.7 top_p=0.95 max_tokens=2048 model=llama-3.1-8b seed=42",
 [],
 [("PARAM", "0.95"), ("PRODUCT", "llama-3.1-8b")]),

("en", "i'm seeing weird charges from a merchant called 'Hilton Garden' - my card is 4140 9128 8965 9438, can you check? also my name's Desmond Achterberg",
 [("CREDIT_CARD", "4140 9128 8965 9438"), ("PERSON", "Desmond Achterberg")],
 [("ORG", "Hilton Garden")]),

("en", "Volunteer roster\nMon: Agnes, Bilal\nTue: Cormac, Divya\nWed: Esperanza, Florian\nThu: (open)",
 [("PERSON", "Agnes"), ("PERSON", "Bilal"), ("PERSON", "Cormac"), ("PERSON", "Divya"), ("PERSON", "Esperanza"), ("PERSON", "Florian")],
 []),

("en", "X-Api-Key: sk_live_9aQ2wE4rT6yU8iO0pA1sD3fG5hJ7kL\nX-Forwarded-For: 81.2.69.160\nUser-Agent: curl/8.5.0",
 [("SECRET", "sk_live_9aQ2wE4rT6yU8iO0pA1sD3fG5hJ7kL"), ("IP_ADDRESS", "81.2.69.160")],
 [("VERSION", "8.5.0")]),

("en", "Reference letter\n\nTo whom it may concern,\nI have supervised Ms. Anneliese Vorhees for three years at Calloway Labs. She is diligent and kind.\n\nDr. Rupert Caldwell-Hayes",
 [("PERSON", "Ms. Anneliese Vorhees"), ("PERSON", "Dr. Rupert Caldwell-Hayes")],
 [("ORG", "Calloway Labs")]),

("en", "Apple, Amazon and Tesla all reported on Thursday. May sales rose; April was flat.",
 [],
 [("ORG", "Apple"), ("ORG", "Amazon"), ("ORG", "Tesla"), ("MONTH", "May"), ("MONTH", "April")]),

("en", "Tenant list - Building 2\nApt 1A: Moses Oyelaran\nApt 1B: Leah Rothschild-Park\nApt 2A: vacant\nApt 2B: Ximena Castro Ibáñez",
 [("PERSON", "Moses Oyelaran"), ("PERSON", "Leah Rothschild-Park"), ("PERSON", "Ximena Castro Ibáñez")],
 []),

("en", "Dispatch: ambulance to 88 Riverside Drive, Apartment 14D, New York, NY 10024; caller Irene Kasparov, callback 917.555.0143.",
 [("ADDRESS", "88 Riverside Drive, Apartment 14D, New York, NY 10024"), ("PERSON", "Irene Kasparov"), ("PHONE", "917.555.0143")],
 []),

("en", "Czech bank details for Tomáš Dvořák: CZ52 0850 2180 4019 3445 3035. Greek account for Nikos Papadopoulos: GR58 7079 5476 0383 2904 3176 126.",
 [("PERSON", "Tomáš Dvořák"), ("IBAN", "CZ52 0850 2180 4019 3445 3035"), ("PERSON", "Nikos Papadopoulos"), ("IBAN", "GR58 7079 5476 0383 2904 3176 126")],
 []),

("en", "Check IT09 Z193 9624 800Z PZFT KMJD XTU and CH15 1348 2834 8311 0116 7 - both failed mod-97 in the import.",
 [],
 [("IBAN", "IT09 Z193 9624 800Z PZFT KMJD XTU"), ("IBAN", "CH15 1348 2834 8311 0116 7")]),

("en", "Dentist appointment for little Oscar Whitfield (born 2019-08-14) - parent: Rebecca Whitfield, 07911 123456.",
 [("PERSON", "Oscar Whitfield"), ("DATE_OF_BIRTH", "2019-08-14"), ("PERSON", "Rebecca Whitfield"), ("PHONE", "07911 123456")],
 []),

("en", "The Kennedy Center gala and the Rockefeller Plaza tree lighting are on the same night. Tickets via Ticketmaster.",
 [],
 [("ORG", "Kennedy Center"), ("PLACE", "Rockefeller Plaza"), ("ORG", "Ticketmaster")]),

("en", "mysql -h 10.1.2.3 -u reporting -p'R3p0rt!ng#2026' analytics",
 [("IP_ADDRESS", "10.1.2.3"), ("SECRET", "R3p0rt!ng#2026")],
 []),

("en", "Interview feedback: Candidate Ebony Marsh-Whitaker was strong on SQL. Interviewer: Gideon. Second round with Priyanka Deshmukh on Thursday.",
 [("PERSON", "Ebony Marsh-Whitaker"), ("PERSON", "Gideon"), ("PERSON", "Priyanka Deshmukh")],
 []),

("en", "Crash report: Thread 0 crashed at 0x00007ff6a3c21b40, build 19045.4170, module ntdll.dll version 10.0.19041.3636",
 [],
 [("MEMORY_ADDRESS", "0x00007ff6a3c21b40"), ("VERSION", "19045.4170"), ("VERSION", "10.0.19041.3636")]),

("en", "Mailing list export:\n\"Hollis, Bernadette\",bhollis@comcast.net\n\"Ng, Vincent\",vng@live.com\n\"de Vries, Maarten\",maarten.devries@ziggo.nl",
 [("PERSON", "Hollis, Bernadette"), ("EMAIL", "bhollis@comcast.net"), ("PERSON", "Ng, Vincent"), ("EMAIL", "vng@live.com"), ("PERSON", "de Vries, Maarten"), ("EMAIL", "maarten.devries@ziggo.nl")],
 []),

("en", "Photo credit: Annika Strand. Model: Dominic Achebe-Hart. Location: Lofoten, Norway.",
 [("PERSON", "Annika Strand"), ("PERSON", "Dominic Achebe-Hart")],
 [("PLACE", "Lofoten")]),

("en", "AWS key AKIA2E0A8F3B244C9986 was used from 52.95.110.1 at 03:12 UTC. Owner: svc-etl (team lead Rowan Pike).",
 [("AWS_ACCESS_KEY", "AKIA2E0A8F3B244C9986"), ("IP_ADDRESS", "52.95.110.1"), ("PERSON", "Rowan Pike")],
 [("SERVICE_ACCOUNT", "svc-etl")]),

("en", "Bob's Burgers, Wendy's and Dunkin' are the sponsors. Ben & Jerry's declined.",
 [],
 [("ORG", "Bob's Burgers"), ("ORG", "Wendy's"), ("ORG", "Dunkin'"), ("ORG", "Ben & Jerry's")]),

("en", "PO Box 99120, Tucson, AZ 85705 - attn: Lorenzo Mancini, Accounts Payable",
 [("ADDRESS", "PO Box 99120, Tucson, AZ 85705"), ("PERSON", "Lorenzo Mancini")],
 []),

("en", "Signup: full_name=Yasmin%20El-Amin&email=yasmin.elamin%40gmail.com&phone=202.555.0175&plan=pro",
 [("PERSON", "Yasmin%20El-Amin"), ("EMAIL", "yasmin.elamin%40gmail.com"), ("PHONE", "202.555.0175")],
 []),

("en", "Birthday list: Mum 14 March, Dad 2 October, auntie Bridget 29 July, cousin Declan 5 January.",
 [("PERSON", "auntie Bridget"), ("PERSON", "Declan")],
 []),

("en", "ISBN 0-306-40615-2 and ISBN-13 978-3-16-148410-0 are both in stock; shelf 12, row C.",
 [],
 [("ISBN", "0-306-40615-2"), ("ISBN", "978-3-16-148410-0")]),

("en", "password reset requested by user 'cmartinez' from 100.64.12.7; new temp password: Wint3r-Blu3-88",
 [("PERSON", "cmartinez"), ("IP_ADDRESS", "100.64.12.7"), ("SECRET", "Wint3r-Blu3-88")],
 []),

("en", "Case notes: Social worker Imogen Prescott visited the family at 27B Larkspur Crescent, Coventry CV3 5FG. Child: Kayden (age 6).",
 [("PERSON", "Imogen Prescott"), ("ADDRESS", "27B Larkspur Crescent, Coventry CV3 5FG"), ("PERSON", "Kayden")],
 []),

("en", "Version 192.168.0.10 of the schema? No - that's the DB host. Schema version is 4.0.12.",
 [("IP_ADDRESS", "192.168.0.10")],
 [("VERSION", "4.0.12")]),

("en", "Hi Professor Mbeki, sorry for the late submission - Nomvula (student no. 21874433)",
 [("PERSON", "Professor Mbeki"), ("PERSON", "Nomvula")],
 [("STUDENT_ID", "21874433")]),

("en", "Co-signers: Arjun & Kavya Raghunathan, 1180 Lakeshore Blvd W, Unit 2207, Toronto, ON M6K 3N4.",
 [("PERSON", "Arjun"), ("PERSON", "Kavya Raghunathan"), ("ADDRESS", "1180 Lakeshore Blvd W, Unit 2207, Toronto, ON M6K 3N4")],
 []),

("en", "Amex 346179658373456 belongs to Cyrus Farahani; the JCB 3534 2128 9270 5690 belongs to Haruka Mori.",
 [("CREDIT_CARD", "346179658373456"), ("PERSON", "Cyrus Farahani"), ("CREDIT_CARD", "3534 2128 9270 5690"), ("PERSON", "Haruka Mori")],
 []),

("en", "Event ID 4625, logon type 3, workstation WS-FIN-022, account name: lhendricks, source 10.33.7.81",
 [("PERSON", "lhendricks"), ("IP_ADDRESS", "10.33.7.81")],
 [("EVENT_ID", "4625"), ("HOSTNAME", "WS-FIN-022")]),

# --- more DE / FR / ES ---
("de", "Hi Tobi, kannst du Frau Wagner-Özkan (Wohnung 3, Elbchaussee 401, 22609 Hamburg) das Paket bringen? Danke, Nils",
 [("PERSON", "Tobi"), ("PERSON", "Frau Wagner-Özkan"), ("ADDRESS", "Wohnung 3, Elbchaussee 401, 22609 Hamburg"), ("PERSON", "Nils")],
 []),

("de", "INSERT INTO mitarbeiter (vorname, nachname, iban) VALUES ('Gerlinde', 'Pfeiffer', 'DE49697382382774176830'), ('Horst', 'Zimmermann', 'AT034254810205024640');",
 [("PERSON", "Gerlinde"), ("PERSON", "Pfeiffer"), ("IBAN", "DE49697382382774176830"), ("PERSON", "Horst"), ("PERSON", "Zimmermann"), ("IBAN", "AT034254810205024640")],
 []),

("de", "Bewerberin: Leonie Marie Schäfer, geb. 21.11.1996, Anschrift: Neue Straße 5, Hinterhaus, 04109 Leipzig, Tel. 0341 9876543",
 [("PERSON", "Leonie Marie Schäfer"), ("DATE_OF_BIRTH", "21.11.1996"), ("ADDRESS", "Neue Straße 5, Hinterhaus, 04109 Leipzig"), ("PHONE", "0341 9876543")],
 []),

("fr", "Liste des bénévoles : Océane, Baptiste, Manon Leclerc, Karim Haddadi, Solène Vasseur.",
 [("PERSON", "Océane"), ("PERSON", "Baptiste"), ("PERSON", "Manon Leclerc"), ("PERSON", "Karim Haddadi"), ("PERSON", "Solène Vasseur")],
 []),

("fr", "{\"nom_client\": \"Aurélien de Saint-Exupéry\", \"adresse\": \"15 avenue Jean Jaurès, 31000 Toulouse\", \"tel\": \"05 61 22 33 44\"}",
 [("PERSON", "Aurélien de Saint-Exupéry"), ("ADDRESS", "15 avenue Jean Jaurès, 31000 Toulouse"), ("PHONE", "05 61 22 33 44")],
 []),

("es", "Reunión con Sr. Ignacio Aguirre y Sra. Pilar Domínguez-Soto. Acta: Nerea. Lugar: Paseo de la Castellana 95, planta 12, 28046 Madrid.",
 [("PERSON", "Sr. Ignacio Aguirre"), ("PERSON", "Sra. Pilar Domínguez-Soto"), ("PERSON", "Nerea"), ("ADDRESS", "Paseo de la Castellana 95, planta 12, 28046 Madrid")],
 []),

("es", "hola soy andrés, mi correo es andres.pm@gmail.com y vivo en calle de las Huertas 18, 2ºB, 28014 Madrid. llamadme al 677 12 34 56",
 [("PERSON", "andrés"), ("EMAIL", "andres.pm@gmail.com"), ("ADDRESS", "calle de las Huertas 18, 2ºB, 28014 Madrid"), ("PHONE", "677 12 34 56")],
 []),

("de", "Versand mit DHL, Paketnummer JJD000390007700012345, Gewicht 2,4 kg, Maße 40 x 30 x 15 cm.",
 [],
 [("ORG", "DHL"), ("TRACKING", "JJD000390007700012345"), ("MEASUREMENT", "2,4 kg"), ("MEASUREMENT", "40 x 30 x 15 cm")]),

("fr", "Le numéro de carte 6011 0332 8835 8092 est invalide (Luhn). Le client Didier Carpentier doit ressaisir sa carte.",
 [("PERSON", "Didier Carpentier")],
 [("CREDIT_CARD", "6011 0332 8835 8092")]),
]
