import type { PlanningTexts } from './planning-texts.ts';

export const PLANNING_TEXTS_HU: PlanningTexts = {
  chains: {
    onboarding: {
      name: 'Új ügyfél bevezetése',
      description:
        'Az első kézfogástól az első számláig: egy megnyert ügyfélnél indítjuk, minden lépés az előző elvégzése után jön.',
      steps: [
        'Üdvözlő hívás az új ügyfélnek',
        'A keretszerződés elküldése aláírásra',
        'Az első számla kiállítása',
        'Utánkövető hívás 30 nappal az első rendelés után',
      ],
    },
    complaint: {
      name: 'Reklamációkezelés',
      description:
        'Egy reklamáció a beérkezéstől a válaszig: az elfogadottat orvosoljuk, az elutasítottat megindokoljuk, és mindkét esetben megkérdezzük az ügyfelet, rendeződött-e.',
      steps: [
        'A reklamáció beérkezésének visszaigazolása',
        'A reklamáció kivizsgálása',
        'Az áru cseréje vagy a vételár visszatérítése',
        'Az elutasítás okainak elmagyarázása az ügyfélnek',
        'Rákérdezni, hogy az ügy rendeződött-e',
      ],
    },
  },
  repeating: {
    weekly_plan: {
      title: 'Heti értékesítési terv áttekintése',
      note: 'Tölcsér, nyitott ajánlatok, ki kit hív a héten.',
    },
    month_report: { title: 'A havi értékesítési jelentés elküldése', note: null },
    timesheet: { title: 'A munkaidő-nyilvántartás kitöltése', note: null },
    invoices: {
      title: 'A kifizetetlen számlák ellenőrzése',
      note: '14 napon túli késésnél felhívni az ügyfelet.',
    },
    complaints_inbox: { title: 'A reklamációs postafiók átnézése', note: null },
    car_insurance: {
      title: 'A céges autó biztosításának megújítása',
      note: 'Előbb két ajánlatot kérni.',
    },
  },
  aboutClient: [
    'Visszahívni: {client}, az ajánlat ügyében',
    'Ellenőrizni, hogy {client} kifizette-e a számlát',
    'Az aláírt szerződés elküldése – {client}',
    'Felkészülni a megbeszélésre – {client}',
    'Visszajelzést kérni a szállításról – {client}',
    'Emlékeztetni a jövő évi árlistára – {client}',
  ],
  personal: [
    'Beadni a szabadságkérelmet',
    'Új névjegykártyát rendelni',
    'Biztonsági mentést készíteni a laptopról',
    'Megújítani a parkolási engedélyt',
    'Szállást foglalni a vásárra',
    'Elszámolni a kiküldetést',
  ],
  notes: ['Lehetőleg délelőtt.', 'A szám az ügyfél adatlapján van.', 'A mellékletet nem elfelejteni.'],
  resources: {
    large_room: {
      name: 'Duna tárgyaló',
      description: 'A nagy tárgyaló: asztal tizenkét főre, kivetítő és tábla.',
      location: 'Első emelet',
    },
    small_room: {
      name: 'Tisza tárgyaló',
      description: 'Kis tárgyaló ügyfél- vagy csapatmegbeszélésekhez.',
      location: 'Első emelet',
    },
    quiet_room: {
      name: 'Csendes szoba',
      description: 'Telefonhívásokhoz és állásinterjúkhoz, legfeljebb két főre.',
      location: 'Földszint',
    },
    car: {
      name: 'Škoda Octavia (céges autó)',
      description: 'A kulcs a recepción; minden út után ki kell tölteni a menetlevelet.',
      location: 'Parkoló, 12-es hely',
    },
    projector: {
      name: 'Epson projektor',
      description: 'Hordozható, HDMI-kábellel és távirányítóval; a recepcióra kell visszavinni.',
      location: 'Recepció',
    },
  },
  bookings: {
    room: [
      'Csapatmegbeszélés',
      'Heti értékesítési megbeszélés',
      'Állásinterjú',
      'Oktatás: az új CRM',
      'Költségvetés áttekintése',
      'Egyeztetés a beszállítóval',
    ],
    car: ['Szállítás ügyfélhez', 'Út a bankba', 'Minták átvétele'],
    projector: ['Bemutató a vezetőségnek', 'Oktatás új kollégáknak'],
  },
  travelNote: 'Oda- és visszaúttal együtt.',
};
