# Hand-written PII records, part 1: English chats, emails, SMS, tickets.
# Each record: (lang, text, entities[(type, value)], non_entities[(type, value)])

RECORDS = [
    ("en",
     "<maria delgado> hey, can you resend the lease?\n<Tom Okafor> sure, sending to m.delgado@northwind-legal.example now\n<maria delgado> thx. if the upload fails call me at (415) 555-0143",
     [("PERSON", "maria delgado"), ("PERSON", "Tom Okafor"), ("EMAIL", "m.delgado@northwind-legal.example"), ("PHONE", "(415) 555-0143")],
     []),

    ("en",
     "From: Priya Raman <priya.raman@quillstone.example>\nTo: accounts@quillstone.example\nSubject: Refund for order ORD-558120\n\nHi team,\nplease refund order ORD-558120 to my card **** **** **** 4417. Billing address: 42 Larchmont Ave, Apt 5B, Montclair, NJ 07042.\nThanks,\nPriya",
     [("PERSON", "Priya Raman"), ("EMAIL", "priya.raman@quillstone.example"), ("EMAIL", "accounts@quillstone.example"),
      ("ADDRESS", "42 Larchmont Ave, Apt 5B, Montclair, NJ 07042"), ("PERSON", "Priya")],
     [("ORDER", "ORD-558120"), ("MASKED_CARD", "**** **** **** 4417")]),

    ("en",
     "Ticket #88213 | Opened 2026-11-28 09:14 UTC\nCustomer: Hendrik Vos\nPhone: +31 6 1234 5678\nIssue: login fails from 203.0.113.77 since the v4.12.0.3 update.\nAgent note: asked customer to clear cache.",
     [("PERSON", "Hendrik Vos"), ("PHONE", "+31 6 1234 5678"), ("IP_ADDRESS", "203.0.113.77")],
     [("TICKET", "#88213"), ("TIMESTAMP", "2026-11-28 09:14 UTC"), ("VERSION", "4.12.0.3")]),

    ("en",
     "@channel heads up: jorge from finance (jorge.alvarez@tallyho.example) is out today, ping Wen Li instead. Wen's desk line is 020 7946 0381.",
     [("PERSON", "jorge"), ("EMAIL", "jorge.alvarez@tallyho.example"), ("PERSON", "Wen Li"), ("PERSON", "Wen"), ("PHONE", "020 7946 0381")],
     []),

    ("en",
     "Mum: did you book the dentist?\nMe: yes, Thursday 4pm with Dr. Nakamura\nMum: ok. also your new Visa came in the post, 4572 3500 9030 5607, I put it in your drawer",
     [("PERSON", "Dr. Nakamura"), ("CREDIT_CARD", "4572 3500 9030 5607")],
     []),

    ("en",
     "Best regards,\n\nMs. Adaeze Okonkwo-Bello\nSenior Counsel\nT: +1 202 555 0178 | M: 202.555.0199\nadaeze.ob@harborlaw.example",
     [("PERSON", "Ms. Adaeze Okonkwo-Bello"), ("PHONE", "+1 202 555 0178"), ("PHONE", "202.555.0199"), ("EMAIL", "adaeze.ob@harborlaw.example")],
     []),

    ("en",
     "HR-2291: new-hire paperwork incomplete for Jamal Whitaker. SSN on the I-9 reads 586-68-5558 but the W-4 shows 586 68 5558 — same number, different formatting. DOB 03/14/1991. Please confirm before payroll run PR-2026-48.",
     [("PERSON", "Jamal Whitaker"), ("US_SSN", "586-68-5558"), ("US_SSN", "586 68 5558"), ("DATE_OF_BIRTH", "03/14/1991")],
     [("REFERENCE", "HR-2291"), ("REFERENCE", "PR-2026-48")]),

    ("en",
     "user: hi my card got declined\nagent: can you confirm the card number?\nuser: 5179 7756 7442 7605\nagent: thanks. and the name on the card?\nuser: SAMUEL K ADEYEMI",
     [("CREDIT_CARD", "5179 7756 7442 7605"), ("PERSON", "SAMUEL K ADEYEMI")],
     []),

    ("en",
     "Attendees: Lucía Fernández, Brandon Cho, Olamide Ajayi (remote)\nNotes: Brandon to share the Q3 deck; Olamide's contract renews 2027-01-01.",
     [("PERSON", "Lucía Fernández"), ("PERSON", "Brandon Cho"), ("PERSON", "Olamide Ajayi"), ("PERSON", "Brandon"), ("PERSON", "Olamide")],
     [("TIMESTAMP", "2027-01-01")]),

    ("en",
     "kev: anyone seen the keys to the van\nsiobhan: ask mr. patel, he had them last\nkev: k thx",
     [("PERSON", "kev"), ("PERSON", "siobhan"), ("PERSON", "mr. patel")],
     []),

    ("en",
     "Security notice: a new sign-in to your account (daniel.fraser@postbox.example) was detected from 2001:db8:85a3::8a2e:370:7334 (Safari 18.1.1 on macOS). If this wasn't you, reset your password.",
     [("EMAIL", "daniel.fraser@postbox.example"), ("IP_ADDRESS", "2001:db8:85a3::8a2e:370:7334")],
     [("VERSION", "18.1.1")]),

    ("en",
     "Invitation: Interview – Rafaela Monteiro\nWhen: Tue 2 Dec 2026 14:00–14:45 (CET)\nOrganizer: Jonas Berglund\nDial-in: +46 8 123 456 78",
     [("PERSON", "Rafaela Monteiro"), ("PERSON", "Jonas Berglund"), ("PHONE", "+46 8 123 456 78")],
     [("TIMESTAMP", "Tue 2 Dec 2026 14:00–14:45")]),

    ("en",
     "commit 4e1f0a9c2b7d8e6f5a3c1b0d9e8f7a6b5c4d3e2f\nAuthor: Yusuf Demir <yusuf.demir@forge.example>\nDate:   Fri Nov 27 16:02:11 2026 +0100\n\n    fix: bump parser to 2.8.14",
     [("PERSON", "Yusuf Demir"), ("EMAIL", "yusuf.demir@forge.example")],
     [("GIT_SHA", "4e1f0a9c2b7d8e6f5a3c1b0d9e8f7a6b5c4d3e2f"), ("TIMESTAMP", "Fri Nov 27 16:02:11 2026 +0100"), ("VERSION", "2.8.14")]),

    ("en",
     "Your parcel 1Z 999 AA1 01 2345 6784 is out for delivery to: Chloe Harrington, Flat 3, 17 Belvoir Road, Bristol BS6 5DJ. Questions? Call 0117 496 0213.",
     [("PERSON", "Chloe Harrington"), ("ADDRESS", "Flat 3, 17 Belvoir Road, Bristol BS6 5DJ"), ("PHONE", "0117 496 0213")],
     [("TRACKING", "1Z 999 AA1 01 2345 6784")]),

    ("en",
     "Has anyone tried the Ruby Rose blush or the Jack Daniel's BBQ sauce from Costco? Planning a cookout Saturday.",
     [],
     [("PRODUCT_NAME", "Ruby Rose"), ("PRODUCT_NAME", "Jack Daniel's")]),

    ("en",
     "Took the train from Washington to Charlotte, then a bus to Lincoln. Hotel was somewhere near Victoria Street, can't remember the number.",
     [],
     [("PLACE_NAME", "Washington"), ("PLACE_NAME", "Charlotte"), ("PLACE_NAME", "Lincoln"), ("PLACE_NAME", "Victoria Street")]),

    ("en",
     "Booking ref KX7Q2P. Passenger: Mr Oliver James Whitcombe, passport no. 548193027 (GBR), DOB 21 Jun 1984. Seat 14C.",
     [("PERSON", "Mr Oliver James Whitcombe"), ("PASSPORT", "548193027"), ("DATE_OF_BIRTH", "21 Jun 1984")],
     [("REFERENCE", "KX7Q2P")]),

    ("en",
     "2026-11-30T07:41:12Z INFO auth ok uid=48213 src=198.51.100.42\n2026-11-30T07:41:15Z WARN auth failed uid=0 src=192.0.2.155\n2026-11-30T07:41:20Z INFO iface eth0 mask 255.255.255.0",
     [("IP_ADDRESS", "198.51.100.42"), ("IP_ADDRESS", "192.0.2.155")],
     [("TIMESTAMP", "2026-11-30T07:41:12Z"), ("NETMASK", "255.255.255.0")]),

    ("en",
     "hi it's grace o'malley, I moved! new address is 88 Harbour View Terrace, Unit 12, Cork T12 X2P7. Phone stays the same, 087 123 4567.",
     [("PERSON", "grace o'malley"), ("ADDRESS", "88 Harbour View Terrace, Unit 12, Cork T12 X2P7"), ("PHONE", "087 123 4567")],
     []),

    ("en",
     "> On Mon, Nov 23, 2026 at 9:12 AM Victor Hugo Almeida <vhalmeida@cantina-azul.example> wrote:\n> Can we move the tasting to Friday?\n\nFriday works. — Sunita",
     [("PERSON", "Victor Hugo Almeida"), ("EMAIL", "vhalmeida@cantina-azul.example"), ("PERSON", "Sunita")],
     [("TIMESTAMP", "Mon, Nov 23, 2026 at 9:12 AM")]),

    ("en",
     "Dear Dr. Castellanos,\nthank you for seeing my son, Ethan Brooks-Mwangi (born 2014-05-09), last week. Please send the report to our home address: 1207 Maple Crest Dr, Suite 4, Boise, ID 83702.\nKind regards, Wanjiru Mwangi",
     [("PERSON", "Dr. Castellanos"), ("PERSON", "Ethan Brooks-Mwangi"), ("DATE_OF_BIRTH", "2014-05-09"),
      ("ADDRESS", "1207 Maple Crest Dr, Suite 4, Boise, ID 83702"), ("PERSON", "Wanjiru Mwangi")],
     []),

    ("en",
     "Order #A-77120 shipped via DHL, tracking JD014600003322117654. Item: Ergo Chair v2 (SKU ERG-CH-02-BLK), 1 x 18.5 kg. Invoice INV-2026-09941 attached. No action needed.",
     [],
     [("ORDER", "#A-77120"), ("TRACKING", "JD014600003322117654"), ("SKU", "ERG-CH-02-BLK"), ("MEASURE", "18.5 kg"), ("INVOICE", "INV-2026-09941")]),

    ("en",
     "Reminder from Lakeside Dental: Hi Aaron, your cleaning with Dr. Imogen Price is on 12/03 at 10:30. Reply C to confirm or call 312-555-0162.",
     [("PERSON", "Aaron"), ("PERSON", "Dr. Imogen Price"), ("PHONE", "312-555-0162")],
     [("TIMESTAMP", "12/03 at 10:30"), ("PRODUCT_NAME", "Lakeside Dental")]),

    ("en",
     "[WhatsApp] +44 7700 900417: hi is this still available?\n[WhatsApp] Me: yes! collection from 9 Orchard Close, Little Whitfield, Kent CT16 3XY\n[WhatsApp] +44 7700 900417: great, I'm Beatrix, see you at 6",
     [("PHONE", "+44 7700 900417"), ("ADDRESS", "9 Orchard Close, Little Whitfield, Kent CT16 3XY"), ("PERSON", "Beatrix")],
     []),

    ("en",
     "Escalation: caller claimed to be Mr. Ravi Shankar Iyer, account holder, but could not confirm DOB (he said 7 August 1969, file says otherwise). Callback number given: +1 (646) 555-0134. Flagged for fraud review.",
     [("PERSON", "Mr. Ravi Shankar Iyer"), ("DATE_OF_BIRTH", "7 August 1969"), ("PHONE", "+1 (646) 555-0134")],
     []),

    ("en",
     "Team lunch poll 🍕\n- Hannah ✅\n- Mateus ✅\n- Kofi ❌ (dentist)\n- Ingrid ✅\nPlace: Victoria's on Baker Street, 12:30",
     [("PERSON", "Hannah"), ("PERSON", "Mateus"), ("PERSON", "Kofi"), ("PERSON", "Ingrid")],
     [("PLACE_NAME", "Victoria's"), ("PLACE_NAME", "Baker Street")]),

    ("en",
     "Please update my profile: name Connor McAllister, e-mail connor.mcallister@fastmail.example, mobile 07700 900832. Old e-mail c.mc@oldisp.example can be deleted.",
     [("PERSON", "Connor McAllister"), ("EMAIL", "connor.mcallister@fastmail.example"), ("PHONE", "07700 900832"), ("EMAIL", "c.mc@oldisp.example")],
     []),

    ("en",
     "Release notes 3.14.159.2 — fixed crash on iPad Air (A2588); build 20261130.4; thanks to contributor @mk-dev42 for the patch.",
     [],
     [("VERSION", "3.14.159.2"), ("SKU", "A2588"), ("VERSION", "20261130.4")]),

    ("en",
     "Note to self: Abuela's birthday is 02/11, she'll be 80 (born 2 November 1946). Call Tía Carmen at 555-0191 about the cake.",
     [("DATE_OF_BIRTH", "2 November 1946"), ("PERSON", "Tía Carmen"), ("PHONE", "555-0191")],
     []),

    ("en",
     "From the dispatcher: unit 14 respond to 3300 W Fulton Blvd, Apt 1208, Chicago IL 60624, caller Denise Holloway, callback 773.555.0110. Patient male, approx 60.",
     [("ADDRESS", "3300 W Fulton Blvd, Apt 1208, Chicago IL 60624"), ("PERSON", "Denise Holloway"), ("PHONE", "773.555.0110")],
     []),

    ("en",
     "Can someone approve Jean-Baptiste Kouassi's expense report? He's traveling with Mrs. Fatima Zahra El Idrissi until Friday. Report EXP-4471, total $1,284.90.",
     [("PERSON", "Jean-Baptiste Kouassi"), ("PERSON", "Mrs. Fatima Zahra El Idrissi")],
     [("REFERENCE", "EXP-4471")]),

    ("en",
     "Wi-Fi for guests: network LakehouseGuest, password is on the fridge. Host: Björn Sundqvist, 0491 570 156 (text first pls).",
     [("PERSON", "Björn Sundqvist"), ("PHONE", "0491 570 156")],
     [("PRODUCT_NAME", "LakehouseGuest")]),

    ("en",
     "Chargeback case CB-99120: cardholder Ms. Keiko Tanaka disputes txn on 6011 4883 9453 4193 (Discover). Merchant descriptor TINYSHOP*BERLIN. Masked in portal as 6011 **** **** 4193.",
     [("PERSON", "Ms. Keiko Tanaka"), ("CREDIT_CARD", "6011 4883 9453 4193")],
     [("REFERENCE", "CB-99120"), ("MASKED_CARD", "6011 **** **** 4193")]),

    ("en",
     "lol did u see what Mads posted?? he's selling his bike, DM him on insta or text 347-555-0127",
     [("PERSON", "Mads"), ("PHONE", "347-555-0127")],
     []),
]
