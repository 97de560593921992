"""The guidance page's first content in three languages; staff edit it in the admin afterwards."""

from django.db import migrations

SECTIONS = [
    {
        "key": "elected-officials",
        "title": {
            "fi": "Luottamushenkilöt johtavat hyvinvoinnin edistämistä",
            "sv": "Förtroendevalda leder främjandet av välfärd",
            "en": "Elected officials lead wellbeing promotion",
        },
        "body": {
            "fi": """Hyvinvointialueen valtuutetut ja muut luottamushenkilöt päättävät, kuinka paljon alue panostaa \
asukkaidensa hyvinvointiin ja terveyteen. Heidän tehtävänsä voi tiivistää neljään kohtaan:

- **Tuntea tilanne.** Luottamushenkilö tietää, miten eri väestöryhmät alueella voivat. Lakisääteinen alueellinen \
hyvinvointikertomus kokoaa tämän tiedon.
- **Asettaa tavoitteet.** Valtuusto asettaa jokaiselle valtuustokaudelle tavoitteet hyvinvoinnin edistämiseksi. \
Niiden paikka on lakisääteisessä alueellisessa hyvinvointisuunnitelmassa.
- **Resursoida ja mitata.** Luottamushenkilöt osoittavat työlle resurssit ja hyväksyvät mittarit, joilla \
vuosittaista toimintaa seurataan.
- **Seurata ja arvioida.** Tavoitteiden toteutumista seurataan säännöllisesti; tarkastuslautakunta voi tukea \
arviointia.""",
            "sv": """Välfärdsområdets fullmäktigeledamöter och andra förtroendevalda avgör hur mycket området satsar \
på invånarnas hälsa och välfärd. Deras uppgift kan sammanfattas i fyra punkter:

- **Känna till läget.** Den förtroendevalda vet hur olika befolkningsgrupper i området mår. Den lagstadgade \
regionala välfärdsberättelsen samlar den kunskapen.
- **Ställa upp mål.** Fullmäktige ställer för varje fullmäktigeperiod upp mål för främjandet av välfärd. De hör \
hemma i den lagstadgade regionala välfärdsplanen.
- **Avsätta resurser och mäta.** De förtroendevalda anvisar resurser för arbetet och godkänner de indikatorer som \
årets verksamhet följs upp med.
- **Följa upp och utvärdera.** Hur målen nås följs upp regelbundet; revisionsnämnden kan stödja utvärderingen.""",
            "en": """The councillors and other elected officials of a wellbeing services county decide how much the \
county invests in its residents' health and wellbeing. Their part comes down to four tasks:

- **Know the situation.** Officials know how the different population groups of the county are doing. The \
statutory regional welfare report gathers this knowledge.
- **Set the goals.** The council sets goals for promoting wellbeing for each council term. They belong in the \
statutory regional welfare plan.
- **Resource and measure.** Officials allocate resources to the work and approve the indicators by which each \
year's work is followed.
- **Follow up and evaluate.** Progress towards the goals is followed regularly; the audit committee can support \
the evaluation.""",
        },
    },
    {
        "key": "county-role",
        "title": {
            "fi": "Hyvinvointialueen tehtävä",
            "sv": "Välfärdsområdets uppgift",
            "en": "The county's duty",
        },
        "body": {
            "fi": """Laki sosiaali- ja terveydenhuollon järjestämisestä velvoittaa hyvinvointialueen edistämään \
asukkaidensa terveyttä ja hyvinvointia. Alue vastaa tästä ensisijaisesti niiltä osin kuin tehtävä liittyy sen \
muihin lakisääteisiin tehtäviin, ja sillä on keskeinen rooli työn yhteensovittamisessa omalla alueellaan.

Sote-uudistuksen tavoitteena on kaventaa hyvinvointi- ja terveyseroja ja hillitä kustannusten kasvua. Kun \
hyvinvointialue ja kunnat panostavat yhdessä edistävään työhön, raskaampien palvelujen tarve vähenee.

Hyvinvointialueen kannattaa määritellä oma roolinsa ja kirjata sille tavoitteet ja resurssit:

- **järjestäjänä** yhteistyössä kuntien, järjestöjen ja muiden toimijoiden kanssa: millaiset johtamisen rakenteet \
ovat, ja paljonko aikaa verkostojen koordinointi vie?
- **palvelujen tuottajana** suhteessa kuntiin: kuinka suuri osa työntekijän ajasta kuluu verkostotyöhön kuntien \
kanssa?
- **jokaisen palvelun sisällössä**: käyttääkö esimerkiksi lastenneuvola puheeksioton menetelmiä tai kirurgia \
savuttoman leikkauksen käytäntöä?""",
            "sv": """Lagen om ordnande av social- och hälsovård ålägger välfärdsområdet att främja invånarnas hälsa \
och välfärd. Området bär det primära ansvaret för detta i den mån uppgiften hänger ihop med dess övriga \
lagstadgade uppgifter, och det har en central roll i att samordna arbetet i sitt område.

Social- och hälsovårdsreformen ska minska skillnaderna i hälsa och välfärd och bromsa kostnadsökningen. När \
välfärdsområdet och kommunerna tillsammans satsar på främjande arbete minskar behovet av tyngre tjänster.

Välfärdsområdet gör klokt i att definiera sin egen roll och skriva in mål och resurser för den:

- **som anordnare** i samarbetet med kommuner, organisationer och andra aktörer: hurdana ledningsstrukturer finns, \
och hur mycket tid tar samordningen av nätverken?
- **som producent av tjänster** i förhållande till kommunerna: hur stor del av en anställds tid går till \
nätverksarbete med kommunerna?
- **i innehållet i varje tjänst**: använder till exempel barnrådgivningen metoder för att ta upp frågor till tals, \
eller kirurgin praxisen för rökfri operation?""",
            "en": """The Act on Organising Healthcare and Social Welfare obliges the wellbeing services county to \
promote its residents' health and wellbeing. The county carries the primary responsibility for this wherever the \
task is tied to its other statutory duties, and it has a central role in coordinating the work in its area.

The health and social services reform aims to narrow the gaps in health and wellbeing and to slow the growth of \
costs. When the county and the municipalities invest in promotion together, fewer people need heavier services.

A county does well to define its own role and to write down goals and resources for it:

- **as the organiser**, working with municipalities, organisations and other actors: what leadership structures \
are there, and how much time does coordinating the networks take?
- **as a service provider** working with the municipalities: how much of an employee's time goes into network \
work with them?
- **within each service**: does the child health clinic use methods for raising concerns, or surgery the practice \
of smoke-free operations?""",
        },
    },
    {
        "key": "leadership-tools",
        "title": {
            "fi": "Kolme johtamisen työkalua",
            "sv": "Tre verktyg för ledningen",
            "en": "Three kinds of leadership tools",
        },
        "body": {
            "fi": """Sosiaali- ja terveydenhuollon järjestämislain 7 § luettelee välineet, joilla hyvinvoinnin ja \
terveyden edistämistä johdetaan. Jotta väestöryhmien hyvinvointia voidaan tukea, hyvinvointialueella on oltava:

1. **Seurannan välineet**: hyvinvoinnin ja terveyden indikaattorit ja seurantatyökalut, joista näkee, mihin \
suuntaan ollaan menossa.
2. **Raportoinnin välineet**: alueellinen hyvinvointikertomus sekä erilliset ohjelmien ja suunnitelmien raportit.
3. **Tavoitteiden asettamisen välineet**: alueellinen hyvinvointisuunnitelma sekä muut lakisääteiset ja \
vapaaehtoiset suunnitelmat.

Hyvinvointisuunnitelmassa kuvataan monialaiset toimet, joilla valitut tavoitteet aiotaan saavuttaa. Vuosittaisessa \
toiminnan ja talouden seurannassa katsotaan, miten tavoitteet ovat toteutuneet, mitä on tehty ja kuinka \
kattavasti.""",
            "sv": """Lagen om ordnande av social- och hälsovård (7 §) räknar upp de verktyg med vilka främjandet av \
hälsa och välfärd leds. För att kunna stödja befolkningsgruppernas välfärd ska välfärdsområdet ha:

1. **Verktyg för uppföljning**: indikatorer och uppföljningsverktyg för hälsa och välfärd, som visar åt vilket håll \
utvecklingen går.
2. **Verktyg för rapportering**: den regionala välfärdsberättelsen samt separata rapporter om program och planer.
3. **Verktyg för att ställa upp mål**: den regionala välfärdsplanen samt andra lagstadgade och frivilliga planer.

Välfärdsplanen beskriver de sektorsövergripande åtgärder som ska leda till de valda målen. I den årliga \
uppföljningen av verksamhet och ekonomi ser man efter hur målen har nåtts, vad som har gjorts och hur \
heltäckande.""",
            "en": """Section 7 of the Act on Organising Healthcare and Social Welfare lists the means by which health \
and wellbeing promotion is led. To support the wellbeing of its population groups, a county must have:

1. **Tools for following**: indicators and follow-up tools for health and wellbeing, which show where things are \
heading.
2. **Tools for reporting**: the regional welfare report, and separate reports on programmes and plans.
3. **Tools for setting goals**: the regional welfare plan, and other statutory and voluntary plans.

The welfare plan describes the cross-sector actions meant to reach the chosen goals. Each year's follow-up of \
operations and finances looks at how far the goals were reached, what was done and how widely.""",
        },
    },
    {
        "key": "phases",
        "title": {
            "fi": "Missä vaiheissa hyvinvointia edistetään",
            "sv": "I vilka skeden välfärden främjas",
            "en": "The phases at which a county promotes wellbeing",
        },
        "body": {
            "fi": """Hyvinvointialue edistää asukkaidensa hyvinvointia ja terveyttä monessa vaiheessa yhtä aikaa:

1. **Ennen palveluja.** Sosiaali- ja terveystoimi sekä pelastustoimi tukevat hyvinvointia ja turvallisuutta jo \
ennen kuin asukas tarvitsee sote-palveluja, esimerkiksi ravitsemussuosituksilla, mielen hyvinvoinnin tuella, \
tuella kunnille ja alueen toimijoille sekä avustuksilla järjestöille.
2. **Sote-palveluissa.** Perusterveydenhuolto, sosiaalipalvelut ja erikoissairaanhoito edistävät hyvinvointia \
omissa palveluissaan: esimerkiksi neuvoloissa ja kouluterveydenhuollossa, elintapaneuvonnassa, savuttomissa \
leikkauksissa ja rakenteellisessa sosiaalityössä.
3. **Asukkaiden arjessa.** Palvelut tukevat hyvinvointia siellä, missä ihmiset elävät: kuntoutuksella kotona ja \
lähiympäristössä, liikunta- ja kulttuurilähetteillä sekä kodin esteettömyyttä parantavilla muutostöillä.""",
            "sv": """Välfärdsområdet främjar invånarnas hälsa och välfärd i flera skeden samtidigt:

1. **Före tjänsterna.** Social- och hälsovården och räddningsväsendet stöder välfärd och trygghet redan innan \
invånaren behöver social- och hälsovårdstjänster, till exempel med näringsrekommendationer, stöd för psykiskt \
välbefinnande, stöd till kommuner och regionala aktörer samt bidrag till organisationer.
2. **Inom social- och hälsovårdstjänsterna.** Primärvården, socialvården och den specialiserade sjukvården främjar \
välfärd i sina egna tjänster: till exempel på rådgivningen och inom skolhälsovården, i levnadsvanehandledningen, \
genom rökfri operation och i det strukturella sociala arbetet.
3. **I invånarnas vardag.** Tjänsterna stöder välfärden där människor bor: med rehabilitering hemma och i \
närmiljön, motions- och kulturremisser och ändringar som gör bostaden tillgängligare.""",
            "en": """A wellbeing services county promotes its residents' health and wellbeing at several phases at \
once:

1. **Before services.** Social and health services and the rescue services support wellbeing and safety before a \
resident needs health and social services: with nutrition recommendations, support for mental wellbeing, support \
to municipalities and local actors, and grants to organisations.
2. **Within health and social services.** Primary care, social services and specialised care promote wellbeing in \
their own services: at maternity and child health clinics and in school health care, in lifestyle counselling, \
through smoke-free surgery and in structural social work.
3. **In residents' everyday environments.** Services support wellbeing where people live: rehabilitation at home \
and nearby, exercise and culture referrals, and alterations that make homes accessible.""",
        },
    },
    {
        "key": "costs",
        "title": {
            "fi": "Edistävä työ hillitsee kustannuksia",
            "sv": "Främjande arbete dämpar kostnaderna",
            "en": "Promotion curbs the growth of costs",
        },
        "body": {
            "fi": """Kun painopistettä siirretään ehkäisevään ja ennakoivaan työhön, peruspalveluissa voidaan \
vahvistaa hyvinvointia edistäviä sekä varhaisen tuen toimintatapoja ja palveluja. Silloin yhä harvempi tarvitsee \
raskaita palveluja, ja kustannusten kasvu hidastuu pitkällä aikavälillä.

Hyviä käytäntöjä kannattaa valita arvioiduista toimintamalleista. Alue voi esimerkiksi vahvistaa perustason \
elintapaohjausta, kehittää perhekeskustoimintaa yhdessä järjestöjen kanssa, lisätä etsivää sosiaalityötä ja \
käyttää digitaalisia palveluja omahoidon tukena.""",
            "sv": """När tyngdpunkten flyttas till förebyggande och föregripande arbete kan basservicen stärka de \
arbetssätt och tjänster som främjar välfärd och ger tidigt stöd. Då behöver allt färre tunga tjänster, och \
kostnadsökningen bromsas på lång sikt.

Goda metoder väljs helst bland utvärderade verksamhetsmodeller. Området kan till exempel stärka \
levnadsvanehandledningen på basnivå, utveckla familjecenterverksamheten tillsammans med organisationerna, öka det \
uppsökande sociala arbetet och använda digitala tjänster som stöd för egenvården.""",
            "en": """Shifting the weight towards preventive and anticipatory work lets basic services strengthen the \
ways of working and the services that promote wellbeing and give early support. Fewer people then need heavy \
services, and the growth of costs slows in the long run.

Good practices are best chosen from evaluated models. A county can, for example, strengthen lifestyle guidance in \
basic services, develop family centres together with organisations, do more outreach social work and use digital \
services to support self-care.""",
        },
    },
]


def add_sections(apps, schema_editor):
    GuidanceSection = apps.get_model("leading", "GuidanceSection")
    for order, spec in enumerate(SECTIONS, start=1):
        texts = {f"{field}_{language}": text for field in ("title", "body") for language, text in spec[field].items()}
        # The plain columns hold the default language, as modeltranslation keeps them.
        GuidanceSection.objects.get_or_create(
            key=spec["key"],
            defaults={"order": order * 10, "title": spec["title"]["fi"], "body": spec["body"]["fi"], **texts},
        )


def remove_sections(apps, schema_editor):
    GuidanceSection = apps.get_model("leading", "GuidanceSection")
    GuidanceSection.objects.filter(key__in=[spec["key"] for spec in SECTIONS]).delete()


class Migration(migrations.Migration):
    dependencies = [("leading", "0001_initial")]

    operations = [migrations.RunPython(add_sections, remove_sections)]
