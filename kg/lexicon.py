"""Word lists the rules share: titles, honorifics, event and agreement heads, modality and speech.

Which verbs and nouns state which predicate is declared in ``kg.predicates``, not here.

Every list is general English news vocabulary (any minister, any summit, any tariff);
none is tuned to one article. Keys are lower-case lemmas.
"""
from __future__ import annotations

from collections.abc import Iterable

#: Courtesy forms dropped from person names ("Mr. Jaishankar" -> "Jaishankar").
HONORIFICS = frozenset(
    "mr mr. mrs mrs. ms ms. miss dr dr. sir dame lord lady prof prof. rev rev. hon hon. "
    "sen. rep. gov. gen. col. lt. capt. sgt. adm. maj. cmdr. messrs messrs. mme mme. "
    "shri smt smt. sri sheikh "
    # British style writes military ranks without a stop: "Gen Musharraf", "Lt Col Tim Collins".
    "gen lt col capt sgt adm maj cmdr brig cpl".split()
)


def is_honorific(word: str) -> bool:
    """Whether ``word`` is an honorific, with or without its stop ("Mr", "Mr.", "Gen", "Gen.").

    >>> is_honorific("Mr."), is_honorific("Gen"), is_honorific("Lt"), is_honorific("Tony")
    (True, True, True, False)
    """
    lower = word.lower()
    return lower in HONORIFICS or lower.rstrip(".") + "." in HONORIFICS


#: Titles written after a name: "Frank Field MP", "Philippe Sands QC".
POSTNOMINAL_TITLES = frozenset({"MP", "MEP", "MSP", "AM", "QC", "KC", "MLA"})
#: Elected members, whose seat goes with the title: "MP for Vauxhall", "the Mid-Bedfordshire MP".
LEGISLATOR_TITLES = frozenset("mp msp mep am mla senator congressman congresswoman representative councillor assemblyman assemblywoman".split())
#: People who speak for an organisation or a government, and so act in its name.
SPOKESPEOPLE = frozenset({"spokesman", "spokeswoman", "spokesperson", "spokesmen", "spokeswomen"})

#: A peer's style: "Lord Hamilton", "Baroness Kennedy" (a title, which need not be the surname).
PEERAGE_STYLES = frozenset("lord lady baroness baron viscount earl".split())
#: Royal styles: a name after one is a royal's ("Prince Charles"), not a commoner's of that name.
ROYAL_STYLES = frozenset("prince princess king queen pope emperor empress duke duchess sultan sheikh".split())

#: Head words of a title that may stand before a name ("Prime Minister Narendra Modi").
TITLE_HEADS = frozenset(
    """president vice-president minister secretary ambassador chancellor governor senator
    congressman congresswoman representative mayor premier king queen prince princess emperor
    pope cardinal bishop archbishop general admiral colonel commander chief chairman chairwoman
    official journalist pm
    chair ceo cfo coo director spokesman spokeswoman spokesperson envoy commissioner judge justice
    attorney-general prosecutor speaker leader deputy adviser advisor counsellor counselor
    lawmaker treasurer mp sheikh emir sultan ayatollah president-elect officer captain
    lieutenant sergeant major marshal inspector superintendent professor dean rector head
    founder owner editor correspondent executive manager
    secretary-general chairperson co-founder economist analyst strategist boss co-chairman
    co-chair vice-chairman vice-chair deputy-chairman co-head co-ordinator coordinator negotiator
    mep msp qc kc mla peer whip reporter presenter columnist commentator lawyer barrister solicitor
    campaigner controller auditor regulator ombudsman principal president-elect chancellor-elect
    governor-general spokeswoman trustee partner researcher historian scientist professor
    diplomat consul commissioner-general registrar host consort regent comptroller""".split()
)

#: Role nouns that name a job with an employer rather than an office ("an economist at HSBC").
OCCUPATION_NOUNS = frozenset(
    """economist analyst strategist reporter correspondent editor columnist presenter lawyer
    barrister solicitor researcher scientist consultant adviser advisor spokesman spokeswoman
    spokesperson trader banker broker engineer manager executive officer director employee
    worker staff official representative""".split()
)

#: Nouns only a person is ("Michelle, a mother of twins, said"): a name they describe is a person's.
PERSON_NOUNS = frozenset(
    """mother father wife husband son daughter brother sister widow widower grandmother
    grandfather grandson granddaughter mum dad parent pensioner pupil schoolboy schoolgirl
    man woman boy girl teenager""".split()
)

#: Words that may sit inside a title before its head ("External Affairs Minister", "Treasury Secretary").
TITLE_MODIFIERS = frozenset(
    """prime foreign home external affairs defence defense finance trade commerce energy
    treasury state interior justice health education deputy vice chief senior junior acting
    former general executive assistant under principal national security agriculture labour labor
    transport environment culture sports science technology information economic petroleum
    power railways housing shadow managing operating financial political economics business
    international european regional local parliamentary communications media sport pensions work
    industry development planning economy environmental employment constitutional legal foreign
    northern scotland wales welsh scottish irish social services women culture heritage
    fisheries food rural transport trade industry inward investment solicitor attorney
    chancellor exchequer lord privy seal president council leader transportation immigration
    homeland veterans intelligence aviation tourism aid telecommunications communication oil mines
    mining water forestry overseas procurement cabinet schools universities children families
    prisons policing consumer competition budget revenue customs taxation statistics regeneration
    arts broadcasting digital crown supreme high grand royal first second permanent special
    independent interior commonwealth disarmament development cooperation planning public
    relations human rights world economic commercial marketing sales operations strategy
    investor corporate office party campaign monetary fiscal enlargement internal market welfare""".split()
)

#: Honorific-like short titles that are too vague alone to be a position of their own.
GENERIC_TITLES = frozenset({"mr", "mrs", "ms", "dr", "sir"})

#: Head nouns that make a named noun phrase an Event.
EVENT_HEADS = frozenset(
    """summit ministerial meeting meetings conference talks dialogue forum congress convention
    assembly session games olympics championship cup festival expo exhibition election elections
    referendum war battle crisis visit tour rally parade ceremony inauguration show lecture speech
    launch dinner hearing debate auction poll""".split()
)

#: Head nouns that make a named noun phrase an Agreement.
AGREEMENT_HEADS = frozenset(
    "deal agreement treaty pact accord initiative alliance partnership protocol memorandum "
    "framework compact charter manifesto".split()
)

#: Adjectival "-led" style modifiers: "the U.S.-led initiative" means the U.S. organises it.
LEADER_SUFFIXES = ("-led", "-hosted", "-sponsored", "-backed", "-organised", "-organized", "-brokered", "-owned", "-controlled", "-funded")

#: What a "<name>-<participle>" modifier states about the thing it modifies: "the U.S.-led
#: initiative" (organizes), "Rosneft-owned Yugansk" (ownsStake), "Saudi-backed rebels" (supports).
MODIFIER_PREDICATES = {
    "led": "organizes", "sponsored": "organizes", "organised": "organizes", "organized": "organizes",
    "brokered": "organizes", "hosted": "hosts", "backed": "supports", "funded": "supports",
    "owned": "ownsStake", "controlled": "ownsStake",
}




#: Nouns of a part of a thing: the verb that acts on one acts on the thing ("unveiled the first
#: part of the manifesto", "criticised parts of the bill", "published details of the plan").
PARTITIVE_NOUNS = frozenset("part parts details detail section sections elements chapter chapters".split())

#: Nouns that name a killing: the victim follows "of", the killer "by" or a possessive
#: ("the assassination of Lincoln by Booth", "Booth's murder of Lincoln").
KILLING_NOUNS = frozenset("assassination murder killing slaying shooting stabbing execution".split())

#: Nouns for the one who kills: "Lincoln's assassin, John Wilkes Booth", "X, the killer of Y".
KILLER_NOUNS = frozenset("assassin killer murderer gunman slayer".split())

#: Nouns that say where a person lives: "X, a resident of Y", "a native of Y", "citizens of Y".
RESIDENT_NOUNS = frozenset("resident native citizen inhabitant villager townsman homeowner".split())


#: Nouns that name a tariff-like measure one country imposes on another.
TARIFF_NOUNS = frozenset("tariff tariffs duty duties levy levies".split())

#: Verb lemma -> modality of the clause it governs ("hopes to host" is hoped).
MODAL_VERBS = {
    "hope": "hoped",
    "wish": "hoped",
    "want": "hoped",
    "keen": "hoped",
    "eager": "hoped",
    "aim": "planned",
    "plan": "planned",
    "intend": "planned",
    "schedule": "planned",
    "design": "planned",  # "the dam is designed to produce 12,600 MW"
    "prepare": "planned",
    "set": "planned",
    "expect": "expected",
    "anticipate": "expected",
    "forecast": "expected",
    "predict": "expected",
    "project": "expected",
    "likely": "expected",
    "say": "reported",
    "tell": "reported",
    "report": "reported",
    "announce": "reported",
    "state": "reported",
    "add": "reported",
    "confirm": "reported",
    "clarify": "reported",
    "explain": "reported",
    "note": "reported",
    "write": "reported",
    "claim": "claimed",
    "allege": "claimed",
    "insist": "claimed",
    "assert": "claimed",
    "maintain": "claimed",
    "may": "possible",
    "might": "possible",
    "could": "possible",
    # "should become Princess Consort", "profits should rise": advised or likely, not done.
    "should": "possible",
    "consider": "possible",
    "threaten": "possible",
    "suggest": "possible",
    "urge": "hoped",
    # "challenged Mr Kilroy-Silk to stand down", "asked him to stay on": asked of someone, not done.
    "challenge": "hoped",
    "ask": "hoped",
    "press": "hoped",
    "encourage": "hoped",
    "seek": "hoped",
    "try": "hoped",
    "propose": "planned",
    "decide": "planned",
    "agree": "planned",
    "due": "planned",
}

#: Auxiliaries of the future and the conditional: they set a plain clause's modality ("Straw will
#: visit Thailand" is planned) but give way to any word that embeds the clause ("said it would").
FUTURE_AUXILIARIES = {"will": "planned", "shall": "planned", "would": "possible"}

#: Nouns that introduce a reported or claimed proposition ("the government's statement that ...").
CLAIM_NOUNS = {
    "statement": "claimed",
    "claim": "claimed",
    "allegation": "claimed",
    "assertion": "claimed",
    "accusation": "claimed",
    "argument": "claimed",
    "contention": "claimed",
    "suggestion": "claimed",
    "speculation": "possible",
    "rumour": "possible",
    "rumor": "possible",
    "report": "reported",
    "reports": "reported",
    "announcement": "reported",
    "hope": "hoped",
    "plan": "planned",
    "expectation": "expected",
    # "in an attempt to reach agreement", "its bid to acquire a stake": tried, not (yet) done.
    "attempt": "hoped",
    "effort": "hoped",
    "bid": "planned",
    # "is in talks to buy Yukos", "in negotiations to sell its stake": sought, not agreed.
    "talk": "possible",
    "talks": "possible",
    "negotiation": "possible",
    "negotiations": "possible",
    "intention": "planned",
    "proposal": "planned",
    "decision": "planned",
    # "your endeavour to hold a conference in London", "its drive to cut costs", "Labour's
    # pledge to hold a referendum", "the threat to sue": aimed at, promised or threatened.
    "endeavour": "hoped",
    "endeavor": "hoped",
    "aim": "hoped",
    "ambition": "hoped",
    "aspiration": "hoped",
    "desire": "hoped",
    "wish": "hoped",
    "quest": "hoped",
    "drive": "hoped",
    "push": "hoped",
    "pledge": "planned",
    "promise": "planned",
    "vow": "planned",
    "intent": "planned",
    "offer": "planned",
    "threat": "possible",
}

#: Adjectives that make the event a noun names not (yet) a fact: "the possible takeover of the
#: LSE", "the proposed merger", "a likely bid".
HEDGING_ADJECTIVES = {
    "possible": "possible", "potential": "possible", "mooted": "possible", "rumoured": "possible", "rumored": "possible",
    "likely": "expected", "expected": "expected", "anticipated": "expected",
    "proposed": "planned", "planned": "planned", "intended": "planned", "prospective": "planned", "pending": "planned",
}

#: Words that negate the clause they modify.
NEGATIONS = frozenset("not n't never no neither nor".split())

#: Verbs that deny what their object says: "rejected speculation that", "denied reports that".
DENYING_VERBS = frozenset("deny reject dismiss refute rebut".split())

#: Verbs and adjectives whose complement did not happen ("failed to visit", "unable to host").
NEGATING_HEADS = frozenset("fail refuse decline unable deny reject cancel".split())

#: Participles that end a hyphenated owner before a firm's name: "Rosneft-owned Yugansk",
#: "Kremlin-controlled Gazprom" ("state-owned Rosneft" names no owner, but still a firm).
OWNED_PARTICIPLES = frozenset({"owned", "controlled"})

#: Verbs that part with what their object names: "sold its stake in Yell", "transferred his stake",
#: "handed over his shares", "disposed of its holding".
DISPOSING_VERBS = frozenset("sell transfer offload divest dispose hand".split())

#: Verbs that give up a plan or a deal named as their object: "abandoned its plan to buy Iberia",
#: "scrapped the deal", "withdrew its offer"; "pull", "walk" and "back" with "out of" / "away
#: from" ("pulled out of an agreement to buy Fiat").
ABANDONING_VERBS = frozenset("abandon drop scrap shelve ditch withdraw cancel axe".split())
ABANDONING_PHRASES = frozenset({("pull", "out"), ("walk", "away"), ("back", "out"), ("call", "off")})

#: Nouns whose infinitive did not happen: "Mr Bush's refusal to sign", "its failure to pay".
NEGATING_NOUNS = frozenset("refusal unwillingness failure reluctance inability".split())

#: Sentence adverbs that hedge the clause they modify ("Kishida reportedly criticized Russia").
HEDGE_ADVERBS = {
    "reportedly": "reported",
    "allegedly": "claimed",
    "purportedly": "claimed",
    "supposedly": "claimed",
    "possibly": "possible",
    "perhaps": "possible",
    "maybe": "possible",
    "probably": "expected",
    "likely": "expected",
}


#: Verbs of saying, asking and thinking. What is said is not a relation between the speaker and
#: whom they tell ("X told the BBC"), so these make no open ``relatedTo``.
SPEECH_VERBS = frozenset(
    """say tell add ask claim believe think warn insist argue admit suggest explain note report write
    describe comment answer reply confirm deny state predict estimate expect hope urge call quote
    acknowledge announce assert concede contend declare emphasise emphasize maintain reiterate remark
    reveal stress testify point indicate recall speak talk brief inform interview respond""".split()
)

#: Words that rank a noun among those who did something, with an ordinal: "the only MP to
#: resign", "the last firm to report".
RANK_WORDS = frozenset("only last latest".split())

#: Words that mark a state as ended: "former chief executive", "ex-minister", "the then chairman".
FORMER_WORDS = frozenset("former ex ex- erstwhile onetime one-time then outgoing retired previous late".split())

#: Words before a title that say when it began, not what it is: "New Home Secretary Charles Clarke".
PASSING_WORDS = frozenset("new current incoming newly-appointed newly-elected prospective would-be veteran".split())
#: Those of them that say the office is still to come: "the incoming president", "a would-be MP".
COMING_WORDS = frozenset("incoming prospective would-be".split())

#: Verbs that end a state for their subject: "X stepped down as chairman", "X quit the party".
LEAVING_VERBS = frozenset("resign quit leave retire depart defect".split())
#: Verbs of giving up an office under pressure, which a call to do so asks ("urged X to quit").
RESIGNING_VERBS = frozenset("resign quit".split())


def is_resigning(lemma: str, particles: Iterable[str]) -> bool:
    """Whether a verb (its lemma and particles) gives up an office: "resign", "quit", "step
    down", "stand aside".

    >>> is_resigning("step", {"down"}), is_resigning("stand", ()), is_resigning("quit", ())
    (True, False, True)
    """
    return lemma in RESIGNING_VERBS or (lemma in {"step", "stand"} and not {"down", "aside"}.isdisjoint(particles))

#: Words that place a region within a larger place by its direction: "Croydon, south London",
#: "Harbin, northern China", "the north-east of England".
COMPASS_WORDS = frozenset(
    """north south east west central north-east north-west south-east south-west northeast northwest
    southeast southwest northern southern eastern western north-eastern north-western south-eastern
    south-western northeastern northwestern southeastern southwestern inner outer"""
    .split()
)

#: Nouns that name a kind of organisation: "US banking giant Citigroup", "Barclays, the UK's
#: third-biggest bank", "the carmaker". A name described by one is an organisation.
ORGANIZATION_KINDS = frozenset(
    """firm company group giant bank lender insurer maker carmaker automaker brewer retailer airline
    carrier operator producer manufacturer newspaper paper broadcaster network agency watchdog
    regulator exchange fund union chain supermarket store publisher conglomerate institution
    corporation business concern multinational subsidiary unit division arm outfit partnership
    consultancy consortium charity organisation organization party club insurer builder developer
    refiner miner utility supplier distributor dealer broker brokerage bookmaker telecom telco
    channel station magazine tabloid daily weekly service provider player rival partner parent
    owner investor shareholder trust foundation council commission authority body department
    ministry office court board committee association federation institute university college
    school hospital drugmaker chipmaker steelmaker shipbuilder planemaker monopoly cartel"""
    .split()
)

#: News agencies and broadcasters as news cites them: what they say is reported news, not their
#: own judgement ("Reuters said that Mr Lilliu shouted insults at the chairman").
NEWS_AGENCIES = frozenset({
    "reuters", "ap", "associated press", "afp", "agence france presse", "agence france-presse", "bloomberg", "dow jones",
    "interfax", "itar-tass", "tass", "xinhua", "kyodo", "yonhap", "press association", "pa", "ansa", "efe", "dpa", "bbc", "cnn",
})

#: Units written as capitalised symbols after a number, which the model may read as a name
#: ("12,600 MW", "30 GWh", "90 MPH").
UNIT_SYMBOLS = frozenset("MW GW KW kW TW MWh GWh kWh TWh MPH KM KG BTU".split())

#: Words before a title that describe its holder, not the office ("the first female education
#: secretary", "a gay MP", "an openly gay MP").
HOLDER_WORDS = frozenset("female male woman gay lesbian openly black disabled".split())

#: The world's regions, which a title before them covers rather than belongs to ("Britain's
#: Europe director", "the BBC's Asia editor").
WORLD_REGIONS = frozenset(
    """europe asia africa americas australasia oceania antarctica arctic scandinavia caribbean balkans
    baltics nordics benelux mediterranean""".split()
) | frozenset(
    f"{side} {region}" for side in ("north", "south", "east", "west", "central", "eastern", "western", "northern", "southern", "south-east", "southeast", "south-east", "north-east", "latin")
    for region in ("europe", "asia", "africa", "america")
) | frozenset({"middle east", "far east", "asia pacific", "asia-pacific", "near east", "sub-saharan africa"})

#: Time zones written after a clock time ("at 1330 GMT", "9am EST"), which the model may read as
#: a body; the first three never name one.
TIME_ZONES = frozenset("GMT UTC BST EST EDT CST CDT MST MDT PST PDT CET CEST".split())
ALWAYS_TIME_ZONES = frozenset({"GMT", "UTC", "BST"})

#: The last words of a legislature's name ("House of Commons", "Scottish Parliament", "the US
#: Senate"): one who holds an office of it is elected or appointed to it, not employed by it.
CHAMBER_WORDS = frozenset("commons lords parliament senate congress assembly bundestag bundesrat duma knesset dail senedd representatives".split())
#: Names news gives a legislature by where it sits: "Holyrood" (the Scottish Parliament),
#: "Westminster", "Stormont".
CHAMBER_SEATS = frozenset({"holyrood", "westminster", "stormont"})

#: Nouns of a part of an organisation: an office "of" one belongs to the organisation that owns it
#: ("head of the ICC's anti-corruption unit", "chief operating officer of Toyota's US sales arm").
SUBUNIT_NOUNS = frozenset(
    """unit division arm subsidiary branch wing department office section desk team centre center
    board committee council panel operation operations business businesses""".split()
)

#: Nouns of a firm or a part of one that a deal may name by a name before them: "sold its
#: Travelers insurance arm" sells Travelers, "bought Koram bank"; "bought 10 A320 aircraft" buys
#: no firm called A320.
BUSINESS_PART_NOUNS = ORGANIZATION_KINDS | frozenset("operation operations brand brands".split())

#: Kinds of organisation that are businesses, whose people work for them rather than belong to
#: them ("joined the company", "joined the bank").
BUSINESS_KINDS = frozenset(
    """firm company bank lender insurer maker carmaker automaker brewer retailer airline carrier
    manufacturer producer broadcaster newspaper publisher corporation business conglomerate
    multinational consultancy supermarket chain giant refiner miner utility supplier""".split()
)

#: Nouns after a name that make it a region's when they head it: "China's Guangdong province",
#: "India's Andhra Pradesh state", "Spain's Catalonia region".
REGION_KINDS = frozenset("state province region county district prefecture".split())

#: Portfolios a title is named by, which the model may take for a body's name when capitalised
#: before the title ("Aid minister Hilary Benn", "Trade Secretary"): no body's name alone.
PORTFOLIO_NOUNS = frozenset(
    """aid trade health education defence defense energy transport culture sport sports environment
    housing justice finance agriculture employment industry tourism pensions immigration fisheries""".split()
)

#: Words of a public body's name: a ministry, a court, an army is never what "the company" or
#: "the bank" refers to ("The Home Office barred Microsoft ... the Seattle-based company").
PUBLIC_BODY_WORDS = frozenset(
    """ministry department office pentagon treasury parliament congress senate assembly
    commission council court police army navy government cabinet administration embassy
    kremlin""".split()
)

#: Nouns for a part of a firm that a name before them names: "its Next Directory division",
#: "Opel, GM's European arm"; the owner is the possessive or the "of" phrase.
SUBSIDIARY_NOUNS = ("subsidiary", "unit", "division", "arm", "brand", "wing", "affiliate", "offshoot")

#: Words that judge someone or something badly ("a failed Tory past", "highly irresponsible",
#: "running scared"): said of a named party, they make the speaker its critic. Lemmas.
NEGATIVE_EVALUATION = frozenset(
    """fail failure failed wrong mistake blunder gaffe bungle botch blame disgrace disgraceful shame
    shameful scandal scandalous hypocrisy hypocritical hypocrite cynical cynicism irresponsible reckless
    incompetent incompetence chaos chaotic shambles mess fiasco farce betray betrayal lie liar mislead
    misleading deceive deceit dishonest dishonesty con scare scaremonger scaremongering smear slur
    damaging undermine waste wasted squander abuse abusive arrogant arrogance complacent complacency
    neglect neglectful flawed unfair unjust illegal unlawful outrageous appalling absurd ridiculous
    nonsense pathetic dangerous u-turn backtrack pander prejudice demonise demonize terrified scared
    panic desperate desperation broken insult insulting offensive contempt deplore deplorable dismay
    disappoint disappointing disappointment squabble squabbling crude cheap gimmick stunt spin sleaze
    corrupt corruption fraud greed greedy wreck ruin ruinous sham stupid foolish naive inept useless
    worthless hopeless shambolic discredit discredited unacceptable irrational misguided ill-judged
    short-sighted heartless callous cowardly cowardice dodgy dubious unfit incapable weak weakness
    fading tired stale bankrupt bully bullying hostile vicious
    nasty obsessed obsession blind mismanagement mishandle mismanage alarming
    disjointed irresponsibility afraid avoid dodge duck evade wrongly unsafe unworkable unfunded
    confused confusion muddle incoherent divided divisive split crisis scandal gimmicky hollow
    empty failing lurch backtracking flip-flop pandering sneer sneering unrealistic unsustainable
    inadequate uncosted unaffordable ineffective inefficient overreact unconvincing unsound
    unjustified unwarranted excessive discriminatory draconian illiberal half-baked ill-conceived
    botched over-react unnecessary abhorrent ignore falter faltering""".split()
) | {"let down", "in the way"}

#: Words that judge someone or something well ("a sensible thing to do", "courage"). Lemmas.
POSITIVE_EVALUATION = frozenset(
    """praise welcome welcomed right sensible good great excellent courage courageous brave success
    successful achievement admire admirable genius gratitude grateful thank credit delighted pleased
    wise visionary helpful applaud congratulate commend hail endorse backing support supportive
    positive constructive decisive impressive outstanding remarkable honest integrity respect
    respected trust trusted reliable valuable effective fair reasonable responsible competent
    excellent brilliant fantastic safe work succeed deliver""".split()
)

#: Words that praise how a party acts, not how it fares ("Labour was right to reject quotas", "a
#: sensible thing to do", "a courageous decision"): said of a named party, they make the speaker its
#: supporter. Results words ("good", "successful", "impressive") stay out: "Tesco had a good
#: Christmas" praises nobody's conduct. Lemmas.
PRAISE = frozenset(
    """right sensible wise courageous brave admirable commendable principled visionary statesmanlike
    prudent bold far-sighted level-headed pragmatic""".split()
)

#: Nouns a speaker calls someone to honour them ("a giant of the Labour movement", "a valued
#: friend"), and the superlative that ranks them first ("the best chance for peace").
TRIBUTES = frozenset("giant hero heroine legend champion friend inspiration statesman icon titan colossus best".split())

#: Nouns that name a figure an organisation or a country reports, lemma -> metric name.
METRIC_NOUNS = {
    **{w: "profit" for w in ("profit", "profits", "earnings", "income")},
    **{w: "revenue" for w in ("revenue", "revenues")},
    **{w: "sales" for w in ("sales", "sale", "turnover")},
    **{w: "loss" for w in ("loss", "losses")},
    "deficit": "deficit", "deficits": "deficit",
    "debt": "debt", "debts": "debt", "borrowing": "borrowing", "surplus": "surplus",
    "output": "output", "production": "production", "growth": "growth", "gdp": "gdp", "economy": "gdp",
    "inflation": "inflation", "unemployment": "unemployment", "joblessness": "unemployment",
    "exports": "exports", "imports": "imports", "investment": "investment", "spending": "spending",
    "dividend": "dividend", "orders": "orders", "margin": "margin", "valuation": "market value",
    "capitalisation": "market value", "capitalization": "market value", "reserves": "reserves",
    "assets": "assets", "costs": "costs", "cost": "costs", "budget": "budget", "bill": "bill",
    "membership": "membership", "workforce": "workforce", "subscribers": "subscribers", "customers": "customers",
    "share": "market share", "rate": "rate", "rates": "rate",
    "population": "population", "value": "value", "volume": "volume",
    # "took a $1bn charge", "a 650m euro writedown": one-off costs a firm books.
    "charge": "charge", "writedown": "writedown", "write-down": "writedown", "write-off": "writedown",
}
