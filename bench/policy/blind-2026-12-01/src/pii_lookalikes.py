# -*- coding: utf-8 -*-
"""Hand-written PII records dense in look-alikes (placeholders, ids, invalid checksums)."""

RECORDS = [
("en", "Mail-merge fields: Dear {{first_name}} {{last_name}},\nPreview with sample data: Dear John Doe,\nFirst real recipient (row 2): Antonia Spark-Yilmaz.",
 [("PERSON", "Antonia Spark-Yilmaz")],
 [("PLACEHOLDER", "{{first_name}}"), ("PLACEHOLDER", "{{last_name}}"), ("PLACEHOLDER", "John Doe")]),

("de", "Beispielformular: Name: Max Mustermann, Musterstraße 1, 12345 Musterstadt. Bitte durch echte Daten ersetzen, z. B. die von Frau Henriette Balzer.",
 [("PERSON", "Frau Henriette Balzer")],
 [("PLACEHOLDER", "Max Mustermann"), ("PLACEHOLDER", "Musterstraße 1, 12345 Musterstadt")]),

("fr", "Exemple de saisie : M. Jean Dupont, 1 rue de l'Exemple, 75000 Paris. Remplacez par vos propres coordonnées, comme l'a fait Mme Clémence Aubry.",
 [("PERSON", "Mme Clémence Aubry")],
 [("PLACEHOLDER", "Jean Dupont"), ("PLACEHOLDER", "1 rue de l'Exemple, 75000 Paris")]),

("es", "Ejemplo de relleno: Juan Pérez García, DNI 00000000T. El formulario real lo firma Marisa Cortés Galán.",
 [("PERSON", "Marisa Cortés Galán")],
 [("PLACEHOLDER", "Juan Pérez García"), ("PLACEHOLDER", "00000000T")]),

("en", "Deployment 9b2e7c44-1f0a-4d3b-a6e2-55c1d0f8e913 of commit b52f9aa6a0adfb90439403b6e3150e5e9b0b0bc0 finished at 14:02 UTC; triggered by ioana.popescu.",
 [("PERSON", "ioana.popescu")],
 [("UUID", "9b2e7c44-1f0a-4d3b-a6e2-55c1d0f8e913"), ("GIT_SHA", "b52f9aa6a0adfb90439403b6e3150e5e9b0b0bc0")]),

("en", "ISBN 978-1-4028-9462-6 and ISBN-10 0-306-40615-2: both editions were edited by Dr. Rukmini Iyer.",
 [("PERSON", "Dr. Rukmini Iyer")],
 [("ISBN", "978-1-4028-9462-6"), ("ISBN", "0-306-40615-2")]),

("en", "None of these are valid SSNs: 260-23-0000, 985-81-6030, 000-47-7143. The real one on file for Gideon Park is 693-84-2480.",
 [("PERSON", "Gideon Park"), ("US_SSN", "693-84-2480")],
 [("US_SSN", "260-23-0000"), ("US_SSN", "985-81-6030"), ("US_SSN", "000-47-7143")]),

("en", "Validation log:\nGB05KWEE38565331067689 -> FAIL\nGB06QZKE54135040844562 -> OK\nNL41JXEO7230022763 -> FAIL\nNL94EKRL5500592312 -> OK",
 [("IBAN", "GB06QZKE54135040844562"), ("IBAN", "NL94EKRL5500592312")],
 [("IBAN", "GB05KWEE38565331067689"), ("IBAN", "NL41JXEO7230022763")]),

("en", "Luhn check results: 4138 9668 5873 1179 (invalid), 4605 7168 2143 8142 (valid - Mrs. Okonjo's card).",
 [("CREDIT_CARD", "4605 7168 2143 8142"), ("PERSON", "Mrs. Okonjo")],
 [("CREDIT_CARD", "4138 9668 5873 1179")]),

("en", "Parcel 1Z4E5V780398765432 weighs 12.5 lb, dimensions 24 x 18 x 6 in; left at the concierge desk.",
 [],
 [("TRACKING_ID", "1Z4E5V780398765432"), ("MEASUREMENT", "12.5 lb"), ("MEASUREMENT", "24 x 18 x 6 in")]),

("en", "Contract signed 12/05/1998, renewed 01/06/2018, expires 31/05/2028. Signatory: Theodora Vance-Okeke, born 22/07/1970.",
 [("PERSON", "Theodora Vance-Okeke"), ("DATE_OF_BIRTH", "22/07/1970")],
 [("DATE", "12/05/1998"), ("DATE", "01/06/2018"), ("DATE", "31/05/2028")]),

("en", "Bought a Dyson V15 and a Jack Daniel's gift set at John Lewis; Mrs. Ada Whitlock helped me at the till.",
 [("PERSON", "Mrs. Ada Whitlock")],
 [("PRODUCT", "Dyson V15"), ("PRODUCT", "Jack Daniel's"), ("ORG", "John Lewis")]),

("en", "May I suggest we move the review to June? Rosa says the summer timetable starts in May anyway.",
 [("PERSON", "Rosa")],
 [("WORD", "May"), ("MONTH", "June")]),

("en", "Allowed range 10.8.0.0/16 (netmask 255.255.0.0). Client build 10.0.19045.3803. Jump host: 10.8.14.2.",
 [("IP_ADDRESS", "10.8.14.2")],
 [("NETMASK", "255.255.0.0"), ("VERSION", "10.0.19045.3803")]),

("fr", "Commande n° FR-2025-000318, colis 8Z00412345678, poids 2,75 kg ; cliente : Anaïs Besson.",
 [("PERSON", "Anaïs Besson")],
 [("ORDER_ID", "FR-2025-000318"), ("TRACKING_ID", "8Z00412345678"), ("MEASUREMENT", "2,75 kg")]),

("es", "Modelo XR-2200, número de serie SN-4471-0092-AB, lote 2025-03; responsable de calidad: Itziar Olaizola.",
 [("PERSON", "Itziar Olaizola")],
 [("SKU", "XR-2200"), ("SKU", "SN-4471-0092-AB")]),

("de", "Die Rechnung 2025-11-0042 über 1.249,00 € ist am 15.12.2025 fällig. Rückfragen bitte an Herrn Bogdan Lewandowski.",
 [("PERSON", "Herrn Bogdan Lewandowski")],
 [("ORDER_ID", "2025-11-0042"), ("MEASUREMENT", "1.249,00 €"), ("DATE", "15.12.2025")]),

("en", "These IBANs from the scraped PDF all fail mod-97: AT21 4405 7338 9174 1087, PL42 9984 6929 7861 3184 8216 2074, LU96 018D NHLZ PK96 C0NY. Only CZ85 6575 6049 2452 8123 6794 passed.",
 [("IBAN", "CZ85 6575 6049 2452 8123 6794")],
 [("IBAN", "AT21 4405 7338 9174 1087"), ("IBAN", "PL42 9984 6929 7861 3184 8216 2074"), ("IBAN", "LU96 018D NHLZ PK96 C0NY")]),

("en", "Checksums for release 5.0.2: sha1 5bf7e7dce80245042cbbf2e5bf62d64f5b07f38f, crc32 0x1c291ca3. Signed off by Oskar Lindahl.",
 [("PERSON", "Oskar Lindahl")],
 [("VERSION", "5.0.2"), ("HASH", "5bf7e7dce80245042cbbf2e5bf62d64f5b07f38f"), ("HASH", "0x1c291ca3")]),

("en", "Key AKIABYHIPSGY3PJX7AA2 belongs to the ci-deployer user; request id 4f9a1c2e-7b3d-4e8f-9a6b-2c5d8e1f0a3b came from CloudTrail.",
 [("AWS_ACCESS_KEY", "AKIABYHIPSGY3PJX7AA2")],
 [("UUID", "4f9a1c2e-7b3d-4e8f-9a6b-2c5d8e1f0a3b"), ("PRODUCT", "CloudTrail")]),

("en", "Maps JavaScript API key AIzaDvJroj0-6Pv3u6ANA7BIbmo4WRXYrTXytSq is restricted to *.example.org; quota is 28,500 loads/month.",
 [("GOOGLE_API_KEY", "AIzaDvJroj0-6Pv3u6ANA7BIbmo4WRXYrTXytSq")],
 [("MEASUREMENT", "28,500 loads/month")]),

("en", "id_token from Lucie's test run: eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJjLTc3IiwibmFtZSI6Ikx1Y2llIE1hcnRpbiIsImlhdCI6MTcxNTkxNjUyM30.aI0rukBO4F4wIHMgXxjr8eEnHg4g4NTjKeZdO3BLZ5I (expires in 3600 s).",
 [("PERSON", "Lucie"), ("JWT", "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJjLTc3IiwibmFtZSI6Ikx1Y2llIE1hcnRpbiIsImlhdCI6MTcxNTkxNjUyM30.aI0rukBO4F4wIHMgXxjr8eEnHg4g4NTjKeZdO3BLZ5I")],
 [("MEASUREMENT", "3600 s")]),

("en", "Will you pick up the architecture book for Ivy? She starts at HarperCollins on Monday and Ivy hates being late.",
 [("PERSON", "Ivy")],
 [("WORD", "Will"), ("ORG", "HarperCollins")]),

("en", "Card 6011 2528 9580 3835 fails the checksum (it's from old test data); 6011 1985 4590 3391 is valid and belongs to Cyrus Farahani.",
 [("CREDIT_CARD", "6011 1985 4590 3391"), ("PERSON", "Cyrus Farahani")],
 [("CREDIT_CARD", "6011 2528 9580 3835")]),

("en", "SSN field shows 185-00-8075 - that can't be right, group 00 is never issued. Winona Blackfeather wrote 814-09-0564 on her paper form.",
 [("PERSON", "Winona Blackfeather"), ("US_SSN", "814-09-0564")],
 [("US_SSN", "185-00-8075")]),

("de", "Testdaten: 5500609349706940 ist keine gültige Kartennummer. Die Karte von Frau Selin Demirci lautet 344523961550981.",
 [("PERSON", "Frau Selin Demirci"), ("CREDIT_CARD", "344523961550981")],
 [("CREDIT_CARD", "5500609349706940")]),

("fr", "Numéros de sécurité sociale américains fictifs pour les tests : 666-45-8195 et 974-32-4170 (invalides). Celui de notre salarié Gabriel Arceneaux : 243-42-9070.",
 [("PERSON", "Gabriel Arceneaux"), ("US_SSN", "243-42-9070")],
 [("US_SSN", "666-45-8195"), ("US_SSN", "974-32-4170")]),

("es", "IBAN incorrecto: IT80 U344 8223 5417 EP3O CHMT T1Q. IBAN correcto: IT37 C018 0574 818L 803V YPXL IHH (titular: Chiara Lombardi).",
 [("IBAN", "IT37 C018 0574 818L 803V YPXL IHH"), ("PERSON", "Chiara Lombardi")],
 [("IBAN", "IT80 U344 8223 5417 EP3O CHMT T1Q")]),

("en", "Grade boundaries: A* 180/200, A 160/200. Mock exam 7 March, final 19 June. Invigilator: Mr. Percival Onyango.",
 [("PERSON", "Mr. Percival Onyango")],
 [("MEASUREMENT", "180/200"), ("DATE", "7 March"), ("DATE", "19 June")]),

("en", "Inventory: SKU 00-4471-RED (qty 12), SKU 00-4472-BLU (qty 3). Reorder contact: Beatrix Ngata, beatrix.ngata@example.nz.",
 [("PERSON", "Beatrix Ngata"), ("EMAIL", "beatrix.ngata@example.nz")],
 [("SKU", "00-4471-RED"), ("SKU", "00-4472-BLU")]),
]
