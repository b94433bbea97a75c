from pii_common import *
r('de', "Telef0n: 0221 9876543 | E-Ma1l: m.ozturk@t-online.de | Geburtsd@tum: 5.11.1983 | Name: Murat Öztürk",
  [('PHONE','0221 9876543'),('EMAIL','m.ozturk@t-online.de'),('DATE_OF_BIRTH','5.11.1983'),('PERSON','Murat Öztürk')])
r('de', f"Hallo Support, meine Karte {dash4(VISA[10])} wurde gesperrt. Die Nummer auf dem Gutschein ({BAD16[7]}) ist keine Karte. Gruß, Frau Ingeborg Lange",
  [('CREDIT_CARD',dash4(VISA[10])),('PERSON','Frau Ingeborg Lange')], [('LUHN_INVALID',BAD16[7])])
r('de', f"Rechnung RG-88120 vom 02.11.2026, zahlbar an {IB2['IT']} (italienischer Lieferant). Version der Vorlage: 3.0.0.7.",
  [('IBAN',IB2['IT'])], [('INVOICE','RG-88120'),('TIMESTAMP','02.11.2026'),('VERSION','3.0.0.7')])
r('de', "Mieter: Familie Kowalski, Wohnung 12, Leipziger Straße 44, 04109 Leipzig. Ansprechpartnerin: Agnieszka Kowalski, 0341 22 33 44 55.",
  [('PERSON','Familie Kowalski'),('ADDRESS','Wohnung 12, Leipziger Straße 44, 04109 Leipzig'),('PERSON','Agnieszka Kowalski'),('PHONE','0341 22 33 44 55')])
r('de', f"In der CI-Konfiguration steht GITLAB_TOKEN={glpat()} und die Datenbank auf 10.12.0.8 hat das Passwort 'Winter#Berlin99'.",
  [('IP_ADDRESS','10.12.0.8'),('SECRET','Winter#Berlin99')])
RECS[-1]['entities'].insert(0, {"type":"SECRET","value":RECS[-1]['text'].split('GITLAB_TOKEN=')[1].split(' ')[0]})
r('fr', "N° de tél0phone : 04 91 55 12 34 ; passep0rt : 21CD98765 ; né le : 1er janvier 1980 ; nom : Bernard Lacroix",
  [('PHONE','04 91 55 12 34'),('PASSPORT','21CD98765'),('DATE_OF_BIRTH','1er janvier 1980'),('PERSON','Bernard Lacroix')])
r('fr', f"Paiement refusé pour la carte {sp4(MC[6])} de Mme Sophie Nguyen-Lambert ; la carte masquée XXXX-XXXX-XXXX-9921 est l'ancienne.",
  [('CREDIT_CARD',sp4(MC[6])),('PERSON','Mme Sophie Nguyen-Lambert')], [('MASKED_CARD','XXXX-XXXX-XXXX-9921')])
r('fr', "Numéro de suivi 6A12345678901, référence produit REF-CH-0042, colis pour Yannick Bouvier au 3 impasse du Moulin, appartement 4, 44000 Nantes.",
  [('PERSON','Yannick Bouvier'),('ADDRESS','3 impasse du Moulin, appartement 4, 44000 Nantes')], [('TRACKING','6A12345678901'),('SKU','REF-CH-0042')])
r('fr', f"Jeton d'accès trouvé dans les journaux : {jwt({'sub':'client-77','nom':'Durand'})} — adresse IP source 81.56.200.17.",
  [('IP_ADDRESS','81.56.200.17')])
RECS[-1]['entities'].insert(0, {"type":"JWT","value":RECS[-1]['text'].split('journaux : ')[1].split(' ')[0]})
r('fr', "Réunion : Karim Belkacem, Aurélie Fontaine et M. Jean-Baptiste Leroy. Compte rendu à envoyer à secretariat@asso-quartier.fr.",
  [('PERSON','Karim Belkacem'),('PERSON','Aurélie Fontaine'),('PERSON','M. Jean-Baptiste Leroy'),('EMAIL','secretariat@asso-quartier.fr')])
r('es', "Teléf0no: 633 21 09 87 / c0rreo: nerea.ibarra@euskaltel.net / fecha de nac.: 27/09/1975 / nombre: Nerea Ibarra Etxeberria",
  [('PHONE','633 21 09 87'),('EMAIL','nerea.ibarra@euskaltel.net'),('DATE_OF_BIRTH','27/09/1975'),('PERSON','Nerea Ibarra Etxeberria')])
r('es', f"Devuelvan el importe a la tarjeta {sp4(MC[7])}, no a la {sp4(BAD16[8])} (esa tiene un error). Gracias, Gonzalo Méndez.",
  [('CREDIT_CARD',sp4(MC[7])),('PERSON','Gonzalo Méndez')], [('LUHN_INVALID',sp4(BAD16[8]))])
r('es', f"Dos cuentas: la española {IB2['ES']} y la británica {IB2['GB']}. La tercera, {IBX['NL']}... ¿por qué la rechaza el banco?",
  [('IBAN',IB2['ES']),('IBAN',IB2['GB'])], [('IBAN_INVALID',IBX['NL'])])
r('es', f"Clave AWS: {AWS[6]}; clave de Google Maps: {GK[6]}. Versión del SDK 2.19.0.4.",
  [('AWS_ACCESS_KEY',AWS[6]),('GOOGLE_API_KEY',GK[6])], [('VERSION','2.19.0.4')])
r('es', "Inquilina: Dña. Pilar Domínguez-Ruiz, c/ Mayor 8, bajo izda., 50001 Zaragoza; tel. 976 55 44 33; nacida el 11 de noviembre de 1961.",
  [('PERSON','Dña. Pilar Domínguez-Ruiz'),('ADDRESS','c/ Mayor 8, bajo izda., 50001 Zaragoza'),('PHONE','976 55 44 33'),('DATE_OF_BIRTH','11 de noviembre de 1961')])
r('en', f"Link with embedded key, please redact before sharing: https://maps.googleapis.com/maps/api/staticmap?center=Berlin&zoom=12&key={GK[7]}",
  [('URL_TOKEN',f"https://maps.googleapis.com/maps/api/staticmap?center=Berlin&zoom=12&key={GK[7]}"),('GOOGLE_API_KEY',GK[7])])
r('en', f"AKIA keys in docs: AKIAIOSFODNN7EXAMPLE is AWS's official example. Ours was {AWS[7]} — revoked now.",
  [('AWS_ACCESS_KEY','AKIAIOSFODNN7EXAMPLE'),('AWS_ACCESS_KEY',AWS[7])])
