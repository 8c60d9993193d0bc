import type { TaskTexts } from './task-texts.ts';

export const TASK_TEXTS_PL: TaskTexts = {
  registers: {
    sales: {
      name: 'Sprzedaż',
      description: 'Oferty, targi i nowi klienci: zadania zespołu sprzedaży.',
      topics: [
        {
          name: 'Oferty',
          titles: [
            'Przygotować ofertę dla {client}',
            'Wysłać aktualny cennik – {client}',
            'Zadzwonić w sprawie oferty – {client}',
            'Uzgodnić rabat dla {client} z kierownikiem',
            'Przypomnieć się w sprawie oferty – {client}',
            'Przygotować próbki dla {client}',
          ],
        },
        {
          name: 'Targi',
          titles: [
            'Zarezerwować hotel dla zespołu targowego',
            'Zamówić gadżety reklamowe',
            'Zaktualizować prezentację firmy',
            'Zebrać kontakty z ostatnich targów',
            'Porównać oferty zabudowy stoiska na przyszły sezon',
          ],
        },
        {
          name: 'Nowi klienci',
          titles: [
            'Wysłać umowę ramową – {client}',
            'Telefon powitalny – {client}',
            'Ustalić warunki płatności dla {client}',
            'Przedstawić zespołowi obsługi klienta {client}',
            'Dodać {client} do newslettera',
          ],
        },
      ],
    },
    complaints: {
      name: 'Reklamacje',
      description: 'Reklamacje klientów, prowadzone krok po kroku, aż klient dostanie odpowiedź.',
      topics: [
        {
          name: 'Dostawa',
          titles: [
            'Sprawdzić uszkodzoną dostawę – {client}',
            'Zapytać przewoźnika o opóźnioną dostawę – {client}',
            'Dosłać brakujące pozycje – {client}',
            'Poprosić o zdjęcia uszkodzeń – {client}',
          ],
        },
        {
          name: 'Jakość',
          titles: [
            'Przekazać wadliwą partię do badania – {client}',
            'Zapytać dostawcę o wadę zgłoszoną przez {client}',
            'Wymienić wadliwe urządzenie – {client}',
          ],
        },
        {
          name: 'Faktury',
          titles: [
            'Skorygować fakturę – {client}',
            'Wystawić fakturę korygującą – {client}',
            'Wyjaśnić pozycje faktury – {client}',
          ],
        },
      ],
    },
    internal: {
      name: 'Wewnętrzne',
      description: 'Raporty, planowanie i sprawy zespołu.',
      topics: [
        {
          name: 'Raporty i planowanie',
          titles: [
            'Przygotować miesięczny raport sprzedaży',
            'Zaktualizować prognozę sprzedaży',
            'Zaplanować budżet na kolejny kwartał',
            'Przejrzeć listę przeterminowanych faktur',
          ],
        },
        {
          name: 'Ludzie i szkolenia',
          titles: [
            'Zorganizować szkolenie z CRM dla nowych osób',
            'Zebrać plany urlopowe',
            'Przygotować plan wdrożenia nowej osoby',
            'Zarezerwować kurs pierwszej pomocy',
          ],
        },
        {
          name: 'Zespół',
          titles: [
            'Przygotować agendę spotkania zespołu',
            'Zorganizować dzień integracyjny',
            'Podsumować ankietę satysfakcji klientów',
          ],
        },
      ],
    },
    office: {
      name: 'Biuro i IT',
      description: 'Sprzęt, konta i wszystko, czego potrzebuje biuro.',
      topics: [
        {
          name: 'Sprzęt',
          titles: [
            'Zamówić dwa laptopy dla działu sprzedaży',
            'Wymienić projektor w sali konferencyjnej',
            'Oddać do naprawy drukarkę z pierwszego piętra',
            'Zwrócić stare telefony leasingodawcy',
          ],
        },
        {
          name: 'Dostępy i oprogramowanie',
          titles: [
            'Założyć konta dla nowej osoby',
            'Odnowić licencje antywirusowe',
            'Włączyć logowanie dwuetapowe w dziale sprzedaży',
            'Odebrać dostępy osobom, które odeszły',
          ],
        },
        {
          name: 'Biuro',
          titles: [
            'Zamówić artykuły biurowe',
            'Zarezerwować salę na wizytę dostawcy',
            'Zorganizować sprzątanie w czasie urlopów',
            'Przedłużyć karty parkingowe',
          ],
        },
      ],
    },
  },
  descriptions: [
    'Ustalone na poniedziałkowym spotkaniu.',
    'Szczegóły w wątku mailowym.',
    'Klient czeka na odpowiedź w tym tygodniu.',
    'W razie wątpliwości proszę o kontakt.',
    'W zeszłym roku robiliśmy to w marcu – zob. notatki z tamtego czasu.',
    'Budżet zatwierdzony przez kierownika.',
  ],
  checklist: [
    'sprawdzić wcześniejszą korespondencję',
    'uzgodnić termin',
    'odnotować wynik w CRM',
    'poinformować opiekuna klienta',
    'załączyć dokumenty',
  ],
  fairs: [
    'Targi Technologii Biurowych {year}',
    'Targi Logistyki i Magazynowania {year}',
    'Forum Usług dla Biznesu {year}',
  ],
  trees: {
    trade_fair: {
      title: 'Targi: {fair}',
      children: [
        { title: 'Zarezerwować stoisko' },
        {
          title: 'Stoisko',
          children: [
            { title: 'Zaprojektować grafikę stoiska' },
            { title: 'Zamówić zabudowę stoiska' },
            { title: 'Wydrukować roll-upy' },
          ],
        },
        {
          title: 'Materiały',
          children: [
            { title: 'Zaktualizować ulotki produktowe' },
            { title: 'Wydrukować ulotki' },
            { title: 'Przygotować próbki' },
          ],
        },
        {
          title: 'Klienci',
          children: [
            { title: 'Wysłać zaproszenia' },
            { title: 'Umówić spotkania na stoisku' },
            { title: 'Odezwać się do osób poznanych na targach' },
          ],
        },
      ],
    },
    onboarding: {
      title: 'Nowy klient: {client}',
      children: [
        { title: 'Podpisać umowę' },
        {
          title: 'Założyć klienta',
          children: [
            { title: 'Wprowadzić dane do faktur' },
            { title: 'Uzgodnić warunki płatności' },
            { title: 'Założyć dostęp do panelu klienta' },
          ],
        },
        {
          title: 'Spotkanie otwierające',
          children: [{ title: 'Uzgodnić termin z klientem' }, { title: 'Przygotować prezentację' }],
        },
        {
          title: 'Pierwsze zamówienie',
          children: [{ title: 'Potwierdzić pierwsze zamówienie' }, { title: 'Sprawdzić pierwszą dostawę' }],
        },
      ],
    },
    complaint: {
      title: 'Reklamacja – {client}',
      children: [
        { title: 'Zarejestrować reklamację' },
        {
          title: 'Wyjaśnić sprawę',
          children: [
            { title: 'Sprawdzić dokumenty dostawy' },
            { title: 'Zapytać magazyn' },
            { title: 'Zapytać dostawcę' },
          ],
        },
        { title: 'Odpowiedzieć klientowi' },
        {
          title: 'Rozliczyć reklamację',
          children: [{ title: 'Wystawić korektę' }, { title: 'Wysłać towar zastępczy' }],
        },
      ],
    },
  },
};
