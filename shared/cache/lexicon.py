"""Closed-class words per language (EN/DE/FR/ES) for the semantic hit decision (`decision.py`).

Only grammar lives here, never topic words: what a word *is* (an article, a pronoun, a politeness
formula, an inflection ending, a well-known abbreviation), not which questions it appears in.
Anything not listed as ignorable is a content word that must be matched on the other side.
Negations, quantifiers, comparatives, modal verbs, past/future auxiliaries, `how/why/when/where/who`
and prepositions that carry a direction (`from`, `into`...) are deliberately NOT ignorable.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = [
    "ABBREVIATIONS",
    "ARROW_TO",
    "CALENDAR",
    "CUES",
    "DIRECTIONS",
    "FILLER_ANCHORS",
    "FILLER_WORDS",
    "FUNCTION",
    "HOW",
    "IGNORABLE",
    "INFLECTIONS",
    "LANGS",
    "NEGATIONS",
    "NUMBER_WORDS",
    "ORDER_SYMBOLS",
    "ORDINALS",
    "PARTICLES",
    "PERSONS",
    "POLITENESS",
    "QUANTIFIERS",
    "QUARTER",
    "QUESTION_WORDS",
    "REGISTER_FORMS",
    "REWRITES",
    "SALUTATIONS",
    "STEMMERS",
    "TITLES",
    "VERSION",
    "fold",
]

LANGS = ("en", "de", "fr", "es")
STEMMERS = {"en": "english", "de": "german", "fr": "french", "es": "spanish"}


def _fold_table() -> dict[int, str]:
    table = {}
    for code in range(0xC0, 0x250):  # Latin-1 Supplement and Latin Extended-A/B
        base = unicodedata.normalize("NFD", chr(code))
        if len(base) > 1 and unicodedata.combining(base[1]):
            table[code] = base[0]
    return table


_FOLD = _fold_table()


def fold(text: str) -> str:
    """`text` without accents, one character for one ('cómo' -> 'como'; 'ß' stays), so that formulas
    and closed-class words match questions typed without accents."""
    return text.translate(_FOLD)


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


def _set_list(words: str) -> list[str]:
    return words.split()


# Words whose presence or absence does not change what is asked: articles, present-tense
# auxiliaries, personal pronouns and possessives, generic prepositions, `what/which`, request verbs.
IGNORABLE: dict[str, frozenset[str]] = {
    "en": _set(
        "a an the this these those is are am be being been do does doing of in on at for with by about as "
        "i me my mine myself we us our ours you your yours it its they them their he him his she her "
        "what which whats there here to into than vs versus via please kindly thanks thank hi hello hey "
        "explain describe tell give show provide let know want wondering wonder need question quick "
        "anyone someone somebody actually exactly basically really simply honestly u regarding concerning "
        "dude mate bro sup"
    ),
    "de": _set(
        "der die das den dem des ein eine einen einem einer eines dies diese dieser dieses diesen ist sind "
        "bin bist sein seid tun tut von vom zu zum zur im in am an auf für mit bei über als ich mich mir "
        "mein meine meinen meinem meiner wir uns unser unsere du dich dir dein deine sie ihr ihre ihnen "
        "ihren es man was welche welcher welches welchen welchem bitte danke hallo erkläre erklären "
        "erklär beschreibe beschreiben sag sage sagen gib geben zeig zeige zeigen wissen weiß möchte "
        "frage kurze denn eigentlich mal genau überhaupt mitteilen"
    ),
    "fr": _set(
        "le la les l un une des du de d ce cet cette ces est sont suis es être fait faire à au aux en dans "
        "sur pour avec par chez je j me m moi mon ma mes nous notre nos vous votre vos tu te t toi ton ta "
        "tes il elle ils elles on lui leur leurs se s c ça cela quel quelle quels quelles que qu quoi plaît "
        "plait "
        "est-ce merci bonjour salut svp stp explique expliquez expliquer décris décrivez décrire dis dites "
        "dire donne donnez donner montre montrez montrer savoir voudrais aimerais question indiquer "
        "indiquez préciser exactement vraiment"
    ),
    "es": _set(
        "el la los las lo un una unos unas este esta estos estas ese esa es son soy eres ser está están "
        "de del a al en para con por sobre yo me mi mis mí nosotros nos nuestro nuestra tú te tu tus usted "
        "ustedes él ella ellos ellas le les se su sus qué que cuál cuáles cual cuales favor gracias hola "
        "explica explícame explique explicar describe describir dime dígame decir dame da muestra "
        "muéstrame mostrar saber quisiera gustaría pregunta indicar indicarme indíqueme exactamente "
        "realmente"
    ),
}

# Multi-word formulas of politeness and question form, removed before tokenizing (text is casefolded,
# so are the formulas: ß is ss); the longest formula is tried first.
POLITENESS: dict[str, re.Pattern[str]] = {
    lang: re.compile(
        r"\b(?:" + "|".join(sorted((fold(p.casefold()) for p in phrases), key=len, reverse=True)) + r")\b"
    )
    for lang, phrases in {
        "en": [
            r"(?:could|can|would|will) (?:you|u)(?: please)?",
            r"i(?:'d| would) (?:like|love) to (?:know|understand|learn)",
            r"i (?:want|need) to (?:know|understand)",
            r"(?:do|would) you (?:happen to )?know",
            r"i(?:'m| am| was) wondering",
            r"help me understand",
            r"(?:may|might) i ask",
            r"(?:i was |i'm |i am )?(?:just )?wondering (?:whether|if) (?:you|anyone|someone|somebody) "
            r"(?:could|can|would|might)(?: please| kindly)?(?: tell me| explain| let me know)?",
            r"(?:can|could) (?:someone|anyone|somebody)(?: please)?(?: tell me| explain| let me know)",
            r"i(?:'m| am) writing to (?:ask|enquire|inquire)(?: about)?",
            r"thanks? (?:you )?in advance",
            # 'how can I' = 'how do I', 'where can I' = 'where do I'
            r"(?:(?<=how )|(?<=where ))(?:can|could|should|do|does|would|may|might) (?:i|we|you|one)",
            r"would you (?:mind|be able to)(?: telling| explaining| letting)?(?: me)?",
            r"i(?:'d| would)(?: really)? appreciate(?: it)?(?: if you could)?",
            r"i was hoping (?:you could|to)(?: tell me| know| find out)?",
            r"(?:do you )?happen to know",
            r"any idea",
            r"sorry to bother(?: you)?",
            r"good (?:morning|afternoon|evening)(?: team| all| everyone)?",
            r"(?:best|kind|warm) regards",
            r"thanks? (?:you )?(?:so much|a lot|very much)",
            r"(?:many|big) thanks",
            r"(?:i have a|quick|a quick) question",
            r"dear (?:[a-z]+ )?(?:team|support|all|colleagues)",
            r"(?:have|enjoy) a (?:nice|great|good|lovely|wonderful) (?:day|weekend|week|evening|one)",
            r"hope (?:you|everyone|all of you|you all) (?:had|have|are having) a (?:nice|great|good|lovely) "
            r"(?:day|weekend|week|evening|break)",
            r"please advise",
            r"at your earliest convenience",
            r"when you (?:get|have) a (?:chance|moment|minute)",
            r"(?:hi|hello|hey) (?:team|there|all|everyone|folks|guys)",
            r"i(?:'d| would) be (?:very |most )?grateful if you could",
            r"(?:would you )?be so kind as to",
            r"(?:please )?(?:kindly )?advise(?: me)?(?: on)?",
            r"(?:could|would|can) you (?:kindly|please) (?:point me to|let me know|inform me(?: of| about)?)",
            r"(?:please )?(?:let me know|inform me(?: of| about)?|point me to)",
            r"please could you",
            r"i (?:just )?(?:wanted|want|would like|'d like) to (?:ask|check|enquire|inquire)(?: about)?",
            r"i (?:just )?(?:have|had) a question",
            r"(?:i was |i'm |i am )?(?:just )?wondering",
            r"sorry if this is (?:a |an )?(?:silly|dumb|stupid|basic|obvious|naive) question(?:,? but)?",
            r"(?:sorry|apologies) for (?:the|a) (?:silly|dumb|stupid|basic) question",
            r"this (?:might|may) be a (?:silly|dumb|stupid|basic) question(?:,? but)?",
            r"any help (?:would be |is )?(?:much |greatly )?appreciated",
            r"(?:thanks|thank you)(?: in advance)? for (?:any|all|your) (?:help|assistance|support)",
            r"(?:i )?hope (?:this|it) (?:is not|isn't) (?:a |an )?"
            r"(?:silly|dumb|stupid|basic|obvious) question",
            r"(?:sorry|apologies),? (?:this|it) is (?:probably |likely |maybe )?(?:really |very |a bit )?"
            r"(?:basic|obvious|silly|dumb|a silly question|a basic question)",
            r"(?:many )?thanks in advance",
            r"thanks?(?: you)?",
            r"cheers",
            r"(?:yo|hiya|heya)",
            r"(?:quick|simple|short) one",
            r"(?:some |any |more )?(?:information|info|details) (?:about|on|regarding|concerning)",
        ],
        "de": [
            r"(?:können|könnten|würden) sie(?: mir)?(?: bitte)?",
            r"(?:kannst|könntest|würdest) du(?: mir)?(?: bitte)?",
            r"ich (?:möchte|würde gerne|will) (?:gerne )?wissen",
            r"(?:wissen sie|weißt du)",
            r"vielen dank(?: im voraus)?",
            r"(?:(?<=wie )|(?<=wo ))(?:kann|könnte|soll|muss) (?:ich|man)",
            r"guten (?:tag|morgen|abend)",
            r"entschuldigen sie(?: bitte)?",
            r"entschuldigung",
            r"sehr geehrte(?:r|s)?(?: damen und herren)?",
            r"ich hätte (?:da )?(?:mal )?eine (?:kurze )?frage",
            r"mit freundlichen grüßen",
            r"viele grüße",
            r"danke(?: schön| sehr)?",
            r"(?:können|könnten) sie mir (?:bitte )?(?:helfen|mitteilen|erklären)",
            r"(?:hallo|hi|liebe|lieber) (?:zusammen|team|kollegen|kolleginnen)",
            r"(?:liebe|beste|freundliche) grüße",
            r"(?:lg|mfg|vg)",
            r"(?:kurze|schnelle) frage",
            r"(?:danke|vielen dank|besten dank) im voraus",
            r"dürfte ich (?:fragen|erfahren)",
            r"ich (?:wollte|möchte) (?:mal )?fragen",
            r"ich würde gerne wissen",
            r"(?:hey|moin|servus|hi)",
            r"(?:sie|du) (?:mir )?(?:bitte )?(?:mitteilen|sagen|erklären)",
        ],
        "fr": [
            r"(?:pourriez|pouvez)-vous",
            r"(?:pourrais|peux)-tu",
            r"s'il (?:vous|te) pla[iî]t",
            r"est-ce que",
            r"qu'est-ce que",
            r"j'aimerais savoir",
            r"je (?:voudrais|veux) savoir",
            r"merci d'avance",
            r"(?:(?<=comment )|(?<=où ))(?:puis-je|peut-on|dois-je|faire pour)",
            r"excusez-moi",
            r"auriez-vous l'amabilité de",
            r"je me demandais",
            r"merci (?:beaucoup|bien)",
            r"cordialement",
            r"bonne journée",
            r"(?:pourriez|pouvez)-vous (?:m'|me )?(?:indiquer|dire|expliquer)",
            r"je (?:souhaiterais|souhaite|voulais) savoir",
            r"(?:petite|une petite|simple) question",
            r"bien à vous",
            r"auriez-vous l'amabilité de(?: me| m')?",
            r"(?:pourriez|pouvez)-vous (?:me |m')?(?:indiquer|dire|expliquer|préciser)",
            r"(?:tu peux|vous pouvez|pourrais-tu|peux-tu) (?:me |m')?(?:dire|indiquer|expliquer)",
            r"merci d'avance",
            r"(?:salut|coucou|bonsoir)",
        ],
        "es": [
            r"(?:podría|podrías|puede|puedes)(?: usted)?(?: decirme| explicarme)?",
            r"por favor",
            r"me gustaría saber",
            r"quisiera saber",
            r"quiero saber",
            r"me (?:puedes|podrías) (?:decir|explicar)",
            r"(?:(?<=cómo )|(?<=dónde ))(?:puedo|se puede|debo|hago para)",
            r"disculpe",
            r"buen(?:os|as)? (?:días|tardes|noches)",
            r"le agradecería(?: que me)?",
            r"muchas gracias",
            r"saludos",
            r"(?:me )?(?:podría|puede|podrías|puedes) (?:indicar|decir|explicar)(?:me)?",
            r"(?:sabe|sabes)(?: usted)?",
            r"(?:quería|quisiera|queria) saber",
            r"(?:una )?pregunta rápida",
            r"(?:un )?saludo(?:s)?(?: cordial(?:es)?)?",
            r"atentamente",
            r"gracias de antemano",
            r"buenas",
            r"estimad[oa]s? (?:equipo|señor(?:es|a)?|colegas?|compañer[oa]s?)",
            r"saludos cordiales",
            r"le agradecería que me (?:indicara|indique|dijera|diga|explicara|explique)",
            r"(?:podría|puede|podrías|puedes) (?:usted )?(?:indicarme|decirme|explicarme)",
            r"(?:oye|oiga|hey)",
        ],
    }.items()
}

# 'how I can cancel' is 'how I cancel', as 'how can I' is 'how do I' (the question is the same):
# a modal of ability after how/where in a subordinate clause, and 'go about' ('how would I go
# about changing'), are dropped; 'should', 'must', 'may' stay (a different question). 'Where can
# I find X' asks where X is ('wo finde ich', 'où trouver', 'dónde encuentro').
_MODALS: dict[str, list[tuple[re.Pattern[str], str]]] = {
    "en": [
        (re.compile(r"\b(how|where) (i|we|one|you) (?:can|could|may|might|would)\b"), r"\1 \2"),
        (re.compile(r"\bhow\s+go about\b"), "how"),  # 'how do I go about' after 'do I' went
        (re.compile(r"\bhow one\b"), "how"),
        (re.compile(r"\bhow (?:would|do|should|can|could) (?:i|we|one|you) go about\b"), "how do i"),
        (re.compile(r"\b(?:gonna)\b"), "going to"),
        (re.compile(r"\b(?:wanna)\b"), "want to"),
        (re.compile(r"\b(?:is|would) it (?:be )?possible (?:for (?:me|us|one) )?to\b"), "can"),
        (re.compile(r"\bis there (?:a|any) way to\b"), "can"),
        # 'how does X differ from Y', 'in what way is X different from Y', 'how do X and Y differ'
        (
            re.compile(
                r"\b(?:how|in what way) (?:does|do|is|are) (.+?) (?:differ|different) from "
                r"(.+?)(?=\s*[?.!]|$)"
            ),
            r"what is the difference between \1 and \2",
        ),
        (
            re.compile(r"\bhow (?:do|are) (.+?) and (.+?) (?:differ|different)(?=\s*[?.!]|$)"),
            r"what is the difference between \1 and \2",
        ),
        # permission asked formally or casually: 'is it OK to', 'am I allowed to', 'may I' ask 'can I'
        (
            re.compile(
                r"\b(?:is it|it is|would it be) "
                r"(?:ok|okay|alright|all right|acceptable|allowed|permitted|fine)(?: for (?:me|us))? to\b"
            ),
            "can",
        ),
        (re.compile(r"\b(?:am i|are we) (?:allowed|permitted) to\b"), "can i"),
        (re.compile(r"\bmay (i|we)\b(?! ask)"), r"can \1"),
        (re.compile(r"\bwhere\s+(?:(?:i|we|one|you)\s+)?(?:find|locate)\b(?! out)"), "where"),
        # a sort direction said with 'order': 'in ascending order' is 'ascending'
        (
            re.compile(
                r"\bin (ascending|descending|alphabetical|reverse alphabetical|chronological) order\b"
            ),
            r"\1",
        ),
        # a request for help with a task, opening the request, asks for the task: 'help me write a reply'
        (re.compile(r"^\s*help me (?:to )?(?!with\b|out\b)(?=[a-z])"), " "),
    ],
    "de": [  # 'wie ich mein Passwort zurücksetzen kann': the modal last in the clause
        (
            re.compile(r"\bwie unterscheiden sich (.+?) und (.+?)(?=\s*[?.!]|$)"),
            r"was ist der unterschied zwischen \1 und \2",
        ),
        (
            re.compile(r"\bwie unterscheidet sich (.+?) von (.+?)(?=\s*[?.!]|$)"),
            r"was ist der unterschied zwischen \1 und \2",
        ),
        (re.compile(r"\b((?:wie|wo)\b[^?.!,;:]*?) (?:kann|könnte|können)(?=\s*(?:[?.!,;:]|$))"), r"\1"),
        (re.compile(r"\bwo\s+(?:finde ich|findet man|finden wir)\b"), "wo"),
        (re.compile(r"\b(wo\b[^?.!,;:]*?) (?:finde|finden|findet)(?=\s*(?:[?.!,;:]|$))"), r"\1"),
        (re.compile(r"\bin (auf|ab)steigender reihenfolge\b"), r"\1steigend"),
    ],
    "fr": [
        (re.compile(r"\b(comment|où) (?:je|on) (?:peux|peut|pourrais|pourrait)\b"), r"\1"),
        (re.compile(r"\boù\s+(?:trouver|se trouve|se trouvent|trouve-t-on)\b"), "où"),
    ],
    "es": [
        (re.compile(r"\b(cómo|dónde) (?:puedo|podría|se puede)\b"), r"\1"),
        (
            re.compile(r"\ben qué se diferencian (.+?) (?:y|e) (.+?)(?=\s*[?.!]|$)"),
            r"cuál es la diferencia entre \1 y \2",
        ),
        (
            re.compile(r"\ben qué se diferencia (.+?) (?:de|del) (.+?)(?=\s*[?.!]|$)"),
            r"cuál es la diferencia entre \1 y \2",
        ),
        (re.compile(r"\bdónde\s+(?:encuentro|encontrar|se encuentra|se encuentran|hallo)\b"), "dónde"),
        (re.compile(r"\b(?:en orden|de (?:forma|manera)) (ascendente|descendente)\b"), r"\1"),
    ],
}

# Question formulas that ask 'how' in more words ('what are the steps to', 'what is the best way
# to', 'quelle est la procédure pour'), rewritten to the language's 'how' after contractions are
# undone; 'the fastest way' or 'the cheapest way' are not among them (a different question).
REWRITES: dict[str, list[tuple[re.Pattern[str], str]]] = {
    lang: [
        (re.compile(fold(r"\b(?:" + "|".join(phrases) + r")\b")), f" {how} "),
        *((re.compile(fold(pattern.pattern)), replacement) for pattern, replacement in _MODALS[lang]),
    ]
    for lang, how, phrases in (
        (
            "en",
            "how",
            [
                r"what(?: is| are)? (?:the |a )?"
                r"(?:best |right |proper |correct |recommended |usual |standard )?"
                r"(?:way|ways|steps|process|procedure|method) (?:to|for)",
                r"what can (?:i|we|you|one) do to",
            ],
        ),
        (
            "de",
            "wie",
            [
                r"was ist (?:der|die|das) (?:beste |richtige |übliche )?"
                r"(?:weg|vorgehen|verfahren|vorgehensweise|ablauf|prozess),? (?:um|für|zum|zur)",
                r"welche schritte (?:sind nötig|muss ich befolgen|brauche ich),? (?:um|für|zum|zur)",
            ],
        ),
        (
            "fr",
            "comment",
            [
                r"quel(?:le)? est (?:la |le )?(?:meilleure? |bonne )?"
                r"(?:façon|manière|moyen|procédure|démarche|marche à suivre) (?:de|d|pour)",
                r"quelles sont les étapes (?:pour|de|d)",
            ],
        ),
        (
            "es",
            "cómo",
            [
                r"cuál es (?:la |el )?(?:mejor )?(?:forma|manera|procedimiento|proceso|método) (?:de|para)",
                r"qué pasos (?:debo seguir|hay que seguir|sigo) para",
            ],
        ),
    )
}

# Whose question it is: 'my sales' is not 'our sales' or 'their sales'. Ignorable words, but when
# both questions name a person and the persons differ, it is a miss (generic 'you' is neutral).
PERSONS: dict[str, dict[str, str]] = {
    lang: {word: person for person, words in table.items() for word in words.split()}
    for lang, table in {
        "en": {
            "1s": "i me my mine myself",
            "1p": "we us our ours",
            "3": "he him his she her they them their",
        },
        "de": {"1s": "ich mich mir mein meine meinen meinem meiner", "1p": "wir uns unser unsere"},
        "fr": {"1s": "je j me m moi mon ma mes", "1p": "nous notre nos", "3": "il elle ils elles leur leurs"},
        "es": {"1s": "yo me mi mis mí", "1p": "nosotros nos nuestro nuestra", "3": "él ella ellos ellas"},
    }.items()
}

# Words that turn a statement around; not ignorable anywhere, named in a miss's reason.
NEGATIONS: dict[str, frozenset[str]] = {
    "en": _set("not no never none nothing nobody neither nor without cannot non"),
    "de": _set("nicht kein keine keinen keinem keiner keines nie niemals nichts niemand ohne weder"),
    "fr": _set("ne n pas jamais aucun aucune rien personne sans ni non"),
    "es": _set("no nunca jamás ningún ninguna ninguno nada nadie sin ni tampoco"),
}

# Quantifiers and scope words ('all', 'only', 'just', 'most'): content words, never a synonym of
# anything (the English synonym table leaves them out: `dev/wordnet_synonyms.py`).
QUANTIFIERS: dict[str, frozenset[str]] = {
    "en": _set(
        "all every each any some both either only just more most less least few fewer many much several "
        "whole entire total overall alone solely merely exclusively entirely totally wholly completely "
        "fully partly partially mostly mainly almost nearly also too even still already yet again else "
        "other another same different such own first last next previous latest earliest"
    ),
    "de": _set("alle alles jede jeder jedes nur mehr meist wenige viele einige beide ganz gesamt auch schon"),
    "fr": _set("tout tous toute toutes chaque seul seulement plus moins peu beaucoup plusieurs aussi déjà"),
    "es": _set("todo todos toda todas cada solo sólo más menos pocos muchos varios ambos también ya"),
}

# Answer-neutral clauses (`filler.py`): a clause is dropped when it has an anchor (a greeting, thanks,
# apology, well-wishing or being stuck) and otherwise only grammar and these companions. No time,
# place, quantity, scope, negation or question word is a companion: 'Thanks, for last year?' stays.
FILLER_ANCHORS: dict[str, frozenset[str]] = {
    "en": _set(
        "hope hoping thanks thank thankful grateful appreciate appreciated sorry apologies apologize "
        "apologise bother bothering disturb disturbing stuck confused lifesaver forget forgot forgetting "
        "cheers greetings welcome ugh oops hmm um uh"  # interjections too
    ),
    "de": _set(
        "hoffe hoffentlich danke dank dankbar vielen entschuldigung entschuldige sorry leid störe stören "
        "verwirrt vergesse vergessen grüße gruß"
    ),
    "fr": _set(
        "espère espérant merci remercie reconnaissant désolé désolée excuse excusez pardon déranger "
        "dérange perdu perdue oublie bloqué bloquée"
    ),
    "es": _set(
        "espero gracias agradezco agradecido agradecida perdón disculpa disculpe siento molestar molesto "
        "confundido confundida olvido atascado molestia"
    ),
}
# A clause opening with one of these and holding only titles and names greets its addressee.
SALUTATIONS: dict[str, frozenset[str]] = {
    "en": _set("dear hi hello hey good greetings"),
    "de": _set("sehr liebe lieber hallo guten"),
    "fr": _set("cher chère chers madame monsieur mesdames messieurs bonjour bonsoir salut"),
    "es": _set("estimado estimada estimados estimadas querido querida hola buenos buenas"),
}
TITLES: dict[str, frozenset[str]] = {
    "en": _set(
        "professor prof dr doctor sir madam mr mrs ms miss team all everyone morning afternoon evening day"
    ),
    "de": _set("frau herr herrn professor professorin prof dr doktor damen herren team geehrte geehrter tag"),
    "fr": _set("madame monsieur mesdames messieurs docteur professeur professeure équipe"),
    "es": _set("señor señora señorita doctor doctora profesor profesora don doña equipo días tardes"),
}
FILLER_WORDS: dict[str, frozenset[str]] = {
    "en": _set(
        "well doing going great good nice fine lovely okay ok right place channel ask asking asked "
        "question questions silly basic dumb stupid obvious naive quick much lot so very really again "
        "bit little everyone everybody anyone somebody all help helping helped advance time patience "
        "looked looking searched searching around everywhere trying tried figure out find found if "
        "before already had has have can could will would may might hear happy glad bit confusing "
        "advance lot lots kind kindly assistance support trouble inconvenience "
        "probably perhaps maybe possibly"  # hedges
    ),
    "de": _set(
        "gut gutes schön schöne geht's geht es ihnen dir euch hilfe voraus frage fragen dumme kurze "
        "schnelle sehr viel vielmals nochmals wieder störung mal bitte kann könnte hoffe alle allen "
        "gesucht gefunden finden"
    ),
    "fr": _set(
        "bien bonne va vas allez aide avance question questions bête simple petite rapide beaucoup encore "
        "fois tous toutes déranger peux pouvez pourriez cherché trouvé trouver très"
    ),
    "es": _set(
        "bien bueno buena estás está estén ayuda antemano pregunta preguntas tonta rápida básica mucho si "
        "muchas muchos otra vez todos todas buscado encontrado encontrar muy puedes puede podría"
    ),
}

# German separable verb particles ('setze ... zurück' = 'zurücksetzen'), longest first. Last in a
# clause, such a word is part of the verb, never an ignorable preposition ('an' vs 'ab').
PARTICLES: dict[str, tuple[str, ...]] = {
    "de": tuple(
        sorted(
            _set(
                "ab an auf aus bei ein fest fort her heraus herein herunter hervor hin hinaus hinein hinzu "
                "hoch los mit nach vor voran vorbei weg weiter wieder zu zurück zusammen um durch über "
                "runter rein raus rüber frei kennen statt teil"
            ),
            key=lambda p: (-len(p), p),
        )
    )
}

# Words around which the order of the other words matters ('X to Y' vs 'Y to X').
CUES: dict[str, frozenset[str]] = {
    "en": _set("to into from than vs versus toward towards per over instead before after"),
    "de": _set("nach zu von als gegen pro statt anstatt gegenüber in"),
    "fr": _set("à au aux vers que contre par plutôt en"),
    "es": _set("a al hacia que contra por desde hasta en"),
}

# The informal and the formal form of the irregular verbs a change of register conjugates (du / Sie,
# tu / vous, tú / usted): 'Hast du' / 'Haben Sie', 'As-tu' / 'Avez-vous', '¿Tienes' / '¿Tiene usted'.
# Only these pairs of the present tense (and the French imperative): never another person ('Avez-vous'
# / 'Ont-ils', '¿Tienes?' / '¿Tienen?') and never another tense.
REGISTER_FORMS: dict[str, frozenset[frozenset[str]]] = {
    lang: frozenset(frozenset(pair.split("/")) for pair in pairs.split())
    for lang, pairs in {
        "de": "hast/haben bist/sind wirst/werden weißt/wissen gibst/geben nimmst/nehmen siehst/sehen",
        "fr": "as/avez es/êtes vas/allez fais/faites sais/savez veux/voulez peux/pouvez dois/devez "
        "envoies/envoyez envoie/envoyez",
        "es": "tienes/tiene eres/es estás/está vas/va haces/hace puedes/puede quieres/quiere sabes/sabe "
        "tenéis/tienen sois/son estáis/están vais/van hacéis/hacen podéis/pueden queréis/quieren "
        "sabéis/saben",
    }.items()
}

# What a right arrow between two things says ('EUR → USD': 'EUR to USD'): the target preposition.
ARROW_TO = {"en": "to", "de": "nach", "fr": "vers", "es": "a"}
# Symbols that order what stands around them as the order cues do ('x > y', 'A ← B').
ORDER_SYMBOLS = frozenset("<>≤≥←↑↓")

# Prepositions that make the word after them a source or a target of a movement or conversion
# ('from savings to checking' is not 'to savings from checking'; `order.direction_kept`).
DIRECTIONS: dict[str, dict[str, str]] = {
    lang: {word: role for role, words in table.items() for word in words.split()}
    for lang, table in {
        "en": {"source": "from off", "target": "to into onto toward towards"},
        "de": {"source": "von vom aus ab", "target": "nach zu zum zur ins auf aufs ans"},
        "fr": {"source": "de du des d depuis", "target": "à au aux vers jusqu"},
        "es": {"source": "de del desde", "target": "a al hacia hasta"},
    }.items()
}

# Word endings that only inflect (number, person, tense, gender, case). Comparative and
# superlative endings (-er/-est, -ere/-ste, -ísimo) are absent on purpose: 'cheaper' is not 'cheap'.
INFLECTIONS: dict[str, frozenset[str]] = {
    "en": frozenset({"", "s", "es", "ed", "d", "ing", "ies", "y", "ied", "e", "'s"}),
    "de": frozenset({"", "e", "en", "n", "s", "es", "em", "et", "t", "te", "ten", "tet"}),
    "fr": frozenset(
        {"", "s", "e", "es", "x", "er", "ez", "é", "ée", "és", "ées", "ent", "ons", "ait", "aient", "ais"}
    ),
    "es": frozenset(
        {"", "s", "es", "a", "o", "as", "os", "ar", "er", "ir", "e", "en", "an", "ado", "ada", "ados"}
        | {"adas", "ido", "ida", "idos", "idas", "ando", "iendo", "amos", "emos", "imos", "ó", "ió"}
    ),
}

# Well-known abbreviations, each to the words it stands for (never ambiguous ones like 'min').
ABBREVIATIONS: dict[str, dict[str, str]] = {
    "en": {
        "pls": "please", "plz": "please", "thx": "thanks", "ur": "your",
        "info": "information", "config": "configuration|configure", "repo": "repository", "db": "database",
        "auth": "authentication", "docs": "documentation", "doc": "document", "app": "application",
        "apps": "applications", "env": "environment", "dev": "development", "prod": "production",
        "k8s": "kubernetes", "acct": "account", "msg": "message", "pwd": "password",
        "passwd": "password", "avg": "average", "qty": "quantity",
        "dept": "department", "mgr": "manager", "mgmt": "management", "org": "organization",
        "govt": "government", "yr": "year", "yrs": "years", "hr": "hour", "hrs": "hours",
        "mins": "minutes", "&": "and", "max": "maximum",
        "req": "request|requirement", "reqs": "requests|requirements", "num": "number", "nr": "number",
        "emp": "employee", "biz": "business", "intl": "international", "admin": "administrator",
        "admins": "administrators", "tel": "telephone", "addr": "address", "km": "kilometers",
        "kg": "kilograms", "gb": "gigabytes", "mb": "megabytes", "tb": "terabytes", "ms": "milliseconds",
        "wk": "week", "wks": "weeks", "mo": "month", "mos": "months", "asap": "as soon as possible",
        "eta": "estimated time of arrival", "faq": "frequently asked questions",
        "cust": "customer", "custs": "customers", "svc": "service", "txn": "transaction",
        "txns": "transactions", "inv": "invoice", "pto": "paid time off", "ooo": "out of office",
        "amt": "amount", "bal": "balance", "ytd": "year to date", "yoy": "year over year",
        "qtr": "quarter", "fy": "fiscal year",
        "hq": "headquarters", "spec": "specification", "specs": "specifications", "perf": "performance",
        "impl": "implementation", "stats": "statistics", "mtg": "meeting", "mtgs": "meetings",
        "appt": "appointment", "corp": "corporation", "cert": "certificate", "certs": "certificates",
        "cfg": "configuration", "creds": "credentials", "usr": "user", "infra": "infrastructure",
        "dbs": "databases", "prev": "previous", "natl": "national", "nbr": "number", "pic": "picture",
        "pics": "pictures", "%": "percent", "$": "dollars", "€": "euros", "£": "gbp",
        "thru": "through", "ppl": "people", "b/c": "because", "bc": "because", "cuz": "because",
        "abt": "about", "tho": "though", "eod": "end of day", "cob": "close of business",
        "wfh": "work from home", "e.g": "for example", "eg": "for example",
        "ty": "thank you", "sry": "sorry", "tia": "thanks in advance", "i.e": "that is", "ie": "that is",
        "btw": "between|by the way",
        "msgs": "messages", "vid": "video", "vids": "videos", "secs": "seconds",
        "sec": "seconds|second", "min": "minimum|minutes|minute", "approx": "approximately|approximate",
        "mgrs": "managers", "depts": "departments", "reqd": "required", "pref": "preferred",
        "recd": "received", "wknd": "weekend", "tmrw": "tomorrow",
        "yday": "yesterday", "pw": "password", "pwds": "passwords", "sys": "system",
        "mfa": "multi factor authentication", "2fa": "two factor authentication",
    },
    "de": {
        "bzw": "beziehungsweise", "ca": "circa", "nr": "nummer", "usw": "und so weiter",
        "inkl": "inklusive", "exkl": "exklusive", "max": "maximal", "std": "stunden",
        "mio": "millionen", "mrd": "milliarden", "tel": "telefon", "abt": "abteilung",
        "ggf": "gegebenenfalls",
        "info": "information", "infos": "informationen", "km": "kilometer", "kg": "kilogramm",
        "%": "prozent", "€": "euro", "$": "dollar", "abt.": "abteilung", "mwst": "mehrwertsteuer",
        "ust": "umsatzsteuer", "zzgl": "zuzüglich", "evtl": "eventuell",
        "z.b": "zum beispiel", "zb": "zum beispiel", "d.h": "das heißt", "u.a": "unter anderem",
        "v.a": "vor allem", "bzgl": "bezüglich", "mind": "mindestens", "min": "minimal|minuten|minute",
        "kto": "konto", "pw": "passwort", "kw": "kalenderwoche",
    },
    "fr": {
        "svp": "plaît", "stp": "plaît", "infos": "informations", "info": "information",
        "nb": "nombre", "max": "maximum", "env": "environ", "km": "kilomètres", "kg": "kilogrammes",
        "tél": "téléphone", "dép": "département", "appli": "application", "pb": "problème",
        "rdv": "rendez-vous", "%": "pour cent", "€": "euros", "$": "dollars", "qqch": "quelque chose",
        "bcp": "beaucoup", "mdp": "mot de passe",
        "qqn": "quelqu'un", "tjrs": "toujours", "pr": "pour", "ds": "dans", "n°": "numéro",
        "resp": "responsable", "admin": "administrateur", "min": "minimum|minutes|minute",
        "càd": "c est à dire", "cad": "c est à dire", "rh": "ressources humaines",
    },
    "es": {
        "xq": "porque", "pq": "porque", "q": "que", "tb": "también", "tmb": "también", "pf": "por favor",
        "xfa": "por favor", "info": "información", "máx": "máximo", "max": "máximo",
        "aprox": "aproximadamente|aproximado|aproximada",
        "núm": "número", "tel": "teléfono", "dpto": "departamento", "km": "kilómetros", "kg": "kilogramos",
        "%": "por ciento", "€": "euros", "$": "dólares", "tmb.": "también", "dcha": "derecha",
        "rr.hh": "recursos humanos", "rrhh": "recursos humanos", "ee.uu": "estados unidos",
        "eeuu": "estados unidos", "izq": "izquierda", "izda": "izquierda", "cta": "cuenta",
        "ud": "usted", "uds": "ustedes", "e": "y", "p.ej": "por ejemplo", "ej": "ejemplo|ejemplos",
        "nº": "número", "mín": "mínimo", "min": "mínimo|minutos|minuto",
    },
}  # fmt: skip

# Written with a capital only ('Sat', 'Jan'): weekdays and months, to the word they shorten.
CALENDAR: dict[str, dict[str, str]] = {
    lang: dict(zip(_set_list(short), _set_list(full), strict=True))
    for lang, short, full in (
        (
            "en",
            "mon tue tues wed thu thur thurs fri sat sun jan feb mar apr jun jul aug sep sept oct nov dec",
            "monday tuesday tuesday wednesday thursday thursday thursday friday saturday sunday january "
            "february march april june july august september september october november december",
        ),
        (
            "de",
            "jan feb mrz apr jun jul aug sep sept okt nov dez",
            "januar februar märz april juni juli august september september oktober november dezember",
        ),
    )
}

# Ordinal words, as '#n' numbers ('third' = '3rd' = '#3', never '3'); 'Q3' is the third quarter.
# 'second' is left out: it is also the unit ('per second').
ORDINALS: dict[str, dict[str, str]] = {
    "en": {
        w: f"#{i}"
        for i, w in enumerate(_set_list("first _ third fourth fifth sixth seventh eighth ninth tenth"), 1)
    },
}
VERSION = {"en": "version", "de": "version", "fr": "version", "es": "versión"}
QUARTER = {"en": "quarter", "de": "quartal", "fr": "trimestre", "es": "trimestre"}

# 'how' in each language: a short telegraphic question without a question word ('VPN password
# reset?') asks how (`decision.decide`); any other question word makes it a different question.
HOW = {"en": "how", "de": "wie", "fr": "comment", "es": "cómo"}
QUESTION_WORDS: dict[str, frozenset[str]] = {
    "en": _set("how why when where who whom whose which what whats many much long often"),
    "de": _set(
        "wie warum wann wo wer wen wem wessen welche welcher welches was viel viele lange oft wozu weshalb"
    ),
    "fr": _set("comment pourquoi quand où qui quel quelle quels quelles que quoi combien"),
    "es": _set("cómo por qué cuándo dónde quién quiénes cuál cuáles qué cuánto cuántos cuánta cuántas"),
}

_NUMBERS = {
    "en": "zero one two three four five six seven eight nine ten eleven twelve",
    "de": "null eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf",
    "fr": "zéro un deux trois quatre cinq six sept huit neuf dix onze douze",
    "es": "cero uno dos tres cuatro cinco seis siete ocho nueve diez once doce",
}
NUMBER_WORDS: dict[str, dict[str, str]] = {
    lang: {word: str(i) for i, word in enumerate(words.split())} for lang, words in _NUMBERS.items()
}
for _lang, _extra in {
    "en": {
        "hundred": "100",
        "thousand": "1000",
        "million": "1000000",
        "billion": "1000000000",
        "twenty": "20",
        "thirty": "30",
    },
    "de": {
        "hundert": "100",
        "tausend": "1000",
        "million": "1000000",
        "millionen": "1000000",
        "milliarde": "1000000000",
        "milliarden": "1000000000",
        "zwanzig": "20",
        "dreißig": "30",
    },
    "fr": {
        "cent": "100",
        "mille": "1000",
        "million": "1000000",
        "millions": "1000000",
        "milliard": "1000000000",
        "milliards": "1000000000",
        "vingt": "20",
        "trente": "30",
    },
    "es": {
        "cien": "100",
        "mil": "1000",
        "millón": "1000000",
        "millones": "1000000",
        "veinte": "20",
        "treinta": "30",
    },
}.items():
    NUMBER_WORDS[_lang].update(_extra)
# Articles that double as 'one' (a, ein, un, une, una) stay articles: ignorable, never a number.
for _article in ("un",):
    NUMBER_WORDS["fr"].pop(_article, None)

# Function words that tell the four languages apart (language guess for short questions).
FUNCTION: dict[str, frozenset[str]] = {
    "en": _set(
        "the is are what how why which who of and to in do does can i you my it this that with for on at "
        "from where when was will should our"
    ),
    "de": _set(
        "der die das ist sind was wie warum wer von und zu im in ich sie ein eine nicht mit für den dem des "
        "welche welcher welches wo gibt haben hat kann wird werden auf bei nach auch mein meine unser um"
    ),
    "fr": _set(
        "le la les est sont quel quelle quels quelles comment pourquoi qui de des et en je vous une un du "
        "pour où dans sur avec pas ne au aux ce cette mon ma mes nous il elle peut faut se"
    ),
    "es": _set(
        "el la los las es son qué cuál cuáles cómo por quién de del y en se una un para con mi mis dónde "
        "está están cuándo hay lo al yo usted tengo cuántos cuántas puedo muy también"
    ),
}
