"""The demo networks' texts, written for the portal in Finnish, Swedish and English from the facts of the source pages.

Each entry: slug, kind, join policy, order, and for each text field a dict of fi / sv / en.
"""

from .models import Network

THEME = Network.Kind.GOOD_SPIRAL_THEME
OPEN = Network.JoinPolicy.OPEN
APPROVAL = Network.JoinPolicy.APPROVAL
INVITATION = Network.JoinPolicy.INVITATION

THEME_RHYTHM = {
    "fi": "Teeman kehittämistyöpaja kerran vuodessa; lisäksi koko verkoston verkostopäivä keväällä ja "
    "Hyvä kierre -päivä syksyllä",
    "sv": "En utvecklingsverkstad om temat en gång om året; dessutom hela nätverkets nätverksdag på våren och "
    "Den goda spiralens dag på hösten",
    "en": "A development workshop on the theme once a year, plus the whole network's networking day in spring and "
    "the Good Spiral day in autumn",
}

NETWORKS = [
    {
        "slug": "nicotine-free-life",
        "kind": THEME,
        "join_policy": OPEN,
        "order": 10,
        "name": {
            "fi": "Savuton ja nikotiiniton elämä",
            "sv": "Ett rök- och nikotinfritt liv",
            "en": "Non-smoking and nicotine-free life",
        },
        "summary": {
            "fi": "Ammattilaiset perusterveydenhuollosta, erikoissairaanhoidosta ja järjestöistä tukevat yhdessä "
            "tupakasta ja nikotiinista vieroittautumista.",
            "sv": "Yrkesfolk från primärvården, den specialiserade sjukvården och organisationer stöder tillsammans "
            "människor som vill sluta med tobak och nikotin.",
            "en": "Professionals from primary care, specialised care and NGOs working together to help people quit "
            "tobacco and nicotine.",
        },
        "description": {
            "fi": "Tupakointi on yhä merkittävin ehkäistävissä oleva ennenaikaisen kuoleman syy. Kun potilas elää "
            "ilman tupakkaa ja nikotiinia, moni sairaus on helpompi hoitaa, haavat paranevat paremmin ja "
            "toimenpiteiden komplikaatiot vähenevät.\n\nVerkostossa eri ammattiryhmät oppivat toisiltaan, miten "
            "vieroitustukea tarjotaan arjen vastaanotoilla ja miten tuki saadaan kaikkien asiakasryhmien ulottuville.",
            "sv": "Rökning är fortfarande den största orsaken till för tidig död som går att förebygga. Ett liv utan "
            "tobak och nikotin gör många sjukdomar lättare att behandla, läkningen bättre och komplikationerna vid "
            "ingrepp färre.\n\nI nätverket lär olika yrkesgrupper av varandra hur man erbjuder stöd för att sluta i "
            "det dagliga mottagningsarbetet och hur stödet når alla klient- och patientgrupper.",
            "en": "Smoking remains the leading preventable cause of early death. Life without tobacco and nicotine "
            "makes many illnesses easier to treat, helps wounds heal and means fewer complications after "
            "procedures.\n\nIn the network, different professions learn from each other how to offer support for "
            "quitting in everyday practice, and how to make that support available to every patient group.",
        },
        "focus_areas": {
            "fi": "Tupakka- ja nikotiiniriippuvuuden Käypä hoito -suosituksen jalkauttaminen\n"
            "Vieroitustuen saatavuus eri potilas- ja asiakasryhmille\n"
            "Savuton Suomi 2030 ja Savuton sairaala -ohjelmien toteutus",
            "sv": "Att införa God medicinsk praxis-rekommendationen om tobaks- och nikotinberoende\n"
            "Tillgången till stöd för att sluta för olika patient- och klientgrupper\n"
            "Programmen Rökfritt Finland 2030 och Rökfritt sjukhus",
            "en": "Putting the Current Care Guideline on tobacco and nicotine addiction into practice\n"
            "Making support for quitting available to different patient and client groups\n"
            "The Tobacco-free Finland 2030 and Smoke-free Hospital programmes",
        },
        "meeting_rhythm": THEME_RHYTHM,
    },
    {
        "slug": "children-and-adolescents",
        "kind": THEME,
        "join_policy": OPEN,
        "order": 20,
        "name": {
            "fi": "Lasten ja nuorten hyvinvointi",
            "sv": "Barns och ungas välbefinnande",
            "en": "Wellbeing of children and adolescents",
        },
        "summary": {
            "fi": "Lasten ja nuorten terveyden ja hyvinvoinnin edistäjät jakavat hyviä käytäntöjä ja rakentavat "
            "palveluja yhdessä Uudellamaalla.",
            "sv": "De som främjar barns och ungas hälsa och välbefinnande delar goda metoder och bygger tjänster "
            "tillsammans i Nyland.",
            "en": "People promoting the health and wellbeing of children and young people share good practices and "
            "build services together in Uusimaa.",
        },
        "description": {
            "fi": "Suomessa kymmenettuhannet nuoret ovat syrjäytyneet ja moninkertainen määrä lapsia ja nuoria on "
            "syrjäytymisvaarassa. Kyse on inhimillisestä kysymyksestä, mutta myös terveydestä ja taloudesta.\n\n"
            "Verkoston jäsenet ovat sitoutuneet edistämään lasten ja nuorten hyvinvointia omassa työssään. Nyt "
            "painopisteenä on rakentaa hyvinvointialueiden, kuntien ja erikoissairaanhoidon yhteisiä palveluja "
            "uusissa sosiaali- ja terveyspalvelujen rakenteissa.",
            "sv": "I Finland har tiotusentals unga hamnat utanför samhället, och många gånger fler barn och unga "
            "riskerar att göra det. Det är en mänsklig fråga men också en fråga om hälsa och ekonomi.\n\n"
            "Nätverkets medlemmar har åtagit sig att främja barns och ungas välbefinnande i sitt arbete. Just nu "
            "ligger tyngdpunkten på att bygga gemensamma tjänster för välfärdsområden, kommuner och den "
            "specialiserade sjukvården i de nya social- och hälsovårdsstrukturerna.",
            "en": "Tens of thousands of young people in Finland are excluded from education and work, and many times "
            "more children and adolescents are at risk. It is a human question as well as one of health and "
            "economy.\n\nMembers are committed to promoting the wellbeing of children and young people in their own "
            "work. The current focus is on building shared services of the wellbeing services counties, "
            "municipalities and specialised care in the new health and social services structures.",
        },
        "focus_areas": {
            "fi": "Hyvät käytännöt ja toimintamallit\nYhteiset palvelut hyvinvointialueille, kunnille ja "
            "erikoissairaanhoitoon\nSyrjäytymisen ehkäisy",
            "sv": "Goda metoder och verksamhetsmodeller\nGemensamma tjänster för välfärdsområden, kommuner och "
            "specialiserad sjukvård\nAtt förebygga utanförskap",
            "en": "Good practices and operating models\nShared services of the wellbeing services counties, "
            "municipalities and specialised care\nPreventing exclusion",
        },
        "meeting_rhythm": THEME_RHYTHM,
    },
    {
        "slug": "long-term-unemployed",
        "kind": THEME,
        "join_policy": OPEN,
        "order": 30,
        "name": {
            "fi": "Pitkäaikaistyöttömien palvelut",
            "sv": "Tjänster för långtidsarbetslösa",
            "en": "Services for the long-term unemployed",
        },
        "summary": {
            "fi": "Sosiaali- ja terveydenhuollon sekä työllisyyspalvelujen ammattilaiset tukevat pitkäaikaistyöttömien "
            "terveyttä, työkykyä ja osallisuutta.",
            "sv": "Yrkesfolk inom social- och hälsovården och sysselsättningstjänsterna stöder långtidsarbetslösas "
            "hälsa, arbetsförmåga och delaktighet.",
            "en": "Professionals in health and social services and employment services supporting the health, work "
            "ability and inclusion of the long-term unemployed.",
        },
        "description": {
            "fi": "Pitkittynyt työttömyys heikentää toimeentuloa ja osallisuutta, ja sen taustalla on usein "
            "työkykyä heikentävä sairaus. Mitä pidempään työttömyys kestää, sitä suurempi on syrjäytymisen riski.\n\n"
            "Verkosto toimii Uudellamaalla ja jakaa tietoa, kokemuksia ja osaamista kunnille, järjestöille ja "
            "sote-organisaatioille. Tavoitteena on tukea laajasti työ- ja toimintakykyä sekä työllistymistä.",
            "sv": "Långvarig arbetslöshet försämrar försörjningen och delaktigheten, och bakom den finns ofta en "
            "sjukdom som nedsätter arbetsförmågan. Ju längre arbetslösheten varar, desto större är risken för "
            "utanförskap.\n\nNätverket verkar i Nyland och delar kunskap, erfarenheter och kompetens med kommuner, "
            "organisationer och social- och hälsovården. Målet är ett brett stöd för arbets- och funktionsförmågan "
            "och för sysselsättningen.",
            "en": "Long unemployment weakens both income and inclusion, and an illness that lowers the ability to "
            "work often lies behind it. The longer it lasts, the greater the risk of exclusion.\n\nThe network works "
            "in Uusimaa, sharing knowledge, experience and skills with municipalities, NGOs and health and social "
            "services. The aim is broad support for work ability, functional capacity and employment.",
        },
        "focus_areas": {
            "fi": "Työ- ja toimintakyvyn tuki\nTyöllistymistä edistävät palvelut\nOsallisuuden vahvistaminen",
            "sv": "Stöd för arbets- och funktionsförmågan\nTjänster som främjar sysselsättning\n"
            "Att stärka delaktigheten",
            "en": "Support for work ability and functional capacity\nServices that promote employment\n"
            "Strengthening inclusion",
        },
        "meeting_rhythm": THEME_RHYTHM,
    },
    {
        "slug": "obesity",
        "kind": THEME,
        "join_policy": OPEN,
        "order": 40,
        "name": {
            "fi": "Lihavuuden ehkäisy ja hoito",
            "sv": "Att förebygga och behandla fetma",
            "en": "Prevention and treatment of obesity",
        },
        "summary": {
            "fi": "Ammattilaiset, asiantuntijat ja esihenkilöt rakentavat yhtenäistä lihavuuden hoitoketjua lapsille "
            "ja aikuisille HUS-alueella.",
            "sv": "Yrkesfolk, experter och chefer bygger en enhetlig vårdkedja för fetma hos barn och vuxna inom "
            "HUS-området.",
            "en": "Professionals, experts and managers building one obesity care pathway for children and adults in "
            "the HUS area.",
        },
        "description": {
            "fi": "Lihavuuteen vaikuttavat yhteiskunta, ympäristö ja yksilön valinnat, ja se altistaa muun muassa "
            "diabetekselle, sydän- ja verisuonitaudeille sekä monille syöville. Teemme osaltamme työtä myös "
            "lihavuuteen liittyvän stigman vähentämiseksi.\n\nVerkostossa voi kysyä kollegalta, oppia yhdessä ja "
            "kehittää ratkaisuja perusterveydenhuollon, erikoissairaanhoidon ja järjestöjen kesken.",
            "sv": "Fetma påverkas av samhället, miljön och individens val, och den ökar risken för bland annat "
            "diabetes, hjärt- och kärlsjukdomar och många cancerformer. Vi arbetar också för att minska stigmat "
            "kring fetma.\n\nI nätverket kan man fråga en kollega, lära sig tillsammans och utveckla lösningar "
            "mellan primärvården, den specialiserade sjukvården och organisationerna.",
            "en": "Obesity is shaped by society, the environment and personal choices, and it raises the risk of "
            "diabetes, heart and vascular disease and many cancers. We also work to reduce the stigma around it.\n\n"
            "The network is a place to ask a colleague, learn together and develop solutions across primary care, "
            "specialised care and NGOs.",
        },
        "focus_areas": {
            "fi": "Lihavuuden Käypä hoito -suosituksen toimeenpano\nAsiakkaan kohtaaminen, puheeksi otto ja "
            "stigman vähentäminen\nAlueelliset hoitoketjut lapsille, nuorille ja aikuisille\n"
            "Digitaaliset hoitopolut ja elintapainterventiot",
            "sv": "Att genomföra God medicinsk praxis-rekommendationen om fetma\nAtt möta klienten, ta upp vikten "
            "och minska stigmat\nRegionala vårdkedjor för barn, unga och vuxna\n"
            "Digitala vårdvägar och levnadsvaneinterventioner",
            "en": "Implementing the Current Care Guideline on obesity\nMeeting clients, raising the subject and "
            "reducing stigma\nRegional care pathways for children, adolescents and adults\n"
            "Digital care pathways and lifestyle interventions",
        },
        "meeting_rhythm": THEME_RHYTHM,
    },
    {
        "slug": "fall-prevention",
        "kind": THEME,
        "join_policy": OPEN,
        "order": 50,
        "name": {
            "fi": "Kaatumisten ehkäisy",
            "sv": "Att förebygga fall",
            "en": "Prevention of falls",
        },
        "summary": {
            "fi": "Vertaistukea ja yhteisiä palveluketjuja kaatumisten ja kompastumisten ehkäisyyn sotessa ja "
            "järjestöissä.",
            "sv": "Kamratstöd och gemensamma servicekedjor för att förebygga fall och snubbelolyckor inom social- "
            "och hälsovården och i organisationer.",
            "en": "Peer support and shared service chains for preventing falls in health and social services and NGOs.",
        },
        "description": {
            "fi": "Kaatumiset ja kompastumiset ovat yleisin tapaturmatyyppi: Suomessa niitä sattuu vuosittain noin "
            "400 000, ja ne johtavat noin 7 000 lonkkamurtumaan. Useimmat loukkaantuneet ovat yli 75-vuotiaita, ja "
            "onnettomuus sattuu yleensä kotona.\n\nVerkosto vahvistaa jäsentensä osaamista kaatumisten ehkäisyssä "
            "vertaistuen avulla ja tukee alueiden hankkeita. Jäsenet jakavat hyviä käytäntöjä ja kuvaavat yhdessä "
            "palveluketjuja ja hoitopolkuja.",
            "sv": "Fall och snubbelolyckor är den vanligaste typen av olycksfall: i Finland inträffar omkring "
            "400 000 varje år, och de leder till omkring 7 000 höftfrakturer. De flesta som skadas är över 75 år, "
            "och olyckan sker oftast i hemmet.\n\nNätverket stärker medlemmarnas kunnande om att förebygga fall "
            "genom kamratstöd och stöder projekten i regionerna. Medlemmarna delar goda metoder och beskriver "
            "tillsammans servicekedjor och vårdvägar.",
            "en": "Falls and stumbles are the most common accidents: some 400,000 happen in Finland every year, "
            "leading to about 7,000 hip fractures. Most of those injured are over 75, and the fall usually happens "
            "at home.\n\nThe network builds its members' skills in fall prevention through peer support and backs "
            "projects in their areas. Members share good practices and describe service chains and care pathways "
            "together.",
        },
        "focus_areas": {
            "fi": "Kaatumisriskin itsearviointi ja ammattilaisen tekemä riskinarviointi\nTurvallinen ympäristö ja "
            "sopivat apuvälineet\nTasapaino- ja lihasvoimaharjoittelu sekä toimintakyvyn ylläpito\n"
            "Sopiva lääkitys ja sairauksien asianmukainen hoito\nTurvallisesti kaikenikäisenä -ohjelma 2021–2030",
            "sv": "Självbedömning av fallrisken och riskbedömning gjord av en yrkesperson\nTrygg miljö och lämpliga "
            "hjälpmedel\nBalans- och muskelträning och bibehållen funktionsförmåga\nLämplig medicinering och god "
            "vård av sjukdomar\nProgrammet Tryggt i alla åldrar 2021–2030",
            "en": "Self-assessment of fall risk and a professional's risk assessment\nA safe environment and "
            "suitable assistive devices\nBalance and strength exercise and keeping up functional capacity\n"
            "Suitable medication and good care of illnesses\nThe Safely at All Ages programme 2021–2030",
        },
        "meeting_rhythm": THEME_RHYTHM,
    },
    {
        "slug": "public-health-directors",
        "kind": Network.Kind.DIRECTOR_NETWORK,
        "join_policy": APPROVAL,
        "order": 110,
        "name": {
            "fi": "Uudenmaan terveyskeskusjohtajien verkosto",
            "sv": "Nylands nätverk för hälsovårdscentralsdirektörer",
            "en": "Uusimaa public health directors' network",
        },
        "summary": {
            "fi": "Perusterveydenhuollon johtajien vertaisryhmä, joka vie yhdessä eteenpäin alueen "
            "perusterveydenhuollon asioita.",
            "sv": "En kamratgrupp för direktörer inom primärvården som tillsammans driver primärvårdens frågor i "
            "regionen.",
            "en": "A peer group of primary health care directors who advance the region's primary care issues "
            "together.",
        },
        "description": {
            "fi": "Verkosto kokoontuu säännöllisesti keskustelemaan perusterveydenhuollon kehittämisestä, sote-"
            "uudistuksen etenemisestä ja terveydenhuollon toimivuudesta. Tarvittaessa se antaa lausuntoja ja nostaa "
            "esiin ajankohtaisia asioita, ja kokouksiin voidaan kutsua alustajia esimerkiksi ministeriöstä tai "
            "aluehallintovirastosta.\n\nHUSin perusterveydenhuollon yksikkö vastaa kokousten teknisistä "
            "järjestelyistä ja avustaa puheenjohtajaa valmistelussa. Jäsenyys hyväksytään erikseen.",
            "sv": "Nätverket möts regelbundet för att diskutera utvecklingen av primärvården, hur social- och "
            "hälsovårdsreformen framskrider och hur hälso- och sjukvården fungerar. Vid behov ger det utlåtanden "
            "och lyfter fram aktuella frågor, och till mötena kan man bjuda in inledare till exempel från "
            "ministeriet eller regionförvaltningsverket.\n\nHUS enhet för primärvård sköter mötenas tekniska "
            "arrangemang och hjälper ordföranden med beredningen. Medlemskapet godkänns separat.",
            "en": "The network meets regularly to discuss the development of primary health care, the progress of "
            "the health and social services reform and how health care works. When needed it gives statements and "
            "raises current issues, and it may invite speakers from, for example, the ministry or the Regional State "
            "Administrative Agency.\n\nThe HUS primary health care unit organises the meetings and helps the chair "
            "prepare them. Membership is approved separately.",
        },
        "focus_areas": {
            "fi": "Vertaistuki perusterveydenhuollon johtajille\nLausunnot ja ajankohtaiset kannanotot\n"
            "Terveydenhuollon järjestämissuunnitelman yhteistyöasiat\nTerveyden ja hyvinvoinnin edistäminen sekä "
            "yleislääketiede",
            "sv": "Kamratstöd för direktörer inom primärvården\nUtlåtanden och aktuella ställningstaganden\n"
            "Samarbetsfrågor i organiseringsplanen för hälso- och sjukvården\nHälsofrämjande och allmänmedicin",
            "en": "Peer support for primary health care directors\nStatements and current positions\n"
            "Cooperation questions of the health care organisation plan\nHealth promotion and general medicine",
        },
        "meeting_rhythm": {
            "fi": "Säännöllisesti, kokouskutsun mukaan",
            "sv": "Regelbundet, enligt möteskallelse",
            "en": "Regularly, as invited",
        },
    },
    {
        "slug": "oral-health-directors",
        "kind": Network.Kind.DIRECTOR_NETWORK,
        "join_policy": APPROVAL,
        "order": 120,
        "name": {
            "fi": "Uudenmaan suun terveydenhuollon johtajien verkosto",
            "sv": "Nylands nätverk för direktörer inom munhälsovården",
            "en": "Uusimaa oral health directors' network",
        },
        "summary": {
            "fi": "Suun terveydenhuollon johtajat edistävät alan yhdenmukaista kehittämistä ja jakavat osaamistaan.",
            "sv": "Direktörerna inom munhälsovården främjar en enhetlig utveckling av området och delar sitt kunnande.",
            "en": "Oral health care directors promoting consistent development of their field and sharing expertise.",
        },
        "description": {
            "fi": "Verkosto käsittelee suun terveydenhuollon ajankohtaisia kysymyksiä, esittelee hyviä käytäntöjä ja "
            "ottaa tarvittaessa vahvasti kantaa alan asioihin. Kokouksiin kutsutaan edustajia kunnista, "
            "aluehallintovirastosta, sosiaali- ja terveysministeriöstä ja HUSista.\n\nHUSin "
            "perusterveydenhuollon yksikkö järjestää kokoukset ja avustaa puheenjohtajaa. Jäsenyys hyväksytään "
            "erikseen.",
            "sv": "Nätverket behandlar aktuella frågor inom munhälsovården, presenterar goda metoder och tar vid "
            "behov kraftigt ställning i frågor som gäller området. Till mötena bjuds representanter från kommuner, "
            "regionförvaltningsverket, social- och hälsovårdsministeriet och HUS.\n\nHUS enhet för primärvård "
            "ordnar mötena och hjälper ordföranden. Medlemskapet godkänns separat.",
            "en": "The network deals with current questions of oral health care, presents good practices and, when "
            "needed, takes a firm stand on issues of the field. Representatives of municipalities, the Regional "
            "State Administrative Agency, the Ministry of Social Affairs and Health and HUS are invited to the "
            "meetings.\n\nThe HUS primary health care unit organises the meetings and assists the chair. Membership "
            "is approved separately.",
        },
        "focus_areas": {
            "fi": "Sote-uudistus suun terveydenhuollossa\nHyvien käytäntöjen jakaminen\nLausunnot suun "
            "terveydenhuollon kysymyksistä\nErikoishammashoidon ja vaativien potilasryhmien hoidon yhteistyö",
            "sv": "Social- och hälsovårdsreformen inom munhälsovården\nAtt dela goda metoder\nUtlåtanden i frågor "
            "om munhälsovård\nSamarbete kring specialisttandvård och vård av krävande patientgrupper",
            "en": "The health and social services reform in oral health care\nSharing good practices\nStatements "
            "on oral health care issues\nCooperation on specialist dental care and care of demanding patient groups",
        },
        "meeting_rhythm": {
            "fi": "3–4 kertaa vuodessa",
            "sv": "3–4 gånger om året",
            "en": "3–4 times a year",
        },
    },
    {
        "slug": "developer-coaching-alumni",
        "kind": Network.Kind.COACHING_ALUMNI,
        "join_policy": INVITATION,
        "order": 210,
        "name": {
            "fi": "Kehittäjävalmennuksen alumnit",
            "sv": "Alumner från utvecklarcoachningen",
            "en": "Developer coaching alumni",
        },
        "summary": {
            "fi": "Sote-kehittäjävalmennuksen käyneet kehittäjät tapaavat vuosittain ja oppivat toisiltaan.",
            "sv": "Utvecklare som gått social- och hälsovårdens utvecklarcoachning träffas varje år och lär av "
            "varandra.",
            "en": "Developers who completed the health and social services developer coaching meet yearly and learn "
            "from each other.",
        },
        "description": {
            "fi": "Kehittäjävalmennus on tarkoitettu perusterveydenhuollon, erikoissairaanhoidon ja "
            "sosiaalipalvelujen kehittäjille HUS-alueella. Valmennukseen kuuluu kolme kahden päivän jaksoa ja "
            "päätöspäivä, ja jokainen osallistuja vie eteenpäin oman työnsä kehittämiskohdetta.\n\nHUS-alueella on "
            "jo yli 300 valmennuksen käynyttä kehittäjää. Valmennuksen käyneet kutsutaan alumniverkostoon ja sen "
            "maksuttomiin vuosittaisiin kehittäjätapaamisiin.",
            "sv": "Utvecklarcoachningen är avsedd för dem som utvecklar primärvården, den specialiserade sjukvården "
            "och socialtjänsterna inom HUS-området. Den består av tre tvådagarsperioder och en avslutningsdag, och "
            "varje deltagare driver ett utvecklingsobjekt i sitt eget arbete.\n\nInom HUS-området finns redan över "
            "300 utbildade utvecklare. De som gått coachningen bjuds in till alumnnätverket och dess avgiftsfria "
            "årliga utvecklarträffar.",
            "en": "The developer coaching is meant for people developing primary care, specialised care and social "
            "services in the HUS area. It has three two-day sessions and a closing day, and each participant works "
            "on a development target of their own.\n\nThe HUS area already has more than 300 trained developers. "
            "Those who complete the coaching are invited to the alumni network and its free yearly developer "
            "meetings.",
        },
        "focus_areas": {
            "fi": "Kehittämismenetelmät\nAsiakaslähtöisyys ja palvelumuotoilu\nTalouden lainalaisuudet\nArviointi",
            "sv": "Utvecklingsmetoder\nKundorientering och tjänstedesign\nEkonomiska lagbundenheter\nUtvärdering",
            "en": "Development methods\nCustomer focus and service design\nThe economics of services\nEvaluation",
        },
        "meeting_rhythm": {
            "fi": "Kehittäjätapaaminen kerran vuodessa",
            "sv": "En utvecklarträff en gång om året",
            "en": "A developer meeting once a year",
        },
    },
    {
        "slug": "hus-internal-hyte-group",
        "kind": Network.Kind.INTERNAL_GROUP,
        "join_policy": INVITATION,
        "order": 310,
        "name": {
            "fi": "HUSin moniammatillinen hyte-ryhmä",
            "sv": "HUS multiprofessionella grupp för hälsofrämjande",
            "en": "HUS multidisciplinary health promotion group",
        },
        "summary": {
            "fi": "HUSin sisäinen ryhmä, joka asettaa terveyden ja hyvinvoinnin edistämisen tavoitteet ja seuraa "
            "niiden toteutumista.",
            "sv": "En intern grupp inom HUS som ställer upp målen för hälsofrämjandet och följer upp hur de nås.",
            "en": "A HUS internal group that sets the goals of health and wellbeing promotion and follows how they "
            "are met.",
        },
        "description": {
            "fi": "Ryhmä määrittelee HUSissa tehtävän hyte-työn tavoitteet sekä seuraa niiden saavuttamista ja "
            "toiminnan vaikuttavuutta. Tavoitteena on, että terveyden edistäminen ja sairauksien ehkäisy ovat "
            "luonteva osa kaikkien ammattilaisten työtä potilaan hyväksi.\n\nHUS on STESO ry:n jäsen, ja työssä "
            "otetaan huomioon terveyttä edistävien sairaaloiden kansainvälisen HPH-verkoston standardit. Ryhmän "
            "jäsenet nimetään HUSin yksiköistä.",
            "sv": "Gruppen fastställer målen för det hälsofrämjande arbetet inom HUS och följer upp hur de nås och "
            "hur verksamheten verkar. Målet är att hälsofrämjande och förebyggande av sjukdomar ska vara en "
            "naturlig del av alla yrkespersoners arbete till nytta för patienten.\n\nHUS är medlem i STESO ry, och "
            "arbetet beaktar standarderna i det internationella nätverket för hälsofrämjande sjukhus (HPH). "
            "Gruppens medlemmar utses från HUS enheter.",
            "en": "The group defines the goals of health and wellbeing work at HUS and follows how they are met and "
            "how effective the work is. The aim is that promoting health and preventing illness is a natural part of "
            "every professional's work for the patient.\n\nHUS is a member of STESO, the Finnish association for "
            "health-promoting hospitals, and the work follows the standards of the international Health Promoting "
            "Hospitals and Health Services network (HPH). Members are appointed from HUS units.",
        },
        "focus_areas": {
            "fi": "HUSin hyte-työn tavoitteet\nTavoitteiden ja vaikuttavuuden seuranta\nHPH-standardit",
            "sv": "Målen för det hälsofrämjande arbetet inom HUS\nUppföljning av mål och verkan\nHPH-standarderna",
            "en": "Goals of health promotion at HUS\nFollowing up goals and effectiveness\nThe HPH standards",
        },
        "meeting_rhythm": {
            "fi": "Ryhmän oman kokousaikataulun mukaan",
            "sv": "Enligt gruppens egen mötesplan",
            "en": "On the group's own meeting schedule",
        },
    },
]
