# Hand-written PII records, part 8: English OCR scans, passports/MRZ, more cards/SSNs/addresses,
# and records made mostly of look-alikes.

RECORDS = [
    ("en",
     "CUSTOMER REG1STRATION\nNarne: Reginald P. Ashworth III\nD0B: O4/17/1966\nS5N: 634-64-5737\nph0ne: (919) 555-0123\ne-ma1l: r.ashworth3@mailhub.example\nAddr: 61 Cedar Bluff Rd, Apt 9, Raleigh NC 27603",
     [("PERSON", "Reginald P. Ashworth III"), ("DATE_OF_BIRTH", "O4/17/1966"), ("US_SSN", "634-64-5737"), ("PHONE", "(919) 555-0123"),
      ("EMAIL", "r.ashworth3@mailhub.example"), ("ADDRESS", "61 Cedar Bluff Rd, Apt 9, Raleigh NC 27603")],
     []),

    ("en",
     "Scanned passport page (MRZ) for the visa application:\nP<USAMCALLISTER<<JORDAN<ELISE<<<<<<<<<<<<<<<\n5671920431USA8803126F3105227<<<<<<<<<<<<<<04",
     [("PERSON", "MCALLISTER<<JORDAN<ELISE"), ("PASSPORT", "567192043"), ("DATE_OF_BIRTH", "880312")],
     []),

    ("en",
     "Guest registration — Hotel Alpenrose\nGuest: Mr. Kwame Mensah-Bonsu\nNationality: Ghanaian\nPassport: G2847193\nDate of birth: 19 Nov 1990\nHome address: 12 Ring Road East, Osu, Accra\nRoom 314, 3 nights",
     [("PERSON", "Mr. Kwame Mensah-Bonsu"), ("PASSPORT", "G2847193"), ("DATE_OF_BIRTH", "19 Nov 1990"), ("ADDRESS", "12 Ring Road East, Osu, Accra")],
     [("PRODUCT_NAME", "Hotel Alpenrose")]),

    ("en",
     "Dear Ms Whitlock,\nyour renewal application (ref PEX-44129-B) has been received. Your current passport, number 533820174, will be cancelled once the new one is issued.",
     [("PERSON", "Ms Whitlock"), ("PASSPORT", "533820174")],
     [("REFERENCE", "PEX-44129-B")]),

    ("en",
     "Passport No: Z4418203 | Name: Sreenivasan Venkataraman Iyer | Place of issue: Chennai | DOB: 02-01-1979",
     [("PASSPORT", "Z4418203"), ("PERSON", "Sreenivasan Venkataraman Iyer"), ("DATE_OF_BIRTH", "02-01-1979")],
     [("PLACE_NAME", "Chennai")]),

    ("en",
     "ok passport # is GA302911 (canadian), expires 2031 — that's for Mireille Gagnon-Pelletier's booking",
     [("PASSPORT", "GA302911"), ("PERSON", "Mireille Gagnon-Pelletier")],
     [("YEAR", "2031")]),

    ("en",
     '{"wallet":[{"label":"personal","number":"4108 5828 9398 1985","holder":"Tamsin Featherstone"},{"label":"work","number":"2221 8584 0004 8153","holder":"Tamsin Featherstone"},{"label":"old","number":"4933 7000 5702 2873"}]}',
     [("CREDIT_CARD", "4108 5828 9398 1985"), ("PERSON", "Tamsin Featherstone"), ("CREDIT_CARD", "2221 8584 0004 8153")],
     [("LUHN_INVALID", "4933 7000 5702 2873")]),

    ("en",
     "dad: whats the card number again for the flights\nme: 4626863114162305, the 3 digits on the back are 218\ndad: and it's in your name right? Ellis Okonjo-Reyes\nme: yep",
     [("CREDIT_CARD", "4626863114162305"), ("PERSON", "Ellis Okonjo-Reyes")],
     []),

    ("en",
     "[chat] Customer (Priyanka Balasubramanian): I was charged on 2720 2982 7926 3375 but my order never shipped.\n[chat] Agent Noel: Sorry about that! Order #WX-48812 — I'll refund it now.",
     [("PERSON", "Priyanka Balasubramanian"), ("CREDIT_CARD", "2720 2982 7926 3375"), ("PERSON", "Noel")],
     [("ORDER", "#WX-48812")]),

    ("en",
     "FOLIO 00771283\nGuest: DR. HELGA M. STRAND\nCard on file: VISA 4458 4088 3857 2075\nPreauth: EUR 300.00\nCheck-in 2026-11-27 / Check-out 2026-11-30",
     [("PERSON", "DR. HELGA M. STRAND"), ("CREDIT_CARD", "4458 4088 3857 2075")],
     [("INVOICE", "00771283"), ("TIMESTAMP", "2026-11-27"), ("TIMESTAMP", "2026-11-30")]),

    ("en",
     "Ticket 55012 — duplicate charges on two cards: Amex 3418 634190 30423 and Discover 6449 9008 0788 0510. Cardholder: Jasper Van der Merwe, callback 602-555-0158.",
     [("CREDIT_CARD", "3418 634190 30423"), ("CREDIT_CARD", "6449 9008 0788 0510"), ("PERSON", "Jasper Van der Merwe"), ("PHONE", "602-555-0158")],
     [("TICKET", "55012")]),

    ("en",
     "2026-11-29 21:04:55 pay.ok pan=30506996436838 brand=diners name=\"Obinna Chukwu\"\n2026-11-29 21:05:10 pay.fail pan=36436156795408 reason=luhn\n2026-11-29 21:06:02 pay.ok pan=6240208516294895 brand=unionpay name=\"Zhang Mingyu\"",
     [("CREDIT_CARD", "30506996436838"), ("PERSON", "Obinna Chukwu"), ("CREDIT_CARD", "6240208516294895"), ("PERSON", "Zhang Mingyu")],
     [("LUHN_INVALID", "36436156795408"), ("TIMESTAMP", "2026-11-29 21:04:55")]),

    ("en",
     "Hi Ronan, the Maestro card ending 9558 is the one I use — full number 5018 5683 4704 9558, in the name of Ronan Ó Súilleabháin. Please don't keep it on file after the booking.",
     [("PERSON", "Ronan"), ("CREDIT_CARD", "5018 5683 4704 9558"), ("PERSON", "Ronan Ó Súilleabháin")],
     []),

    ("en",
     "Cardholder | Card | Limit\nAkiko Fujimoto | 3566 7482 8740 6973 | 500,000 JPY\nHiroshi Fujimoto | 5195 5597 1648 3861 | 300,000 JPY",
     [("PERSON", "Akiko Fujimoto"), ("CREDIT_CARD", "3566 7482 8740 6973"), ("PERSON", "Hiroshi Fujimoto"), ("CREDIT_CARD", "5195 5597 1648 3861")],
     []),

    ("en",
     "Beneficiary form: primary Dolores Whitfield-Ames (SSN 301 59 8025), contingent Harold Ames (SSN 362822718). Both signatures witnessed by notary Ms. Ruth Oyelaran.",
     [("PERSON", "Dolores Whitfield-Ames"), ("US_SSN", "301 59 8025"), ("PERSON", "Harold Ames"), ("US_SSN", "362822718"), ("PERSON", "Ms. Ruth Oyelaran")],
     []),

    ("en",
     "EMPL0YEE REC0RD\nName: Bao Tran Nguyen\nS5N: 059-62-9224\nD0B: 1994/03/08\nAddr: 2210 Bellaire Blvd Ste 118, Houston TX 77036\nDept: Wareh0use",
     [("PERSON", "Bao Tran Nguyen"), ("US_SSN", "059-62-9224"), ("DATE_OF_BIRTH", "1994/03/08"), ("ADDRESS", "2210 Bellaire Blvd Ste 118, Houston TX 77036")],
     []),

    ("en",
     "The SSA letter lists 327-50-0687 for Maxine Oduya. The number 564-00-3372 on her old W-2 has group 00, so it can't be right.",
     [("US_SSN", "327-50-0687"), ("PERSON", "Maxine Oduya")],
     [("SSN_INVALID", "564-00-3372")]),

    ("en",
     "for the mortgage app: me (Garrett Lindqvist) 872623741, my wife Josefina Lindqvist 848 39 7745",
     [("PERSON", "Garrett Lindqvist"), ("US_SSN", "872623741"), ("PERSON", "Josefina Lindqvist"), ("US_SSN", "848 39 7745")],
     []),

    ("en",
     "Moving quote #MV-22817\nFrom: 4 Wyndham Court, Flat 11, Leeds LS2 9JT\nTo: 230 Harbourside Drive, Unit 5, Swansea SA1 8RH\nContact: Imran Qureshi, 0113 496 0877\nVolume: 18 m³",
     [("ADDRESS", "4 Wyndham Court, Flat 11, Leeds LS2 9JT"), ("ADDRESS", "230 Harbourside Drive, Unit 5, Swansea SA1 8RH"),
      ("PERSON", "Imran Qureshi"), ("PHONE", "0113 496 0877")],
     [("REFERENCE", "#MV-22817"), ("MEASURE", "18 m³")]),

    ("en",
     "Please post the documents to: Ms Jacinta O'Loughlin, Unit 7/45 Riverview Parade, Toowong QLD 4066. Mob 0491 570 993.",
     [("PERSON", "Ms Jacinta O'Loughlin"), ("ADDRESS", "Unit 7/45 Riverview Parade, Toowong QLD 4066"), ("PHONE", "0491 570 993")],
     []),

    ("en",
     "Remit to: Larkspur Analytics, Attn: Desiree Whitman, 1800 Market St, Suite 2200, San Francisco, CA 94102. Questions: billing@larkspur-analytics.example",
     [("PERSON", "Desiree Whitman"), ("ADDRESS", "1800 Market St, Suite 2200, San Francisco, CA 94102"), ("EMAIL", "billing@larkspur-analytics.example")],
     [("ORG", "Larkspur Analytics")]),

    ("en",
     "email,name,opt_in\nhollis.grant@netmail.example,Hollis Grant,yes\nmbaptiste@lycos-mail.example,Mireille Baptiste,no\nnoreply@{{domain}},{{name}},-",
     [("EMAIL", "hollis.grant@netmail.example"), ("PERSON", "Hollis Grant"), ("EMAIL", "mbaptiste@lycos-mail.example"), ("PERSON", "Mireille Baptiste")],
     [("PLACEHOLDER", "noreply@{{domain}}"), ("PLACEHOLDER", "{{name}}")]),

    ("en",
     "To: ops-team@corp.example\nCc: Sandra Kowalczyk <s.kowalczyk@corp.example>, Ezra Blumenthal <ezra.b@corp.example>\nSubject: Re: outage 2026-11-29 — postmortem draft v0.9.1.3",
     [("EMAIL", "ops-team@corp.example"), ("PERSON", "Sandra Kowalczyk"), ("EMAIL", "s.kowalczyk@corp.example"), ("PERSON", "Ezra Blumenthal"), ("EMAIL", "ezra.b@corp.example")],
     [("TIMESTAMP", "2026-11-29"), ("VERSION", "0.9.1.3")]),

    ("en",
     "a1b2c3d (HEAD -> main) Merge pull request #4471 from contrib/fix-typo\ncommit 9f8e7d6c5b4a39281706f5e4d3c2b1a098765432\n    Signed-off-by: Ola Nordmann <ola@nordmann.example>",
     [("PERSON", "Ola Nordmann"), ("EMAIL", "ola@nordmann.example")],
     [("GIT_SHA", "a1b2c3d"), ("GIT_SHA", "9f8e7d6c5b4a39281706f5e4d3c2b1a098765432")]),

    ("en",
     "Upgrade checklist: firmware 10.2.4.18 -> 10.3.0.2; set netmask 255.255.252.0; manual ISBN 978-1-4028-9462-6; SKU RTR-4400-EU; weight 2.4 kg; warranty until 2029.",
     [],
     [("VERSION", "10.2.4.18"), ("VERSION", "10.3.0.2"), ("NETMASK", "255.255.252.0"), ("ISBN", "978-1-4028-9462-6"),
      ("SKU", "RTR-4400-EU"), ("MEASURE", "2.4 kg"), ("YEAR", "2029")]),

    ("en",
     "Job 7c9e6679-7425-40de-944b-e07fc1f90ae7 finished. Artifact sha256 c443d9eaf9cf914488084c6b4b7eafa73d4c231104f5c622aa4cfdd45fb586c5. Shipment tracking 1Z4F7W820398467122 (UPS), FedEx 7749 2210 3381.",
     [],
     [("UUID", "7c9e6679-7425-40de-944b-e07fc1f90ae7"), ("HASH", "c443d9eaf9cf914488084c6b4b7eafa73d4c231104f5c622aa4cfdd45fb586c5"),
      ("TRACKING", "1Z4F7W820398467122"), ("TRACKING", "7749 2210 3381")]),

    ("en",
     "Account created 1987-06-14? No — that's the epoch bug in the old importer; the real created_at is 2026-06-14T08:00:00Z. Member since 2019. We don't store customers' birth dates.",
     [],
     [("TIMESTAMP", "1987-06-14"), ("TIMESTAMP", "2026-06-14T08:00:00Z"), ("YEAR", "2019")]),

    ("en",
     "Pt: Harriet Osei-Bonsu, DOB 1939-02-28, admitted 2026-11-26, discharge planned 2026-12-01. Daughter Abena Osei reachable on 020 7946 0992.",
     [("PERSON", "Harriet Osei-Bonsu"), ("DATE_OF_BIRTH", "1939-02-28"), ("PERSON", "Abena Osei"), ("PHONE", "020 7946 0992")],
     [("TIMESTAMP", "2026-11-26"), ("TIMESTAMP", "2026-12-01")]),

    ("en",
     "Firewall allowlist: 198.51.100.7 (Vera's home office), 2001:db8:ab:cd::42 (VPN egress). Not IPs: build 1.22.333.4, OID 1.3.6.1.4.1.311, mask 255.0.0.0",
     [("IP_ADDRESS", "198.51.100.7"), ("PERSON", "Vera"), ("IP_ADDRESS", "2001:db8:ab:cd::42")],
     [("VERSION", "1.22.333.4"), ("REFERENCE", "1.3.6.1.4.1.311"), ("NETMASK", "255.0.0.0")]),

    ("en",
     "203.0.113.58 - - [30/Nov/2026:10:14:22 +0000] \"GET /account?id=9921 HTTP/1.1\" 200 5120 \"-\" \"Mozilla/5.0\"\n2001:db8:1f70::999:de8:7648:6e8 - - [30/Nov/2026:10:14:25 +0000] \"POST /login HTTP/1.1\" 302 0",
     [("IP_ADDRESS", "203.0.113.58"), ("IP_ADDRESS", "2001:db8:1f70::999:de8:7648:6e8")],
     [("TIMESTAMP", "30/Nov/2026:10:14:22 +0000")]),

    ("en",
     "env:\n  NPM_TOKEN: ${{ secrets.NPM_TOKEN }}\n  SENTRY_AUTH: ghp_FgJZaPOxXv8uzFjhn95iukhyr9jvM4DQM8Tk  # TODO remove, leaked\n  STRIPE_KEY: sk_live_jGZ2SFqLTd5IJiwc1N3bEdMb",
     [("SECRET", "ghp_FgJZaPOxXv8uzFjhn95iukhyr9jvM4DQM8Tk"), ("SECRET", "sk_live_jGZ2SFqLTd5IJiwc1N3bEdMb")],
     [("PLACEHOLDER", "${{ secrets.NPM_TOKEN }}")]),

    ("en",
     "curl -u svc_backup:Qm7!rT2#kP9v https://backup.internal/api/v1/snapshots --data '{\"keep\": 14}'",
     [("SECRET", "Qm7!rT2#kP9v")],
     []),

    ("en",
     "interface wlan0\n  ssid CasaBlanca-5G\n  wpa_passphrase Olive&Lemon*2026\n  country_code ES",
     [("SECRET", "Olive&Lemon*2026")],
     [("PRODUCT_NAME", "CasaBlanca-5G")]),

    ("en",
     "Present: Gen. (ret.) Abernathy, Justice Okonkwo, Sister Mary-Catherine Doyle and Rabbi Feldstein. Apologies from Councillor Siddiqui.",
     [("PERSON", "Gen. (ret.) Abernathy"), ("PERSON", "Justice Okonkwo"), ("PERSON", "Sister Mary-Catherine Doyle"), ("PERSON", "Rabbi Feldstein"), ("PERSON", "Councillor Siddiqui")],
     []),

    ("en",
     "Best sellers this week: Ben & Jerry's, Marie Callender's pot pie, Tommy Hilfiger polo and a Dyson V15. Delivery to Jefferson City only.",
     [],
     [("PRODUCT_NAME", "Ben & Jerry's"), ("PRODUCT_NAME", "Marie Callender's"), ("PRODUCT_NAME", "Tommy Hilfiger"), ("PRODUCT_NAME", "Dyson V15"), ("PLACE_NAME", "Jefferson City")]),

    ("en",
     "ok so the rota: mon — aisling, tue — dev & farah, wed — me, thu — big mike, fri — whoever's free",
     [("PERSON", "aisling"), ("PERSON", "dev"), ("PERSON", "farah"), ("PERSON", "big mike")],
     []),

    ("en",
     "Claim form CLM-77-2291\nPolicyholder: Winifred Adjoa Mensah\nDate of birth: 5th of March 1955\nAddress: 3 Primrose Hill Cottages, Lower Slaughter, Cheltenham GL54 2HP\nTel: 01632 960 184\nEmail: winnie.mensah@btinternet.example",
     [("PERSON", "Winifred Adjoa Mensah"), ("DATE_OF_BIRTH", "5th of March 1955"), ("ADDRESS", "3 Primrose Hill Cottages, Lower Slaughter, Cheltenham GL54 2HP"),
      ("PHONE", "01632 960 184"), ("EMAIL", "winnie.mensah@btinternet.example")],
     [("REFERENCE", "CLM-77-2291")]),

    ("en",
     "Call centre numbers — US: 1 (800) 555-0175, UK: +44 (0)20 7946 0558, AU: +61 491 570 110, IN: +91-22-5555-0142. Ask for Mr. Ferreira.",
     [("PHONE", "1 (800) 555-0175"), ("PHONE", "+44 (0)20 7946 0558"), ("PHONE", "+61 491 570 110"), ("PHONE", "+91-22-5555-0142"), ("PERSON", "Mr. Ferreira")],
     []),

    ("en",
     "DS-82 draft — Applicant: Catalina Reyes-Whitmore, most recent passport 503948217 issued 2017, DOB 12/09/1992, mailing address 77 Sunset Terrace, Apt 3F, Santa Fe, NM 87501",
     [("PERSON", "Catalina Reyes-Whitmore"), ("PASSPORT", "503948217"), ("DATE_OF_BIRTH", "12/09/1992"), ("ADDRESS", "77 Sunset Terrace, Apt 3F, Santa Fe, NM 87501")],
     [("YEAR", "2017")]),

    ("en",
     "Error: InvalidClientTokenId for key ASIAP66WZ7ZW7H3TLSUT (profile staging). Signed download for the logs: https://logs-export.example-cdn.net/dl/run-4471.tar.gz?Expires=1795089600&Signature=Q0l4mT9vZr2Kp8xW5nL3cY7bH1dF6gJ0&Key-Pair-Id=K3R7QX9P2M1ZLV",
     [("AWS_ACCESS_KEY", "ASIAP66WZ7ZW7H3TLSUT"), ("URL_TOKEN", "https://logs-export.example-cdn.net/dl/run-4471.tar.gz?Expires=1795089600&Signature=Q0l4mT9vZr2Kp8xW5nL3cY7bH1dF6gJ0&Key-Pair-Id=K3R7QX9P2M1ZLV")],
     []),

    ("en",
     "Marathon results: Ruth Kiplagat (age 34) 2:31:07, Sven Aaltonen (age 41) 2:44:59. Born in Eldoret and Turku respectively.",
     [("PERSON", "Ruth Kiplagat"), ("PERSON", "Sven Aaltonen")],
     [("MEASURE", "2:31:07"), ("PLACE_NAME", "Eldoret"), ("PLACE_NAME", "Turku")]),

    ("en",
     "# do NOT commit real cards!\ncard = \"5341 0536 6235 2455\"  # Reza's corporate card, remove before the PR\ntest_card = \"<TEST_CARD>\"  # take it from the gateway docs",
     [("CREDIT_CARD", "5341 0536 6235 2455"), ("PERSON", "Reza")],
     [("PLACEHOLDER", "<TEST_CARD>")]),

    ("en",
     "STATEMENT  Nov 2026\nCard: 2510 1454 2163 2193   Holder: LORENZO DI MAGGIO\nSupplementary: 5562 4020 3038 7085   Holder: GIULIA DI MAGGIO\nMinimum payment due 20 Dec",
     [("CREDIT_CARD", "2510 1454 2163 2193"), ("PERSON", "LORENZO DI MAGGIO"), ("CREDIT_CARD", "5562 4020 3038 7085"), ("PERSON", "GIULIA DI MAGGIO")],
     []),

    ("en",
     "Fraud team: flag 4881 3879 2396 5682 and 6298 5506 5494 2160, both used from 203.0.113.91 within 2 minutes. Holder of the first card: Oluwaseun Bakare.",
     [("CREDIT_CARD", "4881 3879 2396 5682"), ("CREDIT_CARD", "6298 5506 5494 2160"), ("IP_ADDRESS", "203.0.113.91"), ("PERSON", "Oluwaseun Bakare")],
     []),
]
