"""The cells of the practice notebooks in docs/notebooks/: Dutch text, English code.

Each notebook is a list of ("md" | "code", source). tools/build_notebooks.py writes and runs them.
Only the standard library: the notebooks run in any Python 3.11 kernel.
"""

from __future__ import annotations

WILSON = '''
import math


def wilson(successes, n, z=1.96):
    """95% Wilson score interval for a proportion successes / n."""
    if n == 0:
        return (0.0, 1.0)
    p = successes / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return (max(0.0, centre - half), min(1.0, centre + half))


def show(label, successes, n):
    low, high = wilson(successes, n)
    print(f"{label:<28} {successes:>4} / {n:<4} = {successes / n:6.1%}   95%-interval [{low:6.1%}, {high:6.1%}]")
'''

M16 = [
    (
        "md",
        """
# Oefennotebook: bias toetsen

Bij module [m16 Bias toetsen in de praktijk](../../modules/m16-bias-toetsen.md).

In dit notebook reken je de bias-toets uit de module na: selectiepercentages en
fout-positiefpercentages per groep, de verhoudingen daartussen en hun betrouwbaarheidsintervallen
(Wilson en bootstrap). **Alle gegevens zijn verzonnen.** Het notebook maakt ze zelf, met een vaste
seed, zodat je elke keer dezelfde uitkomst krijgt. Je hebt alleen Python nodig, zonder extra pakketten.

Het voorbeeld: de gemeente Sterrebroek markeert aanvragen voor bijzondere bijstand voor een
huisbezoek. Alle 1.000 aanvragen van een half jaar zijn volledig gecontroleerd, dus van elke aanvraag
weten we of die achteraf onrechtmatig was.
""",
    ),
    (
        "code",
        """
import random

SEED = 16
rng = random.Random(SEED)


def rows(group, tp, fp, fn, tn):
    # One row per application: (group, flagged, unlawful); 1 = yes, 0 = no.
    return [(group, 1, 1)] * tp + [(group, 1, 0)] * fp + [(group, 0, 1)] * fn + [(group, 0, 0)] * tn


data = rows("A", tp=24, fp=56, fn=16, tn=704) + rows("B", tp=8, fp=32, fn=4, tn=156)
rng.shuffle(data)  # as rows arrive from a case system: in no particular order
print(len(data), "aanvragen; de eerste vijf:", data[:5])
""",
    ),
    (
        "md",
        """
## Stap 1 en 2: de verwarringsmatrix en de maten per groep

Per groep tellen we terecht positief (TP), fout-positief (FP), fout-negatief (FN) en terecht
negatief (TN). Daaruit volgen het selectiepercentage (wie wordt gemarkeerd) en het
fout-positiefpercentage (welk deel van de *rechtmatige* aanvragers ten onrechte een huisbezoek krijgt).
""",
    ),
    (
        "code",
        """
from collections import Counter


def confusion(data, group):
    c = Counter((flagged, unlawful) for g, flagged, unlawful in data if g == group)
    return {"tp": c[(1, 1)], "fp": c[(1, 0)], "fn": c[(0, 1)], "tn": c[(0, 0)]}


def measures(m):
    n = sum(m.values())
    return {
        "basisratio": (m["tp"] + m["fn"]) / n,
        "selectie": (m["tp"] + m["fp"]) / n,
        "fout-positief": m["fp"] / (m["fp"] + m["tn"]),
        "fout-negatief": m["fn"] / (m["tp"] + m["fn"]),
        "precisie": m["tp"] / (m["tp"] + m["fp"]),
    }


matrix = {group: confusion(data, group) for group in ("A", "B")}
print("A:", matrix["A"])
print("B:", matrix["B"])
a, b = measures(matrix["A"]), measures(matrix["B"])
for name in a:
    print(f"{name:<14} A = {a[name]:6.1%}   B = {b[name]:6.1%}   B/A = {b[name] / a[name]:.2f}")
""",
    ),
    (
        "md",
        """
## Stap 3: hoe zeker zijn die percentages?

Een percentage uit 188 of 12 gevallen is een schatting. Het **Wilson-interval** geeft het 95%-
betrouwbaarheidsinterval van een proportie; het werkt ook goed bij kleine aantallen en bij
percentages dicht bij 0 of 100, waar de gewone formule (p ± 1,96 · standaardfout) tekortschiet.
""",
    ),
    ("code", WILSON),
    (
        "code",
        """
for group in ("A", "B"):
    m = matrix[group]
    n = sum(m.values())
    show(f"selectie groep {group}", m["tp"] + m["fp"], n)
    show(f"fout-positief groep {group}", m["fp"], m["fp"] + m["tn"])
    show(f"fout-negatief groep {group}", m["fn"], m["tp"] + m["fn"])
""",
    ),
    (
        "md",
        """
Het fout-positiefpercentage van groep B (17,0%) ligt ruim boven het interval van groep A; de
intervallen overlappen niet. Het fout-negatiefpercentage van groep B rust op maar 12 onrechtmatige
aanvragen: het interval loopt van ongeveer 14% tot 61%. Dat getal zegt dus bijna niets.

## Stap 4: een interval voor de verhouding (bootstrap)

Voor een verhouding van twee percentages is er geen eenvoudige formule. De **bootstrap** trekt
duizend keer opnieuw, met teruglegging, een steekproef van dezelfde grootte uit elke groep en
berekent telkens de verhouding. De middelste 95% van die verhoudingen is het interval.
""",
    ),
    (
        "code",
        """
def bootstrap_ratio(data, measure, resamples=1000, seed=SEED):
    rng = random.Random(seed)
    by_group = {g: [row for row in data if row[0] == g] for g in ("A", "B")}
    ratios = []
    for _ in range(resamples):
        sample = [row for g in ("A", "B") for row in rng.choices(by_group[g], k=len(by_group[g]))]
        a, b = measures(confusion(sample, "A")), measures(confusion(sample, "B"))
        ratios.append(b[measure] / a[measure])
    ratios.sort()
    return ratios[int(0.025 * resamples)], ratios[int(0.975 * resamples) - 1]


for name in ("selectie", "fout-positief"):
    low, high = bootstrap_ratio(data, name)
    print(f"verhouding {name:<14} B/A = {b[name] / a[name]:.2f}   95%-bootstrapinterval [{low:.2f}, {high:.2f}]")
""",
    ),
    (
        "md",
        """
## Wat de cijfers wel en niet laten zien

**Wel:** een rechtmatige aanvrager uit groep B krijgt in deze data ruim twee keer zo vaak ten
onrechte een huisbezoek als een rechtmatige aanvrager uit groep A, en ook de onderkant van het
bootstrapinterval ligt ruim boven 1. De basisratio's (5,0% en 6,0%) verklaren dat verschil niet.
Voor de gemeente als gebruiksverantwoordelijke is zo'n verschil een signaal bij het volgen van de
werking van het systeem (artikel 26, lid 5, AI-verordening): is er reden om aan te nemen dat het
systeem een risico vormt, dan informeert zij de aanbieder of distributeur en de
markttoezichtautoriteit en schort zij het gebruik op.

**Niet:**

- *Of er sprake is van verboden onderscheid.* Statistiek is een signaal; het juridische oordeel
  geven juristen, met de context erbij.
- *Of de labels kloppen.* Hier is alles gecontroleerd. In de praktijk komen labels vaak uit eerdere
  controles; dan meet je deels waar de gemeente vroeger zocht. Meet foutpercentages op een
  willekeurige steekproef.
- *Waar het verschil vandaan komt.* Onderzoek naar mogelijke bias in trainings-, validatie- en
  testdata en maatregelen om die op te sporen, te voorkomen en te beperken zijn plichten van de
  aanbieder (artikel 10, lid 2, onder f en g). Vraag de aanbieder om zijn resultaten en om
  prestaties per groep (artikel 13, lid 3).
- *Of alles tegelijk gelijk kan zijn.* Verschillen de basisratio's en is het model niet perfect, dan
  kunnen precisie, fout-positief- en fout-negatiefpercentage niet alle drie gelijk zijn. Kies een
  leidende maat en leg de keuze vast.

Om te weten wie tot groep B hoort, zijn vaak bijzondere persoonsgegevens nodig. Die mag je voor een
biastoets alleen bij uitzondering verwerken, als het strikt nodig is en met strenge waarborgen
(artikel 4a); de AVG blijft gelden.

**Zelf proberen:** verander `fp=32` in groep B in `fp=16` en draai het notebook opnieuw. Wat gebeurt
er met de verhouding van de fout-positiefpercentages en met het interval?
""",
    ),
]

M12 = [
    (
        "md",
        """
# Oefennotebook: datakwaliteit controleren

Bij module [m12 Datakwaliteit en datagovernance](../../modules/m12-datakwaliteit.md).

Je voert vier controles uit op een verzonnen dataset voor een heronderzoeksmodel, zoals dat van
Zandhoven in de module: **ontbrekende waarden**, **de verdeling van de labels**,
**representativiteit per groep** en een **controle op een proxyvariabele**. De data worden hier
gemaakt met een vaste seed; er zijn geen echte personen. Alleen de Python-standaardbibliotheek.

Wie moet wat? Bouwt de gemeente het model zelf en neemt zij het onder eigen naam in gebruik, dan is
zij aanbieder en gelden de eisen aan trainings-, validatie- en testdata (artikel 10, lid 2 en 3,
AI-verordening), waaronder het onderzoek naar bias en de maatregelen daartegen (artikel 10, lid 2,
onder f en g). Koopt de gemeente het systeem in, dan zorgt zij als gebruiksverantwoordelijke dat de
invoerdata die zij beheert relevant en voldoende representatief zijn (artikel 26, lid 4). Dezelfde
controles helpen in beide gevallen.
""",
    ),
    (
        "code",
        """
import random
import statistics
from collections import Counter

SEED = 12
rng = random.Random(SEED)
DISTRICTS = ["Noord", "Zuid", "Oost", "West"]


def make_case(number):
    district = rng.choices(DISTRICTS, weights=[30, 30, 25, 15])[0]
    age = rng.choices(["18-29", "30-44", "45-59", "60+"], weights=[22, 33, 30, 15])[0]
    status_holder = rng.random() < (0.20 if district == "West" else 0.06)  # sensitive: only in this test
    moves = sum(rng.random() < (0.45 if status_holder else 0.12) for _ in range(6))
    year = rng.randint(2016, 2024)
    # Investigated: 14% overall, far more in Oost and West during the 2019-2020 project.
    project = year in (2019, 2020) and district in ("Oost", "West")
    investigated = rng.random() < (0.45 if project else 0.10)
    label = (rng.random() < (0.30 if project else 0.22)) if investigated else None
    income = None if rng.random() < (0.15 if age == "60+" else 0.03) else round(rng.gauss(1450, 250))
    return {
        "dossier": number,
        "wijk": district,
        "leeftijd": age,
        "jaar": year,
        "adreswijzigingen": moves,
        "inkomen": income,
        "onderzocht": investigated,
        "terugvordering": label,
        "statushouder": status_holder,
    }


cases = [make_case(i) for i in range(1, 3001)]
print(len(cases), "dossiers; voorbeeld:", cases[0])
""",
    ),
    (
        "md",
        """
## Controle 1: ontbrekende waarden

Tel per kenmerk hoeveel waarden ontbreken, en kijk ook *bij wie* ze ontbreken. Ontbreken ze vaker
bij één groep, dan is het weglaten van die dossiers of het invullen van een vaste waarde een keuze
die die groep raakt. Leg die keuze vast (artikel 10, lid 2, onder c en h).
""",
    ),
    (
        "code",
        """
fields = ["wijk", "leeftijd", "jaar", "adreswijzigingen", "inkomen"]
for field in fields:
    missing = sum(case[field] is None for case in cases)
    print(f"{field:<17} ontbreekt {missing:>4} keer ({missing / len(cases):5.1%})")

print()
for age in ["18-29", "30-44", "45-59", "60+"]:
    group = [case for case in cases if case["leeftijd"] == age]
    missing = sum(case["inkomen"] is None for case in group)
    print(f"inkomen ontbreekt bij {age:<6}: {missing:>3} / {len(group):<4} = {missing / len(group):5.1%}")
""",
    ),
    (
        "md",
        """
## Controle 2: de verdeling van de labels

Het label "terugvordering" bestaat alleen voor dossiers die ooit zijn onderzocht. Hoe groot is dat
deel, en uit welke jaren en wijken komt het?
""",
    ),
    (
        "code",
        """
investigated = [case for case in cases if case["onderzocht"]]
positive = sum(case["terugvordering"] for case in investigated)
print(f"onderzocht: {len(investigated)} / {len(cases)} = {len(investigated) / len(cases):.1%}")
print(f"label ja onder de onderzochte dossiers: {positive} / {len(investigated)} = {positive / len(investigated):.1%}")
print()
share_all = Counter(case["wijk"] for case in cases)
share_labelled = Counter(case["wijk"] for case in investigated)
print("wijk    aandeel in alle dossiers   aandeel in dossiers met label")
for district in DISTRICTS:
    print(
        f"{district:<8} {share_all[district] / len(cases):>12.1%}"
        f" {share_labelled[district] / len(investigated):>26.1%}"
    )
project = sum(case["jaar"] in (2019, 2020) for case in investigated)
print(f"\\ndossiers met label uit de projectjaren 2019-2020: {project / len(investigated):.1%}")
""",
    ),
    (
        "md",
        """
Oost en West zijn in de gelabelde dossiers flink oververtegenwoordigd, vooral door het project in
2019 en 2020. Een model dat hierop leert, leert deels *waar de gemeente zocht*. Dat is selectiebias
en een terugkoppellus waar artikel 10, lid 2, onder f, voor waarschuwt.

## Controle 3: representativiteit per groep

Vergelijk per leeftijdsgroep het aandeel in de trainingsdata (de gelabelde dossiers) met het aandeel
in de hele populatie, en tel het aantal positieve labels per groep. Kleine aantallen geven onzekere
schattingen; daarom staat er een Wilson-interval bij.
""",
    ),
    ("code", WILSON),
    (
        "code",
        """
MIN_POSITIVES = 20  # our own rule: fewer positive examples than this is too few to judge a group
ages = Counter(case["leeftijd"] for case in cases)
for age in ["18-29", "30-44", "45-59", "60+"]:
    labelled = [case for case in investigated if case["leeftijd"] == age]
    pos = sum(case["terugvordering"] for case in labelled)
    print(
        f"{age:<6} populatie {ages[age] / len(cases):5.1%}  trainingsdata {len(labelled) / len(investigated):5.1%}"
        f"  positieve labels {pos:>3}{'  <- te weinig' if pos < MIN_POSITIVES else ''}"
    )
    show(f"  aandeel ja bij {age}", pos, len(labelled))
""",
    ),
    (
        "md",
        """
## Controle 4: een proxyvariabele

"Aantal adreswijzigingen" lijkt neutraal. Maar hangt het samen met een kenmerk dat het model niet mag
gebruiken? In deze verzonnen data hebben we een gevoelig kenmerk ("statushouder") gemaakt om dat te
kunnen toetsen. In het echt zijn dat vaak bijzondere persoonsgegevens; die mag je voor een biastoets
alleen bij uitzondering verwerken, als het strikt nodig is, met strenge waarborgen en bij voorkeur in
een afgeschermde omgeving (artikel 4a).

Twee maten: de correlatie, en de **AUC**: de kans dat een willekeurige statushouder meer
adreswijzigingen heeft dan een willekeurige andere inwoner (0,5 = geen verband, 1 = volledig
voorspelbaar).
""",
    ),
    (
        "code",
        """
moves = [case["adreswijzigingen"] for case in cases]
sensitive = [1 if case["statushouder"] else 0 for case in cases]
print(f"correlatie adreswijzigingen en statushouder: {statistics.correlation(moves, sensitive):.2f}")

holders = [m for m, s in zip(moves, sensitive) if s]
others = [m for m, s in zip(moves, sensitive) if not s]
print(f"gemiddeld aantal adreswijzigingen: statushouders {statistics.mean(holders):.2f}", end="")
print(f", anderen {statistics.mean(others):.2f}")

# AUC: compare every holder with every other resident (ties count half).
counts = Counter(others)
below = {value: sum(n for v, n in counts.items() if v < value) for value in set(holders)}
auc = sum(below[m] + 0.5 * counts[m] for m in holders) / (len(holders) * len(others))
print(f"AUC van adreswijzigingen voor statushouder: {auc:.2f}")
""",
    ),
    (
        "md",
        """
## Wat je hiermee doet

- **Ontbrekend inkomen bij 60-plussers:** vul het niet stilzwijgend aan; leg vast hoe je ermee omgaat
  en test het model apart voor die groep.
- **Scheve labels:** overweeg de projectjaren uit de training te laten en beschrijf de herkomst van
  de labels in de datasheet (artikel 10, lid 2, onder b en d).
- **Kleine groepen:** een groep met weinig positieve labels kun je niet betrouwbaar beoordelen. Noem
  dat als bekende beperking; de wet vraagt data die voldoende representatief en zo veel mogelijk
  foutloos en volledig zijn (artikel 10, lid 3), geen perfecte data.
- **Proxy:** een AUC ver boven 0,5 betekent dat het kenmerk het gevoelige kenmerk deels verraadt. Het
  weglaten van het gevoelige kenmerk maakt het model dus niet eerlijk. Onderzoek en beperk zulke
  bias is een plicht van de aanbieder (artikel 10, lid 2, onder f en g); meet daarna de fouten per
  groep, zoals in het notebook bij module m16.

Deze cijfers zijn een signaal voor het gesprek met de proceseigenaar, de privacy officer en de
jurist; ze zijn geen juridisch oordeel.
""",
    ),
]

M15 = [
    (
        "md",
        """
# Oefennotebook: nauwkeurigheid en robuustheid meten

Bij module [m15 Nauwkeurigheid, robuustheid, cybersecurity en
documentatie](../../modules/m15-nauwkeurigheid-robuustheid.md).

Je meet een verzonnen markeringsmodel op een **scheve testset** (ongeveer 5% positief): accuratesse,
precisie en recall, met betrouwbaarheidsintervallen (Wilson en bootstrap). Daarna doe je een
**robuustheidstest**: je verstoort de invoer een beetje en telt hoeveel beslissingen omslaan. Alle
data worden hier gemaakt met een vaste seed; alleen de Python-standaardbibliotheek.

De aanbieder van een systeem met een hoog risico moet een passend niveau van nauwkeurigheid en
robuustheid halen (artikel 15, lid 1, AI-verordening) en de maten van nauwkeurigheid in de
gebruiksaanwijzing vermelden (artikel 15, lid 3). Een systeem moet zo bestand mogelijk zijn tegen
fouten en onregelmatigheden in zijn omgeving (artikel 15, lid 4). De gemeente als
gebruiksverantwoordelijke volgt de werking in de praktijk (artikel 26, lid 5).
""",
    ),
    (
        "code",
        """
import random

SEED = 15
rng = random.Random(SEED)


def make_case():
    unlawful = rng.random() < 0.05
    drop = min(1.0, max(0.0, rng.gauss(0.45 if unlawful else 0.25, 0.18)))  # share of income lost
    changes = sum(rng.random() < (0.35 if unlawful else 0.15) for _ in range(8))  # changes reported
    income = max(0, round(rng.gauss(1500 if unlawful else 1650, 300)))  # euro per month
    return {"inkomensdaling": drop, "wijzigingen": changes, "inkomen": income, "onrechtmatig": unlawful}


def score(case):
    return 3.0 * case["inkomensdaling"] + 0.4 * case["wijzigingen"] - 0.002 * (case["inkomen"] - 1600)


THRESHOLD = 2.4
test = [make_case() for _ in range(2000)]
flags = [score(case) >= THRESHOLD for case in test]
truth = [case["onrechtmatig"] for case in test]
print(f"testset: {len(test)} aanvragen, waarvan {sum(truth)} onrechtmatig ({sum(truth) / len(test):.1%})")
print(f"gemarkeerd: {sum(flags)}")
""",
    ),
    (
        "code",
        """
def confusion(flags, truth):
    tp = sum(f and t for f, t in zip(flags, truth))
    fp = sum(f and not t for f, t in zip(flags, truth))
    fn = sum(t and not f for f, t in zip(flags, truth))
    tn = len(truth) - tp - fp - fn
    return tp, fp, fn, tn


tp, fp, fn, tn = confusion(flags, truth)
print(f"TP = {tp}, FP = {fp}, FN = {fn}, TN = {tn}")
print(f"accuratesse              = {(tp + tn) / len(truth):.3f}")
print(f"accuratesse 'nooit markeren' = {(fp + tn) / len(truth):.3f}")
print(f"precisie                 = {tp / (tp + fp):.3f}")
print(f"recall                   = {tp / (tp + fn):.3f}")
""",
    ),
    (
        "md",
        """
Een model dat nooit iemand markeert, scoort op deze testset een hogere accuratesse dan ons model.
Bij een scheve verdeling zegt accuratesse dus weinig; precisie (hoeveel markeringen terecht zijn) en
recall (hoeveel onrechtmatige aanvragen worden gevonden) zeggen meer.

## Hoe zeker zijn precisie en recall?

Recall rust hier op minder dan honderd onrechtmatige aanvragen. We geven twee intervallen: Wilson
(een formule voor één proportie) en de bootstrap (duizend keer opnieuw trekken uit de testset).
""",
    ),
    ("code", WILSON),
    (
        "code",
        """
show("precisie", tp, tp + fp)
show("recall", tp, tp + fn)


def bootstrap(flags, truth, resamples=1000, seed=SEED):
    rng = random.Random(seed)
    pairs = list(zip(flags, truth))
    precisions, recalls = [], []
    for _ in range(resamples):
        sample = rng.choices(pairs, k=len(pairs))
        s_tp, s_fp, s_fn, _ = confusion([f for f, _ in sample], [t for _, t in sample])
        precisions.append(s_tp / (s_tp + s_fp))
        recalls.append(s_tp / (s_tp + s_fn))
    precisions.sort()
    recalls.sort()
    low, high = int(0.025 * resamples), int(0.975 * resamples) - 1
    return (precisions[low], precisions[high]), (recalls[low], recalls[high])


(p_low, p_high), (r_low, r_high) = bootstrap(flags, truth)
print(f"bootstrap precisie 95%-interval [{p_low:.3f}, {p_high:.3f}]")
print(f"bootstrap recall   95%-interval [{r_low:.3f}, {r_high:.3f}]")
""",
    ),
    (
        "md",
        """
## Robuustheidstest: verstoorde invoer

In de praktijk is invoer nooit perfect. We testen drie verstoringen die in een gemeente voorkomen:

1. **ruis**: het inkomen wijkt een paar procent af (een latere of eerdere loonstrook);
2. **ontbrekend inkomen** bij 3% van de aanvragen, dat de koppeling als 0 doorgeeft;
3. **een eenheidsfout** bij 1%: het inkomen staat in duizenden euro's (1,65 in plaats van 1650).

Per verstoring tellen we hoeveel beslissingen omslaan en hoe precisie en recall veranderen.
""",
    ),
    (
        "code",
        """
def perturbed(cases, kind, seed=SEED):
    rng = random.Random(seed)
    result = []
    for case in cases:
        case = dict(case)
        if kind == "ruis":
            case["inkomen"] = round(case["inkomen"] * rng.gauss(1.0, 0.03))
        elif kind == "ontbrekend inkomen" and rng.random() < 0.03:
            case["inkomen"] = 0
        elif kind == "eenheidsfout" and rng.random() < 0.01:
            case["inkomen"] = case["inkomen"] / 1000
        result.append(case)
    return result


print(f"{'verstoring':<20} {'omgeslagen':>10} {'gemarkeerd':>10} {'precisie':>9} {'recall':>7}")
print(f"{'geen':<20} {0:>10} {sum(flags):>10} {tp / (tp + fp):>9.3f} {tp / (tp + fn):>7.3f}")
for kind in ("ruis", "ontbrekend inkomen", "eenheidsfout"):
    new_flags = [score(case) >= THRESHOLD for case in perturbed(test, kind)]
    flipped = sum(a != b for a, b in zip(flags, new_flags))
    n_tp, n_fp, n_fn, _ = confusion(new_flags, truth)
    print(f"{kind:<20} {flipped:>10} {sum(new_flags):>10} {n_tp / (n_tp + n_fp):>9.3f} {n_tp / (n_tp + n_fn):>7.3f}")
""",
    ),
    (
        "md",
        """
## Wat je hieruit leert

- Kleine ruis laat enkele beslissingen omslaan, vooral dicht bij de drempel. Dat is te verwachten;
  leg vast hoeveel je acceptabel vindt.
- Een ontbrekend inkomen dat als 0 binnenkomt, lijkt voor het model op een grote inkomensdaling:
  het aantal markeringen stijgt en de precisie daalt. Zo'n fout zit niet in het model maar in de
  koppeling, en is precies het soort onregelmatigheid waartegen het systeem bestand moet zijn
  (artikel 15, lid 4). De gemeente zorgt dat invoerdata die zij beheert geschikt zijn voor het doel
  (artikel 26, lid 4): controleer ontbrekende waarden vóór de invoer.
- Leg de maten en hun intervallen vast, en vraag de aanbieder om dezelfde maten op een testset die
  op jullie praktijk lijkt (artikel 13, lid 3, en artikel 15, lid 3). Volg ze na ingebruikname
  (artikel 26, lid 5).

Een interval dat breed is, is geen reden om het getal weg te laten: het vertelt hoeveel je weet.

**Zelf proberen:** verlaag `THRESHOLD` naar 2,0. Wat gebeurt er met precisie en recall, en met het
aantal beslissingen dat bij ruis omslaat?
""",
    ),
]

NOTEBOOKS: dict[str, list[tuple[str, str]]] = {
    "m12-datakwaliteit": M12,
    "m15-nauwkeurigheid-robuustheid": M15,
    "m16-bias-toetsen": M16,
}
