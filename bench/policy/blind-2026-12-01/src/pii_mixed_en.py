# -*- coding: utf-8 -*-
"""Hand-written PII records, English: address-heavy and mixed documents."""

RECORDS = [
("en", "Moving checklist for Tess & Aaron:\n- old: 19 Saltmarsh Lane, Whitstable CT5 1AA\n- new: Flat 2, 7 Harbour Street, Ramsgate CT11 8HA\n- tell the bank, the GP and Nan",
 [("PERSON", "Tess"), ("PERSON", "Aaron"), ("ADDRESS", "19 Saltmarsh Lane, Whitstable CT5 1AA"), ("ADDRESS", "Flat 2, 7 Harbour Street, Ramsgate CT11 8HA")],
 []),

("en", "Shipping label\nTO: KEMAL ARSLAN\n1507 W 38TH ST UNIT B\nAUSTIN TX 78731-6010\nFROM: BRIGHTWAVE AUDIO, 60 Industrial Pkwy, Reno NV 89502",
 [("PERSON", "KEMAL ARSLAN"), ("ADDRESS", "1507 W 38TH ST UNIT B\nAUSTIN TX 78731-6010"), ("ADDRESS", "60 Industrial Pkwy, Reno NV 89502")],
 [("ORG", "BRIGHTWAVE AUDIO")]),

("en", "Hi, I'm Leonie Strauss - I live at 4 Cranberry Close, Apt 11, Galway H91 X2Y4 and my parcel keeps going to number 14.",
 [("PERSON", "Leonie Strauss"), ("ADDRESS", "4 Cranberry Close, Apt 11, Galway H91 X2Y4")],
 []),

("en", "Voter roll extract:\nPENHALIGON, Morwenna J.  - 3 Chapel Row, St Ives TR26 1LX\nTREGEAR, Jory         - 11 Fore Street, St Ives TR26 1HE",
 [("PERSON", "PENHALIGON, Morwenna J."), ("ADDRESS", "3 Chapel Row, St Ives TR26 1LX"), ("PERSON", "TREGEAR, Jory"), ("ADDRESS", "11 Fore Street, St Ives TR26 1HE")],
 []),

("en", "please update the CRM: Octavia Blessing-Mwangi moved from 220 Peachtree St NE, Atlanta, GA 30303 to 88 Magnolia Ave, Savannah, GA 31401",
 [("PERSON", "Octavia Blessing-Mwangi"), ("ADDRESS", "220 Peachtree St NE, Atlanta, GA 30303"), ("ADDRESS", "88 Magnolia Ave, Savannah, GA 31401")],
 []),

("en", "Landlord reference\nTenant: Callum McAvoy\nProperty: 2F1, 14 Marchmont Road, Edinburgh EH9 1HY\nRent always paid on time. - Fenella Dunbar, 0131 496 0751",
 [("PERSON", "Callum McAvoy"), ("ADDRESS", "2F1, 14 Marchmont Road, Edinburgh EH9 1HY"), ("PERSON", "Fenella Dunbar"), ("PHONE", "0131 496 0751")],
 []),

("en", "Registered office: Suite 5, Innovation Centre, 9 Science Park Road, Cambridge CB4 0FW. Company no. 08812345.",
 [("ADDRESS", "Suite 5, Innovation Centre, 9 Science Park Road, Cambridge CB4 0FW")],
 [("ORDER_ID", "08812345")]),

("en", "USPS returned it: 'No such number'. We had 4400 Ocean View Blvd Apt 1203, San Diego, CA 92109 - customer Rosalind Achebe says it's 4401.",
 [("ADDRESS", "4400 Ocean View Blvd Apt 1203, San Diego, CA 92109"), ("PERSON", "Rosalind Achebe")],
 []),

("en", "Emergency card\nName: Tobiah Ellsworth\nAddress: RR 2 Box 118, Millbrook, NY 12545\nAllergies: penicillin\nBlood type: O+",
 [("PERSON", "Tobiah Ellsworth"), ("ADDRESS", "RR 2 Box 118, Millbrook, NY 12545")],
 []),

("en", "<customer><name>Marguerite Okwuosa</name><street>77 Thistle Road</street><city>Dundee</city><postcode>DD2 1QR</postcode></customer>",
 [("PERSON", "Marguerite Okwuosa"), ("ADDRESS", "77 Thistle Road"), ("ADDRESS", "DD2 1QR")],
 [("LOCATION", "Dundee")]),

("en", "Hey Lorcan, the key safe is at the back gate of 31 Ferndale Crescent, Belfast BT9 6AS, code 1987. See you Sat! - Aoife",
 [("PERSON", "Lorcan"), ("ADDRESS", "31 Ferndale Crescent, Belfast BT9 6AS"), ("SECRET", "1987"), ("PERSON", "Aoife")],
 []),

("en", "Court listing: R v. Dominic Featherstone, of 5 Quarry Bank, Halifax HX3 0QP. Hearing 10:00, Court 3.",
 [("PERSON", "Dominic Featherstone"), ("ADDRESS", "5 Quarry Bank, Halifax HX3 0QP")],
 []),

("en", "We visited Lincoln, Nebraska and Washington state last year; our friend Lincoln Adeyemi lives at 902 Prairie Rd, Lincoln, NE 68502.",
 [("PERSON", "Lincoln Adeyemi"), ("ADDRESS", "902 Prairie Rd, Lincoln, NE 68502")],
 [("LOCATION", "Washington"), ("LOCATION", "Lincoln, Nebraska")]),

("en", "Pickup: Dock 3, 1200 Harbor Blvd, Long Beach, CA 90802\nDrop: Unit 14, 250 Logistics Way, Phoenix, AZ 85043\nDriver: Eduardo Saldívar, cell 602-555-0114",
 [("ADDRESS", "Dock 3, 1200 Harbor Blvd, Long Beach, CA 90802"), ("ADDRESS", "Unit 14, 250 Logistics Way, Phoenix, AZ 85043"), ("PERSON", "Eduardo Saldívar"), ("PHONE", "602-555-0114")],
 []),

("en", "The conference is at Hotel Bellavista, room allocation by Mr. Ferdinand Oyelowo. Delegates' home addresses are not required.",
 [("PERSON", "Mr. Ferdinand Oyelowo")],
 [("ORG", "Hotel Bellavista")]),

("en", "Please post the cheque to Mrs. Gladys Ashcombe, The Coach House, 2 Mill Lane, Upper Slaughter, Cheltenham GL54 2JD.",
 [("PERSON", "Mrs. Gladys Ashcombe"), ("ADDRESS", "The Coach House, 2 Mill Lane, Upper Slaughter, Cheltenham GL54 2JD")],
 []),

("en", "Order summary\nItems: Trail Runner 2 (size 10.5) x1\nShip to: Hye-jin Seo, 3350 Wilshire Blvd Ste 410, Los Angeles, CA 90010\nEst. delivery: Mar 18",
 [("PERSON", "Hye-jin Seo"), ("ADDRESS", "3350 Wilshire Blvd Ste 410, Los Angeles, CA 90010")],
 [("PRODUCT", "Trail Runner 2"), ("DATE", "Mar 18")]),

("en", "Form W-9\nName: Desiree Fontaine-Lyle\nAddress: 12 Pelican Ct\nCity, state, ZIP: Sarasota, FL 34236\nSSN: 056-24-7001",
 [("PERSON", "Desiree Fontaine-Lyle"), ("ADDRESS", "12 Pelican Ct"), ("ADDRESS", "Sarasota, FL 34236"), ("US_SSN", "056-24-7001")],
 []),

("en", "Student record: Benedikt Olawale, DOB 2008-09-14, home address 6 Juniper Walk, Milton Keynes MK10 7DS, guardian Mrs. Funmi Olawale (07700 900872).",
 [("PERSON", "Benedikt Olawale"), ("DATE_OF_BIRTH", "2008-09-14"), ("ADDRESS", "6 Juniper Walk, Milton Keynes MK10 7DS"), ("PERSON", "Mrs. Funmi Olawale"), ("PHONE", "07700 900872")],
 []),

("en", "Please find enclosed the deed for 41 Rosemount Avenue, Aberdeen AB25 2TR, sold by Mr. Hamish Lennox to Ms. Priti Bhattacharya.",
 [("ADDRESS", "41 Rosemount Avenue, Aberdeen AB25 2TR"), ("PERSON", "Mr. Hamish Lennox"), ("PERSON", "Ms. Priti Bhattacharya")],
 []),

("en", "INSERT INTO addresses (customer, line1, line2, city, zip) VALUES ('Ruby Okoro', 'Apt 7G', '350 E 21st St', 'New York', '10010');",
 [("PERSON", "Ruby Okoro"), ("ADDRESS", "Apt 7G"), ("ADDRESS", "350 E 21st St")],
 []),

("en", "Delivery failed - nobody home at 15 Beacon Hill, Kendal LA9 4EE. Card left. Call 01632 960 118 to rebook. Ref 7712-KD.",
 [("ADDRESS", "15 Beacon Hill, Kendal LA9 4EE"), ("PHONE", "01632 960 118")],
 [("ORDER_ID", "7712-KD")]),

("en", "Alumni update: Constantin Ionescu (class of 2009) now lives at 18 Wharf Road, Unit 402, Vancouver, BC V6B 1A1 and works at Northstar Robotics.",
 [("PERSON", "Constantin Ionescu"), ("ADDRESS", "18 Wharf Road, Unit 402, Vancouver, BC V6B 1A1")],
 [("ORG", "Northstar Robotics")]),

("en", "Memo: parking permits for Bay 4 (Jacqueline Oduya) and Bay 9 (Reuben Castellano-Price). Car park entrance on Victoria Street.",
 [("PERSON", "Jacqueline Oduya"), ("PERSON", "Reuben Castellano-Price")],
 [("LOCATION", "Victoria Street")]),

("en", "Sender: Mariam Tadesse, PO Box 3320, Addis Ababa\nRecipient: Yonas Haile, 44 Elm Street, Apt 3, Silver Spring, MD 20910\nContents: books, 3.1 kg",
 [("PERSON", "Mariam Tadesse"), ("ADDRESS", "PO Box 3320, Addis Ababa"), ("PERSON", "Yonas Haile"), ("ADDRESS", "44 Elm Street, Apt 3, Silver Spring, MD 20910")],
 [("MEASUREMENT", "3.1 kg")]),

("en", "Guest list table 6: Aunt Mildred, Uncle Sefton, cousin Jasper Wren, and Jasper's partner Ifeoma.",
 [("PERSON", "Aunt Mildred"), ("PERSON", "Uncle Sefton"), ("PERSON", "Jasper Wren"), ("PERSON", "Jasper"), ("PERSON", "Ifeoma")],
 []),

("en", "Incident report: staff member Wilhelmina Oakes was injured at 27 Dockside Road, Tilbury RM18 7EH on 2 April. First aider: Gareth Pugh.",
 [("PERSON", "Wilhelmina Oakes"), ("ADDRESS", "27 Dockside Road, Tilbury RM18 7EH"), ("PERSON", "Gareth Pugh")],
 [("DATE", "2 April")]),

("en", "Correct address for the invoice is c/o Ms. Rhiannon Price, Flat 6, 2 Cathedral Road, Cardiff CF11 9LJ (not the Swansea office).",
 [("PERSON", "Ms. Rhiannon Price"), ("ADDRESS", "c/o Ms. Rhiannon Price, Flat 6, 2 Cathedral Road, Cardiff CF11 9LJ")],
 [("LOCATION", "Swansea")]),
]
