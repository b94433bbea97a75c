# Hand-written PII records, part 3: payments, IBANs, cards, SSNs (English).
# Card numbers / IBANs / SSNs come from gen_values.py (seed 20261130) and were pasted in by hand.

RECORDS = [
    ("en",
     "Hi Ahmed,\nplease wire the deposit to our account in Riyadh:\nBeneficiary: Al-Rashid Trading (attn. Khalid Al-Mansouri)\nIBAN: SA07 4267 6451 5232 2152 1870\nAmount: SAR 38,000\nRef: PO-2026-1187\nThanks, Layla",
     [("PERSON", "Ahmed"), ("PERSON", "Khalid Al-Mansouri"), ("IBAN", "SA07 4267 6451 5232 2152 1870"), ("PERSON", "Layla")],
     [("REFERENCE", "PO-2026-1187"), ("ORG", "Al-Rashid Trading")]),

    ("en",
     "QA note: in the sandbox please use only the test cards from the payment docs. The number 4280 8458 7722 8073 that Gustavo pasted in #qa is a real customer card — delete it from the channel. The 4280 8458 7722 8074 in the spreadsheet fails the Luhn check, so that one is just a typo.",
     [("CREDIT_CARD", "4280 8458 7722 8073"), ("PERSON", "Gustavo")],
     [("LUHN_INVALID", "4280 8458 7722 8074")]),

    ("en",
     "Agent: Could you read me the card number?\nCaller: sure, it's 3727 342275 41079.\nAgent: Thank you, Mr. Delacroix-Hart. And the billing ZIP?\nCaller: 10024.",
     [("CREDIT_CARD", "3727 342275 41079"), ("PERSON", "Mr. Delacroix-Hart")],
     []),

    ("en",
     "DIRECT DEBIT MANDATE\nAccount holder: Ms Harriet Pemberton-Clarke\nIBAN: GB82 MFVL 8715 1841 9396 05\nCreditor ID: GB98ZZZ123456\nMandate ref: MND-00019283\nSigned: 29/11/2026",
     [("PERSON", "Ms Harriet Pemberton-Clarke"), ("IBAN", "GB82 MFVL 8715 1841 9396 05")],
     [("REFERENCE", "GB98ZZZ123456"), ("REFERENCE", "MND-00019283"), ("TIMESTAMP", "29/11/2026")]),

    ("en",
     "Supplier\tCountry\tIBAN\nTeodora Ionescu\tRO\tRO16DACZ3947425971834367\nDimitris Papadakis\tGR\tGR6972576749202040021038006\nMarko Horvat\tHR\tHR9603123272394110497\nEmre Yıldız\tTR\tTR513618855791861982778147",
     [("PERSON", "Teodora Ionescu"), ("IBAN", "RO16DACZ3947425971834367"), ("PERSON", "Dimitris Papadakis"), ("IBAN", "GR6972576749202040021038006"),
      ("PERSON", "Marko Horvat"), ("IBAN", "HR9603123272394110497"), ("PERSON", "Emre Yıldız"), ("IBAN", "TR513618855791861982778147")],
     []),

    ("en",
     "BANK ALERT: Card 5213 9083 0613 4673 was used at ONLINE*STORE for $942.10. Not you? Call 1-800-555-0199. Ref TXN-7781203.",
     [("CREDIT_CARD", "5213 9083 0613 4673"), ("PHONE", "1-800-555-0199")],
     [("REFERENCE", "TXN-7781203")]),

    ("en",
     "Receipt #00418822\nVISA ************6996\nAUTH 04417B\nThank you, Claire!\n(merchant copy: card 4227 3985 9014 6996)",
     [("CREDIT_CARD", "4227 3985 9014 6996"), ("PERSON", "Claire")],
     [("MASKED_CARD", "************6996"), ("INVOICE", "#00418822"), ("REFERENCE", "04417B")]),

    ("en",
     "Co-applicant SSN: 300-32-1258 (Natalia Petrenko). The primary applicant entered 000-24-5223, which is not a valid SSN — ask Bogdan Petrenko to re-enter it.",
     [("US_SSN", "300-32-1258"), ("PERSON", "Natalia Petrenko"), ("PERSON", "Bogdan Petrenko")],
     [("SSN_INVALID", "000-24-5223")]),

    ("en",
     "Payroll import errors:\nrow 14: employee Quentin Adeyemi-Shaw, ssn 436 21 5841 — OK\nrow 15: employee Lorraine Tsosie, ssn 666-86-6947 — rejected (area 666 never issued)\nrow 16: ssn 922-82-8621 — rejected (9xx is the ITIN range)",
     [("PERSON", "Quentin Adeyemi-Shaw"), ("US_SSN", "436 21 5841"), ("PERSON", "Lorraine Tsosie")],
     [("SSN_INVALID", "666-86-6947"), ("SSN_INVALID", "922-82-8621")]),

    ("en",
     "Invoice 2026-000981 | Customer No. 44017729 | VAT DE 812 526 315\nPlease pay to: Moritz Keller, DE65 2905 5412 4031 3564 19, BIC COBADEFFXXX\nNote: the IBAN DE49 8990 1365 3213 3517 94 printed on the last invoice had a typo, do not use it.",
     [("PERSON", "Moritz Keller"), ("IBAN", "DE65 2905 5412 4031 3564 19")],
     [("INVOICE", "2026-000981"), ("REFERENCE", "44017729"), ("REFERENCE", "DE 812 526 315"), ("IBAN_INVALID", "DE49 8990 1365 3213 3517 94"), ("BIC", "COBADEFFXXX")]),

    ("en",
     "date,employee,card,merchant,amount\n2026-11-02,Rahul Mehta,3454 216627 01970,Hilton Paris,€412.00\n2026-11-03,Rahul Mehta,3454 216627 01970,SNCF,€89.50\n2026-11-03,Sophie Laurent,5401 6512 2888 8594,Uber,€23.10",
     [("PERSON", "Rahul Mehta"), ("CREDIT_CARD", "3454 216627 01970"), ("PERSON", "Sophie Laurent"), ("CREDIT_CARD", "5401 6512 2888 8594")],
     [("TIMESTAMP", "2026-11-02"), ("PRODUCT_NAME", "Hilton Paris")]),

    ("en",
     "Writing in English for the accountant: Rodrigo Baptista's Brazilian IBAN is BR36 5991 5658 2001 4873 7856 317S 7. His CPF is on file and not needed here.",
     [("PERSON", "Rodrigo Baptista"), ("IBAN", "BR36 5991 5658 2001 4873 7856 317S 7")],
     []),

    ("en",
     "Salary transfer batch 11/2026\n1) Fatima Al-Sayed — AE083135619598117682063\n2) Omar Haddad — QA76SSQG790422396216666558318\n3) Yousef Al-Enezi — KW57LXRO1003243080777902122509\n4) (unfilled template row) — AE00 0000 0000 0000 0000 000",
     [("PERSON", "Fatima Al-Sayed"), ("IBAN", "AE083135619598117682063"), ("PERSON", "Omar Haddad"), ("IBAN", "QA76SSQG790422396216666558318"),
      ("PERSON", "Yousef Al-Enezi"), ("IBAN", "KW57LXRO1003243080777902122509")],
     [("IBAN_INVALID", "AE00 0000 0000 0000 0000 000")]),

    ("en",
     "me: what's your IBAN for the rent?\nnoor: PK70 RPEM 1447 8052 3815 2226\nme: and your brother's?\nnoor: Tariq uses EG64 7594 7241 0748 3323 7620 7654 1 but ask him first",
     [("PERSON", "noor"), ("IBAN", "PK70 RPEM 1447 8052 3815 2226"), ("PERSON", "Tariq"), ("IBAN", "EG64 7594 7241 0748 3323 7620 7654 1")],
     []),

    ("en",
     '{"payments":[{"holder":"Haruto Sato","pan":"3528776294857513","brand":"JCB"},{"holder":"Ava Lindgren","pan":"36765983353356","brand":"Diners"},{"holder":"QA fixture","pan":"3589740381806743","brand":"JCB","note":"fails luhn on purpose"}]}',
     [("PERSON", "Haruto Sato"), ("CREDIT_CARD", "3528776294857513"), ("PERSON", "Ava Lindgren"), ("CREDIT_CARD", "36765983353356")],
     [("LUHN_INVALID", "3589740381806743")]),

    ("en",
     "CARD TYPE: UNIONPAY\nCARD NO: 6232 5283 7128 0311\nCARDHOLDER: LI WEI\nTERMINAL 00041187  BATCH 112\nAPPROVED",
     [("CREDIT_CARD", "6232 5283 7128 0311"), ("PERSON", "LI WEI")],
     [("REFERENCE", "00041187")]),

    ("en",
     "The form rejected 4690 0284 1527 4466 and 5171 8377 5238 4675 as invalid card numbers (checksum). The third one, 5598 0064 0655 6443, went through. That card belongs to Nkechi Obi.",
     [("CREDIT_CARD", "5598 0064 0655 6443"), ("PERSON", "Nkechi Obi")],
     [("LUHN_INVALID", "4690 0284 1527 4466"), ("LUHN_INVALID", "5171 8377 5238 4675")]),

    ("en",
     "Your order number is 5020 7711 3400 9812 — keep it for returns. USPS tracking: 9400 1118 9922 3344 5566 77. Gift wrap: yes.",
     [],
     [("ORDER", "5020 7711 3400 9812"), ("TRACKING", "9400 1118 9922 3344 5566 77")]),

    ("en",
     "<Cdtr><Nm>Lorenzo Bellandi</Nm></Cdtr>\n<CdtrAcct><Id><IBAN>IT10L8253795304584249913337</IBAN></Id></CdtrAcct>\n<RmtInf><Ustrd>Rata 3/12 contratto 2026-44</Ustrd></RmtInf>",
     [("PERSON", "Lorenzo Bellandi"), ("IBAN", "IT10L8253795304584249913337")],
     []),

    ("en",
     "Quick summary of the accounts we hold for the family trust:\n- Cédric Wagner: LU09 8040 6152 2565 1861\n- Elise Peeters: BE62 0561 0769 5985\n- Niamh Doyle: IE72 MXJU 7813 5555 6758 56\n- João Pinto: PT10 1304 9294 0693 9871 6739 6",
     [("PERSON", "Cédric Wagner"), ("IBAN", "LU09 8040 6152 2565 1861"), ("PERSON", "Elise Peeters"), ("IBAN", "BE62 0561 0769 5985"),
      ("PERSON", "Niamh Doyle"), ("IBAN", "IE72 MXJU 7813 5555 6758 56"), ("PERSON", "João Pinto"), ("IBAN", "PT10 1304 9294 0693 9871 6739 6")],
     []),

    ("en",
     "Refund to Astrid Johansson (SE55 9507 5430 3408 2470 1434) and to Magnus Eriksen (DK25 2646 0022 8334 18). Sigríður Jónsdóttir's Icelandic account IS83 1609 3646 7874 0121 8070 81 is still pending verification.",
     [("PERSON", "Astrid Johansson"), ("IBAN", "SE55 9507 5430 3408 2470 1434"), ("PERSON", "Magnus Eriksen"), ("IBAN", "DK25 2646 0022 8334 18"),
      ("PERSON", "Sigríður Jónsdóttir"), ("IBAN", "IS83 1609 3646 7874 0121 8070 81")],
     []),

    ("en",
     "Vendor master data update (ticket VM-5521):\nLT636474351120746874 — Rūta Kazlauskaitė\nEE134116677131171029 — Kristjan Tamm\nSI30165365167309174 — Nejc Kovačič\nSK8711022973090054382444 — Zuzana Horváthová\nBG85TSSI50910371945835 — Georgi Dimitrov\nHU58631170012318190574652493 — Bence Szabó",
     [("IBAN", "LT636474351120746874"), ("PERSON", "Rūta Kazlauskaitė"), ("IBAN", "EE134116677131171029"), ("PERSON", "Kristjan Tamm"),
      ("IBAN", "SI30165365167309174"), ("PERSON", "Nejc Kovačič"), ("IBAN", "SK8711022973090054382444"), ("PERSON", "Zuzana Horváthová"),
      ("IBAN", "BG85TSSI50910371945835"), ("PERSON", "Georgi Dimitrov"), ("IBAN", "HU58631170012318190574652493"), ("PERSON", "Bence Szabó")],
     [("TICKET", "VM-5521")]),

    ("en",
     "Correspondent accounts (internal use):\nMT32 UGTM 4498 7830 8035 6421 5294 631 (Valletta branch, contact: Maria Camilleri)\nMC62 4263 5048 4328 0736 4153 106 (Monaco, contact: Pierre-Louis Grimaldi)\nGE72 MY69 2030 5684 2321 29 (Tbilisi, contact: Nino Beridze)\nUA23 0106 9664 4155 3133 9043 9743 8 (Kyiv, contact: Oksana Melnyk)",
     [("IBAN", "MT32 UGTM 4498 7830 8035 6421 5294 631"), ("PERSON", "Maria Camilleri"), ("IBAN", "MC62 4263 5048 4328 0736 4153 106"), ("PERSON", "Pierre-Louis Grimaldi"),
      ("IBAN", "GE72 MY69 2030 5684 2321 29"), ("PERSON", "Nino Beridze"), ("IBAN", "UA23 0106 9664 4155 3133 9043 9743 8"), ("PERSON", "Oksana Melnyk")],
     [("PLACE_NAME", "Valletta"), ("PLACE_NAME", "Tbilisi")]),

    ("en",
     "Donor list — Q4 pledges\nIL686971549669450740896  Yael Ben-David  ILS 1,200\nTN4969022481091235793857  Amira Trabelsi  TND 300\nJO98RDMX2797314910874050579092  Rami Khoury  JOD 150\nCR32140640933665900858  Daniela Solís  CRC 80,000\nKZ044122987535431547  Aigerim Seitkali  KZT 50,000",
     [("IBAN", "IL686971549669450740896"), ("PERSON", "Yael Ben-David"), ("IBAN", "TN4969022481091235793857"), ("PERSON", "Amira Trabelsi"),
      ("IBAN", "JO98RDMX2797314910874050579092"), ("PERSON", "Rami Khoury"), ("IBAN", "CR32140640933665900858"), ("PERSON", "Daniela Solís"),
      ("IBAN", "KZ044122987535431547"), ("PERSON", "Aigerim Seitkali")],
     []),

    ("en",
     "Tax prep checklist for the Moreno household:\n- Luis Moreno, SSN 359-28-2581\n- Carmen Moreno, SSN 599 80 5947\n- dependent Sofia Moreno, SSN 295209450, born 2016-08-12",
     [("PERSON", "Luis Moreno"), ("US_SSN", "359-28-2581"), ("PERSON", "Carmen Moreno"), ("US_SSN", "599 80 5947"),
      ("PERSON", "Sofia Moreno"), ("US_SSN", "295209450"), ("DATE_OF_BIRTH", "2016-08-12")],
     []),

    ("en",
     "ok here's my social for the background check 060-40-2001, name is tyrone banks. pls don't share it anywhere",
     [("US_SSN", "060-40-2001"), ("PERSON", "tyrone banks")],
     []),

    ("en",
     "Our training docs use 987-65-4320 as a dummy SSN (9xx area, never issued). The real SSN for claimant Evelyn Rhodes is 407-49-3968; her date of birth is 09/30/1958. Claim no. CLM-2026-11-0457.",
     [("PERSON", "Evelyn Rhodes"), ("US_SSN", "407-49-3968"), ("DATE_OF_BIRTH", "09/30/1958")],
     [("SSN_INVALID", "987-65-4320"), ("REFERENCE", "CLM-2026-11-0457")]),

    ("en",
     "pls charge 6577-2826-5273-0684 for the catering (exp 03/28), name on card Bartholomew Ainsworth-Kemp, contact 0161 496 0732",
     [("CREDIT_CARD", "6577-2826-5273-0684"), ("PERSON", "Bartholomew Ainsworth-Kemp"), ("PHONE", "0161 496 0732")],
     []),

    ("en",
     "Refund issued to Maestro 6759 7283 8178 4244 (holder: Fionnuala Gallagher). The customer portal shows it as 6759 •••• •••• 4244.",
     [("CREDIT_CARD", "6759 7283 8178 4244"), ("PERSON", "Fionnuala Gallagher")],
     [("MASKED_CARD", "6759 •••• •••• 4244")]),

    ("en",
     "Diners Club 3002 111965 6098 is on file for Mr. Ambrose Fairweather; please update it — the 3050 030603 0634 card was cancelled (and its checksum fails anyway).",
     [("CREDIT_CARD", "3002 111965 6098"), ("PERSON", "Mr. Ambrose Fairweather")],
     [("LUHN_INVALID", "3050 030603 0634")]),

    ("en",
     "just use mine lol 6261148136580121 exp 0930 cvc 551 — Wu Jiahui",
     [("CREDIT_CARD", "6261148136580121"), ("PERSON", "Wu Jiahui")],
     []),
]
