# -*- coding: utf-8 -*-
"""Hand-written PII records, English: IBAN, cards, SSN, passport, date of birth.
Checksum-bearing values come from src/generated_values.txt (gen_values.py)."""

RECORDS = [
("en", "Please pay the deposit to Constance Whitaker-Bell, IBAN GB22OYWR87887063633653, reference INV-44810.",
 [("PERSON", "Constance Whitaker-Bell"), ("IBAN", "GB22OYWR87887063633653")],
 [("ORDER_ID", "INV-44810")]),

("en", "Account holder: Declan Murphy\nIBAN: IE48 HRSJ 4489 0104 3276 65\nBIC: HRSJIE2D",
 [("PERSON", "Declan Murphy"), ("IBAN", "IE48 HRSJ 4489 0104 3276 65")],
 []),

("en", "hey can u send the 40 euros for the concert tix to NL28DRSK7967788384? thx - femke",
 [("IBAN", "NL28DRSK7967788384"), ("PERSON", "femke")],
 []),

("en", "Supplier bank details changed. Old: BE83 9759 9226 5870 (typo on last invoice, it fails validation). New: BE64 6213 4436 1298.",
 [("IBAN", "BE64 6213 4436 1298")],
 [("IBAN", "BE83 9759 9226 5870")]),

("en", "Refund to card 4632 4369 4109 3753, cardholder Imran Chaudhry, exp 09/27.",
 [("CREDIT_CARD", "4632 4369 4109 3753"), ("PERSON", "Imran Chaudhry")],
 []),

("en", "Test card for the sandbox: 4115 9142 2470 1051 (fails Luhn on purpose, should be rejected). Real card on file ends 3971.",
 [],
 [("CREDIT_CARD", "4115 9142 2470 1051")]),

("en", "Customer read out her card over the phone: 5136-8501-3682-5175, CVV withheld. Name on card: R. Okafor.",
 [("CREDIT_CARD", "5136-8501-3682-5175"), ("PERSON", "R. Okafor")],
 []),

("en", "Amex 378651023055191 was declined; customer Lionel Ashby will call back with a different card.",
 [("CREDIT_CARD", "378651023055191"), ("PERSON", "Lionel Ashby")],
 []),

("en", "Employee: Shanice Woodward\nSSN: 356-72-0763\nDOB: 04/22/1991\nStart date: 06/02/2025",
 [("PERSON", "Shanice Woodward"), ("US_SSN", "356-72-0763"), ("DATE_OF_BIRTH", "04/22/1991")],
 [("DATE", "06/02/2025")]),

("en", "W-4 form: my social is 485 40 9179, please correct it in payroll (you have 485 40 9197).",
 [("US_SSN", "485 40 9179"), ("US_SSN", "485 40 9197")],
 []),

("en", "Example SSNs in the training deck: 000-45-1724 and 666-55-3266 - both are invalid by design.",
 [],
 [("US_SSN", "000-45-1724"), ("US_SSN", "666-55-3266")]),

("en", "Passport no. 561234987 (USA), issued 2019, holder Brandon Keller, born 11 January 1985.",
 [("PASSPORT", "561234987"), ("PERSON", "Brandon Keller"), ("DATE_OF_BIRTH", "11 January 1985")],
 []),

("en", "UK passport 120398476 expires 2031-05-30. Traveller: Ms. Olivia Chambers-Nwosu.",
 [("PASSPORT", "120398476"), ("PERSON", "Ms. Olivia Chambers-Nwosu")],
 [("DATE", "2031-05-30")]),

("en", "INSERT INTO payments (payer, iban, amount) VALUES ('Kasper Nielsen', 'DK4651711351102587', 120.00), ('Aino Virtanen', 'FI1473496580664119', 95.50);",
 [("PERSON", "Kasper Nielsen"), ("IBAN", "DK4651711351102587"), ("PERSON", "Aino Virtanen"), ("IBAN", "FI1473496580664119")],
 [("MEASUREMENT", "120.00")]),

("en", "Wire instructions\nBeneficiary: Tomasz Zielinski\nIBAN: PL33 6167 2130 5541 8697 7839 9222\nAmount: 2,150.00 PLN\nPurpose: rent for March",
 [("PERSON", "Tomasz Zielinski"), ("IBAN", "PL33 6167 2130 5541 8697 7839 9222")],
 [("MEASUREMENT", "2,150.00 PLN")]),

("en", "The IBAN you entered, SE3925757856370624946316, failed the checksum. Did you mean SE1897079058699125303216?",
 [("IBAN", "SE1897079058699125303216")],
 [("IBAN", "SE3925757856370624946316")]),

("en", "card: 6011991002285322 | name: Hoang Minh Chau | zip: 94110",
 [("CREDIT_CARD", "6011991002285322"), ("PERSON", "Hoang Minh Chau")],
 []),

("en", "The customer's Mastercard 5537 8279 5786 9149 was charged twice for order 7781-AC.",
 [("CREDIT_CARD", "5537 8279 5786 9149")],
 [("ORDER_ID", "7781-AC")]),

("en", "ISBN 978-0-306-40615-7, SKU 4006381333931, card 4188646780562977 - only the last one is sensitive.",
 [("CREDIT_CARD", "4188646780562977")],
 [("ISBN", "978-0-306-40615-7"), ("SKU", "4006381333931")]),

("en", "Applicant: Ngozi Eze-Okonkwo, date of birth 30 October 1988, SSN 229-78-4217, passport A04418823.",
 [("PERSON", "Ngozi Eze-Okonkwo"), ("DATE_OF_BIRTH", "30 October 1988"), ("US_SSN", "229-78-4217"), ("PASSPORT", "A04418823")],
 []),

("en", "Tax ID field rejected: 967-81-4643 (area numbers starting with 9 are not issued as SSNs). Ask the client for the correct one.",
 [],
 [("US_SSN", "967-81-4643")]),

("en", '{"customer": "Pablo Restrepo", "card_number": "2221583722136151", "expiry": "11/26", "amount_cents": 4599}',
 [("PERSON", "Pablo Restrepo"), ("CREDIT_CARD", "2221583722136151")],
 [("MEASUREMENT", "4599")]),

("en", "Pls transfer to my Swiss account CH06 9644 046Z U8R0 2266 D, name Léa Aebischer. Merci!",
 [("IBAN", "CH06 9644 046Z U8R0 2266 D"), ("PERSON", "Léa Aebischer")],
 []),

("en", "Invoice 2025/118 - pay to AT48 3522 5934 9986 9044 (Gruber Tischlerei, owner Markus Gruber).",
 [("IBAN", "AT48 3522 5934 9986 9044"), ("PERSON", "Markus Gruber")],
 [("ORDER_ID", "2025/118"), ("ORG", "Gruber Tischlerei")]),

("en", "Card numbers in the QA fixture: 5194840017926392 (bad check digit), 374160387182630 (bad check digit). Do not use real cards.",
 [],
 [("CREDIT_CARD", "5194840017926392"), ("CREDIT_CARD", "374160387182630")]),

("en", "Name: Arjun Venkataraman | DOB: 1979-12-03 | SSN: 542-70-9632 | Member since: 2004-06-15",
 [("PERSON", "Arjun Venkataraman"), ("DATE_OF_BIRTH", "1979-12-03"), ("US_SSN", "542-70-9632")],
 [("DATE", "2004-06-15")]),

("en", "Italian supplier: IT43 I470 1361 585Q 47YR 028Y 31I - contact Giulia Ferraro for remittance advice.",
 [("IBAN", "IT43 I470 1361 585Q 47YR 028Y 31I"), ("PERSON", "Giulia Ferraro")],
 []),

("en", "Portuguese landlord's IBAN: PT49272170506325436198526 (Sr. Joaquim Teixeira).",
 [("IBAN", "PT49272170506325436198526"), ("PERSON", "Sr. Joaquim Teixeira")],
 []),

("en", "Bank statement line: 14/02 DIRECT DEBIT LU04738Y7Y55JIYHNSQ3 EUR 42.90 REF 0093345",
 [("IBAN", "LU04738Y7Y55JIYHNSQ3")],
 [("MEASUREMENT", "EUR 42.90"), ("ORDER_ID", "0093345")]),

("en", "Pay the Norwegian cabin deposit to NO33 6683 6798 839. The other number in the email, NO51 5133 5953 123, is wrong.",
 [("IBAN", "NO33 6683 6798 839")],
 [("IBAN", "NO51 5133 5953 123")]),

("en", "User typed their SSN without dashes: 118037072. Mask it in logs. The claim number 2024-00817 is fine.",
 [("US_SSN", "118037072")],
 [("ORDER_ID", "2024-00817")]),

("en", "Czech invoice: CZ39 2485 3226 4015 0808 1890, variable symbol 20250311.",
 [("IBAN", "CZ39 2485 3226 4015 0808 1890")],
 [("ORDER_ID", "20250311")]),

("en", "Form SS-5 draft\nName: Evangeline Broussard\nSSN: 083-77-8895\nPlace of birth: Lafayette, LA\nDate of birth: March 9, 1996",
 [("PERSON", "Evangeline Broussard"), ("US_SSN", "083-77-8895"), ("DATE_OF_BIRTH", "March 9, 1996")],
 [("LOCATION", "Lafayette, LA")]),

("en", "Two cards on the account: Visa 4940 3056 6909 3971 (primary), Amex 3783 113731 68678 (business). Holder: Dr. Samira Bensaid.",
 [("CREDIT_CARD", "4940 3056 6909 3971"), ("CREDIT_CARD", "3783 113731 68678"), ("PERSON", "Dr. Samira Bensaid")],
 []),

("en", "The SSN placeholder in our form is 123-45-6789? No - we switched to 129-00-7431 because group 00 is never issued.",
 [],
 [("US_SSN", "129-00-7431")]),

("en", "Danish payroll: Mette Kjærgaard-Holm, konto DK79 9426 6787 2756 67, født 1990-04-18.",
 [("PERSON", "Mette Kjærgaard-Holm"), ("IBAN", "DK79 9426 6787 2756 67"), ("DATE_OF_BIRTH", "1990-04-18")],
 []),

("en", "Please update: old card 5381 1978 3344 0956 was a typo (fails validation); the correct one is 5308 4610 1409 5568.",
 [("CREDIT_CARD", "5308 4610 1409 5568")],
 [("CREDIT_CARD", "5381 1978 3344 0956")]),

("en", "Irish account for the refund: IE68AMEF07093823166410. Note: IE31UFOU96335403634148 from the old form is invalid.",
 [("IBAN", "IE68AMEF07093823166410")],
 [("IBAN", "IE31UFOU96335403634148")]),

("en", "dob 5/17/02, ssn 733-33-6321, name kyle brennan - can u check if he's eligible",
 [("DATE_OF_BIRTH", "5/17/02"), ("US_SSN", "733-33-6321"), ("PERSON", "kyle brennan")],
 []),
]
