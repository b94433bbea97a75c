# Hand-written PII records, extra batch. Tuple: (lang, text, entities, non_entities)
RECORDS = [
("en", "Wedding seating - Table 3: Auntie Margo, Uncle Fitz, Cousin Rafaela Mendes, Benedikt Aigner, Sunita Rao and her partner Jo.",
 [("PERSON", "Auntie Margo"), ("PERSON", "Uncle Fitz"), ("PERSON", "Rafaela Mendes"), ("PERSON", "Benedikt Aigner"), ("PERSON", "Sunita Rao"), ("PERSON", "Jo")],
 [("TABLE_NO", "Table 3")]),

("en", "Returns go to: Returns Dept., Unit 7, Brookfield Industrial Estate, Glossop SK13 6LQ. Do not send to 1 Infinite Loop - that's a landmark, not our depot.",
 [("ADDRESS", "Unit 7, Brookfield Industrial Estate, Glossop SK13 6LQ")],
 [("LANDMARK", "1 Infinite Loop")]),

("en", "HR export\nemp_name|ssn|dob\nQuinn Adebisi|133 88 4349|1990-02-17\nHarper Lindgren|422-46-6285|1985-10-09\nRoman Iwasaki|764 82 3360|1978-06-25",
 [("PERSON", "Quinn Adebisi"), ("US_SSN", "133 88 4349"), ("DATE_OF_BIRTH", "1990-02-17"), ("PERSON", "Harper Lindgren"), ("US_SSN", "422-46-6285"), ("DATE_OF_BIRTH", "1985-10-09"), ("PERSON", "Roman Iwasaki"), ("US_SSN", "764 82 3360"), ("DATE_OF_BIRTH", "1978-06-25")],
 []),

("en", "From: Felicity Quartermaine\nSent: Tuesday\nTo: Ravi; Colette; Mr. Osei\nCc: Brennan Doyle\n\nAll, the audit starts Monday. -F",
 [("PERSON", "Felicity Quartermaine"), ("PERSON", "Ravi"), ("PERSON", "Colette"), ("PERSON", "Mr. Osei"), ("PERSON", "Brennan Doyle")],
 []),

("en", "Delivery addresses for the corporate gifts:\n1) Saoirse Kavanagh, 14 Merrion Square North, Dublin 2, D02 XE80\n2) Magnus Halvorsen, Apt 3C, 250 W 57th St, New York, NY 10107\n3) Chiara Lombardi, Via Roma 22, int. 5, 20121 Milano",
 [("PERSON", "Saoirse Kavanagh"), ("ADDRESS", "14 Merrion Square North, Dublin 2, D02 XE80"), ("PERSON", "Magnus Halvorsen"), ("ADDRESS", "Apt 3C, 250 W 57th St, New York, NY 10107"), ("PERSON", "Chiara Lombardi"), ("ADDRESS", "Via Roma 22, int. 5, 20121 Milano")],
 []),

("en", "Our office is on Wall Street, near the Liberty Street exit; meet at the Charging Bull. Order #WS-2210 will be waiting at reception.",
 [],
 [("PLACE", "Wall Street"), ("PLACE", "Liberty Street"), ("LANDMARK", "Charging Bull"), ("ORDER_ID", "#WS-2210")]),

("en", "Scholarship winners announced: Temperance Olawale, Ezekiel Borowski, Marisol Quintanilla, and Finnegan Rhodes-Agyeman.",
 [("PERSON", "Temperance Olawale"), ("PERSON", "Ezekiel Borowski"), ("PERSON", "Marisol Quintanilla"), ("PERSON", "Finnegan Rhodes-Agyeman")],
 []),

("en", "Download link expires in 24h: https://files.sharebox.example/d/8812?sig=Qm9vTXp2a2F0ZTc3eEw&expires=1767225600",
 [("URL_TOKEN", "Qm9vTXp2a2F0ZTc3eEw")],
 [("EPOCH", "1767225600")]),

("en", "The 'Murphy bed' and the 'Chesterfield sofa' from the Morris catalogue are both discontinued. Victorian style, mahogany.",
 [],
 [("PRODUCT", "Murphy bed"), ("PRODUCT", "Chesterfield sofa"), ("ORG", "Morris"), ("COMMON_NOUN", "Victorian")]),

("en", "landlord: Bertram Ellsworth III, 9 Ashgrove Mews, Apartment 2, Edinburgh EH10 4QR; tenant: Wanjiru Kamau, same address, phone 0131 496 0829",
 [("PERSON", "Bertram Ellsworth III"), ("ADDRESS", "9 Ashgrove Mews, Apartment 2, Edinburgh EH10 4QR"), ("PERSON", "Wanjiru Kamau"), ("PHONE", "0131 496 0829")],
 []),

("en", "lol ok so mom says dinner at 7, tell jake and ruby. grandpa ernesto is coming too",
 [("PERSON", "jake"), ("PERSON", "ruby"), ("PERSON", "grandpa ernesto")],
 []),

("en", "Order ID 7f3e2a10 (not a hash, it's our format), tracking 1Z4F8W670393817425, SKU HD-4TB-EXT-BLK, invoice total $129.99.",
 [],
 [("ORDER_ID", "7f3e2a10"), ("TRACKING", "1Z4F8W670393817425"), ("SKU", "HD-4TB-EXT-BLK"), ("AMOUNT", "$129.99")]),

("en", "Mobile: 202.555.0148. Office: (202) 555-0190 ext. 14. Fax: 202-555-0111. Contact: Cordelia Fairweather-Nash.",
 [("PHONE", "202.555.0148"), ("PHONE", "(202) 555-0190"), ("PHONE", "202-555-0111"), ("PERSON", "Cordelia Fairweather-Nash")],
 []),

("en", "Board minutes: Present - Ms. Adaeze Nnamdi (Chair), Mr. Piotr Zieliński, Mrs. Hyun-woo Park, Rev. Thaddeus Mwangi. Apologies - Dr. Solveig Dahl.",
 [("PERSON", "Ms. Adaeze Nnamdi"), ("PERSON", "Mr. Piotr Zieliński"), ("PERSON", "Mrs. Hyun-woo Park"), ("PERSON", "Rev. Thaddeus Mwangi"), ("PERSON", "Dr. Solveig Dahl")],
 []),

("en", "Kernel 6.8.0-45-generic, glibc 2.39, Python 3.12.3, OpenSSL 3.0.13 - host ip 10.0.3.17, subnet mask 255.255.255.128.",
 [("IP_ADDRESS", "10.0.3.17")],
 [("VERSION", "6.8.0-45-generic"), ("VERSION", "3.12.3"), ("VERSION", "3.0.13"), ("NETMASK", "255.255.255.128")]),

("en", "Rural delivery: Hamish & Morag McLeod, Croft 4, Balnakeil, Durness, Lairg IV27 4PT. Phone the farm on 01971 511 234.",
 [("PERSON", "Hamish"), ("PERSON", "Morag McLeod"), ("ADDRESS", "Croft 4, Balnakeil, Durness, Lairg IV27 4PT"), ("PHONE", "01971 511 234")],
 []),

("en", "Research participants (pseudonymised in the paper, raw here): Lwazi Dube, Ottilie Marchetti, Kaito Fujimura, Ngozi Eze-Okafor, Bruno Cardoso.",
 [("PERSON", "Lwazi Dube"), ("PERSON", "Ottilie Marchetti"), ("PERSON", "Kaito Fujimura"), ("PERSON", "Ngozi Eze-Okafor"), ("PERSON", "Bruno Cardoso")],
 []),

("en", "slack_webhook=https://hooks.slack.com/services/T000/B000/XXXXXXXXXXXX  # placeholder, real one lives in vault\nslack_token=xoxp-1092834756-6671829304-8823104957-a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6",
 [("SECRET", "xoxp-1092834756-6671829304-8823104957-a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6")],
 [("PLACEHOLDER", "XXXXXXXXXXXX")]),

("en", "Foster placement: child Ayden (DOB 2016-03-22) placed with Gloria & Clement Fairbanks, 61 Rosewood Ave, Apt 2, Columbus, OH 43215.",
 [("PERSON", "Ayden"), ("DATE_OF_BIRTH", "2016-03-22"), ("PERSON", "Gloria"), ("PERSON", "Clement Fairbanks"), ("ADDRESS", "61 Rosewood Ave, Apt 2, Columbus, OH 43215")],
 []),

("de", "Teilnehmerliste Erste-Hilfe-Kurs: Ursula Brenner, Dominik Lehmann, Fatma Aksoy, Joachim von Arnim, Ilse Wendt.",
 [("PERSON", "Ursula Brenner"), ("PERSON", "Dominik Lehmann"), ("PERSON", "Fatma Aksoy"), ("PERSON", "Joachim von Arnim"), ("PERSON", "Ilse Wendt")],
 []),

("de", "Umzug: Familie Kowalski zieht von der Gartenstraße 9, 50667 Köln in die Wohnung 12, Rheinuferweg 3c, 53111 Bonn. Ansprechpartnerin: Renate Kowalski.",
 [("PERSON", "Familie Kowalski"), ("ADDRESS", "Gartenstraße 9, 50667 Köln"), ("ADDRESS", "Wohnung 12, Rheinuferweg 3c, 53111 Bonn"), ("PERSON", "Renate Kowalski")],
 []),

("fr", "Contacts d'urgence : Mme Josiane Perrin (voisine) 03 88 12 45 67 ; M. Albert N'Diaye (frère) 06 98 76 54 32.",
 [("PERSON", "Mme Josiane Perrin"), ("PHONE", "03 88 12 45 67"), ("PERSON", "M. Albert N'Diaye"), ("PHONE", "06 98 76 54 32")],
 []),

("fr", "Le facteur livre au 7 impasse des Glycines, 44000 Nantes ; pour la boîte postale, utiliser BP 4412, 44041 Nantes Cedex 1. Destinataire : Gaëlle Le Goff.",
 [("ADDRESS", "7 impasse des Glycines, 44000 Nantes"), ("ADDRESS", "BP 4412, 44041 Nantes Cedex 1"), ("PERSON", "Gaëlle Le Goff")],
 []),

("es", "Inscritos al taller: Ximena Cárdenas, Joaquín Ybarra, Lourdes Montoya de Anda, Emiliano Ruiz-Tagle.",
 [("PERSON", "Ximena Cárdenas"), ("PERSON", "Joaquín Ybarra"), ("PERSON", "Lourdes Montoya de Anda"), ("PERSON", "Emiliano Ruiz-Tagle")],
 []),

("es", "El Real Madrid, el Museo del Prado y la Puerta del Sol aparecen en el folleto; la versión del folleto es 2.3.0.1.",
 [],
 [("ORG", "Real Madrid"), ("ORG", "Museo del Prado"), ("PLACE", "Puerta del Sol"), ("VERSION", "2.3.0.1")]),

("en", "Case #88213: caller identified herself as Delphine Okoro, said her daughter Adaora was at 15 Wexford Road, Flat 3, Sheffield S10 2HE.",
 [("PERSON", "Delphine Okoro"), ("PERSON", "Adaora"), ("ADDRESS", "15 Wexford Road, Flat 3, Sheffield S10 2HE")],
 [("CASE_ID", "#88213")]),

("en", "terraform.tfvars leaked in the PR:\naccess_key = \"AKIAQ3EGRT7MZP4XV2LN\"\nsecret_key = \"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\"\nami = \"ami-0c55b159cbfafe1f0\"",
 [("AWS_ACCESS_KEY", "AKIAQ3EGRT7MZP4XV2LN"), ("SECRET", "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")],
 [("RESOURCE_ID", "ami-0c55b159cbfafe1f0")]),

("en", "<script src=\"https://maps.googleapis.com/maps/api/js?key=AIzaSyC9vX2mL7qR4tZ8nB1wK5jH3fD6gS0pYeU&callback=initMap\"></script>",
 [("GOOGLE_API_KEY", "AIzaSyC9vX2mL7qR4tZ8nB1wK5jH3fD6gS0pYeU")],
 []),

("en", "Cookie: session=eyJhbGciOiJIUzI1NiJ9.eyJ1aWQiOjkxMjMsImVtYWlsIjoiYS5iQGV4YW1wbGUuY29tIn0.q7Wm3Zx9LpRt2VbN8yKc4HsDf1GjUe6AoI0tXaE5wMs; theme=dark",
 [("JWT", "eyJhbGciOiJIUzI1NiJ9.eyJ1aWQiOjkxMjMsImVtYWlsIjoiYS5iQGV4YW1wbGUuY29tIn0.q7Wm3Zx9LpRt2VbN8yKc4HsDf1GjUe6AoI0tXaE5wMs")],
 []),

("en", "Unsubscribe: https://mail.newsletterco.example/u?uid=5512&auth=ZkL9q2Xm7PvR4tWc&list=weekly",
 [("URL_TOKEN", "ZkL9q2Xm7PvR4tWc")],
 []),

("de", "Der Link zum Dokument: https://cloud.firma-intern.de/s/rechnung.pdf?apikey=8fG2kL9mQx4TzP7wRv1N – bitte nicht weiterleiten. Gruß, Annika Roth",
 [("URL_TOKEN", "8fG2kL9mQx4TzP7wRv1N"), ("PERSON", "Annika Roth")],
 []),

("fr", "Fichier .env du projet :\nSTRIPE_SECRET=sk_live_51Pq8Zx2LmN4vB7cR9tW1yK3\nADMIN_EMAIL=f.marchal@agence-lumiere.fr\nMOT_DE_PASSE_DB=Cerise!2026#Lyon",
 [("SECRET", "sk_live_51Pq8Zx2LmN4vB7cR9tW1yK3"), ("EMAIL", "f.marchal@agence-lumiere.fr"), ("SECRET", "Cerise!2026#Lyon")],
 []),

("es", "Clave de Google Maps para la app: AIzaSyA1bC2dE3fG4hI5jK6lM7nO8pQ9rS0tUvW (proyecto de Marisa Velasco). Versión de la app 3.9.0.",
 [("GOOGLE_API_KEY", "AIzaSyA1bC2dE3fG4hI5jK6lM7nO8pQ9rS0tUvW"), ("PERSON", "Marisa Velasco")],
 [("VERSION", "3.9.0")]),

("en", "Deliver to: Unit 5, 17-19 Chapel Street, Fremantle WA 6160 (rear entrance). Recipient: Tamsin Oyelowo-Briggs. PO Box alternative: PO Box 882, Fremantle WA 6959.",
 [("ADDRESS", "Unit 5, 17-19 Chapel Street, Fremantle WA 6160"), ("PERSON", "Tamsin Oyelowo-Briggs"), ("ADDRESS", "PO Box 882, Fremantle WA 6959")],
 []),

("de", "Rechnungsanschrift: Schreinerei Holzwurm GmbH, z. Hd. Herrn Benedikt Strobl, Industriestr. 7, 86899 Landsberg am Lech. Lieferanschrift abweichend: Hauptplatz 2, 86899 Landsberg am Lech.",
 [("PERSON", "Herrn Benedikt Strobl"), ("ADDRESS", "Industriestr. 7, 86899 Landsberg am Lech"), ("ADDRESS", "Hauptplatz 2, 86899 Landsberg am Lech")],
 [("ORG", "Schreinerei Holzwurm GmbH")]),

("es", "Remitente: Dña. Consuelo Arriaga Beitia, c/ Ercilla 24, 4º dcha., 48011 Bilbao. Destinatario: Sr. Mikel Etxeberria, Apartado 3307, 20080 Donostia.",
 [("PERSON", "Dña. Consuelo Arriaga Beitia"), ("ADDRESS", "c/ Ercilla 24, 4º dcha., 48011 Bilbao"), ("PERSON", "Sr. Mikel Etxeberria"), ("ADDRESS", "Apartado 3307, 20080 Donostia")],
 []),

("en", "SELECT * FROM api_keys WHERE owner='Cassius Bellamy' -- returned key AKIAV7RZ2QX9LM4TPN3E, created_at 2025-12-01 09:00:00",
 [("PERSON", "Cassius Bellamy"), ("AWS_ACCESS_KEY", "AKIAV7RZ2QX9LM4TPN3E")],
 [("TIMESTAMP", "2025-12-01 09:00:00")]),

("fr", "Relevé : titulaire Mme Nathalie Brunet-Caron, 58 quai de la Fosse, 44000 Nantes, IBAN FR58 0473 9648 50IF DOKU HCWT X97.",
 [("PERSON", "Mme Nathalie Brunet-Caron"), ("ADDRESS", "58 quai de la Fosse, 44000 Nantes"), ("IBAN", "FR58 0473 9648 50IF DOKU HCWT X97")],
 []),

("en", "Tracking 420902109405511899223197428501, RMA-20931, serial SN-8KQ2-77X1-P0, firmware 10.4.1.2. Customer Everett Nakamura-Jones asked for a replacement.",
 [("PERSON", "Everett Nakamura-Jones")],
 [("TRACKING", "420902109405511899223197428501"), ("RMA", "RMA-20931"), ("SERIAL", "SN-8KQ2-77X1-P0"), ("VERSION", "10.4.1.2")]),

("en", "Patch notes: 'Carter' theme removed, 'Hudson' theme added, 'Sterling' font bumped to 2.1. Thanks to contributor Odalys Prieto.",
 [("PERSON", "Odalys Prieto")],
 [("PRODUCT", "Carter"), ("PRODUCT", "Hudson"), ("PRODUCT", "Sterling")]),

("en", "Meter reading 004471.3 kWh on 2026-02-01; account 9100-44-1187; premises: 31 Holloway Road, Flat C, London N7 8JU; account holder Imran Qureshi.",
 [("ADDRESS", "31 Holloway Road, Flat C, London N7 8JU"), ("PERSON", "Imran Qureshi")],
 [("MEASUREMENT", "004471.3 kWh"), ("ACCOUNT_ID", "9100-44-1187")]),

("en", "Frank feedback from Rose (our QA lead): the Sterling Silver plan and the Sage accounting integration both confuse users. Patience is needed, says Hope from support.",
 [("PERSON", "Rose"), ("PERSON", "Hope")],
 [("COMMON_NOUN", "Frank"), ("PRODUCT", "Sterling Silver"), ("ORG", "Sage"), ("COMMON_NOUN", "Patience")]),
]
