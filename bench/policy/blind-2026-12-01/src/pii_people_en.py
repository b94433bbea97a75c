# -*- coding: utf-8 -*-
"""Hand-written PII records, English, name-heavy: (lang, text, entities, non_entities)."""

RECORDS = [
("en", "[09:02] Marta Kowalski: did anyone get the invoice from Brightline?\n[09:03] Deshawn Price: yes, forwarded it to you\n[09:05] Marta Kowalski: thx. Deshawn, can you ping Olu about the May numbers?",
 [("PERSON", "Marta Kowalski"), ("PERSON", "Deshawn Price"), ("PERSON", "Deshawn"), ("PERSON", "Olu")],
 [("ORG", "Brightline"), ("MONTH", "May")]),

("en", "Hi Marta,\n\nThanks for sending the draft over. I've looped in Grace from legal; she'll mark up section 4 by Friday.\n\nBest,\nTobias Lindqvist\nSenior Counsel | Harbor & Finch LLP\nT: (617) 555-0143",
 [("PERSON", "Marta"), ("PERSON", "Grace"), ("PERSON", "Tobias Lindqvist"), ("PHONE", "(617) 555-0143")],
 [("ORG", "Harbor & Finch LLP"), ("WORD", "mark")]),

("en", '{"ticket": "SUP-20931", "customer": "Aaliyah Monroe-Baptiste", "assignee": "kenji.watanabe", "status": "open", "product": "Orbit X2"}',
 [("PERSON", "Aaliyah Monroe-Baptiste"), ("PERSON", "kenji.watanabe")],
 [("ORDER_ID", "SUP-20931"), ("PRODUCT", "Orbit X2")]),

("en", "INSERT INTO employees (id, full_name, dept) VALUES (101, 'Harriet van der Berg', 'Finance'), (102, 'Omar bin Khalid', 'Logistics'), (103, 'Siobhan O''Malley', 'HR');",
 [("PERSON", "Harriet van der Berg"), ("PERSON", "Omar bin Khalid"), ("PERSON", "Siobhan O''Malley")],
 []),

("en", "id,name,email,city\n1,Priya Raghunathan,priya.r@example.org,Leeds\n2,Liam O'Connor,liamoc@example.net,Cork\n3,Zhang Wei,zhang.wei88@example.com,Bristol",
 [("PERSON", "Priya Raghunathan"), ("PERSON", "Liam O'Connor"), ("PERSON", "Zhang Wei"), ("EMAIL", "priya.r@example.org"), ("EMAIL", "liamoc@example.net"), ("EMAIL", "zhang.wei88@example.com")],
 [("LOCATION", "Leeds"), ("LOCATION", "Cork"), ("LOCATION", "Bristol")]),

("en", "Full name: Dr. Eleanor Whitcombe-Hayes\nDate of birth: 14/03/1979\nAppointment: 02/06/2025, 10:40\nReason: follow-up",
 [("PERSON", "Dr. Eleanor Whitcombe-Hayes"), ("DATE_OF_BIRTH", "14/03/1979")],
 [("DATE", "02/06/2025")]),

("en", "jake: yo is sam coming tonight\nsam_r: ya but maddie's driving\njake: k tell maddie to grab ice",
 [("PERSON", "jake"), ("PERSON", "sam"), ("PERSON", "sam_r"), ("PERSON", "maddie")],
 []),

("en", "PATIENT NAME: J0HN McCL0SKEY    DOB: 08/1l/1962\nWARD: 4 EAST    BED: 12",
 [("PERSON", "J0HN McCL0SKEY"), ("DATE_OF_BIRTH", "08/1l/1962")],
 []),

("en", "Meeting notes, 12 March. Present: Ines Carvalho, Bartholomew Nkemelu, Yuki Tanaka-Brandt. Apologies: Mr. Declan Fitzgerald. Action: Ines to circulate the Q2 deck.",
 [("PERSON", "Ines Carvalho"), ("PERSON", "Bartholomew Nkemelu"), ("PERSON", "Yuki Tanaka-Brandt"), ("PERSON", "Mr. Declan Fitzgerald"), ("PERSON", "Ines")],
 [("DATE", "12 March")]),

("en", "Can you check whether Will Okafor can join on Thursday? If not, Mark said he will mark the exams himself.",
 [("PERSON", "Will Okafor"), ("PERSON", "Mark")],
 [("WORD", "will"), ("WORD", "mark")]),

("en", "In May we hiked with April Nguyen near Grasmere; the weather in April had been awful, so we were lucky.",
 [("PERSON", "April Nguyen")],
 [("MONTH", "May"), ("MONTH", "April"), ("LOCATION", "Grasmere")]),

("en", "Summer interns this year: Summer Reyes (design) and Frank Osei (backend). To be frank, we need both of them full time. Frank, please share your availability.",
 [("PERSON", "Summer Reyes"), ("PERSON", "Frank Osei"), ("PERSON", "Frank")],
 [("WORD", "Summer"), ("WORD", "frank")]),

("en", "Dear Ms. Adebayo-Johnson,\n\nFurther to our call, please find attached the signed NDA.\n\nKind regards,\nRafael Ortiz-Mendes",
 [("PERSON", "Ms. Adebayo-Johnson"), ("PERSON", "Rafael Ortiz-Mendes")],
 []),

("en", "@channel reminder: standup moved to 10:15. cc @lucia.fernandes @tomasz.nowak @b.okonkwo",
 [("PERSON", "lucia.fernandes"), ("PERSON", "tomasz.nowak"), ("PERSON", "b.okonkwo")],
 []),

("en", "commit 7f77b1e23559df0ebe4115d64bf7e4d5cd85d107\nAuthor: Henrike Sørensen <h.sorensen@example.dev>\nDate:   Tue Mar 4 10:12:33 2025 +0100\n\n    Fix race in uploader (reported by Ahmed El-Sayed)",
 [("PERSON", "Henrike Sørensen"), ("EMAIL", "h.sorensen@example.dev"), ("PERSON", "Ahmed El-Sayed")],
 [("GIT_SHA", "7f77b1e23559df0ebe4115d64bf7e4d5cd85d107"), ("DATE", "Tue Mar 4 10:12:33 2025")]),

("en", "Assignee: Chloe Baptiste\nReporter: Nikolai Petrov\nWatchers: Femi Adeyemi, Rosa Delgado\nFix version: 4.12.0.3\nComponent: billing-api",
 [("PERSON", "Chloe Baptiste"), ("PERSON", "Nikolai Petrov"), ("PERSON", "Femi Adeyemi"), ("PERSON", "Rosa Delgado")],
 [("VERSION", "4.12.0.3"), ("PRODUCT", "billing-api")]),

("en", "Thank you so much for the scarf, Auntie Bea! It is perfect for the walk to school.\nLove, Maisie & Theo",
 [("PERSON", "Auntie Bea"), ("PERSON", "Maisie"), ("PERSON", "Theo")],
 []),

("en", "Witness statement taken from Mrs. Philippa Ashworth-Clarke, aged 42, of Hartley Wintney, on 9 October.",
 [("PERSON", "Mrs. Philippa Ashworth-Clarke")],
 [("LOCATION", "Hartley Wintney"), ("DATE", "9 October")]),

("en", "Maria José García López signed the lease on behalf of her brother, Juan Carlos García López, who was abroad.",
 [("PERSON", "Maria José García López"), ("PERSON", "Juan Carlos García López")],
 []),

("en", "Reviewed by: Sir Anthony Pemberton-Gale KBE; Prof. Dr. Ingrid Vasquez (external examiner).",
 [("PERSON", "Sir Anthony Pemberton-Gale"), ("PERSON", "Prof. Dr. Ingrid Vasquez")],
 []),

("en", "xX_danny_mcbride_Xx joined the server.\nmod_bot: welcome danny! read #rules first pls",
 [("PERSON", "xX_danny_mcbride_Xx"), ("PERSON", "danny")],
 []),

("en", "Agent (Kwame): Hi, who am I speaking with?\nCustomer: This is Beatriz Oyelaran, the account holder.\nAgent (Kwame): Thanks, Beatriz. Can you confirm the email on file?\nCustomer: b.oyelaran@example.com",
 [("PERSON", "Kwame"), ("PERSON", "Beatriz Oyelaran"), ("PERSON", "Beatriz"), ("EMAIL", "b.oyelaran@example.com")],
 []),

("en", "Template v3:\nDear <NAME>, your order {{order_id}} is ready for pickup.\n\nThis batch was sent on behalf of Lotte Verhoeven (store manager).",
 [("PERSON", "Lotte Verhoeven")],
 [("PLACEHOLDER", "<NAME>"), ("PLACEHOLDER", "{{order_id}}")]),

("en", "Example entry: John Doe, 123 Main St, Anytown - replace with the customer's details before sending. Actual customer for this ticket: Imogen Fairweather.",
 [("PERSON", "Imogen Fairweather")],
 [("PLACEHOLDER", "John Doe"), ("PLACEHOLDER", "123 Main St, Anytown")]),

("en", "owners:\n  - name: Rohan Mehta\n    role: tech lead\n  - name: Astrid Lund\n    role: PM\nrepo: payments-core\nversion: 2.18.4",
 [("PERSON", "Rohan Mehta"), ("PERSON", "Astrid Lund")],
 [("PRODUCT", "payments-core"), ("VERSION", "2.18.4")]),

("en", "Leave request - employee: Gabriel Duarte; approver: Mei-Ling Chao; dates: 21-25 July; cover: Sunita.",
 [("PERSON", "Gabriel Duarte"), ("PERSON", "Mei-Ling Chao"), ("PERSON", "Sunita")],
 [("DATE", "21-25 July")]),

("en", "ok so me and kayla went to see jordan's band last night, jordan was honestly amazing lol",
 [("PERSON", "kayla"), ("PERSON", "jordan")],
 []),

("en", "From: \"Okonkwo, Chinedu\" <c.okonkwo@example.ng>\nTo: Fiona MacAllister <fiona.macallister@example.co.uk>\nSubject: Re: Lagos shipment\n\nFiona - containers cleared customs this morning.",
 [("PERSON", "Okonkwo, Chinedu"), ("EMAIL", "c.okonkwo@example.ng"), ("PERSON", "Fiona MacAllister"), ("EMAIL", "fiona.macallister@example.co.uk"), ("PERSON", "Fiona")],
 [("LOCATION", "Lagos")]),

("en", "Pt: Mr. Viktor Hruška, DOB 02.09.1958. Referred by Dr. Amara Nwosu. Height 182 cm, weight 91 kg, BP 138/85.",
 [("PERSON", "Mr. Viktor Hruška"), ("DATE_OF_BIRTH", "02.09.1958"), ("PERSON", "Dr. Amara Nwosu")],
 [("MEASUREMENT", "182 cm"), ("MEASUREMENT", "91 kg"), ("MEASUREMENT", "138/85")]),

("en", "Lena B. said Karim would handle the vendor call, but Karim is out until the 14th.",
 [("PERSON", "Lena B."), ("PERSON", "Karim")],
 []),

("en", "Press enquiries: Ms. Yasmin Haddad, +44 20 7946 0381, or the press office at Northgate University.",
 [("PERSON", "Ms. Yasmin Haddad"), ("PHONE", "+44 20 7946 0381")],
 [("ORG", "Northgate University")]),

("en", "Birthdays this month: Hugo (3rd), Valentina Rossi (11th), Mark Ellison (19th). Please mark your calendars!",
 [("PERSON", "Hugo"), ("PERSON", "Valentina Rossi"), ("PERSON", "Mark Ellison")],
 [("WORD", "mark")]),

("en", "Tenant 1: Oluwaseun Bakare\nTenant 2: Magdalena Wiśniewska\nGuarantor: Patrick de la Cruz\nTerm: 12 months from 1 September",
 [("PERSON", "Oluwaseun Bakare"), ("PERSON", "Magdalena Wiśniewska"), ("PERSON", "Patrick de la Cruz")],
 [("DATE", "1 September")]),

("en", "# TODO(ravi.shankar): remove this shim after the v5 migration\n# Reviewed-by: Elif Demir <elif.demir@example.com.tr>\nimport legacy_auth",
 [("PERSON", "ravi.shankar"), ("PERSON", "Elif Demir"), ("EMAIL", "elif.demir@example.com.tr")],
 []),

("en", "Lineup: 1 Tomás Ibarra, 4 Kofi Mensah, 7 Niamh Gallagher, 9 Dmitri Volkov. Captain: Ibarra.",
 [("PERSON", "Tomás Ibarra"), ("PERSON", "Kofi Mensah"), ("PERSON", "Niamh Gallagher"), ("PERSON", "Dmitri Volkov"), ("PERSON", "Ibarra")],
 []),

("en", "Please ask Frank in accounts, not Francesca, to approve it. His extension is 4471.",
 [("PERSON", "Frank"), ("PERSON", "Francesca")],
 []),

("en", "Served by: R0SIE ANDERS0N     Table 12     Covers 4\nTOTAL GBP 86.40",
 [("PERSON", "R0SIE ANDERS0N")],
 [("MEASUREMENT", "GBP 86.40")]),

("en", "Grace period ends on 30 June. For an extension, contact Grace Mbeki in the finance office.",
 [("PERSON", "Grace Mbeki")],
 [("WORD", "Grace"), ("DATE", "30 June")]),

("en", "--\nDr. Henrik Aalto | Clinical Lead\nNordvik Health\nhenrik.aalto@nordvik-health.example | 0113 496 0572",
 [("PERSON", "Dr. Henrik Aalto"), ("EMAIL", "henrik.aalto@nordvik-health.example"), ("PHONE", "0113 496 0572")],
 [("ORG", "Nordvik Health")]),

("en", '[{"name":"Isabella Conti","age":34},{"name":"Mateo Silva","age":29},{"name":"Noor Al-Hashimi","age":41}]',
 [("PERSON", "Isabella Conti"), ("PERSON", "Mateo Silva"), ("PERSON", "Noor Al-Hashimi")],
 []),

("en", "My grandmother, Winifred Ada Beaumont, was born on 7 February 1931 in Bath and lived there until 1990.",
 [("PERSON", "Winifred Ada Beaumont"), ("DATE_OF_BIRTH", "7 February 1931")],
 [("LOCATION", "Bath")]),

("en", "<mike_t> anyone seen ellie's laptop charger?\n<ellie_w> it's in the room with the big Zoom screen\n<mike_t> thx ellie",
 [("PERSON", "mike_t"), ("PERSON", "ellie_w"), ("PERSON", "ellie")],
 [("PRODUCT", "Zoom")]),

("en", "Present at the closing: Mr. and Mrs. Takahashi, their agent Bruno Ferreira, and the notary, Anne-Sophie Lefèvre.",
 [("PERSON", "Takahashi"), ("PERSON", "Bruno Ferreira"), ("PERSON", "Anne-Sophie Lefèvre")],
 []),

("en", "Hosted by Jamal Whitfield and Sunniva Berg. Produced by Carmen de los Santos. Music: 'Low Tide' by the Harbour Lights.",
 [("PERSON", "Jamal Whitfield"), ("PERSON", "Sunniva Berg"), ("PERSON", "Carmen de los Santos")],
 [("PRODUCT", "Low Tide")]),

("en", "Congratulations to the newlyweds, Ruth & Ezra Goldstein! The reception is at the Old Mill.",
 [("PERSON", "Ruth"), ("PERSON", "Ezra Goldstein")],
 [("LOCATION", "Old Mill")]),

("en", "Name\tDept\tExt\nBrigid Kavanagh\tOps\t2231\nSamuel Osei-Tutu\tIT\t2290\nAnouk de Vries\tSales\t2304",
 [("PERSON", "Brigid Kavanagh"), ("PERSON", "Samuel Osei-Tutu"), ("PERSON", "Anouk de Vries")],
 []),

("en", "Both of the Bakers, Will Baker and Hope Baker, will attend. Hope springs eternal, as they say.",
 [("PERSON", "Will Baker"), ("PERSON", "Hope Baker")],
 [("WORD", "will"), ("WORD", "Hope")]),

("en", "Congrats Olamide Adeyemi-Cole on the new role at Stripe! Well deserved.",
 [("PERSON", "Olamide Adeyemi-Cole")],
 [("ORG", "Stripe")]),

("en", "Motion proposed by Cllr. Beatrice Hollingsworth, seconded by Cllr. Desmond Achterberg. Carried 7-2.",
 [("PERSON", "Cllr. Beatrice Hollingsworth"), ("PERSON", "Cllr. Desmond Achterberg")],
 []),

("en", "hey its jess, can u tell marco ill be late? bus broke down near the depot",
 [("PERSON", "jess"), ("PERSON", "marco")],
 []),

("en", "PAX 1: MOHAMMED/YUSUF MR\nPAX 2: MOHAMMED/AMINA MRS\nPNR: X7K2QP  FLT: TK1980  SEAT 23A/23B",
 [("PERSON", "MOHAMMED/YUSUF"), ("PERSON", "MOHAMMED/AMINA")],
 [("ORDER_ID", "X7K2QP"), ("ORDER_ID", "TK1980")]),

("en", "Translations reviewed by Joon-ho Park and Daniela Ferreira da Silva; layout by Pieter-Jan Claes.",
 [("PERSON", "Joon-ho Park"), ("PERSON", "Daniela Ferreira da Silva"), ("PERSON", "Pieter-Jan Claes")],
 []),

("en", "We ordered two Herman Miller Aeron chairs for Kenji's desk and one standing desk for Ottilie.",
 [("PERSON", "Kenji"), ("PERSON", "Ottilie")],
 [("ORG", "Herman Miller"), ("PRODUCT", "Aeron")]),

("en", "Meet me at the Martin Luther King Jr. Library, then we can walk over to Paulina's place on foot.",
 [("PERSON", "Paulina")],
 [("LOCATION", "Martin Luther King Jr. Library")]),

("en", "Ticket #88213 closed by agent sofia.rinaldi; the customer, Mr. Adewale Ogunleye, confirmed the fix.",
 [("PERSON", "sofia.rinaldi"), ("PERSON", "Mr. Adewale Ogunleye")],
 [("ORDER_ID", "#88213")]),

("en", "Please send the bill to Bill Carter at the site office; he signs off everything above $500.",
 [("PERSON", "Bill Carter")],
 [("WORD", "bill")]),

("en", "Shortlisted: Anjali Deshpande, Ruairí Ó Briain, Camille Dubois-Martel, Kai Nakamura. Interviews next week with Ruairí first.",
 [("PERSON", "Anjali Deshpande"), ("PERSON", "Ruairí Ó Briain"), ("PERSON", "Camille Dubois-Martel"), ("PERSON", "Kai Nakamura"), ("PERSON", "Ruairí")],
 []),

("en", "USER: who's on call tonight?\nBOT: Tonight's on-call engineer is Darnell Whitaker, backup is Freya Holm.\nUSER: ok thanks, paging darnell",
 [("PERSON", "Darnell Whitaker"), ("PERSON", "Freya Holm"), ("PERSON", "darnell")],
 []),

("en", "Signed: ____________________  Print name: MARGARET O'REILLY-NASH  Date: 03/11/2024",
 [("PERSON", "MARGARET O'REILLY-NASH")],
 [("DATE", "03/11/2024")]),

("en", "Our dog Max loves Dr. Patel, the vet, but hates the groomer, Shauna Reid.",
 [("PERSON", "Dr. Patel"), ("PERSON", "Shauna Reid")],
 []),

("en", "Scanned form (OCR):\nNAME: ELIZABETH W1LLIAMS-0KAFOR\nSIGNATURE ON FILE: YES\nREF: 00-3391-A",
 [("PERSON", "ELIZABETH W1LLIAMS-0KAFOR")],
 [("ORDER_ID", "00-3391-A")]),

("en", "git blame says the bug came in with Pedro Álvarez's refactor; Hannah Kowalczyk approved it.",
 [("PERSON", "Pedro Álvarez"), ("PERSON", "Hannah Kowalczyk")],
 []),

("en", "Reading group: this month it's 'Emma' by Jane Austen at Ingrid's flat. Bring snacks, Ngozi!",
 [("PERSON", "Ingrid"), ("PERSON", "Ngozi")],
 [("PRODUCT", "Emma")]),

("en", "From the team: Dolores Fitzpatrick, Rashid Qureshi, Ly Thi Hoa, Jean-Baptiste Mbemba, Sven Ekström - happy retirement, Walter!",
 [("PERSON", "Dolores Fitzpatrick"), ("PERSON", "Rashid Qureshi"), ("PERSON", "Ly Thi Hoa"), ("PERSON", "Jean-Baptiste Mbemba"), ("PERSON", "Sven Ekström"), ("PERSON", "Walter")],
 []),

("en", "customer_name=Tatiana Morozova&plan=pro&seats=5&coupon=SPRING25",
 [("PERSON", "Tatiana Morozova")],
 [("SKU", "SPRING25")]),

("en", "Reply from Grandpa Joe: tell Lucy and Ben I'll pick them up at four. And tell your mum the fence is fixed.",
 [("PERSON", "Grandpa Joe"), ("PERSON", "Lucy"), ("PERSON", "Ben")],
 []),
]
