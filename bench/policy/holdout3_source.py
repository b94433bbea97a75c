"""Dev set v3, hand-written by the detector author for the forms of issue #16 (speaker labels, form
labels, JSON/SQL person fields, honorifics, national phone formats, spaced SSNs, address units, OCR
cue words, IPv4 look-alikes). Not blind: the detectors were developed against it.
`python -m bench.policy.holdout3_source` writes holdout3.jsonl."""

from __future__ import annotations

import json
from pathlib import Path

RECORDS = [
    (
        "en",
        "Transcript\nMarisol Etxeberria: can you check the refund?\nDevon Achterberg: sure, give me a minute.\nMarisol Etxeberria: thanks",
        [("PERSON", "Marisol Etxeberria"), ("PERSON", "Devon Achterberg")],
        [],
    ),
    (
        "en",
        "[09:14] Ruairí Ó Briain: the build 3.11.4.2 is green\n[09:15] Tamsin Okonkwo-Reyes: deploying now",
        [("PERSON", "Ruairí Ó Briain"), ("PERSON", "Tamsin Okonkwo-Reyes")],
        [("VERSION", "3.11.4.2")],
    ),
    (
        "en",
        "Full name: Bartholomew Q. Vandersloot\nAccount holder: Imelda Farquharson\nPolicy no. 88213-22",
        [("PERSON", "Bartholomew Q. Vandersloot"), ("PERSON", "Imelda Farquharson")],
        [("ORDER", "88213-22")],
    ),
    (
        "de",
        "Kontoinhaber: Hannelore Wiesenthal-Brück\nVorname: Detlef\nNachname: Kapuściński",
        [("PERSON", "Hannelore Wiesenthal-Brück"), ("PERSON", "Detlef"), ("PERSON", "Kapuściński")],
        [],
    ),
    (
        "fr",
        "Nom et prénom : Duvivier-Lachaume Ghislaine\nDestinataire : Aurèle Ndiaye",
        [("PERSON", "Duvivier-Lachaume Ghislaine"), ("PERSON", "Aurèle Ndiaye")],
        [],
    ),
    (
        "es",
        "Titular: Eulalia Ibarretxe Goikoetxea\nDestinatario: Fermín Arrieta",
        [("PERSON", "Eulalia Ibarretxe Goikoetxea"), ("PERSON", "Fermín Arrieta")],
        [],
    ),
    (
        "en",
        '{"id": 4471, "full_name": "Cosmin Vlădescu", "email": "c.vladescu@example.org", "plan": "pro"}',
        [("PERSON", "Cosmin Vlădescu"), ("EMAIL", "c.vladescu@example.org")],
        [("ORDER", "4471")],
    ),
    (
        "en",
        "INSERT INTO customers (id, first_name, last_name, city) VALUES (17, 'Wilhelmina', 'Okafor-Brandt', 'Leeds');",
        [("PERSON", "Wilhelmina"), ("PERSON", "Okafor-Brandt")],
        [],
    ),
    (
        "en",
        "SELECT * FROM patients WHERE surname = 'Thistlewood' AND year > 2019",
        [("PERSON", "Thistlewood")],
        [("YEAR", "2019")],
    ),
    (
        "en",
        "Please forward this to Dr. Anneliese Vos-Hartmann and Prof. Kwabena Mensah-Bonsu.",
        [("PERSON", "Anneliese Vos-Hartmann"), ("PERSON", "Kwabena Mensah-Bonsu")],
        [],
    ),
    (
        "es",
        "La cita con la Dra. María de los Ángeles Quintanilla es el lunes.",
        [("PERSON", "María de los Ángeles Quintanilla")],
        [],
    ),
    (
        "fr",
        "Vous pouvez me joindre au 06 47 21 93 58 après 18 h, réf. 2024-118.",
        [("PHONE", "06 47 21 93 58")],
        [("ORDER", "2024-118")],
    ),
    (
        "de",
        "Erreichbar unter 030 52 28 41 7 oder per Mail; Artikel 4711-0815.",
        [("PHONE", "030 52 28 41 7")],
        [("SKU", "4711-0815")],
    ),
    (
        "en",
        "Call the front desk on 415.555.0199 before noon; the room block is 1209-1215.",
        [("PHONE", "415.555.0199")],
        [("ORDER", "1209-1215")],
    ),
    (
        "en",
        "Her social security number is 212 48 7719 and the claim is 20261103-77.",
        [("US_SSN", "212 48 7719")],
        [("ORDER", "20261103-77")],
    ),
    (
        "en",
        "Ship to Flat 4B, 27 Marchmont Road, Edinburgh EH9 1HU by Friday.",
        [("ADDRESS", "Flat 4B, 27 Marchmont Road, Edinburgh EH9 1HU")],
        [],
    ),
    (
        "en",
        "Ph0ne: 0161 496 0773 (office). Em4il: h.quarshie@example.net",
        [("PHONE", "0161 496 0773"), ("EMAIL", "h.quarshie@example.net")],
        [],
    ),
    (
        "en",
        "Set the netmask to 255.255.255.0 and the gateway to 192.168.40.1; firmware v2.4.1.9 is required.",
        [("IP_ADDRESS", "192.168.40.1")],
        [("NETMASK", "255.255.255.0"), ("VERSION", "2.4.1.9")],
    ),
    (
        "en",
        "Chrome 4.2.1.7 crashed on the kiosk; the server at 10.20.30.40 logged it.",
        [("IP_ADDRESS", "10.20.30.40")],
        [("VERSION", "4.2.1.7")],
    ),
    (
        "en",
        "IBAN for the Norwegian supplier: NO93 8601 1117 947, invoice 55-1029.",
        [("IBAN", "NO93 8601 1117 947")],
        [("INVOICE", "55-1029")],
    ),
    (
        "en",
        "Subject: Re: quote\nFrom: Zebulon Aldaine <z.aldaine@example.com>\nTo: Team\nNote: see attachment",
        [("PERSON", "Zebulon Aldaine"), ("EMAIL", "z.aldaine@example.com")],
        [],
    ),
]


def main() -> None:
    path = Path(__file__).resolve().parent / "holdout3.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for i, (lang, text, entities, non_entities) in enumerate(RECORDS):
            record = {"id": f"holdout3-{i:03d}", "lang": lang, "text": text,
                      "entities": [{"type": t, "value": v} for t, v in entities],
                      "non_entities": [{"type": t, "value": v} for t, v in non_entities]}  # fmt: skip
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
