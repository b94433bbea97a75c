# Hand-written PII records, German / French / Spanish. Tuple: (lang, text, entities, non_entities)
RECORDS = [
# ---------------- German ----------------
("de", "Ansprechpartner: Herr Dr. Matthias Köhler-Brandt\nTelefon: 030 25418873\nE-Mail: m.koehler-brandt@stadtwerke-nord.de\nAnschrift: Lindenstraße 14, 10969 Berlin",
 [("PERSON", "Herr Dr. Matthias Köhler-Brandt"), ("PHONE", "030 25418873"), ("EMAIL", "m.koehler-brandt@stadtwerke-nord.de"), ("ADDRESS", "Lindenstraße 14, 10969 Berlin")],
 []),

("de", "Hallo Jana,\n\nanbei die Rechnung RE-2026-0412. Bitte überweise den Betrag auf DE67 5076 3112 6922 5615 31 (Kontoinhaber: Friedrich von Stein).\n\nViele Grüße\nLukas",
 [("PERSON", "Jana"), ("IBAN", "DE67 5076 3112 6922 5615 31"), ("PERSON", "Friedrich von Stein"), ("PERSON", "Lukas")],
 [("INVOICE_ID", "RE-2026-0412")]),

("de", "Die IBAN DE13 3668 3956 5909 6022 85 aus dem Formular ist ungültig (Prüfziffer falsch). Bitte beim Kunden nachfragen.",
 [],
 [("IBAN", "DE13 3668 3956 5909 6022 85")]),

("de", "Name;Vorname;Geburtsdatum;Ort\nMüller;Sabine;12.04.1978;Köln\nYılmaz;Emre;03.09.1991;Duisburg\nSchneider-Wolf;Karl-Heinz;27.01.1955;Bremen",
 [("PERSON", "Müller"), ("PERSON", "Sabine"), ("DATE_OF_BIRTH", "12.04.1978"), ("PERSON", "Yılmaz"), ("PERSON", "Emre"), ("DATE_OF_BIRTH", "03.09.1991"), ("PERSON", "Schneider-Wolf"), ("PERSON", "Karl-Heinz"), ("DATE_OF_BIRTH", "27.01.1955")],
 [("PLACE", "Köln"), ("PLACE", "Duisburg"), ("PLACE", "Bremen")]),

("de", "Lieferadresse: Frau Annegret Vogel, Am Kirchberg 3a, 2. OG links, 79098 Freiburg im Breisgau. Tel. 0761 4482913",
 [("PERSON", "Frau Annegret Vogel"), ("ADDRESS", "Am Kirchberg 3a, 2. OG links, 79098 Freiburg im Breisgau"), ("PHONE", "0761 4482913")],
 []),

("de", "Die Goethestraße ist wegen Bauarbeiten gesperrt, und das Schiller-Gymnasium fällt heute aus. Umleitung über die Bismarckbrücke.",
 [],
 [("PLACE", "Goethestraße"), ("ORG", "Schiller-Gymnasium"), ("PLACE", "Bismarckbrücke")]),

("de", "Kundennummer 4401877, Bestellnummer 2026-33-0918, Sendungsnummer 00340434161094042557. Der Kunde Herr Ostermann wünscht Rückruf unter 0171 2345678.",
 [("PERSON", "Herr Ostermann"), ("PHONE", "0171 2345678")],
 [("CUSTOMER_ID", "4401877"), ("ORDER_ID", "2026-33-0918"), ("TRACKING", "00340434161094042557")]),

("de", "Protokoll Teamsitzung\nAnwesend: Petra Lindqvist, Jürgen Baumann, Aylin Kaya, Thomas de Maizière-Roth\nProtokoll: Jürgen",
 [("PERSON", "Petra Lindqvist"), ("PERSON", "Jürgen Baumann"), ("PERSON", "Aylin Kaya"), ("PERSON", "Thomas de Maizière-Roth"), ("PERSON", "Jürgen")],
 []),

("de", "Postfach 10 04 41, 20003 Hamburg – bitte nur Briefe, keine Pakete. Zuständig: Frau Sommerfeld.",
 [("ADDRESS", "Postfach 10 04 41, 20003 Hamburg"), ("PERSON", "Frau Sommerfeld")],
 []),

("de", "Sehr geehrte Frau Prof. Dr. Hildegard Ebersbach,\n\nvielen Dank für Ihre Nachricht vom 4. März. Wir melden uns bis Ende der Woche.\n\nMit freundlichen Grüßen\nOliver Tannhäuser\nSachbearbeitung",
 [("PERSON", "Frau Prof. Dr. Hildegard Ebersbach"), ("PERSON", "Oliver Tannhäuser")],
 [("DATE", "4. März")]),

("de", "Mercedes und Porsche liefern ab Werk, Siemens baut die Steuerung. Version 4.2.0.7 der Firmware ist Pflicht.",
 [],
 [("ORG", "Mercedes"), ("ORG", "Porsche"), ("ORG", "Siemens"), ("VERSION", "4.2.0.7")]),

("de", "Österreichisches Konto von Lena Gruber: AT27 2088 6817 7431 0487, Adresse Mariahilfer Straße 88/12, 1070 Wien",
 [("PERSON", "Lena Gruber"), ("IBAN", "AT27 2088 6817 7431 0487"), ("ADDRESS", "Mariahilfer Straße 88/12, 1070 Wien")],
 []),

("de", "[09:14] stefan.h: wer hat den Schlüssel für den Serverraum?\n[09:15] miriam: frag mal kai, der hatte ihn gestern\n[09:16] stefan.h: danke!",
 [("PERSON", "stefan.h"), ("PERSON", "miriam"), ("PERSON", "kai")],
 []),

("de", "Schweizer Lieferant: Bernasconi AG, Kontakt Urs Brunner, IBAN CH52 1104 8995 4077 5089 0, Bahnhofstrasse 21, 8001 Zürich",
 [("PERSON", "Urs Brunner"), ("IBAN", "CH52 1104 8995 4077 5089 0"), ("ADDRESS", "Bahnhofstrasse 21, 8001 Zürich")],
 [("ORG", "Bernasconi AG")]),

("de", "Geburtsdatum: 29.02.1988\nReisepassnummer: C01X00T47\nInhaberin: Dilara Özdemir",
 [("DATE_OF_BIRTH", "29.02.1988"), ("PASSPORT", "C01X00T47"), ("PERSON", "Dilara Özdemir")],
 []),

("de", "Sicherung läuft um 02:00 Uhr, Maske 255.255.240.0, Zielhost 10.14.2.30. Artikelnummer des Bandes: LTO-9-4471.",
 [("IP_ADDRESS", "10.14.2.30")],
 [("TIME", "02:00 Uhr"), ("NETMASK", "255.255.240.0"), ("SKU", "LTO-9-4471")]),

("de", "gescanntes Formular:\nNarne: Wo1fgang Reichert\nStraBe: Haupt strasse 1O7\nPLZ/Ort: 7O173 Stuttgart",
 [("PERSON", "Wo1fgang Reichert"), ("ADDRESS", "Haupt strasse 1O7"), ("ADDRESS", "7O173 Stuttgart")],
 []),

("de", "Mieter: Eheleute Konstantin und Marlene Hoffmann-Seidl, Wohnung Nr. 7, Kastanienallee 52, 10435 Berlin. Kaution auf DE19 2632 6213 4078 0786 10.",
 [("PERSON", "Konstantin"), ("PERSON", "Marlene Hoffmann-Seidl"), ("ADDRESS", "Wohnung Nr. 7, Kastanienallee 52, 10435 Berlin"), ("IBAN", "DE19 2632 6213 4078 0786 10")],
 []),

("de", "Bitte nicht verwechseln: Herr Braun ist unser Steuerberater, aber 'Braun' auf der Rechnung ist der Rasierer-Hersteller.",
 [("PERSON", "Herr Braun")],
 []),

("de", "config.ini\n[smtp]\nuser = newsletter@versand-mueller.de\npasswort = Sommer2026!Fk9\nserver = mail.versand-mueller.de",
 [("EMAIL", "newsletter@versand-mueller.de"), ("SECRET", "Sommer2026!Fk9")],
 [("HOSTNAME", "mail.versand-mueller.de")]),

("de", "Ruf mich an: 089 / 54 32 10 98 oder mobil 0152 29384756. Gruß, Bärbel",
 [("PHONE", "089 / 54 32 10 98"), ("PHONE", "0152 29384756"), ("PERSON", "Bärbel")],
 []),

("de", "Kreditkarte 4089 5684 2773 7640 (Inhaber Manfred Krause) wurde belastet, die zweite Karte 4699 5991 9663 7409 ist laut Prüfsumme ungültig.",
 [("CREDIT_CARD", "4089 5684 2773 7640"), ("PERSON", "Manfred Krause")],
 [("CREDIT_CARD", "4699 5991 9663 7409")]),

# ---------------- French ----------------
("fr", "Nom : Dubois-Lefèvre\nPrénom : Hélène\nDate de naissance : 17/06/1983\nAdresse : 12 rue des Lilas, Bât. B, Apt 24, 69003 Lyon\nTél : 06 12 34 56 78",
 [("PERSON", "Dubois-Lefèvre"), ("PERSON", "Hélène"), ("DATE_OF_BIRTH", "17/06/1983"), ("ADDRESS", "12 rue des Lilas, Bât. B, Apt 24, 69003 Lyon"), ("PHONE", "06 12 34 56 78")],
 []),

("fr", "Bonjour Mme Girard,\n\nVotre dossier n° 2026-FR-8812 est complet. Le remboursement sera versé sur FR92 1768 9527 23VB WTVJ FZDU W16.\n\nCordialement,\nJean-Baptiste Morel",
 [("PERSON", "Mme Girard"), ("IBAN", "FR92 1768 9527 23VB WTVJ FZDU W16"), ("PERSON", "Jean-Baptiste Morel")],
 [("FILE_ID", "2026-FR-8812")]),

("fr", "L'IBAN FR38 4961 7484 66PY ZGAM YSUM Q21 indiqué sur la facture ne passe pas le contrôle de clé. Merci de vérifier.",
 [],
 [("IBAN", "FR38 4961 7484 66PY ZGAM YSUM Q21")]),

("fr", "Appelez le standard au 01 42 68 53 00 ou M. Rousseau directement au 07 81 22 45 90.",
 [("PHONE", "01 42 68 53 00"), ("PERSON", "M. Rousseau"), ("PHONE", "07 81 22 45 90")],
 []),

("fr", "La place Victor-Hugo et le lycée Jean-Moulin sont fermés pour travaux ; le musée Rodin reste ouvert.",
 [],
 [("PLACE", "place Victor-Hugo"), ("ORG", "lycée Jean-Moulin"), ("ORG", "musée Rodin")]),

("fr", "Participants : Amélie Chevalier, Youssef Benali, Marie-Claire de La Rochefoucauld, Théo Marchand",
 [("PERSON", "Amélie Chevalier"), ("PERSON", "Youssef Benali"), ("PERSON", "Marie-Claire de La Rochefoucauld"), ("PERSON", "Théo Marchand")],
 []),

("fr", "[14:02] camille: qqn a vu le mail de nicolas ?\n[14:03] inès_b: oui, il dit que la démo est reportée\n[14:03] camille: ok merci inès",
 [("PERSON", "camille"), ("PERSON", "nicolas"), ("PERSON", "inès_b"), ("PERSON", "inès")],
 []),

("fr", "Adresse de livraison : M. et Mme Lambert, 4 allée des Peupliers, Résidence Les Chênes, 33600 Pessac. Digicode 4471B.",
 [("PERSON", "M. et Mme Lambert"), ("ADDRESS", "4 allée des Peupliers, Résidence Les Chênes, 33600 Pessac")],
 [("DOOR_CODE", "4471B")]),

("fr", "Commande CMD-558120, référence article REF-9921-ROUGE, numéro de suivi 6A12345678901. Livraison prévue le 12/03.",
 [],
 [("ORDER_ID", "CMD-558120"), ("SKU", "REF-9921-ROUGE"), ("TRACKING", "6A12345678901"), ("DATE", "12/03")]),

("fr", "Belgique : compte de Maxime Dupont BE41 0681 9189 0306, domicile Rue de la Loi 155, boîte 3, 1040 Etterbeek.",
 [("PERSON", "Maxime Dupont"), ("IBAN", "BE41 0681 9189 0306"), ("ADDRESS", "Rue de la Loi 155, boîte 3, 1040 Etterbeek")],
 []),

("fr", "Numéro de passeport : 19AB04472, titulaire Sébastien Fournier, né le 05/11/1975.",
 [("PASSPORT", "19AB04472"), ("PERSON", "Sébastien Fournier"), ("DATE_OF_BIRTH", "05/11/1975")],
 []),

("fr", "Renault, Peugeot et Michelin ont confirmé leur présence. Le salon se tient porte de Versailles.",
 [],
 [("ORG", "Renault"), ("ORG", "Peugeot"), ("ORG", "Michelin"), ("PLACE", "porte de Versailles")]),

("fr", "Objet : résiliation\n\nMadame, Monsieur,\nJe soussigné Gérard Lemaire, demeurant 27 boulevard Haussmann, 75009 Paris, souhaite résilier mon contrat n° 44-781-2290.\nGérard Lemaire",
 [("PERSON", "Gérard Lemaire"), ("ADDRESS", "27 boulevard Haussmann, 75009 Paris")],
 [("CONTRACT_ID", "44-781-2290")]),

("fr", "Merci de répondre à clara.nguyen@laposte.net ou au 04 91 55 20 13. Signé : Clara",
 [("EMAIL", "clara.nguyen@laposte.net"), ("PHONE", "04 91 55 20 13"), ("PERSON", "Clara")],
 []),

("fr", "Luxembourg : virement de Mme Schmit sur LU39 7333 5746 3123 0321, adresse 8 rue Beaumont, L-1219 Luxembourg.",
 [("PERSON", "Mme Schmit"), ("IBAN", "LU39 7333 5746 3123 0321"), ("ADDRESS", "8 rue Beaumont, L-1219 Luxembourg")],
 []),

("fr", "Formulaire scanné\nN0m : B0nnefoy\nPrén0m : Ju1ien\nAdr. : 3 rue du Mou1in, 2l000 Dij0n",
 [("PERSON", "B0nnefoy"), ("PERSON", "Ju1ien"), ("ADDRESS", "3 rue du Mou1in, 2l000 Dij0n")],
 []),

# ---------------- Spanish ----------------
("es", "Nombre: María del Carmen Ruiz Ortega\nDNI/Pasaporte: PAB471209\nDirección: C/ de Alcalá, 214, 3º izq., 28028 Madrid\nTeléfono: 612 34 56 78",
 [("PERSON", "María del Carmen Ruiz Ortega"), ("PASSPORT", "PAB471209"), ("ADDRESS", "C/ de Alcalá, 214, 3º izq., 28028 Madrid"), ("PHONE", "612 34 56 78")],
 []),

("es", "Hola Javier,\n\nte paso los datos de la cuenta de Sra. Beatriz Navarro: ES18 8621 3197 8320 1121 9697. Cualquier cosa me dices.\n\nUn saludo,\nRocío",
 [("PERSON", "Javier"), ("PERSON", "Sra. Beatriz Navarro"), ("IBAN", "ES18 8621 3197 8320 1121 9697"), ("PERSON", "Rocío")],
 []),

("es", "La cuenta ES66 4810 1808 1591 3906 0949 no es válida (dígitos de control incorrectos).",
 [],
 [("IBAN", "ES66 4810 1808 1591 3906 0949")]),

("es", "[11:20] pablo: alguien tiene el móvil de lucía?\n[11:21] marta.g: sí, 654 321 987\n[11:21] pablo: gracias marta",
 [("PERSON", "pablo"), ("PERSON", "lucía"), ("PERSON", "marta.g"), ("PHONE", "654 321 987"), ("PERSON", "marta")],
 []),

("es", "La calle Cervantes y la plaza de Colón estarán cortadas; el Hospital Gregorio Marañón mantiene el acceso por urgencias.",
 [],
 [("PLACE", "calle Cervantes"), ("PLACE", "plaza de Colón"), ("ORG", "Hospital Gregorio Marañón")]),

("es", "Cliente: D. Fernando Iglesias de la Vega\nFecha de nacimiento: 08/08/1966\nDomicilio: Avda. Diagonal 640, 5º 2ª, 08017 Barcelona\nEmail: f.iglesias@telefonica.net",
 [("PERSON", "D. Fernando Iglesias de la Vega"), ("DATE_OF_BIRTH", "08/08/1966"), ("ADDRESS", "Avda. Diagonal 640, 5º 2ª, 08017 Barcelona"), ("EMAIL", "f.iglesias@telefonica.net")],
 []),

("es", "Pedido n.º 2026-ES-44019, número de seguimiento PK88123409ES, referencia SKU ZAP-42-NEGRO.",
 [],
 [("ORDER_ID", "2026-ES-44019"), ("TRACKING", "PK88123409ES"), ("SKU", "ZAP-42-NEGRO")]),

("es", "Llame al 91 555 23 87 (oficina) o al 699 88 77 66 (Sr. Castillo). Horario de 9 a 14.",
 [("PHONE", "91 555 23 87"), ("PHONE", "699 88 77 66"), ("PERSON", "Sr. Castillo")],
 []),

("es", "Zara, Mango y El Corte Inglés abren el domingo. Santander y BBVA no.",
 [],
 [("ORG", "Zara"), ("ORG", "Mango"), ("ORG", "El Corte Inglés"), ("ORG", "Santander"), ("ORG", "BBVA")]),

("es", "nombre,apellidos,email\nAlejandro,Gómez Sánchez,agomez@uni.es\nValentina,Restrepo Uribe,vale.restrepo@gmail.com\nSantiago,Pérez de León,spdl@hotmail.es",
 [("PERSON", "Alejandro"), ("PERSON", "Gómez Sánchez"), ("EMAIL", "agomez@uni.es"), ("PERSON", "Valentina"), ("PERSON", "Restrepo Uribe"), ("EMAIL", "vale.restrepo@gmail.com"), ("PERSON", "Santiago"), ("PERSON", "Pérez de León"), ("EMAIL", "spdl@hotmail.es")],
 []),

("es", "Apartado de Correos 1123, 46080 Valencia. Atención: Dña. Inmaculada Ferrer.",
 [("ADDRESS", "Apartado de Correos 1123, 46080 Valencia"), ("PERSON", "Dña. Inmaculada Ferrer")],
 []),

("es", "Tarjeta 4988 3899 1919 3974 a nombre de Esteban Molina; la tarjeta 4691 7367 2717 9000 fue rechazada por checksum.",
 [("CREDIT_CARD", "4988 3899 1919 3974"), ("PERSON", "Esteban Molina")],
 [("CREDIT_CARD", "4691 7367 2717 9000")]),

("es", "Portugal: transferencia de Joana Figueiredo, IBAN PT58 7462 1564 6402 9243 6328 6, morada Rua Augusta 120, 2.º Esq., 1100-053 Lisboa.",
 [("PERSON", "Joana Figueiredo"), ("IBAN", "PT58 7462 1564 6402 9243 6328 6"), ("ADDRESS", "Rua Augusta 120, 2.º Esq., 1100-053 Lisboa")],
 []),

("es", "Documento escaneado\nNornbre: Rodrigo Sa1azar\nDirecci0n: Ca11e Mayor 4, 3O0O1 Murcia",
 [("PERSON", "Rodrigo Sa1azar"), ("ADDRESS", "Ca11e Mayor 4, 3O0O1 Murcia")],
 []),

("es", "La versión 6.1.0.2 del firmware se instaló en el router 192.168.1.1; la máscara es 255.255.0.0.",
 [("IP_ADDRESS", "192.168.1.1")],
 [("VERSION", "6.1.0.2"), ("NETMASK", "255.255.0.0")]),

("es", "Saludos cordiales,\nLic. Guadalupe Hernández Treviño\nDepartamento Jurídico\nTel. 55 1234 5678",
 [("PERSON", "Lic. Guadalupe Hernández Treviño"), ("PHONE", "55 1234 5678")],
 []),

("es", "Italia: pagar a Giulia Bianchi, IT46 Y934 2328 009J WSYK RATS SIX, via Garibaldi 18, 10122 Torino.",
 [("PERSON", "Giulia Bianchi"), ("IBAN", "IT46 Y934 2328 009J WSYK RATS SIX"), ("ADDRESS", "via Garibaldi 18, 10122 Torino")],
 []),
]
