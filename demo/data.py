"""Invented staff, sections, organizations, people, quotes and stories for the demo newsroom."""

import dataclasses
import datetime

from articles.models import (
    ArticleStatus,
    CorrectionKind,
)
from people.models import (
    OrganizationKind,
    Province,
)

# A demo password, printed on purpose; DEMO_PASSWORD replaces it.
DEFAULT_PASSWORD = "newsroom-demo"  # noqa: S105
SEED = 2026
PHOTO_SIZE = (1200, 800)

PUBLISHED = ArticleStatus.PUBLISHED
DRAFT = ArticleStatus.DRAFT
IN_REVIEW = ArticleStatus.IN_REVIEW
APPROVED = ArticleStatus.APPROVED
UNPUBLISHED = ArticleStatus.UNPUBLISHED

# -- Staff ------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class PersonSeed:
    """One invented person, with what the stories need to write about them."""

    name: str
    short: str
    gender: str  # "f" or "m": for “she added” and the Khmer honorific.
    born: int
    province: str
    bio: str
    name_km: str = ""
    voice: str = ""  # The bank of quotes this person speaks from.
    role: str = ""  # The role as a story writes it on first reference.
    role_km: str = ""
    aliases: tuple = ()
    affiliations: tuple = ()  # (organization, title, unit, start, end)


@dataclasses.dataclass(frozen=True)
class StaffSeed:
    username: str
    role: str  # A group name, or "Superuser".
    first_name: str = ""
    last_name: str = ""
    person: PersonSeed | None = None


STAFF = [
    StaffSeed("admin", "Superuser"),
    StaffSeed(
        "editor",
        "Editors",
        "Raksmey",
        "Sok",
        PersonSeed(
            name="Sok Raksmey",
            name_km="សុខ រស្មី",
            short="Raksmey",
            gender="f",
            born=1982,
            province=Province.PHNOM_PENH,
            bio="Editor. Runs the review desk and edits the politics and human rights pages.",
        ),
    ),
    StaffSeed(
        "journalist",
        "Journalists",
        "Piseth",
        "Vann",
        PersonSeed(
            name="Vann Piseth",
            name_km="វ៉ាន់ ពិសិដ្ឋ",
            short="Piseth",
            gender="m",
            born=1993,
            province=Province.BATTAMBANG,
            bio="Reporter covering land, the environment and labour. Photographs his own stories.",
        ),
    ),
    StaffSeed(
        "journalist2",
        "Journalists",
        "Nimol",
        "Phan",
        PersonSeed(
            name="Phan Nimol",
            name_km="ផាន់ និមល",
            short="Nimol",
            gender="f",
            born=1996,
            province=Province.SIEM_REAP,
            bio="Reporter and photographer covering politics, human rights and press freedom.",
        ),
    ),
]

# -- Sections, topics, organizations ----------------------------------------

SECTIONS = [
    ("politics", "Politics", "នយោបាយ", "Parties, elections and the people who govern."),
    ("human-rights", "Human Rights", "សិទ្ធិមនុស្ស", "Courts, detention and civic freedoms."),
    ("environment", "Environment", "បរិស្ថាន", "Forests, rivers and the people who live by them."),
    ("land", "Land", "ដីធ្លី", "Land disputes, concessions and titles."),
    ("labour", "Labour", "ការងារ", "Factories, wages and the right to organise."),
    (
        "media-freedom",
        "Media Freedom",
        "សេរីភាពសារព័ត៌មាន",
        "Journalists, broadcasters and the right to report.",
    ),
]

TOPICS = [
    ("elections", "Elections", "ការបោះឆ្នោត"),
    ("courts", "Courts", "តុលាការ"),
    ("land-disputes", "Land disputes", "វិវាទដីធ្លី"),
    ("forests", "Forests", "ព្រៃឈើ"),
    ("indigenous-communities", "Indigenous communities", "សហគមន៍ជនជាតិដើមភាគតិច"),
    ("mekong-river", "Mekong river", "ទន្លេមេគង្គ"),
    ("garment-industry", "Garment industry", "វិស័យកាត់ដេរ"),
    ("press-safety", "Press safety", "សុវត្ថិភាពអ្នកសារព័ត៌មាន"),
]

ORGANIZATIONS = {
    "cccr": {
        "name": "Cambodian Centre for Civic Rights",
        "name_km": "មជ្ឈមណ្ឌលកម្ពុជាដើម្បីសិទ្ធិពលរដ្ឋ",
        "acronym": "CCCR",
        "kind": OrganizationKind.NGO,
        "description": "Monitors arrests, trials and threats against activists.",
        "website": "https://cccr.example.org",
    },
    "lla": {
        "name": "Land and Livelihoods Alliance",
        "name_km": "សម្ព័ន្ធដីធ្លី និងជីវភាព",
        "acronym": "LLA",
        "kind": OrganizationKind.NGO,
        "description": "Supports rural communities in land disputes and titling.",
    },
    "mfw": {
        "name": "Mekong Forest Watch",
        "name_km": "អង្គការឃ្លាំមើលព្រៃឈើមេគង្គ",
        "acronym": "MFW",
        "kind": OrganizationKind.NGO,
        "description": "Tracks forest loss and river health with community patrols.",
        "website": "https://mfw.example.org",
    },
    "apfm": {
        "name": "Asia Press Freedom Monitor",
        "acronym": "APFM",
        "kind": OrganizationKind.INTERNATIONAL,
        "description": "A regional group that documents threats against journalists.",
        "website": "https://apfm.example.org",
    },
    "igwf": {
        "name": "Independent Garment Workers' Federation",
        "name_km": "សហព័ន្ធកម្មករកាត់ដេរឯករាជ្យ",
        "acronym": "IGWF",
        "kind": OrganizationKind.UNION,
        "description": "A federation of factory unions in Phnom Penh and Kandal.",
    },
    "nhp": {
        "name": "New Harvest Party",
        "name_km": "គណបក្សរដូវប្រមូលផលថ្មី",
        "acronym": "NHP",
        "kind": OrganizationKind.PARTY,
        "description": "A political party with a majority on most commune councils.",
    },
    "mnr": {
        "name": "Ministry of Natural Resources",
        "name_km": "ក្រសួងធនធានធម្មជាតិ",
        "acronym": "MNR",
        "kind": OrganizationKind.MINISTRY,
        "description": "Grants and reviews land and forest concessions.",
    },
    "nli": {
        "name": "National Labour Inspectorate",
        "name_km": "អធិការកិច្ចការងារជាតិ",
        "acronym": "NLI",
        "kind": OrganizationKind.MINISTRY,
        "description": "Inspects factories and hears workers' complaints.",
    },
    "court": {
        "name": "Kampong Speu Provincial Court",
        "name_km": "សាលាដំបូងខេត្តកំពង់ស្ពឺ",
        "kind": OrganizationKind.COURT,
        "description": "The court of first instance for Kampong Speu province.",
    },
    "gmr": {
        "name": "Golden Mekong Rubber Company",
        "acronym": "GMR",
        "kind": OrganizationKind.COMPANY,
        "description": "Holds rubber and cashew concessions in Kampong Speu and Mondulkiri.",
    },
    "tonle": {
        "name": "Tonle Radio",
        "name_km": "វិទ្យុទន្លេ",
        "kind": OrganizationKind.MEDIA,
        "description": "A community radio station in Kratie province.",
    },
    "imps": {
        "name": "Institute for Mekong Policy Studies",
        "name_km": "វិទ្យាស្ថានសិក្សាគោលនយោបាយមេគង្គ",
        "acronym": "IMPS",
        "kind": OrganizationKind.ACADEMIC,
        "description": "An independent institute for research on governance and labour.",
        "website": "https://imps.example.org",
    },
}

# -- People -----------------------------------------------------------------

D = datetime.date

PEOPLE = {
    "chea_sokha": PersonSeed(
        name="Chea Sokha",
        name_km="ជា សុខា",
        short="Sokha",
        gender="f",
        born=1978,
        province=Province.TAKEO,
        voice="ngo",
        role="executive director of the Cambodian Centre for Civic Rights",
        role_km="នាយិកាប្រតិបត្តិនៃមជ្ឈមណ្ឌលកម្ពុជាដើម្បីសិទ្ធិពលរដ្ឋ",
        aliases=("Sokha Chea",),
        bio="A rights advocate who worked on land cases for a decade before taking over the "
        "Cambodian Centre for Civic Rights.",
        affiliations=(
            ("lla", "programme officer", "", D(2010, 3, 1), D(2018, 12, 31)),
            ("cccr", "executive director", "", D(2019, 1, 15), None),
        ),
    ),
    "ouk_vannak": PersonSeed(
        name="Ouk Vannak",
        name_km="អ៊ុក វណ្ណៈ",
        short="Vannak",
        gender="m",
        born=1987,
        province=Province.KAMPONG_CHAM,
        voice="ngo",
        role="monitoring coordinator at the Cambodian Centre for Civic Rights",
        bio="Leads the team that records arrests and threats against activists.",
        affiliations=(("cccr", "monitoring coordinator", "Monitoring unit", D(2021, 6, 1), None),),
    ),
    "meas_sokha": PersonSeed(
        name="Meas Sokha",
        name_km="មាស សុខា",
        short="Sokha",
        gender="m",
        born=1969,
        province=Province.KAMPONG_SPEU,
        voice="villager",
        role="a community representative in Kampong Speu province",
        bio="A rice farmer who represents the families of Trapeang Chhuk village in their land "
        "dispute.",
    ),
    "kong_sophea": PersonSeed(
        name="Kong Sophea",
        name_km="គង់ សុភា",
        short="Sophea",
        gender="f",
        born=1984,
        province=Province.KANDAL,
        voice="ngo",
        role="land programme manager at the Land and Livelihoods Alliance",
        bio="Trains communities to document their land claims.",
        affiliations=(("lla", "land programme manager", "", D(2017, 2, 1), None),),
    ),
    "heng_rithy": PersonSeed(
        name="Heng Rithy",
        name_km="ហេង រិទ្ធី",
        short="Rithy",
        gender="m",
        born=1971,
        province=Province.PREY_VENG,
        voice="ngo",
        role="president of the Land and Livelihoods Alliance",
        role_km="ប្រធានសម្ព័ន្ធដីធ្លី និងជីវភាព",
        bio="A former teacher who founded a network of community land committees.",
        affiliations=(("lla", "president", "", D(2014, 1, 1), None),),
    ),
    "ly_chenda": PersonSeed(
        name="Ly Chenda",
        name_km="លី ចិន្តា",
        short="Chenda",
        gender="f",
        born=1980,
        province=Province.KRATIE,
        voice="ngo",
        role="founder of Mekong Forest Watch",
        role_km="ស្ថាបនិកអង្គការឃ្លាំមើលព្រៃឈើមេគង្គ",
        bio="A biologist who set up Mekong Forest Watch after years of fieldwork on the river.",
        affiliations=(("mfw", "founder and director", "", D(2012, 5, 1), None),),
    ),
    "yim_kosal": PersonSeed(
        name="Yim Kosal",
        name_km="យឹម កុសល",
        short="Kosal",
        gender="m",
        born=1991,
        province=Province.RATANAKIRI,
        voice="ngo",
        role="a field researcher with Mekong Forest Watch",
        bio="Works with community patrols in the northeast.",
        affiliations=(("mfw", "field researcher", "Northeast team", D(2020, 1, 1), None),),
    ),
    "hannah_lindqvist": PersonSeed(
        name="Hannah Lindqvist",
        short="Lindqvist",
        gender="f",
        born=1979,
        province=Province.ABROAD,
        voice="ngo",
        role="Southeast Asia representative of the Asia Press Freedom Monitor",
        role_km="តំណាងអង្គការ Asia Press Freedom Monitor ប្រចាំអាស៊ីអាគ្នេយ៍",
        aliases=("Hanna Lindqvist",),
        bio="A former correspondent who now documents threats against journalists in the region.",
        affiliations=(("apfm", "Southeast Asia representative", "", D(2022, 9, 1), None),),
    ),
    "prak_sothea": PersonSeed(
        name="Prak Sothea",
        name_km="ប្រាក់ សុធា",
        short="Sothea",
        gender="m",
        born=1975,
        province=Province.KRATIE,
        voice="journalist",
        role="director of Tonle Radio",
        role_km="នាយកវិទ្យុទន្លេ",
        bio="Joined Tonle Radio as a reporter when it opened and has run it since 2015.",
        affiliations=(
            ("tonle", "reporter", "", D(2008, 1, 1), D(2015, 6, 30)),
            ("tonle", "director", "", D(2015, 7, 1), None),
        ),
    ),
    "srey_pisey": PersonSeed(
        name="Srey Pisey",
        name_km="ស្រី ពិសី",
        short="Pisey",
        gender="f",
        born=1995,
        province=Province.KRATIE,
        voice="journalist",
        role="a reporter for Tonle Radio",
        role_km="អ្នកយកព័ត៌មានវិទ្យុទន្លេ",
        bio="Covers land and the river for Tonle Radio's morning news.",
        affiliations=(("tonle", "reporter", "News desk", D(2019, 3, 1), None),),
    ),
    "nhem_bopha": PersonSeed(
        name="Nhem Bopha",
        name_km="ញឹម បុប្ផា",
        short="Bopha",
        gender="f",
        born=1983,
        province=Province.PREY_VENG,
        voice="union",
        role="president of the Independent Garment Workers' Federation",
        role_km="ប្រធានសហព័ន្ធកម្មករកាត់ដេរឯករាជ្យ",
        aliases=("Bopha Nhem",),
        bio="A sewing machine operator for twelve years before she was elected to lead the "
        "federation.",
        affiliations=(
            ("igwf", "vice president", "", D(2015, 4, 1), D(2020, 3, 31)),
            ("igwf", "president", "", D(2020, 4, 1), None),
        ),
    ),
    "touch_samnang": PersonSeed(
        name="Touch Samnang",
        name_km="ទូច សំណាង",
        short="Samnang",
        gender="m",
        born=1988,
        province=Province.KANDAL,
        voice="union",
        role="a representative of the Independent Garment Workers' Federation in Kandal province",
        bio="Represents the federation's members in Kandal's factories.",
        affiliations=(("igwf", "branch representative", "Kandal branch", D(2018, 1, 1), None),),
    ),
    "sun_vuthy": PersonSeed(
        name="Sun Vuthy",
        name_km="ស៊ុន វុទ្ធី",
        short="Vuthy",
        gender="m",
        born=1974,
        province=Province.KAMPONG_THOM,
        voice="party",
        role="spokesman for the New Harvest Party",
        aliases=("Vuthy Sun",),
        bio="The New Harvest Party's spokesman since 2021.",
        affiliations=(
            ("nhp", "deputy spokesman", "", D(2016, 1, 1), D(2021, 8, 31)),
            ("nhp", "spokesman", "", D(2021, 9, 1), None),
        ),
    ),
    "tep_malin": PersonSeed(
        name="Tep Malin",
        name_km="ទេព ម៉ាលីន",
        short="Malin",
        gender="f",
        born=1981,
        province=Province.SVAY_RIENG,
        voice="party",
        role="a member of the New Harvest Party's standing committee",
        role_km="សមាជិកគណៈកម្មាធិការអចិន្ត្រៃយ៍នៃគណបក្សរដូវប្រមូលផលថ្មី",
        bio="Leads the party's youth outreach.",
        affiliations=(("nhp", "standing committee member", "", D(2019, 1, 1), None),),
    ),
    "pen_sovann": PersonSeed(
        name="Pen Sovann",
        name_km="ប៉ែន សុវណ្ណ",
        short="Sovann",
        gender="m",
        born=1972,
        province=Province.KAMPONG_CHHNANG,
        voice="official",
        role="spokesman for the Ministry of Natural Resources",
        role_km="អ្នកនាំពាក្យក្រសួងធនធានធម្មជាតិ",
        bio="The ministry's spokesman on concessions, forests and fisheries.",
        affiliations=(("mnr", "spokesman", "", D(2018, 1, 1), None),),
    ),
    "lim_dara": PersonSeed(
        name="Lim Dara",
        name_km="លឹម ដារ៉ា",
        short="Dara",
        gender="m",
        born=1970,
        province=Province.SIEM_REAP,
        voice="official",
        role="director of the forestry department at the Ministry of Natural Resources",
        bio="A forester who has worked for the ministry for twenty years.",
        affiliations=(("mnr", "director", "Department of Forestry", D(2020, 1, 1), None),),
    ),
    "chan_sophal": PersonSeed(
        name="Chan Sophal",
        name_km="ចាន់ សុផល",
        short="Sophal",
        gender="m",
        born=1968,
        province=Province.PHNOM_PENH,
        voice="official",
        role="director general of the National Labour Inspectorate",
        role_km="អគ្គនាយកអធិការកិច្ចការងារជាតិ",
        bio="Heads the inspectorate that checks factories and hears workers' complaints.",
        affiliations=(("nli", "director general", "", D(2021, 1, 1), None),),
    ),
    "khun_thida": PersonSeed(
        name="Khun Thida",
        name_km="ឃុន ធីតា",
        short="Thida",
        gender="f",
        born=1986,
        province=Province.PHNOM_PENH,
        voice="official",
        role="a labour inspector in Phnom Penh",
        bio="Inspects garment and footwear factories on the capital's outskirts.",
        affiliations=(("nli", "labour inspector", "Phnom Penh office", D(2017, 1, 1), None),),
    ),
    "seng_vibol": PersonSeed(
        name="Seng Vibol",
        name_km="សេង វិបុល",
        short="Vibol",
        gender="m",
        born=1976,
        province=Province.KAMPONG_SPEU,
        voice="court",
        role="spokesman for the Kampong Speu Provincial Court",
        bio="The court's spokesman.",
        affiliations=(("court", "spokesman", "", D(2019, 1, 1), None),),
    ),
    "ros_phalla": PersonSeed(
        name="Ros Phalla",
        name_km="រស់ ផល្លា",
        short="Phalla",
        gender="f",
        born=1979,
        province=Province.KAMPOT,
        voice="court",
        role="a deputy prosecutor at the Kampong Speu Provincial Court",
        bio="A prosecutor in Kampong Speu since 2020.",
        affiliations=(("court", "deputy prosecutor", "", D(2020, 1, 1), None),),
    ),
    "kim_sambath": PersonSeed(
        name="Kim Sambath",
        name_km="គីម សម្បត្តិ",
        short="Sambath",
        gender="m",
        born=1977,
        province=Province.PHNOM_PENH,
        voice="company",
        role="community relations manager for the Golden Mekong Rubber Company",
        bio="Speaks for the Golden Mekong Rubber Company in its disputes with villagers.",
        affiliations=(("gmr", "community relations manager", "", D(2018, 1, 1), None),),
    ),
    "sok_ratana": PersonSeed(
        name="Sok Ratana",
        name_km="សុខ រតនា",
        short="Ratana",
        gender="f",
        born=1985,
        province=Province.PHNOM_PENH,
        voice="company",
        role="a legal adviser to the Golden Mekong Rubber Company",
        bio="A commercial lawyer advising the company on its concessions.",
        affiliations=(("gmr", "legal adviser", "", D(2022, 1, 1), None),),
    ),
    "mao_visal": PersonSeed(
        name="Mao Visal",
        name_km="ម៉ៅ វិសាល",
        short="Visal",
        gender="m",
        born=1982,
        province=Province.BATTAMBANG,
        voice="expert",
        role="a senior researcher at the Institute for Mekong Policy Studies",
        role_km="អ្នកស្រាវជ្រាវជាន់ខ្ពស់នៃវិទ្យាស្ថានសិក្សាគោលនយោបាយមេគង្គ",
        bio="Studies local government, elections and natural resources.",
        affiliations=(("imps", "senior researcher", "Governance programme", D(2016, 1, 1), None),),
    ),
    "chhim_leakhena": PersonSeed(
        name="Chhim Leakhena",
        name_km="ឈឹម លក្ខិណា",
        short="Leakhena",
        gender="f",
        born=1976,
        province=Province.KAMPONG_CHAM,
        voice="expert",
        role="director of the Institute for Mekong Policy Studies",
        role_km="នាយិកាវិទ្យាស្ថានសិក្សាគោលនយោបាយមេគង្គ",
        bio="A political analyst who worked as a researcher for a rights group before she "
        "joined the institute.",
        affiliations=(
            ("cccr", "researcher", "", D(2009, 1, 1), D(2014, 12, 31)),
            ("imps", "director", "", D(2015, 1, 1), None),
        ),
    ),
    "tomas_keller": PersonSeed(
        name="Tomas Keller",
        short="Keller",
        gender="m",
        born=1975,
        province=Province.ABROAD,
        voice="expert",
        role="a labour economist and visiting fellow at the Institute for Mekong Policy Studies",
        bio="An economist who studies wages and supply chains in the garment industry.",
        affiliations=(("imps", "visiting fellow", "", D(2024, 1, 1), None),),
    ),
    "vong_channa": PersonSeed(
        name="Vong Channa",
        name_km="វង្ស ចាន់ណា",
        short="Channa",
        gender="m",
        born=1980,
        province=Province.TAKEO,
        voice="lawyer",
        role="a lawyer with the Cambodian Centre for Civic Rights",
        role_km="មេធាវីនៃមជ្ឈមណ្ឌលកម្ពុជាដើម្បីសិទ្ធិពលរដ្ឋ",
        bio="Defends activists and villagers in land and incitement cases.",
        affiliations=(("cccr", "lawyer", "Legal aid unit", D(2016, 1, 1), None),),
    ),
    "nou_sreymom": PersonSeed(
        name="Nou Sreymom",
        name_km="នូ ស្រីមុំ",
        short="Sreymom",
        gender="f",
        born=1974,
        province=Province.KAMPONG_SPEU,
        voice="villager",
        role="a rice farmer in Kampong Speu province",
        role_km="កសិករនៅខេត្តកំពង់ស្ពឺ",
        bio="A rice farmer and mother of four in Trapeang Chhuk village.",
    ),
    "ek_bunthoeun": PersonSeed(
        name="Ek Bunthoeun",
        name_km="ឯក ប៊ុនធឿន",
        short="Bunthoeun",
        gender="m",
        born=1961,
        province=Province.PREAH_VIHEAR,
        voice="villager",
        role="a community representative in Preah Vihear province",
        aliases=("Ta Bunthoeun",),
        bio="A village elder who has led his community's request for land titles.",
    ),
    "chhay_kanha": PersonSeed(
        name="Chhay Kanha",
        name_km="ឆាយ កញ្ញា",
        short="Kanha",
        gender="f",
        born=1994,
        province=Province.PREY_VENG,
        voice="worker",
        role="a garment worker in Kandal province",
        bio="A sewing machine operator who moved to Kandal from Prey Veng at 18.",
    ),
    "yin_sopheap": PersonSeed(
        name="Yin Sopheap",
        name_km="យិន សុភាព",
        short="Sopheap",
        gender="f",
        born=1990,
        province=Province.TAKEO,
        voice="worker",
        role="a garment worker and union member",
        role_km="កម្មករកាត់ដេរ",
        bio="A quality checker and a union representative in her factory.",
    ),
    "hem_makara": PersonSeed(
        name="Hem Makara",
        name_km="ហែម មករា",
        short="Makara",
        gender="m",
        born=1966,
        province=Province.KRATIE,
        voice="villager",
        role="a fisherman in Kratie province",
        role_km="អ្នកនេសាទនៅខេត្តក្រចេះ",
        bio="Has fished the Mekong near Kratie town for forty years.",
    ),
    "thach_davy": PersonSeed(
        name="Thach Davy",
        name_km="ថាច់ ដាវី",
        short="Davy",
        gender="f",
        born=1998,
        province=Province.KAMPONG_SPEU,
        voice="family",
        role="the wife of detained activist Prum Seyha",
        role_km="ភរិយារបស់សកម្មជន ព្រំ សីហា",
        bio="Has campaigned for her husband's release since his arrest.",
    ),
    "prum_seyha": PersonSeed(
        name="Prum Seyha",
        name_km="ព្រំ សីហា",
        short="Seyha",
        gender="m",
        born=1997,
        province=Province.KAMPONG_SPEU,
        role="a youth activist",
        aliases=("Seyha Prum",),
        bio="A youth activist held in pre-trial detention on an incitement charge after posting "
        "about a land dispute.",
    ),
    "uy_sreyleak": PersonSeed(
        name="Uy Sreyleak",
        name_km="អ៊ុយ ស្រីល័ក្ខ",
        short="Sreyleak",
        gender="f",
        born=2003,
        province=Province.PHNOM_PENH,
        voice="citizen",
        role="a university student in Phnom Penh",
        role_km="និស្សិតសាកលវិទ្យាល័យនៅរាជធានីភ្នំពេញ",
        bio="A law student who runs a voter education group on campus.",
    ),
    "nget_borey": PersonSeed(
        name="Nget Borey",
        name_km="ង៉ែត បូរី",
        short="Borey",
        gender="m",
        born=1979,
        province=Province.PHNOM_PENH,
        voice="citizen",
        role="a market vendor in Phnom Penh",
        bio="Sells vegetables at a market in Phnom Penh's Meanchey district.",
    ),
    "keo_kolab": PersonSeed(
        name="Keo Kolab",
        name_km="កែវ កុលាប",
        short="Kolab",
        gender="f",
        born=1970,
        province=Province.SIEM_REAP,
        voice="citizen",
        role="a market vendor in Siem Reap",
        bio="Runs a noodle stall near Siem Reap's old market.",
    ),
    "mean_rachana": PersonSeed(
        name="Mean Rachana",
        name_km="មាន រចនា",
        short="Rachana",
        gender="f",
        born=1989,
        province=Province.MONDULKIRI,
        voice="villager",
        role="a Bunong community member in Mondulkiri province",
        bio="Leads her village's forest mapping team.",
    ),
    "sar_phearum": PersonSeed(
        name="Sar Phearum",
        name_km="ស ភារម្យ",
        short="Phearum",
        gender="m",
        born=1977,
        province=Province.PREAH_VIHEAR,
        voice="villager",
        role="head of a community forest patrol in Preah Vihear province",
        bio="Has led volunteer patrols in Prey Kraham forest since 2016.",
    ),
    "long_narith": PersonSeed(
        name="Long Narith",
        name_km="ឡុង ណារិទ្ធ",
        short="Narith",
        gender="m",
        born=1990,
        province=Province.KANDAL,
        voice="journalist",
        role="a freelance photographer",
        bio="A freelance photographer who covers labour and land for several outlets.",
    ),
    "oum_sreypov": PersonSeed(
        name="Oum Sreypov",
        name_km="អ៊ុំ ស្រីពៅ",
        short="Sreypov",
        gender="f",
        born=1992,
        province=Province.KAMPOT,
        voice="journalist",
        role="a freelance journalist",
        role_km="អ្នកសារព័ត៌មានឯករាជ្យ",
        bio="A freelance reporter and translator.",
    ),
}

# Anonymous sources: how a story describes them first, then later.
ANONYMOUS = {
    "party_official": (
        "a party official who asked not to be named because he was not authorised to speak "
        "to the press",
        "the party official",
        "m",
        "party",
    ),
    "relative": (
        "a relative who asked not to be named for fear of reprisals",
        "the relative",
        "f",
        "family",
    ),
    "forest_official": (
        "a provincial environment official who asked not to be named because he was not "
        "authorised to speak to reporters",
        "the official",
        "m",
        "official",
    ),
    "elder": ("a Bunong elder who asked not to be named", "the elder", "f", "villager"),
    "villager": (
        "a villager who asked not to be named for fear of reprisals",
        "the villager",
        "f",
        "villager",
    ),
    "land_official": (
        "a provincial official who asked not to be named",
        "the official",
        "m",
        "official",
    ),
    "worker": (
        "a worker who asked not to be named because she feared she would not be hired again",
        "the worker",
        "f",
        "worker",
    ),
    "police": (
        "a police officer who asked not to be named",
        "the officer",
        "m",
        "official",
    ),
}

# -- What people say --------------------------------------------------------
# Quotes by voice; each is tagged with the sections it fits (None: any). A
# story fills {place}, {actor} and {issue} with its own words.

P, H, E, L, W, M = (
    "politics",
    "human-rights",
    "environment",
    "land",
    "labour",
    "media-freedom",
)

VOICES = {
    "villager": [
        (L, "We have farmed this land since 1985, and my parents before me"),
        (L, "Nobody from {actor} came to ask us. We heard about {issue} on the radio"),
        (L, "If they take the rice fields, what will my children eat?"),
        (L, "They offered us 500 dollars a hectare. That is not even the price of one harvest"),
        (L, "We are not against development. We are against being pushed off our own land"),
        (L, "The bulldozers came at six in the morning while the children were still asleep"),
        (L, "We will stay until someone shows us the truth about who owns this land"),
        (L, "Some families have already left for Thailand to find work"),
        (L, "I sleep in the field now so they cannot plant rubber on it at night"),
        (E, "Ten years ago one net gave us enough fish for the market. Now it barely feeds us"),
        (E, "The forest gives us resin, honey and medicine. Without it we have nothing"),
        (E, "Every week we find new stumps deeper inside the forest"),
        (E, "We patrol with our own money and our own motorbikes"),
        (E, "The water turns brown after the dredging boats pass"),
        (E, "Our grandparents are buried in this forest"),
        (H, "Two men on a motorbike follow me when I go to the commune office"),
        (H, "They told my wife I should stop talking to journalists"),
        (None, "We are tired of waiting for answers"),
        (None, "I am afraid, but I have no other choice than to speak"),
        (None, "Nobody has explained anything to us"),
    ],
    "worker": [
        (W, "We worked until the last day and they locked the gate without paying us"),
        (W, "I have two children and rent to pay. I cannot wait another month"),
        (W, "The room was so hot that three women fainted before lunch"),
        (W, "We only want the money we have already earned"),
        (W, "The supervisor told us anyone who joined the union would lose her job"),
        (W, "I send half of my wages home to my mother in Prey Veng"),
        (W, "After ten hours at the machine my hands shake"),
        (W, "We came back every morning to see if the gate was open"),
        (W, "The overtime is not voluntary. If you refuse, you are gone"),
        (W, "A raise of five dollars is eaten by the rent before the end of the month"),
    ],
    "family": [
        (H, "My husband is not a criminal. He only asked questions about the land"),
        (H, "Our son asks every night when his father will come home"),
        (H, "We were allowed to see him for ten minutes, through a window"),
        (H, "He has lost weight and he is not getting his medicine"),
        (H, "I just want him to come home"),
        (H, "The police never showed us a warrant"),
    ],
    "citizen": [
        (P, "Young people want jobs and clean politics, not speeches"),
        (P, "My friends are afraid to write anything about politics online"),
        (P, "I will vote, but I don't know if my vote will change anything"),
        (P, "Nobody from the commune council has ever come to our village to ask what we need"),
        (None, "Prices at the market go up every month, but our income stays the same"),
        (None, "We need leaders who listen to the people who sell in the market every day"),
    ],
    "ngo": [
        (P, "Commune councils should be where citizens speak freely, not where they are watched"),
        (P, "{issue} gives the authorities wide powers and the public very little say"),
        (P, "When people fear meeting in public, democracy is weakened at its roots"),
        (P, "We urge the National Assembly to hold a public consultation before any vote"),
        (
            H,
            "These threats follow a pattern: people who speak up about land are followed, "
            "summoned and charged",
        ),
        (H, "Pre-trial detention should be the exception, not the rule"),
        (H, "We documented 38 cases of threats against land defenders this year, up from 21"),
        (H, "The authorities must investigate the attacks, not the people who report them"),
        (H, "The case against him rests on a Facebook post and nothing else"),
        (L, "The families have documents showing they lived here long before {issue}"),
        (L, "Economic land concessions were meant to bring jobs. Here they brought evictions"),
        (L, "Compensation must be negotiated with the families, not announced to them"),
        (L, "We have asked {actor} for the concession map three times and received nothing"),
        (L, "A fair solution starts with an independent survey of the land"),
        (
            E,
            "Satellite images show more than 2,000 hectares cleared inside the protected area "
            "since January",
        ),
        (E, "Communities are doing the work the rangers are paid to do"),
        (E, "The dams upstream have changed the river's pulse, and the fish follow the pulse"),
        (E, "Protected areas exist on paper; on the ground the chainsaws keep working"),
        (
            M,
            "Closing a radio station for its reporting sends a message to every journalist "
            "in the country",
        ),
        (
            M,
            "Journalists must be able to cover protests without being questioned by the police "
            "afterwards",
        ),
        (
            M,
            "Online harassment of women reporters has become routine, and nobody is held "
            "to account",
        ),
        (M, "Licences should not be a tool to silence critical voices"),
        (None, "We will continue to monitor {issue} closely"),
        (None, "We call for an independent investigation"),
        (None, "The authorities have not replied to our letters"),
        (None, "This is not an isolated case"),
    ],
    "union": [
        (W, "The factory owes more than 400 workers two months of wages and severance"),
        (
            W,
            "We filed a complaint with the labour inspectorate three weeks ago and heard "
            "nothing back",
        ),
        (W, "If the wages are not paid by Friday, the workers will march to the ministry"),
        (
            W,
            "Brands that bought from this factory share responsibility for what the workers "
            "are owed",
        ),
        (W, "Mass fainting is a warning sign. The heat and the fumes must be tested independently"),
        (W, "Short-term contracts make workers afraid to join a union"),
        (W, "The minimum wage must follow the cost of living, not the wishes of factory owners"),
        (W, "Our members are ready to negotiate, but not to be threatened"),
    ],
    "official": [
        (E, "The ministry has sent a team to inspect the area and will act on its findings"),
        (E, "Anyone found clearing protected forest will face the law"),
        (E, "The concession was granted according to the law, but we will review the complaints"),
        (E, "Fish stocks change every year for many reasons, not only because of the dams"),
        (E, "We cannot comment on a report we have not yet received"),
        (L, "The families were offered compensation in line with the market price"),
        (L, "The land belongs to the state and was granted legally"),
        (L, "The provincial authorities are ready to meet the families to find a solution"),
        (W, "Our inspectors visited the factory twice and found no serious violations"),
        (W, "The ministry has instructed the owner to pay the workers before the end of the month"),
        (W, "If the owner has fled, the guarantee fund will pay part of what is owed"),
        (W, "We will increase unannounced inspections in the second half of the year"),
        (W, "Complaints must be filed through the proper channels"),
        (None, "The matter is being examined"),
        (None, "We will release more information when the review is finished"),
        (None, "I cannot comment on individual cases"),
    ],
    "party": [
        (P, "The new rules are there to keep public order, not to stop anyone from speaking"),
        (P, "Our party respects every voter's choice"),
        (P, "The opposition prefers to complain to foreigners rather than work with us"),
        (P, "Donations must be transparent; that is all the law asks"),
        (P, "Young people will see that we listen to them at the ballot box"),
        (M, "The station broke the terms of its licence several times"),
        (M, "Press freedom does not mean freedom to spread false news"),
        (H, "The courts are independent. The party does not interfere in any case"),
        (None, "These accusations are politically motivated"),
    ],
    "court": [
        (None, "The trial was adjourned because a key witness did not appear"),
        (None, "The court will deliver its verdict in line with legal procedure"),
        (None, "The accused has the right to a lawyer, and he has one"),
        (L, "The summons is a normal step in the investigation"),
        (L, "The prosecutor will examine the complaint filed by the company"),
        (None, "The judge will decide on bail after reviewing the evidence"),
    ],
    "lawyer": [
        (H, "My client has been held for eleven months without a verdict"),
        (H, "There is no evidence that he incited anyone to do anything"),
        (H, "We asked for bail three times and the court refused without giving reasons"),
        (L, "The villagers were summoned as suspects, but they are the ones who complained"),
        (None, "We will appeal the decision to the Appeal Court"),
        (
            None,
            "The charge of incitement is used far too widely against people who speak out",
        ),
    ],
    "company": [
        (None, "The company has always respected the law and the rights of local people"),
        (None, "We have offered every family a fair compensation package"),
        (None, "Most of the families have already accepted the offer"),
        (None, "The land in question was not being farmed when the concession was granted"),
        (None, "We are open to dialogue with the community through the provincial authorities"),
        (None, "Our plantation provides jobs to more than 1,200 local people"),
    ],
    "expert": [
        (P, "Commune elections are the only contest where local issues really matter to voters"),
        (P, "Reform is moving, but slowly, and mostly on paper"),
        (
            P,
            "Young voters now make up almost a third of the electorate, and they get their "
            "news online",
        ),
        (P, "The rules on donations will matter only if someone independent checks them"),
        (E, "The decline in the catch is consistent with what we see across the lower Mekong"),
        (E, "Forest loss in the province has roughly doubled in five years"),
        (W, "Garment exports are still growing, but margins for factories are thin"),
        (W, "When a factory closes suddenly, the workers are always the last to be paid"),
        (W, "A higher minimum wage has not driven investors away so far"),
        (
            L,
            "Land titling has advanced in the lowlands, but upland communities are still left out",
        ),
        (L, "Most land disputes end not in court but in a negotiated payment"),
        (M, "Self-censorship is the biggest threat, because it is invisible"),
        (M, "Community radio is often the only source of local news in rural provinces"),
        (None, "The data we have is incomplete, but the trend is clear"),
    ],
    "journalist": [
        (M, "We were reporting on a land protest. That is our job"),
        (M, "The police asked for the names of our sources. I refused"),
        (
            M,
            "Our listeners in the villages called in every morning. Now there is silence on "
            "that frequency",
        ),
        (M, "I check my phone every night for messages from people who know where I live"),
        (M, "We will keep reporting online while we fight for the licence"),
        (M, "Many young reporters now ask me whether this work is worth the risk"),
    ],
}

# -- Stories ----------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Translation:
    """The Khmer version of an English story: same quotes, same photos."""

    headline: str
    standfirst: str
    dateline: str
    days: int
    lede: str
    background: list


@dataclasses.dataclass(frozen=True)
class StorySeed:
    key: str
    section: str
    topics: list
    headline: str
    standfirst: str
    dateline: str
    status: str
    bylines: list  # (staff username or PEOPLE key, byline role)
    # Who speaks, lead first: PEOPLE keys, or "anon:…" for ANONYMOUS sources.
    cast: list
    # How many quotes to draw from the cast's voices, or the quotes themselves:
    # (speaker, English, Khmer) for a story with a translation, else (speaker, text).
    quotes: int | list
    lede: str
    background: list  # Paragraphs, or (subheading, paragraph) pairs.
    # The story's own picture: (scene, caption without the date, place[, Khmer
    # alt text]). A portrait of the first named speaker follows it.
    photo: tuple
    days: int | None = None  # Published this many days ago; negative: scheduled.
    featured: bool = False
    actor: str = "the authorities"  # Fills {actor} in the quotes.
    issue: str = "the case"  # Fills {issue} in the quotes.
    named: tuple = ()  # People named but not quoted.
    organizations: tuple = ()  # Organizations named besides the speakers' own.
    correction: tuple | None = None  # (kind, text)
    translation: Translation | None = None


STORIES = [
    StorySeed(
        key="p1",
        section=P,
        topics=["elections"],
        headline="Commune councils face tighter rules on public meetings",
        standfirst="A draft directive would require a permit for any gathering of more than "
        "20 people on commune land. Rights groups say it will keep citizens away from their "
        "own councils.",
        dateline="Phnom Penh",
        status=PUBLISHED,
        days=3,
        bylines=[("journalist2", "writer")],
        cast=["sun_vuthy", "chea_sokha", "chhim_leakhena", "uy_sreyleak", "nget_borey"],
        quotes=10,
        actor="the government",
        issue="the draft directive",
        lede="Commune councils across the country would need a permit from the district "
        "governor before holding any public meeting of more than 20 people, under a draft "
        "directive circulated to local officials this week.",
        background=[
            "The directive, seen by Newsroom, also asks councils to send the names of speakers "
            "at public forums to the district office three days in advance.",
            "Commune councils are the lowest tier of elected government. Their monthly public "
            "forums are, for many villagers, the only place to raise complaints about roads, "
            "schools and land.",
            "The directive is expected to be finalised before next year's commune elections.",
        ],
        photo=(
            "press",
            "Officials of the New Harvest Party hold a press conference in Phnom Penh",
            "Phnom Penh",
        ),
    ),
    StorySeed(
        key="p2",
        section=P,
        topics=["elections"],
        headline="Young voters say they feel unheard ahead of commune elections",
        standfirst="Students and first-time voters say councils rarely ask what they need. "
        "The governing party says it is listening.",
        dateline="Phnom Penh",
        status=PUBLISHED,
        days=2,
        featured=True,
        bylines=[("journalist2", "writer")],
        cast=["uy_sreyleak", "chhim_leakhena", "tep_malin"],
        quotes=[
            (
                "uy_sreyleak",
                "Young people want to see change",
                "យុវជនចង់ឃើញការផ្លាស់ប្តូរ",
            ),
            (
                "uy_sreyleak",
                "Nobody from the commune council has ever come to ask us what we need",
                "មិនដែលមានអ្នកណាម្នាក់ពីក្រុមប្រឹក្សាឃុំមកសួរយើងថាយើងត្រូវការអ្វីនោះទេ",
            ),
            (
                "chhim_leakhena",
                "Young voters get their news online, and they compare",
                "អ្នកបោះឆ្នោតវ័យក្មេងទទួលព័ត៌មានតាមអនឡាញ ហើយពួកគេប្រៀបធៀប",
            ),
            (
                "tep_malin",
                "The party respects the rights of every voter",
                "គណបក្សគោរពសិទ្ធិរបស់អ្នកបោះឆ្នោតគ្រប់រូប",
            ),
            ("tep_malin", "We will listen to young people", "យើងនឹងស្តាប់យុវជន"),
        ],
        actor="the councils",
        issue="the elections",
        lede="Young voters in Phnom Penh say they feel ignored by the commune councils that "
        "will ask for their votes next year.",
        background=[
            "Analysts estimate that voters under 30 make up about a third of the electorate.",
        ],
        photo=(
            "crowd",
            "Students attend a voter education event at a university in Phnom Penh",
            "Phnom Penh",
        ),
        translation=Translation(
            headline="យុវជនថា ពួកគេមិនត្រូវបានគេស្តាប់ មុនការបោះឆ្នោតក្រុមប្រឹក្សាឃុំ",
            standfirst="អ្នកបោះឆ្នោតវ័យក្មេងនិយាយថា ពួកគេចង់ឃើញក្រុមប្រឹក្សាឃុំដែលស្តាប់សំឡេងរបស់ពួកគេ។",
            dateline="ភ្នំពេញ",
            days=1,
            lede="អ្នកបោះឆ្នោតវ័យក្មេងនៅរាជធានីភ្នំពេញនិយាយថា ពួកគេមានអារម្មណ៍ថាមិនត្រូវបានគេ"
            "ស្តាប់ មុនការបោះឆ្នោតក្រុមប្រឹក្សាឃុំ សង្កាត់។",
            background=["យោងតាមអ្នកវិភាគ យុវជនមានប្រហែលមួយភាគបីនៃអ្នកបោះឆ្នោតទាំងអស់។"],
        ),
    ),
    StorySeed(
        key="p3",
        section=P,
        topics=["elections"],
        headline="Party spokesman defends new rules on political donations",
        standfirst="Parties would have to name every donor who gives more than 5 million "
        "riels a year. Smaller parties say the rules are costly and expose their supporters.",
        dateline="Phnom Penh",
        status=IN_REVIEW,
        bylines=[("journalist2", "writer")],
        cast=["sun_vuthy", "mao_visal", "chea_sokha", "anon:party_official"],
        quotes=7,
        actor="the party",
        issue="the proposal",
        lede="The New Harvest Party has defended a proposal that would require parties to "
        "publish the names of donors who give more than 5 million riels a year, saying it "
        "would make politics cleaner.",
        background=[
            "The proposal would also ban donations from companies that hold state contracts.",
            "Smaller parties say the reporting rules are costly and could expose their "
            "supporters to pressure.",
        ],
        photo=("press", "Party officials speak at a press conference in Phnom Penh", "Phnom Penh"),
    ),
    StorySeed(
        key="p4",
        section=P,
        topics=["elections"],
        headline="Analysts question the pace of electoral reform",
        standfirst="Two years after reform was promised, most of the changes exist only on "
        "paper, researchers say.",
        dateline="Phnom Penh",
        status=DRAFT,
        bylines=[("journalist", "writer")],
        cast=["mao_visal", "chhim_leakhena"],
        quotes=3,
        actor="the government",
        issue="the reform",
        lede="Two years after the government promised to reform the way elections are run, "
        "analysts say most of the changes exist only on paper.",
        background=[
            "The reform package includes a new voter registration system and rules on "
            "campaign spending.",
        ],
        photo=("city", "Traffic passes through central Phnom Penh", "Phnom Penh"),
    ),
    StorySeed(
        key="h1",
        section=H,
        topics=["courts"],
        headline="Court delays verdict in trial of youth activist Prum Seyha",
        standfirst="The activist has spent almost a year in pre-trial detention over a "
        "Facebook video about a land dispute.",
        dateline="Kampong Speu",
        status=PUBLISHED,
        days=6,
        bylines=[("journalist2", "writer"), ("long_narith", "photographer")],
        cast=["thach_davy", "vong_channa", "seng_vibol", "ouk_vannak", "anon:relative"],
        named=["prum_seyha"],
        quotes=12,
        actor="the court",
        issue="the case",
        lede="The Kampong Speu Provincial Court has postponed its verdict in the incitement "
        "trial of youth activist Prum Seyha for a third time, leaving him in pre-trial "
        "detention for an eleventh month.",
        background=[
            "Seyha was arrested after posting a video on Facebook in which he accused local "
            "officials of taking land from families in his commune.",
            "He faces up to two years in prison if convicted of incitement to commit a felony.",
            "Supporters who gathered outside the court on {weekday} were kept behind a barrier "
            "about 100 metres from the entrance.",
        ],
        photo=(
            "crowd",
            "Supporters of Prum Seyha wait outside the Kampong Speu Provincial Court",
            "Kampong Speu",
        ),
        correction=(
            CorrectionKind.CORRECTION,
            "An earlier version of this story said the verdict had been postponed twice. It "
            "has been postponed three times.",
        ),
    ),
    StorySeed(
        key="h2",
        section=H,
        topics=["courts"],
        headline="Wife of jailed activist appeals for his release",
        standfirst="Prum Seyha has been held for more than ten months awaiting a verdict. "
        "His wife says their son asks for him every night.",
        dateline="Kampong Speu",
        status=PUBLISHED,
        days=4,
        bylines=[("journalist2", "writer")],
        cast=["thach_davy", "vong_channa", "chea_sokha"],
        named=["prum_seyha"],
        quotes=[
            (
                "thach_davy",
                "I just want my husband to come home",
                "ខ្ញុំគ្រាន់តែចង់ឱ្យប្តីខ្ញុំត្រឡប់មកផ្ទះវិញ",
            ),
            (
                "thach_davy",
                "Our son asks every night when his father will come back",
                "កូនប្រុសយើងសួររៀងរាល់យប់ថា តើឪពុករបស់គាត់នឹងត្រឡប់មកវិញនៅពេលណា",
            ),
            (
                "vong_channa",
                "We asked for bail three times and the court refused",
                "យើងបានស្នើសុំនៅក្រៅឃុំបីដងហើយ ប៉ុន្តែតុលាការបានបដិសេធ",
            ),
            (
                "chea_sokha",
                "We call on the authorities to conduct an independent investigation",
                "យើងស្នើឱ្យអាជ្ញាធរធ្វើការស៊ើបអង្កេតឯករាជ្យ",
            ),
        ],
        actor="the court",
        issue="the case",
        lede="The wife of jailed youth activist Prum Seyha has appealed to the authorities to "
        "release her husband, who has been held for more than ten months awaiting a verdict.",
        background=[
            "Seyha was charged with incitement after writing about a land dispute on Facebook.",
        ],
        photo=(
            "road",
            "The road to Prum Seyha's home village in Kampong Speu province",
            "Kampong Speu",
        ),
        translation=Translation(
            headline="ភរិយាសកម្មជនដែលជាប់ឃុំ អំពាវនាវសុំឱ្យដោះលែងស្វាមី",
            standfirst="ភរិយារបស់សកម្មជនយុវជន ព្រំ សីហា និយាយថា គ្រួសាររបស់នាងកំពុងរង់ចាំគាត់ត្រឡប់មកផ្ទះវិញ។",
            dateline="កំពង់ស្ពឺ",
            days=3,
            lede="ភរិយារបស់សកម្មជនយុវជនម្នាក់ដែលត្រូវបានឃុំខ្លួនអស់រយៈពេលជាងដប់ខែ "
            "បានអំពាវនាវឱ្យអាជ្ញាធរដោះលែងស្វាមីរបស់នាង។",
            background=[
                "សកម្មជនរូបនេះត្រូវបានចោទប្រកាន់ពីបទញុះញង់ បន្ទាប់ពីគាត់បានសរសេរអំពីវិវាទដីធ្លីនៅលើហ្វេសប៊ុក។",
            ],
        ),
    ),
    StorySeed(
        key="h3",
        section=H,
        topics=["land-disputes"],
        headline="Rights group records rise in threats against land defenders",
        standfirst="The Cambodian Centre for Civic Rights counted 38 cases this year, most "
        "of them against people who had complained about land concessions.",
        dateline="Phnom Penh",
        status=PUBLISHED,
        days=12,
        bylines=[("journalist2", "writer"), ("oum_sreypov", "contributor")],
        cast=[
            "ouk_vannak",
            "chea_sokha",
            "meas_sokha",
            "kong_sophea",
            "pen_sovann",
            "sun_vuthy",
        ],
        quotes=14,
        actor="the authorities",
        issue="the report",
        lede="Threats, summonses and arrests targeting people who defend their communities' "
        "land rose sharply this year, the Cambodian Centre for Civic Rights said in a report "
        "released on {weekday}.",
        background=[
            "The report documents 38 cases in 11 provinces, against 21 last year. In most of "
            "them, the people targeted had filed complaints about land concessions or had "
            "spoken to journalists.",
            "The centre said it had shared its findings with the Ministry of Natural "
            "Resources and the provincial authorities before publication.",
            "Kampong Speu, where families have been in dispute with a rubber company since "
            "2015, accounted for nine of the cases.",
        ],
        photo=(
            "press",
            "Staff of the Cambodian Centre for Civic Rights present a report on threats "
            "against land defenders in Phnom Penh",
            "Phnom Penh",
        ),
    ),
    StorySeed(
        key="h4",
        section=H,
        topics=["courts", "land-disputes"],
        headline="Prosecutor says activists' case will follow the law",
        standfirst="Lawyers for four land activists say the charges came only after the "
        "villagers complained about a rubber company.",
        dateline="Kampong Speu",
        status=APPROVED,
        bylines=[("journalist2", "writer")],
        cast=["ros_phalla", "vong_channa", "ouk_vannak"],
        quotes=6,
        actor="the prosecutor",
        issue="the case",
        lede="A deputy prosecutor at the Kampong Speu Provincial Court has rejected claims "
        "that the case against four land activists is politically motivated.",
        background=[
            "The four were charged last month with damaging property during a protest at a "
            "rubber plantation.",
            "Their lawyers say the charges were filed only after the villagers complained to "
            "the provincial authorities about the company.",
        ],
        photo=(
            "city",
            "Traffic passes through Chbar Mon, the provincial capital of Kampong Speu",
            "Kampong Speu",
        ),
    ),
    StorySeed(
        key="e1",
        section=E,
        topics=["mekong-river"],
        headline="Fishing families on the Mekong say catches have halved",
        standfirst="In Kratie, fishermen say one net no longer feeds a family. Many now send "
        "their children to work in Phnom Penh or Thailand.",
        dateline="Kratie",
        status=PUBLISHED,
        days=8,
        featured=True,
        bylines=[("journalist", "writer"), ("long_narith", "photographer")],
        cast=["hem_makara", "ly_chenda", "pen_sovann", "mao_visal"],
        quotes=[
            ("hem_makara", "Fish are fewer every year", "ត្រីកាន់តែតិចទៅៗរៀងរាល់ឆ្នាំ"),
            (
                "hem_makara",
                "Ten years ago one net was enough for the market. Now it barely feeds the family",
                "កាលពីដប់ឆ្នាំមុន មងមួយគឺគ្រប់គ្រាន់សម្រាប់លក់នៅផ្សារ។ ឥឡូវនេះស្ទើរតែមិនគ្រប់ចិញ្ចឹមគ្រួសារ",
            ),
            ("ly_chenda", "The river water is getting dirtier", "ទឹកទន្លេកាន់តែកខ្វក់"),
            (
                "pen_sovann",
                "The ministry is examining this complaint",
                "ក្រសួងកំពុងពិនិត្យមើលបណ្តឹងនេះ",
            ),
            (
                "mao_visal",
                "The decline is consistent with what we see across the lower Mekong",
                "ការធ្លាក់ចុះនេះស្របនឹងអ្វីដែលយើងឃើញនៅទូទាំងតំបន់មេគង្គក្រោម",
            ),
        ],
        actor="the dredging companies",
        issue="the decline",
        lede="Fishing families in Kratie province say their catch has fallen by half in ten "
        "years, and many now send their children to work in Phnom Penh or Thailand.",
        background=[
            "Mekong Forest Watch said sand dredging and dams upstream had changed the river's "
            "flow.",
        ],
        photo=("river", "A fisherman crosses the Mekong river near Kratie town", "Kratie"),
        correction=(
            CorrectionKind.CLARIFICATION,
            "This story has been updated to make clear that the catch figures come from a "
            "survey by Mekong Forest Watch, not from the ministry.",
        ),
        translation=Translation(
            headline="គ្រួសារអ្នកនេសាទតាមដងទន្លេមេគង្គ ថាត្រីចាប់បានថយចុះពាក់កណ្តាល",
            standfirst="អ្នកនេសាទនៅខេត្តក្រចេះនិយាយថា ត្រីចាប់បានថយចុះយ៉ាងខ្លាំងក្នុងរយៈពេលដប់ឆ្នាំចុងក្រោយនេះ។",
            dateline="ក្រចេះ",
            days=7,
            lede="គ្រួសារអ្នកនេសាទនៅខេត្តក្រចេះនិយាយថា ត្រីដែលពួកគេចាប់បានបានថយចុះពាក់កណ្តាល បើធៀបនឹងដប់ឆ្នាំមុន។",
            background=[
                "អង្គការឃ្លាំមើលព្រៃឈើមេគង្គបាននិយាយថា ការជីកខ្សាច់ និងទំនប់នៅខាងលើទន្លេ បានប្រែប្រួលលំហូរទឹក។",
            ],
        ),
    ),
    StorySeed(
        key="e2",
        section=E,
        topics=["forests"],
        headline="Rangers report new logging roads in Prey Kraham forest",
        standfirst="Community patrols say three roads wide enough for trucks have been cut "
        "into the protected forest since the start of the dry season.",
        dateline="Preah Vihear",
        status=PUBLISHED,
        days=15,
        bylines=[("journalist", "writer")],
        cast=["sar_phearum", "yim_kosal", "lim_dara", "anon:forest_official"],
        quotes=9,
        actor="the loggers",
        issue="the logging",
        lede="Community rangers in Preah Vihear province say they have found three new "
        "logging roads cut into Prey Kraham forest since the start of the dry season.",
        background=[
            "The roads lead from a cashew plantation on the forest's edge to stands of "
            "rosewood, the rangers said.",
            "Mekong Forest Watch said satellite images showed at least 400 hectares cleared "
            "inside the protected area this year.",
        ],
        photo=(
            "forest",
            "Trees stand at the edge of a cleared area in Prey Kraham forest, Preah Vihear "
            "province",
            "Preah Vihear",
        ),
    ),
    StorySeed(
        key="e3",
        section=E,
        topics=["forests", "indigenous-communities"],
        headline="Ministry promises review of forest concession after complaints",
        standfirst="Bunong communities in Mondulkiri say the concession overlaps their "
        "spirit forests and farmland.",
        dateline="Phnom Penh",
        status=PUBLISHED,
        days=-2,
        bylines=[("journalist", "writer")],
        cast=["pen_sovann", "lim_dara", "ly_chenda", "mean_rachana", "kim_sambath"],
        organizations=["gmr"],
        quotes=8,
        actor="the ministry",
        issue="the concession",
        lede="The Ministry of Natural Resources says it will review a 9,000-hectare "
        "concession in Mondulkiri province after Bunong communities complained that it "
        "overlaps their spirit forests and farmland.",
        background=[
            "The concession was granted in 2019 to a subsidiary of the Golden Mekong Rubber "
            "Company.",
            "Bunong families say they were never shown a map of the concession's borders.",
        ],
        photo=(
            "forest",
            "The spirit forest of a Bunong community in Mondulkiri province",
            "Mondulkiri",
        ),
    ),
    StorySeed(
        key="e4",
        section=E,
        topics=["forests", "indigenous-communities"],
        headline="Bunong villagers map their forest to stop the clearing",
        standfirst="Six months of walking the boundaries with GPS phones, and a request for a "
        "communal land title at the end of it.",
        dateline="Mondulkiri",
        status=PUBLISHED,
        days=20,
        bylines=[("journalist", "writer"), ("oum_sreypov", "contributor")],
        cast=["mean_rachana", "yim_kosal", "mao_visal", "anon:elder"],
        quotes=10,
        actor="the company",
        issue="the map",
        lede="Bunong villagers in Mondulkiri province have spent six months walking the "
        "boundaries of their forest with GPS phones, hoping a map will stop the clearing "
        "that has already taken a third of it.",
        background=[
            "The mapping was organised with help from Mekong Forest Watch, which trained 24 "
            "young villagers to record boundaries, burial grounds and resin trees.",
            "The community plans to submit the map to the provincial authorities with a "
            "request for a communal land title.",
        ],
        photo=(
            "fields",
            "Cleared land at the edge of a Bunong village in Mondulkiri province",
            "Mondulkiri",
        ),
    ),
    StorySeed(
        key="l1",
        section=L,
        topics=["land-disputes"],
        headline="Ten years on, Kampong Speu families still wait for their land",
        standfirst="A rubber concession, four surveys and a decade of complaints. The families "
        "of Trapeang Chhuk say they will not leave.",
        dateline="Kampong Speu",
        status=PUBLISHED,
        days=2,
        featured=True,
        bylines=[("journalist", "writer"), ("long_narith", "photographer")],
        cast=[
            "nou_sreymom",
            "meas_sokha",
            "heng_rithy",
            "kim_sambath",
            "kong_sophea",
            "pen_sovann",
            "vong_channa",
            "mao_visal",
            "anon:villager",
            "anon:land_official",
        ],
        organizations=["gmr"],
        quotes=25,
        actor="the company",
        issue="the concession",
        lede="For ten years, the families of Trapeang Chhuk village in Kampong Speu province "
        "have been told that their dispute with a rubber company is about to be solved. They "
        "are still waiting.",
        background=[
            (
                "## Ten years of waiting",
                "The Golden Mekong Rubber Company received a 7,000-hectare concession in the "
                "area in 2015. About 300 families say part of it covers rice fields they have "
                "farmed since the 1980s.",
            ),
            "Villagers have filed complaints with the commune, the district, the province and, "
            "twice, with the National Assembly. Each time, they say, they were told to wait "
            "for a new survey.",
            (
                "## What the company says",
                "The company says most of the land was unused forest when the concession was "
                "granted, and that it has paid compensation to families who could prove their "
                "claims.",
            ),
            "Satellite images from 2014 reviewed by Newsroom show rice fields and houses "
            "inside the area now planted with rubber.",
            (
                "## What comes next",
                "The provincial authorities have promised a new survey before the rainy "
                "season. The families say they will not accept any result they cannot check "
                "themselves.",
            ),
        ],
        photo=(
            "fields",
            "Rice fields and young rubber trees in Trapeang Chhuk village, Kampong Speu province",
            "Kampong Speu",
        ),
    ),
    StorySeed(
        key="l2",
        section=L,
        topics=["land-disputes"],
        headline="Rubber company says it will pay compensation to 40 families",
        standfirst="The families say the offer is far below what their land is worth.",
        dateline="Kampong Speu",
        status=PUBLISHED,
        days=25,
        bylines=[("journalist", "writer")],
        cast=["kim_sambath", "sok_ratana", "kong_sophea", "nou_sreymom"],
        organizations=["gmr"],
        quotes=9,
        actor="the company",
        issue="the offer",
        lede="The Golden Mekong Rubber Company says it will pay compensation to 40 families "
        "in Kampong Speu province whose rice fields were planted with rubber, but the "
        "families say the offer is far below what their land is worth.",
        background=[
            "The company did not say how much it would pay. Families who attended a meeting "
            "with company staff said they were offered 500 dollars a hectare.",
            "Land in the area sells for between 3,000 and 5,000 dollars a hectare, according "
            "to local land brokers.",
        ],
        photo=(
            "press",
            "Representatives of the Golden Mekong Rubber Company meet villagers at the "
            "district hall in Kampong Speu province",
            "Kampong Speu",
        ),
        correction=(
            CorrectionKind.CORRECTION,
            "An earlier version of this story misspelt the name of Kim Sambath.",
        ),
    ),
    StorySeed(
        key="l3",
        section=L,
        topics=["land-disputes", "courts"],
        headline="Court summons villagers over protest at plantation",
        standfirst="Eight villagers are to be questioned about damage to a fence and two water "
        "pumps. They say the protest was peaceful.",
        dateline="Kampong Speu",
        status=PUBLISHED,
        days=30,
        bylines=[("journalist", "writer")],
        cast=["seng_vibol", "vong_channa", "meas_sokha", "kim_sambath"],
        organizations=["gmr"],
        quotes=7,
        actor="the company",
        issue="the summons",
        lede="The Kampong Speu Provincial Court has summoned eight villagers for questioning "
        "over a protest at a rubber plantation last month, in which company guards say a "
        "fence and two water pumps were damaged.",
        background=[
            "The villagers say they were protesting peacefully against the clearing of a rice "
            "field that is the subject of a complaint to the provincial authorities.",
            "All eight are from Trapeang Chhuk village, where families have been in dispute "
            "with the Golden Mekong Rubber Company since 2015.",
        ],
        photo=(
            "road",
            "A dirt road leads to the rubber plantation near Trapeang Chhuk village",
            "Kampong Speu",
        ),
    ),
    StorySeed(
        key="l4",
        section=L,
        topics=["land-disputes"],
        headline="Preah Vihear community asks for land titles",
        standfirst="120 families say the land they have farmed for 30 years is being sold off "
        "piece by piece.",
        dateline="Preah Vihear",
        status=UNPUBLISHED,
        days=45,
        bylines=[("journalist", "writer")],
        cast=["ek_bunthoeun", "heng_rithy", "pen_sovann"],
        quotes=5,
        actor="the authorities",
        issue="the titles",
        lede="A community of 120 families in Preah Vihear province has asked the provincial "
        "authorities for land titles, saying that the land they have farmed for 30 years is "
        "being sold off piece by piece.",
        background=[
            "The families say brokers from outside the province have begun to fence off plots "
            "along the new road to the district town.",
        ],
        photo=("road", "A new road runs past farmland in Preah Vihear province", "Preah Vihear"),
    ),
    StorySeed(
        key="w1",
        section=W,
        topics=["garment-industry"],
        headline="Garment workers protest unpaid wages after factory closes",
        standfirst="More than 400 workers say they are owed two months of wages and severance. "
        "The owner cannot be reached.",
        dateline="Kandal",
        status=PUBLISHED,
        days=5,
        bylines=[("journalist", "writer"), ("long_narith", "photographer")],
        cast=["chhay_kanha", "nhem_bopha", "yin_sopheap", "chan_sophal", "anon:worker"],
        quotes=12,
        actor="the owner",
        issue="the closure",
        lede="More than 400 workers gathered outside a shuttered garment factory in Kandal "
        "province on {weekday}, demanding two months of unpaid wages and the severance they "
        "say they are owed.",
        background=[
            "The factory, which made sportswear for export, closed its gates at the start of "
            "the month. Workers said they found a notice on the gate saying the factory was "
            "‘temporarily suspended’.",
            "The owner could not be reached for comment. Workers said they had not seen him "
            "since the end of last month.",
            "Under the Labour Law, workers dismissed without notice are entitled to severance "
            "pay and compensation for the notice period.",
        ],
        photo=(
            "crowd",
            "Workers gather outside a closed garment factory in Kandal province",
            "Kandal",
        ),
    ),
    StorySeed(
        key="w2",
        section=W,
        topics=["garment-industry"],
        headline="Union says inspectors ignored complaints about fainting",
        standfirst="Three complaints were filed before 46 workers were taken to hospital, the "
        "union says. The inspectorate says it visited the factory twice.",
        dateline="Phnom Penh",
        status=PUBLISHED,
        days=18,
        bylines=[("journalist", "writer")],
        cast=["touch_samnang", "khun_thida", "yin_sopheap", "tomas_keller"],
        quotes=10,
        actor="the inspectors",
        issue="the complaints",
        lede="A garment workers' union says labour inspectors ignored three complaints about "
        "mass fainting at a factory on the outskirts of Phnom Penh before 46 workers were "
        "taken to hospital last week.",
        background=[
            "The workers were treated for exhaustion and released the same day, according to "
            "the union.",
            "The National Labour Inspectorate says it visited the factory twice this year.",
        ],
        photo=("city", "Workers ride to a factory on the outskirts of Phnom Penh", "Phnom Penh"),
    ),
    StorySeed(
        key="w3",
        section=W,
        topics=["garment-industry"],
        headline="Labour inspectorate promises more factory visits",
        standfirst="The inspectorate says it will double unannounced visits. Unions say it "
        "has too few inspectors to keep the promise.",
        dateline="Phnom Penh",
        status=DRAFT,
        bylines=[("journalist2", "writer")],
        cast=["chan_sophal", "khun_thida", "nhem_bopha"],
        quotes=4,
        actor="the inspectorate",
        issue="the plan",
        lede="The National Labour Inspectorate says it will double the number of unannounced "
        "factory visits in the second half of the year.",
        background=[
            "The inspectorate has 180 inspectors for more than 1,500 factories, according to "
            "its own figures.",
        ],
        photo=(
            "press",
            "Officials of the National Labour Inspectorate hold a press conference in Phnom Penh",
            "Phnom Penh",
        ),
    ),
    StorySeed(
        key="w4",
        section=W,
        topics=["garment-industry"],
        headline="Workers weigh a minimum wage offer",
        standfirst="Employers have offered five dollars more a month. Unions asked for 18.",
        dateline="Phnom Penh",
        status=IN_REVIEW,
        bylines=[("journalist", "writer")],
        cast=["nhem_bopha", "chhay_kanha", "tomas_keller", "chan_sophal"],
        quotes=6,
        actor="the employers",
        issue="the offer",
        lede="Garment unions are weighing an offer to raise the monthly minimum wage by five "
        "dollars, well short of the increase they have asked for.",
        background=[
            "Unions had asked for an increase of 18 dollars, citing rising rents and food prices.",
        ],
        photo=(
            "crowd",
            "Garment workers leave a factory at the end of a shift in Phnom Penh",
            "Phnom Penh",
        ),
    ),
    StorySeed(
        key="m1",
        section=M,
        topics=["press-safety"],
        headline="Community radio station loses its licence",
        standfirst="Tonle Radio had broadcast local news in Kratie for 16 years. The letter "
        "revoking its licence cites no programme.",
        dateline="Kratie",
        status=PUBLISHED,
        days=9,
        bylines=[("journalist2", "writer")],
        cast=["prak_sothea", "srey_pisey", "hannah_lindqvist", "sun_vuthy"],
        quotes=11,
        actor="the authorities",
        issue="the decision",
        lede="Tonle Radio, a community station that has broadcast local news in Kratie "
        "province for 16 years, went off the air on {weekday} after the authorities revoked "
        "its licence.",
        background=[
            "The licence was revoked for ‘broadcasting content that affects social order’, "
            "according to a letter seen by Newsroom. The letter did not cite any programme.",
            "The station had recently aired a series on sand dredging in the Mekong and on "
            "land disputes in the province.",
        ],
        photo=(
            "press",
            "Staff of Tonle Radio speak to reporters in Kratie town after the station lost "
            "its licence",
            "Kratie",
        ),
    ),
    StorySeed(
        key="m2",
        section=M,
        topics=["press-safety"],
        headline="Reporter questioned by police after covering land protest",
        standfirst="Officers asked for her phone and the names of the villagers she had "
        "interviewed. She was released without charge.",
        dateline="Kratie",
        status=PUBLISHED,
        days=40,
        bylines=[("journalist2", "writer")],
        cast=["srey_pisey", "hannah_lindqvist", "chea_sokha", "anon:police"],
        quotes=9,
        actor="the police",
        issue="the questioning",
        lede="A reporter for Tonle Radio was questioned for four hours at a provincial police "
        "station after covering a land protest in Kratie province.",
        background=[
            "The reporter said officers asked her to hand over her phone and the names of the "
            "villagers she had interviewed.",
            "She was released without charge in the evening.",
        ],
        photo=("city", "Motorbikes pass through Kratie town", "Kratie"),
    ),
    StorySeed(
        key="m3",
        section=M,
        topics=["press-safety"],
        headline="Press group says online threats against reporters are rising",
        standfirst="Women reporters are the most frequent targets, the Asia Press Freedom "
        "Monitor says.",
        dateline="Phnom Penh",
        status=UNPUBLISHED,
        days=50,
        bylines=[("editor", "writer")],
        cast=["hannah_lindqvist", "chhim_leakhena", "prak_sothea"],
        quotes=6,
        actor="the platforms",
        issue="the report",
        lede="Threats against journalists on social media have risen sharply over the past "
        "year, with women reporters the most frequent targets, the Asia Press Freedom Monitor "
        "said in a report.",
        background=[
            "The report counted 212 threatening messages sent to 37 journalists in Cambodia "
            "over twelve months.",
        ],
        photo=(
            "press",
            "A press freedom report is presented to journalists in Phnom Penh",
            "Phnom Penh",
        ),
    ),
    StorySeed(
        key="m4",
        section=M,
        topics=["press-safety"],
        headline="Journalists' safety training draws record numbers",
        standfirst="Digital security, first aid and what to do when the police call.",
        dateline="Phnom Penh",
        status=DRAFT,
        bylines=[("journalist", "writer"), ("oum_sreypov", "contributor")],
        cast=["srey_pisey", "prak_sothea", "oum_sreypov"],
        quotes=3,
        actor="the organisers",
        issue="the training",
        lede="A safety training course for journalists in Phnom Penh has drawn more "
        "applicants this year than in any year since it began.",
        background=[
            "The course covers digital security, first aid and how to respond to questioning "
            "by the police.",
        ],
        photo=("crowd", "Journalists attend a safety training course in Phnom Penh", "Phnom Penh"),
    ),
]

# Stories written in Khmer first, with their own Khmer quotes and captions.
KHMER_STORIES = [
    StorySeed(
        key="l-km",
        section=L,
        topics=["land-disputes"],
        headline="ពលរដ្ឋនៅខេត្តកំពង់ស្ពឺ ស្នើសុំប័ណ្ណកម្មសិទ្ធិដីធ្លី",
        standfirst="គ្រួសារជាង៤០ នៅខេត្តកំពង់ស្ពឺ កំពុងរង់ចាំប័ណ្ណកម្មសិទ្ធិដីធ្លី។",
        dateline="កំពង់ស្ពឺ",
        status=PUBLISHED,
        days=10,
        bylines=[("journalist2", "writer")],
        cast=["nou_sreymom", "heng_rithy", "pen_sovann"],
        organizations=["gmr"],
        quotes=[
            ("nou_sreymom", "យើងមិនចង់ចាកចេញពីដីរបស់យើងទេ"),
            ("nou_sreymom", "ក្រុមហ៊ុនមិនដែលមកសួរយើងទេ"),
            ("heng_rithy", "យើងត្រូវការដំណោះស្រាយដែលយុត្តិធម៌"),
            ("heng_rithy", "យើងបានដាក់ពាក្យបណ្តឹងទៅអាជ្ញាធរខេត្តរួចហើយ"),
            ("pen_sovann", "យើងកំពុងពិនិត្យមើលឯកសាររបស់គ្រួសារទាំងនេះ"),
        ],
        lede="គ្រួសារជាង៤០នៅភូមិត្រពាំងឈូក ខេត្តកំពង់ស្ពឺ បាននិយាយថា ពួកគេបានរស់នៅលើដីនេះ"
        "តាំងពីឆ្នាំ១៩៨៥ ប៉ុន្តែមិនទាន់មានប័ណ្ណកម្មសិទ្ធិនៅឡើយ។",
        background=["ក្រុមហ៊ុនកៅស៊ូមួយបានទទួលដីសម្បទានក្នុងតំបន់នេះកាលពីឆ្នាំ២០១៥។"],
        photo=(
            "fields",
            "វាលស្រែនៅភូមិត្រពាំងឈូក ខេត្តកំពង់ស្ពឺ",
            "Kampong Speu",
            "វាលស្រែលាតសន្ធឹងទៅដល់ភ្នំទាបៗ មានដើមត្នោតនៅទីនោះទីនេះ។",
        ),
    ),
    StorySeed(
        key="w-km",
        section=W,
        topics=["garment-industry"],
        headline="កម្មកររោងចក្រកាត់ដេរ ទាមទារប្រាក់ខែដែលមិនទាន់បានបើក",
        standfirst="កម្មករជាង៤០០នាក់ មិនទាន់បានទទួលប្រាក់ខែពីរខែ បន្ទាប់ពីរោងចក្របិទទ្វារ។",
        dateline="កណ្តាល",
        status=IN_REVIEW,
        bylines=[("journalist2", "writer")],
        cast=["yin_sopheap", "nhem_bopha", "chan_sophal"],
        quotes=[
            ("yin_sopheap", "រោងចក្របានបិទទ្វារដោយគ្មានការជូនដំណឹង"),
            ("yin_sopheap", "កម្មករមិនទាន់បានទទួលប្រាក់ខែទេ"),
            ("nhem_bopha", "យើងកំពុងរង់ចាំចម្លើយពីក្រសួង"),
            ("chan_sophal", "ក្រសួងបានណែនាំឱ្យម្ចាស់រោងចក្របើកប្រាក់ខែជូនកម្មករ"),
        ],
        lede="កម្មករកាត់ដេរជាង៤០០នាក់នៅខេត្តកណ្តាល បានប្រមូលផ្តុំគ្នានៅមុខរោងចក្រ "
        "ដើម្បីទាមទារប្រាក់ខែដែលម្ចាស់រោងចក្រមិនទាន់បានបើក។",
        background=["ម្ចាស់រោងចក្របានបិទទ្វារកាលពីដើមខែ ហើយមិនអាចទាក់ទងបានទេ។"],
        photo=(
            "crowd",
            "កម្មករកាត់ដេរប្រមូលផ្តុំគ្នានៅមុខរោងចក្រដែលបិទទ្វារ នៅខេត្តកណ្តាល",
            "Kandal",
            "ហ្វូងមនុស្ស ខ្លះកាន់ផ្ទាំងអក្សរ ឈរនៅមុខជញ្ជាំង។",
        ),
    ),
    StorySeed(
        key="m-km",
        section=M,
        topics=["press-safety"],
        headline="វិទ្យុសហគមន៍ត្រូវបានបិទ អ្នកស្តាប់បាត់បង់ប្រភពព័ត៌មាន",
        standfirst="ការបិទវិទ្យុទន្លេ ធ្វើឱ្យអ្នកស្តាប់នៅតាមជនបទបាត់បង់ព័ត៌មានក្នុងតំបន់។",
        dateline="ក្រចេះ",
        status=PUBLISHED,
        days=11,
        bylines=[("journalist2", "writer")],
        cast=["prak_sothea", "srey_pisey", "hannah_lindqvist"],
        quotes=[
            ("prak_sothea", "ការបិទវិទ្យុនេះធ្វើឱ្យប្រជាជនបាត់បង់ប្រភពព័ត៌មាន"),
            ("srey_pisey", "អ្នកសារព័ត៌មានត្រូវតែអាចធ្វើការងាររបស់ខ្លួនដោយគ្មានការភ័យខ្លាច"),
            ("hannah_lindqvist", "ច្បាប់ត្រូវតែអនុវត្តស្មើៗគ្នាចំពោះអ្នកទាំងអស់គ្នា"),
            ("prak_sothea", "យើងនឹងបន្តផ្សាយតាមអនឡាញ"),
        ],
        lede="វិទ្យុទន្លេ ដែលជាវិទ្យុសហគមន៍មួយនៅខេត្តក្រចេះ បានបញ្ឈប់ការផ្សាយ បន្ទាប់ពីអាជ្ញាប័ណ្ណរបស់ខ្លួនត្រូវបានដកហូត។",
        background=[
            "អ្នកស្តាប់នៅតាមភូមិនានាបាននិយាយថា វិទ្យុនេះជាប្រភពព័ត៌មានក្នុងតំបន់តែមួយគត់របស់ពួកគេ។",
        ],
        photo=(
            "press",
            "បុគ្គលិកវិទ្យុទន្លេ ជួបជាមួយអ្នកសារព័ត៌មាន នៅខេត្តក្រចេះ",
            "Kratie",
            "អ្នកនិយាយអង្គុយនៅពីក្រោយតុដែលមានមីក្រូហ្វូន។",
        ),
    ),
]

# One file picture per section, for stories that need a second view.
FILE_PHOTOS = {
    P: ("city", "A view of central Phnom Penh", "Phnom Penh"),
    H: (
        "crowd",
        "Relatives of detained activists wait outside a court in Phnom Penh",
        "Phnom Penh",
    ),
    E: ("river", "The Mekong river near Kratie town", "Kratie"),
    L: ("fields", "Rice fields and sugar palms in Kampong Speu province", "Kampong Speu"),
    W: (
        "crowd",
        "Garment workers leave a factory at the end of a shift in Kandal province",
        "Kandal",
    ),
    M: ("press", "Journalists wait for a press conference to begin in Phnom Penh", "Phnom Penh"),
}

ALT_TEXT = {
    "fields": "Rice fields stretch towards low hills, sugar palms scattered across them.",
    "river": "A wooden boat on a wide brown river with a low green bank on the far side.",
    "forest": "Rows of broad trees stand at the edge of a field.",
    "road": "A red dirt road runs between green rice fields towards the hills.",
    "city": "Cars and motorbikes on a wide street below apartment blocks and a pagoda roof.",
    "crowd": "A crowd of people, some holding handwritten signs, stands in front of a wall.",
    "press": "Speakers sit behind a table of microphones under a white banner.",
}
SHIRT_KM = {
    "blue": "ខៀវ",
    "white": "ស",
    "red": "ក្រហម",
    "green": "បៃតង",
    "yellow": "លឿង",
    "grey": "ប្រផេះ",
    "black": "ខ្មៅ",
    "pink": "ផ្កាឈូក",
    "orange": "ទឹកក្រូច",
}
KHMER_MONTHS = [
    "មករា",
    "កុម្ភៈ",
    "មីនា",
    "មេសា",
    "ឧសភា",
    "មិថុនា",
    "កក្កដា",
    "សីហា",
    "កញ្ញា",
    "តុលា",
    "វិច្ឆិកា",
    "ធ្នូ",
]
KHMER_DIGITS = str.maketrans("0123456789", "០១២៣៤៥៦៧៨៩")
STAFF_AGENCY = "Newsroom"
FREELANCE_AGENCY = "Kampuchea Lens"
