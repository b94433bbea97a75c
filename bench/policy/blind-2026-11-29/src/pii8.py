from pii_common import *
r('en', "Release notes: 4.4.4.4 is our build number (yes, really), not Google DNS. Config uses mask 255.255.255.252 and tag v1.22.3.4. Shipped by Nora Gallagher.",
  [('PERSON','Nora Gallagher')], [('VERSION','4.4.4.4'),('NETMASK','255.255.255.252'),('VERSION','v1.22.3.4')])
r('en', "Stock report: item 4006381333931 (EAN), ISBN 978-3-16-148410-0, SKU WID-0091-XL, 12.500.000 units projected for 2027–2030.",
  [], [('SKU','4006381333931'),('ISBN','978-3-16-148410-0'),('SKU','WID-0091-XL'),('MEASURE','12.500.000 units'),('YEAR','2027–2030')])
r('de', "Commit a94a8fe5ccb19ba61c4c0873d391e987982fbbd3, Ticket JIRA-4412, Zeitstempel 2026-11-29 08:15:00, Sendung 1Z12345E0205271688. Keine personenbezogenen Daten.",
  [], [('GIT_SHA','a94a8fe5ccb19ba61c4c0873d391e987982fbbd3'),('ORDER','JIRA-4412'),('TIMESTAMP','2026-11-29 08:15:00'),('TRACKING','1Z12345E0205271688')])
r('fr', f"Contrôle qualité : lot 2026-11-B, mesure 1.234.567 µm (erreur d'unité ?), numéro de série {BAD16[9]}. Responsable : Clémence Arnaud.",
  [('PERSON','Clémence Arnaud')], [('ORDER','2026-11-B'),('MEASURE','1.234.567 µm'),('LUHN_INVALID',BAD16[9])])
r('es', "Pedido 2026-000187, factura FV-7731, UUID f47ac10b-58cc-4372-a567-0e02b2c3d479, IP de prueba enmascarada 10.x.x.x. Cliente: Rubén Castaño.",
  [('PERSON','Rubén Castaño')], [('ORDER','2026-000187'),('INVOICE','FV-7731'),('UUID','f47ac10b-58cc-4372-a567-0e02b2c3d479'),('MASKED_IP','10.x.x.x')])
r('en', "Card on file: **** **** **** 4417 (Visa). Phone on file: ***-***-0192. Email: m****@gmail.com. Everything's already masked, right?",
  [], [('MASKED_CARD','**** **** **** 4417'),('MASKED_PHONE','***-***-0192'),('MASKED_EMAIL','m****@gmail.com')])
