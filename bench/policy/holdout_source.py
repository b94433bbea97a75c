"""A small held-out set, written by hand in phrasings the generator does not use, and never used to
tune the detectors: `python -m bench.policy.holdout_source` writes holdout.jsonl."""

from __future__ import annotations

import json
from pathlib import Path

E = "entities"
N = "non_entities"
RECORDS = [
    ("en", "Hey, it's Margaret Oyelaran from billing. Reach me on +1 212 555 0198 or moyelaran@example.net.",
     [("PERSON", "Margaret Oyelaran"), ("PHONE", "+1 212 555 0198"), ("EMAIL", "moyelaran@example.net")], []),
    ("en", "Refund to Visa 4012 8888 8888 1881 — not the old one ending 4242 (**** 4242). Ticket 5521-9983.",
     [("CREDIT_CARD", "4012 8888 8888 1881")], [("MASKED_CARD", "**** 4242"), ("ORDER", "5521-9983")]),
    ("en", "Our db creds leaked in the logs: DB_PASSWORD=Tr0ub4dor&3xyz and the build is 3.11.4.2 now.",
     [("SECRET", "Tr0ub4dor&3xyz")], [("VERSION", "3.11.4.2")]),
    ("en", "Paste from config: google_api_key: AIzaSyBx9Q2mVwT4nKp7LrZ0cH5sJdE8fGu1iYo and region us-east1.",
     [("GOOGLE_API_KEY", "AIzaSyBx9Q2mVwT4nKp7LrZ0cH5sJdE8fGu1iYo")], []),
    ("en", "The patient, Harold Winterbottom, DOB 04/17/1962, lives at 48 Orchard Lane, Salem, MA 01970.",
     [("PERSON", "Harold Winterbottom"), ("DATE_OF_BIRTH", "04/17/1962"), ("ADDRESS", "48 Orchard Lane, Salem, MA 01970")], []),
    ("en", "Why does curl https://hooks.example.com/in?api_key=9f8KkLm2QpZx7VbN1cRt fail with 403 at 2026-03-02 11:04?",
     [("URL_TOKEN", "9f8KkLm2QpZx7VbN1cRt")], [("TIMESTAMP", "2026-03-02 11:04")]),
    ("en", "Grant AKIAJ7QX2LMN4PRS5TUV read access; see ISBN 978-1-4028-9462-6 for the manual.",
     [("AWS_ACCESS_KEY", "AKIAJ7QX2LMN4PRS5TUV")], [("ISBN", "978-1-4028-9462-6")]),
    ("en", "Ping the on-call at 10.20.30.40 (not 1.2.3.4-beta, that's the release tag). SSN on file: 219-09-9999.",
     [("IP_ADDRESS", "10.20.30.40"), ("US_SSN", "219-09-9999")], [("VERSION", "1.2.3.4-beta")]),
    ("de", "Hallo, hier ist Friederike Achterberg. Meine Nummer: 0171 2345678, E-Mail f.achterberg@example.de.",
     [("PERSON", "Friederike Achterberg"), ("PHONE", "0171 2345678"), ("EMAIL", "f.achterberg@example.de")], []),
    ("de", "Bitte überweisen Sie auf DE89 3704 0044 0532 0130 00, Verwendungszweck Rechnung 2026-4471.",
     [("IBAN", "DE89 3704 0044 0532 0130 00")], [("INVOICE", "2026-4471")]),
    ("de", "Die Lieferung geht an Kastanienallee 17, 10435 Berlin, Auftragsnummer 8812-3345-1190.",
     [("ADDRESS", "Kastanienallee 17, 10435 Berlin")], [("ORDER", "8812-3345-1190")]),
    ("de", "Herr Dr. Baumgärtner (geb. 02.09.1971) hat die Karte 5555 5555 5555 4444 gesperrt.",
     [("PERSON", "Baumgärtner"), ("DATE_OF_BIRTH", "02.09.1971"), ("CREDIT_CARD", "5555 5555 5555 4444")], []),
    ("de", "Server 2001:db8:85a3::8a2e:370:7334 meldet Fehler seit Version 2.4.1.0; Artikelnummer 4006381333931.",
     [("IP_ADDRESS", "2001:db8:85a3::8a2e:370:7334")], [("VERSION", "2.4.1.0"), ("SKU", "4006381333931")]),
    ("de", "Mein Reisepass hat die Nummer C4J9K2L7M, ausgestellt in Hamburg.",
     [("PASSPORT", "C4J9K2L7M")], []),
    ("de", "Das Deployment nutzt das Token ghp_R2d2C3poBb8Yoda4Luke5Leia6Han7Solo1 für GitHub.",
     [("SECRET", "ghp_R2d2C3poBb8Yoda4Luke5Leia6Han7Solo1")], []),
    ("de", "Zeitstempel 1767225600, UUID 9b2f3c4d-1e2f-4a5b-8c9d-0e1f2a3b4c5d, Commit a1b2c3d.",
     [], [("TIMESTAMP", "1767225600"), ("UUID", "9b2f3c4d-1e2f-4a5b-8c9d-0e1f2a3b4c5d")]),
    ("fr", "Bonjour, c'est Apolline Marchetti. Vous pouvez m'appeler au 07 81 22 43 65.",
     [("PERSON", "Apolline Marchetti"), ("PHONE", "07 81 22 43 65")], []),
    ("fr", "Merci de rembourser sur FR14 2004 1010 0505 0001 3M02 606 avant le 12/05.",
     [("IBAN", "FR14 2004 1010 0505 0001 3M02 606")], []),
    ("fr", "Livraison : 5 avenue des Champs-Élysées, 75008 Paris. Référence commande 7734 2201 9981.",
     [("ADDRESS", "5 avenue des Champs-Élysées, 75008 Paris")], [("ORDER", "7734 2201 9981")]),
    ("fr", "Mme Lemarchand, née le 9 février 1988, a fourni son passeport n° 19AK55021.",
     [("PERSON", "Lemarchand"), ("DATE_OF_BIRTH", "9 février 1988"), ("PASSPORT", "19AK55021")], []),
    ("fr", "La carte American Express 3714 496353 98431 a été refusée ; la carte 4111 1111 1111 1112 aussi.",
     [("CREDIT_CARD", "3714 496353 98431")], [("LUHN_INVALID", "4111 1111 1111 1112")]),
    ("fr", "Mon mot de passe est Bordeaux#2025x et l'ISBN du livre 978-2-266-11156-0.",
     [("SECRET", "Bordeaux#2025x")], [("ISBN", "978-2-266-11156-0")]),
    ("fr", "Le jeton eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ1aWQiOiI0MiIsInJvbGUiOiJhZG1pbiJ9.Qm9uam91cl9sZV9tb25kZQ expire.",
     [("JWT", "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ1aWQiOiI0MiIsInJvbGUiOiJhZG1pbiJ9.Qm9uam91cl9sZV9tb25kZQ")], []),
    ("fr", "Mise à jour 10.4.0.12 prévue le 2026-12-01T08:00:00Z pour le SKU FR-220-XL.",
     [], [("VERSION", "10.4.0.12"), ("TIMESTAMP", "2026-12-01T08:00:00Z"), ("SKU", "FR-220-XL")]),
    ("es", "Hola, soy Remedios Villalobos; mi correo es rvillalobos@example.es y mi móvil 655 43 21 09.",
     [("PERSON", "Remedios Villalobos"), ("EMAIL", "rvillalobos@example.es"), ("PHONE", "655 43 21 09")], []),
    ("es", "Transfiera a ES91 2100 0418 4502 0005 1332; factura FAC-2026-00871.",
     [("IBAN", "ES91 2100 0418 4502 0005 1332")], [("INVOICE", "FAC-2026-00871")]),
    ("es", "Envíelo a Calle del Pez 23, 2º A, 28004 Madrid, por favor.",
     [("ADDRESS", "Calle del Pez 23, 2º A, 28004 Madrid")], []),
    ("es", "La Sra. Iturbide nació el 30 de junio de 1979 y su pasaporte es PAB123456.",
     [("PERSON", "Iturbide"), ("DATE_OF_BIRTH", "30 de junio de 1979"), ("PASSPORT", "PAB123456")], []),
    ("es", "Pague con la tarjeta 6011 1111 1111 1117, no con la terminada en XXXX-XXXX-XXXX-0005.",
     [("CREDIT_CARD", "6011 1111 1111 1117")], [("MASKED_CARD", "XXXX-XXXX-XXXX-0005")]),
    ("es", "La clave de AWS es ASIAQ3RT5UV7WX9YZ2AB y el servidor 172.16.254.3 no responde.",
     [("AWS_ACCESS_KEY", "ASIAQ3RT5UV7WX9YZ2AB"), ("IP_ADDRESS", "172.16.254.3")], []),
    ("es", "Abra https://panel.example.es/login?session=Xk29LmQp77TzRw41 para ver el pedido 4400-1187.",
     [("URL_TOKEN", "Xk29LmQp77TzRw41")], [("ORDER", "4400-1187")]),
    ("es", "Versión 5.1.2.3 publicada; UUID 0f8fad5b-d9cb-469f-a165-70867728950e; lote 88-1204.",
     [], [("VERSION", "5.1.2.3"), ("UUID", "0f8fad5b-d9cb-469f-a165-70867728950e")]),
]  # fmt: skip


def main() -> None:
    out = Path(__file__).resolve().parent / "holdout.jsonl"
    with out.open("w") as f:
        for i, (lang, text, ents, negs) in enumerate(RECORDS):
            for _, value in ents + negs:
                assert value in text, value
            rec = {"id": f"holdout-{i:03d}", "lang": lang, "text": text,
                   E: [{"type": t, "value": v} for t, v in ents], N: [{"type": t, "value": v} for t, v in negs]}  # fmt: skip
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"wrote {len(RECORDS)} records to {out}")


if __name__ == "__main__":
    main()
