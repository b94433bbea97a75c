# Hand-written PII records, English. Tuple: (lang, text, entities, non_entities)
# entities / non_entities: list of (TYPE, value); value must be an exact substring of text.
RECORDS = [
("en", "Hi, this is Margaret Okafor from accounts. Please call me back on 555.867.5309 before 5pm, or email m.okafor@brightlane.co.uk. Ref: order ORD-2026-44817.",
 [("PERSON", "Margaret Okafor"), ("PHONE", "555.867.5309"), ("EMAIL", "m.okafor@brightlane.co.uk")],
 [("ORDER_ID", "ORD-2026-44817")]),

("en", "[10:02] dave: hey did anyone get the deploy link?\n[10:03] priya.n: yeah check #releases\n[10:03] dave: thx priya\n[10:05] tomasz w: build 4.17.2 is green btw",
 [("PERSON", "dave"), ("PERSON", "priya.n"), ("PERSON", "priya"), ("PERSON", "tomasz w")],
 [("VERSION", "4.17.2")]),

("en", "name,email,phone,city\nAaliyah Brooks,aaliyah.brooks@gmail.com,(312) 555-0147,Chicago\nConnor O'Neill,connor.oneill@outlook.com,(617) 555-0193,Boston\nMei-Ling Chen,mlchen88@yahoo.com,(415) 555-0122,San Francisco",
 [("PERSON", "Aaliyah Brooks"), ("EMAIL", "aaliyah.brooks@gmail.com"), ("PHONE", "(312) 555-0147"), ("PERSON", "Connor O'Neill"), ("EMAIL", "connor.oneill@outlook.com"), ("PHONE", "(617) 555-0193"), ("PERSON", "Mei-Ling Chen"), ("EMAIL", "mlchen88@yahoo.com"), ("PHONE", "(415) 555-0122")],
 [("PLACE", "Chicago"), ("PLACE", "San Francisco")]),

("en", "Best regards,\n\nDr. Samuel J. Whitaker\nSenior Radiologist\nSt. Luke's Medical Group\n2200 Ridgeview Ave, Suite 310, Portland, OR 97205\nTel 503.555.0178",
 [("PERSON", "Dr. Samuel J. Whitaker"), ("ADDRESS", "2200 Ridgeview Ave, Suite 310, Portland, OR 97205"), ("PHONE", "503.555.0178")],
 [("ORG", "St. Luke's Medical Group")]),

("en", "INSERT INTO customers (first_name, last_name, email, ssn) VALUES ('Rosa', 'Delgado-Marquez', 'rosa.dm@fastmail.com', '441-52-0447');",
 [("PERSON", "Rosa"), ("PERSON", "Delgado-Marquez"), ("EMAIL", "rosa.dm@fastmail.com"), ("US_SSN", "441-52-0447")],
 []),

("en", "{\"customer\": {\"full_name\": \"Hendrik van der Berg\", \"dob\": \"1984-07-19\", \"iban\": \"NL36JOWX8864929811\"}, \"order_uuid\": \"3f2c9a1e-7b4d-4e8a-9c21-5d6f0e1b2a34\"}",
 [("PERSON", "Hendrik van der Berg"), ("DATE_OF_BIRTH", "1984-07-19"), ("IBAN", "NL36JOWX8864929811")],
 [("UUID", "3f2c9a1e-7b4d-4e8a-9c21-5d6f0e1b2a34")]),

("en", "Will you be at the standup tomorrow? Grace period for the license ends Friday, so Ford and Dell quotes need to be in by then.",
 [],
 [("NOT_PERSON", "Will"), ("NOT_PERSON", "Grace"), ("ORG", "Ford"), ("ORG", "Dell")]),

("en", "Payment failed for card 4690581718114439 (Luhn check failed, probably a typo). Customer retried with 4952695375971006 and it went through.",
 [("CREDIT_CARD", "4952695375971006")],
 [("CREDIT_CARD", "4690581718114439")]),

("en", "2026-03-14T08:22:17Z INFO auth login ok user=jsmith src=203.0.113.77 ua=Mozilla/5.0 session=8f14e45fceea167a5a36dedd4bea2543",
 [("PERSON", "jsmith"), ("IP_ADDRESS", "203.0.113.77")],
 [("TIMESTAMP", "2026-03-14T08:22:17Z"), ("HASH", "8f14e45fceea167a5a36dedd4bea2543")]),

("en", "Upgrade the controller to version 10.2.0.1 and set the netmask to 255.255.255.0. The gateway stays at 192.168.40.1.",
 [("IP_ADDRESS", "192.168.40.1")],
 [("VERSION", "10.2.0.1"), ("NETMASK", "255.255.255.0")]),

("en", "aws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\nregion = eu-west-1",
 [("AWS_ACCESS_KEY", "AKIAIOSFODNN7EXAMPLE"), ("SECRET", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")],
 []),

("en", "Shipping label\nTo: Mr. Kwame Mensah\nFlat 4B, 27 Albion Road\nLondon N16 9PT\nUnited Kingdom\nTracking: 1Z999AA10123456784",
 [("PERSON", "Mr. Kwame Mensah"), ("ADDRESS", "Flat 4B, 27 Albion Road\nLondon N16 9PT")],
 [("TRACKING", "1Z999AA10123456784")]),

("en", "The Abbey Road crossing is a tourist spot, and Baker Street station was packed. Nobody actually lives at 221B - it's a museum.",
 [],
 [("PLACE", "Abbey Road"), ("PLACE", "Baker Street")]),

("en", "From: Lucy Fairbanks <lucy.fairbanks@harrowgate-law.com>\nTo: paralegals@harrowgate-law.com\nSubject: Deposition prep\n\nHi team, Mr. Adeyemi's deposition is moved to 12 May. Please pull his SSN 074-45-8509 from the intake file only if counsel asks. - Lucy",
 [("PERSON", "Lucy Fairbanks"), ("EMAIL", "lucy.fairbanks@harrowgate-law.com"), ("PERSON", "Mr. Adeyemi"), ("US_SSN", "074-45-8509"), ("PERSON", "Lucy")],
 []),

("en", "ssn on the form reads 362 42 8226 but the old record has 000-12-3456 which is obviously bogus",
 [("US_SSN", "362 42 8226")],
 [("US_SSN", "000-12-3456")]),

("en", "git log --oneline\n9fceb02 Fix null check in parser (Jonas Lindqvist)\n4a1b3c7 Merge branch 'feature/export'\nd2e8f61 Bump version to 3.4.1 (amara.k)",
 [("PERSON", "Jonas Lindqvist"), ("PERSON", "amara.k")],
 [("GIT_SHA", "9fceb02"), ("GIT_SHA", "4a1b3c7"), ("GIT_SHA", "d2e8f61"), ("VERSION", "3.4.1")]),

("en", "BEGIN:VCARD\nVERSION:3.0\nFN:Isabella Romano-Keats\nN:Romano-Keats;Isabella;;;\nTEL;TYPE=cell:+1 646 555 0112\nEMAIL:isa.rk@icloud.com\nADR;TYPE=home:;;88 Greene St Apt 5;New York;NY;10012;USA\nEND:VCARD",
 [("PERSON", "Isabella Romano-Keats"), ("PERSON", "Romano-Keats;Isabella"), ("PHONE", "+1 646 555 0112"), ("EMAIL", "isa.rk@icloud.com"), ("ADDRESS", "88 Greene St Apt 5;New York;NY;10012")],
 [("VERSION", "3.0")]),

("en", "Can someone explain why ISBN 978-0-13-468599-1 is rejected by the catalog? Also the SKU WDG-4471-BLU is out of stock.",
 [],
 [("ISBN", "978-0-13-468599-1"), ("SKU", "WDG-4471-BLU")]),

("en", "patient: Harold Finch-Whitmore   DOB: 03/11/1952   MRN 00482731\nattending: dr. nkechi obi\nnotes: pt reports dizziness after new med",
 [("PERSON", "Harold Finch-Whitmore"), ("DATE_OF_BIRTH", "03/11/1952"), ("PERSON", "dr. nkechi obi")],
 [("RECORD_ID", "00482731")]),

("en", "export GITHUB_TOKEN=ghp_R8x2LmQ7vTn4KpZ9wYb3HcJ6dFs1AeG0uVi5\nexport SLACK_BOT_TOKEN=xoxb-2210498876-5539201174-qPz8Rk3mWn7XyLcV2bTg",
 [("SECRET", "ghp_R8x2LmQ7vTn4KpZ9wYb3HcJ6dFs1AeG0uVi5"), ("SECRET", "xoxb-2210498876-5539201174-qPz8Rk3mWn7XyLcV2bTg")],
 []),

("en", "Thanks John Doe and Jane Doe are just placeholders in the template, replace them with the real signer. Use XXX-XX-XXXX for the SSN field in the sample.",
 [],
 [("PLACEHOLDER", "John Doe"), ("PLACEHOLDER", "Jane Doe"), ("PLACEHOLDER", "XXX-XX-XXXX")]),

("en", "Wire details: beneficiary Oliver Pemberton, IBAN GB60 SGUK 7715 2986 5533 78, reference INV-88213.",
 [("PERSON", "Oliver Pemberton"), ("IBAN", "GB60 SGUK 7715 2986 5533 78")],
 [("INVOICE_ID", "INV-88213")]),

("en", "I think the IBAN they sent, GB37 JUPO 4196 6774 2302 36, fails validation. Can you double-check with the bank?",
 [],
 [("IBAN", "GB37 JUPO 4196 6774 2302 36")]),

("en", "curl 'https://api.mapvendor.io/v2/geocode?address=Main+St&key=AIzaSyD4xK9mQ2vLp7RtN3bWc8HzY1fJ6gUe0sA'",
 [("GOOGLE_API_KEY", "AIzaSyD4xK9mQ2vLp7RtN3bWc8HzY1fJ6gUe0sA")],
 [("PLACE", "Main+St")]),

("en", "GET /export/report.csv?access_token=tk_9f83hQ2LmZx71PwsVb04 HTTP/1.1\nHost: reports.northwind-analytics.com\nX-Request-ID: 6a1f0c2e-88b4-4d1e-a7a3-0c5e9b2d7f11",
 [("URL_TOKEN", "tk_9f83hQ2LmZx71PwsVb04")],
 [("UUID", "6a1f0c2e-88b4-4d1e-a7a3-0c5e9b2d7f11")]),

("en", "Authorization: Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI4ODIxIiwibmFtZSI6IlRlc3QiLCJpYXQiOjE3MDAwMDAwMDB9.Jx3mZ0pQe9sVbT4kR1nW8yLcHa2fGdU5oI7tXqE6wKs",
 [("JWT", "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI4ODIxIiwibmFtZSI6IlRlc3QiLCJpYXQiOjE3MDAwMDAwMDB9.Jx3mZ0pQe9sVbT4kR1nW8yLcHa2fGdU5oI7tXqE6wKs")],
 []),

("en", "Passport No. 533819274, issued to ELENA MARGARITA VOSS, date of birth 22 SEP 1990, expires 2031.",
 [("PASSPORT", "533819274"), ("PERSON", "ELENA MARGARITA VOSS"), ("DATE_OF_BIRTH", "22 SEP 1990")],
 []),

("en", "Our meeting room is 'Turing', the café downstairs is called Hopper's, and the new build server is named Lovelace. None of these are people in this context.",
 [],
 [("ROOM_NAME", "Turing"), ("ORG", "Hopper's"), ("HOSTNAME", "Lovelace")]),

("en", "hey its marcus, can u send me ur address again? i lost it\n> sure, 1420 W Belmont Ave #2F, Chicago IL 60657\nthx!! - m",
 [("PERSON", "marcus"), ("ADDRESS", "1420 W Belmont Ave #2F, Chicago IL 60657")],
 []),

("en", "PO Box 4471, Anchorage, AK 99509 is the mailing address for Ruth Akiyama's nonprofit; the office itself is not open to visitors.",
 [("ADDRESS", "PO Box 4471, Anchorage, AK 99509"), ("PERSON", "Ruth Akiyama")],
 []),

("en", "Tracking number 9400 1000 0000 0000 0000 00 shows delivered. Order #100045993 was placed on 2026-01-07.",
 [],
 [("TRACKING", "9400 1000 0000 0000 0000 00"), ("ORDER_ID", "100045993"), ("DATE", "2026-01-07")]),

("en", "Paid with Amex 376967759235068, exp 08/28. Old card on file 370932099134386 was flagged as invalid.",
 [("CREDIT_CARD", "376967759235068")],
 [("CREDIT_CARD", "370932099134386")]),

("en", "Sorry, Brown is the color we want for the sofa, not the supplier. Taylor & Sons only does grey. Cooper is the model name.",
 [],
 [("COMMON_NOUN", "Brown"), ("ORG", "Taylor & Sons"), ("PRODUCT", "Cooper")]),

("en", "Applicant: Nguyen Thi Lan\nAddress: 55 Harbour Street, Unit 12, Sydney NSW 2000\nMobile: 0412 555 381\nEmail: lan.nguyen.thi@bigpond.com",
 [("PERSON", "Nguyen Thi Lan"), ("ADDRESS", "55 Harbour Street, Unit 12, Sydney NSW 2000"), ("PHONE", "0412 555 381"), ("EMAIL", "lan.nguyen.thi@bigpond.com")],
 []),

("en", "Call the UK office on 020 7946 0321 or the Manchester desk on 0161 496 0754. Ask for Siobhan.",
 [("PHONE", "020 7946 0321"), ("PHONE", "0161 496 0754"), ("PERSON", "Siobhan")],
 [("PLACE", "Manchester")]),

("en", "stripe:\n  publishable_key: pk_live_51Hx7PqLm2Yz\n  secret_key: sk_live_51Hx7PqLm2Yz9cVbN3kT8rW4jQ0eA6sD1fG\n  webhook_tolerance: 300",
 [("SECRET", "sk_live_51Hx7PqLm2Yz9cVbN3kT8rW4jQ0eA6sD1fG")],
 []),

("en", "DB_HOST=10.20.4.15\nDB_USER=app_rw\nDB_PASSWORD=Tr0ub4dor&3xK!\nDB_NAME=orders",
 [("IP_ADDRESS", "10.20.4.15"), ("SECRET", "Tr0ub4dor&3xK!")],
 []),

("en", "Pr1nted scan - page 2\nNarne: Chr1stopher Bal1ard\nAddres: 19 0ak Lane, Sprlngfield, IL 627O4\nD0B: 14/O2/1979",
 [("PERSON", "Chr1stopher Bal1ard"), ("ADDRESS", "19 0ak Lane, Sprlngfield, IL 627O4"), ("DATE_OF_BIRTH", "14/O2/1979")],
 []),

("en", "Attendees: Fatima Al-Zahra, Björn Ekström, Chidi Okonkwo, Sofia de la Cruz, Patrick McAllister-Byrne",
 [("PERSON", "Fatima Al-Zahra"), ("PERSON", "Björn Ekström"), ("PERSON", "Chidi Okonkwo"), ("PERSON", "Sofia de la Cruz"), ("PERSON", "Patrick McAllister-Byrne")],
 []),

("en", "Release notes 2.0.0: Darwin support added, Jordan layout fixed, Victoria theme renamed to Classic.",
 [],
 [("VERSION", "2.0.0"), ("PRODUCT", "Darwin"), ("NOT_PERSON", "Jordan"), ("PRODUCT", "Victoria")]),

("en", "SELECT id, customer_name, phone FROM contacts WHERE customer_name = 'Leonard Achterberg' AND phone = '212.555.0139';",
 [("PERSON", "Leonard Achterberg"), ("PHONE", "212.555.0139")],
 []),

("en", "Emergency contact: Ms. Gwendolyn Ashby (sister), 07700 900461",
 [("PERSON", "Ms. Gwendolyn Ashby"), ("PHONE", "07700 900461")],
 []),

("en", "Measurements for the cabinet: 1200 x 600 x 450 mm, weight 38.5 kg. Part no. 4412-88-001.",
 [],
 [("MEASUREMENT", "1200 x 600 x 450 mm"), ("MEASUREMENT", "38.5 kg"), ("PART_NO", "4412-88-001")]),

("en", "Reminder from Anika: rent goes to her account DE49 6973 8238 2774 1768 30 from now on, not the old one.",
 [("PERSON", "Anika"), ("IBAN", "DE49 6973 8238 2774 1768 30")],
 []),

("en", "<td>Name</td><td>Reginald Oduya</td></tr><tr><td>Card</td><td>5105 7980 9380 1456</td></tr><tr><td>CVV</td><td>***</td>",
 [("PERSON", "Reginald Oduya"), ("CREDIT_CARD", "5105 7980 9380 1456")],
 []),

("en", "The SHA256 of the release tarball is 9b74c9897bac770ffc029102a200c5de5f2c1c9e1d7ab2b5b5f2d1e0f1b7a3c4; commit a94a8fe5ccb19ba61c4c0873d391e987982fbbd3.",
 [],
 [("HASH", "9b74c9897bac770ffc029102a200c5de5f2c1c9e1d7ab2b5b5f2d1e0f1b7a3c4"), ("GIT_SHA", "a94a8fe5ccb19ba61c4c0873d391e987982fbbd3")]),

("en", "Quick question for Rhys - did the Dublin client sign? Their IBAN is IE71DSZW02202397261850 if you need to set up the debit.",
 [("PERSON", "Rhys"), ("IBAN", "IE71DSZW02202397261850")],
 [("PLACE", "Dublin")]),

("en", "Visa ending 0304 - full number 4513 6133 6710 0304 - belongs to Theodora Papadakis.",
 [("CREDIT_CARD", "4513 6133 6710 0304"), ("PERSON", "Theodora Papadakis")],
 []),

("en", "<ul><li>Washington Street Bridge closure</li><li>Lincoln Tunnel delays</li><li>Madison Square Garden event traffic</li></ul>",
 [],
 [("PLACE", "Washington Street Bridge"), ("PLACE", "Lincoln Tunnel"), ("PLACE", "Madison Square Garden")]),

("en", "User record: {id: 5521, username: 'kzhang', display: 'Kevin Zhang', last_ip: '198.51.100.23', created: '2025-11-02 14:55:01'}",
 [("PERSON", "kzhang"), ("PERSON", "Kevin Zhang"), ("IP_ADDRESS", "198.51.100.23")],
 [("TIMESTAMP", "2025-11-02 14:55:01")]),

("en", "Daniel, Mark and Chris from the Hartford office will join. Cheers, Ellie",
 [("PERSON", "Daniel"), ("PERSON", "Mark"), ("PERSON", "Chris"), ("PERSON", "Ellie")],
 [("PLACE", "Hartford")]),

("en", "Mark the ticket as resolved. Chase bank sent the statement; Wells Fargo didn't.",
 [],
 [("COMMON_NOUN", "Mark"), ("ORG", "Chase"), ("ORG", "Wells Fargo")]),

("en", "Customer Lakshmi Venkataraman (DOB 1969-12-02) asked us to update her address to 7 Birchwood Close, Leeds LS17 8RQ.",
 [("PERSON", "Lakshmi Venkataraman"), ("DATE_OF_BIRTH", "1969-12-02"), ("ADDRESS", "7 Birchwood Close, Leeds LS17 8RQ")],
 []),

("en", "Reset link: https://accounts.fittrack.app/reset?user=8812&token=a7Fq93LmPz02XcVb6TyR1&lang=en",
 [("URL_TOKEN", "a7Fq93LmPz02XcVb6TyR1")],
 []),

("en", "Ticket INC-0042198 opened by Gabriel Fontaine-Leroux. Affected host: 172.16.254.9. Related change CHG-7781.",
 [("PERSON", "Gabriel Fontaine-Leroux"), ("IP_ADDRESS", "172.16.254.9")],
 [("TICKET_ID", "INC-0042198"), ("TICKET_ID", "CHG-7781")]),

("en", "Employee ID 88412, SSN 229-30-3873, Name: Beatriz Almeida da Silva, Start date: 2024-06-03",
 [("US_SSN", "229-30-3873"), ("PERSON", "Beatriz Almeida da Silva")],
 [("EMPLOYEE_ID", "88412"), ("DATE", "2024-06-03")]),

("en", "The lab reported 666-45-1123 as the SSN, but numbers starting with 666 are never issued, so flag it.",
 [],
 [("US_SSN", "666-45-1123")]),

("en", "my brother ahmed lives at 3350 s. maple dr apt 112, tempe az 85282 — can you ship the gift there?",
 [("PERSON", "ahmed"), ("ADDRESS", "3350 s. maple dr apt 112, tempe az 85282")],
 []),

("en", "New hire list\n- Yusuf Demir (backend)\n- Charlotte Beaumont (design)\n- Tariq Haddad (QA)\n- Hannah Schultz (PM)",
 [("PERSON", "Yusuf Demir"), ("PERSON", "Charlotte Beaumont"), ("PERSON", "Tariq Haddad"), ("PERSON", "Hannah Schultz")],
 []),

("en", "password: hunter2-Prod-2026\nusername: svc_backup\nhost: backup01.int.example.net",
 [("SECRET", "hunter2-Prod-2026")],
 [("HOSTNAME", "backup01.int.example.net")]),

("en", "Note from Jamal: Mrs. Evelyn Hartley called about her late husband's account. She prefers calls to her landline 734.555.0184.",
 [("PERSON", "Jamal"), ("PERSON", "Mrs. Evelyn Hartley"), ("PHONE", "734.555.0184")],
 []),

("en", "The Morgan Stanley report and the Goldman Sachs memo both cite McDonald's as a bellwether. Disney and Ferrari also mentioned.",
 [],
 [("ORG", "Morgan Stanley"), ("ORG", "Goldman Sachs"), ("ORG", "McDonald's"), ("ORG", "Disney"), ("ORG", "Ferrari")]),

("en", "Mastercard 5372 1521 9272 8846 declined; tried 5260322253708724 next, which our form rejected (bad checksum).",
 [("CREDIT_CARD", "5372 1521 9272 8846")],
 [("CREDIT_CARD", "5260322253708724")]),

("en", "Ping from the monitoring box: 8.8.8.8 reachable, 10.0.0.254 unreachable. Agent v1.12.0.3 running.",
 [("IP_ADDRESS", "10.0.0.254")],
 [("VERSION", "1.12.0.3")]),

("en", "-- seed data\nINSERT INTO users(name,email) VALUES\n('Priscilla Vaughn','pvaughn@mailbox.org'),\n('Dmitri Volkov','d.volkov@proton.me'),\n('Ana Lucía Ferreira','analucia.f@gmail.com');",
 [("PERSON", "Priscilla Vaughn"), ("EMAIL", "pvaughn@mailbox.org"), ("PERSON", "Dmitri Volkov"), ("EMAIL", "d.volkov@proton.me"), ("PERSON", "Ana Lucía Ferreira"), ("EMAIL", "analucia.f@gmail.com")],
 []),

("en", "Hi Ms. Kowalczyk,\n\nThank you for your application. We will contact you at the number you gave (201.555.0166).\n\nKind regards,\nRecruiting Team",
 [("PERSON", "Ms. Kowalczyk"), ("PHONE", "201.555.0166")],
 []),

("en", "Lot 7731-B, batch 2026-W11, expiry 2027-03. Temperature range 2-8 °C.",
 [],
 [("LOT_ID", "7731-B"), ("BATCH", "2026-W11"), ("MEASUREMENT", "2-8 °C")]),

("en", "Discover card 6011366131103409 holder: Winston Achebe. Billing: 600 Elm Street, Apt 9C, Dallas, TX 75201.",
 [("CREDIT_CARD", "6011366131103409"), ("PERSON", "Winston Achebe"), ("ADDRESS", "600 Elm Street, Apt 9C, Dallas, TX 75201")],
 []),

("en", "Reviewer 2 (Prof. Ingrid Halvorsen) recommends major revision. Reviewer 3 (Dr. Kenji Watanabe) accepts.",
 [("PERSON", "Prof. Ingrid Halvorsen"), ("PERSON", "Dr. Kenji Watanabe")],
 []),

("en", "ok so i talked to jess and ben, they're both fine with friday. ask olu too",
 [("PERSON", "jess"), ("PERSON", "ben"), ("PERSON", "olu")],
 []),

("en", "Order summary: 2x Jackson Pollock print poster (SKU ART-JP-0091), 1x Hemingway notebook. Ship to store pickup.",
 [],
 [("PRODUCT", "Jackson Pollock print poster"), ("SKU", "ART-JP-0091"), ("PRODUCT", "Hemingway notebook")]),

("en", "Server logs: Failed password for invalid user admin from 45.33.32.156 port 52113 ssh2",
 [("IP_ADDRESS", "45.33.32.156")],
 [("PORT", "52113")]),

("en", "Loan application — Borrower: Terrence Blackwood Jr.; Co-borrower: Alicia Blackwood; Property: 45 Cedar Hollow Rd, Asheville, NC 28803; Borrower SSN: 454-77-4372",
 [("PERSON", "Terrence Blackwood Jr."), ("PERSON", "Alicia Blackwood"), ("ADDRESS", "45 Cedar Hollow Rd, Asheville, NC 28803"), ("US_SSN", "454-77-4372")],
 []),

("en", "The Smithsonian exhibit on the Wright Flyer opens at Independence Avenue entrance. Tickets are free.",
 [],
 [("ORG", "Smithsonian"), ("PRODUCT", "Wright Flyer"), ("PLACE", "Independence Avenue")]),

("en", "slack export:\n{\"user\": \"U02ABCDEF\", \"user_name\": \"noor.hassan\", \"real_name\": \"Noor Hassan\", \"text\": \"sending the invoice now\"}",
 [("PERSON", "noor.hassan"), ("PERSON", "Noor Hassan")],
 [("USER_ID", "U02ABCDEF")]),

("en", "Callback requested by Mr. O'Brien-Walsh on 415.555.0199 regarding claim CLM-552019.",
 [("PERSON", "Mr. O'Brien-Walsh"), ("PHONE", "415.555.0199")],
 [("CLAIM_ID", "CLM-552019")]),

("en", "Rotate this leaked key ASAP: AKIAJ7QX2MZ4LN6PRT3B (found in a public gist). The replacement is stored in Vault.",
 [("AWS_ACCESS_KEY", "AKIAJ7QX2MZ4LN6PRT3B")],
 [("PRODUCT", "Vault")]),

("en", "Her passport (number X4471902) and driving licence were stolen; contact Officer Daniels at the 14th precinct.",
 [("PASSPORT", "X4471902"), ("PERSON", "Officer Daniels")],
 []),

("en", "Config sample with dummy values: api_key=YOUR_API_KEY_HERE, password=changeme, email=user@example.com",
 [],
 [("PLACEHOLDER", "YOUR_API_KEY_HERE")]),
]
