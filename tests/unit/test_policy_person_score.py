"""Person names by scored evidence and addresses by grammar: the forms people write them in, and the
organization, product and place names that look like people and must pass untouched."""

from __future__ import annotations

import pytest

from shared.policy.engine import PolicyEngine
from shared.policy.person_score import lexicon

ENGINE = PolicyEngine()


def found(text: str, kind: str) -> set[str]:
    return {text[f.start : f.end] for f in ENGINE.scan(text) if f.type == kind}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # prose without a label: a known given name and surname, or a person cue before an unknown pair
        ("I spoke with Chinonso Eze yesterday.", "Chinonso Eze"),
        ("Please loop in Anna Schmidt before Friday.", "Anna Schmidt"),
        ("Forwarding from Priyanka Raghunathan: she asked for a refund.", "Priyanka Raghunathan"),
        ("Xiang Liu approved the budget.", "Xiang Liu"),
        ("Ping Oluwaseun Bakare about the deck.", "Oluwaseun Bakare"),
        # particles, apostrophes, initials, capitals, Vietnamese letters
        ("Le dossier a été validé par Hélène de la Croix ce matin.", "Hélène de la Croix"),
        ("On Tue, 3 Nov 2026 at 09:14, Padraig O'Sullivan wrote:", "Padraig O'Sullivan"),
        ("Invoice approved by J. R. Whitfield on behalf of the board.", "J. R. Whitfield"),
        ("The meeting with Jean DUPONT is moved.", "Jean DUPONT"),
        ("KOWALSKI, Piotr signed the lease.", "KOWALSKI, Piotr"),
        ("Best regards,\nNguyễn Văn An", "Nguyễn Văn An"),
        # greetings and sign-offs (one word is enough there), e-mail headers, lists
        ("Hey Sandeep, the build is green again.", "Sandeep"),
        ("Thanks, Tom", "Tom"),
        ("Hallo Mareike,\nanbei die Liste.\nViele Grüße\nTorben Kämmerer", "Torben Kämmerer"),
        ("Hola Begoña:\nTe paso los datos.", "Begoña"),
        ("From: Olusegun Adebayo <o.adebayo@example.org>\nSubject: rota", "Olusegun Adebayo"),
        ("Attendees\n- Priyanka Raghunathan (Finance)\n- Tobias Wendelin (Legal)", "Priyanka Raghunathan"),
        ("Bitte das Protokoll an Annegret Pfisterer und Kilian Roßbach schicken.", "Kilian Roßbach"),
        ("Thanks to Nguyen Thi Lan and Tran Van Duc for the night shift.", "Tran Van Duc"),
        ("Mañana se reúne con Ximena Quispe Mamani.", "Ximena Quispe Mamani"),
        # a time, a share, a rating or a phone number after a name is no model number
        ("Tip jar split: Ana 30%, Kwame 25%, Bea 25%.", "Kwame"),
        ("Contact on the day: Chloe Adebayo-Stone 07700 900 118", "Chloe Adebayo-Stone"),
        # thanks given to someone: the link word after the thanks is no article or place preposition
        ("Merci à Guillaume Petit pour les corrections.", "Guillaume Petit"),
        ("Gracias a Camila por organizar la fiesta.", "Camila"),
        # a role or office in apposition before the name
        ("Le commercial Martin Boulanger (et non le boulanger du coin) vous rappellera.", "Martin Boulanger"),
        (
            "Mietvertrag mit der Vermieterin Gisela Oberhuber, Maximilianstraße 40, 80539 München",
            "Gisela Oberhuber",
        ),
        ("Anwesend: J. Whitlock (chair), Lehrerin Sabine Quast. Nächster Termin", "Sabine Quast"),
        ("Paket bitte bei Nachbarin Ingeborg Rautenberg abgeben, Am Sonnenhang 3", "Ingeborg Rautenberg"),
        # kinship words, any "Label: Name", a found name's first name used again
        ("He's staying with his aunt Josefina until June.", "Josefina"),
        ("Wohnt jetzt bei ihrer Tante Gisela.", "Gisela"),
        ("Reviewer: Ngozi Eze\nTeam: Platform Reliability", "Ngozi Eze"),
        ("Attendees: Sam Okafor, Julia Brandt\n- Julia to chase the vendor", "Julia"),
        # chat exports and mentions
        ("[12/03, 09:14] María José: ya llegué\n[12/03, 09:15] Quique: voy tarde", "Quique"),
        ("11:58 PM Rasmus Nygaard: pushed the fix\n11:59 PM Keiko Tanaka: ty!", "Rasmus Nygaard"),
        ("<anna_k> did anyone restart the runner?\n<tomasz> yeah", "tomasz"),
        ("[Sunil Rao] has joined the channel\n[Ebru Demir] has left the channel", "Ebru Demir"),
        ("Jonas Weber  10:42\ncan someone review my PR?", "Jonas Weber"),
        ("thanks @dmitri for the quick turnaround", "@dmitri"),
    ],
)
def test_names_in_the_forms_people_write(text: str, name: str) -> None:
    assert name in found(text, "PERSON")


@pytest.mark.parametrize(
    ("text", "look_alike"),
    [
        # organizations: a suffix or head word, "&", a name that is a firm's
        ("We moved the cluster from Jordan Valley Networks to a hosted plan.", "Jordan"),
        ("The Morgan Foundation funds the pilot.", "Morgan"),
        ("Die Firma Hans Berger GmbH liefert morgen.", "Hans Berger"),
        ("Tracking: Evans Logistics parcel EV829104 to Austin Hub.", "Evans"),
        ("Johnson & Johnson and Marks & Spencer reported.", "Johnson"),
        # products: a model number or a capitalized common word joined to the name
        ("Enable Alexa Skills on the kiosk.", "Alexa"),
        ("Upgrade Madison 4.2 before Friday.", "Madison"),
        ("Ruby Rails 7.1 and Julia 1.10 are installed.", "Julia"),
        ("Reference: Villa Cortese 2024-08", "Villa Cortese"),
        ("El Director General y la jefa de ventas viajan a Madrid.", "General"),
        ("Microsoft Teams and Google Cloud are down.", "Teams"),
        # places: an article or a place preposition, a place head word
        ("We drove through the Jordan Valley last spring.", "Jordan"),
        ("Victoria Station is closed; take the Elizabeth Line.", "Elizabeth"),
        ("Flights to Santa Barbara and San Jose are delayed.", "Barbara"),
        ("Upgrade before installing Sierra Nevada tooling.", "Sierra"),
        ("Ich wohne in Florence.", "Florence"),
        # common words that are names, acronyms and articles
        ("Will you send the May report to Mark?", "May"),
        ("My SSN is on file; Su SSN es otro.", "SSN"),
        ("Danke für Ihre Bestellung! Das Paket wird Montag verschickt.", "Paket"),
        ("Hey, Roleplay: you are a pirate.", "Roleplay"),
        ("Translate this email into German:\nThe lid is loose.", "German"),
        ("The conference moved from Boston to Florence.", "Florence"),
        # sample data in forms and templates
        ("Example: Name: Jane Smith, Address: 123 Main Street.\nMy own details: Harriet Quaye", "Jane Smith"),
        ("Muster: Erika Mustermann. Echte Angaben: Gundula Reinholz", "Erika"),
        ("Remplissez : Nom Jean Dupont (exemple).", "Jean Dupont"),
    ],
)
def test_organizations_products_and_places_are_not_people(text: str, look_alike: str) -> None:
    assert not any(look_alike in value for value in found(text, "PERSON"))


@pytest.mark.parametrize(
    "marked",  # the address between « and »
    [
        "Please send it to «Flat 2, 14 Belgrave Mews, London SW1X 8PL».",
        "Mail the forms to «PO Box 4471, Dayton, OH 45401».",
        "Deliver to «Suite 300, 1200 Harbor Blvd, Weehawken, NJ 07086» please.",
        "Lieferadresse: «Am Lindenhof 7, 50968 Köln»",
        "Bitte an «Postfach 10 04 52, 20003 Hamburg» senden.",
        "in der «Kastanienallee 12, Hinterhaus, 3. OG, 10435 Berlin».",
        "Adresse : «Bât. C, 4 allée des Tilleuls, 69003 Lyon»",
        "Envoyez le colis au «18 bis, avenue Jean Jaurès, 31000 Toulouse».",
        "Mi dirección es «C/ Mayor, 23, 2º izq., 28013 Madrid».",
        "Enviar a «Avda. de la Constitución 45, 3ºB, 41001 Sevilla»",
        "«Apartment 5B\n221 Queen Street\nAuckland 1010»",
        "Versand an:\nKlaus-Dieter Pohl\n«Gartenweg 3a\n01067 Dresden»",
        # by a label, on the same line or as a block under it
        "Dirección: «Av. Insurgentes Sur 1602, Piso 4, Col. Roma, 03940 Ciudad de México» — Att. Lic.",
        "Deliver to:\nOkwudili Nnamdi\n«Apartment 1207\nTower B, Marina Heights\nDubai Marina, Dubai»",
        "He lives at «1520 N. Mariposa Ave., Unit 7, Los Angeles, CA 90027» until June.",
        "Contact sheet — «22 Vilakazi St, Orlando West, Soweto, 1804», mbali.d@example.co.za",
        # units and named buildings before the street, streets read back from their postcode line
        "Post it to «Flat 4, Block D, Greenway Estate, Morland Road, Croydon CR0 6NA» please.",
        "Ship to «2nd floor, 18 Harbour St, Suite 5, Halifax, NS B3J 1A1» by Friday.",
        "Besuch bei Frau Brandl, «Haus 2, Halle 7, Industriestraße 14, 86150 Augsburg».",
        "Kontakt: Lena Aarts, «Kerkstraat 12, 2000 Antwerpen», bis Montag.",
        "Skicka till «Drottninggatan 8, 111 51 Stockholm» snarast.",
        "Return: «c/o Tom Reilly, PO Box 12, Ennis, V95 T2K8».",
    ],
)
def test_addresses_with_units_boxes_and_postcode_lines(marked: str) -> None:
    address = marked[marked.index("«") + 1 : marked.index("»")]
    assert address in found(marked.replace("«", "").replace("»", ""), "ADDRESS")


def test_an_address_stops_at_the_town() -> None:
    text = "Berliner Straße 123a, 17180 München Vielen Dank für die Hilfe"
    assert found(text, "ADDRESS") == {"Berliner Straße 123a, 17180 München"}


def test_the_lexicon_knows_names_of_many_origins_and_which_are_common_words() -> None:
    lex = lexicon()
    assert {"Kenji", "Priya", "Joaquín", "Aroha"} <= lex.given
    assert {"Watanabe", "Kowalski", "Nguyễn", "Schmidt"} <= lex.surnames
    assert {"will", "valley", "skills"} <= lex.common
    assert "schmidt" not in lex.common


def test_sample_addresses_and_real_ones_after_them() -> None:
    text = "Example: 123 Main Street, Anytown.\nMy own address: 88 Kingsway Road, Hove BN3 4FF."
    assert found(text, "ADDRESS") == {"88 Kingsway Road, Hove BN3 4FF"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # one given name with no cue, weighed by the learned scorer (person_model.json)
        ("hat Wiebke den Schlüssel?", "Wiebke"),
        # a given name and a surname's initial
        ("Night handover by Marisol K. went fine.", "Marisol K."),
        # a particle opening the surname after a title or a label
        ("Please write to Mrs. Van den Bosch about the lease.", "Van den Bosch"),
        ("Nom : de la Rochefoucauld\nPrénom : Agathe", "de la Rochefoucauld"),
        # a title and a name in capitals (tickets, manifests)
        ("PAX 1: MRS INGEBORG HALVORSEN-BAKKE\nPAX 2: MSTR OLE HALVORSEN", "INGEBORG HALVORSEN-BAKKE"),
        # O'/Mc/Mac/N' names in a person column
        ("id,full_name,team\n7,Ciaran O'Rourke,Ops\n8,Isla MacKinnon,Legal", "Ciaran O'Rourke"),
        ("id,full_name,team\n7,Ciaran O'Rourke,Ops\n8,Isla MacKinnon,Legal", "Isla MacKinnon"),
        # given names written in lower case in chat
        ("ok so marisol said the build is green", "marisol"),
        ("ayer hablé con ximena y con rodrigo", "ximena"),
    ],
)
def test_names_the_learned_weights_find(text: str, name: str) -> None:
    assert name in found(text, "PERSON")


@pytest.mark.parametrize(
    "text",
    [
        "Alexa, play some jazz.",
        "Will you review it? Grace period ends in May.",
        "We flew to Florence and then drove to Siena.",
        "Registrado a las 10:03. Cargado a la tarjeta.",  # sentence-initial words the lexicon lacks
        "DR SITE FAILOVER TEST: MS TEAMS BRIDGE OPEN",  # capitals after DR / MS are no names
    ],
)
def test_the_learned_weights_leave_look_alikes(text: str) -> None:
    assert found(text, "PERSON") == set()


def test_without_weights_the_hand_score_decides(monkeypatch: pytest.MonkeyPatch) -> None:
    from shared.policy import person_model

    model = person_model.PersonModel({"p1:ask": 5.0}, bias=0.5, hand=0.0, threshold=2.9)
    assert person_model.margin(model, ["p1:ask", "unseen"], 1.0) == 5.5
    monkeypatch.setattr(person_model, "load", lambda: None)
    assert person_model.band()[0] == float("inf")  # no features are built
    assert not person_model.accept(["p1:ask"], 1.9)


def test_a_place_named_after_a_person_is_not_a_person() -> None:
    from shared.policy.engine import PolicyEngine

    text = "We stayed near Lake Louise, then drove on. Ask Louise about the lake."
    spans = [(f.start, text[f.start : f.end]) for f in PolicyEngine().scan(text) if f.type == "PERSON"]
    assert spans == [(text.rindex("Louise"), "Louise")]


@pytest.mark.parametrize(
    ("text", "person"),
    [  # a head noun before the name (FR/ES/IT/DE/NL): the place is named after the person; English
        # puts it after, and an English noun before a name is a relative clause
        ("La calle Simón Bolívar corta con la avenida San Martín. Pregunta a Marta Ruiz.", "Marta Ruiz"),
        ("On se retrouve devant la statue de Jeanne d'Arc avec Claire Dubois.", "Claire Dubois"),
        ("Rendez-vous à la station Charles de Gaulle \u2013 Étoile, dit Paul Girard.", "Paul Girard"),
        ("Dr. Lena Marchetti, Politecnico di Milano", "Lena Marchetti"),
        ("Abflug ab Flughafen Franz Josef Strauß, Fahrer: Jonas Weber", "Jonas Weber"),
        ("The station Anna Kowalski mentioned is closed.", "Anna Kowalski"),
        ("Services at St. Brigid's, Saturday; Fr. Ciarán Byrne officiates.", "Ciarán Byrne"),
    ],
)
def test_a_head_noun_before_a_name_makes_it_a_place(text: str, person: str) -> None:
    assert found(text, "PERSON") == {person}


@pytest.mark.parametrize(
    ("text", "people"),
    [  # a head noun that is also a name, capitalized or across a comma, names no place
        (
            "Asistentes: Juan Puente, María López, Pedro Gil, Ana Torres.",
            {"Juan Puente", "María López", "Pedro Gil", "Ana Torres"},
        ),
        (
            "Hablé con Juan Puente, María López y Ana Torres ayer.",
            {"Juan Puente", "María López", "Ana Torres"},
        ),
        ("I met Pedro Camino, Ana Torres and Luis Vidal.", {"Pedro Camino", "Ana Torres", "Luis Vidal"}),
        ("Yesterday Ronda Smith called me about the loan, Ronda Smith was upset.", {"Ronda Smith"}),
    ],
)
def test_a_head_noun_that_is_a_surname_keeps_the_next_name(text: str, people: set[str]) -> None:
    spans = [(f.start, f.end) for f in PolicyEngine().scan(text) if f.type == "PERSON"]
    for person in people:  # every mention sits inside a masked span ("María López y Ana Torres": one)
        at = [i for i in range(len(text)) if text.startswith(person, i)]
        assert all(any(s <= i and i + len(person) <= e for s, e in spans) for i in at), person


@pytest.mark.parametrize(
    ("text", "may_hold_a_run"),
    [
        ("You are a support assistant. Summarise the message below. Customer message: I moved house.", False),
        ("Hello there. Please reply in two sentences.", False),
        ("Hi Anna, thanks", True),  # after a greeting
        ("Name:\nAnna Schmidt", True),  # a label's value on the next line
        ("from J. Smith", True),  # an initial
        ("cc DUPONT", True),  # capitals
        ("list:Anna", True),
    ],
)
def test_the_fast_path_skips_only_texts_where_no_run_can_start(text: str, may_hold_a_run: bool) -> None:
    from shared.policy.person_score import inner_capital

    assert inner_capital(text) is may_hold_a_run


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Anna Schmidt called. She wants a refund.", "Anna Schmidt"),  # at the start: no inner capital
        ("hola ana, qué tal", "ana"),  # a given name in lower case
        ("Thanks. MR ADEBAYO OLUMIDE", "ADEBAYO OLUMIDE"),  # a title in capitals
    ],
)
def test_names_the_fast_path_cannot_see_are_still_found(text: str, name: str) -> None:
    assert name in found(text, "PERSON")


@pytest.mark.parametrize(
    ("text", "people"),
    [  # a mention is a person's unless it is a bot's or a member id (a nickname still is a person's)
        ("@devops-bot please restart staging. @mihai.popa fyi", {"@mihai.popa"}),
        ("<@U04AB12X> (Ifeoma) reacted; @dependabot opened a PR for @feli-m", {"@feli-m"}),
        ("thanks @talbot and @jin-woo", {"@talbot", "@jin-woo"}),
        # a word ending in "bot" is a surname; capitals and digits are a member id only inside "<@...>"
        (
            "Please ask @annatalbot and @ericchabot, and @JOHN99 from sales.",
            {"@annatalbot", "@ericchabot", "@JOHN99"},
        ),
        (
            "Contact @jacob-robot or @abbott_bot1 or @mariabot2 for access.",
            {"@jacob-robot", "@abbott_bot1", "@mariabot2"},
        ),
        ("ping @renovate-bot, @github-actions and @build_bot", set()),
    ],
)
def test_mentions_of_bots_and_member_ids_are_not_people(text: str, people: set[str]) -> None:
    assert {v for v in found(text, "PERSON") if v.startswith("@")} == people


@pytest.mark.parametrize(
    ("text", "people"),
    [  # what is read is a book's title; a title in guillemets, whole, is a work's; people stay people
        ("Please read Anna Karenina before book club, says Marta Ruiz.", {"Marta Ruiz"}),
        ("I read Anna Schmidt's email twice.", {"Anna Schmidt's"}),
        # only after a reading verb or a work noun: without one (« Les Misérables » et « Madame Bovary »
        # alone) Bovary is masked, as « » are FR/CH-DE's ordinary quotes (the tests below)
        (
            "Lisez « Les Misérables » et « Madame Bovary » ; Mme Rousseau interrogera les élèves.",
            {"Rousseau"},
        ),
        ("Il a dit : « Pierre Dubois est là »", {"Pierre Dubois"}),
        ("J'ai lu « Madame Bovary » hier, dit Paul Girard.", {"Paul Girard"}),
        ("Le roman « Anna Karenina » est long, dit Claire Dubois.", {"Claire Dubois"}),
        # FR/CH-DE quotes around a person's name
        ("Le client s'appelle « Marie Dubois » et habite à Lyon.", {"Marie Dubois"}),
        ("Kontoinhaber: «Hans Müller», IBAN folgt.", {"Hans Müller"}),
        ("Il m'a dit : « Jean Dupont » était son nom.", {"Jean Dupont"}),
    ],
)
def test_read_titles_and_titles_in_guillemets_are_not_people(text: str, people: set[str]) -> None:
    assert found(text, "PERSON") == people


def test_as_word_on_long_texts_answers_as_the_search_did() -> None:
    """`_as_word` reads a long text's words from one split (it searched the whole text per token, which
    made rosters quadratic); the answers equal the search's on random long texts and words, edge
    characters, accents and words inside e-mails and paths included."""
    import random

    from shared.policy import person_score

    def searched(text: str, word: str) -> bool:
        index = text.find(word)
        while index != -1:
            end = index + len(word)
            edges = person_score._PROSE_EDGE
            if (index == 0 or text[index - 1] in edges) and (end == len(text) or text[end] in edges):
                return True
            index = text.find(word, index + 1)
        return False

    rnd = random.Random(7)
    for _ in range(300):
        text = "".join(rnd.choice("ab ,\n'«»()é.-/@Xy") for _ in range(rnd.randint(2100, 2600)))
        edges = person_score.EdgeWords(text)  # one split for the text, as a scan shares it
        for _ in range(20):
            word = "".join(rnd.choice("abéxy.-/@'") for _ in range(rnd.randint(1, 4)))
            assert person_score._as_word(text, word) == searched(text, word), (word, text)
            assert person_score._as_word(text, word, edges) == searched(text, word), (word, text)
        assert edges.words() is edges.words()  # split once, kept by the scan's object only


def test_a_long_text_s_words_are_not_kept_past_its_scan() -> None:
    """The words of a long text live as long as the scan that split them (no module-level copy)."""
    import gc

    text = "Tobias Wendt and tobias met quxwordly. " * 60  # > 2,048 characters: the split path
    assert "Tobias Wendt" in found(text, "PERSON")
    gc.collect()
    kept = [o for o in gc.get_objects() if isinstance(o, frozenset) and "quxwordly." in o]
    assert kept == []


def test_the_share_of_capitals_is_read_once_per_scan() -> None:
    """`EdgeWords.few_capitals` (the "low:" feature of a lower-case candidate) gives the count it
    replaced, once per scan: each lower-case candidate counted the whole text again ("lena " repeated)."""
    from shared.policy import person_score

    for text in ("lena and tom", "Lena And Tom", "a" * 39 + "B", "a" * 41 + "B", ""):
        edges = person_score.EdgeWords(text)
        assert edges.few_capitals() == (sum(c.isupper() for c in text) * 40 < len(text))
        assert edges._few is not None  # kept for the scan's next lower-case candidate


def _repeated_reference(text: str, names: list, lex: object) -> list[tuple[int, int, float, int]]:
    """`person_score._repeated` before the fourteenth session's review (every mention tested against every
    found name's span: n^2), kept as the reference the bisect must answer as."""
    from shared.policy.person_score import _token_class

    words: set[str] = set()
    for f in names:
        parts = [w.strip(",") for w in text[f.start : f.end].split()]
        if len(parts) >= 2:
            words.update(
                w for w in parts if len(w) > 2 and w[0].isupper() and _token_class(w, lex) not in "CIgns"
            )
    covered = [(f.start, f.end) for f in names]
    out = []
    for word in words:
        index = text.find(word)
        while index != -1:
            end = index + len(word)
            if (
                (index == 0 or not text[index - 1].isalpha())
                and (end == len(text) or not text[end].isalpha())
                and not any(a <= index < b for a, b in covered)
            ):
                out.append((index, end, 3.0, index))
            index = text.find(word, end)
    return out


def test_repeated_mentions_answer_as_the_scan_of_every_span_did() -> None:
    import random

    from shared.policy.detectors import Finding
    from shared.policy.person_score import _repeated

    lex = lexicon()
    rng = random.Random(14)
    pieces = [
        "Anna",
        "Schmidt",
        "Julia",
        "Brandt",
        "Kojo",
        "Mensah",
        "and",
        "the",
        ",",
        "\n",
        "AnnaX",
        "Employer:",
    ]
    for _ in range(400):
        text = " ".join(rng.choice(pieces) for _ in range(rng.randint(1, 40)))
        names = []
        for _ in range(rng.randint(0, 6)):  # spans anywhere: overlapping, nested, empty, out of order
            a = rng.randint(0, len(text))
            names.append(Finding("PERSON", a, min(len(text), a + rng.randint(0, 25)), 0.9))
        want = _repeated_reference(text, names, lex)
        got = list(_repeated(text, names, lex))
        assert sorted(got) == sorted(want), (text, names)
