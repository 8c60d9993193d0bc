// Group names for companies and people. Languages are interleaved so that even the small demo
// (8 company groups, 6 person groups) shows Polish, Hungarian and English names side by side.

export interface GroupTemplate {
  name: string;
  description: string | null;
}

export const COMPANY_GROUP_TEMPLATES: readonly GroupTemplate[] = [
  { name: 'Dostawcy', description: 'Firmy, od których kupujemy towary i usługi' },
  { name: 'Vevők', description: 'Rendszeresen vásárló partnerek' },
  { name: 'Dealers', description: 'Authorised resellers of our products' },
  { name: 'Potencjalni klienci', description: 'Firmy do pozyskania w tym roku' },
  { name: 'Beszállítók', description: 'Akiktől árut és szolgáltatást vásárolunk' },
  { name: 'Partners', description: 'Trade and technology partners' },
  { name: 'Konkurencja', description: 'Obserwujemy ich ofertę i ceny' },
  { name: 'Kluczowi klienci', description: null },
  { name: 'Versenytársak', description: 'Figyeljük az ajánlataikat' },
  { name: 'Prospects', description: 'Companies we are courting this year' },
  { name: 'Odbiorcy', description: 'Firmy kupujące nasze produkty' },
  { name: 'Viszonteladók', description: 'Hivatalos viszonteladói hálózat' },
  { name: 'Key accounts', description: 'Top customers by yearly revenue' },
  { name: 'Dealerzy', description: 'Autoryzowani sprzedawcy naszych produktów' },
  { name: 'Kiemelt ügyfelek', description: null },
  { name: 'Suppliers', description: 'Companies we buy goods and services from' },
  { name: 'Targi Poznań – kontakty', description: 'Firmy poznane na Międzynarodowych Targach Poznańskich' },
  { name: 'Potenciális ügyfelek', description: 'Idén megszerzendő cégek' },
  { name: 'Competitors', description: 'We keep an eye on their offers' },
  { name: 'Partnerzy', description: 'Partnerzy handlowi i technologiczni' },
  { name: 'Partnerek', description: 'Kereskedelmi és technológiai partnerek' },
  { name: 'Buyers', description: 'Companies that buy from us regularly' },
  { name: 'Śląsk – przemysł', description: 'Zakłady przemysłowe z województwa śląskiego' },
  { name: 'Győr-Moson-Sopron megyei cégek', description: null },
  { name: 'Trade fair contacts', description: 'Met at the NEC, Birmingham' },
  { name: 'Zaległe płatności', description: 'Firmy z przeterminowanymi fakturami' },
  { name: 'Lejárt tartozások', description: 'Késedelmes fizetők' },
  { name: 'Framework agreements', description: 'Customers on a multi-year framework contract' },
];

export const PERSON_GROUP_TEMPLATES: readonly GroupTemplate[] = [
  { name: 'Lista mailingowa', description: 'Osoby, które zgodziły się na wiadomości e-mail' },
  { name: 'Karácsonyi üdvözlet', description: 'Akiknek karácsonyi lapot küldünk' },
  { name: 'Good references', description: 'Happy to act as a reference for new customers' },
  { name: 'Newsletter', description: 'Monthly product newsletter' },
  { name: 'Życzenia świąteczne', description: 'Wysyłamy kartki na Boże Narodzenie' },
  { name: 'VIP', description: null },
  { name: 'Levelezőlista', description: 'Hozzájárultak az e-mailes megkereséshez' },
  { name: 'Dobre referencje', description: 'Chętnie polecają nas nowym klientom' },
  { name: 'Christmas cards', description: 'We send them a card every December' },
  { name: 'Hírlevél', description: 'Havi termékhírlevél' },
  { name: 'Decydenci', description: 'Osoby podejmujące decyzje zakupowe' },
  { name: 'Event invitations', description: 'Invite to launches and open days' },
  { name: 'Jó referenciák', description: 'Szívesen ajánlanak minket' },
  { name: 'Zaproszenia na targi', description: 'Wysyłamy zaproszenia na stoisko' },
  { name: 'Döntéshozók', description: 'Beszerzési döntést hozó kapcsolatok' },
  { name: 'Mailing list', description: 'Opted in to marketing e-mail' },
  { name: 'Szkolenia – absolwenci', description: 'Uczestnicy naszych szkoleń' },
  { name: 'VIP ügyfelek', description: null },
  { name: 'Golf day', description: 'Guests at the annual golf day' },
  { name: 'Ambasadorzy marki', description: 'Aktywnie polecają nasze produkty' },
];
