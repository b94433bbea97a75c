"""Held-out set v2, hand-written after v1 had been used for fixes; run once, never tuned on:
`python -m bench.policy.holdout2_source` writes holdout2.jsonl."""

from __future__ import annotations

import json
from pathlib import Path

RECORDS = [
    ("en", "Forwarding from Priyanka Raghunathan: she asked that refunds go to GB82 WEST 1234 5698 7654 32.",
     [("PERSON", "Priyanka Raghunathan"), ("IBAN", "GB82 WEST 1234 5698 7654 32")], []),
    ("en", "Text me at (646) 555-0143 when the 2.7.18 rollout finishes; the job id is 20260412-0031.",
     [("PHONE", "(646) 555-0143")], [("VERSION", "2.7.18"), ("ORDER", "20260412-0031")]),
    ("en", "Customer: Oluwaseun Adeyemi, card on file 5105 1051 0510 5100, shipping to 77 Beacon Street, Boston, MA 02108.",
     [("PERSON", "Oluwaseun Adeyemi"), ("CREDIT_CARD", "5105 1051 0510 5100"), ("ADDRESS", "77 Beacon Street, Boston, MA 02108")], []),
    ("en", "export AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY and rerun terraform 1.9.8.",
     [("SECRET", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")], [("VERSION", "1.9.8")]),
    ("en", "Date of birth 1990-07-23; passport no. 548216730; invoice INV-77812 is unrelated.",
     [("DATE_OF_BIRTH", "1990-07-23"), ("PASSPORT", "548216730")], [("INVOICE", "INV-77812")]),
    ("en", "Fetch https://storage.example.com/b/o?X-Goog-Signature=4f9a2b7c1d8e3f6a5b0c9d2e7f1a8b3c&X-Goog-Date=20260101",
     [("URL_TOKEN", "4f9a2b7c1d8e3f6a5b0c9d2e7f1a8b3c")], []),
    ("de", "Sehr geehrter Herr Wendelin Großkopf, Ihre Kreditkarte 4000 0566 5566 5556 wurde belastet.",
     [("PERSON", "Wendelin Großkopf"), ("CREDIT_CARD", "4000 0566 5566 5556")], []),
    ("de", "Rückruf bitte unter +41 44 668 18 00, Ticket 4471-2290, Stand 14:32:10.",
     [("PHONE", "+41 44 668 18 00")], [("ORDER", "4471-2290"), ("TIMESTAMP", "14:32:10")]),
    ("de", "Versand an Mozartgasse 4, 80331 München; EAN 4012345678901 auf dem Karton.",
     [("ADDRESS", "Mozartgasse 4, 80331 München")], [("SKU", "4012345678901")]),
    ("de", "Der Dienst-Account-Schlüssel ist AIzaSyC8w3Mm0pQa7RtYuIo9PlKjHgFdSa1ZxCv, bitte rotieren.",
     [("GOOGLE_API_KEY", "AIzaSyC8w3Mm0pQa7RtYuIo9PlKjHgFdSa1ZxCv")], []),
    ("de", "Geburtsdatum: 5. Mai 1967. Die Version 6.1.0.4 hat den Fehler behoben.",
     [("DATE_OF_BIRTH", "5. Mai 1967")], [("VERSION", "6.1.0.4")]),
    ("de", "Login von 203.0.113.77 mit Passwort Hunde!Katze42 fehlgeschlagen.",
     [("IP_ADDRESS", "203.0.113.77"), ("SECRET", "Hunde!Katze42")], []),
    ("fr", "Veuillez contacter M. Théophile Garnier au +33 4 91 55 20 10 ou theo.garnier@example.fr.",
     [("PERSON", "Théophile Garnier"), ("PHONE", "+33 4 91 55 20 10"), ("EMAIL", "theo.garnier@example.fr")], []),
    ("fr", "Adresse de facturation : 18 rue Sainte-Catherine, 33000 Bordeaux. Colis 6A12345678901.",
     [("ADDRESS", "18 rue Sainte-Catherine, 33000 Bordeaux")], [("ORDER", "6A12345678901")]),
    ("fr", "Le numéro SSN de l'employé américain est 078-05-1120, horodatage 2026-02-14 09:12:44.",
     [("US_SSN", "078-05-1120")], [("TIMESTAMP", "2026-02-14 09:12:44")]),
    ("fr", "Clé d'accès : AKIAZ5RQ3MPL8VWX2YTN ; commit 9fceb02d0ae598e95dc970b74767f19372d61af8.",
     [("AWS_ACCESS_KEY", "AKIAZ5RQ3MPL8VWX2YTN")], [("GIT_SHA", "9fceb02d0ae598e95dc970b74767f19372d61af8")]),
    ("fr", "Virement vers NL91 ABNA 0417 1643 00 pour la facture F2026-118 ; ISBN 978-2-07-040850-4.",
     [("IBAN", "NL91 ABNA 0417 1643 00")], [("INVOICE", "F2026-118"), ("ISBN", "978-2-07-040850-4")]),
    ("fr", "Signé : Bérénice Fontaine-Leclerc, le 3 mars.",
     [("PERSON", "Bérénice Fontaine-Leclerc")], []),
    ("es", "Le escribe Maximiliano Echeverría para cambiar su dirección a Avenida de Andalucía 112, 41007 Sevilla.",
     [("PERSON", "Maximiliano Echeverría"), ("ADDRESS", "Avenida de Andalucía 112, 41007 Sevilla")], []),
    ("es", "Mi teléfono fijo es 91 523 46 78 y el número de pedido 3320-118-77.",
     [("PHONE", "91 523 46 78")], [("ORDER", "3320-118-77")]),
    ("es", "Tarjeta 3782 822463 10005, caducidad 11/29; la tarjeta enmascarada es 3782 ****** *0005.",
     [("CREDIT_CARD", "3782 822463 10005")], [("MASKED_CARD", "3782 ****** *0005")]),
    ("es", "Fecha de nacimiento 12/08/1993 y pasaporte XDC458213.",
     [("DATE_OF_BIRTH", "12/08/1993"), ("PASSPORT", "XDC458213")], []),
    ("es", "El token de acceso es eyJhbGciOiJFUzI1NiJ9.eyJpc3MiOiJnYXRlaG91c2UiLCJzdWIiOiI3In0.c2lnbmF0dXJlLXZhbHVl.",
     [("JWT", "eyJhbGciOiJFUzI1NiJ9.eyJpc3MiOiJnYXRlaG91c2UiLCJzdWIiOiI3In0.c2lnbmF0dXJlLXZhbHVl")], []),
    ("es", "El equipo 10.0.12.5 usa la versión 8.0.0.1 y el SKU MX-4410-AZ.",
     [("IP_ADDRESS", "10.0.12.5")], [("VERSION", "8.0.0.1"), ("SKU", "MX-4410-AZ")]),
]  # fmt: skip


def main() -> None:
    out = Path(__file__).resolve().parent / "holdout2.jsonl"
    with out.open("w") as f:
        for i, (lang, text, ents, negs) in enumerate(RECORDS):
            for _, value in ents + negs:
                assert value in text, value
            rec = {"id": f"holdout2-{i:03d}", "lang": lang, "text": text,
                   "entities": [{"type": t, "value": v} for t, v in ents],
                   "non_entities": [{"type": t, "value": v} for t, v in negs]}  # fmt: skip
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"wrote {len(RECORDS)} records to {out}")


if __name__ == "__main__":
    main()
