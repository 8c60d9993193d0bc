// Hungarian word lists. Long vowels and ő/ű are everywhere in Hungarian names, which is
// exactly what search folding and Hungarian collation (cs, dz, gy, ly, ny, sz, ty, zs) need.
import type { IndustryCode } from '../../modules/dictionaries/standard-values.ts';

// biome-ignore format: word list, packed to keep the file readable
export const HU_MALE_FIRST_NAMES = [
  'László', 'István', 'József', 'János', 'Zoltán', 'Sándor', 'Gábor', 'Ferenc', 'Attila', 'Péter', 'Tamás',
  'Zsolt', 'Tibor', 'András', 'Csaba', 'Imre', 'Lajos', 'György', 'Balázs', 'Róbert', 'Miklós', 'Mihály',
  'Dávid', 'Dániel', 'Ádám', 'Krisztián', 'Bence', 'Máté', 'Levente', 'Gergő', 'Ákos', 'Norbert', 'Gyula',
  'Károly', 'Béla', 'Ödön', 'Szabolcs', 'Viktor', 'Márk', 'Barnabás', 'Áron', 'Kristóf', 'Botond', 'Előd',
  'Örs', 'Bendegúz', 'Kálmán', 'Jenő', 'Géza', 'Dezső', 'Győző', 'Lőrinc', 'Zsigmond', 'Tivadar', 'Ottó',
] as const;

// biome-ignore format: word list, packed to keep the file readable
export const HU_FEMALE_FIRST_NAMES = [
  'Mária', 'Erzsébet', 'Katalin', 'Ilona', 'Éva', 'Anna', 'Zsuzsanna', 'Margit', 'Judit', 'Ágnes', 'Andrea',
  'Erika', 'Krisztina', 'Edit', 'Gabriella', 'Szilvia', 'Anita', 'Mónika', 'Viktória', 'Eszter', 'Tímea',
  'Nikolett', 'Brigitta', 'Rita', 'Dóra', 'Réka', 'Boglárka', 'Zsófia', 'Hanna', 'Lilla', 'Noémi', 'Petra',
  'Orsolya', 'Enikő', 'Ildikó', 'Emőke', 'Gyöngyi', 'Tünde', 'Piroska', 'Csilla', 'Kinga', 'Beáta', 'Fruzsina',
  'Luca', 'Lili', 'Flóra', 'Bernadett', 'Klára', 'Irén', 'Etelka', 'Hajnalka', 'Melinda', 'Henrietta', 'Dorottya',
] as const;

/** Hungarian surnames have no gendered forms. */
// biome-ignore format: word list, packed to keep the file readable
export const HU_SURNAMES = [
  'Nagy', 'Kovács', 'Tóth', 'Szabó', 'Horváth', 'Varga', 'Kiss', 'Molnár', 'Németh', 'Farkas', 'Balogh', 'Papp',
  'Takács', 'Juhász', 'Lakatos', 'Mészáros', 'Oláh', 'Simon', 'Rácz', 'Fekete', 'Szilágyi', 'Török', 'Fehér',
  'Balázs', 'Gál', 'Kis', 'Szűcs', 'Kocsis', 'Orsós', 'Pintér', 'Fodor', 'Szalai', 'Sipos', 'Magyar', 'Lukács',
  'Gulyás', 'Bíró', 'Király', 'Katona', 'László', 'Jakab', 'Bogdán', 'Sándor', 'Boros', 'Fazekas', 'Kelemen',
  'Antal', 'Somogyi', 'Orosz', 'Fülöp', 'Veres', 'Budai', 'Vincze', 'Hegedűs', 'Deák', 'Pap', 'Bálint', 'Illés',
  'Pál', 'Vass', 'Szőke', 'Fábián', 'Vörös', 'Lengyel', 'Bognár', 'Bodnár', 'Jónás', 'Hajdú', 'Halász', 'Máté',
  'Székely', 'Kozma', 'Pásztor', 'Gáspár', 'Bakos', 'Dudás', 'Major', 'Orbán', 'Hegyi', 'Virág', 'Barna', 'Nemes',
  'Soós', 'Pataki', 'Benkő', 'Szekeres', 'Erdős', 'Győri', 'Dobos', 'Bárány', 'Ördög', 'Őri', 'Tőkés', 'Zöld',
  'Csonka', 'Gyöngyösi', 'Zsigmond', 'Tüske', 'Csík', 'Szűts', 'Ürögi', 'Ötvös', 'Kövér', 'Cserép',
] as const;

export interface HungarianCity {
  name: string;
  county: string;
  /** The adjective used in company names: Győr → "Győri", Eger → "Egri". */
  adjective: string;
  postal: readonly [number, number];
  /** Landline area code without the 06 trunk prefix; Budapest is "1". */
  area: string;
}

// Budapest first and weighted up by the generator: a large share of Hungarian companies is there.
export const HU_CITIES: readonly HungarianCity[] = [
  { name: 'Budapest', county: 'Budapest', adjective: 'Budapesti', postal: [1011, 1239], area: '1' },
  { name: 'Debrecen', county: 'Hajdú-Bihar', adjective: 'Debreceni', postal: [4024, 4032], area: '52' },
  { name: 'Szeged', county: 'Csongrád-Csanád', adjective: 'Szegedi', postal: [6720, 6729], area: '62' },
  {
    name: 'Miskolc',
    county: 'Borsod-Abaúj-Zemplén',
    adjective: 'Miskolci',
    postal: [3525, 3535],
    area: '46',
  },
  { name: 'Pécs', county: 'Baranya', adjective: 'Pécsi', postal: [7621, 7636], area: '72' },
  { name: 'Győr', county: 'Győr-Moson-Sopron', adjective: 'Győri', postal: [9021, 9030], area: '96' },
  {
    name: 'Nyíregyháza',
    county: 'Szabolcs-Szatmár-Bereg',
    adjective: 'Nyíregyházi',
    postal: [4400, 4405],
    area: '42',
  },
  { name: 'Kecskemét', county: 'Bács-Kiskun', adjective: 'Kecskeméti', postal: [6000, 6008], area: '76' },
  { name: 'Székesfehérvár', county: 'Fejér', adjective: 'Székesfehérvári', postal: [8000, 8019], area: '22' },
  { name: 'Szombathely', county: 'Vas', adjective: 'Szombathelyi', postal: [9700, 9707], area: '94' },
  {
    name: 'Szolnok',
    county: 'Jász-Nagykun-Szolnok',
    adjective: 'Szolnoki',
    postal: [5000, 5008],
    area: '56',
  },
  {
    name: 'Tatabánya',
    county: 'Komárom-Esztergom',
    adjective: 'Tatabányai',
    postal: [2800, 2806],
    area: '34',
  },
  { name: 'Kaposvár', county: 'Somogy', adjective: 'Kaposvári', postal: [7400, 7400], area: '82' },
  { name: 'Érd', county: 'Pest', adjective: 'Érdi', postal: [2030, 2030], area: '23' },
  { name: 'Veszprém', county: 'Veszprém', adjective: 'Veszprémi', postal: [8200, 8200], area: '88' },
  { name: 'Békéscsaba', county: 'Békés', adjective: 'Békéscsabai', postal: [5600, 5600], area: '66' },
  { name: 'Zalaegerszeg', county: 'Zala', adjective: 'Zalaegerszegi', postal: [8900, 8900], area: '92' },
  { name: 'Sopron', county: 'Győr-Moson-Sopron', adjective: 'Soproni', postal: [9400, 9400], area: '99' },
  { name: 'Eger', county: 'Heves', adjective: 'Egri', postal: [3300, 3300], area: '36' },
  { name: 'Nagykanizsa', county: 'Zala', adjective: 'Nagykanizsai', postal: [8800, 8800], area: '93' },
  { name: 'Dunaújváros', county: 'Fejér', adjective: 'Dunaújvárosi', postal: [2400, 2400], area: '25' },
  {
    name: 'Hódmezővásárhely',
    county: 'Csongrád-Csanád',
    adjective: 'Hódmezővásárhelyi',
    postal: [6800, 6800],
    area: '62',
  },
  { name: 'Cegléd', county: 'Pest', adjective: 'Ceglédi', postal: [2700, 2700], area: '53' },
  { name: 'Baja', county: 'Bács-Kiskun', adjective: 'Bajai', postal: [6500, 6500], area: '79' },
  { name: 'Salgótarján', county: 'Nógrád', adjective: 'Salgótarjáni', postal: [3100, 3100], area: '32' },
  { name: 'Szekszárd', county: 'Tolna', adjective: 'Szekszárdi', postal: [7100, 7100], area: '74' },
  { name: 'Gödöllő', county: 'Pest', adjective: 'Gödöllői', postal: [2100, 2100], area: '28' },
  { name: 'Vác', county: 'Pest', adjective: 'Váci', postal: [2600, 2600], area: '27' },
  {
    name: 'Esztergom',
    county: 'Komárom-Esztergom',
    adjective: 'Esztergomi',
    postal: [2500, 2500],
    area: '33',
  },
  { name: 'Siófok', county: 'Somogy', adjective: 'Siófoki', postal: [8600, 8600], area: '84' },
  { name: 'Keszthely', county: 'Zala', adjective: 'Keszthelyi', postal: [8360, 8360], area: '83' },
  { name: 'Paks', county: 'Tolna', adjective: 'Paksi', postal: [7030, 7030], area: '75' },
  {
    name: 'Mosonmagyaróvár',
    county: 'Győr-Moson-Sopron',
    adjective: 'Mosonmagyaróvári',
    postal: [9200, 9200],
    area: '96',
  },
  { name: 'Szentendre', county: 'Pest', adjective: 'Szentendrei', postal: [2000, 2000], area: '26' },
  { name: 'Budaörs', county: 'Pest', adjective: 'Budaörsi', postal: [2040, 2040], area: '23' },
  { name: 'Gyöngyös', county: 'Heves', adjective: 'Gyöngyösi', postal: [3200, 3200], area: '37' },
  {
    name: 'Jászberény',
    county: 'Jász-Nagykun-Szolnok',
    adjective: 'Jászberényi',
    postal: [5100, 5100],
    area: '57',
  },
  { name: 'Orosháza', county: 'Békés', adjective: 'Orosházi', postal: [5900, 5900], area: '68' },
  {
    name: 'Kazincbarcika',
    county: 'Borsod-Abaúj-Zemplén',
    adjective: 'Kazincbarcikai',
    postal: [3700, 3700],
    area: '48',
  },
  {
    name: 'Hajdúszoboszló',
    county: 'Hajdú-Bihar',
    adjective: 'Hajdúszoboszlói',
    postal: [4200, 4200],
    area: '52',
  },
  { name: 'Balatonfüred', county: 'Veszprém', adjective: 'Balatonfüredi', postal: [8230, 8230], area: '87' },
  { name: 'Pápa', county: 'Veszprém', adjective: 'Pápai', postal: [8500, 8500], area: '89' },
  { name: 'Mohács', county: 'Baranya', adjective: 'Mohácsi', postal: [7700, 7700], area: '69' },
  { name: 'Komárom', county: 'Komárom-Esztergom', adjective: 'Komáromi', postal: [2900, 2900], area: '34' },
  { name: 'Makó', county: 'Csongrád-Csanád', adjective: 'Makói', postal: [6900, 6900], area: '62' },
  {
    name: 'Mátészalka',
    county: 'Szabolcs-Szatmár-Bereg',
    adjective: 'Mátészalkai',
    postal: [4700, 4700],
    area: '44',
  },
  { name: 'Kőszeg', county: 'Vas', adjective: 'Kőszegi', postal: [9730, 9730], area: '94' },
  {
    name: 'Tiszaújváros',
    county: 'Borsod-Abaúj-Zemplén',
    adjective: 'Tiszaújvárosi',
    postal: [3580, 3580],
    area: '49',
  },
];

/** The two-digit tax directorate code that ends a company's tax number, by county. */
export const HU_TAX_COUNTY_CODES: Readonly<Record<string, readonly string[]>> = {
  Baranya: ['02'],
  'Bács-Kiskun': ['03'],
  Békés: ['04'],
  'Borsod-Abaúj-Zemplén': ['05'],
  'Csongrád-Csanád': ['06'],
  Fejér: ['07'],
  'Győr-Moson-Sopron': ['08'],
  'Hajdú-Bihar': ['09'],
  Heves: ['10'],
  'Komárom-Esztergom': ['11'],
  Nógrád: ['12'],
  Pest: ['13'],
  Somogy: ['14'],
  'Szabolcs-Szatmár-Bereg': ['15'],
  'Jász-Nagykun-Szolnok': ['16'],
  Tolna: ['17'],
  Vas: ['18'],
  Veszprém: ['19'],
  Zala: ['20'],
  // The capital is split between three directorates.
  Budapest: ['41', '42', '43'],
};

/** Largest taxpayers are administered centrally, whatever their seat. */
export const HU_LARGE_TAXPAYER_COUNTY_CODE = '44';

// biome-ignore format: word list, packed to keep the file readable
export const HU_STREETS = [
  'Kossuth Lajos utca', 'Petőfi Sándor utca', 'Váci út', 'Andrássy út', 'Rákóczi út', 'Ady Endre utca',
  'József Attila utca', 'Bartók Béla út', 'Dózsa György út', 'Széchenyi István tér', 'Arany János utca',
  'Jókai Mór utca', 'Béke utca', 'Fő utca', 'Rózsa utca', 'Szabadság tér', 'Deák Ferenc tér', 'Kölcsey Ferenc utca',
  'Vörösmarty Mihály utca', 'Táncsics Mihály utca', 'Hunyadi János út', 'Széchenyi utca', 'Üllői út',
  'Könyves Kálmán körút', 'Hűvösvölgyi út', 'Fehérvári út', 'Szent István körút', 'Múzeum körút',
  'Erzsébet királyné útja', 'Kőrösi Csoma Sándor út', 'Tölgyfa utca', 'Csörsz utca', 'Bécsi út', 'Soroksári út',
  'Gyömrői út', 'Hungária körút', 'Pesti út', 'Ipar utca', 'Gyár utca', 'Malom utca', 'Kert utca', 'Zöldfa utca',
  'Dembinszky utca', 'Öntöde utca', 'Kürt utca', 'Szőlő utca', 'Hőgyes Endre utca', 'Görgey Artúr utca',
  'Ybl Miklós tér', 'Zrínyi Miklós utca', 'Bem József utca', 'Munkácsy Mihály utca', 'Csokonai utca',
] as const;

// biome-ignore format: word list, packed to keep the file readable
export const HU_BRAND_STEMS = [
  'Duna', 'Tisza', 'Pannon', 'Mátra', 'Bakony', 'Balaton', 'Alföld', 'Hungaro', 'Kárpát', 'Zemplén', 'Hajdú',
  'Rába', 'Dráva', 'Körös', 'Mecsek', 'Bükk', 'Somló', 'Tokaj', 'Őrség', 'Hortobágy', 'Csaba', 'Árpád', 'Turul',
  'Kisalföld', 'Vértes', 'Pilis', 'Börzsöny', 'Zala', 'Sió', 'Maros', 'Ipoly', 'Sajó', 'Hernád', 'Göcsej',
  'Kunság', 'Jászság', 'Nyírség', 'Villány', 'Gemenc', 'Tihany', 'Fertő', 'Zselic', 'Medárd', 'Délibáb',
  'Hargita', 'Kaptár', 'Szivárvány', 'Napfény', 'Csillag', 'Gyöngy', 'Főnix', 'Sólyom', 'Kelet', 'Nyugat',
  'Dél', 'Észak', 'Rónaság', 'Kőszirt', 'Tölgy', 'Bükkös', 'Platán', 'Juhar', 'Szőlőskert', 'Aranykalász',
  'Ezüstfenyő', 'Gellért', 'Margit', 'Lánchíd', 'Csepel', 'Újpest', 'Kőbánya', 'Óbuda', 'Zugló', 'Pest',
] as const;

/** Endings fused onto a stem ("Dunaker") or hyphenated ("Pannon-Invest"). */
// biome-ignore format: word list, packed to keep the file readable
export const HU_BRAND_ENDINGS = [
  'ker', 'tex', 'bau', 'tech', 'log', 'med', 'soft', 'coop', 'plast', 'fa', 'gép', 'vill', 'szer', 'gáz', 'vas',
  'print', 'kom', 'net', 'lab', 'food', '-Invest', '-Trans', '-Agro', '-Víz', '-Hő', '-Építő', '-Ker', '-Pack',
  '-Fém', '-Szolg', 'sped', 'lux', 'kom-Plusz', 'tender', 'form', 'terv', '-Bútor', '-Kert', '-Autó', '-Pék',
] as const;

// biome-ignore format: word list, packed to keep the file readable
export const HU_ACTIVITIES: readonly (readonly [string, IndustryCode])[] = [
  ['Építőipari', 'construction'],
  ['Generálkivitelező', 'construction'],
  ['Épületgépészeti', 'construction'],
  ['Kereskedelmi és Szolgáltató', 'wholesale'],
  ['Kereskedelmi', 'wholesale'],
  ['Nagykereskedelmi', 'wholesale'],
  ['Logisztikai', 'logistics'],
  ['Szállítmányozási', 'logistics'],
  ['Fuvarozó', 'logistics'],
  ['Informatikai', 'software'],
  ['Szoftverfejlesztő', 'software'],
  ['Rendszerház', 'software'],
  ['Gépgyártó', 'manufacturing'],
  ['Fémipari', 'manufacturing'],
  ['Bútorgyártó', 'manufacturing'],
  ['Műanyagipari', 'manufacturing'],
  ['Nyomdaipari', 'manufacturing'],
  ['Egészségügyi', 'healthcare'],
  ['Gyógyszer-nagykereskedelmi', 'healthcare'],
  ['Fogászati', 'healthcare'],
  ['Pénzügyi Tanácsadó', 'finance'],
  ['Biztosítási Alkusz', 'finance'],
  ['Lízing', 'finance'],
  ['Könyvelő', 'professional_services'],
  ['Tanácsadó', 'professional_services'],
  ['Mérnöki', 'professional_services'],
  ['Fordítóiroda', 'professional_services'],
  ['Mezőgazdasági', 'agriculture'],
  ['Élelmiszeripari', 'agriculture'],
  ['Borászati', 'agriculture'],
  ['Tejipari', 'agriculture'],
  ['Energetikai', 'energy'],
  ['Napelemes', 'energy'],
  ['Vendéglátó', 'hospitality'],
  ['Idegenforgalmi', 'hospitality'],
  ['Szállodaipari', 'hospitality'],
  ['Kiskereskedelmi', 'retail'],
  ['Webáruház', 'retail'],
];

/** Words Hungarian firms add to a brand: "Pannon-Invest Plusz", "Dunaker Hungária". */
export const HU_NAME_QUALIFIERS = [
  'Plusz',
  'Pro',
  'Hungária',
  'Invest',
  'Trade',
  'Team',
  'Service',
  'Holding',
  'Csoport',
  'Partner',
  'Hungary',
  'Központ',
  'Szerviz',
  'Projekt',
  'Consulting',
  'Master',
  'Profi',
  'Expressz',
  'Prémium',
  'Euro',
  'Minőség',
  'Fejlesztő',
  'Társ',
  'Új',
] as const;

export const HU_LEGAL_FORMS: readonly (readonly [string, number])[] = [
  ['Kft.', 70],
  ['Bt.', 15],
  ['Zrt.', 12],
  ['Nyrt.', 3],
];

export const HU_COMPANY_EMAIL_PREFIXES = [
  'info',
  'iroda',
  'titkarsag',
  'ugyfelszolgalat',
  'rendeles',
] as const;

/** Mobile network prefixes: 20 (Yettel), 30 (Telekom), 31, 50, 70 (One). */
export const HU_MOBILE_PREFIXES = ['20', '30', '31', '50', '70'] as const;

export const HU_COMPANY_NOTES = [
  'Délelőtt telefonon érhető el a legkönnyebben.',
  'A következő negyedévben bővítenék az együttműködést.',
  'Mindig határidőre fizet.',
  'Ajánlatot küldtünk, válaszra várunk.',
  'A beszerzési döntéseket az ügyvezető hozza.',
  'A budapesti szakvásáron találkoztunk.',
  'Elektronikus számlát kér.',
  'Figyelem: idén változik a székhely címe.',
  '5% kedvezmény 3 millió forint feletti rendelésnél.',
  'Kapcsolattartás csak a titkárságon keresztül.',
  'Lejárt számla a múlt hónapból – emlékeztetni kell.',
  'Nagy potenciál, de hosszú döntési folyamat.',
] as const;

export const HU_PERSON_NOTES = [
  'E-mailben szeret kapcsolatot tartani.',
  'Egy debreceni konferencián ismertük meg.',
  'Decemberben van a névnapja – üdvözlőlapot küldeni.',
  'Nagyon lényegre törő, nem szereti a hosszú megbeszéléseket.',
  'Ő dönt az eszközbeszerzésekről.',
  'Ajánlott minket az ismerőseinek.',
] as const;

// biome-ignore format: word list, packed to keep the file readable
export const HU_EMPLOYEE_ROLES: readonly { department: string; positions: readonly string[] }[] = [
  { department: 'Értékesítés', positions: ['Értékesítő', 'Értékesítési vezető', 'Területi képviselő'] },
  { department: 'Ügyfélszolgálat', positions: ['Ügyfélszolgálati munkatárs', 'Ügyfélkapcsolati tanácsadó'] },
  { department: 'Marketing', positions: ['Marketingmunkatárs', 'Marketingvezető'] },
  { department: 'Könyvelés', positions: ['Könyvelő', 'Főkönyvelő'] },
  { department: 'Vezetőség', positions: ['Ügyvezető igazgató', 'Igazgatósági tag'] },
  { department: 'Informatika', positions: ['Rendszergazda', 'Szoftverfejlesztő'] },
  { department: 'Logisztika', positions: ['Raktáros', 'Logisztikai koordinátor'] },
];
