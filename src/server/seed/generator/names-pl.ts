// Polish word lists: names, places, company name parts. Plenty of ą ć ę ł ń ó ś ź ż on purpose:
// search folding and locale-aware sorting are tested against this data.
import type { IndustryCode } from '../../modules/dictionaries/standard-values.ts';

// biome-ignore format: word list, packed to keep the file readable
export const PL_MALE_FIRST_NAMES = [
  'Jan', 'Andrzej', 'Piotr', 'Krzysztof', 'Stanisław', 'Tomasz', 'Paweł', 'Józef', 'Marcin', 'Marek',
  'Michał', 'Grzegorz', 'Jerzy', 'Tadeusz', 'Adam', 'Łukasz', 'Zbigniew', 'Ryszard', 'Dariusz', 'Henryk',
  'Mariusz', 'Kazimierz', 'Wojciech', 'Robert', 'Mateusz', 'Marian', 'Rafał', 'Jacek', 'Janusz', 'Mirosław',
  'Maciej', 'Sławomir', 'Jarosław', 'Kamil', 'Wiesław', 'Roman', 'Władysław', 'Jakub', 'Artur', 'Zdzisław',
  'Edward', 'Mieczysław', 'Damian', 'Dawid', 'Przemysław', 'Sebastian', 'Czesław', 'Leszek', 'Daniel', 'Szymon',
  'Bartłomiej', 'Bogdan', 'Witold', 'Żelisław', 'Radosław', 'Bożydar', 'Ignacy', 'Leon', 'Antoni', 'Filip',
] as const;

// biome-ignore format: word list, packed to keep the file readable
export const PL_FEMALE_FIRST_NAMES = [
  'Anna', 'Maria', 'Katarzyna', 'Małgorzata', 'Agnieszka', 'Krystyna', 'Barbara', 'Ewa', 'Elżbieta', 'Zofia',
  'Janina', 'Teresa', 'Joanna', 'Magdalena', 'Monika', 'Jadwiga', 'Danuta', 'Irena', 'Halina', 'Helena',
  'Beata', 'Aleksandra', 'Marta', 'Dorota', 'Marianna', 'Grażyna', 'Jolanta', 'Stanisława', 'Iwona', 'Karolina',
  'Bożena', 'Urszula', 'Justyna', 'Renata', 'Alicja', 'Paulina', 'Sylwia', 'Natalia', 'Wanda', 'Agata',
  'Aneta', 'Izabela', 'Ewelina', 'Marzena', 'Wiesława', 'Genowefa', 'Patrycja', 'Kazimiera', 'Edyta', 'Stefania',
  'Łucja', 'Żaneta', 'Bogumiła', 'Jagoda', 'Oliwia', 'Zuzanna', 'Wiktoria', 'Hanna', 'Małgosia', 'Ludmiła',
] as const;

/** Male forms; adjectival ones (-ski, -cki, -dzki, -ny) change ending for women. */
// biome-ignore format: word list, packed to keep the file readable
export const PL_SURNAMES = [
  'Nowak', 'Kowalski', 'Wiśniewski', 'Wójcik', 'Kowalczyk', 'Kamiński', 'Lewandowski', 'Zieliński', 'Szymański',
  'Woźniak', 'Dąbrowski', 'Kozłowski', 'Jankowski', 'Mazur', 'Wojciechowski', 'Kwiatkowski', 'Krawczyk',
  'Kaczmarek', 'Piotrowski', 'Grabowski', 'Zając', 'Pawłowski', 'Michalski', 'Król', 'Wieczorek', 'Jabłoński',
  'Wróbel', 'Nowakowski', 'Majewski', 'Olszewski', 'Stępień', 'Malinowski', 'Jaworski', 'Adamczyk', 'Dudek',
  'Nowicki', 'Pawlak', 'Górski', 'Witkowski', 'Walczak', 'Sikora', 'Baran', 'Rutkowski', 'Michalak', 'Szewczyk',
  'Ostrowski', 'Tomaszewski', 'Pietrzak', 'Zalewski', 'Wróblewski', 'Marciniak', 'Jasiński', 'Zawadzki', 'Bąk',
  'Jakubowski', 'Sadowski', 'Duda', 'Włodarczyk', 'Wilk', 'Chmielewski', 'Borkowski', 'Sokołowski', 'Szczepański',
  'Sawicki', 'Lis', 'Kucharski', 'Mazurek', 'Kubiak', 'Kalinowski', 'Wysocki', 'Maciejewski', 'Czarnecki',
  'Kołodziej', 'Urbański', 'Kaźmierczak', 'Sobczak', 'Konieczny', 'Głowacki', 'Zakrzewski', 'Krajewski', 'Krupa',
  'Adamski', 'Wasilewski', 'Sikorski', 'Laskowski', 'Ziółkowski', 'Gajewski', 'Szulc', 'Makowski', 'Baranowski',
  'Przybylski', 'Szymczak', 'Domański', 'Borowski', 'Czerwiński', 'Kowalewski', 'Leśniak', 'Żak', 'Żukowski',
  'Gołębiowski', 'Łuczak', 'Śliwiński', 'Świątek', 'Żurawski', 'Łoś', 'Grzegorczyk', 'Brzeziński', 'Trzciński',
  'Chrzanowski', 'Grodzki', 'Radecki', 'Lipnicki', 'Ślusarski', 'Źrałek', 'Ćwikła', 'Gródecki', 'Kądziela',
  'Nałęcz', 'Rzepecki', 'Słowiński', 'Wrzesiński', 'Łęcki', 'Pęcherz', 'Żmuda', 'Ożóg', 'Sójka', 'Bieńkowski', 'Maćkowiak',
] as const;

// biome-ignore format: word list, packed to keep the file readable
const FEMININE_ENDINGS: readonly (readonly [string, string])[] = [
  ['dzki', 'dzka'],
  ['cki', 'cka'],
  ['ski', 'ska'],
  ['ny', 'na'],
];

/** Kowalski → Kowalska, Nowicki → Nowicka, Zawadzki → Zawadzka; Nowak stays Nowak. */
export function feminizePolishSurname(male: string): string {
  for (const [masculine, feminine] of FEMININE_ENDINGS) {
    if (male.endsWith(masculine)) return male.slice(0, -masculine.length) + feminine;
  }
  return male;
}

export interface PolishCity {
  name: string;
  /** Voivodeship, lower case as Poles write it. */
  region: string;
  /** First and last postal code of the city's range, as 5-digit numbers (90001 = 90-001). */
  postal: readonly [number, number];
  /** Landline area code without the leading zero. */
  area: string;
}

// The largest cities come first: the generator places more companies there.
export const PL_CITIES: readonly PolishCity[] = [
  { name: 'Warszawa', region: 'mazowieckie', postal: [1, 4999], area: '22' },
  { name: 'Kraków', region: 'małopolskie', postal: [30001, 31999], area: '12' },
  { name: 'Łódź', region: 'łódzkie', postal: [90001, 94413], area: '42' },
  { name: 'Wrocław', region: 'dolnośląskie', postal: [50001, 54613], area: '71' },
  { name: 'Poznań', region: 'wielkopolskie', postal: [60001, 61896], area: '61' },
  { name: 'Gdańsk', region: 'pomorskie', postal: [80001, 80958], area: '58' },
  { name: 'Szczecin', region: 'zachodniopomorskie', postal: [70001, 71871], area: '91' },
  { name: 'Katowice', region: 'śląskie', postal: [40001, 40891], area: '32' },
  { name: 'Bydgoszcz', region: 'kujawsko-pomorskie', postal: [85001, 85915], area: '52' },
  { name: 'Lublin', region: 'lubelskie', postal: [20001, 20952], area: '81' },
  { name: 'Białystok', region: 'podlaskie', postal: [15001, 15950], area: '85' },
  { name: 'Gdynia', region: 'pomorskie', postal: [81001, 81591], area: '58' },
  { name: 'Częstochowa', region: 'śląskie', postal: [42200, 42227], area: '34' },
  { name: 'Radom', region: 'mazowieckie', postal: [26600, 26617], area: '48' },
  { name: 'Toruń', region: 'kujawsko-pomorskie', postal: [87100, 87119], area: '56' },
  { name: 'Kielce', region: 'świętokrzyskie', postal: [25001, 25900], area: '41' },
  { name: 'Rzeszów', region: 'podkarpackie', postal: [35001, 35959], area: '17' },
  { name: 'Gliwice', region: 'śląskie', postal: [44100, 44164], area: '32' },
  { name: 'Zabrze', region: 'śląskie', postal: [41800, 41820], area: '32' },
  { name: 'Olsztyn', region: 'warmińsko-mazurskie', postal: [10001, 11041], area: '89' },
  { name: 'Bielsko-Biała', region: 'śląskie', postal: [43300, 43382], area: '33' },
  { name: 'Bytom', region: 'śląskie', postal: [41900, 41936], area: '32' },
  { name: 'Zielona Góra', region: 'lubuskie', postal: [65001, 66016], area: '68' },
  { name: 'Rybnik', region: 'śląskie', postal: [44200, 44274], area: '32' },
  { name: 'Ruda Śląska', region: 'śląskie', postal: [41700, 41717], area: '32' },
  { name: 'Opole', region: 'opolskie', postal: [45001, 46020], area: '77' },
  { name: 'Tychy', region: 'śląskie', postal: [43100, 43143], area: '32' },
  { name: 'Gorzów Wielkopolski', region: 'lubuskie', postal: [66400, 66415], area: '95' },
  { name: 'Elbląg', region: 'warmińsko-mazurskie', postal: [82300, 82318], area: '55' },
  { name: 'Płock', region: 'mazowieckie', postal: [9400, 9421], area: '24' },
  { name: 'Dąbrowa Górnicza', region: 'śląskie', postal: [41300, 41310], area: '32' },
  { name: 'Wałbrzych', region: 'dolnośląskie', postal: [58300, 58316], area: '74' },
  { name: 'Włocławek', region: 'kujawsko-pomorskie', postal: [87800, 87820], area: '54' },
  { name: 'Tarnów', region: 'małopolskie', postal: [33100, 33110], area: '14' },
  { name: 'Chorzów', region: 'śląskie', postal: [41500, 41516], area: '32' },
  { name: 'Koszalin', region: 'zachodniopomorskie', postal: [75001, 75900], area: '94' },
  { name: 'Kalisz', region: 'wielkopolskie', postal: [62800, 62810], area: '62' },
  { name: 'Legnica', region: 'dolnośląskie', postal: [59200, 59220], area: '76' },
  { name: 'Grudziądz', region: 'kujawsko-pomorskie', postal: [86300, 86311], area: '56' },
  { name: 'Jaworzno', region: 'śląskie', postal: [43600, 43618], area: '32' },
  { name: 'Słupsk', region: 'pomorskie', postal: [76200, 76216], area: '59' },
  { name: 'Jastrzębie-Zdrój', region: 'śląskie', postal: [44330, 44335], area: '32' },
  { name: 'Nowy Sącz', region: 'małopolskie', postal: [33300, 33310], area: '18' },
  { name: 'Jelenia Góra', region: 'dolnośląskie', postal: [58500, 58573], area: '75' },
  { name: 'Siedlce', region: 'mazowieckie', postal: [8110, 8110], area: '25' },
  { name: 'Mysłowice', region: 'śląskie', postal: [41400, 41412], area: '32' },
  { name: 'Piła', region: 'wielkopolskie', postal: [64920, 64935], area: '67' },
  { name: 'Ostrów Wielkopolski', region: 'wielkopolskie', postal: [63400, 63417], area: '62' },
  { name: 'Piotrków Trybunalski', region: 'łódzkie', postal: [97300, 97320], area: '44' },
  { name: 'Lubin', region: 'dolnośląskie', postal: [59300, 59311], area: '76' },
  { name: 'Inowrocław', region: 'kujawsko-pomorskie', postal: [88100, 88110], area: '52' },
  { name: 'Ostrowiec Świętokrzyski', region: 'świętokrzyskie', postal: [27400, 27415], area: '41' },
  { name: 'Suwałki', region: 'podlaskie', postal: [16400, 16403], area: '87' },
  { name: 'Stargard', region: 'zachodniopomorskie', postal: [73110, 73115], area: '91' },
  { name: 'Gniezno', region: 'wielkopolskie', postal: [62200, 62210], area: '61' },
  { name: 'Głogów', region: 'dolnośląskie', postal: [67200, 67210], area: '76' },
  { name: 'Siemianowice Śląskie', region: 'śląskie', postal: [41100, 41106], area: '32' },
  { name: 'Pabianice', region: 'łódzkie', postal: [95200, 95200], area: '42' },
  { name: 'Leszno', region: 'wielkopolskie', postal: [64100, 64110], area: '65' },
  { name: 'Zamość', region: 'lubelskie', postal: [22400, 22408], area: '84' },
  { name: 'Łomża', region: 'podlaskie', postal: [18400, 18404], area: '86' },
  { name: 'Żory', region: 'śląskie', postal: [44240, 44240], area: '32' },
  { name: 'Pruszków', region: 'mazowieckie', postal: [5800, 5806], area: '22' },
  { name: 'Tomaszów Mazowiecki', region: 'łódzkie', postal: [97200, 97200], area: '44' },
  { name: 'Ełk', region: 'warmińsko-mazurskie', postal: [19300, 19300], area: '87' },
  { name: 'Chełm', region: 'lubelskie', postal: [22100, 22106], area: '82' },
  { name: 'Przemyśl', region: 'podkarpackie', postal: [37700, 37700], area: '16' },
  { name: 'Stalowa Wola', region: 'podkarpackie', postal: [37450, 37464], area: '15' },
  { name: 'Kędzierzyn-Koźle', region: 'opolskie', postal: [47200, 47232], area: '77' },
  { name: 'Biała Podlaska', region: 'lubelskie', postal: [21500, 21500], area: '83' },
  { name: 'Świnoujście', region: 'zachodniopomorskie', postal: [72600, 72602], area: '91' },
  { name: 'Zakopane', region: 'małopolskie', postal: [34500, 34500], area: '18' },
  { name: 'Sopot', region: 'pomorskie', postal: [81701, 81878], area: '58' },
  { name: 'Mińsk Mazowiecki', region: 'mazowieckie', postal: [5300, 5300], area: '25' },
  { name: 'Oświęcim', region: 'małopolskie', postal: [32600, 32610], area: '33' },
  { name: 'Świdnica', region: 'dolnośląskie', postal: [58100, 58106], area: '74' },
  { name: 'Skierniewice', region: 'łódzkie', postal: [96100, 96100], area: '46' },
  { name: 'Żyrardów', region: 'mazowieckie', postal: [96300, 96300], area: '46' },
  { name: 'Puławy', region: 'lubelskie', postal: [24100, 24100], area: '81' },
  { name: 'Kołobrzeg', region: 'zachodniopomorskie', postal: [78100, 78106], area: '94' },
];

// biome-ignore format: word list, packed to keep the file readable
export const PL_STREETS = [
  'ul. Piotrkowska', 'ul. Długa', 'ul. Krótka', 'ul. Polna', 'ul. Leśna', 'ul. Słoneczna', 'ul. Kościuszki',
  'ul. Adama Mickiewicza', 'ul. Juliusza Słowackiego', 'ul. Henryka Sienkiewicza', 'ul. Stefana Żeromskiego',
  'ul. Fryderyka Chopina', 'ul. Mikołaja Kopernika', 'al. Jana Pawła II', 'ul. Marszałkowska', 'al. Jerozolimskie',
  'ul. Świętokrzyska', 'ul. Grunwaldzka', 'ul. Wrocławska', 'ul. Poznańska', 'ul. Gdańska', 'ul. Łąkowa',
  'ul. Źródlana', 'ul. Żwirki i Wigury', 'ul. Ogrodowa', 'ul. Kwiatowa', 'ul. Lipowa', 'ul. Brzozowa',
  'ul. Klonowa', 'ul. Wiśniowa', 'ul. Szkolna', 'ul. Kolejowa', 'ul. Przemysłowa', 'ul. Fabryczna',
  'ul. Składowa', 'ul. Rzemieślnicza', 'ul. Handlowa', 'pl. Wolności', 'pl. Grunwaldzki', 'ul. 3 Maja',
  'ul. 11 Listopada', 'ul. Armii Krajowej', 'ul. Legionów', 'ul. Ściegiennego', 'ul. Śląska', 'ul. Mazowiecka',
  'ul. Kujawska', 'ul. Zielona', 'ul. Ciepła', 'ul. Święty Marcin', 'ul. Dworcowa', 'ul. Wojska Polskiego',
  'ul. Bohaterów Westerplatte', 'ul. Żelazna', 'ul. Młyńska', 'ul. Łączna', 'ul. Górnośląska', 'ul. Żółkiewskiego',
  'ul. Jagiellońska', 'ul. Królowej Jadwigi', 'ul. Bolesława Chrobrego', 'ul. Mieszka I', 'ul. Ułańska',
  'ul. Spółdzielcza', 'ul. Rynek', 'al. Niepodległości', 'ul. Wały Chrobrego', 'ul. Tęczowa', 'ul. Jaśminowa',
] as const;

/** Fused brand names the Polish way: "Pol" + "bud" → "Polbud", "Żuraw" + "trans" → "Żurawtrans". */
// biome-ignore format: word list, packed to keep the file readable
export const PL_BRAND_STEMS = [
  'Pol', 'Mazo', 'Wist', 'Bałt', 'Karp', 'Tatr', 'Odr', 'Warm', 'Śląs', 'Kuj', 'Pomor', 'Lech', 'Piast',
  'Jagiel', 'Sud', 'Beskid', 'Żuraw', 'Orl', 'Sok', 'Dęb', 'Grab', 'Jodł', 'Wrzos', 'Złot', 'Srebr', 'Mie',
  'Gród', 'Łęg', 'Źródł', 'Kras', 'Mik', 'Bor', 'Wik', 'Tom', 'Ren', 'Eko', 'Agro', 'Inter', 'Euro', 'Uni',
  'Multi', 'Tech', 'Stal', 'Elek', 'Hydro', 'Term', 'Geo', 'Auto', 'Bio', 'Med', 'Prom', 'Dom', 'Bud', 'Trans',
  'Mar', 'Jan', 'Kon', 'Wit', 'Zen', 'Ryś', 'Ster', 'Rad', 'Stan', 'Bog', 'Zbyt', 'Prze', 'Wol', 'Rol', 'Bał',
  'Narew', 'Bug', 'San', 'Dunaj', 'Gór', 'Las', 'Stok', 'Kam', 'Brzoz', 'Olch', 'Lip', 'Jaw', 'Orz', 'Wawel',
  'Kopiec', 'Wiatr', 'Słon', 'Nów', 'Mosz', 'Kurp', 'Łuk', 'Sław', 'Mir', 'Kaz', 'Leś',
] as const;

// biome-ignore format: word list, packed to keep the file readable
export const PL_BRAND_ENDINGS = [
  'mex', 'bud', 'pol', 'trans', 'tex', 'chem', 'met', 'drew', 'rol', 'med', 'soft', 'tech', 'lex', 'gaz',
  'stal', 'pak', 'druk', 'bet', 'serwis', 'hurt', 'max', 'kom', 'plast', 'ex', 'ar', 'ma', 'tor', 'dom',
  'gum', 'wod', 'mar', 'pex', 'lux', 'stil', 'rem', 'glob', 'bis', 'tel', 'sped', 'kop',
] as const;

/** What the company does, and which industry that puts it in. */
// biome-ignore format: word list, packed to keep the file readable
export const PL_ACTIVITIES: readonly (readonly [string, IndustryCode])[] = [
  ['Budownictwo', 'construction'],
  ['Usługi Budowlane', 'construction'],
  ['Instalacje Sanitarne', 'construction'],
  ['Dekarstwo', 'construction'],
  ['Transport', 'logistics'],
  ['Logistyka', 'logistics'],
  ['Spedycja', 'logistics'],
  ['Przeprowadzki', 'logistics'],
  ['Systemy Informatyczne', 'software'],
  ['Software', 'software'],
  ['Informatyka', 'software'],
  ['Hurtownia Spożywcza', 'wholesale'],
  ['Hurtownia Elektryczna', 'wholesale'],
  ['Handel', 'wholesale'],
  ['Dystrybucja', 'wholesale'],
  ['Sklepy Żelazne', 'retail'],
  ['Salony Meblowe', 'retail'],
  ['Sklep Internetowy', 'retail'],
  ['Meble', 'manufacturing'],
  ['Okna i Drzwi', 'manufacturing'],
  ['Opakowania', 'manufacturing'],
  ['Konstrukcje Stalowe', 'manufacturing'],
  ['Tworzywa Sztuczne', 'manufacturing'],
  ['Przetwórstwo Drewna', 'manufacturing'],
  ['Poligrafia', 'manufacturing'],
  ['Centrum Medyczne', 'healthcare'],
  ['Przychodnia', 'healthcare'],
  ['Stomatologia', 'healthcare'],
  ['Apteka', 'healthcare'],
  ['Doradztwo Finansowe', 'finance'],
  ['Ubezpieczenia', 'finance'],
  ['Leasing', 'finance'],
  ['Ogrodnictwo', 'agriculture'],
  ['Przetwórstwo Owoców', 'agriculture'],
  ['Mleczarnia', 'agriculture'],
  ['Piekarnia', 'agriculture'],
  ['Energia', 'energy'],
  ['Fotowoltaika', 'energy'],
  ['Pompy Ciepła', 'energy'],
  ['Hotel', 'hospitality'],
  ['Catering', 'hospitality'],
  ['Gastronomia', 'hospitality'],
  ['Doradztwo', 'professional_services'],
  ['Biuro Rachunkowe', 'professional_services'],
  ['Kancelaria Prawna', 'professional_services'],
  ['Marketing', 'professional_services'],
  ['Tłumaczenia', 'professional_services'],
  ['Szkolenia', 'professional_services'],
];

/** "Przedsiębiorstwo Handlowo-Usługowe „Żuraw”": a kind of business plus a quoted name. */
// biome-ignore format: word list, packed to keep the file readable
export const PL_ENTERPRISE_KINDS = [
  'Przedsiębiorstwo Handlowo-Usługowe', 'Przedsiębiorstwo Produkcyjno-Handlowe', 'Zakład Produkcyjny',
  'Firma Usługowa', 'Hurtownia', 'Pracownia', 'Zakład Usług Technicznych', 'Spółdzielnia Pracy',
  'Przedsiębiorstwo Budowlane', 'Gospodarstwo Ogrodnicze', 'Zakład Mechaniki Pojazdów', 'Drukarnia',
] as const;

// biome-ignore format: word list, packed to keep the file readable
export const PL_QUOTED_NAMES = [
  'Żuraw', 'Sokół', 'Orzeł', 'Jantar', 'Bursztyn', 'Wisła', 'Słowik', 'Zorza', 'Świt', 'Łania', 'Żubr', 'Dąb',
  'Jodła', 'Źródło', 'Gwiazda', 'Promień', 'Tęcza', 'Perła', 'Stokrotka', 'Róża', 'Kłos', 'Zagłoba', 'Łabędź',
  'Rydz', 'Ślęża', 'Giewont', 'Rysy', 'Mazur', 'Kaszub', 'Górnik', 'Hetman', 'Rolnik', 'Przełom', 'Sęp',
  'Jaskółka', 'Bocian', 'Wierzba', 'Brzoza', 'Kasztan', 'Ćma', 'Młyn', 'Kowadło', 'Skała', 'Złoty Kłos', 'Jutrzenka',
] as const;

/** Words Polish firms add to a brand: "Polbud Polska", "Mazomex Serwis". */
export const PL_NAME_QUALIFIERS = [
  'Polska',
  'Group',
  'Centrum',
  'Serwis',
  'Invest',
  'Development',
  'Trade',
  'Consulting',
  'Plus',
  'Service',
  'Tech',
  'System',
  'Partner',
  'Projekt',
  'Eko',
  'Pro',
  'Team',
  'Holding',
  'Innowacje',
  'Technika',
  'Rozwój',
  'Przyszłość',
  'Dom',
  'Premium',
] as const;

export const PL_LEGAL_FORMS: readonly (readonly [string, number])[] = [
  ['sp. z o.o.', 56],
  ['spółka z ograniczoną odpowiedzialnością', 4],
  ['S.A.', 6],
  ['sp.j.', 18],
  ['sp.k.', 16],
];

/** The bit between partners' surnames in a partnership's name. */
export const PL_PARTNER_SUFFIXES = ['i Wspólnicy', 'i Syn', 'i Synowie', 'i Córka'] as const;

export const PL_COMPANY_EMAIL_PREFIXES = [
  'biuro',
  'kontakt',
  'sekretariat',
  'info',
  'handel',
  'zamowienia',
] as const;

// biome-ignore format: word list, packed to keep the file readable
export const PL_MOBILE_PREFIXES = [
  '501', '502', '505', '509', '511', '512', '515', '530', '531', '533', '535', '570', '571', '600', '601', '602',
  '603', '604', '605', '606', '660', '661', '662', '664', '665', '668', '690', '691', '692', '693', '694', '695',
  '696', '697', '698', '720', '721', '722', '724', '725', '728', '730', '732', '733', '734', '735', '736', '737',
  '780', '781', '782', '783', '784', '785', '787', '790', '791', '792', '793', '794', '795', '797', '880', '881',
  '882', '883', '884', '885', '886', '887', '888', '889',
] as const;

export const PL_COMPANY_NOTES = [
  'Preferuje kontakt telefoniczny przed południem.',
  'Zainteresowani rozszerzeniem współpracy w przyszłym kwartale.',
  'Płatności zawsze terminowe.',
  'Wysłano ofertę, czekamy na odpowiedź.',
  'Decyzje zakupowe podejmuje zarząd – umawiać się z prezesem.',
  'Poznani na Międzynarodowych Targach Poznańskich.',
  'Klient wymaga faktur w formie elektronicznej (KSeF).',
  'Uwaga: w tym roku zmiana adresu siedziby.',
  'Rabat 5% przy zamówieniach powyżej 10 000 zł.',
  'Kontakt wyłącznie przez sekretariat.',
  'Zaległa płatność za fakturę z zeszłego miesiąca – przypomnieć.',
  'Duży potencjał, ale długi proces decyzyjny.',
] as const;

export const PL_PERSON_NOTES = [
  'Woli kontakt mailowy.',
  'Poznany na konferencji w Łodzi.',
  'Imieniny w grudniu – wysłać życzenia.',
  'Bardzo konkretny, nie lubi długich spotkań.',
  'Decyduje o zakupach sprzętu.',
  'Polecił nas swoim znajomym.',
] as const;

/** Departments of the CRM owner's own staff, each with the positions found there. */
// biome-ignore format: word list, packed to keep the file readable
export const PL_EMPLOYEE_ROLES: readonly { department: string; positions: readonly string[] }[] = [
  { department: 'Sprzedaż', positions: ['Handlowiec', 'Kierownik sprzedaży', 'Przedstawiciel handlowy'] },
  { department: 'Obsługa klienta', positions: ['Specjalista ds. obsługi klienta', 'Konsultant'] },
  { department: 'Marketing', positions: ['Specjalista ds. marketingu', 'Kierownik marketingu'] },
  { department: 'Księgowość', positions: ['Specjalista ds. księgowości', 'Główny księgowy'] },
  { department: 'Zarząd', positions: ['Prezes zarządu', 'Członek zarządu'] },
  { department: 'IT', positions: ['Administrator systemów', 'Programista'] },
  { department: 'Logistyka', positions: ['Magazynier', 'Koordynator logistyki'] },
];
