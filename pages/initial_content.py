"""The first texts of the four pages in Finnish, Swedish and English, which the data migration writes.

They are what a fresh installation opens with; from then on staff edit the pages in the admin, and these texts are
never written over an existing page (services.create_missing_pages). The module is long because it holds twelve
page texts, nothing else. Addresses are example.org placeholders for the real ones staff fill in.
"""

from datetime import date

TRANSLATED_FIELDS = ("title", "lead", "body", "scope", "non_conformities", "assessment_method", "supervisor_contact")

UNIT_EMAIL = "hyte@example.org"
CONTROLLER_EMAIL = "tietosuoja@example.org"

PRIVACY = {
    "title": {
        "fi": "Tietosuojaseloste",
        "sv": "Dataskyddsbeskrivning",
        "en": "Privacy notice",
    },
    "lead": {
        "fi": "Tässä kerromme, mitä tietoja HYTE-portaali sinusta tallentaa, mihin niitä käytetään, kuinka kauan niitä "
        "säilytetään, kuka niitä näkee ja miten voit itse katsoa, ladata tai poistaa ne.",
        "sv": "Här berättar vi vilka uppgifter HYTE-portalen sparar om dig, vad de används till, hur länge de sparas, "
        "vem som ser dem och hur du själv kan se, ladda ner eller radera dem.",
        "en": "This notice tells you what the HYTE portal keeps about you, what for, for how long, who can see it, and "
        "how you can look at, download or erase it yourself.",
    },
    "body": {
        "fi": """\
## Rekisterinpitäjä

Portaalin henkilötietojen rekisterinpitäjä on sairaanhoitopiirin perusterveydenhuollon yksikkö. Yhteystiedot ovat
tämän sivun lopussa. Samaan osoitteeseen voit lähettää myös tietosuojavastaavalle tarkoitetut kysymykset.

## Mitä tietoja tallennamme

- **Käyttäjätili ja profiili:** sähköpostiosoite, nimi, organisaatio, tehtävänimike, ammattiryhmä, alue,
  asiointikieli, tieto siitä, näytetäänkö sinut verkostojen jäsenluetteloissa, sekä salasana muodossa, josta sitä
  ei voi palauttaa.
- **Verkostojen jäsenyydet:** mihin verkostoihin olet liittynyt tai pyytänyt pääsyä, milloin, ja pyyntöjä koskevat
  päätökset.
- **Ilmoittautumiset:** tapahtumat, joihin olet ilmoittautunut, osallistumistapa sekä vastauksesi tapahtuman
  kysymyksiin (esimerkiksi ruokavalio).
- **Läsnäolo ja todistukset:** merkintä osallistumisesta ja sinulle annetut osallistumistodistukset.
- **Kutsut verkostoihin:** jos verkoston koordinaattori kutsuu sinut, osoitteesi, verkosto, kutsun ajankohta ja
  voimassaolo sekä se, otitko kutsun vastaan.
- **Uutiskirjeen tilaus:** osoite, kieli sekä milloin annoit suostumuksen ja milloin peruit sen.
- **Lokitiedot päätöksistä:** kuka teki portaalissa minkäkin päätöksen (esimerkiksi hyväksyi jäsenyyden tai perui
  ilmoittautumisen) ja milloin.
- **Palautteet:** palautelomakkeella lähetetyt viestit ja ne yhteystiedot, jotka itse annat.

Lisäksi palvelin laskee lyhyen aikaa yhdestä IP-osoitteesta tulevia yrityksiä (kirjautumiset, lomakkeet)
väärinkäytön estämiseksi, ja kirjautuminen käyttää evästettä. Seurantaevästeitä emme käytä.

## Miksi ja millä perusteella

- Verkostojen, tapahtumien ja materiaalipankin ylläpito kuuluu yksikön lakisääteiseen tehtävään edistää alueen
  väestön terveyttä ja hyvinvointia (muun muassa laki 615/2021, 8 §). Käsittely perustuu yleisen edun mukaiseen
  tehtävään (EU:n yleinen tietosuoja-asetus, 6 artiklan 1 kohdan e alakohta).
- Uutiskirje lähetetään suostumuksesi perusteella (6 artiklan 1 kohdan a alakohta). Voit perua tilauksen milloin
  tahansa jokaisen kirjeen linkistä tai Oma sivu -näkymästä.
- Ruokavaliota tai muuta terveyttä koskeva vastaus ilmoittautumiskysymykseen annetaan nimenomaisella
  suostumuksellasi (9 artiklan 2 kohdan a alakohta) ja käytetään vain tapahtuman järjestämiseen.
- Päätösten lokitiedoilla osoitamme, että päätökset on tehty asianmukaisesti, ja suojaamme tietoja luvattomalta
  käytöltä (6 artiklan 1 kohdan e alakohta ja 32 artikla).

## Kuinka kauan tietoja säilytetään

- Vastaukset ilmoittautumiskysymyksiin poistetaan 30 päivää tapahtuman päättymisen jälkeen. Ilmoittautuminen
  itse jää tilastointia varten.
- Käyttäjätili, jonka sähköpostiosoitetta ei ole vahvistettu, poistetaan 7 päivän kuluttua.
- Vahvistamaton uutiskirjetilaus poistetaan, kun vahvistuslinkki vanhenee.
- Kutsu verkostoon, jota ei otettu vastaan, poistetaan, kun se vanhenee (14 päivän kuluttua).
- Muut tiedot säilytetään niin kauan kuin sinulla on käyttäjätili. Kun poistat tilisi, profiilisi, jäsenyytesi,
  ilmoittautumisesi ja uutiskirjetilauksesi poistetaan. Päätösten lokimerkinnät säilyvät, mutta nimesi ja
  osoitteesi poistetaan niistä.
- Palautteet säilytetään niin kauan kuin niiden käsittely vaatii.

## Kuka tietoja näkee

- Yksikön portaalia ylläpitävä henkilöstö näkee tiedot siltä osin kuin ylläpito sitä vaatii.
- Verkoston koordinaattorit (yhteyshenkilö, puheenjohtaja, sihteeri) näkevät vain omien verkostojensa jäsenyydet ja
  tapahtumien ilmoittautumiset.
- Muut jäsenet näkevät nimesi, organisaatiosi ja tehtävänimikkeesi verkoston jäsenluettelossa vain, jos olet
  itse valinnut näkyä siinä.
- Tietoja ei luovuteta ulkopuolisille eikä siirretä EU:n tai ETA:n ulkopuolelle. Palvelun teknisestä ylläpidosta
  voi huolehtia palveluntarjoaja, jota sitoo henkilötietojen käsittelysopimus.

## Oikeutesi

Sinulla on oikeus saada pääsy tietoihisi, oikaista ja poistaa niitä, rajoittaa niiden käsittelyä, vastustaa
käsittelyä sekä perua antamasi suostumus. Jos katsot, että tietojasi käsitellään lainvastaisesti, voit tehdä
valituksen tietosuojavaltuutetun toimistolle.
""",
        "sv": """\
## Personuppgiftsansvarig

Personuppgiftsansvarig för portalen är sjukvårdsdistriktets enhet för primärvård. Kontaktuppgifterna finns i slutet
av den här sidan. Till samma adress kan du också skicka frågor till dataskyddsombudet.

## Vilka uppgifter vi sparar

- **Användarkonto och profil:** e-postadress, namn, organisation, befattning, yrkesgrupp, område, språk, om du
  visas i nätverkens medlemsförteckningar, samt lösenordet i en form som inte kan återställas.
- **Medlemskap i nätverk:** vilka nätverk du har gått med i eller bett om att få gå med i, när, och besluten om
  dina förfrågningar.
- **Anmälningar:** de evenemang du har anmält dig till, hur du deltar och dina svar på evenemangets frågor (till
  exempel specialkost).
- **Närvaro och intyg:** uppgift om att du deltog och de deltagarintyg du har fått.
- **Inbjudningar till nätverk:** om ett nätverks koordinator bjuder in dig, din adress, nätverket, när inbjudan
  skickades och hur länge den gäller, samt om du tog emot den.
- **Prenumeration på nyhetsbrevet:** adress, språk och när du gav och återkallade ditt samtycke.
- **Logg över beslut:** vem som fattade vilket beslut i portalen (till exempel godkände ett medlemskap eller
  avbokade en anmälan) och när.
- **Respons:** meddelanden som skickats med responsformuläret och de kontaktuppgifter du själv uppger.

Dessutom räknar servern under en kort tid försöken från en IP-adress (inloggningar, formulär) för att förhindra
missbruk, och inloggningen använder en kaka. Vi använder inga spårningskakor.

## Varför och på vilken grund

- Att upprätthålla nätverken, evenemangen och materialbanken hör till enhetens lagstadgade uppgift att främja
  befolkningens hälsa och välfärd i regionen (bland annat lag 615/2021, 8 §). Behandlingen grundar sig på en uppgift
  av allmänt intresse (EU:s allmänna dataskyddsförordning, artikel 6.1 e).
- Nyhetsbrevet skickas med ditt samtycke (artikel 6.1 a). Du kan avsluta prenumerationen när som helst via länken i
  varje brev eller på Min sida.
- Svar på anmälningsfrågor som gäller kost eller annars hälsan ges med ditt uttryckliga samtycke (artikel 9.2 a)
  och används endast för att ordna evenemanget.
- Med loggen över beslut visar vi att besluten har fattats på rätt sätt och skyddar uppgifterna mot obehörig
  användning (artikel 6.1 e och artikel 32).

## Hur länge uppgifterna sparas

- Svar på anmälningsfrågor raderas 30 dagar efter att evenemanget har slutat. Själva anmälan sparas för
  statistiken.
- Ett användarkonto vars e-postadress aldrig har bekräftats raderas efter 7 dagar.
- En obekräftad prenumeration på nyhetsbrevet raderas när bekräftelselänken har gått ut.
- En inbjudan till ett nätverk som inte togs emot raderas när den har gått ut (efter 14 dagar).
- Övriga uppgifter sparas så länge du har ett användarkonto. När du raderar ditt konto raderas din profil, dina
  medlemskap, anmälningar och din prenumeration. Loggens anteckningar om beslut finns kvar, men ditt namn och din
  adress tas bort ur dem.
- Respons sparas så länge som behandlingen av den kräver.

## Vem som ser uppgifterna

- Enhetens personal som sköter portalen ser uppgifterna i den mån skötseln kräver det.
- Nätverkens koordinatorer (kontaktperson, ordförande, sekreterare) ser endast medlemskapen och
  evenemangsanmälningarna i sina egna nätverk.
- Andra medlemmar ser ditt namn, din organisation och din befattning i ett nätverks medlemsförteckning endast om
  du själv har valt att synas där.
- Uppgifterna lämnas inte ut till utomstående och överförs inte utanför EU eller EES. Den tekniska driften kan
  skötas av en tjänsteleverantör som är bunden av ett avtal om behandling av personuppgifter.

## Dina rättigheter

Du har rätt att få tillgång till dina uppgifter, att rätta och radera dem, att begränsa behandlingen, att invända
mot behandlingen och att återkalla ditt samtycke. Om du anser att dina uppgifter behandlas i strid med lagen kan du
lämna in ett klagomål till dataombudsmannens byrå.
""",
        "en": """\
## Controller

The controller of the personal data in the portal is the hospital district's primary health care unit. Its contact
details are at the end of this page; questions for the data protection officer can be sent to the same address.

## What we keep

- **Account and profile:** e-mail address, name, organisation, job title, profession, region, language, whether
  you are listed in network member directories, and your password in a form that cannot be turned back.
- **Network memberships:** which networks you have joined or asked to join, when, and the decisions on your
  requests.
- **Enrolments:** the events you have enrolled in, how you take part, and your answers to the event's questions
  (dietary needs, for example).
- **Attendance and certificates:** whether you attended, and the certificates of participation issued to you.
- **Invitations to networks:** if a network's coordinator invites you, your address, the network, when the
  invitation was sent and until when it is valid, and whether you accepted it.
- **Newsletter subscription:** the address, the language, and when you gave and withdrew your consent.
- **Audit trail:** who took which decision in the portal (approved a membership or cancelled an enrolment, for
  example) and when.
- **Feedback:** messages sent with the feedback form, with whatever contact details you choose to give.

The server also counts attempts from each IP address for a short while (logins, forms) to stop misuse, and logging
in uses a cookie. We use no tracking cookies.

## Why, and on what legal basis

- Running the networks, events and material bank is part of the unit's statutory task of promoting the health and
  wellbeing of the region's population (among others, Act 615/2021, section 8). The processing is based on a task
  carried out in the public interest (General Data Protection Regulation, Article 6(1)(e)).
- The newsletter is sent with your consent (Article 6(1)(a)). You can unsubscribe at any time through the link in
  every issue or on My page.
- An answer to an enrolment question about diet or other health matters is given with your explicit consent
  (Article 9(2)(a)) and used only to arrange the event.
- The audit trail shows that decisions were taken properly and protects the data from misuse (Article 6(1)(e) and
  Article 32).

## How long we keep it

- Answers to enrolment questions are erased 30 days after the event ends. The enrolment itself stays for
  statistics.
- An account whose e-mail address was never verified is removed after 7 days.
- A newsletter subscription that was never confirmed is removed when its confirmation link expires.
- An invitation to a network that was not accepted is removed when it expires (after 14 days).
- Everything else is kept for as long as you have an account. When you delete your account, your profile,
  memberships, enrolments and newsletter subscription are erased. The audit trail keeps its entries, but your name
  and address are removed from them.
- Feedback is kept for as long as handling it requires.

## Who sees it

- The unit's staff who run the portal, as far as running it requires.
- Network coordinators (contact person, chair, secretary) see the memberships and event enrolments of their own
  networks only.
- Other members see your name, organisation and job title in a network's member directory only if you have chosen
  to be listed there.
- Nothing is disclosed to outsiders or transferred outside the EU or the EEA. The technical upkeep of the service
  may be done by a service provider bound by a data processing agreement.

## Your rights

You have the right to access your data, to have it corrected or erased, to restrict its processing, to object to
the processing and to withdraw your consent. If you think your data is processed unlawfully, you can complain to the
Office of the Data Protection Ombudsman.
""",
    },
    "contact_email": CONTROLLER_EMAIL,
}

ACCESSIBILITY = {
    "title": {
        "fi": "Saavutettavuusseloste",
        "sv": "Tillgänglighetsutlåtande",
        "en": "Accessibility statement",
    },
    "lead": {
        "fi": "Haluamme, että jokainen voi käyttää HYTE-portaalia. Tässä selosteessa kerromme, miten portaali täyttää "
        "digitaalisten palvelujen tarjoamisesta annetun lain (306/2019) vaatimukset, mitä puutteita siinä vielä on ja "
        "miten voit antaa meille palautetta.",
        "sv": "Vi vill att alla ska kunna använda HYTE-portalen. I det här utlåtandet berättar vi hur portalen "
        "uppfyller kraven i lagen om tillhandahållande av digitala tjänster (306/2019), vilka brister som ännu "
        "finns och hur du kan ge oss respons.",
        "en": "We want everyone to be able to use the HYTE portal. This statement tells how the portal meets the "
        "requirements of the Act on the Provision of Digital Services (306/2019), what is still lacking, and how to "
        "give us feedback.",
    },
    "body": {
        "fi": """\
Portaalin sivuilla voi liikkua pelkällä näppäimistöllä, ensimmäinen sarkaimen painallus vie suoraan sisältöön, ja
sivut toimivat 320 pikselin levyisellä näytöllä sekä 200 prosentin suurennuksella. Kaikki sisältö on tarjolla
suomeksi, ruotsiksi ja englanniksi.
""",
        "sv": """\
Portalens sidor kan användas med enbart tangentbordet, den första tabbtryckningen leder direkt till innehållet,
och sidorna fungerar på en 320 pixlar bred skärm och med 200 procents förstoring. Allt innehåll finns på finska,
svenska och engelska.
""",
        "en": """\
The portal's pages can be used with the keyboard alone, the first press of the Tab key leads straight to the
content, and the pages work on a screen 320 pixels wide and at 200 per cent zoom. All content is offered in Finnish,
Swedish and English.
""",
    },
    "scope": {
        "fi": "Seloste koskee HYTE-portaalia: verkostojen, tapahtumien ja materiaalipankin sivuja, ilmoittautumista, "
        "uutiskirjeen tilaamista sekä kirjautuneen käyttäjän Oma sivu -näkymää. Se ei koske henkilöstön "
        "ylläpitonäkymää eikä muiden palvelujen sivuja, joihin portaalista linkitetään.",
        "sv": "Utlåtandet gäller HYTE-portalen: sidorna om nätverk, evenemang och materialbanken, anmälan, "
        "prenumerationen på nyhetsbrevet samt den inloggade användarens Min sida. Det gäller inte personalens "
        "administrationsvy eller andra tjänsters sidor som portalen länkar till.",
        "en": "This statement covers the HYTE portal: the pages of the networks, events and material bank, enrolment, "
        "the newsletter sign-up and a logged-in member's My page. It does not cover the staff's administration "
        "interface or the pages of other services that the portal links to.",
    },
    "compliance_status": "partially",
    "non_conformities": {
        "fi": """\
- **Materiaalipankin tiedostot.** Verkostojen lataamat PDF- ja Office-tiedostot eivät kaikki ole saavutettavia:
  niistä voi puuttua otsikkorakenne, kuvien tekstivastineet tai oikea lukujärjestys (WCAG 1.1.1, 1.3.1, 1.3.2).
  Uudet tiedostot tarkistetaan ennen julkaisua. Saat saavutettavan version pyytämällä sitä palautelomakkeella.
- **Videot.** Kaikissa materiaalipankin videoissa ei ole tekstitystä (WCAG 1.2.2). Tekstitämme omat videomme
  vuoden 2027 loppuun mennessä.
- **Osallistumistodistukset.** Portaalin tuottamat PDF-todistukset eivät ole rakenteistettuja (tagged PDF), joten
  ruudunlukija lukee ne pelkkänä tekstinä (WCAG 1.3.1). Sama tieto näkyy Oma sivu -näkymässä.
- **Verkkotapaamiset.** Aamukahvit ja muut verkkotilaisuudet pidetään ulkopuolisessa videoneuvottelupalvelussa,
  jonka saavutettavuuteen emme voi vaikuttaa.
""",
        "sv": """\
- **Filerna i materialbanken.** Alla pdf- och Office-filer som nätverken laddar upp är inte tillgängliga: de kan
  sakna rubrikstruktur, textalternativ för bilder eller rätt läsordning (WCAG 1.1.1, 1.3.1, 1.3.2). Nya filer
  granskas före publiceringen. Du får en tillgänglig version genom att be om den med responsformuläret.
- **Videor.** Alla videor i materialbanken har inte textning (WCAG 1.2.2). Vi textar våra egna videor före
  utgången av 2027.
- **Deltagarintyg.** De pdf-intyg som portalen skapar är inte strukturerade (taggad pdf), så en skärmläsare läser
  dem som ren text (WCAG 1.3.1). Samma uppgifter finns på Min sida.
- **Distansmöten.** Morgonmötena och andra distansmöten hålls i en utomstående videokonferenstjänst, vars
  tillgänglighet vi inte kan påverka.
""",
        "en": """\
- **Files in the material bank.** Not all PDF and Office files uploaded by the networks are accessible: they may
  lack a heading structure, text alternatives for images or a correct reading order (WCAG 1.1.1, 1.3.1, 1.3.2).
  New files are checked before they are published. Ask for an accessible version with the feedback form.
- **Videos.** Not every video in the material bank has captions (WCAG 1.2.2). We will caption our own videos by the
  end of 2027.
- **Certificates of participation.** The PDF certificates the portal produces are not tagged, so a screen reader
  reads them as plain text (WCAG 1.3.1). The same information is on My page.
- **Online meetings.** The morning meetings and other online events take place in an external video conferencing
  service whose accessibility we cannot influence.
""",
    },
    "assessed_on": date(2026, 11, 16),
    "assessment_method": {
        "fi": "Itsearviointi: portaalin kehittäjät tarkistivat sivut automaattisella axe-saavutettavuustyökalulla ja "
        "kävivät keskeiset tehtävät (tapahtuman etsiminen, ilmoittautuminen, uutiskirjeen tilaaminen, kirjautuminen, "
        "palautteen lähettäminen) läpi pelkällä näppäimistöllä, 200 prosentin suurennuksella ja kapealla näytöllä.",
        "sv": "Självvärdering: portalens utvecklare granskade sidorna med det automatiska tillgänglighetsverktyget axe "
        "och gick igenom de viktigaste uppgifterna (söka ett evenemang, anmäla sig, prenumerera på nyhetsbrevet, "
        "logga in, skicka respons) med enbart tangentbord, med 200 procents förstoring och på en smal skärm.",
        "en": "Self-assessment: the portal's developers checked the pages with the automated axe accessibility tool "
        "and went through the main tasks (finding an event, enrolling, subscribing to the newsletter, logging in, "
        "sending feedback) with the keyboard alone, at 200 per cent zoom and on a narrow screen.",
    },
    "reviewed_on": date(2026, 11, 30),
    "supervisor_contact": {
        "fi": """\
Jos huomaat sivustolla saavutettavuusongelmia, anna ensin palautetta meille. Jos et ole tyytyväinen saamaasi
vastaukseen tai et saa vastausta kahden viikon kuluessa, voit tehdä ilmoituksen valvontaviranomaiselle.

- Etelä-Suomen aluehallintovirasto, saavutettavuuden valvonnan yksikkö
- [www.saavutettavuusvaatimukset.fi](https://www.saavutettavuusvaatimukset.fi)
- Sähköposti: [saavutettavuus@avi.fi](mailto:saavutettavuus@avi.fi)
- Puhelin (vaihde): 0295 016 000
""",
        "sv": """\
Om du märker tillgänglighetsproblem på webbplatsen, ge först respons till oss. Om du inte är nöjd med svaret eller
inte får något svar inom två veckor, kan du anmäla saken till tillsynsmyndigheten.

- Regionförvaltningsverket i Södra Finland, enheten för tillgänglighetstillsyn
- [www.saavutettavuusvaatimukset.fi](https://www.saavutettavuusvaatimukset.fi)
- E-post: [saavutettavuus@avi.fi](mailto:saavutettavuus@avi.fi)
- Telefon (växel): 0295 016 000
""",
        "en": """\
If you notice accessibility problems on the site, first give feedback to us. If you are not satisfied with our
answer, or get none within two weeks, you can report the matter to the supervisory authority.

- Regional State Administrative Agency for Southern Finland, accessibility supervision unit
- [www.saavutettavuusvaatimukset.fi](https://www.saavutettavuusvaatimukset.fi)
- E-mail: [saavutettavuus@avi.fi](mailto:saavutettavuus@avi.fi)
- Telephone (switchboard): 0295 016 000
""",
    },
}

CONTACT = {
    "title": {
        "fi": "Yhteystiedot ja palaute",
        "sv": "Kontakt och respons",
        "en": "Contact and feedback",
    },
    "lead": {
        "fi": "Kysyttävää portaalista, verkostoista tai tapahtumista? Kirjoita meille tai lähetä palautetta alla "
        "olevalla lomakkeella.",
        "sv": "Har du frågor om portalen, nätverken eller evenemangen? Skriv till oss eller skicka respons med "
        "formuläret nedan.",
        "en": "Questions about the portal, the networks or the events? Write to us, or send feedback with the form "
        "below.",
    },
    "body": {
        "fi": """\
Portaalia ylläpitää perusterveydenhuollon yksikön hyvinvoinnin ja terveyden edistämisen tiimi. Kunkin verkoston
yhteyshenkilöt löytyvät verkoston sivulta, ja yksittäistä tapahtumaa koskevat kysymykset kannattaa osoittaa
tapahtuman sivulla mainitulle järjestäjälle. Henkilötietojesi käsittelystä kerromme
[tietosuojaselosteessa](/fi/privacy/).
""",
        "sv": """\
Portalen upprätthålls av teamet för främjande av hälsa och välfärd vid enheten för primärvård. Varje nätverks
kontaktpersoner finns på nätverkets sida, och frågor om ett enskilt evenemang besvaras bäst av arrangören som nämns
på evenemangets sida. Hur dina personuppgifter behandlas berättar vi i
[dataskyddsbeskrivningen](/sv/privacy/).
""",
        "en": """\
The portal is run by the health and wellbeing promotion team of the primary health care unit. Each network's
contact people are listed on the network's page, and questions about a particular event are best put to the
organiser named on the event's page. How your personal data is handled is explained in the
[privacy notice](/en/privacy/).
""",
    },
    "contact_email": UNIT_EMAIL,
}

ABOUT = {
    "title": {
        "fi": "Tietoa portaalista",
        "sv": "Om portalen",
        "en": "About the portal",
    },
    "lead": {
        "fi": "HYTE-portaali kokoaa yhteen perusterveydenhuollon yksikön hyvinvoinnin ja terveyden edistämisen työn: "
        "verkostot, tapahtumat, materiaalit ja uutiskirjeen.",
        "sv": "HYTE-portalen samlar det arbete för att främja hälsa och välfärd som enheten för primärvård utför: "
        "nätverken, evenemangen, materialen och nyhetsbrevet.",
        "en": "The HYTE portal brings together the health and wellbeing promotion work of the primary health care "
        "unit: its networks, events, materials and newsletter.",
    },
    "body": {
        "fi": """\
## Mitä teemme

Yksikkö tukee alueen hyvinvointialueita, kuntia ja sairaalan omia yksiköitä siinä, että terveyden ja hyvinvoinnin
edistäminen kulkisi luontevasti mukana jokaisen ammattilaisen työssä. Seuraamme väestön hyvinvointia, järjestämme
koulutusta ja kokoamme ammattilaiset oppimaan toisiltaan.

## Hyvän kierteen verkostot

Hyvän kierteen verkostossa ammattilaiset ja asiantuntijat kehittävät työtään yhdessä viidessä teemassa:
savuton ja nikotiiniton elämä, lasten ja nuorten hyvinvointi, pitkäaikaistyöttömien palvelut, lihavuuden ehkäisy ja
hoito sekä kaatumisten ehkäisy. Kukin teemaverkosto kokoontuu kerran vuodessa kehittämistyöpajaan. Keväällä
pidetään verkostopäivä ja syksyllä Hyvän kierteen päivä, joissa jäsenet jakavat kokemuksiaan ja onnistumisiaan.

## Aamukahvit

Kuukauden viimeisenä tiistaina kello 8.15–8.55 kokoonnumme verkossa lyhyeen aamutilaisuuteen, jossa käsitellään
kulloinkin ajankohtaista terveyden edistämisen aihetta. Kesäkuukausina taukoamme.

## Johtajaverkostot

Kansanterveystyön johtajien ja suun terveydenhuollon johtajien verkostot kokoontuvat muutaman kerran vuodessa.
Yksikkö hoitaa kokousten käytännön järjestelyt ja avustaa puheenjohtajaa valmistelussa.

## Kehittäjävalmennus

Kehittäjävalmennus on tarkoitettu perusterveydenhuollon, erikoissairaanhoidon tai sosiaalipalvelujen
kehittämistyötä tekeville HUS-alueella tai Eksotessa. Valmennukseen kuuluu kolme kaksipäiväistä jaksoa ja
päätöspäivä, ja kukin osallistuja vie samalla eteenpäin omaa kehittämistehtäväänsä. Valmennuksen käyneet
tapaavat kerran vuodessa.
""",
        "sv": """\
## Vad vi gör

Enheten stöder välfärdsområdena, kommunerna och sjukhusets egna enheter i regionen så att främjandet av hälsa och
välfärd blir en naturlig del av varje yrkespersons arbete. Vi följer befolkningens välfärd, ordnar utbildning och
för samman yrkespersoner för att lära av varandra.

## Den goda spiralens nätverk

I den goda spiralens nätverk utvecklar yrkespersoner och sakkunniga sitt arbete tillsammans kring fem teman: ett
rök- och nikotinfritt liv, barns och ungas välbefinnande, tjänster för långtidsarbetslösa, förebyggande och vård av
fetma samt förebyggande av fall. Varje temanätverk samlas en gång om året till en utvecklingsverkstad. På våren
ordnas en nätverksdag och på hösten den goda spiralens dag, där medlemmarna delar med sig av erfarenheter och
framgångar.

## Morgonmöten

Den sista tisdagen i månaden klockan 8.15–8.55 samlas vi på distans till ett kort morgonmöte om ett aktuellt tema
inom hälsofrämjande. Under sommarmånaderna gör vi uppehåll.

## Direktörsnätverk

Nätverken för folkhälsoarbetets direktörer och för munhälsovårdens direktörer träffas några gånger om året. Enheten
sköter de praktiska arrangemangen och hjälper ordföranden att förbereda mötena.

## Utvecklarcoachning

Utvecklarcoachningen är avsedd för dem som utvecklar primärvården, den specialiserade sjukvården eller
socialtjänsterna inom HUS-området eller vid Eksote. Coachningen består av tre tvådagarsperioder och en
avslutningsdag, och varje deltagare driver samtidigt en egen utvecklingsuppgift framåt. De som har gått
coachningen träffas en gång om året.
""",
        "en": """\
## What we do

The unit supports the region's wellbeing services counties, municipalities and the hospital's own units so that
promoting health and wellbeing becomes a natural part of every professional's work. We follow the population's
wellbeing, arrange training and bring professionals together to learn from one another.

## Good Spiral networks

In the Good Spiral network, professionals and experts develop their work together around five themes: a smoke-free
and nicotine-free life, the wellbeing of children and young people, services for the long-term unemployed, the
prevention and treatment of obesity, and the prevention of falls. Each theme network gathers once a year for a
development workshop. A networking day in spring and the Good Spiral day in autumn let members share what they
have learnt and what has worked.

## Morning meetings

On the last Tuesday of each month, from 8.15 to 8.55, we meet online for a short morning session on a current
health promotion topic. We take a break in the summer months.

## Director networks

The networks of public health directors and of oral health care directors meet a few times a year. The unit makes
the practical arrangements and helps the chair prepare the meetings.

## Developer coaching

The developer coaching is meant for people who develop primary health care, specialised health care or social
services in the HUS area or at Eksote. It has three two-day sessions and a closing day, and each participant works
on a development task of their own along the way. Those who have completed the coaching meet once a year.
""",
    },
    "contact_email": UNIT_EMAIL,
}

INITIAL_PAGES = {"privacy": PRIVACY, "accessibility": ACCESSIBILITY, "contact": CONTACT, "about": ABOUT}


def page_field_values(kind: str) -> dict:
    """A page's initial values as model fields: title_fi, title_sv, title_en... for the translated ones."""
    values = {}
    for field, value in INITIAL_PAGES[kind].items():
        if field in TRANSLATED_FIELDS:
            # stripped as the admin's form strips them, so that an untouched field never shows as changed
            values.update({f"{field}_{language}": text.strip() for language, text in value.items()})
        else:
            values[field] = value
    return values
