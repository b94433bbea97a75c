from pii_common import *
# --- Spanish ---
r('es', "Nombre: Lucía Fernández Ortega\nTeléfono: 612 34 56 78\nCorreo: lucia.fdez.ortega@gmail.com",
  [('PERSON','Lucía Fernández Ortega'),('PHONE','612 34 56 78'),('EMAIL','lucia.fdez.ortega@gmail.com')])
r('es', "Dirección de envío: Calle de Alcalá 214, piso 3º B, 28028 Madrid. Destinatario: Sr. Javier Ruiz Molina.",
  [('ADDRESS','Calle de Alcalá 214, piso 3º B, 28028 Madrid'),('PERSON','Sr. Javier Ruiz Molina')])
r('es', f"Por favor, haga la transferencia a mi cuenta {iban_spaced(IB['ES'])} a nombre de Carmen Vidal.",
  [('IBAN',iban_spaced(IB['ES'])),('PERSON','Carmen Vidal')])
r('es', "INSERT INTO clientes (nombre, apellido1, apellido2, fecha_nac) VALUES ('María José', 'García', 'López', '1982-06-25');",
  [('PERSON','María José'),('PERSON','García'),('PERSON','López'),('DATE_OF_BIRTH','1982-06-25')])
r('es', f"Mi tarjeta {sp4(VISA[5])} aparece bloqueada. El pedido es el PED-2026-33190.",
  [('CREDIT_CARD',sp4(VISA[5]))], [('ORDER','PED-2026-33190')])
r('es', "Pasaporte n.º PAA123456, titular: Alejandro Torres Sáez, fecha de nacimiento: 9 de agosto de 1988.",
  [('PASSPORT','PAA123456'),('PERSON','Alejandro Torres Sáez'),('DATE_OF_BIRTH','9 de agosto de 1988')])
r('es', "Valentina Rojas: ¿alguien tiene el teléfono de la profe?\nDiego Herrera: sí, +34 655 12 34 98",
  [('PERSON','Valentina Rojas'),('PERSON','Diego Herrera'),('PHONE','+34 655 12 34 98')])
r('es', "El equipo con IP 172.20.14.3 usa la versión 172.20.1.4 del firmware (sí, así la numeran). Máscara 255.255.252.0.",
  [('IP_ADDRESS','172.20.14.3')], [('VERSION','172.20.1.4'),('NETMASK','255.255.252.0')])
r('es', f"El banco dice que este IBAN no es válido: {IBX['ES']}. ¿Me equivoqué en el dígito de control?",
  [], [('IBAN_INVALID',IBX['ES'])])
r('es', f"Cuenta en Portugal: {IB['PT']}. Titular: João Pedro Almeida. Referencia de factura F-2026/118.",
  [('IBAN',IB['PT']),('PERSON','João Pedro Almeida')], [('INVOICE','F-2026/118')])
r('es', "Paciente: Sra. Rosario Jiménez de la Fuente; nacida el 02/03/1956; domicilio Avenida del Puerto 45, esc. izq., 4º 2ª, 46023 Valencia.",
  [('PERSON','Sra. Rosario Jiménez de la Fuente'),('DATE_OF_BIRTH','02/03/1956'),('ADDRESS','Avenida del Puerto 45, esc. izq., 4º 2ª, 46023 Valencia')])
r('es', f"En el .env tengo GITHUB_TOKEN={gh()} y no sé si lo subí al repo público.",
  [])
RECS[-1]['entities'].append({"type":"SECRET","value":RECS[-1]['text'].split('GITHUB_TOKEN=')[1].split(' ')[0]})
r('es', "¿Puedes escribir un correo a pablo.serrano@telefonica.net diciéndole que la reunión se mueve al jueves? Firma: Irene",
  [('EMAIL','pablo.serrano@telefonica.net'),('PERSON','Irene')])
r('es', "Tel. fijo 91 555 23 47, móvil 699 88 77 66. Horario de 9 a 14 h.",
  [('PHONE','91 555 23 47'),('PHONE','699 88 77 66')])
r('es', "Vendimos 2.500.000 unidades en 2024-2025. El código de producto es ZP-7781-ES y el número de seguimiento ES2026112900123.",
  [], [('MEASURE','2.500.000 unidades'),('YEAR','2024-2025'),('SKU','ZP-7781-ES'),('TRACKING','ES2026112900123')])
r('es', '{"nombre_cliente": "Martina Castro Villalobos", "email": "mcastro@uni-sevilla.es", "telefono": "+34 954 55 66 77"}',
  [('PERSON','Martina Castro Villalobos'),('EMAIL','mcastro@uni-sevilla.es'),('PHONE','+34 954 55 66 77')])
r('es', f"Tarjeta American Express {amex(AMEX[2])}, caduca 03/29, titular Ernesto Salgado.",
  [('CREDIT_CARD',amex(AMEX[2])),('PERSON','Ernesto Salgado')])
r('es', f"El cliente mexicano usa una tarjeta de EE. UU.: {sp4(DISC[1])}. Y su clave de API de Google es {GK[3]}, ¿la debería rotar?",
  [('CREDIT_CARD',sp4(DISC[1])),('GOOGLE_API_KEY',GK[3])])
r('es', "hola soy andrés felipe quintero, mi cumple es el 15-01-2000 y vivo en Carrera 7 # 45-12, apto 502, Bogotá",
  [('PERSON','andrés felipe quintero'),('DATE_OF_BIRTH','15-01-2000'),('ADDRESS','Carrera 7 # 45-12, apto 502, Bogotá')])
r('es', f"La contraseña de la base de datos está en el config: DB_PASSWORD=Paella#Valencia_91 y el host es 10.1.1.12.",
  [('SECRET','Paella#Valencia_91'),('IP_ADDRESS','10.1.1.12')])
r('es', f"Cuentas de proveedores europeos: Croacia {IB['HR']}, Eslovenia {IB['SI']}, Chipre {IB['CY']}.",
  [('IBAN',IB['HR']),('IBAN',IB['SI']),('IBAN',IB['CY'])])
r('es', "Factura FAC-00912 del pedido 40021; UUID de la transacción 9b2e4c7a-1f3d-4a8b-9c6e-2d1f0a7b8c9d.",
  [], [('INVOICE','FAC-00912'),('ORDER','40021'),('UUID','9b2e4c7a-1f3d-4a8b-9c6e-2d1f0a7b8c9d')])
r('de', f"Rechnungen bitte an buchhaltung@mueller-gmbh.de, Zahlung auf {IB['CZ']} (tschechische Tochter) oder {iban_spaced(IB['HU'])} (Ungarn).",
  [('EMAIL','buchhaltung@mueller-gmbh.de'),('IBAN',IB['CZ']),('IBAN',iban_spaced(IB['HU']))])
r('de', f"Mein Schlüssel für AWS lautet {AWS[3]}, und der Slack-Bot-Token ist {xoxb()}. Wo soll ich die ablegen?",
  [('AWS_ACCESS_KEY',AWS[3])])
RECS[-1]['entities'].append({"type":"SECRET","value":RECS[-1]['text'].split('Token ist ')[1].split('.')[0]})
r('fr', f"Les comptes roumain {IB['RO']} et grec {iban_spaced(IB['GR'])} sont à mettre à jour dans l'ERP, version 5.4.0.12.",
  [('IBAN',IB['RO']),('IBAN',iban_spaced(IB['GR']))], [('VERSION','5.4.0.12')])
