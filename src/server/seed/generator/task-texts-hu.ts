import type { TaskTexts } from './task-texts.ts';

export const TASK_TEXTS_HU: TaskTexts = {
  registers: {
    sales: {
      name: 'Értékesítés',
      description: 'Ajánlatok, kiállítások és új ügyfelek: az értékesítési csapat teendői.',
      topics: [
        {
          name: 'Ajánlatok',
          titles: [
            'Ajánlat készítése – {client}',
            'Friss árlista küldése – {client}',
            'Telefon az ajánlatról – {client}',
            'Kedvezmény egyeztetése a vezetővel – {client}',
            'Emlékeztető a megválaszolatlan ajánlatról – {client}',
            'Minták előkészítése – {client}',
          ],
        },
        {
          name: 'Kiállítások',
          titles: [
            'Szállásfoglalás a kiállítási csapatnak',
            'Reklámajándékok rendelése',
            'A cégbemutató frissítése',
            'A legutóbbi kiállítás kapcsolatainak összegyűjtése',
            'Standépítési ajánlatok összevetése a következő szezonra',
          ],
        },
        {
          name: 'Új ügyfelek',
          titles: [
            'Keretszerződés küldése – {client}',
            'Üdvözlő hívás – {client}',
            'Fizetési feltételek rögzítése – {client}',
            'Bemutatás az ügyfélszolgálatnak – {client}',
            'Hírlevél-feliratkozás – {client}',
          ],
        },
      ],
    },
    complaints: {
      name: 'Reklamációk',
      description: 'Ügyfélpanaszok lépésről lépésre, amíg az ügyfél választ nem kap.',
      topics: [
        {
          name: 'Szállítás',
          titles: [
            'Sérült szállítmány ellenőrzése – {client}',
            'Érdeklődés a fuvarozónál a késésről – {client}',
            'Hiányzó tételek pótlása – {client}',
            'Fotók bekérése a sérülésről – {client}',
          ],
        },
        {
          name: 'Minőség',
          titles: [
            'Hibás tétel bevizsgáltatása – {client}',
            'Egyeztetés a beszállítóval a hibáról – {client}',
            'Hibás készülék cseréje – {client}',
          ],
        },
        {
          name: 'Számlázás',
          titles: [
            'Számla javítása – {client}',
            'Jóváíró számla kiállítása – {client}',
            'Számlatételek magyarázata – {client}',
          ],
        },
      ],
    },
    internal: {
      name: 'Belső ügyek',
      description: 'Jelentések, tervezés és a csapat saját ügyei.',
      topics: [
        {
          name: 'Jelentések és tervezés',
          titles: [
            'Havi értékesítési jelentés elkészítése',
            'Az értékesítési előrejelzés frissítése',
            'A következő negyedév költségvetésének tervezése',
            'A lejárt számlák listájának átnézése',
          ],
        },
        {
          name: 'Emberek és képzés',
          titles: [
            'CRM-képzés szervezése az új kollégáknak',
            'A szabadságtervek összegyűjtése',
            'Betanítási terv az új kollégának',
            'Elsősegély-tanfolyam foglalása',
          ],
        },
        {
          name: 'Csapat',
          titles: [
            'A csapatértekezlet napirendjének összeállítása',
            'Csapatnap szervezése',
            'Az ügyfél-elégedettségi felmérés összegzése',
          ],
        },
      ],
    },
    office: {
      name: 'Iroda és IT',
      description: 'Eszközök, fiókok és minden, ami az irodának kell.',
      topics: [
        {
          name: 'Eszközök',
          titles: [
            'Két laptop rendelése az értékesítésnek',
            'A tárgyalóterem projektorának cseréje',
            'Az első emeleti nyomtató javíttatása',
            'A régi telefonok visszaadása a lízingcégnek',
          ],
        },
        {
          name: 'Hozzáférések és szoftverek',
          titles: [
            'Fiókok létrehozása az új kollégának',
            'A vírusvédelmi licencek megújítása',
            'Kétlépcsős belépés bekapcsolása az értékesítésnek',
            'A távozó kollégák hozzáférésének megszüntetése',
          ],
        },
        {
          name: 'Iroda',
          titles: [
            'Irodaszerek rendelése',
            'Tárgyaló foglalása a beszállító látogatására',
            'Takarítás megszervezése a szabadságok idejére',
            'A parkolási engedélyek meghosszabbítása',
          ],
        },
      ],
    },
  },
  descriptions: [
    'A hétfői megbeszélésen egyeztettük.',
    'A részletek a levelezésben.',
    'Az ügyfél ezen a héten várja a választ.',
    'Kérdés esetén keress bátran.',
    'Tavaly márciusban ugyanezt csináltuk, lásd az akkori jegyzeteket.',
    'A keretet a vezető jóváhagyta.',
  ],
  checklist: [
    'a korábbi levelezés átnézése',
    'időpont egyeztetése',
    'az eredmény rögzítése a CRM-ben',
    'az ügyfélfelelős tájékoztatása',
    'a dokumentumok csatolása',
  ],
  fairs: [
    'Irodatechnikai Szakkiállítás {year}',
    'Logisztikai és Raktározási Kiállítás {year}',
    'Üzleti Szolgáltatások Fóruma {year}',
  ],
  trees: {
    trade_fair: {
      title: 'Kiállítás: {fair}',
      children: [
        { title: 'Standfoglalás' },
        {
          title: 'Stand',
          children: [
            { title: 'A stand grafikájának megtervezése' },
            { title: 'A standépítés megrendelése' },
            { title: 'Roll-upok nyomtatása' },
          ],
        },
        {
          title: 'Anyagok',
          children: [
            { title: 'A termékszórólapok frissítése' },
            { title: 'A szórólapok nyomtatása' },
            { title: 'Minták előkészítése' },
          ],
        },
        {
          title: 'Ügyfelek',
          children: [
            { title: 'Meghívók kiküldése' },
            { title: 'Találkozók egyeztetése a standon' },
            { title: 'A kiállításon szerzett kapcsolatok megkeresése' },
          ],
        },
      ],
    },
    onboarding: {
      title: 'Új ügyfél: {client}',
      children: [
        { title: 'A szerződés aláírása' },
        {
          title: 'Az ügyfél felvétele',
          children: [
            { title: 'Számlázási adatok rögzítése' },
            { title: 'Fizetési feltételek egyeztetése' },
            { title: 'Hozzáférés az ügyfélportálhoz' },
          ],
        },
        {
          title: 'Nyitó megbeszélés',
          children: [{ title: 'Időpont egyeztetése az ügyféllel' }, { title: 'Prezentáció előkészítése' }],
        },
        {
          title: 'Első rendelés',
          children: [
            { title: 'Az első rendelés visszaigazolása' },
            { title: 'Az első szállítás ellenőrzése' },
          ],
        },
      ],
    },
    complaint: {
      title: 'Reklamáció – {client}',
      children: [
        { title: 'A reklamáció rögzítése' },
        {
          title: 'Kivizsgálás',
          children: [
            { title: 'A szállítási dokumentumok ellenőrzése' },
            { title: 'Egyeztetés a raktárral' },
            { title: 'Egyeztetés a beszállítóval' },
          ],
        },
        { title: 'Válasz az ügyfélnek' },
        {
          title: 'Rendezés',
          children: [{ title: 'Jóváíró számla kiállítása' }, { title: 'Csereáru küldése' }],
        },
      ],
    },
  },
};
