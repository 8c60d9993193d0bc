// Name days ("MM-DD") for the demo staff. Poles and Hungarians celebrate them at work, British
// colleagues do not, so only Polish and Hungarian first names are listed. Each name has the
// one date its calendar is best known for (many names have several); a name missing here simply
// has no name day in the demo, which is why only some employees get one.

// biome-ignore format: word list, packed to keep the file readable
const POLISH: Readonly<Record<string, string>> = {
  Jan: '06-24', Andrzej: '11-30', Piotr: '06-29', Paweł: '06-29', Krzysztof: '07-25', Jakub: '07-25',
  Stanisław: '05-08', Józef: '03-19', Marcin: '11-11', Marek: '04-25', Michał: '09-29', Jerzy: '04-23',
  Wojciech: '04-23', Tadeusz: '10-28', Szymon: '10-28', Adam: '12-24', Łukasz: '10-18', Mateusz: '09-21',
  Kazimierz: '03-04', Antoni: '06-13', Bartłomiej: '08-24', Ignacy: '07-31', Sebastian: '01-20',
  Anna: '07-26', Katarzyna: '11-25', Agnieszka: '01-21', Krystyna: '07-24', Barbara: '12-04', Ewa: '12-24',
  Elżbieta: '11-19', Zofia: '05-15', Teresa: '10-15', Magdalena: '07-22', Jadwiga: '10-16', Marta: '07-29',
  Urszula: '10-21', Agata: '02-05', Łucja: '12-13', Dorota: '02-06', Helena: '08-18', Stanisława: '05-08',
  Kazimiera: '03-04',
};

// biome-ignore format: word list, packed to keep the file readable
const HUNGARIAN: Readonly<Record<string, string>> = {
  László: '06-27', István: '12-26', József: '03-19', János: '12-27', Sándor: '03-18', Gábor: '03-24',
  Ferenc: '10-04', Attila: '01-07', Péter: '06-29', András: '11-30', Imre: '11-05', Lajos: '08-25',
  György: '04-24', Balázs: '02-03', Miklós: '12-06', Mihály: '09-29', Dávid: '12-30', Ádám: '12-24',
  Máté: '09-21', Márk: '04-25', Károly: '11-04', Lőrinc: '08-10',
  Erzsébet: '11-19', Katalin: '11-25', Ilona: '08-18', Éva: '12-24', Zsuzsanna: '02-19', Ágnes: '01-21',
  Krisztina: '07-24', Zsófia: '05-15', Orsolya: '10-21', Dorottya: '02-06', Luca: '12-13', Piroska: '01-18',
  Anna: '07-26',
};

/** Spellings mostly differ between the languages; a name both use (Anna) has the same day in both. */
const NAME_DAYS: ReadonlyMap<string, string> = new Map([
  ...Object.entries(POLISH),
  ...Object.entries(HUNGARIAN),
]);

/** The name day of a first name, or null when the demo calendar does not list it. */
export function nameDayOf(firstName: string): string | null {
  return NAME_DAYS.get(firstName) ?? null;
}

/** Both calendars, for tests that check them against each other and the generator's names. */
export const NAME_DAY_CALENDARS = { pl: POLISH, hu: HUNGARIAN } as const;
