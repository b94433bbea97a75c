# -*- coding: utf-8 -*-
"""Hand-written PII records, English, addresses / phones / emails."""

RECORDS = [
("en", "Ship to: Devon Castellanos, Apt 4C, 1180 N Halsted Ave, Chicago, IL 60622. Phone (312) 555-0129. Leave with doorman.",
 [("PERSON", "Devon Castellanos"), ("ADDRESS", "Apt 4C, 1180 N Halsted Ave, Chicago, IL 60622"), ("PHONE", "(312) 555-0129")],
 []),

("en", "Ms. Harriet Lowe\n14 Albion Terrace\nLondon\nSW11 4QR\n\nDear Ms. Lowe,\nYour renewal is due.",
 [("PERSON", "Ms. Harriet Lowe"), ("ADDRESS", "14 Albion Terrace\nLondon\nSW11 4QR"), ("PERSON", "Ms. Lowe")],
 []),

("en", "You can reach me at 555.123.4567, or on the landline 555-0176 after 7pm. - Corinne",
 [("PHONE", "555.123.4567"), ("PHONE", "555-0176"), ("PERSON", "Corinne")],
 []),

("en", "Call the London office on 020 7946 0958 between 9 and 5; ask for Oliver Tennant.",
 [("PHONE", "020 7946 0958"), ("PERSON", "Oliver Tennant")],
 [("LOCATION", "London")]),

("en", "my mobile is 07700 900461, text me when ur outside, it's the blue door",
 [("PHONE", "07700 900461")],
 []),

("en", "Mailing address: PO Box 2210, Anchorage, AK 99510-2210\nAttn: Ravi Kapoor, Accounts Payable",
 [("ADDRESS", "PO Box 2210, Anchorage, AK 99510-2210"), ("PERSON", "Ravi Kapoor")],
 []),

("en", "Returns go to Unit 7, Brackmills Industrial Estate, Northampton NN4 7PB - please quote RMA-20419 on the parcel.",
 [("ADDRESS", "Unit 7, Brackmills Industrial Estate, Northampton NN4 7PB")],
 [("ORDER_ID", "RMA-20419")]),

("en", "name,street,city,state,zip,phone\nTrevor Banks,88 Birchwood Ln,Boise,ID,83702,208-555-0161\nMiriam Feld,4410 Oak Grove Dr Apt 2,Tulsa,OK,74105,918-555-0192",
 [("PERSON", "Trevor Banks"), ("ADDRESS", "88 Birchwood Ln"), ("PHONE", "208-555-0161"), ("PERSON", "Miriam Feld"), ("ADDRESS", "4410 Oak Grove Dr Apt 2"), ("PHONE", "918-555-0192")],
 []),

("en", "WhatsApp me on +49 151 2345 6789 or email jonas.albrecht@example.de if the number doesn't work.",
 [("PHONE", "+49 151 2345 6789"), ("EMAIL", "jonas.albrecht@example.de")],
 []),

("en", "The model number is 555-0100-X, the router sits at 192.168.1.1/24 with netmask 255.255.255.0, firmware 1.0.4.12.",
 [("IP_ADDRESS", "192.168.1.1")],
 [("SKU", "555-0100-X"), ("NETMASK", "255.255.255.0"), ("VERSION", "1.0.4.12")]),

("en", "Our office moved! New address: Level 3, 1 Canada Square, London E14 5AB. Phones unchanged: 020 7946 0110.",
 [("ADDRESS", "Level 3, 1 Canada Square, London E14 5AB"), ("PHONE", "020 7946 0110")],
 []),

("en", "Emergency contact: Marisol Estrada (sister) - 415.555.0188 - 2290 Fulton St #5, San Francisco, CA 94118",
 [("PERSON", "Marisol Estrada"), ("PHONE", "415.555.0188"), ("ADDRESS", "2290 Fulton St #5, San Francisco, CA 94118")],
 []),

("en", "Please forward my post to: c/o Janet Pryce, The Old Rectory, Church Lane, Little Snoring, Norfolk NR21 0AA",
 [("PERSON", "Janet Pryce"), ("ADDRESS", "c/o Janet Pryce, The Old Rectory, Church Lane, Little Snoring, Norfolk NR21 0AA")],
 []),

("en", "Deliver to: Flat 3B, 27 Larkspur Road, Didsbury, Manchester M20 6RT\nRecipient: Ayesha Siddiqui\nTel: 0161 496 0734",
 [("ADDRESS", "Flat 3B, 27 Larkspur Road, Didsbury, Manchester M20 6RT"), ("PERSON", "Ayesha Siddiqui"), ("PHONE", "0161 496 0734")],
 []),

("en", '{"recipient": {"name": "Kwabena Asante", "address": "PO Box 4471, Accra"}, "sender": "Lindiwe Dlamini", "weight": "2.4 kg"}',
 [("PERSON", "Kwabena Asante"), ("ADDRESS", "PO Box 4471, Accra"), ("PERSON", "Lindiwe Dlamini")],
 [("MEASUREMENT", "2.4 kg")]),

("en", "Bill to: Henrietta Vance\nc/o Vance & Partners\n18 Quayside, Newcastle upon Tyne NE1 3DX\nInvoice INV-2025-0412",
 [("PERSON", "Henrietta Vance"), ("ADDRESS", "c/o Vance & Partners\n18 Quayside, Newcastle upon Tyne NE1 3DX")],
 [("ORDER_ID", "INV-2025-0412")]),

("en", "Hi, I'm trying to update my address from 61 Mercer Street, Apt 12, New York, NY 10013 to 9 Willow Court, Hoboken, NJ 07030. Can you help?",
 [("ADDRESS", "61 Mercer Street, Apt 12, New York, NY 10013"), ("ADDRESS", "9 Willow Court, Hoboken, NJ 07030")],
 []),

("en", "Tracking 1Z999AA10123456784 shows the parcel at the depot; recipient Gwen Llewellyn, 5 Heol y Coed, Cardiff CF14 6HF.",
 [("PERSON", "Gwen Llewellyn"), ("ADDRESS", "5 Heol y Coed, Cardiff CF14 6HF")],
 [("TRACKING_ID", "1Z999AA10123456784")]),

("en", "Contact the site manager, Colm Byrne, on +353 87 555 0142 or at colm.byrne@example.ie.",
 [("PERSON", "Colm Byrne"), ("PHONE", "+353 87 555 0142"), ("EMAIL", "colm.byrne@example.ie")],
 []),

("en", "Reply-To: noreply@newsletter.example.com\nTo: francesca.bellini+promo@example.it\nUnsubscribe at any time.",
 [("EMAIL", "francesca.bellini+promo@example.it")],
 []),

("en", "Suite 1400, 233 S Wacker Dr, Chicago, IL 60606 is where the interview will be. Ask reception for Ms. Delacroix.",
 [("ADDRESS", "Suite 1400, 233 S Wacker Dr, Chicago, IL 60606"), ("PERSON", "Ms. Delacroix")],
 []),

("en", "Text from +1 (646) 555-0175: 'hey it's Marcus, new number, save it'",
 [("PHONE", "+1 (646) 555-0175"), ("PERSON", "Marcus")],
 []),

("en", "Sizes in stock: 10 x 20 cm, 30 x 40 cm. SKU BX-1020-WHT. Warehouse: Building 4, Dock 12.",
 [],
 [("MEASUREMENT", "10 x 20 cm"), ("SKU", "BX-1020-WHT")]),

("en", "Patient address on file: 7 Gardenia Close, Harrogate HG2 9LD; GP surgery: Oatlands Medical Centre.",
 [("ADDRESS", "7 Gardenia Close, Harrogate HG2 9LD")],
 [("ORG", "Oatlands Medical Centre")]),

("en", "Nearest branch: 400 Market Street, Philadelphia. Your personal advisor, Lorenzo Bianchi, is at lorenzo.bianchi@example-bank.com.",
 [("PERSON", "Lorenzo Bianchi"), ("EMAIL", "lorenzo.bianchi@example-bank.com")],
 []),

("en", "Billing address\nLine 1: 3/45 Beach Road\nSuburb: Bondi\nState: NSW\nPostcode: 2026\nMobile: 0491 570 110",
 [("ADDRESS", "3/45 Beach Road"), ("PHONE", "0491 570 110")],
 [("LOCATION", "Bondi")]),

("en", "Hey! Party's at mine - 22 Orchard Way, Bath BA2 4QP - from 8. Bring a bottle. Call 07700 900218 if lost. - Toby",
 [("ADDRESS", "22 Orchard Way, Bath BA2 4QP"), ("PHONE", "07700 900218"), ("PERSON", "Toby")],
 []),

("en", "Order 40-11873-22 will ship in 3-5 days to the address on your account. Questions? support@shop.example",
 [],
 [("ORDER_ID", "40-11873-22"), ("MEASUREMENT", "3-5 days")]),

("en", "Dispatch note\nConsignee: Rangi Parata\nAddress: 17 Kowhai Street, Ponsonby, Auckland 1011\nPh: +64 21 555 0193",
 [("PERSON", "Rangi Parata"), ("ADDRESS", "17 Kowhai Street, Ponsonby, Auckland 1011"), ("PHONE", "+64 21 555 0193")],
 []),

("en", "Mr. Ishaan Malhotra, Flat 9, Clarendon House, 41 Park Street, Leamington Spa CV32 4QN, telephone 01632 960 445.",
 [("PERSON", "Mr. Ishaan Malhotra"), ("ADDRESS", "Flat 9, Clarendon House, 41 Park Street, Leamington Spa CV32 4QN"), ("PHONE", "01632 960 445")],
 []),

("en", "The meeting is in Room 2.14, Turing Building; dial-in 0800 123 456, PIN 8812#.",
 [],
 [("LOCATION", "Room 2.14, Turing Building")]),

("en", "send it to abby.tran@example.com not abigail.tran@example.com, the second one bounces",
 [("EMAIL", "abby.tran@example.com"), ("EMAIL", "abigail.tran@example.com")],
 []),

("en", "RSVP to Hélène & Marcus Lindgren, 1502 Ridgeview Terrace, Austin, TX 78704, by 15 May.",
 [("PERSON", "Hélène"), ("PERSON", "Marcus Lindgren"), ("ADDRESS", "1502 Ridgeview Terrace, Austin, TX 78704")],
 [("DATE", "15 May")]),

("en", "Contractor details:\n  Name: Zeynep Aydın\n  Address: Rm 5, 12/F, Tower B, 88 Queensway, Admiralty, Hong Kong\n  Phone: +852 5555 0137",
 [("PERSON", "Zeynep Aydın"), ("ADDRESS", "Rm 5, 12/F, Tower B, 88 Queensway, Admiralty, Hong Kong"), ("PHONE", "+852 5555 0137")],
 []),

("en", "Headquarters: Fairbanks Group, Fairbanks House, Canary Wharf. Visitor parking is in Car Park 2.",
 [],
 [("ORG", "Fairbanks Group")]),

("en", "Your driver Nasir is 4 minutes away in a grey Toyota Prius, plate KX19 ABU. Pickup: 10 Downing Lane, Reading RG1 3BD.",
 [("PERSON", "Nasir"), ("ADDRESS", "10 Downing Lane, Reading RG1 3BD")],
 [("PRODUCT", "Toyota Prius")]),

("en", "Landlord: Mr. Desmond Yeo, 2 Kensington Mews, Edinburgh EH3 6LP, 0131 496 0028, desmond.yeo@example.co.uk",
 [("PERSON", "Mr. Desmond Yeo"), ("ADDRESS", "2 Kensington Mews, Edinburgh EH3 6LP"), ("PHONE", "0131 496 0028"), ("EMAIL", "desmond.yeo@example.co.uk")],
 []),

("en", "Sorry, wrong number! I'm looking for Bettina, she used to have 617-555-0102.",
 [("PERSON", "Bettina"), ("PHONE", "617-555-0102")],
 []),

("en", "PO Box 771\nHamilton HM CX\nBermuda\n\nAttention: Claims Department",
 [("ADDRESS", "PO Box 771\nHamilton HM CX\nBermuda")],
 []),

("en", "Screen resolution 1920x1080, refresh 144 Hz, IP rating IP67, model 2024.1.7.",
 [],
 [("MEASUREMENT", "1920x1080"), ("MEASUREMENT", "144 Hz"), ("VERSION", "2024.1.7")]),

("en", "Neighbour dispute: complainant Glenda Moss (No. 12 Primrose Hill Rd) vs. respondent Kieran Doyle (No. 14). Both at Primrose Hill Rd, Sheffield S7 1AB.",
 [("PERSON", "Glenda Moss"), ("PERSON", "Kieran Doyle"), ("ADDRESS", "No. 12 Primrose Hill Rd"), ("ADDRESS", "Primrose Hill Rd, Sheffield S7 1AB")],
 []),

("en", "New York office: 1250 Broadway, 36th Floor, New York, NY 10001 - main line (212) 555-0100, fax (212) 555-0101.",
 [("ADDRESS", "1250 Broadway, 36th Floor, New York, NY 10001"), ("PHONE", "(212) 555-0100"), ("PHONE", "(212) 555-0101")],
 []),

("en", "Hi Priyanka, your courier will collect from 8 Hawthorn Ave, Apt 301, Toronto, ON M4K 1N2 tomorrow between 9-12.",
 [("PERSON", "Priyanka"), ("ADDRESS", "8 Hawthorn Ave, Apt 301, Toronto, ON M4K 1N2")],
 []),
]
