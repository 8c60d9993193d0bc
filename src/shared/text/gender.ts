/**
 * The grammatical gender a Polish sentence gives a person it names ("„Helena Szulc” zostanie
 * przeniesiona…", "„Jan Nowak” zostanie przeniesiony…"). Polish has no way to say it without
 * a gender, and a CRM knows only the first name, so it is read from that: female first names
 * end in -a, with a short list of exceptions either way. The lists also cover the Hungarian
 * and English names a Polish office meets (Nikolett, Erzsébet, Attila, Gyula; Alice, Grace).
 */
export type GrammaticalGender = 'feminine' | 'masculine' | 'neuter';

/** Male first names ending in -a (Polish, and Hungarian names Poles read as male). */
const MALE_IN_A: ReadonlySet<string> = new Set([
  'kuba',
  'barnaba',
  'bonawentura',
  'kosma',
  'jarema',
  'dyzma',
  'zawisza',
  'sasza',
  'misza',
  'grisza',
  'nikita',
  'ilja',
  'jona',
  'juda',
  'sawa',
  'mustafa',
  'attila',
  'gyula',
  'csaba',
  'mikola',
]);

/** Female first names that do not end in -a. */
const FEMALE_NOT_IN_A: ReadonlySet<string> = new Set([
  // Polish and international
  'beatrycze',
  'nel',
  'noemi',
  'miriam',
  'rut',
  'ruth',
  'abigail',
  'karmen',
  'carmen',
  'ingrid',
  'dagmar',
  'inez',
  'ines',
  'nicole',
  'michelle',
  'zoe',
  'zoë',
  'iris',
  'doris',
  'mercedes',
  'dolores',
  'yvonne',
  'ivonne',
  'lili',
  'vivien',
  // Hungarian
  'erzsébet',
  'katalin',
  'margit',
  'judit',
  'edit',
  'eszter',
  'nikolett',
  'bernadett',
  'anett',
  'zsanett',
  'kitti',
  'irén',
  'noémi',
  'enikő',
  'ildikó',
  'anikó',
  'emőke',
  'gyöngyi',
  'tünde',
  'emese',
  'csenge',
  'kincső',
  'evelin',
  'jázmin',
  'hédi',
  'panni',
  // English
  'alice',
  'grace',
  'sophie',
  'charlotte',
  'harriet',
  'sarah',
  'hannah',
  'rachel',
  'eleanor',
  'catherine',
  'elizabeth',
  'margaret',
  'eilidh',
  'niamh',
  'siân',
  'chloë',
  'chloe',
  'bethan',
  'megan',
  'ffion',
  'aoife',
  'renée',
  'imogen',
  'ruby',
  'emily',
  'lily',
  'evie',
  'poppy',
  'florence',
  'isabelle',
  'jennifer',
  'karen',
  'susan',
  'jane',
  'anne',
  'kate',
  'mary',
  'helen',
  'lucy',
]);

/** What ends the first word of a compound first name ("Anna Maria", "Jan-Maria"). */
const WORD_SEPARATORS = /[\s\-\u2010\u2011\u2013]+/u;

/**
 * `feminine` or `masculine` for a person's first name; `undefined` when there is no name to go
 * by (the sentence then uses its default wording). A compound name goes by its first word.
 */
export function polishGender(firstName: string | null | undefined): GrammaticalGender | undefined {
  const first = (firstName ?? '').trim().split(WORD_SEPARATORS)[0]?.toLocaleLowerCase('pl') ?? '';
  if (first === '' || !/\p{L}/u.test(first)) return undefined;
  if (FEMALE_NOT_IN_A.has(first)) return 'feminine';
  if (MALE_IN_A.has(first)) return 'masculine';
  return first.endsWith('a') ? 'feminine' : 'masculine';
}
