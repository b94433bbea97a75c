# Hand-written PII records, part 2: structured data (CSV, JSON, SQL, YAML, forms, vCard, logs), English.

RECORDS = [
    ("en",
     "id,first_name,last_name,email,phone,dob\n101,Ines,Carvalho,ines.carvalho@mailbox.example,+351 912 345 678,1988-02-17\n102,Tariq,Haddad,t.haddad@qmail.example,(503) 555-0119,1975-11-02",
     [("PERSON", "Ines"), ("PERSON", "Carvalho"), ("EMAIL", "ines.carvalho@mailbox.example"), ("PHONE", "+351 912 345 678"), ("DATE_OF_BIRTH", "1988-02-17"),
      ("PERSON", "Tariq"), ("PERSON", "Haddad"), ("EMAIL", "t.haddad@qmail.example"), ("PHONE", "(503) 555-0119"), ("DATE_OF_BIRTH", "1975-11-02")],
     []),

    ("en",
     '{"customer": "Eleanor Vance", "shipping_address": "55 Birchwood Lane, Apt 2C, Portland, OR 97205", "order_id": "ORD-20261130-0042", "items": [{"sku": "KT-3301-WHT", "qty": 2}]}',
     [("PERSON", "Eleanor Vance"), ("ADDRESS", "55 Birchwood Lane, Apt 2C, Portland, OR 97205")],
     [("ORDER", "ORD-20261130-0042"), ("SKU", "KT-3301-WHT")]),

    ("en",
     "INSERT INTO patients (full_name, dob, ssn, phone) VALUES\n  ('Marisol Ortega', '1983-09-22', '554-96-0286', '505-555-0155'),\n  ('Desmond Achterberg', '1979-04-30', '743609760', '505-555-0171');",
     [("PERSON", "Marisol Ortega"), ("DATE_OF_BIRTH", "1983-09-22"), ("US_SSN", "554-96-0286"), ("PHONE", "505-555-0155"),
      ("PERSON", "Desmond Achterberg"), ("DATE_OF_BIRTH", "1979-04-30"), ("US_SSN", "743609760"), ("PHONE", "505-555-0171")],
     []),

    ("en",
     "SELECT balance FROM accounts WHERE owner_name = 'Henrietta Blackwood' AND iban = 'GB40JALR51912989404977';",
     [("PERSON", "Henrietta Blackwood"), ("IBAN", "GB40JALR51912989404977")],
     []),

    ("en",
     "contacts:\n  - name: Matteo Ricci\n    role: on-call\n    phone: \"+39 347 123 4567\"\n  - name: Aoife Brennan\n    role: backup\n    phone: \"+353 87 765 4321\"\nescalation_after: 15m\nschema_version: 1.0.3.7",
     [("PERSON", "Matteo Ricci"), ("PHONE", "+39 347 123 4567"), ("PERSON", "Aoife Brennan"), ("PHONE", "+353 87 765 4321")],
     [("VERSION", "1.0.3.7")]),

    ("en",
     "APPLICATION FORM\nFirst name: Darnell\nLast name: Okoro-Hayes\nDate of birth: 11/02/1993\nSSN: 413 19 6899\nAddress: 740 Pine Hollow Rd, Unit 3, Asheville, NC 28801\nHome phone: (828) 555-0104\nEmail: darnell.oh@inbox.example",
     [("PERSON", "Darnell"), ("PERSON", "Okoro-Hayes"), ("DATE_OF_BIRTH", "11/02/1993"), ("US_SSN", "413 19 6899"),
      ("ADDRESS", "740 Pine Hollow Rd, Unit 3, Asheville, NC 28801"), ("PHONE", "(828) 555-0104"), ("EMAIL", "darnell.oh@inbox.example")],
     []),

    ("en",
     '[{"id": 7, "name": "Sakura Yamamoto", "ip": "203.0.113.19", "last_login": "2026-11-29T22:10:03Z"}, {"id": 8, "name": "Liam Gallagher-Reid", "ip": "2001:db8:0:1::5", "last_login": "2026-11-30T06:55:41Z"}]',
     [("PERSON", "Sakura Yamamoto"), ("IP_ADDRESS", "203.0.113.19"), ("PERSON", "Liam Gallagher-Reid"), ("IP_ADDRESS", "2001:db8:0:1::5")],
     [("TIMESTAMP", "2026-11-29T22:10:03Z"), ("TIMESTAMP", "2026-11-30T06:55:41Z")]),

    ("en",
     "INVOICE INV-88412\nBill to: Petra Novak, Hlavní 12, 110 00 Praha 1\nPay to IBAN: CZ43 4510 4433 9099 8311 5984\nAmount: 12 400 CZK\nDue: 2026-12-15",
     [("PERSON", "Petra Novak"), ("ADDRESS", "Hlavní 12, 110 00 Praha 1"), ("IBAN", "CZ43 4510 4433 9099 8311 5984")],
     [("INVOICE", "INV-88412"), ("TIMESTAMP", "2026-12-15")]),

    ("en",
     "payee,iban,amount_eur\nAnders Nilsen,NO7470255726546,1200.00\nKatarzyna Wójcik,PL20343530120346320738451903,845.50\nMikko Virtanen,FI8381151410765127,300.00\nTEST ROW,DE00123456780000000000,0.00",
     [("PERSON", "Anders Nilsen"), ("IBAN", "NO7470255726546"), ("PERSON", "Katarzyna Wójcik"), ("IBAN", "PL20343530120346320738451903"),
      ("PERSON", "Mikko Virtanen"), ("IBAN", "FI8381151410765127")],
     [("IBAN_INVALID", "DE00123456780000000000")]),

    ("en",
     "POST /signup 200 312ms\nfirst_name=Nadia&last_name=Benali&email=nadia.benali%40correo.example&phone=0639981204&utm_source=newsletter&utm_campaign=nov26",
     [("PERSON", "Nadia"), ("PERSON", "Benali"), ("EMAIL", "nadia.benali%40correo.example"), ("PHONE", "0639981204")],
     []),

    ("en",
     '{"debtor": {"name": "Georg Hofbauer", "iban": "AT366478234241433433"}, "creditor": {"name": "Sunrise Solar GmbH", "iban": "CH8604044231466897590"}, "amount": 4250.00, "creditor_ref": "RF18 5390 0754 7034"}',
     [("PERSON", "Georg Hofbauer"), ("IBAN", "AT366478234241433433"), ("IBAN", "CH8604044231466897590")],
     [("REFERENCE", "RF18 5390 0754 7034"), ("ORG", "Sunrise Solar GmbH")]),

    ("en",
     "customer_name=Olufemi Adebayo; card=4983681362797839; exp=11/28; cvv=***; ip=198.51.100.201; session=9b2f4c1e-7d3a-4e8b-a6f0-2c5d8e1b3a47",
     [("PERSON", "Olufemi Adebayo"), ("CREDIT_CARD", "4983681362797839"), ("IP_ADDRESS", "198.51.100.201")],
     [("UUID", "9b2f4c1e-7d3a-4e8b-a6f0-2c5d8e1b3a47")]),

    ("en",
     "Name\tDept\tMobile\nGreta Lindholm\tLegal\t+46 70 123 45 67\nHugo Marchetti\tOps\t+39 333 987 6543\nRoom booking\tFacilities\t—",
     [("PERSON", "Greta Lindholm"), ("PHONE", "+46 70 123 45 67"), ("PERSON", "Hugo Marchetti"), ("PHONE", "+39 333 987 6543")],
     []),

    ("en",
     '{"level":"info","msg":"token issued","user":"r.okafor@lumen.example","token":"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1XzQ4MjEzIiwiaWF0IjoxNzk1MDAwMDAwLCJleHAiOjE3OTUwMDM2MDAsInJvbGUiOiJ1c2VyIn0.OFY_SESkPdK-Q-h-NNRFnqcT0mqImLusiaYEgS9NrYo","ip":"192.0.2.44","req_id":"3f2a9c1e-55b0-4e7d-9a12-7c6b5d4e3f21"}',
     [("EMAIL", "r.okafor@lumen.example"), ("JWT", "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1XzQ4MjEzIiwiaWF0IjoxNzk1MDAwMDAwLCJleHAiOjE3OTUwMDM2MDAsInJvbGUiOiJ1c2VyIn0.OFY_SESkPdK-Q-h-NNRFnqcT0mqImLusiaYEgS9NrYo"),
      ("IP_ADDRESS", "192.0.2.44")],
     [("UUID", "3f2a9c1e-55b0-4e7d-9a12-7c6b5d4e3f21")]),

    ("en",
     "PATIENT INTAKE\nName (last, first): HOLLAND, Bernadette\nDOB: 1952-12-01\nEmergency contact: Colm Holland (son) 617-555-0166\nAllergies: penicillin\nWeight: 64.2 kg",
     [("PERSON", "HOLLAND"), ("PERSON", "Bernadette"), ("DATE_OF_BIRTH", "1952-12-01"), ("PERSON", "Colm Holland"), ("PHONE", "617-555-0166")],
     [("MEASURE", "64.2 kg")]),

    ("en",
     "UPDATE employees SET email = 'f.dubois@atelier-nord.example', phone = '+33 6 39 98 41 27' WHERE employee_id = 3317 AND last_name = 'Dubois';",
     [("EMAIL", "f.dubois@atelier-nord.example"), ("PHONE", "+33 6 39 98 41 27"), ("PERSON", "Dubois")],
     []),

    ("en",
     '{"input": {"fullName": "Chidi Nwosu", "passportNumber": "A23419871", "nationality": "NG", "dateOfBirth": "1990-07-15"}}',
     [("PERSON", "Chidi Nwosu"), ("PASSPORT", "A23419871"), ("DATE_OF_BIRTH", "1990-07-15")],
     []),

    ("en",
     "def test_signup():\n    user = User(name=\"Zoë Fairbanks\", email=\"zoe.fairbanks@example.com\", phone=\"+1-415-555-0138\")\n    assert user.is_valid()\n    # template row: name=\"<NAME>\", email=\"{{email}}\"",
     [("PERSON", "Zoë Fairbanks"), ("EMAIL", "zoe.fairbanks@example.com"), ("PHONE", "+1-415-555-0138")],
     [("PLACEHOLDER", "<NAME>"), ("PLACEHOLDER", "{{email}}")]),

    ("en",
     "SHIP TO:\nMR. DESMOND O'REILLY\n14B QUEEN ST W\nAPT 1102\nTORONTO ON M5H 2M9\nTEL 416 555 0187\nWT 2.3 KG   REF 88-4410-22",
     [("PERSON", "MR. DESMOND O'REILLY"), ("ADDRESS", "14B QUEEN ST W\nAPT 1102\nTORONTO ON M5H 2M9"), ("PHONE", "416 555 0187")],
     [("MEASURE", "2.3 KG"), ("REFERENCE", "88-4410-22")]),

    ("en",
     '{"lead": {"first": "Valentina", "last": "Rossi-Bianchi", "birthdate": "04.03.1989", "source": "webinar", "score": 72}}',
     [("PERSON", "Valentina"), ("PERSON", "Rossi-Bianchi"), ("DATE_OF_BIRTH", "04.03.1989")],
     []),

    ("en",
     "sku,title,price,isbn\nBK-1001,The Martian,14.99,978-0-553-41802-6\nBK-1002,Anna Karenina,9.50,978-0-14-303500-8\nBK-1003,David Copperfield,11.00,978-0-14-143974-7",
     [],
     [("SKU", "BK-1001"), ("PRODUCT_NAME", "Anna Karenina"), ("PRODUCT_NAME", "David Copperfield"), ("ISBN", "978-0-553-41802-6"), ("ISBN", "978-0-14-303500-8"), ("ISBN", "978-0-14-143974-7")]),

    ("en",
     "[user]\n\tname = Freya Halvorsen\n\temail = freya@halvorsen.dev\n[core]\n\tautocrlf = input\n[includeIf \"gitdir:~/work/\"]\n\tpath = ~/.gitconfig-work",
     [("PERSON", "Freya Halvorsen"), ("EMAIL", "freya@halvorsen.dev")],
     []),

    ("en",
     "Nov 30 03:12:44 bastion sshd[20931]: Failed password for invalid user oracle from 203.0.113.199 port 52114 ssh2\nNov 30 03:12:47 bastion sshd[20931]: Accepted publickey for deploy from 2a02:8108:1d40:5e00:9c1:4f2a:b3e7:11d0 port 40022 ssh2",
     [("IP_ADDRESS", "203.0.113.199"), ("IP_ADDRESS", "2a02:8108:1d40:5e00:9c1:4f2a:b3e7:11d0")],
     [("TIMESTAMP", "Nov 30 03:12:44")]),

    ("en",
     '{"type":"charge.succeeded","data":{"billing_details":{"name":"Ikechukwu Eze","email":"ike.eze@pm.example","address":"7 Admiralty Way, Flat 6, Lekki, Lagos 106104"},"payment_method":{"card":{"brand":"visa","last4":"8073","exp_year":2029}}}}',
     [("PERSON", "Ikechukwu Eze"), ("EMAIL", "ike.eze@pm.example"), ("ADDRESS", "7 Admiralty Way, Flat 6, Lekki, Lagos 106104")],
     [("YEAR", "2029")]),

    ("en",
     "acct|holder|ssn|opened\n00017|Rosalind Achebe|112317353|2019-06-01\n00018|Tobias Grünewald|451641115|2020-01-15\n00019|TEST ACCOUNT|000000000|2020-01-16",
     [("PERSON", "Rosalind Achebe"), ("US_SSN", "112317353"), ("PERSON", "Tobias Grünewald"), ("US_SSN", "451641115")],
     [("SSN_INVALID", "000000000"), ("TIMESTAMP", "2019-06-01")]),

    ("en",
     "Form W-9 (Rev. March 2024)\n1 Name: Marcus T. Lee\n3 Address: 2219 Sandpiper Ct, Apt 7, Tampa, FL 33609\nPart I TIN — SSN: 313-73-8222\nSignature: M. T. Lee    Date: 11/18/2026",
     [("PERSON", "Marcus T. Lee"), ("ADDRESS", "2219 Sandpiper Ct, Apt 7, Tampa, FL 33609"), ("US_SSN", "313-73-8222"), ("PERSON", "M. T. Lee")],
     [("TIMESTAMP", "11/18/2026")]),

    ("en",
     "BEGIN:VCARD\nVERSION:3.0\nFN:Dr. Anjali Deshpande\nN:Deshpande;Anjali;;Dr.;\nTEL;TYPE=cell:+91 98765 43210\nEMAIL:anjali.d@medline-clinic.example\nADR;TYPE=home:;;Flat 402, Lotus Residency, 14 MG Road, Pune 411001\nBDAY:1981-10-23\nEND:VCARD",
     [("PERSON", "Dr. Anjali Deshpande"), ("PERSON", "Deshpande"), ("PERSON", "Anjali"), ("PHONE", "+91 98765 43210"),
      ("EMAIL", "anjali.d@medline-clinic.example"), ("ADDRESS", "Flat 402, Lotus Residency, 14 MG Road, Pune 411001"), ("DATE_OF_BIRTH", "1981-10-23")],
     []),

    ("en",
     "ERROR 2026-11-30 08:02:11 sqlalchemy: could not connect to postgresql://app_user:Wint3r!sC0ming@db-prod-03.internal:5432/orders (timeout after 30s)",
     [("SECRET", "Wint3r!sC0ming")],
     [("TIMESTAMP", "2026-11-30 08:02:11")]),

    ("en",
     "Save-the-date list:\n1. Mr & Mrs Abernathy — 15 Kingfisher Lane, Harrogate HG1 4QR\n2. Auntie Rose — Flat 2B, 301 Leith Walk, Edinburgh EH6 8SA\n3. the Nguyens — 48 Wattle St, Unit 9, Fitzroy VIC 3065",
     [("PERSON", "Mr & Mrs Abernathy"), ("ADDRESS", "15 Kingfisher Lane, Harrogate HG1 4QR"), ("PERSON", "Auntie Rose"),
      ("ADDRESS", "Flat 2B, 301 Leith Walk, Edinburgh EH6 8SA"), ("PERSON", "Nguyens"), ("ADDRESS", "48 Wattle St, Unit 9, Fitzroy VIC 3065")],
     []),

    ("en",
     "PAX  NAME                  SEAT  DOC\n01   KOWALCZYK/ANNA MS     12A   P:POL:EK4418273\n02   KOWALCZYK/JAN MSTR    12B   P:POL:EK4418274\n--   DUBAI TRANSIT DESK    --    --",
     [("PERSON", "KOWALCZYK/ANNA MS"), ("PASSPORT", "EK4418273"), ("PERSON", "KOWALCZYK/JAN MSTR"), ("PASSPORT", "EK4418274")],
     [("PLACE_NAME", "DUBAI")]),

    ("en",
     "Hi Leonie,\nsomeone requested a password reset for leonie.brandt@web-mail.example. Use this link within 30 minutes:\nhttps://account.lumenapp.example/reset?uid=88213&token=Zq3vT9xLm2Kp7RwB4yN8sD1fH6jC0gAe\nIf you didn't ask for this, you can delete this email.",
     [("PERSON", "Leonie"), ("EMAIL", "leonie.brandt@web-mail.example"), ("URL_TOKEN", "https://account.lumenapp.example/reset?uid=88213&token=Zq3vT9xLm2Kp7RwB4yN8sD1fH6jC0gAe")],
     []),

    ("en",
     "here's the board report: https://stacmediashare.blob.core.windows.net/reports/q3-board.pdf?sv=2022-11-02&ss=b&srt=o&sp=r&se=2026-12-07T18:00:00Z&st=2026-11-30T09:00:00Z&spr=https&sig=Kx9%2BqT4vLmN2pR7wS1yZ3bC5dF8gH0jK6mQ%3D — expires next week. public pricing page: https://lumenapp.example/pricing?utm_source=slack",
     [("URL_TOKEN", "https://stacmediashare.blob.core.windows.net/reports/q3-board.pdf?sv=2022-11-02&ss=b&srt=o&sp=r&se=2026-12-07T18:00:00Z&st=2026-11-30T09:00:00Z&spr=https&sig=Kx9%2BqT4vLmN2pR7wS1yZ3bC5dF8gH0jK6mQ%3D")],
     [("URL_PLAIN", "https://lumenapp.example/pricing?utm_source=slack")]),
]
