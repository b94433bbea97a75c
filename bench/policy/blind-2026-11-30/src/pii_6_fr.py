# Hand-written PII records, part 6: French.

RECORDS = [
    ("fr",
     "Formulaire d'inscription\nNom : Lefèvre\nPrénom : Anaïs\nDate de naissance : 12/04/1994\nTéléphone : 06 39 98 21 47\nCourriel : anais.lefevre@orange-mail.example\nAdresse : 14 bis rue des Lilas, Bât. B, Appt 32, 69003 Lyon",
     [("PERSON", "Lefèvre"), ("PERSON", "Anaïs"), ("DATE_OF_BIRTH", "12/04/1994"), ("PHONE", "06 39 98 21 47"),
      ("EMAIL", "anais.lefevre@orange-mail.example"), ("ADDRESS", "14 bis rue des Lilas, Bât. B, Appt 32, 69003 Lyon")],
     []),

    ("fr",
     "Bonjour Mme Girard,\nvoici mon RIB pour le remboursement : IBAN FR55 4921 9478 5240 5087 8362 821, titulaire Bertrand Moreau-Vasseur.\nCordialement,\nBertrand",
     [("PERSON", "Mme Girard"), ("IBAN", "FR55 4921 9478 5240 5087 8362 821"), ("PERSON", "Bertrand Moreau-Vasseur"), ("PERSON", "Bertrand")],
     []),

    ("fr",
     "Salut c'est Camille, mon nouveau num c'est le 07 81 44 23 90, note-le 😉 Au fait, la soirée c'est chez moi : 3 impasse des Tisserands, 44000 Nantes.",
     [("PERSON", "Camille"), ("PHONE", "07 81 44 23 90"), ("ADDRESS", "3 impasse des Tisserands, 44000 Nantes")],
     []),

    ("fr",
     "Passeport n° 19FV48213 délivré le 11/03/2019, titulaire : M. Étienne Rousseau, né le 05/08/1985 à Marseille.",
     [("PASSPORT", "19FV48213"), ("PERSON", "M. Étienne Rousseau"), ("DATE_OF_BIRTH", "05/08/1985")],
     [("TIMESTAMP", "11/03/2019"), ("PLACE_NAME", "Marseille")]),

    ("fr",
     "Pour la réservation : carte Visa n° 4661 9408 9589 8467, expire 05/28, au nom de Clémence Aubert. Ne pas confondre avec le n° de commande 4661-2208-9917.",
     [("CREDIT_CARD", "4661 9408 9589 8467"), ("PERSON", "Clémence Aubert")],
     [("ORDER", "4661-2208-9917")]),

    ("fr",
     "[hugo] quelqu'un a le mail de la prof ?\n[inès] oui c'est mme berthier : c.berthier@lycee-monge.example\n[hugo] merci !!",
     [("PERSON", "hugo"), ("PERSON", "inès"), ("PERSON", "mme berthier"), ("EMAIL", "c.berthier@lycee-monge.example")],
     []),

    ("fr",
     "Dr Philippe Garnier – Médecin généraliste\n27 avenue Jean Jaurès, 75019 Paris\nTél. 01 99 00 47 12\nPatient : Louis-Marie Chevalier, né le 30 janvier 1957\nN° RPPS 10003456789",
     [("PERSON", "Dr Philippe Garnier"), ("ADDRESS", "27 avenue Jean Jaurès, 75019 Paris"), ("PHONE", "01 99 00 47 12"),
      ("PERSON", "Louis-Marie Chevalier"), ("DATE_OF_BIRTH", "30 janvier 1957")],
     [("REFERENCE", "10003456789")]),

    ("fr",
     '{"client": "Amélie Poulain-Dufresne", "adresse": "8 rue Lepic, 2e étage gauche, 75018 Paris", "telephone": "+33 1 99 00 52 18", "commande": "CMD-2026-77812"}',
     [("PERSON", "Amélie Poulain-Dufresne"), ("ADDRESS", "8 rue Lepic, 2e étage gauche, 75018 Paris"), ("PHONE", "+33 1 99 00 52 18")],
     [("ORDER", "CMD-2026-77812")]),

    ("fr",
     "On a visité Saint-Étienne, puis le quartier Jeanne-d'Arc, et on a déjeuné chez Paul près de la gare Montparnasse.",
     [],
     [("PLACE_NAME", "Saint-Étienne"), ("PLACE_NAME", "Jeanne-d'Arc"), ("PRODUCT_NAME", "Paul"), ("PLACE_NAME", "Montparnasse")]),

    ("fr",
     "Connexion refusée pour l'utilisateur n° 20931 depuis 203.0.113.240 à 02:14:07 ; masque réseau 255.255.255.128 ; version du client 11.0.3.2",
     [("IP_ADDRESS", "203.0.113.240")],
     [("TIMESTAMP", "02:14:07"), ("NETMASK", "255.255.255.128"), ("VERSION", "11.0.3.2")]),

    ("fr",
     "# config de prod, ne pas committer\nDB_HOST=172.16.4.10\nDB_USER=compta\nDB_PASS=Fromage#Bleu-2026\nGOOGLE_MAPS_KEY=AIza_uDP3ukv1d_FBO05-MBG5j3-d-q5XJ9wbK6",
     [("IP_ADDRESS", "172.16.4.10"), ("SECRET", "Fromage#Bleu-2026"), ("GOOGLE_API_KEY", "AIza_uDP3ukv1d_FBO05-MBG5j3-d-q5XJ9wbK6")],
     []),

    ("fr",
     "Le loyer est à verser sur le compte BE21 4904 8671 3250 (M. et Mme Dubois-Lambert). L'ancien numéro BE21 4904 8671 3550 n'est plus valide.",
     [("IBAN", "BE21 4904 8671 3250"), ("PERSON", "M. et Mme Dubois-Lambert")],
     [("IBAN_INVALID", "BE21 4904 8671 3550")]),

    ("fr",
     "Facture n° F-2026-3318 — veuillez verser CHF 480.– sur CH61 9103 3062 0430 6018 2 (Sandrine Favre, Lausanne). Tél. +41 21 555 04 17.",
     [("IBAN", "CH61 9103 3062 0430 6018 2"), ("PERSON", "Sandrine Favre"), ("PHONE", "+41 21 555 04 17")],
     [("INVOICE", "F-2026-3318"), ("PLACE_NAME", "Lausanne")]),

    ("fr",
     "Objet : Attestation employeur\nNous certifions que Mlle Océane N'Diaye, née le 22/11/1999, demeurant 5 allée des Peupliers, Résidence Les Chênes, Apt 104, 33600 Pessac, est employée chez nous depuis le 01/09/2024.",
     [("PERSON", "Mlle Océane N'Diaye"), ("DATE_OF_BIRTH", "22/11/1999"), ("ADDRESS", "5 allée des Peupliers, Résidence Les Chênes, Apt 104, 33600 Pessac")],
     [("TIMESTAMP", "01/09/2024")]),

    ("fr",
     "Pour mon dossier aux États-Unis, mon SSN c'est 514-04-7774 et celui de ma femme, Hélène Marchand, 188 44 1320. Merci de ne pas le transmettre par mail.",
     [("US_SSN", "514-04-7774"), ("PERSON", "Hélène Marchand"), ("US_SSN", "188 44 1320")],
     []),

    ("fr",
     "FICHE CLIENT\nN0M : ROUSSEL Yannick\nTé1éphone : 04 65 71 32 08\ne-ma1l : y.roussel@wanadoo.example\nCarte fidé1ité : 2900 0112 4471 0098",
     [("PERSON", "ROUSSEL Yannick"), ("PHONE", "04 65 71 32 08"), ("EMAIL", "y.roussel@wanadoo.example")],
     [("REFERENCE", "2900 0112 4471 0098")]),

    ("fr",
     "Le jeton d'accès de Mathilde a fuité dans les logs : eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJrOS1vcCIsImlhdCI6MTc5NTUxODQwMCwiZXhwIjoxNzk1NTIyMDAwLCJyb2xlIjoidXNlciJ9.2HuUQbBG-BS-tbb2TdRayFOpNff9l40pPG7I6gAH_Go — il faut le révoquer tout de suite.",
     [("PERSON", "Mathilde"), ("JWT", "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJrOS1vcCIsImlhdCI6MTc5NTUxODQwMCwiZXhwIjoxNzk1NTIyMDAwLCJyb2xlIjoidXNlciJ9.2HuUQbBG-BS-tbb2TdRayFOpNff9l40pPG7I6gAH_Go")],
     []),

    ("fr",
     "Voici le lien de partage : https://transfert.example.fr/d/4xQ9z7W2v5?token=8f2c1e9a7b3d5f60e1a2 (expire dans 7 jours). Bises, Margaux",
     [("URL_TOKEN", "https://transfert.example.fr/d/4xQ9z7W2v5?token=8f2c1e9a7b3d5f60e1a2"), ("PERSON", "Margaux")],
     []),

    ("fr",
     "Réunion CSE du 4 décembre 2026 — présents : Mme Fabienne Roux, M. Karim Belkacem, M. Jean-Luc Mercier ; excusée : Mme Sylvie Perrin.",
     [("PERSON", "Mme Fabienne Roux"), ("PERSON", "M. Karim Belkacem"), ("PERSON", "M. Jean-Luc Mercier"), ("PERSON", "Mme Sylvie Perrin")],
     [("TIMESTAMP", "4 décembre 2026")]),

    ("fr",
     "Livraison : Marie-Ève Tremblay, 2150 rue Sherbrooke Est, app. 7, Montréal (Québec) H2K 1B9, tél. 514 555-0148.",
     [("PERSON", "Marie-Ève Tremblay"), ("ADDRESS", "2150 rue Sherbrooke Est, app. 7, Montréal (Québec) H2K 1B9"), ("PHONE", "514 555-0148")],
     []),

    ("fr",
     "La Renault Mégane et la Peugeot 208 sont en promo ; réf. article PGT-208-ALL-26, poids 1 090 kg, prix 18 990 €.",
     [],
     [("PRODUCT_NAME", "Renault"), ("PRODUCT_NAME", "Peugeot"), ("SKU", "PGT-208-ALL-26"), ("MEASURE", "1 090 kg")]),

    ("fr",
     "nom;prénom;date_naissance;tél\nGauthier;Lucille;1991-02-03;06 39 98 75 10\nBarbier;Théo;1989-10-27;06 39 98 33 64",
     [("PERSON", "Gauthier"), ("PERSON", "Lucille"), ("DATE_OF_BIRTH", "1991-02-03"), ("PHONE", "06 39 98 75 10"),
      ("PERSON", "Barbier"), ("PERSON", "Théo"), ("DATE_OF_BIRTH", "1989-10-27"), ("PHONE", "06 39 98 33 64")],
     []),

    ("fr",
     "Pour la caution de l'appartement, merci d'utiliser FR80 6310 1679 2439 7531 8432 032 (titulaire : Gaëlle Le Goff). N'utilisez plus FR80 6310 1679 2439 7531 8432 332, il y a une faute de frappe.",
     [("IBAN", "FR80 6310 1679 2439 7531 8432 032"), ("PERSON", "Gaëlle Le Goff")],
     [("IBAN_INVALID", "FR80 6310 1679 2439 7531 8432 332")]),
]
