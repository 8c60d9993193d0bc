import type { PlanningTexts } from './planning-texts.ts';

export const PLANNING_TEXTS_PL: PlanningTexts = {
  chains: {
    onboarding: {
      name: 'Wdrożenie nowego klienta',
      description:
        'Od pierwszego kontaktu do pierwszej faktury: uruchamiany dla pozyskanego klienta, każdy krok przychodzi po wykonaniu poprzedniego.',
      steps: [
        'Telefon powitalny do nowego klienta',
        'Wysłać umowę ramową do podpisu',
        'Wystawić pierwszą fakturę',
        'Telefon kontrolny 30 dni po pierwszym zamówieniu',
      ],
    },
    complaint: {
      name: 'Obsługa reklamacji',
      description:
        'Reklamacja od przyjęcia do odpowiedzi: uznaną się naprawia, odrzuconą wyjaśnia, a w obu przypadkach pyta klienta, czy sprawa jest zamknięta.',
      steps: [
        'Potwierdzić przyjęcie reklamacji',
        'Rozpatrzyć reklamację',
        'Wymienić towar lub zwrócić pieniądze',
        'Wyjaśnić klientowi powody odrzucenia reklamacji',
        'Zapytać klienta, czy sprawa jest załatwiona',
      ],
    },
  },
  repeating: {
    weekly_plan: {
      title: 'Przegląd tygodniowego planu sprzedaży',
      note: 'Lejek, otwarte oferty, kto do kogo dzwoni w tym tygodniu.',
    },
    month_report: { title: 'Wysłać miesięczny raport sprzedaży', note: null },
    timesheet: { title: 'Uzupełnić ewidencję czasu pracy', note: null },
    invoices: {
      title: 'Sprawdzić nieopłacone faktury',
      note: 'Po terminie ponad 14 dni: zadzwonić do klienta.',
    },
    complaints_inbox: { title: 'Przejrzeć skrzynkę reklamacji', note: null },
    car_insurance: {
      title: 'Odnowić ubezpieczenie samochodu służbowego',
      note: 'Najpierw poprosić o dwie oferty.',
    },
  },
  aboutClient: [
    'Oddzwonić w sprawie oferty – {client}',
    'Sprawdzić wpłatę za fakturę – {client}',
    'Wysłać podpisaną umowę – {client}',
    'Przygotować się do spotkania – {client}',
    'Zapytać o opinię o dostawie – {client}',
    'Przypomnieć o cenniku na przyszły rok – {client}',
  ],
  personal: [
    'Złożyć wniosek urlopowy',
    'Zamówić nowe wizytówki',
    'Zrobić kopię zapasową laptopa',
    'Przedłużyć kartę parkingową',
    'Zarezerwować hotel na targi',
    'Rozliczyć delegację',
  ],
  notes: ['Najlepiej przed południem.', 'Numer jest w karcie klienta.', 'Nie zapomnieć o załączniku.'],
  resources: {
    large_room: {
      name: 'Sala Wisła',
      description: 'Duża sala konferencyjna: stół na dwanaście osób, ekran i tablica.',
      location: 'I piętro',
    },
    small_room: {
      name: 'Sala Odra',
      description: 'Mała sala na rozmowy z klientem lub zespołem.',
      location: 'I piętro',
    },
    quiet_room: {
      name: 'Pokój cichy',
      description: 'Na rozmowy telefoniczne i rekrutacyjne, najwyżej dwie osoby.',
      location: 'Parter',
    },
    car: {
      name: 'Škoda Octavia (samochód służbowy)',
      description: 'Kluczyki w recepcji; po każdym wyjeździe uzupełnić kilometrówkę.',
      location: 'Parking, miejsce 12',
    },
    projector: {
      name: 'Projektor Epson',
      description: 'Przenośny, z kablem HDMI i pilotem; zwracać do recepcji.',
      location: 'Recepcja',
    },
  },
  bookings: {
    room: [
      'Spotkanie zespołu',
      'Cotygodniowe spotkanie sprzedaży',
      'Rozmowa kwalifikacyjna',
      'Szkolenie: nowy CRM',
      'Przegląd budżetu',
      'Rozmowa z dostawcą',
    ],
    car: ['Dostawa do klienta', 'Wyjazd do banku', 'Odbiór próbek'],
    projector: ['Prezentacja dla zarządu', 'Szkolenie dla nowych pracowników'],
  },
  travelNote: 'Z dojazdem w obie strony.',
};
