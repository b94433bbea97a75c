# -*- coding: utf-8 -*-
"""Hand-written PII records in German, French and Spanish."""

RECORDS = [
# ---------------- German ----------------
("de", "Vorname: Lukas\nNachname: Hoffmann-Rieger\nGeburtsdatum: 17.08.1986\nAnschrift: Lindenstraße 42, 10969 Berlin\nTelefon: 030 2394817",
 [("PERSON", "Lukas"), ("PERSON", "Hoffmann-Rieger"), ("DATE_OF_BIRTH", "17.08.1986"), ("ADDRESS", "Lindenstraße 42, 10969 Berlin"), ("PHONE", "030 2394817")],
 []),

("de", "Hallo Frau Schneider,\n\nvielen Dank für Ihre Nachricht. Herr Özdemir meldet sich morgen bei Ihnen.\n\nMit freundlichen Grüßen\nKatharina von Bülow\nKundenservice, Stadtwerke Nordheim",
 [("PERSON", "Frau Schneider"), ("PERSON", "Herr Özdemir"), ("PERSON", "Katharina von Bülow")],
 [("ORG", "Stadtwerke Nordheim")]),

("de", "Bitte überweisen Sie den Betrag auf DE91 8985 9846 7999 1858 70 (Kontoinhaber: Jürgen Mayerhofer). Verwendungszweck: RE-2025-0831.",
 [("IBAN", "DE91 8985 9846 7999 1858 70"), ("PERSON", "Jürgen Mayerhofer")],
 [("ORDER_ID", "RE-2025-0831")]),

("de", "[18:04] anna.k: kommt tobi heute?\n[18:05] Tobias Brandt: bin um 8 da\n[18:05] anna.k: super, sag jens bescheid",
 [("PERSON", "anna.k"), ("PERSON", "tobi"), ("PERSON", "Tobias Brandt"), ("PERSON", "jens")],
 []),

("de", "Absender: Familie Weißmann, Am Mühlbach 7a, 83022 Rosenheim\nInhalt: Geschenk, 1,2 kg",
 [("PERSON", "Weißmann"), ("ADDRESS", "Am Mühlbach 7a, 83022 Rosenheim")],
 [("MEASUREMENT", "1,2 kg")]),

("de", "Im Mai fahren wir mit Herrn Dr. Klaus-Peter Winkler nach Wien, Abfahrt ist am 14. Mai um 7 Uhr.",
 [("PERSON", "Herrn Dr. Klaus-Peter Winkler")],
 [("MONTH", "Mai"), ("DATE", "14. Mai"), ("LOCATION", "Wien")]),

("de", "Meine Handynummer ist 0171 5550123, Festnetz 089 5550 4412 - abends bin ich besser erreichbar.",
 [("PHONE", "0171 5550123"), ("PHONE", "089 5550 4412")],
 []),

("de", "Rechnungsadresse: Top 12, Praterstraße 38, 1020 Wien\nIBAN: AT50 2254 9283 9421 3328\nAnsprechpartnerin: Mag. Theresa Pichler",
 [("ADDRESS", "Top 12, Praterstraße 38, 1020 Wien"), ("IBAN", "AT50 2254 9283 9421 3328"), ("PERSON", "Mag. Theresa Pichler")],
 []),

("de", "Postfach 1234, 8021 Zürich - z. Hd. Herrn Reto Brunner, Tel. +41 44 555 01 23, IBAN CH38 6667 4JD5 IULX L966 V",
 [("ADDRESS", "Postfach 1234, 8021 Zürich"), ("PERSON", "Herrn Reto Brunner"), ("PHONE", "+41 44 555 01 23"), ("IBAN", "CH38 6667 4JD5 IULX L966 V")],
 []),

("de", '{"kunde": "Aylin Yıldız", "bearbeiter": "m.schulze", "status": "offen", "produkt": "Kaffeevollautomat KV-300"}',
 [("PERSON", "Aylin Yıldız"), ("PERSON", "m.schulze")],
 [("PRODUCT", "Kaffeevollautomat KV-300")]),

("de", "NAME: MÜLLER, SAB1NE    GEB.: 23.04.197O\nKRANKENKASSE: AOK",
 [("PERSON", "MÜLLER, SAB1NE"), ("DATE_OF_BIRTH", "23.04.197O")],
 [("ORG", "AOK")]),

("de", "Version 2.3.1.4 wurde am 03.02.2025 von Frank Ludwig freigegeben. Er hat frank und frei zugegeben, dass die Tests fehlten.",
 [("PERSON", "Frank Ludwig")],
 [("VERSION", "2.3.1.4"), ("DATE", "03.02.2025"), ("WORD", "frank")]),

("de", "Die IBAN DE20 2899 2136 7370 6649 07 ist laut Prüfziffer falsch - bitte geben Sie sie neu ein.",
 [],
 [("IBAN", "DE20 2899 2136 7370 6649 07")]),

("de", "Reisepassnummer: C01X00T47, ausgestellt in Köln, Inhaber: Dominik Schäfer, geb. am 02.12.1992",
 [("PASSPORT", "C01X00T47"), ("PERSON", "Dominik Schäfer"), ("DATE_OF_BIRTH", "02.12.1992")],
 [("LOCATION", "Köln")]),

("de", "Schreib mir einfach an lena.hartmann@beispiel.de oder ruf an: 0152 55501987. LG Lena",
 [("EMAIL", "lena.hartmann@beispiel.de"), ("PHONE", "0152 55501987"), ("PERSON", "Lena")],
 []),

("de", "INSERT INTO kunden (name, ort) VALUES ('Friedrich-Wilhelm zu Sayn', 'Koblenz'), ('Elisabeth Gräfin von Stein', 'Trier');",
 [("PERSON", "Friedrich-Wilhelm zu Sayn"), ("PERSON", "Elisabeth Gräfin von Stein")],
 [("LOCATION", "Koblenz"), ("LOCATION", "Trier")]),

("de", "Herzliche Glückwünsche an Ole und Frieda zur Geburt von Mats! Eure Kolleginnen aus der Buchhaltung",
 [("PERSON", "Ole"), ("PERSON", "Frieda"), ("PERSON", "Mats")],
 []),

("de", "Herrn\nMaximilian Graf\nc/o Kanzlei Berger & Partner\nKönigsallee 60\n40212 Düsseldorf",
 [("PERSON", "Maximilian Graf"), ("ADDRESS", "c/o Kanzlei Berger & Partner\nKönigsallee 60\n40212 Düsseldorf")],
 []),

("de", "Das Paket mit der Sendungsnummer 00340434161094042557 geht an Greta Lindemann, Hauptstr. 5, 72070 Tübingen.",
 [("PERSON", "Greta Lindemann"), ("ADDRESS", "Hauptstr. 5, 72070 Tübingen")],
 [("TRACKING_ID", "00340434161094042557")]),

("de", "Server 10.20.30.40 (Subnetzmaske 255.255.255.128) ist seit 6 Uhr nicht erreichbar, meldet Sven aus dem Betrieb.",
 [("IP_ADDRESS", "10.20.30.40"), ("PERSON", "Sven")],
 [("NETMASK", "255.255.255.128")]),

("de", "Kreditkarte: 4209 8561 8870 0443, gültig bis 08/28, Karteninhaberin: Paulina Nowak-Krüger",
 [("CREDIT_CARD", "4209 8561 8870 0443"), ("PERSON", "Paulina Nowak-Krüger")],
 []),

("de", "hey, hier ist micha. hast du die nummer von sarah? ich hab nur 0176 55512345 und die geht nicht",
 [("PERSON", "micha"), ("PERSON", "sarah"), ("PHONE", "0176 55512345")],
 []),

("de", "Sehr geehrte Frau Prof. Dr. Hülya Aksoy,\nwir freuen uns, Sie als Gutachterin begrüßen zu dürfen.",
 [("PERSON", "Frau Prof. Dr. Hülya Aksoy")],
 []),

("de", "Passwort für den Router: Birnbaum#4711 - nicht weitergeben! Firmware 7.57.1.0",
 [("SECRET", "Birnbaum#4711")],
 [("VERSION", "7.57.1.0")]),

("de", "Anmeldeformular\nName: Jan-Hendrik Ostermann\nE-Mail: jh.ostermann@beispiel.net\nGeburtsdatum: 1.3.2001\nAdresse: Wohnung 4, Bahnhofstraße 11, 04109 Leipzig",
 [("PERSON", "Jan-Hendrik Ostermann"), ("EMAIL", "jh.ostermann@beispiel.net"), ("DATE_OF_BIRTH", "1.3.2001"), ("ADDRESS", "Wohnung 4, Bahnhofstraße 11, 04109 Leipzig")],
 []),

("de", "Telefonnotiz: Frau Dr. med. Ingeborg Rausch bittet um Rückruf unter +49 40 5550 3321, Thema Befund vom 12.03.",
 [("PERSON", "Frau Dr. med. Ingeborg Rausch"), ("PHONE", "+49 40 5550 3321")],
 [("DATE", "12.03.")]),

("de", "Zugangsdaten für die Staging-Umgebung: Benutzer deploy, Schlüssel AKIAOALZ2JNXZBJDVV36, Region eu-central-1.",
 [("AWS_ACCESS_KEY", "AKIAOALZ2JNXZBJDVV36")],
 [("LOCATION", "eu-central-1")]),

("de", "Bestellnummer 302-5583921-4471112, Artikel B07XJ8C8F5, Größe 42 - Lieferung an Herrn Emre Kaya, Schillerplatz 3, 70173 Stuttgart.",
 [("PERSON", "Herrn Emre Kaya"), ("ADDRESS", "Schillerplatz 3, 70173 Stuttgart")],
 [("ORDER_ID", "302-5583921-4471112"), ("SKU", "B07XJ8C8F5")]),

# ---------------- French ----------------
("fr", "Nom : Lefebvre\nPrénom : Aurélie\nDate de naissance : 12/06/1984\nAdresse : 14 rue des Lilas, Bât. B, 69003 Lyon\nTél. : 06 12 34 56 78",
 [("PERSON", "Lefebvre"), ("PERSON", "Aurélie"), ("DATE_OF_BIRTH", "12/06/1984"), ("ADDRESS", "14 rue des Lilas, Bât. B, 69003 Lyon"), ("PHONE", "06 12 34 56 78")],
 []),

("fr", "Bonjour Mme Dupont-Moreau,\n\nSuite à notre échange, M. Benali vous rappellera demain matin.\n\nCordialement,\nJean-Luc Marchand\nService clients - Électricité du Sud",
 [("PERSON", "Mme Dupont-Moreau"), ("PERSON", "M. Benali"), ("PERSON", "Jean-Luc Marchand")],
 [("ORG", "Électricité du Sud")]),

("fr", "Merci de virer 250 € sur FR51 4426 0695 245H J6YU ZLN6 L46 au nom de Solène Garnier avant vendredi.",
 [("IBAN", "FR51 4426 0695 245H J6YU ZLN6 L46"), ("PERSON", "Solène Garnier")],
 []),

("fr", "lucas: t'as vu camille ?\nCamille Roux: je suis au café en bas\nlucas: ok j'arrive",
 [("PERSON", "lucas"), ("PERSON", "camille"), ("PERSON", "Camille Roux")],
 []),

("fr", "Adresse de livraison : Appartement 12, 8 avenue Jean Jaurès, 75019 Paris\nDestinataire : M. Karim Haddad\nPortable : 07 98 76 54 32",
 [("ADDRESS", "Appartement 12, 8 avenue Jean Jaurès, 75019 Paris"), ("PERSON", "M. Karim Haddad"), ("PHONE", "07 98 76 54 32")],
 []),

("fr", "Le numéro de commande 2024-FR-88123 et la référence SKU-44-BLEU ne sont pas des données personnelles ; le client, Thibault Mercier, l'est.",
 [("PERSON", "Thibault Mercier")],
 [("ORDER_ID", "2024-FR-88123"), ("SKU", "SKU-44-BLEU")]),

("fr", "RIB refusé : FR46 8201 9472 37HI CH0D YSGI C68 (clé de contrôle incorrecte). Merci de nous renvoyer un RIB valide.",
 [],
 [("IBAN", "FR46 8201 9472 37HI CH0D YSGI C68")]),

("fr", "Passeport n° 18AB12345, délivré le 03/05/2019 à Marseille, titulaire : Yasmine Belkacem, née le 21 avril 1993.",
 [("PASSPORT", "18AB12345"), ("PERSON", "Yasmine Belkacem"), ("DATE_OF_BIRTH", "21 avril 1993")],
 [("DATE", "03/05/2019"), ("LOCATION", "Marseille")]),

("fr", "En avril, Avril Lemaire part faire le tour de la Bretagne à vélo.",
 [("PERSON", "Avril Lemaire")],
 [("MONTH", "avril"), ("LOCATION", "Bretagne")]),

("fr", "Contactez Pierre-Alexandre de La Roche-Guyon au +33 1 44 55 66 77 ou par courriel : pa.delaroche@exemple.fr",
 [("PERSON", "Pierre-Alexandre de La Roche-Guyon"), ("PHONE", "+33 1 44 55 66 77"), ("EMAIL", "pa.delaroche@exemple.fr")],
 []),

("fr", "Compte : BE73 9429 7409 1100 - titulaire : Wouter Van den Broeck, rue des Tanneurs 58, 1000 Bruxelles",
 [("IBAN", "BE73 9429 7409 1100"), ("PERSON", "Wouter Van den Broeck"), ("ADDRESS", "rue des Tanneurs 58, 1000 Bruxelles")],
 []),

("fr", "nom;prénom;ville\nMartin;Élodie;Nantes\nNguyen;Thi Lan;Lille\nDiallo;Mamadou;Rouen",
 [("PERSON", "Martin"), ("PERSON", "Élodie"), ("PERSON", "Nguyen"), ("PERSON", "Thi Lan"), ("PERSON", "Diallo"), ("PERSON", "Mamadou")],
 [("LOCATION", "Nantes"), ("LOCATION", "Lille"), ("LOCATION", "Rouen")]),

("fr", "Envoyez le dossier à : BP 4021, 31029 Toulouse Cedex 4, à l'attention de Mme Sandrine Picard.",
 [("ADDRESS", "BP 4021, 31029 Toulouse Cedex 4"), ("PERSON", "Mme Sandrine Picard")],
 []),

("fr", "Carte bancaire n° 5293 2700 2999 4898 - titulaire Mme Océane Giraud, exp. 02/27",
 [("CREDIT_CARD", "5293 2700 2999 4898"), ("PERSON", "Mme Océane Giraud")],
 []),

("fr", "NOM : B0UCHARD    PRÉN0M : ANNE-MAR1E    NÉ(E) LE : 3O/09/1975",
 [("PERSON", "B0UCHARD"), ("PERSON", "ANNE-MAR1E"), ("DATE_OF_BIRTH", "3O/09/1975")],
 []),

("fr", "Le mot de passe du Wi-Fi du bureau est Mimosa2024! et l'imprimante est à l'adresse 192.168.0.42.",
 [("SECRET", "Mimosa2024!"), ("IP_ADDRESS", "192.168.0.42")],
 []),

("fr", "coucou c'est inès, tu peux dire à hugo que je passe vers 19h ?",
 [("PERSON", "inès"), ("PERSON", "hugo")],
 []),

("fr", "Réunion du 4 mars - présents : Mme Françoise Lambert, M. Thierry N'Diaye, Dr Hélène Vasseur.",
 [("PERSON", "Mme Françoise Lambert"), ("PERSON", "M. Thierry N'Diaye"), ("PERSON", "Dr Hélène Vasseur")],
 [("DATE", "4 mars")]),

("fr", "L'appartement se trouve au 3e étage, 27 boulevard de la Liberté, 59000 Lille. Code d'entrée : 4512B.",
 [("ADDRESS", "27 boulevard de la Liberté, 59000 Lille"), ("SECRET", "4512B")],
 []),

("fr", "Facture à régler sur CH069644046ZU8R02266D - Madame Chloé Favre, chemin des Vignes 3, 1009 Pully.",
 [("IBAN", "CH069644046ZU8R02266D"), ("PERSON", "Madame Chloé Favre"), ("ADDRESS", "chemin des Vignes 3, 1009 Pully")],
 []),

("fr", "Virement sur LU92 1776 XSIP 39A4 VL4T, bénéficiaire : Gilles Weber, objet : loyer de mai.",
 [("IBAN", "LU92 1776 XSIP 39A4 VL4T"), ("PERSON", "Gilles Weber")],
 [("MONTH", "mai")]),

("fr", "Le colis 6A12345678901 sera livré chez Mme Rose Lemoine, 5 impasse des Tilleuls, 13100 Aix-en-Provence.",
 [("PERSON", "Mme Rose Lemoine"), ("ADDRESS", "5 impasse des Tilleuls, 13100 Aix-en-Provence")],
 [("TRACKING_ID", "6A12345678901")]),

("fr", "Salut Léo ! C'est Maëlle. Mon nouveau numéro : 06 55 44 33 22. Bisous",
 [("PERSON", "Léo"), ("PERSON", "Maëlle"), ("PHONE", "06 55 44 33 22")],
 []),

("fr", "Jeton de l'API Google Maps pour le site de la mairie : AIzaj8nlHmN27lsm12UrdN9MnJTXFE8teKlGQs7 (à restreindre par domaine).",
 [("GOOGLE_API_KEY", "AIzaj8nlHmN27lsm12UrdN9MnJTXFE8teKlGQs7")],
 []),

("fr", "Le lien de réinitialisation https://compte.exemple.fr/reinit?jeton=SOXD5y4SMpO7HrHEzhTZjmc13QTCaT expire dans une heure. Signé : Baptiste.",
 [("URL_TOKEN", "SOXD5y4SMpO7HrHEzhTZjmc13QTCaT"), ("PERSON", "Baptiste")],
 []),

# ---------------- Spanish ----------------
("es", "Nombre: María del Carmen\nApellidos: Fernández Oliva\nFecha de nacimiento: 05/11/1977\nDomicilio: C/ Alcalá 145, 3º izda., 28009 Madrid\nTeléfono: 612 345 678",
 [("PERSON", "María del Carmen"), ("PERSON", "Fernández Oliva"), ("DATE_OF_BIRTH", "05/11/1977"), ("ADDRESS", "C/ Alcalá 145, 3º izda., 28009 Madrid"), ("PHONE", "612 345 678")],
 []),

("es", "Hola Marta,\nte paso el contacto de Javi: 655 12 34 89. Dice que le escribas por la tarde.\nUn abrazo,\nRocío",
 [("PERSON", "Marta"), ("PERSON", "Javi"), ("PHONE", "655 12 34 89"), ("PERSON", "Rocío")],
 []),

("es", "Transferencia a ES75 9155 7975 2923 1141 8740 a nombre de Íñigo Etxeberria Goikoetxea, concepto: fianza.",
 [("IBAN", "ES75 9155 7975 2923 1141 8740"), ("PERSON", "Íñigo Etxeberria Goikoetxea")],
 []),

("es", "[12/3 21:14] Lucía Gómez: ¿quién trae la tortilla?\n[12/3 21:15] pablo: yo!!\n[12/3 21:15] Lucía Gómez: perfecto pablo, gracias",
 [("PERSON", "Lucía Gómez"), ("PERSON", "pablo")],
 []),

("es", "Dirección de envío: Avda. de la Constitución 22, portal 3, 5ºB, 41001 Sevilla. Entregar por la mañana.",
 [("ADDRESS", "Avda. de la Constitución 22, portal 3, 5ºB, 41001 Sevilla")],
 []),

("es", "El IBAN ES03 3023 0965 1062 1002 2076 que nos facilitó no es válido (dígito de control erróneo).",
 [],
 [("IBAN", "ES03 3023 0965 1062 1002 2076")]),

("es", "Pasaporte: PAA123456 - titular: D. José Antonio Morales Quintero - nacido el 9 de julio de 1969",
 [("PASSPORT", "PAA123456"), ("PERSON", "D. José Antonio Morales Quintero"), ("DATE_OF_BIRTH", "9 de julio de 1969")],
 []),

("es", "Cel: 55 5123 4567, correo: guadalupe.ortiz@ejemplo.mx, dirección: Calle Durango 210, Col. Roma Norte, 06700 Ciudad de México",
 [("PHONE", "55 5123 4567"), ("EMAIL", "guadalupe.ortiz@ejemplo.mx"), ("ADDRESS", "Calle Durango 210, Col. Roma Norte, 06700 Ciudad de México")],
 []),

("es", "Tengo dolores de espalda desde que Dolores Ibáñez me prestó su colchón, y el pilar del salón sigue torcido, dice Pilar Sanz.",
 [("PERSON", "Dolores Ibáñez"), ("PERSON", "Pilar Sanz")],
 [("WORD", "dolores"), ("WORD", "pilar")]),

("es", "Ref. pedido: PED-2025-00412. Versión del firmware: 3.0.2.7. Destinatario: Sr. Ignacio Beltrán.",
 [("PERSON", "Sr. Ignacio Beltrán")],
 [("ORDER_ID", "PED-2025-00412"), ("VERSION", "3.0.2.7")]),

("es", "Número de tarjeta: 5414-8154-1069-0655, caducidad 10/26 (titular: Ainhoa Zubizarreta).",
 [("CREDIT_CARD", "5414-8154-1069-0655"), ("PERSON", "Ainhoa Zubizarreta")],
 []),

("es", "APELLIDOS: GARC1A M0RENO    NOMBRE: ALVAR0    SEXO: M",
 [("PERSON", "GARC1A M0RENO"), ("PERSON", "ALVAR0")],
 []),

("es", '{"cliente": "Valentina Ríos Paredes", "agente": "jcastillo", "ciudad": "Valencia", "incidencia": "INC-77120"}',
 [("PERSON", "Valentina Ríos Paredes"), ("PERSON", "jcastillo")],
 [("LOCATION", "Valencia"), ("ORDER_ID", "INC-77120")]),

("es", "Mi abuela, Doña Encarnación Salas, nació el 2 de febrero de 1940 en Cáceres.",
 [("PERSON", "Doña Encarnación Salas"), ("DATE_OF_BIRTH", "2 de febrero de 1940")],
 [("LOCATION", "Cáceres")]),

("es", "Envíen la documentación al Apartado de Correos 1087, 08080 Barcelona, a la atención de Jordi Puig i Soler.",
 [("ADDRESS", "Apartado de Correos 1087, 08080 Barcelona"), ("PERSON", "Jordi Puig i Soler")],
 []),

("es", "La contraseña del correo de la tienda es Naranjo_88$ y el usuario es tienda.sol@ejemplo.es",
 [("SECRET", "Naranjo_88$"), ("EMAIL", "tienda.sol@ejemplo.es")],
 []),

("es", "¿Me puedes llamar al +34 699 555 012? Soy Nerea, la vecina del 2ºA.",
 [("PHONE", "+34 699 555 012"), ("PERSON", "Nerea")],
 []),

("es", "nombre,apellido,email\nRaúl,Domínguez,raul.dominguez@ejemplo.com\nAlba,Santos Ferrer,alba.sf@ejemplo.com",
 [("PERSON", "Raúl"), ("PERSON", "Domínguez"), ("EMAIL", "raul.dominguez@ejemplo.com"), ("PERSON", "Alba"), ("PERSON", "Santos Ferrer"), ("EMAIL", "alba.sf@ejemplo.com")],
 []),

("es", "IP del servidor: 10.1.2.3, máscara 255.255.0.0, versión 1.2.3.4 del agente de monitorización.",
 [("IP_ADDRESS", "10.1.2.3")],
 [("NETMASK", "255.255.0.0"), ("VERSION", "1.2.3.4")]),

("es", "Escribime al 11 5555-0123, che. Soy Facundo, el primo de Agustina.",
 [("PHONE", "11 5555-0123"), ("PERSON", "Facundo"), ("PERSON", "Agustina")],
 []),

("es", "Cuenta en Portugal: PT08 7108 1398 7916 5991 4236 0, titular Duarte Nogueira.",
 [("IBAN", "PT08 7108 1398 7916 5991 4236 0"), ("PERSON", "Duarte Nogueira")],
 []),

("es", "Tarjeta de prueba 4267-5412-0279-7813 (no pasa Luhn). Úsala solo en el entorno de pruebas.",
 [],
 [("CREDIT_CARD", "4267-5412-0279-7813")]),

("es", "Hola Sr. Ramírez, su cita con la Dra. Beatriz Lozano es el 14 de marzo a las 9:30.",
 [("PERSON", "Sr. Ramírez"), ("PERSON", "Dra. Beatriz Lozano")],
 [("DATE", "14 de marzo")]),

("es", "Token de sesión filtrado en el log: eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI0NDEwIiwibmFtZSI6IkRpZWdvIFNlcnJhbm8iLCJpYXQiOjE3NTAwMDY1MTh9.JlQo367OAA8WxucXCRrX-NHGa0xF_R9q8hsK9cwlpg4 - avisad a Diego.",
 [("JWT", "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI0NDEwIiwibmFtZSI6IkRpZWdvIFNlcnJhbm8iLCJpYXQiOjE3NTAwMDY1MTh9.JlQo367OAA8WxucXCRrX-NHGa0xF_R9q8hsK9cwlpg4"), ("PERSON", "Diego")],
 []),

("es", "Ficha del paciente: Sra. Consuelo Vidal Herrera, nacida el 30-01-1951, NSS 28/12345678/90, teléfono 91 555 23 40.",
 [("PERSON", "Sra. Consuelo Vidal Herrera"), ("DATE_OF_BIRTH", "30-01-1951"), ("PHONE", "91 555 23 40")],
 []),
]
