from pii_common import *
# --- German ---
r('de', "Nachname: Schmidt-Bauer\nVorname: Katharina\nGeburtsdatum: 14.09.1987\nTelefon: 030 12345678\nE-Mail: k.schmidt-bauer@web.de",
  [('PERSON','Schmidt-Bauer'),('PERSON','Katharina'),('DATE_OF_BIRTH','14.09.1987'),('PHONE','030 12345678'),('EMAIL','k.schmidt-bauer@web.de')])
r('de', "Hallo, hier ist Herr Dr. Jürgen Wollnik. Bitte rufen Sie mich unter 0171 2345678 zurück, es geht um die Rechnung RE-2026-0815.",
  [('PERSON','Herr Dr. Jürgen Wollnik'),('PHONE','0171 2345678')], [('INVOICE','RE-2026-0815')])
r('de', f"Bitte überweisen Sie den Betrag auf mein Konto: IBAN {iban_spaced(IB['DE'])}, Kontoinhaberin Sabine Krüger.",
  [('IBAN',iban_spaced(IB['DE'])),('PERSON','Sabine Krüger')])
r('de', "Lieferadresse: Wohnung 5, Kastanienallee 112, 10435 Berlin. Empfänger: Mehmet Yılmaz, Tel. +49 176 98765432",
  [('ADDRESS','Wohnung 5, Kastanienallee 112, 10435 Berlin'),('PERSON','Mehmet Yılmaz'),('PHONE','+49 176 98765432')])
r('de', f"Meine Kreditkarte {sp4(MC[2])} wurde doppelt belastet. Bestellnummer 302-4481920-7731.",
  [('CREDIT_CARD',sp4(MC[2]))], [('ORDER','302-4481920-7731')])
r('de', "Reisepassnummer: C01X00T47, ausgestellt für Lukas Hoffmann, geboren am 3. Mai 1995 in Köln.",
  [('PASSPORT','C01X00T47'),('PERSON','Lukas Hoffmann'),('DATE_OF_BIRTH','3. Mai 1995')])
r('de', "Kannst du die Mail an frau.becker@gmx.de umformulieren? Sie soll freundlicher klingen. Gruß, Tobi",
  [('EMAIL','frau.becker@gmx.de'),('PERSON','Tobi')])
r('de', f"Zugangsdaten fürs Staging (bitte nicht weitergeben): Benutzer deploy, Passwort: Kuchen!2026#staging, API-Key {GK[2]}",
  [('SECRET','Kuchen!2026#staging'),('GOOGLE_API_KEY',GK[2])])
r('de', "Die Firmware 2.14.0.3 läuft auf dem Router mit der IP 192.168.178.1, Subnetzmaske 255.255.255.0. Problem seit Update.",
  [('IP_ADDRESS','192.168.178.1')], [('VERSION','2.14.0.3'),('NETMASK','255.255.255.0')])
r('de', "Anna-Lena Vogt: Kannst du mir die Präsentation schicken?\nFelix Brandt: Klar, bis heute Abend.",
  [('PERSON','Anna-Lena Vogt'),('PERSON','Felix Brandt')])
r('de', f"Diese IBAN ist laut Bank ungültig: {IBX['DE']}. Die richtige lautet {IB2['DE']}.",
  [('IBAN',IB2['DE'])], [('IBAN_INVALID',IBX['DE'])])
r('de', "Patientin Frau Elisabeth Maria Gruber, geb. 01.12.1949, wohnhaft Hauptstraße 7, 2. OG links, 80331 München.",
  [('PERSON','Frau Elisabeth Maria Gruber'),('DATE_OF_BIRTH','01.12.1949'),('ADDRESS','Hauptstraße 7, 2. OG links, 80331 München')])
r('de', "Wir haben 1.234.567 Stück ausgeliefert, Artikelnummer 4006381333931, Charge L-2026-11. Ansprechpartner: Peter Neumann.",
  [('PERSON','Peter Neumann')], [('MEASURE','1.234.567 Stück'),('SKU','4006381333931'),('ORDER','L-2026-11')])
r('de', f"Österreichisches Konto: {iban_spaced(IB['AT'])}? Nein, das ist das alte. Neu: {IB2['NL']} bei der niederländischen Bank.",
  [('IBAN',iban_spaced(IB['AT'])),('IBAN',IB2['NL'])])
r('de', "Tel.: 089 / 2180 4410 (Büro), mobil 0160 5557788. Fax bitte nicht mehr verwenden.",
  [('PHONE','089 / 2180 4410'),('PHONE','0160 5557788')])
r('de', "Geb.-Datum: 23/07/1979 – Name: Zeynep Aydın-Schulz – Anschrift: Am Mühlbach 3a, 79098 Freiburg im Breisgau",
  [('DATE_OF_BIRTH','23/07/1979'),('PERSON','Zeynep Aydın-Schulz'),('ADDRESS','Am Mühlbach 3a, 79098 Freiburg im Breisgau')])
r('de', f"Im Log steht der Token {jwt({'sub':'42','name':'Max Weber'})} – ist das ein Sicherheitsproblem?",
  [])
RECS[-1]['entities'].append({"type":"JWT","value":RECS[-1]['text'].split('Token ')[1].split(' ')[0]})
r('de', f"Schweizer Konto für die Gehaltszahlung: {iban_spaced(IB['CH'])}. AHV-Nummer hat HR schon.",
  [('IBAN',iban_spaced(IB['CH']))])
r('de', "Sendungsnummer 00340434161094015902, Lieferung an Packstation 105, Kundennummer 2026/44718. Zeitstempel 28.11.2026 07:45.",
  [], [('TRACKING','00340434161094015902'),('ORDER','2026/44718'),('TIMESTAMP','28.11.2026 07:45')])
r('de', "hi, hier ist jonas meyer aus der buchhaltung, meine neue durchwahl ist 040 30 60 1234",
  [('PERSON','jonas meyer'),('PHONE','040 30 60 1234')])
# --- French ---
r('fr', "Nom : Lefèvre\nPrénom : Camille\nDate de naissance : 12/05/1990\nTél : 06 12 34 56 78\nCourriel : camille.lefevre@orange.fr",
  [('PERSON','Lefèvre'),('PERSON','Camille'),('DATE_OF_BIRTH','12/05/1990'),('PHONE','06 12 34 56 78'),('EMAIL','camille.lefevre@orange.fr')])
r('fr', "Bonjour, je suis Mme Geneviève Roussel-Dupont, pouvez-vous me rappeler au 01 42 68 53 00 ? Dossier n° 2026-88412.",
  [('PERSON','Mme Geneviève Roussel-Dupont'),('PHONE','01 42 68 53 00')], [('ORDER','2026-88412')])
r('fr', f"Voici mon RIB : IBAN {iban_spaced(IB['FR'])}, titulaire Antoine Marchand.",
  [('IBAN',iban_spaced(IB['FR'])),('PERSON','Antoine Marchand')])
r('fr', "Adresse de livraison : bâtiment B, 14 rue des Lilas, 69003 Lyon. Digicode 4521A.",
  [('ADDRESS','bâtiment B, 14 rue des Lilas, 69003 Lyon')], [('ORDER','4521A')])
r('fr', f"Ma carte {sp4(VISA[4])} a été débitée deux fois pour la commande CMD-77120.",
  [('CREDIT_CARD',sp4(VISA[4]))], [('ORDER','CMD-77120')])
r('fr', "Numéro de passeport : 18AB12345, au nom de Théo Garnier, né le 7 février 2001 à Nantes.",
  [('PASSPORT','18AB12345'),('PERSON','Théo Garnier'),('DATE_OF_BIRTH','7 février 2001')])
r('fr', "Fatou Diallo : quelqu'un a le numéro du plombier ?\nJulien Morel : oui, 07 81 22 45 90",
  [('PERSON','Fatou Diallo'),('PERSON','Julien Morel'),('PHONE','07 81 22 45 90')])
r('fr', "Le serveur 10.20.30.40 répond, mais la version 10.2.30.4 du client plante. Masque 255.255.0.0.",
  [('IP_ADDRESS','10.20.30.40')], [('VERSION','10.2.30.4'),('NETMASK','255.255.0.0')])
r('fr', f"Cette IBAN est refusée par la banque : {IBX['FR']}. Pouvez-vous vérifier la clé ?",
  [], [('IBAN_INVALID',IBX['FR'])])
r('fr', "Patient : M. Abdelkader Benali, né le 30/10/1972, domicilié Résidence Les Pins, bât. C, appt 12, 13008 Marseille.",
  [('PERSON','M. Abdelkader Benali'),('DATE_OF_BIRTH','30/10/1972'),('ADDRESS','Résidence Les Pins, bât. C, appt 12, 13008 Marseille')])
r('fr', f"Dans mon fichier config : mot_de_passe = \"Chat-Noir_77!\" et cle_api = {AWS[2]}. C'est grave si je l'ai poussé sur GitHub ?",
  [('SECRET','Chat-Noir_77!'),('AWS_ACCESS_KEY',AWS[2])])
r('fr', f"Merci de rembourser sur mon compte belge {IB['BE']} ou luxembourgeois {iban_spaced(IB['LU'])}.",
  [('IBAN',IB['BE']),('IBAN',iban_spaced(IB['LU']))])
r('fr', "Tél. portable : +33 6 98 76 54 32 — e-mail : ines.haddad@free.fr — contactez-moi plutôt le soir.",
  [('PHONE','+33 6 98 76 54 32'),('EMAIL','ines.haddad@free.fr')])
r('fr', "La facture FAC-2026-0193 du 15/11/2026 concerne l'ISBN 978-2-07-036822-8. Quantité : 1 200 exemplaires.",
  [], [('INVOICE','FAC-2026-0193'),('TIMESTAMP','15/11/2026'),('ISBN','978-2-07-036822-8'),('MEASURE','1 200 exemplaires')])
r('fr', "salut c'est léa martin, tu peux m'écrire sur lea.martin93@hotmail.fr ?",
  [('PERSON','léa martin'),('EMAIL','lea.martin93@hotmail.fr')])
r('fr', "Nom du client : Dr Olivier Chastain ; adresse : 8 allée des Tilleuls, escalier 2, 33000 Bordeaux ; tél. 05 56 44 21 09",
  [('PERSON','Dr Olivier Chastain'),('ADDRESS','8 allée des Tilleuls, escalier 2, 33000 Bordeaux'),('PHONE','05 56 44 21 09')])
r('fr', f"Le lien de téléchargement signé : https://cdn.partage-docs.fr/f/contrat.pdf?jeton={rand_chars(40)}&exp=1767225600",
  [])
RECS[-1]['entities'].append({"type":"URL_TOKEN","value":RECS[-1]['text'].split('signé : ')[1]})
r('fr', f"Carte Mastercard {dash4(MC[3])}, titulaire : Mlle Océane Perrin, date de naissance 1999-04-18.",
  [('CREDIT_CARD',dash4(MC[3])),('PERSON','Mlle Océane Perrin'),('DATE_OF_BIRTH','1999-04-18')])
