"""Synthetic training texts for the person-name scorer (dev-only): `python -m dev.names.person_corpus`.

Every text is built from a template with slots, so the person spans are known by construction:
`{P}` a full name, `{G}` a given name, `{S}` a surname, `{g}` / `{p}` a given / full name in lower case,
`{U}` a full name in capitals, `{F}` surname-first ("HUANG, Yu-Ting"), `{I}` an initial and a surname
or a given name and an initial ("J. Mensah", "Keiko T."); and look-alikes that are NOT persons: `{O}`
an organization (some named after people: "Morgan Stanley"), `{L}` a place, `{R}` a product, `{W}`
software (Jenkins, Hudson), `{C}` a capitalized common word, `{M}` a month or weekday, `{T}` a team or
job title. Styles: prose, chat (speaker labels, lower case), lists and rosters, forms (EN/DE/FR/ES
labels), CSV/SQL/JSON, e-mail headers, greetings and signatures, meeting notes, OCR noise.

Names are drawn from the lexicon files (Faker's 86 locales); the trainer hides a share of them from
the lexicon so the scorer also learns names it does not know. None of the dev or blind sets' texts
are used: the templates are written here. Output: dev/names/person_train.jsonl (text, persons).
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
POLICY = ROOT / "shared" / "policy"
OUT = ROOT / "dev" / "names" / "person_train.jsonl"

ORGS = """Morgan Stanley|Goldman Sachs|Lloyds|Barclays|Deloitte|Siemens|Renault|Peugeot|Telstra|Heineken|
Wells Fargo|Ernst & Young|Johnson & Johnson|Marks & Spencer|Santander|Allianz|Bosch|Zalando|Carrefour|
Mercadona|Telefónica|Iberdrola|Danone|Michelin|Unilever|Accenture|McKinsey|Bain|Baker McKenzie|
Clifford Chance|Freshfields|Linklaters|Hogan Lovells|Ford|Toyota|Philips|Dyson|Tesco|Sainsbury's|
Walmart|Costco|Target|Kroger|Boeing|Airbus|Lufthansa|Ryanair|Vodafone|Orange|Movistar|BBVA|
Caixa|Nestlé|Roche|Novartis|Bayer|BASF|Henkel|Adidas|Puma|Decathlon|Inditex|Zara|Mango|Rolex|
Cartier|Chanel|Hermès|Dior|Lancôme|L'Oréal|Schneider Electric|Dassault|Thales|Capgemini|Atos|
Goldman|JPMorgan|Merrill Lynch|Charles Schwab|Edward Jones|Raymond James|Fidelity|Vanguard|
Ben & Jerry's|Mr Kipling|Dr. Martens|Tommy Hilfiger|Ralph Lauren|Calvin Klein|Hugo Boss|
Marc Jacobs|Kate Spade|Michael Kors|Tory Burch|Paul Smith|Ted Baker|John Lewis|Harvey Nichols|
Grainger plc|Hackney Council|Snowflake|Databricks|Atlassian|Stripe|Shopify|Salesforce|Oracle|SAP|
Deutsche Bahn|Deutsche Post|Commerzbank|Sparkasse|Volkswagen|Porsche|Audi|Citroën|Dacia|Seat|
Politecnico di Milano|University of Lagos|Trinity College|Sciences Po|Charité|Max Planck Institut|
Wendy's|Porsche|Ferrari|Dell|Mercedes|Tiffany|Lamborghini|Boots|Harrods|Selfridges|Macy's|Kellogg's|
Heinz|Disney|Marriott|Hilton|Hyatt|Ritz|McDonald's|Arby's|Walgreens|Carrier|Honeywell|Goodyear|Ikea|
Lidl|Aldi|Edeka|Rewe|Otto|Hornbach|Fnac|Darty|Leclerc|Auchan|Corte Inglés|Sephora|Cadbury|Hershey|
Kraft|Campbell|Wrigley|Gillette|Colgate|Dyson|Vuitton|Versace|Prada|Gucci|Armani|Fendi|Bulgari""".replace(
    "\n", ""
).split("|")
PRODUCTS = """iPhone|Galaxy|Pixel|Kindle|Alexa|Siri|Cortana|Clio|Golf|Polo|Fiesta|Corolla|Prius|Model Y|
Lipitor|Tylenol|Advil|Nurofen|Aspirin|Xbox|PlayStation|Switch|Surface|ThinkPad|MacBook|Walkman|
Tableau|Excel|Outlook|Photoshop|Figma|Notion|Slack|Teams|Zoom|Webex|Jira|Confluence|Trello|Asana|
Baby Oil|Nutella|Oreo|Kleenex|Post-it|Velcro|Lego|Barbie|Tesla|Roomba|Nespresso|Thermomix""".replace(
    "\n", ""
).split("|")
SOFTWARE = """Jenkins|Hudson|Ansible|Sentry|Grafana|Kafka|Django|Flask|Redis|Postgres|Terraform|Kubernetes|
Docker|Nginx|Apache|Tomcat|Jetty|Maven|Gradle|Bazel|Travis|Circle|Argo|Helm|Vault|Consul|Nomad|
Prometheus|Loki|Tempo|Jaeger|Zipkin|Celery|Airflow|Dagster|Spark|Flink|Hadoop|Hive|Pig|Sqoop|Oozie|
Ruby|Julia|Crystal|Pascal|Ada|Haskell|Elixir|Erlang|Clojure|Scala|Kotlin|Dart|Swift|Rust|Go|Perl""".replace(
    "\n", ""
).split("|")
COMMON_CAPS = """Will|Grace|Mark|Rose|Sunny|May|Bill|Frank|Faith|Hope|Joy|Amber|Ruby|Pearl|Iris|Violet|
Summer|Autumn|Dawn|Eve|Jack|Rob|Pat|Sue|Art|Bob|Dean|Drew|Gene|Guy|Hunter|Mason|Miles|Rich|Roman|
Sterling|Victor|Wade|Chase|Cliff|Clay|Dale|Glen|Grant|Heath|Lance|Max|Page|Penny|Ray|Reed|Rocky|
Ruth|Sky|Stone|Will|Young|Brown|Green|White|Black|Baker|Cook|Smith|Carpenter|Taylor|Porter|Hunt|
Rosa|Sol|Luz|Paz|Blanca|Dolores|Pilar|Rocío|Nieves|Amparo|Consuelo|Reine|Marguerite|Olive""".replace(
    "\n", ""
).split("|")
CAP_WORDS = """Please|Thanks|Note|Update|Meeting|Agenda|Budget|Report|Invoice|Order|Ticket|Release|Deploy|
Build|Status|Summary|Action|Items|Project|Review|Draft|Final|Team|Customer|Support|Sales|Finance|
Legal|Marketing|Operations|Platform|Data|Security|Engineering|Product|Design|Research|Payments|
Logistics|Billing|Infrastructure|Growth|Quality|Compliance|Procurement|Facilities|Kitchen|Garden|
Weather|Traffic|Holiday|Birthday|Wedding|Party|Dinner|Lunch|Breakfast|Coffee|Office|Home|School|
Bitte|Danke|Hinweis|Rechnung|Bestellung|Termin|Besprechung|Protokoll|Einkauf|Vertrieb|Lager|
Merci|Réunion|Facture|Commande|Rappel|Équipe|Projet|Gracias|Reunión|Factura|Pedido|Equipo|Proyecto""".replace(
    "\n", ""
).split("|")
MONTHS = """January|February|March|April|May|June|July|August|September|October|November|December|
Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Montag|Dienstag|Mittwoch|Freitag|März|Mai|
Juni|Lundi|Mardi|Mercredi|Vendredi|Avril|Juin|Juillet|Lunes|Martes|Jueves|Viernes|Abril|Mayo|Junio""".replace(
    "\n", ""
).split("|")
TEAMS = """Platform Reliability|Customer Success|Data Platform|Payments|Growth|Night Shift|Blue Team|
Red Team|Leiter Einkauf|Head of Sales|Site Reliability|Team Lead|Office Manager|Chief Financial Officer|
Directeur Commercial|Responsable Logistique|Jefe de Ventas|Product Owner|Scrum Master|Tech Lead""".replace(
    "\n", ""
).split("|")
FIRM_SUFFIXES = ["& Co", "GmbH", "Ltd", "Inc.", "S.A.", "Partners", "Bank"]
PARTICLES = ["van", "van der", "de", "de la", "von", "del", "da", "di", "Le", "Mac", "bin", "dos"]

# Templates: one string per line; "|" separates alternatives written in other languages or styles.
PROSE = r"""
Thanks {G}! {G2} and I will bring dessert.
{G} escalated to {G2} after the first page.
Kudos to {G} for the migration and {G2} for the cleanup.
Can you ask {G} if {G2} is still coming?
Please add {G} and {G2} to the channel.
Hey team, {G} from {T} is joining us {M}. Please say hi!
{G} and {G2} are presenting at the {O} summit.
I think {G} or maybe {G2} owns the deck.
Whose turn is it for dishes? {G}? {G2}?
Driver {G} will collect from {L} and drop the boxes.
Please route this to {T}: {G} handles the {O} account.
Ask {S} about it, he owns the billing service now.
{S} is presenting at the offsite.
{S} and {S2} are on call this weekend.
Lunch with {G} and {G2} on {M}?
{P} approved the budget on {M}.
I spoke with {P} yesterday about the lease.
The contract was signed by {P} and witnessed by {P2}.
{P} will take over from {P2} next week.
We met {P} at the {O} stand in {L}.
Got a message from {G}, she says the flat in {L} is free.
{G} said the {R} is broken again.
{G} wants the {R} license moved to {G2}.
Send the refund to my sister {G} at the old address.
Lease between {P} ("Tenant") and {O} ("Landlord").
It was {G} who found the bug, not {G2}.
Birthday list: {G} on 3 Jan, {G2} on 19 Oct.
The new intern is {G}, say hello.
My neighbour {P} looks after the cat while we are in {L}.
According to {P}, the shipment left {L} on {M}.
Handover from night shift ({I}): bed 4 stable.
Is {P} the same person as {I} on the list?
Tell {G} the keys are with {P}.
{G}'s flat is above the bakery.
I rented from {P} last summer, nice people.
This came from {G}: the {W} job failed again.
{W} failed on host db-02. {G} can you look?
{W} is green, {G} restarted it.
The {W} runner is down, ask {G}.
{O} analysts met in {L} on {M}.
{O} and {O2} reported results on {M}.
We flew from {L} to {L2} with {O}.
The {C} of the matter is that {O} pays late.
{C} is in the air, the {R} sold out in {L}.
{R} and {R2} were on the shopping list.
Visit {L} in {M}, the weather is mild.
{M} is fine for the review; {T} will join.
Our {T} signed off the {O} deal.
{L} and {L2} are both sold out.
Call {O} support about the {R}.
{G} {S}, {G2} {S2} and {G3} will attend.
Gestern haben {G} und {G2} den Server neu aufgesetzt, {W} läuft wieder.
Frag mal {S}, der kennt sich mit {O} aus.
Bitte an {P} weiterleiten, nicht an {P2}.
{G} klärt mit {O} den Liefertermin.
Sag {G}, er soll die Kisten zu {O} bringen.
Das Paket von {P} liegt bei {O} in {L}.
Im {M} fährt {G} nach {L}.
{O} hat in {L} eine neue Filiale eröffnet.
Wir treffen {P} am {M} in {L}.
{G} hat angerufen, {G2} soll zurückrufen.
Die Unterlagen hat {P} unterschrieben.
Hier {G} und {G2} ont réparé la prod, merci à eux.
Demande à {S}, c'est lui qui gère {W}.
{G} a laissé un mot pour {G2}.
{G} préfère la {R} de {O}.
Le dossier a été validé par {P} ce matin.
{O} ou {O2} ? {G} préfère {O}.
On se retrouve à {L} avec {G} et {G2}.
Réunion avec {P} le {M} à {L}.
{P} remplace {P2} pendant les vacances.
Ayer {G} y {G2} arreglaron el servidor.
Pregúntale a {S}, él lleva lo de {W}.
Pásale esto a {G} y a {G2} antes del {M}.
{G} trae churros todos los {M}.
Quedamos en {L} con {G}.
El director financiero pidió a {G} que enviara el informe.
{P} firmó el contrato con {O} en {L}.
{O} abrió una tienda en {L}.
Le escribe {P} desde {L}.
"""
CHAT = r"""
[{t}] {G}: hat {G2} den Schlüssel?\n[{t}] {P}: ja, liegt bei {O} im Büro
[{t}] {G}: are you coming?\n[{t}] {G2}: 10 min
{G}: {W} is green\n{G2}: {W2} still shows the 502s\n{G}: ugh
{t} {P}: pushed the fix\n{t} {I}: ty!
<{h}> did anyone restart the {W} runner?\n<{h2}> yeah, {g} did it an hour ago
<{h}> morning\n<{h2}> morning {g}, {g2} is out sick
hey its {g} from the gym, {g2} gave me ur number
ok so {g} said {g2} is picking up the keys at 6
yesterday {g} and {g2} fixed it, the cache was stale
who's {g}? oh the new intern, got it
lol {g} you absolute legend
thread summary: {g} proposed the new schema, {g2} disagreed, {G} broke the tie.
ayer {g} y {g2} arreglaron el servidor
hier {g} et {g2} ont réparé la prod
gestern haben {g} und {g2} den server neu aufgesetzt
hallo {g} hier ist {g2} ruf mal zurück
my name is {g} and i live in {L}
ask {g} he knows the {W} setup
ping {g} about the {R} thing
the {O} guy, {g}, said to bring ID
{g}: anyone seen the {R} charger?\n{g2}: nope
{G} ({T}): the {O} call moved to {M}
@{h} can you review? cc {G}
git blame says {h} touched this last, ping them
{W} alert acknowledged by {h}
Ticket assigned to @{h}; reviewer @{h2}.
Standup: {G} – blocked on keys; {G2} – done with migration; {G3} – OOO
Shift rota:\nMon – {G}\nTue – {G2}\nWed – {G} / {G3}
"""
FORMS = r"""
Name: {P}\nDate: {M}\nTeam: {T}
Reviewer: {S}\nApprover: {P}\nTeam: {T}
Nom : {S}\nPrénom : {G}\nVille : {L}
Nombre: {P}\nEmpresa: {O}\nCiudad: {L}
Vorname: {G}\nNachname: {S}\nFirma: {O}\nOrt: {L}
Pharmacist: {P}. Drug: {R} 20mg.
Prescribing doctor: Dr {P}. Pharmacist: {P2}.
Travellers: MR {U}, MRS {U2}
Signed for by: {I}   Time: 14:02   Location: FRONT DOOR
Patient: {F}   MRN 0048812
Contact: {P} ({O})
Customer: {P}\nProduct: {R}\nStore: {L}
Employee: {P}, {T}
Anwesend: {P}, {P2}, {G}, {G2}
Présents : {P}, {P2}, {P3}\nAbsente excusée : {G}
Asistentes: {P}, {P2}, {G}
Attendees: {P}, {P2}\n- {G} to chase {O}
Owner: {h}\nComponent: {W}
Assignee: {P}\nLabels: {T}
Deliver to:\n{P}\nApartment 12\n{L}
Invoice to: {P}\n{O}\n{L}
ROSTER\n{F} ........ G\n{F2} ....... F
Visitor log\n10:05 {I} – {O}\n10:40 {I2} – {O2}
Encargado de turno: {G}. Repartidores: {G2}, {P}, {G3}.
Contact person / Ansprechpartner: {P}, {L}
Referees: 1) Prof. {P}, {O}; 2) Dr. {P2}, {O2}
Witness: {P}\nLocation: {L}
From the sign-in sheet:\n1. {P}\n2. {P2}\n3. {P3}
Product: {R}\nVendor: {O}\nRegion: {L}
Team: {T}\nTool: {W}\nSite: {L}
Company: {O}\nCity: {L}\nMonth: {M}
"""
STRUCTURED = r"""
full_name,department,start_date\n{P},{T},2021-03-01\n{P2},{T2},2022-07-15
nom,prenom,ville\n{S},{G},{L}\n{S2},{G2},{L2}
id,name,city\n7,{P},{L}\n8,{P2},{L2}
company,city,product\n{O},{L},{R}\n{O2},{L2},{R2}
INSERT INTO users (first_name, last_name, city) VALUES ('{G}', '{S}', '{L}');
UPDATE users SET city = '{L}' WHERE surname = '{S}';
WHERE last_name LIKE '{S}' AND first_name IN ('{G}', '{G2}')
SELECT * FROM vendors WHERE name = '{O}' AND city = '{L}';
{"name": "{P}", "email": "x@example.com", "city": "{L}"}
{"customer": {"first_name": "{G}", "last_name": "{S}"}, "product": "{R}"}
{"company": "{O}", "product": "{R}", "region": "{L}"}
{"assignee": "{P}", "reviewer": "{P2}", "tool": "{W}"}
author: {P}\nmaintainer: {P2}\nlicense: MIT
| name | role |\n|---|---|\n| {P} | {T} |\n| {P2} | {T2} |
- name: {P}\n  team: {T}\n- name: {P2}\n  team: {T2}
"""
LETTERS = r"""
Hi {G},\nthe {R} arrived.\nThanks,\n{G2}
Dear {P},\nplease find the invoice attached.\nBest regards,\n{P2}\n{T}, {O}
Cordialement,\n{P}\n{T} – {O}
Mit freundlichen Grüßen\n{P}
Sehr geehrte Frau {S},\nanbei die Unterlagen.\nViele Grüße\n{P}
Estimado Sr. {S}:\nLe escribimos en relación con su pedido.\nAtentamente,\n{P}
Bonjour {G},\nle colis est parti.\nBonne journée,\n{G2}
Hola {G}, dile a {G2} que el paquete va a {L}.
Grüß dich {G}! Sag {G2}, er soll kommen.
From: {P} <x@example.com>\nTo: {P2}\nSubject: {O} renewal
RE: RE: FW: lunch w/ {G} and {G2} thurs?
I'm {G}'s mum, she's off sick today. – {P}
"Hi, this is {G} calling from {O} about your account," the voicemail said.
Email from {h}@example.com: "Hi {G}, it's {G2}, I moved to {L}."
-- \n{P}\n{T}\n{O}
Regards,\n{G}
Thanks {O} team for the {R} demo.
Dear {T},\nthe {O} report is attached.\nBest,\n{T2}
"""
NEGATIVE = r"""
{O} delivered the car on {M}.
{O} said the update would ship in {M}.
Lunch at {O} with the {T} team.
We visited {L} last year and loved it.
{L} is lovely in {M}.
Flights to {L} via {L2} are cheaper on {M}.
Greetings from {L}!
Thanks {O}, the {R} works again.
Dear {O} support,\nmy {R} stopped charging.
Powered by {W} and {W2}.
Built with {W}; deployed on {O} cloud.
Welcome to {L}, enjoy your stay.
Meet the {O} team at booth 12.
Happy {M}! The {R} sale starts today.
{C} said nothing about it; the {R} is fine.
The {C} report from {O} is due in {M}.
{W} {W2} upgrade notes: restart the workers.
Contact {O} for a {R} replacement.
Ask {O} about the warranty.
Talk to {T} before you order from {O}.
cc {T}: the {O} invoice is late.
From {L} to {L2} by train, then on to {L3}.
Hi {T},\nthe numbers for {M} are in.\nThanks,\n{T2}
Send it to {O} in {L}.
Order from {O}'s website before {M}.
Born in {L}, raised in {L2}.
The {L} office moved to {L2}.
{R} or {R2}? Both are sold at {O}.
Our {W} server in {L} is down again.
Is {O} open on {M}?
{O}, {O2} and {O3} all reported earnings on {M}.
{O}, {O2} y {O3} abren el {M}.
{O}, {O2} und {O3} haben am {M} geöffnet.
{O}, {O2} et {O3} ferment le {M}.
We went to {L} and then on to {L2}.
Shops: {O}, {O2}, {O3}.
Destinations: {L}, {L2} and {L3}.
{G}, {G2} and {G3} all signed up on {M}.
{G}, {G2} y {P} vienen el {M}.
"""
NOISE = r"""
N4me: {P}
T0: Mr {P}
Sign-in: {P}
1 1:58 PM {P}: pushed the fix
"""

# More forms (2026-11-30, fourth session): sign-offs and greetings in more languages, role nouns before a
# name, a verb after it, lists with amounts, parentheses and quotes, "Last, First" lists, capitals in
# manifests, slashes; and the same shapes around organizations, places and products (negatives).
MORE = r"""
The file is attached. Thanks, {G}
See you there. Cheers, {G}
Un abrazo,\n{G}
Besos, {G}
Grazie mille, {G}
Abraço, {G}
LG {G}
Bisous, {G}
Merci et à bientôt, {G}
Viele Grüße, {G}
Love, {G} xx
Saludos cordiales,\n{P}
Ciao {G}, la password del wifi è nel cassetto.
Oye {G}, ¿me pasas la contraseña?
Guten Morgen {G},\ndie Lieferung kommt am {M}.
Salut {G}, c'est {G2}. Mon nouveau numéro arrive.
Hi {G}, {G2} hier. Kannst du morgen kommen?
Hola {G}, soy {G2}, te escribo por lo del piso.
Hi there, I'm {G}. My flatmate {G2} and I need a quote.
Her name is {g} and she's turning 40 on {M}.
Asking for my cousin {G} who is applying at {O}.
Our intern {G} keeps asking what the {R} does.
Write a thank-you note to our host {G}. We stayed at her flat in {L}.
A story about a girl named {G} and her grandfather {G2}.
My friend {G} lives near {L}.
Her husband {G} passed away last week.
My aunt {G} is visiting in {M}.
Mein Kollege {G} übernimmt ab {M}.
Ma collègue {G} s'en occupe.
Mi compañera {G} lo revisa mañana.
{G} has worked hard this term. He and {G2} led the science project.
{G} will be absent on {M} for a medical appointment.
{G} keeps the keys; {G2} has the alarm code.
{P} interviewed {P2} on {M}.
Talk to {G} before {M} or I'm escalating.
Mention his work with {G} and the safety rollout.
Tip split: {G} 30%, {G2} 25%, {G3} 25%, {G4} 20%.
Hosts: Sept – {G}; Oct – {G2} & {G3}; Nov – me ({G4})
glasses, handed in by staff ({G})
It crashed for user 88123 ({P}, x@example.com).
Row 14: invalid phone for lead "{P}"\nRow 15: missing email for lead "{P2}"
Candidate "{F}" — interviewed by {P}
SELECT * FROM orders WHERE customer_name IN ('{P}', '{P2}', '{P3}')
member,class,date\n"{S}, {G}",Spin,2024-03-04\n"{S2}, {G2}",Yoga,2024-03-05
991,"{S}, {G}",1992-02-30,"Flat 8"
1. {S}, {G} — $182k\n2. {S2}, {G2} — $167k\n3. {S3}, {G3} — $151k
{F} — Class of 2009 — {L}\n{F2} — Class of 2011 — {L2}
1. {S}, {G} – Lagerleiter\n2. {S2}, {G2} – Buchhaltung
  1001 | {S}, {G}  | 2015-03-02\n  1002 | {S2}, {G2}  | 2018-11-19
SURNAME      GIVEN NAMES      NATIONALITY\n{A}     {B} {B2}     NGA\n{A2}     {B3}     SWE
me: {A}/{B} and {A}/{B2} MR
CONSIGNEE: {U}\n{L}
Planning astreintes\nLundi : {G}\nMardi : {P}\nMercredi : {G2}
#1 {P} — card refund — $20.00\n#2 {P2} — store credit — $12.50
"Dr.","{G}","{S}","{O}"\n"Ms.","{G2}","{S2}","{O2}"
{"first": "{G}", "last": "{S}", "city": "{L}"}
Present: Chair {P}, Treasurer {P2}, Sec. {P3}
Apologies: Cllr. {P}
Klingel: {S}/{S2}
father of {G}, {G2} and {G3}, passed peacefully at home.
From me, {G} and little {G2}.
[09:14] {p}: did anyone get the PO?
{g}: did you call the plumber\n{g2}: yes, {g3}'s coming tmrw
{G}: can we get cereal\n{G2}: +1
Stylist: {P}\nLocation: {L}
Lleva tu DNI y el de {G}.
Merci à {P} pour les corrections.
I, {P}, authorise my brother {P2} to collect the permit.
"""
MORE_NEGATIVE = r"""
Thanks, {O} – the parcel arrived.
Cheers, {T}
Greetings from {L}, the weather is lovely.
Ciao {L}! Arriviamo a {M}.
Market share: {O} 30%, {O2} 25%, {O3} 20%.
Hosts: Sept – {L}; Oct – {L2}
handed in at reception ({O})
Row 14: invalid SKU for product "{R}"
SELECT * FROM stores WHERE city IN ('{L}', '{L2}')
vendor,city,date\n"{O}",{L},2024-03-04\n"{O2}",{L2},2024-03-05
1. {O} — $182k\n2. {O2} — $167k
{O} — Class A shares — {L}
CONSIGNEE: {O}\n{L}
Lundi : {T}\nMardi : {T2}
#1 {R} — refund — $20.00\n#2 {R2} — store credit — $12.50
Our intern program at {O} starts in {M}.
Talk to {T} before {M}.
My friend works at {O} in {L}.
Supplier: {S} GmbH, {L}
Billing: {S} & Co, {L}
Contractor: {S} Ltd
Invoice from {S} Inc. for the {R}.
The {R} {v} release fixed the crash.
Upgrade {W} to {v} before {M}.
Please list the entities: "{O} and {O2} opened offices in {L}."
{C} sale starts {M}; {C2} collection follows.
"""
STYLES = {
    "more": MORE,
    "more_negative": MORE_NEGATIVE,
    "prose": PROSE,
    "negative": NEGATIVE,
    "chat": CHAT,
    "forms": FORMS,
    "structured": STRUCTURED,
    "letters": LETTERS,
    "noise": NOISE,
}
_SLOT = re.compile(r"\{([A-Za-z])(\d?)\}")
_OCR = str.maketrans({"o": "0", "i": "1", "l": "1", "e": "3", "a": "4", "s": "5"})


class Pools:
    def __init__(self, rng: random.Random) -> None:
        def read(name: str) -> list[str]:
            return sorted(w for w in (POLICY / name).read_text(encoding="utf-8").split() if w[0] != "#")

        common = set((POLICY / "common_words.txt").read_text(encoding="utf-8").split())
        self.rng = rng
        given = read("given_names.txt")
        self.given = [w for w in given if w.lower() not in common and len(w) > 2]
        self.given_common = [w for w in given if w.lower() in common]
        self.surnames = [w for w in read("surnames.txt") if w.lower() not in common and len(w) > 2]
        self.surnames_common = [w for w in read("surnames.txt") if w.lower() in common]
        self.places = [p for p in (POLICY / "places.txt").read_text(encoding="utf-8").splitlines() if p]

    def given_name(self) -> str:
        r = self.rng.random()
        if r < 0.06:
            return self.rng.choice(self.given_common)  # "Rose", "Grace" as a name
        name = self.rng.choice(self.given)
        if r < 0.12:
            name = f"{name}-{self.rng.choice(self.given)}"
        return name

    def surname(self) -> str:
        r = self.rng.random()
        if r < 0.08:
            return self.rng.choice(self.surnames_common)  # "Baker"
        name = self.rng.choice(self.surnames)
        if r < 0.16:
            return f"{self.rng.choice(PARTICLES)} {name}"
        if r < 0.22:
            return f"{name}-{self.rng.choice(self.surnames)}"
        if r < 0.25:
            return "O'" + name
        return name

    def full(self) -> str:
        r = self.rng.random()
        if r < 0.12:
            return f"{self.given_name()} {self.given_name()} {self.surname()}"
        if r < 0.18:
            return f"{self.given_name()} {self.rng.choice('ABCDEFGHJKLMNPRSTW')}. {self.surname()}"
        return f"{self.given_name()} {self.surname()}"

    def handle(self) -> str:
        g, s = self.given_name().lower(), self.surname().lower().replace(" ", "").replace("'", "")
        return self.rng.choice([g[0] + s, g + "_" + s[0], g + "." + s[0], g, g + s[:3]])

    def fill(self, slot: str) -> tuple[str, bool]:
        """The value of a slot and whether it is a person."""
        rng = self.rng
        if slot == "P":
            return self.full(), True
        if slot == "G":
            return self.given_name(), True
        if slot == "S":
            return self.surname(), True
        if slot == "g":
            return self.given_name().lower(), True
        if slot == "U":
            return self.full().upper(), True
        if slot == "A":
            return self.surname().upper(), True
        if slot == "B":
            return self.given_name().upper(), True
        if slot == "p":
            return self.full().lower(), True
        if slot == "v":
            return f"{rng.randint(1, 12)}.{rng.randint(0, 9)}", False
        if slot == "F":
            return f"{self.surname().upper()}, {self.given_name()}", True
        if slot == "I":
            if rng.random() < 0.5:
                return f"{rng.choice('ABCDEFGHJKLMNPRSTW')}. {self.surname()}", True
            return f"{self.given_name()} {rng.choice('ABCDEFGHJKLMNPRSTW')}.", True
        if slot == "h":
            return self.handle(), True
        if slot == "O":
            if rng.random() < 0.15:  # firms named after people
                return f"{self.surname()} {rng.choice(FIRM_SUFFIXES)}", False
            return rng.choice(ORGS), False
        if slot == "L":
            return rng.choice(self.places), False
        if slot == "R":
            return rng.choice(PRODUCTS), False
        if slot == "W":
            return rng.choice(SOFTWARE), False
        if slot == "C":
            return rng.choice(COMMON_CAPS), False
        if slot == "M":
            return rng.choice(MONTHS), False
        if slot == "T":
            return rng.choice(TEAMS), False
        if slot == "t":
            return f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}", False
        raise KeyError(slot)


def render(template: str, pools: Pools) -> tuple[str, list[str], list[str]]:
    """(text, person values, look-alike values) of one template."""
    values: dict[str, tuple[str, bool]] = {}
    out, persons, others, at = [], [], [], 0
    template = template.replace("\\n", "\n")
    for m in _SLOT.finditer(template):
        key = m.group(0)
        if key not in values:
            values[key] = pools.fill(m.group(1))
        value, person = values[key]
        out.append(template[at : m.start()])
        out.append(value)
        (persons if person else others).append(value)
        at = m.end()
    out.append(template[at:])
    return "".join(out), persons, others


def _variants(text: str, persons: list[str], rng: random.Random) -> tuple[str, list[str]]:
    """Surface noise: OCR digits for letters inside one name, a sentence in lower case, a doubled space."""
    r = rng.random()
    if r < 0.04 and persons:
        victim = rng.choice(persons)
        cut = rng.randrange(1, max(2, len(victim)))
        garbled = victim[:cut] + victim[cut:].translate(_OCR)
        if garbled != victim:
            text = text.replace(victim, garbled)
            persons = [garbled if p == victim else p for p in persons]
    return text, persons


def corpus(n_per_template: int = 10, seed: int = 20261201) -> Iterator[dict[str, object]]:
    rng = random.Random(seed)
    pools = Pools(rng)
    for style, block in STYLES.items():
        for template in (line for line in block.strip().splitlines() if line.strip()):
            for _ in range(n_per_template):
                text, persons, others = render(template, pools)
                text, persons = _variants(text, persons, rng)
                yield {
                    "style": style,
                    "text": text,
                    "persons": sorted(set(persons)),
                    "others": sorted(set(others)),
                }


def main() -> None:
    rows = list(corpus())
    OUT.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    print(f"{len(rows)} texts -> {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
