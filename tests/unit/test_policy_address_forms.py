"""Addresses in national conventions: PO boxes in many languages, Turkish, Polish, Colombian and
Nordic street lines, Belgian/Swiss box units, Argentine, Polish and Brazilian postcodes, a town after a
postcode after a district, a tail up to a contact detail; and a unit word is a whole word. Tails by
convention: Brazilian town - state, Irish county and Eircode, a Danish district letter, a province in
brackets, a Mexican state code, Viennese door numbers, Portuguese floors, Polish flats, countries."""

from __future__ import annotations

import pytest

from shared.policy.engine import PolicyEngine

ENGINE = PolicyEngine()


def addresses(text: str) -> list[str]:
    return [text[f.start : f.end] for f in ENGINE.scan(text) if f.type == "ADDRESS"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Partner: Bağdat Caddesi No: 215 D: 6, Kadıköy, 34728 İstanbul, +90 532 555 01 23.",
         "Bağdat Caddesi No: 215 D: 6, Kadıköy, 34728 İstanbul"),
        ("Expéditeur : BP 214, 97200 Fort-de-France, Martinique, +596 596 61 22 33.",
         "BP 214, 97200 Fort-de-France, Martinique"),
        ("Av. Corrientes 1234, piso 8, depto. C, C1043AAZ Buenos Aires, tel. 11 2345-6789",
         "Av. Corrientes 1234, piso 8, depto. C, C1043AAZ Buenos Aires"),
        ("Rue de la Loi 155, boîte 3, 1040 Bruxelles, IBAN BE52 1226 7244 7709",
         "Rue de la Loi 155, boîte 3, 1040 Bruxelles"),
        ("Avenue de la Gare 10, case postale 112, 1003 Lausanne, 021 312 45 67.",
         "Avenue de la Gare 10, case postale 112, 1003 Lausanne"),
        ("the return address was Private Mail Bag 18, Kumasi. A scam?", "Private Mail Bag 18, Kumasi"),
        ("Chile: Casilla 45-D, Correo Central, Santiago, ana@correo.example.cl.",
         "Casilla 45-D, Correo Central, Santiago"),
        ("Kofi – P.O. Box KA 9921, Airport, Accra – +233 20 555 0177", "P.O. Box KA 9921, Airport, Accra"),
        ("Carrera 43A # 1-50, Torre 2, Apto 1102, Medellín, +57 300 555 0188.",
         "Carrera 43A # 1-50, Torre 2, Apto 1102, Medellín"),
        ("resides at PO Box 118, Stn Main, Halifax NS B3J 2M4.", "PO Box 118, Stn Main, Halifax NS B3J 2M4"),
        ("Agnieszka Lewandowska-Nowak, ul. Długa 17/3, 31-147 Kraków, tel. +48 601 234 567.",
         "ul. Długa 17/3, 31-147 Kraków"),
        ("lägenheten ligger på Sveavägen 44, 4 tr, 113 59 Stockholm.",
         "Sveavägen 44, 4 tr, 113 59 Stockholm"),
        ("Adresse: Dorfstr. 1, 17291 Nordwestuckermark OT Schönermark. Schlüssel hat sie.",
         "Dorfstr. 1, 17291 Nordwestuckermark OT Schönermark"),
        ("Apartado de Correos 1045, 35080 Las Palmas de Gran Canaria. Destinatario: Yeray.",
         "Apartado de Correos 1045, 35080 Las Palmas de Gran Canaria"),
    ],
)  # fmt: skip
def test_national_address_forms(text: str, value: str) -> None:
    assert value in addresses(text)


def test_a_zip_code_before_a_town_leaves_the_town_in_the_address() -> None:
    assert addresses("Mail it to 1600 Pennsylvania Ave NW, Washington, DC 20500 please") == [
        "1600 Pennsylvania Ave NW, Washington, DC 20500"
    ]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # Brazil: street, number, district, town - state, CEP
        ("Entrega: Rua Haddock Lobo 595, Cerqueira César, São Paulo - SP, 01414-001. Obrigado!",
         "Rua Haddock Lobo 595, Cerqueira César, São Paulo - SP, 01414-001"),
        # Ireland: county abbreviation and Eircode
        ("Post it to 4 Harbour View, Westport, Co. Mayo F28 X2K4, Ireland.",
         "4 Harbour View, Westport, Co. Mayo F28 X2K4, Ireland"),
        # Denmark: a district letter after the town; a country in its own language
        ("Kontor: Nørrebrogade 52, 2200 København N, Danmark.", "Nørrebrogade 52, 2200 København N, Danmark"),
        # Spain and Québec: the province in brackets
        ("Calle Real 8, 15179 Oleiros (A Coruña)", "Calle Real 8, 15179 Oleiros (A Coruña)"),
        ("Livrer au 1200 Rue Saint-Denis, App. 4, Montréal (Québec) H2X 3J6 — merci.",
         "1200 Rue Saint-Denis, App. 4, Montréal (Québec) H2X 3J6"),
        # Mexico: the state's code after the town
        ("Av. Reforma 222, Col. Juárez, 06600 Ciudad de México, CDMX",
         "Av. Reforma 222, Col. Juárez, 06600 Ciudad de México, CDMX"),
        # Vienna: house/staircase/door; Portugal: floor and side
        ("Bitte an Favoritenstraße 12/3/7, 1040 Wien, Österreich schicken.",
         "Favoritenstraße 12/3/7, 1040 Wien, Österreich"),
        ("Morada: Rua do Ouro 88, 3.º Dto., 1100-063 Lisboa", "Rua do Ouro 88, 3.º Dto., 1100-063 Lisboa"),
        # Poland: the flat (lok.) after the number; a country after the town
        ("Adres: ul. Marszałkowska 10 lok. 5, 00-590 Warszawa, Polska",
         "ul. Marszałkowska 10 lok. 5, 00-590 Warszawa, Polska"),
    ],
)  # fmt: skip
def test_address_tails_by_convention(text: str, value: str) -> None:
    assert addresses(text) == [value]


def test_a_country_before_a_postcode_is_a_town() -> None:
    text = "Her address is Blk 12 Jurong West St 41, #03-22, Singapore 640012."
    assert addresses(text) == ["Blk 12 Jurong West St 41, #03-22, Singapore 640012"]
