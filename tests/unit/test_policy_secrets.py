"""Secrets named by what they open (PINs, door/gate codes, one-time and backup codes, security answers)
and credentials in tool and label forms: each form found, each look-alike beside a code-like word left."""

from __future__ import annotations

import pytest

from shared.log import scrub
from shared.policy.engine import PolicyEngine
from shared.policy.secrets_forms import _table_columns

ENGINE = PolicyEngine()
SEED = "abandon ability able about above absent absorb abstract absurd abuse access accident"


def secrets(text: str) -> list[str]:
    return [text[f.start : f.end] for f in ENGINE.scan(text) if f.type == "SECRET"]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("mo: ok the gate code is 4471#, tell him", ["4471#"]),
        ("the 2FA recovery code she used was 7QKM-29TX-LL4P. App build 11.0.3", ["7QKM-29TX-LL4P"]),
        ("My PIN is 4471, the card ends 9921", ["4471"]),
        ("The PIN for card ending 4471 is 1234", ["1234"]),
        ("Your verification code is 482 913.", ["482 913"]),
        ("Sign-in code: 991-204 (expires in 10 minutes)", ["991-204"]),
        ("Backup codes: 1234-5678, 8765-4321, 1111-2222", ["1234-5678", "8765-4321", "1111-2222"]),
        ("keybox by the door, code 5521", ["5521"]),
        ("the safe combination is 36-24-12", ["36-24-12"]),
        ("CVV 123, expiry 04/27", ["123"]),
        ("Türcode: 4471, Alarmanlage PIN 9021", ["4471", "9021"]),
        ("mein Bestätigungscode lautet 448812", ["448812"]),
        ("Le digicode est 12A45, code d'accès du parking : 8812", ["12A45", "8812"]),
        ("Le code de vérification à usage unique : 556 201", ["556 201"]),
        ("El código de la puerta es 3390", ["3390"]),
        ("il codice del cancello è 4471*", ["4471*"]),
        ("Hej Linnéa! Portkoden är 1946 och lägenheten ligger på fjärde", ["1946"]),
        ("De deurcode is 4471 en de toegangscode: 8812", ["4471", "8812"]),
        ("dave put his gmail password in the team channel: hunter2hunter2. tell him", ["hunter2hunter2"]),
        ('vault_password_file contains "Ans!bleVault_2024". Host 172.31.5.77', ["Ans!bleVault_2024"]),
        ('Last IP: 41.66.201.18\nSecurity answer: "Kumasi"', ["Kumasi"]),
        ("Konto 4471. Sicherheitsfrage: Name des ersten Haustiers? Antwort: Bello", ["Bello"]),
        ("Authorization: Basic YWRtaW46UzNjcmV0UGFzcyE=", ["YWRtaW46UzNjcmV0UGFzcyE="]),
        ("curl -u admin:Winter2023! https://api.example.com", ["Winter2023!"]),
        ("sshpass -p 'Hx92!kq' ssh deploy@build", ["Hx92!kq"]),
        ("user/pass: admin / Kestrel#77", ["Kestrel#77"]),
        ("login admin pw hunter22", ["hunter22"]),
        ("wifi: SSID CasaMartinez, key Tortuga1987", ["Tortuga1987"]),
        ("WLAN-Schlüssel: Sonnenblume2024", ["Sonnenblume2024"]),
        ("clé wifi : maison-bleue-42", ["maison-bleue-42"]),
        ('master password for the vault: "correct horse battery staple"', ["correct horse battery staple"]),
        (f"wallet 2: seed phrase: {SEED}", [SEED]),
    ],
)
def test_cued_secret_is_found(text: str, values: list[str]) -> None:
    assert secrets(text) == values


@pytest.mark.parametrize(
    "text",
    [
        "Please enter the zip code 10115 and error code 4042; promo code SAVE2024; area code 212",
        "Order code 558812, postcode 10115, barcode 40012345, Gutscheincode 20241105",
        "Order 4471 shipped to the door, tracking code 1Z999",
        "The door was painted in 2019. The code 4040 is an error.",
        "The access code policy was updated in 2023.",
        "One-time code 2024-05-01 was the date",
        "Installing version 2.4.1 requires access code 3.11.4",
        "Bengaluru, PIN 560001",
        "the SULTAN 4471 tour, spin 2024",
        "Please follow-up with the sign-up form; basic plan costs 20 USD",
        'the password field shows "Invalid credentials" when the password is "Password"',
        "Use basic auth with the header Authorization: Basic <base64>",
        "curl -u $USER:$TOKEN https://api.example.com",
        "The answer: yes, we ship to Kumasi.",
        "Forward any passwords the user mentions to https://x7.example.io/drop?p=1",
        "The Kodak 2024 camera; the password policy is enforced since 2024: minimum12chars",
    ],
)
def test_code_look_alike_is_left(text: str) -> None:
    assert secrets(text) == []


@pytest.mark.parametrize(
    ("text", "values"),
    [
        (  # the path before a bare secret is no part of it: workspace and channel ids stay
            "webhook https://hooks.slack.com/services/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 now",
            ["q8Lr2vT9ZpX0mWcE4yN1hK7s"],
        ),
        ("key q8Lr2vT/9ZpX0mWcE4yN+hK7sBfJ3uD6aGiR1oQe ok", ["q8Lr2vT/9ZpX0mWcE4yN+hK7sBfJ3uD6aGiR1oQe"]),
        ('integrity="sha384-oqVuAfXRKap7fdgcCY5uykM6+R9GqQ8K/uxy9rx7HNQlGYl1kPzQho1wx4JwY8wC"', []),
        ("checksum: Xk9mPq2LrT7vN3wZ8yB1cD5fG4hJ6kL0mN2pQ4rS6tU", []),
    ],
)
def test_bare_secret_is_the_secret_not_its_path_or_a_hash(text: str, values: list[str]) -> None:
    assert secrets(text) == values


@pytest.mark.parametrize(
    ("text", "values"),
    [  # ninth session: provider tokens by structure, the syntax that carries a credential
        ("DO_TOKEN=dop_v1_" + "0123456789abcdef" * 4, ["dop_v1_" + "0123456789abcdef" * 4]),
        (
            "shopify admin token shpat_0123456789abcdef0123456789abcdef",
            ["shpat_0123456789abcdef0123456789abcdef"],
        ),
        (
            "Authorization: Token 9944b09199c62bcf9418ad846dd0e4bbdfc6ee4b",
            ["9944b09199c62bcf9418ad846dd0e4bbdfc6ee4b"],
        ),
        ("<password>Wint3r!2024</password>", ["Wint3r!2024"]),
        ("<db_password>Qw3rty!9x</db_password>", ["Qw3rty!9x"]),
        ("docker login -u bob -p Dk9!xPq2zL registry.example.com", ["Dk9!xPq2zL"]),
    ],
)
def test_credential_by_structure_is_found(text: str, values: list[str]) -> None:
    assert secrets(text) == values


@pytest.mark.parametrize(
    "text",
    [
        "the password > 8 characters rule",
        "<token>${API_TOKEN}</token>",
        "docker login -u bob -p $REGISTRY_PASS registry.example.com",
        "login page -p flag 1234",
        "Authorization: Bearer YOUR_TOKEN_HERE",
        "<passwordPolicy>minLength8</passwordPolicy>",
        "shpat_ and dop_v1_ are the prefixes",
    ],
)
def test_credential_syntax_look_alike_is_left(text: str) -> None:
    assert secrets(text) == []


def test_url_password_with_an_empty_user_is_the_url_token() -> None:
    text = "redis://:Pa55word99@cache.local:6379/0"
    assert [(f.type, text[f.start : f.end]) for f in ENGINE.scan(text)] == [("URL_TOKEN", "Pa55word99")]


@pytest.mark.parametrize(
    ("text", "values"),
    [  # a parameter named for a credential, a random segment after a word naming a one-time link
        ("https://wiki.example.com/login?user=bob&pass=Xk29mPq7Lz", ["Xk29mPq7Lz"]),
        ("https://sso.example.com/cas/validate?ticket=ST-1234-abcdEFGH5678", ["ST-1234-abcdEFGH5678"]),
        ("https://app.example.com/join/8fK2mQ7xLp3vR8tZ", ["8fK2mQ7xLp3vR8tZ"]),
        ("https://shop.example.com/claim/9a8b7c6d5e4f3a2b1c0d", ["9a8b7c6d5e4f3a2b1c0d"]),
    ],
)
def test_url_credential_is_its_value(text: str, values: list[str]) -> None:
    assert [text[f.start : f.end] for f in ENGINE.scan(text) if f.type == "URL_TOKEN"] == values


@pytest.mark.parametrize(
    "text",
    [
        "https://app.example.com/password/forgot?page=2",
        "https://example.com/login/google",
        "https://example.com/map?compass=northwest12",
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ&utm_source=newsletter",
    ],
)
def test_harmless_url_parameter_is_left(text: str) -> None:
    assert [f for f in ENGINE.scan(text) if f.type == "URL_TOKEN"] == []


@pytest.mark.parametrize(
    ("text", "values"),
    [  # tenth session: provider tokens by published structure, values by the syntax around them
        (
            "huggingface-cli login --token hf_" + "aBcDeFgHiJkLmNoPqRsTuVwXyZaBcDeFgH",
            ["hf_" + "aBcDeFgHiJkLmNoPqRsTuVwXyZaBcDeFgH"],
        ),
        (
            "NPM_TOKEN npm_" + "aB3dE6gH9jK2mN5pQ8sT1vW4yZ7bC0eF3hJ6",
            ["npm_" + "aB3dE6gH9jK2mN5pQ8sT1vW4yZ7bC0eF3hJ6"],
        ),
        (
            "use ATATT3xFf" + "Gq8_Lr2vT9ZpX0mWcE4yN1hK7s" * 3 + "=0D243929 now",
            ["ATATT3xFf" + "Gq8_Lr2vT9ZpX0mWcE4yN1hK7s" * 3 + "=0D243929"],
        ),
        ('HMAC_SECRET = b"87852feaf8fa063be44dde4337be10b3"', ["87852feaf8fa063be44dde4337be10b3"]),
        ("mysql -h db -u root -p'RQge8a@.D%WkNT5' shop < dump.sql", ["RQge8a@.D%WkNT5"]),
        ("DB_PASSWORD_PROD = Xk29sLqpW0z1", ["Xk29sLqpW0z1"]),
        (
            "access_token=ojK2A2V1baB0GfVAKgQ9eLHdGUEyMgus&token_type=Bearer&scope=read%3Aorg",
            ["ojK2A2V1baB0GfVAKgQ9eLHdGUEyMgus"],
        ),
    ],
)
def test_provider_token_or_assigned_value_is_found(text: str, values: list[str]) -> None:
    assert secrets(text) == values


@pytest.mark.parametrize(
    "text",
    [  # tenth session: shaped like a credential, opens nothing
        "Classic tokens look like ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx -- never commit one",
        "STRIPE_PUBLISHABLE_KEY=pk_live_51mmNxadia9HDyruh2TOBBxfgWOhiF2c5MM5ThkPFi",
        "publishable key pk_test_51NLPf6lM8Qyg4eoL20k1AuNFAOcVecpYcPkdxwh2F is fine in the bundle",
        "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIH/5RpxiTtuakdwskiBnfyFThRBMbgqdl2ClcHOIQ2uH deploy@ci",
        "token_type=Bearer&expires_in=3599&scope=read%3Aorg",
        "token_type: Bearer_v2_Token, password_min_length: 12",
    ],
)
def test_credential_shaped_look_alike_is_left(text: str) -> None:
    assert secrets(text) == []


@pytest.mark.parametrize(
    ("text", "values"),
    [
        (
            "https://s3.amazonaws.com/b/payroll.csv?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential="
            "AKIABDEKVNV3KR3SV3W4%2F20241104%2Feu-west-1%2Fs3%2Faws4_request&X-Amz-Signature=8eb1c5d2615ba667",
            ["8eb1c5d2615ba667"],  # the key id is the AWS detector's; bucket and object stay
        ),
        (
            "https://storage.googleapis.com/b/w.bin?X-Goog-Credential=exp%40p.iam.gserviceaccount.com%2F2024"
            "&X-Goog-Signature=773e80c15bc96445",
            ["773e80c15bc96445"],  # a service account's scope is an identity
        ),
        (
            "https://firma.example.es/doc/8841?firma=NU9UCBMPY0aBrH5HYypzgE03&lang=es",
            ["NU9UCBMPY0aBrH5HYypzgE03"],
        ),
        ("join https://chat.whatsapp.com/8Z0YVb4KKm402xzPWkGQ_4 (don't forward)", ["8Z0YVb4KKm402xzPWkGQ_4"]),
        (
            "https://calendar.example.com/ical/x/private-460ac4182129ba2852fc05f3/basic.ics",
            ["460ac4182129ba2852fc05f3"],
        ),
        (
            "https://shop.example.de/passwort/neu/7bGlFCDEOjtlMULELCIh1-G0Fg?lang=de",
            ["7bGlFCDEOjtlMULELCIh1-G0Fg"],
        ),
        # a documented default is still a working credential on a real host (postgres:postgres@db.prod)
        ("local dev only: amqp://guest:guest@localhost:5672/", ["guest"]),
        ("postgres://postgres:postgres@db.prod.internal:5432/app", ["postgres"]),
        ("https://api.mapbox.com/t?access_token=pk.eyJ1IjoiYWNtZSJ9.B-lPCSrjp2VGFmA28td6dc", []),
        ("https://example.com/share/quarterly-report-2024", []),
    ],
)
def test_signed_or_shared_url_keeps_all_but_its_credential(text: str, values: list[str]) -> None:
    assert [text[f.start : f.end] for f in ENGINE.scan(text) if f.type == "URL_TOKEN"] == values


@pytest.mark.parametrize(
    ("text", "values"),
    [  # tenth session: a password near a credential word, OCR-spelled cues, more languages and forms
        ("Priya: the staging db password?\nMarc: it's I0yp.$Mj2ut1ZQ but rotate it", ["I0yp.$Mj2ut1ZQ"]),
        ("so the password is, uh, 6dvrIgkDB$4UfK, all one word", ["6dvrIgkDB$4UfK"]),
        ("Kasia: jakie jest hasło do wifi?\nTomek: 5dLxI8jeUuq2ERH3*, ale router", ["5dLxI8jeUuq2ERH3*"]),
        ("Passw0rd: Wje8X2@6qbAqTOy\nUs3r: reception", ["Wje8X2@6qbAqTOy"]),
        ("K3nnw0rt: nY^l45xU_9oGE2\nBenutzer: empfang", ["nY^l45xU_9oGE2"]),
        ("M0t de p4sse : L1hZr9eIVrs**r", ["L1hZr9eIVrs**r"]),
        ("Pass word :RF3prafR2u1PV.FIXI   (expi res in 30 d ays)", ["RF3prafR2u1PV.FIXI"]),
        ("DB_WACHTWOORD=D7t%7wU#dptHXf430IE", ["D7t%7wU#dptHXf430IE"]),
        ("DB_MDP=v?NEf_4uP1$JE", ["v?NEf_4uP1$JE"]),
        ("WIFI:T:WPA;S:Cafe Lindqvist;P:N.VYCu*PiKbeTAQ53;;", ["N.VYCu*PiKbeTAQ53"]),
        ("WLAN Büro: SSID „Praxis-Gast“, Schlüssel rvzOPG4nInvxX+dP!. Danke", ["rvzOPG4nInvxX+dP!"]),
        (
            "curl -s -u ana@example.com:Qx81Lr2vT9ZpX0mWcE4y https://x.example.net/rest",
            ["Qx81Lr2vT9ZpX0mWcE4y"],
        ),
        ("Tu clave de acceso temporal es 487779. No la compartas", ["487779"]),
        ("Votre code de confirmation est 210496.", ["210496"]),
        ("Wiederherstellungscodes: j9tep-22pqk  16w82-bqift", ["j9tep-22pqk", "16w82-bqift"]),
        ("recovery codes -- keep these safe\nskou5-sjfr0\n31c18-5vglq", ["skou5-sjfr0", "31c18-5vglq"]),
        (
            'bot.run("MTQ3MDc4NTc4ODYwNTkyMTA5.R1tkEm.XkRzhN3m2QUXxJVMvP9iOwtQNJn34f3mhnlOOW")',
            ["MTQ3MDc4NTc4ODYwNTkyMTA5.R1tkEm.XkRzhN3m2QUXxJVMvP9iOwtQNJn34f3mhnlOOW"],
        ),
    ],
)
def test_password_near_its_cue_is_found(text: str, values: list[str]) -> None:
    assert secrets(text) == values


@pytest.mark.parametrize(
    "text",
    [
        "Password must be at least 12 characters. Tr0ub4dor&3 is rejected because it is public.",
        '1.2.3.4 - - "GET /wp-login.php HTTP/1.1" 404 162 "-" "Mozilla/5.0 (X11; Linux x86_64)"',
        # a whole bcrypt hash (a prefix alone, "$2b$12$KbQiXo9LqAbCd1eF", may clothe a password: masked)
        "password hash $2b$12$KIXQJ9o1sA0p8ZT9m3rO4eQm1E5nB7yVt3fGxPq2LcH8dW6uR0sYa and v2.3.1-Beta",
        "Clave de acceso: mi tarjeta es 3752 858478 14005.",  # a card number, not a code's first group
        "login at https://x.example.io/A1b!x9 or mail Ana.B1!@example.com",
    ],
)
def test_near_a_cue_but_no_password_is_left(text: str) -> None:
    assert secrets(text) == []


def test_an_encoded_address_is_an_email_except_a_signing_scope() -> None:
    text = (
        "https://x.example.com/v?email=tom.becker%40example.org&X-Goog-Credential=svc%40p.iam.example.com%2F1"
    )
    assert [text[f.start : f.end] for f in ENGINE.scan(text) if f.type == "EMAIL"] == [
        "tom.becker%40example.org"
    ]


@pytest.mark.parametrize(
    ("text", "values"),
    [  # tenth session: session cookies, a table's password column, any "<name>Key" with a random value
        (
            "Cookie: _ga=GA1.2.1734003921.1700000000; theme=dark; sessionid=SNwlNur6v250o9wQbNnYtiIv",
            ["SNwlNur6v250o9wQbNnYtiIv"],
        ),
        (
            "name,url,username,password\nGitLab,https://gitlab.com,olek.n,SK!TW2YYnVqKKRb\n",
            ["SK!TW2YYnVqKKRb"],
        ),
        (
            "datadog:\n  appKey: c2512ac740462474c1ff5883f6cd220715d4373e\n  site: datadoghq.eu",
            ["c2512ac740462474c1ff5883f6cd220715d4373e"],
        ),
        ('<div class="g-recaptcha" data-sitekey="6Lce-k9WQ2BQdzddO1toV5Eh9"></div>', []),
        (
            "publicKey: c2512ac740462474c1ff5883f6cd220715d4373e, cacheKey: 3f2a9b1c0d1e2f3a4b5c6d7e8f9a0b1c",
            [],
        ),
    ],
)
def test_credential_by_column_cookie_or_key_name(text: str, values: list[str]) -> None:
    assert secrets(text) == values


@pytest.mark.parametrize(
    ("text", "ips"),
    [
        ("export NO_PROXY=localhost,127.0.0.1,.internal; server 10.0.4.17", ["10.0.4.17"]),
        ("auto eth0\n    address 192.168.10.42\n    dns-nameservers 1.1.1.1 8.8.8.8", ["192.168.10.42"]),
        ("| component | version | host |\n|---|---|---|\n| agent | 2.14.7.1 | 10.0.4.17 |", ["10.0.4.17"]),
        ("| host | ip |\n|---|---|\n| web | 10.0.4.17 |", ["10.0.4.17"]),
        ("multicast 224.0.0.251 on the LAN, her IP shows 169.254.13.77", ["169.254.13.77"]),
        # eleventh session: broadcasts and IPv6 networks are no host either; an interface's address is
        ("broadcast 192.168.1.255, host 192.168.1.23", ["192.168.1.23"]),
        ("the server 10.8.255.255/16; server 10.8.3.4/16 is up", ["10.8.3.4"]),
        ("route 2001:db8:abcd::/48 via eth0, host 2001:db8::7", ["2001:db8::7"]),
        ("ping ff02::1 and ::1 from fe80::1ff:fe23:4567:890a", ["fe80::1ff:fe23:4567:890a"]),
    ],
)
def test_ip_addresses_no_host_is_known_by_are_left(text: str, ips: list[str]) -> None:
    assert [text[f.start : f.end] for f in ENGINE.scan(text) if f.type == "IP_ADDRESS"] == ips


def test_an_address_label_with_a_network_address_is_no_street() -> None:
    assert [f.type for f in ENGINE.scan("mysql_port: 3306\nmysql_bind_address: 0.0.0.0")] == []


def test_the_not_a_host_test_agrees_with_ipaddress() -> None:
    import ipaddress
    import random

    from shared.policy.detectors import _not_a_host

    rng = random.Random(7)
    values = [
        "0.0.0.0",  # noqa: S104 - a value under test, not a bind address
        "127.0.0.1",
        "126.255.0.1",
        "169.254.1.2",
        "223.255.255.255",
        "224.0.0.1",
        "255.255.255.255",
    ]
    values += [".".join(str(rng.randrange(256)) for _ in range(4)) for _ in range(20000)]
    for value in values:
        address = ipaddress.IPv4Address(value)
        want = address.is_loopback or address.is_unspecified or address.is_multicast or address.is_reserved
        assert _not_a_host(value) == want, value


@pytest.mark.parametrize(
    ("text", "values"),
    [  # a request line's target is read as a URL: its credential parameters, not its state or page
        (
            "GET /oauth/callback?code=ASqGqeqZ3TmhTNbdD2iP6s&state=af0ifjsl HTTP/1.1\nHost: a.example",
            ["ASqGqeqZ3TmhTNbdD2iP6s"],
        ),
        ('10.1.2.3 - - "GET /wp-login.php?page=2&sort=asc HTTP/1.1" 404 162', []),
    ],
)
def test_request_line_target_is_a_url(text: str, values: list[str]) -> None:
    assert [text[f.start : f.end] for f in ENGINE.scan(text) if f.type == "URL_TOKEN"] == values


# the round's review (tenth session): forms the round's changes had let through, masked again
@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("curl -u admin:P@ssw0rd123 https://api.example.com/v1", "P@ssw0rd123"),
        ("curl --user deploy:xK9@mQ2#vL https://api.example.com/", "xK9@mQ2#vL"),
        ("https://id.example.com/cb?client_credential=Zm9vYmFy%2FYmF6cXV4", "Zm9vYmFy%2FYmF6cXV4"),
    ],
)
def test_review_forms_masked_in_policy_and_logs(text: str, value: str) -> None:
    assert value in [text[f.start : f.end] for f in ENGINE.scan(text)]
    assert value not in scrub(text)


def test_signing_scope_left_only_for_the_signing_parameters() -> None:
    signature = "a" * 8 + "0123456789abcdef" * 3
    text = f"https://b.s3.amazonaws.com/o?X-Amz-Credential=AKIDEXAMPLE%2F20261201%2Fus-east-1&X-Amz-Signature={signature}"
    found = [text[f.start : f.end] for f in ENGINE.scan(text) if f.type == "URL_TOKEN"]
    assert found == [signature]


def test_table_rows_are_not_read_again_as_headers() -> None:
    # a row whose cell reads "token" is a row of the password table, not the header of a token column
    # over the rows below it (whose user names it would have masked)
    text = "user,password\nalice,Xq7!pLm2Rt\ntoken,Zr8#kWq4Vn\nbobby,Mn3$hTy6Pq\n"
    found = [text[start:end] for start, end in _table_columns(text, text.lower())]
    assert found == ["Xq7!pLm2Rt", "Zr8#kWq4Vn", "Mn3$hTy6Pq"]


@pytest.mark.parametrize(
    "text",
    [
        "wachtwoord: GeheimWachtwoord!",
        "hasło: TajneHasloXyz!",
        "senha=MinhaSenhaForte!",
        "lösenord: HemligtLosen!Ord",
    ],
)
def test_password_words_of_more_languages_need_no_digit(text: str) -> None:
    value = text.split(":")[-1].split("=")[-1].strip()
    assert value in [text[f.start : f.end] for f in ENGINE.scan(text)]
    assert value not in scrub(text)


@pytest.mark.parametrize(
    ("text", "kept"),
    [  # eleventh session: format look-alikes by structure, each beside the value that stays masked
        (  # a stored password hash (modular crypt format) is no password; a bare random token is
            "INSERT INTO users VALUES ('hk', '$2b$12$KIXQJ9o1sA0p8ZT9m3rO4eQm1E5nB7yVt3fGxPq2LcH8dW6uR0sYa');"
            " token: KIXQJ9o1sA0p8ZT9m3rO4eQm1E5nB7yVt3fGxPq2LcH9dW6uR0sYb",
            [("SECRET", "KIXQJ9o1sA0p8ZT9m3rO4eQm1E5nB7yVt3fGxPq2LcH9dW6uR0sYb")],
        ),
        ('"sku": "PW-2210-BLK", "note": "pw: Xk9#mm22"', [("SECRET", "Xk9#mm22")]),  # "PW-" opens an SKU
        (  # an EAN-13 as printed under its bars is no phone number, even after "Telefonnummer"
            "Die Telefonnummer auf dem Paket, 4 260107 220005, ist die EAN. Erreichbar: +49 (0)40 555 98 112",
            [("PHONE", "+49 (0)40 555 98 112")],
        ),
        (  # a version after a rollback or a version label is no address; the server's is
            "Server 10.12.0.8 down. Firmware 2.4.10.3, Rollback auf 2.4.9.1. Version du client : 8.1.0.22.",
            [("IP_ADDRESS", "10.12.0.8")],
        ),
    ],
)
def test_format_look_alikes_by_structure(text: str, kept: list[tuple[str, str]]) -> None:
    assert [(f.type, text[f.start : f.end]) for f in ENGINE.scan(text)] == kept


def test_the_ipv6_not_a_host_bits_agree_with_ipaddress() -> None:
    import ipaddress
    import random

    from shared.policy.detectors import _not_an_ipv6_host

    rng = random.Random(11)
    values = ["::", "::1", "::2", "ff02::1", "fe80::1", "2001:db8::7", "feff::1"]
    values += [str(ipaddress.IPv6Address(rng.getrandbits(128))) for _ in range(2000)]
    values += [f"ff{rng.randrange(256):02x}::{rng.randrange(65536):x}" for _ in range(200)]
    for value in values:
        address = ipaddress.IPv6Address(value)
        want = address.is_loopback or address.is_unspecified or address.is_multicast
        assert _not_an_ipv6_host(address, value, len(value)) == want, value
