# Hand-written PII records, part 5: German.

RECORDS = [
    ("de",
     "Kontaktformular\nVorname: Jürgen\nNachname: Wächter-Sommer\nE-Mail: j.waechter@posteo.example\nTelefon: 030 23125 447\nNachricht: Bitte um Rückruf wegen Vertrag 2026-DE-1182.",
     [("PERSON", "Jürgen"), ("PERSON", "Wächter-Sommer"), ("EMAIL", "j.waechter@posteo.example"), ("PHONE", "030 23125 447")],
     [("REFERENCE", "2026-DE-1182")]),

    ("de",
     "Hallo Frau Schneider,\nbitte überweisen Sie die Kaution auf folgendes Konto:\nKontoinhaber: Klaus-Dieter Brandstätter\nIBAN: DE49 8990 1365 3213 3514 94\nVerwendungszweck: Kaution Whg. 3. OG links\nMit freundlichen Grüßen",
     [("PERSON", "Frau Schneider"), ("PERSON", "Klaus-Dieter Brandstätter"), ("IBAN", "DE49 8990 1365 3213 3514 94")],
     []),

    ("de",
     "Lieferadresse: Familie Öztürk, Schönhauser Allee 143, Hinterhaus, 3. OG, 10437 Berlin. Bitte beim Nachbarn (Hr. Lindemann) abgeben, falls niemand da ist.",
     [("PERSON", "Öztürk"), ("ADDRESS", "Schönhauser Allee 143, Hinterhaus, 3. OG, 10437 Berlin"), ("PERSON", "Hr. Lindemann")],
     []),

    ("de",
     "Patientin: Frau Dr. Gisela Hartmann-Roth, geb. 17.09.1961\nAnschrift: Lindenstraße 8a, 69117 Heidelberg\nTel.: 06221 98765-0\nDiagnose: Z. n. Knie-TEP links",
     [("PERSON", "Frau Dr. Gisela Hartmann-Roth"), ("DATE_OF_BIRTH", "17.09.1961"), ("ADDRESS", "Lindenstraße 8a, 69117 Heidelberg"), ("PHONE", "06221 98765-0")],
     []),

    ("de",
     "lena: hast du die nummer von timo?\nmax: ja, 0176 39274 118\nlena: danke! und seine mail?\nmax: timo.krause@gmx.example",
     [("PERSON", "lena"), ("PERSON", "max"), ("PERSON", "timo"), ("PHONE", "0176 39274 118"), ("EMAIL", "timo.krause@gmx.example")],
     []),

    ("de",
     "Reisepass Nr. C4J7R2XK9, ausgestellt am 03.05.2022 in München, gültig bis 02.05.2032. Inhaber: Tobias Ehrenberg, geboren am 28. Februar 1979.",
     [("PASSPORT", "C4J7R2XK9"), ("PERSON", "Tobias Ehrenberg"), ("DATE_OF_BIRTH", "28. Februar 1979")],
     [("TIMESTAMP", "03.05.2022"), ("TIMESTAMP", "02.05.2032"), ("PLACE_NAME", "München")]),

    ("de",
     "Personalnummer 004471, Steuerklasse III, Abrechnungsmonat 11/2026. Mitarbeiterin: Sabine Kühnel. Das alte Konto AT70 7022 2007 7728 1025 ist ungültig (Prüfziffer falsch), bitte auf AT70 7022 2007 7728 1725 überweisen.",
     [("PERSON", "Sabine Kühnel"), ("IBAN", "AT70 7022 2007 7728 1725")],
     [("REFERENCE", "004471"), ("IBAN_INVALID", "AT70 7022 2007 7728 1025")]),

    ("de",
     "INSERT INTO kunden (anrede, vorname, nachname, ort, telefon) VALUES ('Herr', 'Friedrich', 'Oberhuber', 'München', '089 99998 214');",
     [("PERSON", "Friedrich"), ("PERSON", "Oberhuber"), ("PHONE", "089 99998 214")],
     [("PLACE_NAME", "München")]),

    ("de",
     "Lebenslauf\nName: Aylin Demirtaş\nGeburtsdatum: 14.06.1996\nAnschrift: Am Weidendamm 5, Whg. 12, 28195 Bremen\nMobil: +49 152 28817 342\nE-Mail: aylin.demirtas@mailbox.example",
     [("PERSON", "Aylin Demirtaş"), ("DATE_OF_BIRTH", "14.06.1996"), ("ADDRESS", "Am Weidendamm 5, Whg. 12, 28195 Bremen"),
      ("PHONE", "+49 152 28817 342"), ("EMAIL", "aylin.demirtas@mailbox.example")],
     []),

    ("de",
     "[2026-11-30 09:12:44] Login fehlgeschlagen für Benutzer-ID 8812 von 2001:db8:4f2e::17, Client-Version 5.2.0.118, Subnetzmaske 255.255.240.0",
     [("IP_ADDRESS", "2001:db8:4f2e::17")],
     [("TIMESTAMP", "2026-11-30 09:12:44"), ("VERSION", "5.2.0.118"), ("NETMASK", "255.255.240.0")]),

    ("de",
     "Termin bei Wagner, Kastanienweg 22, 50933 Köln — Klingel defekt, bitte Fr. Wagner anrufen: 0221 4710 339. Material: 12 m Kabel NYM 3x1,5, Art.-Nr. 440-1187.",
     [("PERSON", "Wagner"), ("ADDRESS", "Kastanienweg 22, 50933 Köln"), ("PERSON", "Fr. Wagner"), ("PHONE", "0221 4710 339")],
     [("MEASURE", "12 m"), ("SKU", "440-1187")]),

    ("de",
     "Wir haben den Mercedes-Benz Sprinter und einen Porsche Cayenne in Friedrichshafen abgeholt, danach gab es Kaffee bei Tchibo in der Goethestraße.",
     [],
     [("PRODUCT_NAME", "Mercedes-Benz"), ("PRODUCT_NAME", "Porsche"), ("PRODUCT_NAME", "Tchibo"), ("PLACE_NAME", "Friedrichshafen"), ("PLACE_NAME", "Goethestraße")]),

    ("de",
     "Viele Grüße aus Hamburg\n\nProf. Dr. Hans-Joachim von Stetten\nLehrstuhl für Baurecht\nTel. +49 40 66969 105 | Fax +49 40 66969 199\nh.vonstetten@uni-hh.example",
     [("PERSON", "Prof. Dr. Hans-Joachim von Stetten"), ("PHONE", "+49 40 66969 105"), ("PHONE", "+49 40 66969 199"), ("EMAIL", "h.vonstetten@uni-hh.example")],
     [("PLACE_NAME", "Hamburg")]),

    ("de",
     "Zahlungsdaten: Karteninhaberin MARTINA HEUBERGER, Kartennummer 5305 3223 2058 6810, gültig bis 07/29. Die Karte 5305 •••• •••• 6810 bitte nicht mehr belasten, Frau Heuberger hat gekündigt.",
     [("PERSON", "MARTINA HEUBERGER"), ("CREDIT_CARD", "5305 3223 2058 6810"), ("PERSON", "Frau Heuberger")],
     [("MASKED_CARD", "5305 •••• •••• 6810")]),

    ("de",
     "kunde:\n  name: \"Ingeborg Feldmann\"\n  geburtsdatum: 1948-03-02\n  adresse: \"Rosenstraße 3, App. 14, 01067 Dresden\"\n  notfallkontakt: \"Jens Feldmann, 0351 4471 220\"",
     [("PERSON", "Ingeborg Feldmann"), ("DATE_OF_BIRTH", "1948-03-02"), ("ADDRESS", "Rosenstraße 3, App. 14, 01067 Dresden"),
      ("PERSON", "Jens Feldmann"), ("PHONE", "0351 4471 220")],
     []),

    ("de",
     "RECHNUNG Nr. RE-2026-11-0871\nKunde: Herr Alexander Pfeiffer\nAnschrift: Bahnhofstr. 41 a, 72070 Tübingen\nTe1efon: 07071 552 8810\nUSt-IdNr. DE 298 441 372\nBetrag: 1.249,00 EUR",
     [("PERSON", "Herr Alexander Pfeiffer"), ("ADDRESS", "Bahnhofstr. 41 a, 72070 Tübingen"), ("PHONE", "07071 552 8810")],
     [("INVOICE", "RE-2026-11-0871"), ("REFERENCE", "DE 298 441 372")]),

    ("de",
     "# Zugangsdaten Testsystem (NICHT für Prod!)\nbenutzer=testadmin\npasswort=Sommer2026!Test\nhost=192.168.178.20\nversion=3.2.1.0",
     [("SECRET", "Sommer2026!Test"), ("IP_ADDRESS", "192.168.178.20")],
     [("VERSION", "3.2.1.0")]),

    ("de",
     "kurze Frage: ist es schlimm, dass der Key ASIA35GPPKG3DYNWEPQ7 samt Secret 5ePFZkRJNLAdaNuYG1rxRjbp/NOIbahaTNKd92QA in einem öffentlichen Gist gelandet ist?",
     [("AWS_ACCESS_KEY", "ASIA35GPPKG3DYNWEPQ7"), ("SECRET", "5ePFZkRJNLAdaNuYG1rxRjbp/NOIbahaTNKd92QA")],
     []),

    ("de",
     "[18:02] Oma Hilde: Kind, meine neue Nummer ist 0160 9412 7763\n[18:03] Ich: danke Oma! Bist du noch in der Parkstraße 9?\n[18:05] Oma Hilde: Nein, jetzt Seniorenresidenz Am Hang, Zimmer 214, Hangweg 2, 34117 Kassel",
     [("PERSON", "Oma Hilde"), ("PHONE", "0160 9412 7763"), ("ADDRESS", "Parkstraße 9"), ("ADDRESS", "Seniorenresidenz Am Hang, Zimmer 214, Hangweg 2, 34117 Kassel")],
     []),

    ("de",
     "Mieterselbstauskunft\nName, Vorname: Kowalski, Dariusz\ngeb. am: 09.12.1987 in Gdańsk\nderzeitige Anschrift: Hauptstr. 7, c/o Lange, 04109 Leipzig\nArbeitgeber: Porsche Werk Leipzig\nNettoeinkommen: 3.150 €",
     [("PERSON", "Kowalski"), ("PERSON", "Dariusz"), ("DATE_OF_BIRTH", "09.12.1987"), ("ADDRESS", "Hauptstr. 7, c/o Lange, 04109 Leipzig")],
     [("PLACE_NAME", "Gdańsk"), ("PRODUCT_NAME", "Porsche")]),

    ("de",
     "Die Rückerstattung geht an Femke de Vries, NL90 MTBH 8658 4870 62. Ihre Bestellung 771-2204-5518 ist damit erledigt.",
     [("PERSON", "Femke de Vries"), ("IBAN", "NL90 MTBH 8658 4870 62")],
     [("ORDER", "771-2204-5518")]),

    ("de",
     "Durchwahlen Praxis:\nAnmeldung -10\nDr. med. Katrin Baumgärtner -14\nLabor -22\nZentrale: 069 90009 100, Notfall: 0171 2233 445",
     [("PERSON", "Dr. med. Katrin Baumgärtner"), ("PHONE", "069 90009 100"), ("PHONE", "0171 2233 445")],
     []),

    ("de",
     "Zahlung für die Messe in Baku bitte auf AZ46 XTYF 5252 2211 1971 3929 5468 (Empfänger: Elnur Mammadov). Partner auf Mauritius: MU21 YGCE 3335 9925 0479 7210 291S ZX, Ansprechpartnerin Priya Ramgoolam.",
     [("IBAN", "AZ46 XTYF 5252 2211 1971 3929 5468"), ("PERSON", "Elnur Mammadov"), ("IBAN", "MU21 YGCE 3335 9925 0479 7210 291S ZX"), ("PERSON", "Priya Ramgoolam")],
     [("PLACE_NAME", "Baku")]),
]
