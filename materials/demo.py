"""Demo materials for `manage.py seed_demo`: the material bank of the source pages, described in our own words.

Idempotent: a material is looked up by its Finnish title and created only once. Files are small PDFs drawn with
reportlab at seed time (regenerated if the file went missing). Networks and events are looked up by kind and a
keyword of their English name, because their slugs belong to the networks and events apps; a link whose target
is absent is skipped.
"""

import io

from django.core.files.base import ContentFile
from django.db.models import Q

from . import services
from .models import Material

D = Material.Kind
V = Material.Visibility

# (keywords of the theme network's English name, one of which must match)
SMOKING = ("smok", "nicotine", "tobacco")
CHILDREN = ("child", "adolescent", "youth")
UNEMPLOYED = ("unemploy",)
OBESITY = ("obes", "weight")
FALLS = ("fall",)

MATERIALS = [
    {
        "title": (
            "Hyvinvointifaktoja uusmaalaisista nuorista",
            "Välfärdsfakta om unga i Nyland",
            "Wellbeing facts about young people in Uusimaa",
        ),
        "description": (
            "Tiivis tietopaketti uusmaalaisten nuorten hyvinvoinnista ja terveydestä vuodelta 2019: mitä "
            "kyselyt kertovat jaksamisesta, elintavoista ja osallisuudesta.",
            "Ett kort faktablad från 2019 om hur unga i Nyland mår: vad enkäterna säger om ork, levnadsvanor "
            "och delaktighet.",
            "A short fact sheet from 2019 on the health and wellbeing of young people in Uusimaa: what the "
            "surveys say about coping, lifestyles and participation.",
        ),
        "kind": D.DOCUMENT,
        "year": 2019,
        "pdf": "hyvinvointifaktoja-nuoret-2019.pdf",
        "networks": [CHILDREN],
    },
    {
        "title": (
            "Hyvinvointifaktoja uusmaalaisista ikäihmisistä",
            "Välfärdsfakta om äldre i Nyland",
            "Wellbeing facts about older people in Uusimaa",
        ),
        "description": (
            "Tietopaketti vuodelta 2021 uusmaalaisten ikäihmisten toimintakyvystä, yksinäisyydestä ja "
            "arjen turvallisuudesta, myös kaatumisten ehkäisyn näkökulmasta.",
            "Ett faktablad från 2021 om äldre nylänningars funktionsförmåga, ensamhet och trygghet i vardagen, "
            "också med tanke på att förebygga fall.",
            "A fact sheet from 2021 on the functional capacity, loneliness and everyday safety of older people "
            "in Uusimaa, including the prevention of falls.",
        ),
        "kind": D.DOCUMENT,
        "year": 2021,
        "pdf": "hyvinvointifaktoja-ikaihmiset-2021.pdf",
        "networks": [FALLS],
    },
    {
        "title": (
            "Tupakoimattomana ja nikotiinittomana leikkaukseen",
            "Rökfri och nikotinfri till operation",
            "Into surgery free of tobacco and nicotine",
        ),
        "description": (
            "Opas potilaalle ja ammattilaiselle: miksi tupakoinnin ja nikotiinituotteiden lopettaminen ennen "
            "leikkausta kannattaa ja mistä lopettamiseen saa tukea.",
            "En guide för patienter och yrkesfolk: varför det lönar sig att sluta röka och använda nikotin före "
            "en operation, och var man får stöd.",
            "A guide for patients and professionals: why stopping smoking and nicotine products before surgery "
            "pays off, and where to find support for it.",
        ),
        "kind": D.GUIDE,
        "year": 2021,
        "pdf": "tupakoimattomana-leikkaukseen-2021.pdf",
        "networks": [SMOKING],
    },
    {
        "title": (
            "Terveyskylä: Tupakoimattomana leikkaukseen -omahoito-ohjelma",
            "Hälsobyn: egenvårdsprogram för att gå rökfri till operation",
            "Health Village: Into surgery as a non-smoker, a self-care programme",
        ),
        "description": (
            "Terveyskylän verkossa toimiva omahoito-ohjelma, joka auttaa valmistautumaan leikkaukseen ilman "
            "tupakkaa ja nikotiinia.",
            "Ett egenvårdsprogram på nätet i Hälsobyn som hjälper patienten att förbereda sig för en operation "
            "utan tobak och nikotin.",
            "An online self-care programme in the Health Village that helps patients prepare for surgery "
            "without tobacco and nicotine.",
        ),
        "kind": D.LINK,
        "url": "https://example.org/terveyskyla/tupakoimattomana-leikkaukseen",
        "networks": [SMOKING],
    },
    {
        "title": (
            "Terveyskylä: Tupakasta vieroitus hyvän hoidon tukena -omahoito-ohjelma",
            "Hälsobyn: egenvårdsprogram för rökavvänjning som stöd för god vård",
            "Health Village: Smoking cessation in support of good care, a self-care programme",
        ),
        "description": (
            "Omahoito-ohjelma tupakoinnin lopettamisen tueksi: harjoituksia, tietoa vieroitusoireista ja "
            "vinkkejä retkahdusten varalle.",
            "Ett egenvårdsprogram som stöd för att sluta röka: övningar, information om abstinens och tips för "
            "att klara återfall.",
            "A self-care programme to support quitting smoking: exercises, information on withdrawal and tips "
            "for coping with relapses.",
        ),
        "kind": D.LINK,
        "url": "https://example.org/terveyskyla/tupakasta-vieroitus",
        "networks": [SMOKING],
    },
    {
        "title": (
            "Terveyskylä: Verenpaineen omahoito-ohjelma",
            "Hälsobyn: egenvårdsprogram för blodtrycket",
            "Health Village: Self-care programme for managing blood pressure",
        ),
        "description": (
            "Verkko-ohjelma kohonneen verenpaineen omahoitoon: mittaaminen kotona, liikunta, ruokavalio ja "
            "lääkityksen merkitys.",
            "Ett webbprogram för egenvård vid högt blodtryck: mätning hemma, motion, kost och medicinens roll.",
            "An online programme for the self-care of high blood pressure: measuring at home, exercise, diet "
            "and the role of medication.",
        ),
        "kind": D.LINK,
        "url": "https://example.org/terveyskyla/verenpaineen-omahoito",
        "networks": [],
    },
    {
        "title": (
            "Opas painon puheeksi ottamiseen",
            "Guide för att ta upp vikten till tals",
            "A guide on bringing up the topic of weight",
        ),
        "description": (
            "Käytännönläheinen työkalu ammattilaisille painon puheeksi ottamiseen asiakkaan tilanne ja "
            "voimavarat huomioiden.",
            "Ett konkret verktyg för yrkesfolk som vill ta upp vikten med en klient med hänsyn till klientens "
            "situation och resurser.",
            "A hands-on tool for professionals who raise the topic of weight with a client, taking the "
            "client's own situation and resources into account.",
        ),
        "kind": D.GUIDE,
        "url": "https://example.org/materiaalit/painon-puheeksi-ottaminen",
        "networks": [OBESITY],
    },
    {
        "title": ("Hyvinvoinnin polulla -video", "Videon På välmåendets stig", "On the path of wellbeing video"),
        "description": (
            "Video perusterveydenhuollon ammattilaisille ja perheille tilanteisiin, joissa lapsen ylipaino "
            "huolestuttaa: miten asiasta voi puhua ja mistä perhe saa tukea.",
            "En video för yrkesfolk i primärvården och för familjer när ett barns övervikt oroar: hur man kan "
            "tala om saken och var familjen får stöd.",
            "A video for primary health care professionals and families when a child's excess weight is a "
            "worry: how to talk about it and where the family can find support.",
        ),
        "kind": D.VIDEO,
        "url": "https://example.org/video/hyvinvoinnin-polulla",
        "networks": [OBESITY, CHILDREN],
    },
    {
        "title": (
            "Terveyttä edistävää arkea lapsille, nuorille ja lapsiperheille kunnan päättäjänä",
            "Att bygga en hälsofrämjande vardag för barn, unga och barnfamiljer som kommunal beslutsfattare",
            "Building a health-promoting daily life for children, adolescents and families with children as a "
            "municipal decision-maker",
        ),
        "description": (
            "Julkaisu kunnan päättäjille: esimerkkejä toimista, joilla lasten, nuorten ja lapsiperheiden "
            "terveyttä ja hyvinvointia voi edistää arjessa.",
            "En publikation för kommunala beslutsfattare med exempel på åtgärder som främjar hälsan och "
            "välbefinnandet hos barn, unga och barnfamiljer i vardagen.",
            "A publication for municipal decision-makers with examples of measures that promote the health and "
            "wellbeing of children, adolescents and families with children in everyday life.",
        ),
        "kind": D.PUBLICATION,
        "url": "https://example.org/julkaisut/terveytta-edistavaa-arkea",
        "networks": [CHILDREN],
    },
    {
        "title": (
            "Koti- ja vapaa-ajan tapaturmien ehkäisyn ohjelma 2021–2030",
            "Programmet för förebyggande av olycksfall i hemmet och på fritiden 2021–2030",
            "Programme for the Prevention of Home and Leisure Injuries 2021–2030",
        ),
        "description": (
            "Sosiaali- ja terveysministeriön valtakunnallinen toimintaohjelma, joka ohjaa kaatumisten ehkäisyä "
            "ja muuta tapaturmatyötä. Mukana kuvaus tapaturmien kustannuksista.",
            "Social- och hälsovårdsministeriets nationella handlingsprogram som styr arbetet med att förebygga "
            "fall och andra olycksfall, med en beskrivning av kostnaderna.",
            "The national action plan of the Ministry of Social Affairs and Health that guides the prevention of "
            "falls and other injuries, with a description of their costs.",
        ),
        "kind": D.PUBLICATION,
        "year": 2021,
        "url": "https://example.org/stm/koti-ja-vapaa-ajan-tapaturmat-2021-2030",
        "networks": [FALLS],
        "events": ("falls",),
    },
    {
        "title": (
            "Kaatumisvaaran itsearviointilomake",
            "Blankett för självbedömning av fallrisken",
            "Fall risk self-assessment form",
        ),
        "description": (
            "Lomake, jolla asiakas arvioi itse kaatumisvaaraansa ennen ammattilaisen tekemää arviota. "
            "Osa verkoston kaatumisten ehkäisy -työtä; vain jäsenille.",
            "En blankett där klienten själv bedömer sin fallrisk före yrkespersonens bedömning. En del av "
            "nätverkets arbete för att förebygga fall; endast för medlemmar.",
            "A form on which clients assess their own risk of falling before a professional's assessment. Part "
            "of the network's fall prevention work; for members only.",
        ),
        "kind": D.DOCUMENT,
        "year": 2024,
        "pdf": "kaatumisvaaran-itsearviointi.pdf",
        "visibility": V.MEMBERS,
        "networks": [FALLS],
    },
]


def seed(stdout):
    created = 0
    for spec in MATERIALS:
        material = Material.objects.filter(title_fi=spec["title"][0]).first()
        if material is None:
            material = _create(spec)
            created += 1
            continue
        # Networks and events seeded after the first run get their links now (adding twice changes nothing).
        material.networks.add(*_theme_networks(spec["networks"]))
        material.events.add(*_events(spec.get("events", ())))
        if material.file and not material.file.storage.exists(material.file.name):
            _restore_file(material, spec)
    stdout.write(f"materials: {created} created, {len(MATERIALS) - created} already there")


def _create(spec) -> Material:
    title_fi, title_sv, title_en = spec["title"]
    description_fi, description_sv, description_en = spec["description"]
    material = Material(
        title_fi=title_fi,
        title_sv=title_sv,
        title_en=title_en,
        description_fi=description_fi,
        description_sv=description_sv,
        description_en=description_en,
        kind=spec["kind"],
        year=spec.get("year"),
        language=Material.Language.FINNISH,
        visibility=spec.get("visibility", V.PUBLIC),
        url=spec.get("url", ""),
    )
    if "pdf" in spec:
        material.file = ContentFile(draw_pdf(title_fi, description_fi), name=spec["pdf"])
    return services.save_material(
        material=material,
        networks=_theme_networks(spec["networks"]),
        events=_events(spec.get("events", ())),
    )


def _restore_file(material: Material, spec) -> None:
    """The row is there but its file is not (a wiped var/media): draw it again under the same name."""
    if "pdf" in spec:
        material.file.storage.save(material.file.name, ContentFile(draw_pdf(spec["title"][0], spec["description"][0])))


def _theme_networks(keyword_groups):
    from networks.models import Network

    networks = []
    for keywords in keyword_groups:
        match = Q()
        for keyword in keywords:
            match |= Q(name_en__icontains=keyword)
        network = Network.objects.filter(match, kind=Network.Kind.GOOD_SPIRAL_THEME).order_by("pk").first()
        if network is not None:
            networks.append(network)
    return networks


def _events(keywords):
    from events.models import Event

    if not keywords:
        return []
    match = Q()
    for keyword in keywords:
        match |= Q(title_en__icontains=keyword)
    return list(Event.objects.filter(match))


def draw_pdf(title: str, text: str) -> bytes:
    """A one-page PDF with the title and the text, as a stand-in for the real publication."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    buffer = io.BytesIO()
    styles = getSampleStyleSheet()
    document = SimpleDocTemplate(buffer, pagesize=A4, title=title, author="HYTE demo", invariant=True)
    document.build(
        [
            Paragraph(title, styles["Title"]),
            Paragraph(text, styles["BodyText"]),
            Paragraph("Esimerkkiaineisto HYTE-portaalin esittelyä varten.", styles["Italic"]),
        ]
    )
    return buffer.getvalue()
