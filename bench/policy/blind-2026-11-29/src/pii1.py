from pii_common import *

# --- English: names, contact, SSN, address, DOB ---
r('en', "Maria Gómez: can you check why my refund hasn't arrived? It was order ORD-558213.",
  [('PERSON','Maria Gómez')], [('ORDER','ORD-558213')])
r('en', "Name: Jonathan Okafor\nEmail: j.okafor82@gmail.com\nPhone: (312) 555-0187\nPlan: Premium",
  [('PERSON','Jonathan Okafor'),('EMAIL','j.okafor82@gmail.com'),('PHONE','(312) 555-0187')])
r('en', "INSERT INTO customers (first_name, last_name, email, ssn) VALUES ('Ana', 'Pérez', 'ana.perez@outlook.com', '512-38-4471');",
  [('PERSON','Ana'),('PERSON','Pérez'),('EMAIL','ana.perez@outlook.com'),('US_SSN','512-38-4471')])
r('en', '{"customer_name": "Priya Raman", "customer_email": "priya.raman@fastmail.com", "order_id": "A-100293", "sku": "TSH-BLK-M-0042"}',
  [('PERSON','Priya Raman'),('EMAIL','priya.raman@fastmail.com')], [('ORDER','A-100293'),('SKU','TSH-BLK-M-0042')])
r('en', "Please update the file for Dr. Helen Whitfield-Park, DOB 04/17/1969, SSN 287 65 4319. She moved to 1418 Larkspur Lane, Apt 4, Boise, ID 83702.",
  [('PERSON','Dr. Helen Whitfield-Park'),('DATE_OF_BIRTH','04/17/1969'),('US_SSN','287 65 4319'),('ADDRESS','1418 Larkspur Lane, Apt 4, Boise, ID 83702')])
r('en', "hey its kevin o'brien again lol, my number changed, new one is 415.555.0134. text me there",
  [('PERSON',"kevin o'brien"),('PHONE','415.555.0134')])
r('en', "Ticket #48210 — caller Mrs. Beatrice Ann Holloway reported that her card was charged twice. Callback on 020 7946 0018 after 3pm.",
  [('PERSON','Mrs. Beatrice Ann Holloway'),('PHONE','020 7946 0018')], [('ORDER','#48210')])
r('en', "my ssn is 431906528, do you need anything else for the tax form?",
  [('US_SSN','431906528')])
r('en', "Social Security number: 219-09-7741. Employer ID 12-3456789 is for the company, not for me.",
  [('US_SSN','219-09-7741')], [('ORDER','12-3456789')])
r('en', "Ship to: Flat 3B, 12 Kensington Gardens Square, London W2 4BH. Recipient Tom Ashworth, mobile +44 7700 900461.",
  [('ADDRESS','Flat 3B, 12 Kensington Gardens Square, London W2 4BH'),('PERSON','Tom Ashworth'),('PHONE','+44 7700 900461')])
r('en', "[09:14] Luis Fernando Carvajal: anyone know the wifi password?\n[09:15] Sam Lee: it's on the fridge\n[09:15] Luis Fernando Carvajal: thx",
  [('PERSON','Luis Fernando Carvajal'),('PERSON','Sam Lee')], [('TIMESTAMP','09:14'),('TIMESTAMP','09:15')])
r('en', "Applicant born 12 March 1984 in Leeds; passport no. 533219874 (UK), expires 2031.",
  [('DATE_OF_BIRTH','12 March 1984'),('PASSPORT','533219874')], [('YEAR','2031')])
r('en', "S5N: 602-44-1837   D0B: 1977-08-03   ph0ne: 646-555-0192",
  [('US_SSN','602-44-1837'),('DATE_OF_BIRTH','1977-08-03'),('PHONE','646-555-0192')])
r('en', "e-ma1l: rachel.nguyen_tx@yahoo.com / passp0rt: 487201956",
  [('EMAIL','rachel.nguyen_tx@yahoo.com'),('PASSPORT','487201956')])
r('en', "Can you write a reminder to Bartholomew Quincy Adeyemi that his appointment moved? His email is bqa@adeyemi-family.net.",
  [('PERSON','Bartholomew Quincy Adeyemi'),('EMAIL','bqa@adeyemi-family.net')])
r('en', "Server at 10.42.7.19 keeps timing out; the app version is 10.2.0.1 and the netmask is 255.255.255.0. Gateway 192.168.1.1.",
  [('IP_ADDRESS','10.42.7.19'),('IP_ADDRESS','192.168.1.1')], [('VERSION','10.2.0.1'),('NETMASK','255.255.255.0')])
r('en', "The login spike came from 185.220.101.47 and 2001:db8:85a3::8a2e:370:7334. We upgraded nginx to 1.22.3.4 yesterday, no relation.",
  [('IP_ADDRESS','185.220.101.47'),('IP_ADDRESS','2001:db8:85a3::8a2e:370:7334')], [('VERSION','1.22.3.4')])
r('en', "Patient: Olufemi Adebayo-Cole\nDate of birth: 2 Feb 1991\nAddress: 77 Harbour Street, Unit 12, Portland, ME 04101\nMRN: MR-0028811",
  [('PERSON','Olufemi Adebayo-Cole'),('DATE_OF_BIRTH','2 Feb 1991'),('ADDRESS','77 Harbour Street, Unit 12, Portland, ME 04101')], [('ORDER','MR-0028811')])
r('en', "Quick one: forward the contract to grace.liu@lawfirm-partners.com and cc me (d.morales@corp-mail.io). Thanks, Daniel",
  [('EMAIL','grace.liu@lawfirm-partners.com'),('EMAIL','d.morales@corp-mail.io'),('PERSON','Daniel')])
r('en', "We shipped 1.234.567 units last year across 3 regions; growth 2019–2024 was 14%. Contact for the report: Wen Zhao, +1 206 555 0143.",
  [('PERSON','Wen Zhao'),('PHONE','+1 206 555 0143')], [('MEASURE','1.234.567 units'),('YEAR','2019–2024')])
r('en', "Hi, I'm Aisha. my birthday is 07/22/1998 and my phone is 555-867-0199, can you fill in the form for me?",
  [('PERSON','Aisha'),('DATE_OF_BIRTH','07/22/1998'),('PHONE','555-867-0199')])
r('en', "Tracking 1Z999AA10123456784 shows the box went to 2250 W. Ridgeway Ave, Suite 300, Chicago, IL 60608 instead of my home.",
  [('ADDRESS','2250 W. Ridgeway Ave, Suite 300, Chicago, IL 60608')], [('TRACKING','1Z999AA10123456784')])
r('en', "last_name,first_name,dob,email\nWhitaker,Joan,1958-11-30,joan.whitaker@aol.com\nNakamura,Kenji,1990-05-09,kenji.n@icloud.com",
  [('PERSON','Whitaker'),('PERSON','Joan'),('DATE_OF_BIRTH','1958-11-30'),('EMAIL','joan.whitaker@aol.com'),('PERSON','Nakamura'),('PERSON','Kenji'),('DATE_OF_BIRTH','1990-05-09'),('EMAIL','kenji.n@icloud.com')])
r('en', "Emergency contact: Mr. Rafael Santos-Oliveira (brother) – 917.555.0166 – lives at Apt 9C, 310 West 86th Street, New York, NY 10024",
  [('PERSON','Mr. Rafael Santos-Oliveira'),('PHONE','917.555.0166'),('ADDRESS','Apt 9C, 310 West 86th Street, New York, NY 10024')])
r('en', "Order INV-2026-00412 for ISBN 978-0-306-40615-7, qty 2. Customer ref CUST-88213.",
  [], [('INVOICE','INV-2026-00412'),('ISBN','978-0-306-40615-7'),('ORDER','CUST-88213')])
r('en', "The build at commit 9fceb02d0ae598e95dc970b74767f19372d61af8 broke on 2026-11-28T14:03:22Z. Request id 3f2b8c1e-7a4d-4e9b-a1c2-5d6e7f8a9b0c.",
  [], [('GIT_SHA','9fceb02d0ae598e95dc970b74767f19372d61af8'),('TIMESTAMP','2026-11-28T14:03:22Z'),('UUID','3f2b8c1e-7a4d-4e9b-a1c2-5d6e7f8a9b0c')])
r('en', "Dear Ms. O'Sullivan, your reservation is confirmed. Booking ref QX7-4421. See you on 14 December! — Front desk",
  [('PERSON',"Ms. O'Sullivan")], [('ORDER','QX7-4421')])
r('en', "Can u help me write a bday msg for my mom, her name is linda marie carter and she turns 60 on june 3rd",
  [('PERSON','linda marie carter')])
r('en', "SSN (last four only): 4471. Full SSN on file: 512 38 4471? No wait, it's 512-83-4471, sorry.",
  [('US_SSN','512 38 4471'),('US_SSN','512-83-4471')])
r('en', "Born: Sept. 9, 1962\nHometown: Tulsa\nSpouse: Deborah K. Lindqvist",
  [('DATE_OF_BIRTH','Sept. 9, 1962'),('PERSON','Deborah K. Lindqvist')])
r('en', "Please call my dentist, Dr. Anil Mehta, at 0161 496 0752 and cancel Tuesday.",
  [('PERSON','Dr. Anil Mehta'),('PHONE','0161 496 0752')])
r('en', "Firewall rule: allow 172.16.40.0/24 from 203.0.113.9; subnet mask 255.255.240.0 applies to the VPN range. Firmware 4.10.2.17.",
  [('IP_ADDRESS','172.16.40.0'),('IP_ADDRESS','203.0.113.9')], [('NETMASK','255.255.240.0'),('VERSION','4.10.2.17')])
r('en', "user: thomas_beck  full name: Thomas Beck  tel: +1-505-555-0171  addr: 18 Canyon Rd, Santa Fe, NM 87501",
  [('PERSON','Thomas Beck'),('PHONE','+1-505-555-0171'),('ADDRESS','18 Canyon Rd, Santa Fe, NM 87501')])
r('en', "Product code HX-4420-B, serial SN4829301177, warranty until 2028-01-31. Registered to Yusuf Demir.",
  [('PERSON','Yusuf Demir')], [('SKU','HX-4420-B'),('SKU','SN4829301177'),('TIMESTAMP','2028-01-31')])
r('en', "Re: the lease — tenant is Chloé Dubois-Martin, DOB 3rd of June 1991, currently at 5 Orchard Close, Cambridge CB4 1XY.",
  [('PERSON','Chloé Dubois-Martin'),('DATE_OF_BIRTH','3rd of June 1991'),('ADDRESS','5 Orchard Close, Cambridge CB4 1XY')])
r('en', "US passport number 573920184, issued to Marcus J. Whitmore, DOB 1985/10/02.",
  [('PASSPORT','573920184'),('PERSON','Marcus J. Whitmore'),('DATE_OF_BIRTH','1985/10/02')])
r('en', "ping me on signal: +1 (872) 555-0129 — or email sofia.ricci.dev@proton.me",
  [('PHONE','+1 (872) 555-0129'),('EMAIL','sofia.ricci.dev@proton.me')])
r('en', "Measured 415.555.013 mm tolerance? No — the lab sheet says 4.155 mm and 0.0134 kg. Technician: Hannah Price.",
  [('PERSON','Hannah Price')], [('MEASURE','415.555.013 mm'),('MEASURE','4.155 mm'),('MEASURE','0.0134 kg')])
r('en', "Summarize this thread:\nGeorge Abernathy: the deploy failed again\nPatricia Moon: did you clear the cache?\nGeorge Abernathy: yes twice",
  [('PERSON','George Abernathy'),('PERSON','Patricia Moon')])
r('en', "Taxpayer: Sandra Ellis  | SSN 038-71-2290 | Filing status: single | Refund: $1,204.00",
  [('PERSON','Sandra Ellis'),('US_SSN','038-71-2290')])
