"""Dev set v4, hand-written by the detector author (2026-11-30) for the forms the first blind run showed
weak, by type only (its texts were never read): credentials in URLs (pre-signed and SAS URLs, tokens in
query strings, passwords in connection strings), dates of birth in more forms, passport numbers after
their cues, secrets in config files, .env lines and command-line flags, names without a cue word and
address lines; with look-alikes. Not blind: the detectors were developed against it.
`python -m bench.policy.holdout4_source` writes holdout4.jsonl."""

from __future__ import annotations

import json
from pathlib import Path

S3 = (
    "https://reports-eu.s3.eu-west-1.amazonaws.com/q3/payroll.xlsx?X-Amz-Algorithm=AWS4-HMAC-SHA256"
    "&X-Amz-Credential=AKIAZ3EXAMPLE7Q2%2F20261130%2Feu-west-1%2Fs3%2Faws4_request&X-Amz-Date=20261130T012233Z"
    "&X-Amz-Expires=3600&X-Amz-SignedHeaders=host&X-Amz-Signature=7d1c0e5b9a44f1e2c3b8a9d0f6e5c4b3a2918171"
)
GCS = (
    "https://storage.googleapis.com/acme-exports/dump.csv?X-Goog-Algorithm=GOOG4-RSA-SHA256"
    "&X-Goog-Credential=exporter%40acme.iam.gserviceaccount.com%2F20261130%2Fauto%2Fstorage%2Fgoog4_request"
    "&X-Goog-Date=20261130T010000Z&X-Goog-Expires=900&X-Goog-SignedHeaders=host"
    "&X-Goog-Signature=5f2a9c81d3e04b7a6c1d2e3f40516273849a0b1c2d3e4f5a6b7c8d9e0f1a2b3c"
)
SAS = (
    "https://acmebackups.blob.core.windows.net/db/nightly.bak?sv=2022-11-02&ss=b&srt=o&sp=r"
    "&se=2026-12-01T00:00:00Z&st=2026-11-30T00:00:00Z&spr=https&sig=Qm9ndXNTaWduYXR1cmVWYWx1ZTEyMzQ1Njc4OTA%3D"
)

RECORDS = [
    # -- credentials in URLs (the whole URL is the credential: anyone holding it has access)
    ("en", f"Here is the download link, valid for an hour: {S3}", [("URL_TOKEN", S3)], []),
    ("en", f"gsutil signurl gave me this: {GCS} - can you check why it 403s?", [("URL_TOKEN", GCS)], []),
    ("de", f"Der SAS-Link für das Backup lautet {SAS}\nBitte nicht weitergeben.", [("URL_TOKEN", SAS)], []),
    (
        "en",
        "Callback hit https://hooks.example.net/cb?state=xyz&token=tk_live_9f8e7d6c5b4a3f2e1d0c and failed",
        [("URL_TOKEN", "https://hooks.example.net/cb?state=xyz&token=tk_live_9f8e7d6c5b4a3f2e1d0c")],
        [],
    ),
    (
        "fr",
        "Lien de réinitialisation : https://app.example.fr/reset?email=x&code=8FJ2KQ9ZP4LM7 expire demain.",
        [("URL_TOKEN", "https://app.example.fr/reset?email=x&code=8FJ2KQ9ZP4LM7")],
        [],
    ),
    (
        "en",
        "DATABASE_URL=postgres://billing_app:Hx7!pQ2vLm9@db-prod.internal.example:5432/billing",
        [("SECRET", "Hx7!pQ2vLm9")],
        [],
    ),
    (
        "es",
        "La cadena de conexión es mongodb+srv://admin:Zq8mW3rT6yU1@cluster0.example.mongodb.net/ventas",
        [("SECRET", "Zq8mW3rT6yU1")],
        [],
    ),
    (
        "en",
        "Open https://docs.example.com/search?q=rotate+keys&page=2&sort=recent for the guide.",
        [],
        [("URL", "https://docs.example.com/search?q=rotate+keys&page=2&sort=recent")],
    ),
    # -- secrets in configs, .env files and command lines
    (
        "en",
        "Server=sql01.example.local;Database=crm;User Id=crm_svc;Password=Wint3r-Sun-42;Encrypt=true;",
        [("SECRET", "Wint3r-Sun-42")],
        [],
    ),
    ("en", "mysql -h 10.0.0.12 -u root -pTr0ub4dor3x crm < dump.sql", [("SECRET", "Tr0ub4dor3x")], []),
    (
        "en",
        "curl -H 'Authorization: Bearer 4f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c' https://api.example.com/v2/me",
        [("SECRET", "4f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c")],
        [],
    ),
    (
        "en",
        "./deploy.sh --env prod --api-key 9Kq2LmX7Rt4Vb8Nz --region europe-west1",
        [("SECRET", "9Kq2LmX7Rt4Vb8Nz")],
        [("REGION", "europe-west1")],
    ),
    (
        "en",
        "# .env\nDB_HOST=db.internal\nDB_PASS=Lk4$mN8qR2\nSTRIPE_SECRET=whsec_5Hx9Qm2Lp7Vr3Tn8\nDEBUG=false",
        [("SECRET", "Lk4$mN8qR2"), ("SECRET", "whsec_5Hx9Qm2Lp7Vr3Tn8")],
        [],
    ),
    (
        "de",
        "In der config.yaml steht:\nsmtp:\n  user: mailer\n  password: Fr1tz!Kaffee77\n  port: 587",
        [("SECRET", "Fr1tz!Kaffee77")],
        [("PORT", "587")],
    ),
    (
        "en",
        '{"client_id": "7731-app", "client_secret": "GOCSPX-4rT9wQ2mZ8xL1vB6nK3p", "redirect": "/cb"}',
        [("SECRET", "GOCSPX-4rT9wQ2mZ8xL1vB6nK3p")],
        [],
    ),
    (
        "en",
        "export AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY && terraform apply",
        [("SECRET", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY")],
        [],
    ),
    (
        "en",
        "Set max_tokens=2048, temperature=0.2 and password_min_length=12 in the settings file.",
        [],
        [("SETTING", "2048"), ("SETTING", "password_min_length=12")],
    ),
    # -- dates of birth
    ("en", "DOB 1984-07-23, member since 2019", [("DATE_OF_BIRTH", "1984-07-23")], [("DATE", "2019")]),
    ("en", "She was born on the 3rd of March 1961 in Cork.", [("DATE_OF_BIRTH", "3rd of March 1961")], []),
    ("en", "Date of birth: 12-Mar-1979\nJoined: 01/02/2020", [("DATE_OF_BIRTH", "12-Mar-1979")], []),
    (
        "en",
        '{"patient_id": 5512, "date_of_birth": "1990-11-05", "visit": "2026-11-29"}',
        [("DATE_OF_BIRTH", "1990-11-05")],
        [("DATE", "2026-11-29")],
    ),
    ("en", '{"dob": "05/14/1972", "plan": "gold"}', [("DATE_OF_BIRTH", "05/14/1972")], []),
    ("en", "birthDate=1988.02.29; country=IE", [("DATE_OF_BIRTH", "1988.02.29")], []),
    (
        "de",
        "Geb.-Datum: 7. Januar 1955, Versicherungsbeginn 01.04.2010",
        [("DATE_OF_BIRTH", "7. Januar 1955")],
        [],
    ),
    ("de", "Geburtstag: 14.02.1993", [("DATE_OF_BIRTH", "14.02.1993")], []),
    ("fr", "Né(e) le : 21/06/1969 à Lyon", [("DATE_OF_BIRTH", "21/06/1969")], []),
    ("es", "Fecha nac.: 30/09/1982 — alta 2021", [("DATE_OF_BIRTH", "30/09/1982")], []),
    ("es", "Nació el 9 de julio de 1977 en Sevilla.", [("DATE_OF_BIRTH", "9 de julio de 1977")], []),
    (
        "en",
        "The invoice dated 2026-11-02 is due on 2026-12-02; the contract began 12 March 2019.",
        [],
        [("DATE", "2026-11-02"), ("DATE", "12 March 2019")],
    ),
    # -- passports after their cues
    ("en", "Passport No.: 548210977 (issued 2019)", [("PASSPORT", "548210977")], []),
    ("en", "passport number is X4821093, expiry 2031", [("PASSPORT", "X4821093")], []),
    ("de", "Reisepass-Nr. C01X00T47, gültig bis 2030", [("PASSPORT", "C01X00T47")], []),
    ("fr", "Numéro de passeport : 19AB23456", [("PASSPORT", "19AB23456")], []),
    ("es", "Pasaporte n.º PAB123456, expedido en Madrid", [("PASSPORT", "PAB123456")], []),
    (
        "en",
        "Traveller: passport details on file; booking ref QX7T2M, seat 14C",
        [],
        [("BOOKING", "QX7T2M")],
    ),
    # -- names without a cue word, and address lines
    (
        "en",
        "Attendees\n- Priyanka Raghunathan (Finance)\n- Tobias Wendelin (Legal)\n- Agnieszka Wróblewska",
        [
            ("PERSON", "Priyanka Raghunathan"),
            ("PERSON", "Tobias Wendelin"),
            ("PERSON", "Agnieszka Wróblewska"),
        ],
        [],
    ),
    (
        "en",
        "Can you write a thank-you note to Desmond Okafor and Mireille Castagnet for the offsite?",
        [("PERSON", "Desmond Okafor"), ("PERSON", "Mireille Castagnet")],
        [],
    ),
    (
        "de",
        "Bitte das Protokoll an Annegret Pfisterer und Kilian Roßbach schicken.",
        [("PERSON", "Annegret Pfisterer"), ("PERSON", "Kilian Roßbach")],
        [],
    ),
    (
        "en",
        "id,full_name,email,plan\n101,Oluwaseun Adeyemi,o.adeyemi@example.com,pro\n102,Hedda Lindqvist,hl@example.se,free",
        [
            ("PERSON", "Oluwaseun Adeyemi"),
            ("PERSON", "Hedda Lindqvist"),
            ("EMAIL", "o.adeyemi@example.com"),
            ("EMAIL", "hl@example.se"),
        ],
        [("ORDER", "101")],
    ),
    (
        "en",
        "| Name | Team | Since |\n|---|---|---|\n| Ingeborg Halvorsen | Data | 2021 |\n| Thaddeus Mbeki | Ops | 2019 |",
        [("PERSON", "Ingeborg Halvorsen"), ("PERSON", "Thaddeus Mbeki")],
        [("YEAR", "2021")],
    ),
    (
        "en",
        "<patient><name><given>Evander</given><family>Quispe</family></name><birthDate>1977-04-02</birthDate></patient>",
        [("PERSON", "Evander"), ("PERSON", "Quispe"), ("DATE_OF_BIRTH", "1977-04-02")],
        [],
    ),
    (
        "en",
        '{"resourceType": "Patient", "name": [{"family": "Okonjo", "given": ["Adaeze", "Chioma"]}]}',
        [("PERSON", "Okonjo"), ("PERSON", "Adaeze"), ("PERSON", "Chioma")],
        [],
    ),
    (
        "de",
        "Am 28.11.2026 um 14:02 schrieb Wiebke Tjaden <w.tjaden@example.de>:\n> Passt das so?",
        [("PERSON", "Wiebke Tjaden"), ("EMAIL", "w.tjaden@example.de")],
        [],
    ),
    (
        "en",
        "Ship to:\nUnit 4, 27 Harbour View Road\nPortsmouth PO1 3LJ",
        [("ADDRESS", "Unit 4, 27 Harbour View Road")],
        [],
    ),
    (
        "en",
        "Our office moved to 1600 Amphitheatre Pkwy, Mountain View, CA 94043 last year.",
        [("ADDRESS", "1600 Amphitheatre Pkwy, Mountain View, CA 94043")],
        [],
    ),
]


def main() -> None:
    path = Path(__file__).resolve().parent / "holdout4.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for i, (lang, text, entities, non_entities) in enumerate(RECORDS):
            record = {"id": f"holdout4-{i:03d}", "lang": lang, "text": text,
                      "entities": [{"type": t, "value": v} for t, v in entities],
                      "non_entities": [{"type": t, "value": v} for t, v in non_entities]}  # fmt: skip
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
