"""More generated texts for the name recognizer's CRF (dev-only): `python -m dev.names.crf_corpus`.

`person_corpus.py` writes mostly cued names (titles, greetings, labels). This adds what the CRF must
learn to propose without a cue, in EN/DE/FR/ES/IT/PT/NL: names as subjects and objects of running
text, single given names, speaker labels in other markup (bold, brackets, "wrote:", arrows, tables),
handles, JSON/CSV/SQL values, "SURNAME Given", capitals, initials, possessives, vocatives; names
invented from syllables of several languages' sound patterns (no list knows them: `{N}` one word,
`{Q}` given + surname); and look-alikes in the same positions (`{E}` eponyms: firms, stations,
streets, hospitals, prizes and products named after people; `{H}` headings and capitalized phrases),
besides person_corpus's firms, places, products, software, months and teams. Slots and rendering are
person_corpus's. Output: dev/names/crf_train.jsonl (text, persons, others).
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator

from dev.names.person_corpus import ROOT, Pools, render

OUT = ROOT / "dev" / "names" / "crf_train.jsonl"

# Syllables by sound pattern (East/West African, East/South Asian, Slavic, Polynesian, Nordic, Romance):
# combined into names no lexicon lists ("Tsegawe", "Nomkhulo", "Ravindhu")
_ONSETS = "b d f g h j k l m n p r s t v w y z ts ch sh kh ny ng mb nd th dh bh zh kw".split()
_VOWELS = "a e i o u a a e i o ai ei ou ia".split()
_CODAS = ["", "", "", "n", "m", "r", "l", "s", "k", "t", "ng", "h"]
EPONYMS = """Victoria Station|King's Cross|Abbey Road|Marie Curie Hospital|Johns Hopkins|Hotel Adlon|
Nobel Prize|Pulitzer Prize|Wellcome Trust|Carnegie Hall|Ford Foundation|Lincoln Center|Simón Bolívar Airport|
Charles de Gaulle|Gare Saint-Lazare|Estación Atocha|Rue Victor Hugo|Avenida Juan Carlos|Karl-Marx-Allee|
Goethe-Institut|Max-Planck-Gesellschaft|Fraunhofer|Kaiser Permanente|Mayo Clinic|Ben Nevis|Mount Kenya|
Lake Victoria|Hudson Bay|Louis Vuitton|Hugo Boss|Tommy Hilfiger|Jack Daniel's|Johnnie Walker|Dr Pepper|
Ralph Lauren|Calvin Klein|Adobe Acrobat|Edison Bulb|Tesla Coil|Parkinson's disease|Alzheimer's|Down syndrome|
Doppler radar|Kalman filter|Fourier transform|Bayes rule|Turing Award|Fields Medal|Kepler Telescope|
Darwin Centre|Newton Street|Einsteinstraße|Picasso Museum|Van Gogh Museum|Prado|Uffizi|Reina Sofía|
Saint Michael's School|St Thomas' Hospital|Trinity College|Queen Mary University|Prince Albert Road""".replace(
    "\n", ""
).split("|")
HEADINGS = """Quarterly Review|Release Notes|Action Items|Next Steps|Open Questions|Key Findings|Risk Register|
Meeting Notes|Project Phoenix|Operation Blue Sky|Green Light|Golden Gate|Silver Lining|Northern Lights|
Summer Sale|Black Friday|Happy Hour|Town Hall|All Hands|Deep Dive|Lessons Learned|Root Cause|Final Draft|
Grand Total|Fair Use|Good Practice|Best Regards|Kind Regards|Dear Customer|Dear Team|Sehr geehrte Damen und Herren|
Mit freundlichen Grüßen|Bien cordialement|Atentamente|Nächste Schritte|Offene Punkte|Prochaines étapes|
Próximos pasos|Ordine del giorno|Próximas etapas|Volgende stappen""".replace("\n", "").split("|")

TEMPLATES = r"""
{N} fixed the login bug last night and {N2} reviewed it.
I think {N} already sent the invoice to {O}.
The keys are with {N}, she is at {L} until {M}.
We asked {Q} to check the numbers before the board meeting.
When {N} arrived, {N2} had already left for {L}.
Yesterday {Q} and {P} drove the samples to the lab.
Not sure if {N} got my message, can you forward it?
The report from {Q} is better than the one from {O}.
So {N} says the {R} is fine but {N2} disagrees.
Lunch is on {N} today, dinner on {N2}.
Honestly, {N} did most of the work on the {E} proposal.
Thanks to {Q}, the {W} migration finished early.
Last week {N} moved to {L}; {N2} is taking over the accounts.
The photos were taken by {Q} at {E}.
Only {N} and {N2} have access to the shared drive.
Gestern hat {N} die Rechnung an {O} geschickt, {N2} prüft sie noch.
Die Schlüssel hat {Q}, sie ist bis {M} in {L}.
Morgen bringt {N} die Unterlagen vorbei.
Hier, {N} a envoyé les chiffres et {N2} les a vérifiés.
Le colis de {Q} est arrivé à {E}.
Demain {N} passe au bureau avec {N2}.
Ayer {N} mandó la factura a {O} y {N2} la revisó.
Las llaves las tiene {Q}, está en {L} hasta el {M}.
Ieri {N} ha mandato i documenti a {O}.
Ontem {N} enviou a fatura para {O}.
Gisteren heeft {N} de sleutels bij {O} afgegeven.
**{N}**: the build is green now\n**{N2}**: great, merging
[{N}] anyone free for a call?\n[{N2}] in 5
{Q} wrote:\n> can we move the review to {M}?
> {N}: ok for me\n> {N2}: same
{N} >> deploy done\n{N2} >> thx
— {Q}, {T}
-- {N}
| {Q} | {T} | {L} |\n| {P} | {T2} | {L2} |
{"assignee": "{Q}", "team": "{T}", "site": "{L}"}
{"author": "{N}", "reviewer": "{N2}", "repo": "{W}"}
id,owner,city\n17,{Q},{L}\n18,{P},{L2}
INSERT INTO visits VALUES (42, '{Q}', '{L}', '{M}');
owner={N} site={L} product={R}
{A} {B}, passenger, seat 14C
{U} / {T} / {O}
Payment received from {A}, {G} ({O}).
{N}'s laptop is still at {E}.
{Q}'s flight lands at 9.
Good job {N}, the numbers look right.
{N}, could you send me the {R} manual?
Ok {N}, see you at {E} then.
Hi all, {N} here, covering for {N2} this week.
cc @{h} @{h2} for the {W} rollout
ping @{h}: {E} booking is confirmed
@{h} please review, @{h2} FYI
Photo credit: {Q}
Interview with {Q}, head of {T} at {O}.
Speakers: {Q}, {P} and {N}.
Players tonight: {N}, {N2}, {N3} and {G}.
Winners: 1. {Q} 2. {P} 3. {N}
{E} is closed on {M}; meet at {L} instead.
The {E} team met in {L} to plan {H}.
{H}\n- {R} backlog\n- {W} upgrade\n- {E} visit
{H}: {O} will deliver the {R} by {M}.
We took the train from {E} to {L}.
The grant from {E} covers two posts.
The {E} exhibition moves to {L} in {M}.
Order the {R} from {O}, not from {E}.
{H} — {O} in {L}
Our office is next to {E}, opposite {O}.
Book a room at {E} near {L}.
See {H} in the {W} wiki.
{O} and {E} sponsor the {H} event.
Die {E} bleibt am {M} geschlossen.
Nous prenons le train à {E} pour {L}.
Quedamos en {E} a las ocho.
{H}: {T} and {T2} own the {W} upgrade.
{C} {C2} in {L}, says {O}.
"""


class _Pools(Pools):
    """person_corpus's slots plus invented names and eponym/heading look-alikes."""

    def invented(self) -> str:
        rng = self.rng
        word = "".join(rng.choice(_ONSETS) + rng.choice(_VOWELS) for _ in range(rng.choice((2, 2, 3))))
        return (word + rng.choice(_CODAS)).capitalize()

    def fill(self, slot: str) -> tuple[str, bool]:
        rng = self.rng
        if slot == "N":
            return (self.invented() if rng.random() < 0.5 else self.given_name()), True
        if slot == "Q":
            given = self.invented() if rng.random() < 0.4 else self.given_name()
            surname = self.invented() if rng.random() < 0.4 else self.surname()
            return f"{given} {surname}", True
        if slot == "E":
            return rng.choice(EPONYMS), False
        if slot == "H":
            return rng.choice(HEADINGS), False
        return super().fill(slot)


def corpus(n_per_template: int = 25, seed: int = 20261206) -> Iterator[dict[str, object]]:
    rng = random.Random(seed)
    pools = _Pools(rng)
    for template in (line for line in TEMPLATES.strip().splitlines() if line.strip()):
        for _ in range(n_per_template):
            text, persons, others = render(template, pools)
            yield {
                "style": "crf",
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
