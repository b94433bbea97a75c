# Hand-written PII records, part 7: Spanish.

RECORDS = [
    ("es",
     "Formulario de alta\nNombre: Alejandro\nApellidos: García-Ferrer Sanz\nFecha de nacimiento: 23/07/1986\nTeléfono: 612 000 345\nCorreo: agarciaferrer@correo.example\nDomicilio: Calle de Alcalá 218, 4º B, 28028 Madrid",
     [("PERSON", "Alejandro"), ("PERSON", "García-Ferrer Sanz"), ("DATE_OF_BIRTH", "23/07/1986"), ("PHONE", "612 000 345"),
      ("EMAIL", "agarciaferrer@correo.example"), ("ADDRESS", "Calle de Alcalá 218, 4º B, 28028 Madrid")],
     []),

    ("es",
     "Hola Paco, te paso mi cuenta para lo de la cena: ES26 5350 6404 3767 6775 7617. Está a nombre de Marta Villanueva. ¡Gracias!",
     [("PERSON", "Paco"), ("IBAN", "ES26 5350 6404 3767 6775 7617"), ("PERSON", "Marta Villanueva")],
     []),

    ("es",
     "pablo: oye me pasas el número de la fontanera?\nlucía: sí, se llama rocío, 655 012 478\npablo: genial gracias",
     [("PERSON", "pablo"), ("PERSON", "lucía"), ("PERSON", "rocío"), ("PHONE", "655 012 478")],
     []),

    ("es",
     "Datos del viajero: Sr. Ignacio Herrera Balaguer, pasaporte PAF482913, nacido el 3 de mayo de 1972, nacionalidad española.",
     [("PERSON", "Sr. Ignacio Herrera Balaguer"), ("PASSPORT", "PAF482913"), ("DATE_OF_BIRTH", "3 de mayo de 1972")],
     []),

    ("es",
     "Cobro rechazado: tarjeta American Express 3773 449689 42752 a nombre de Dña. Pilar Ortiz de Zárate. Llamar al 915 550 182.",
     [("CREDIT_CARD", "3773 449689 42752"), ("PERSON", "Dña. Pilar Ortiz de Zárate"), ("PHONE", "915 550 182")],
     []),

    ("es",
     "Envío a: Guadalupe Ramírez Treviño, Av. Insurgentes Sur 1602, Int. 501, Col. Crédito Constructor, 03940 Ciudad de México. Tel. +52 55 5555 0173.",
     [("PERSON", "Guadalupe Ramírez Treviño"), ("ADDRESS", "Av. Insurgentes Sur 1602, Int. 501, Col. Crédito Constructor, 03940 Ciudad de México"), ("PHONE", "+52 55 5555 0173")],
     []),

    ("es",
     "SELECT * FROM pacientes WHERE nombre = 'Esperanza' AND apellido1 = 'Cortés' AND fecha_nac = '1964-12-19';",
     [("PERSON", "Esperanza"), ("PERSON", "Cortés"), ("DATE_OF_BIRTH", "1964-12-19")],
     []),

    ("es",
     "Fuimos de Santiago a Victoria (Vitoria-Gasteiz), comimos en Casa Lucio y compramos una botella de Marqués de Riscal.",
     [],
     [("PLACE_NAME", "Santiago"), ("PLACE_NAME", "Victoria"), ("PRODUCT_NAME", "Casa Lucio"), ("PRODUCT_NAME", "Marqués de Riscal")]),

    ("es",
     "2026-11-30 10:22:31 ERROR acceso denegado desde 2001:db8:cafe:12::ab para el cliente 44817, versión 9.12.0.4",
     [("IP_ADDRESS", "2001:db8:cafe:12::ab")],
     [("TIMESTAMP", "2026-11-30 10:22:31"), ("VERSION", "9.12.0.4")]),

    ("es",
     "Para conectar: psql \"host=10.1.1.40 dbname=ventas user=informes password=Tortilla-De-Patata-9\" — no lo compartas fuera del equipo.",
     [("IP_ADDRESS", "10.1.1.40"), ("SECRET", "Tortilla-De-Patata-9")],
     []),

    ("es",
     "La clave de la API de Maps del proyecto es AIzaHVn8xfnJSI16yJhstcrgmQl553hdTjwptpr, restringida por referer a tienda.example.es.",
     [("GOOGLE_API_KEY", "AIzaHVn8xfnJSI16yJhstcrgmQl553hdTjwptpr")],
     []),

    ("es",
     "Contacto en Santiago: Joaquín Errázuriz, +56 9 6123 4567. En Buenos Aires: María Belén Fernández, +54 9 11 5555-0139.",
     [("PERSON", "Joaquín Errázuriz"), ("PHONE", "+56 9 6123 4567"), ("PERSON", "María Belén Fernández"), ("PHONE", "+54 9 11 5555-0139")],
     [("PLACE_NAME", "Santiago"), ("PLACE_NAME", "Buenos Aires")]),

    ("es",
     "Estimada Sra. Domínguez:\nle confirmamos que el pago de la factura FV-2026/1183 se realizará a la cuenta ES14 8466 8656 9079 5478 8517 de Construcciones Lozano (administrador: D. Ernesto Lozano Prieto).",
     [("PERSON", "Sra. Domínguez"), ("IBAN", "ES14 8466 8656 9079 5478 8517"), ("PERSON", "D. Ernesto Lozano Prieto")],
     [("INVOICE", "FV-2026/1183"), ("ORG", "Construcciones Lozano")]),

    ("es",
     "Ojo: el IBAN ES14 8466 8656 9079 5478 8817 que aparece en el contrato tiene un dígito mal; el correcto lo tiene Rosa en contabilidad.",
     [("PERSON", "Rosa")],
     [("IBAN_INVALID", "ES14 8466 8656 9079 5478 8817")]),

    ("es",
     "Remesa a Santo Domingo: beneficiaria Yahaira Peña, cuenta DO72 MCVC 9984 7372 3710 8596 0028, teléfono 809-555-0166.",
     [("PERSON", "Yahaira Peña"), ("IBAN", "DO72 MCVC 9984 7372 3710 8596 0028"), ("PHONE", "809-555-0166")],
     [("PLACE_NAME", "Santo Domingo")]),

    ("es",
     "Mi número de Seguro Social es 826-09-2699 y el de mi hijo Mateo es 448 23 5148. Fecha de nacimiento de Mateo: 14/02/2012.",
     [("US_SSN", "826-09-2699"), ("PERSON", "Mateo"), ("US_SSN", "448 23 5148"), ("DATE_OF_BIRTH", "14/02/2012")],
     []),

    ("es",
     '{"cliente": "Iñaki Etxeberria", "dni": "[redactado]", "telefono_movil": "688 123 904", "email": "inaki.etx@euskalmail.example", "ip_registro": "198.51.100.14"}',
     [("PERSON", "Iñaki Etxeberria"), ("PHONE", "688 123 904"), ("EMAIL", "inaki.etx@euskalmail.example"), ("IP_ADDRESS", "198.51.100.14")],
     [("PLACEHOLDER", "[redactado]")]),

    ("es",
     "TICKET DE COMPRA N° 000912\nC1iente: Fernanda Quispe\nTe1éfono: 600 004 871\nArtícu1o: Cafetera Bialetti 6 tazas  29,90€\nCód. barras 8006363011785",
     [("PERSON", "Fernanda Quispe"), ("PHONE", "600 004 871")],
     [("INVOICE", "000912"), ("PRODUCT_NAME", "Bialetti"), ("SKU", "8006363011785")]),

    ("es",
     "Te comparto la carpeta: https://drive.example.es/s/Xk29fQ?token=b7e4c1a9f03d2e68&expira=20261207 — ahí están los contratos de Adrián.",
     [("URL_TOKEN", "https://drive.example.es/s/Xk29fQ?token=b7e4c1a9f03d2e68&expira=20261207"), ("PERSON", "Adrián")],
     []),

    ("es",
     "Asistentes: Dr. Fernando Ruiz-Alarcón, Lic. Ximena Castañeda, Ing. Óscar Villalobos y la Sra. Montserrat Puig i Ferrer.",
     [("PERSON", "Dr. Fernando Ruiz-Alarcón"), ("PERSON", "Lic. Ximena Castañeda"), ("PERSON", "Ing. Óscar Villalobos"), ("PERSON", "Sra. Montserrat Puig i Ferrer")],
     []),

    ("es",
     "Dirección de entrega: Carrera 7 # 72-41, Apto 1203, Bogotá, Colombia. Recibe: Valeria Ospina, cel. 310 555 0192.",
     [("ADDRESS", "Carrera 7 # 72-41, Apto 1203, Bogotá, Colombia"), ("PERSON", "Valeria Ospina"), ("PHONE", "310 555 0192")],
     []),

    ("es",
     "Reembolso a la tarjeta JCB 3589 3879 9730 8436 de Kenji Morales; en el extracto aparece como XXXX-XXXX-XXXX-8436.",
     [("CREDIT_CARD", "3589 3879 9730 8436"), ("PERSON", "Kenji Morales")],
     [("MASKED_CARD", "XXXX-XXXX-XXXX-8436")]),

    ("es",
     "En el repositorio público apareció esto:\nAWS_ACCESS_KEY_ID=ASIAIGIVTHMJRNYPJVX4\nAWS_SECRET_ACCESS_KEY=R7gT0KboV2m+z0CuLdmsFst2HArXtqKczamKaVmG\nPor favor, Marcos, rota las claves hoy mismo.",
     [("AWS_ACCESS_KEY", "ASIAIGIVTHMJRNYPJVX4"), ("SECRET", "R7gT0KboV2m+z0CuLdmsFst2HArXtqKczamKaVmG"), ("PERSON", "Marcos")],
     []),
]
