// What colleagues write under a task, per language: short lines, as typed between two people
// who both know what the task is about. The groups are the turns of a conversation
// (demo-comments.ts): the requester asks, the assignee answers, the requester thanks, the
// assignee reports. Polish lines avoid the gendered past tense ("wysłałem/wysłałam"), since
// anyone may write them.
import type { Language } from './locale.ts';

type Texts = readonly string[];

export interface CommentTexts {
  /**
   * A question from whoever asked for the task, with the assignee's answer to it: paired,
   * because an answer only fits its own question.
   */
  exchanges: readonly (readonly [question: string, answer: string])[];
  /** The assignee's note on work under way; reads well alone too. */
  updates: Texts;
  /** The assignee's last word on a task that is done. */
  closing: Texts;
  /** The requester's reply to any answer. */
  thanks: Texts;
}

const EN: CommentTexts = {
  exchanges: [
    ['Any news on this?', 'Not yet, I’ll chase them again tomorrow.'],
    ['Do we have the signed protocol already?', 'Sent it this morning, waiting for the reply.'],
    ['Will it be ready by Friday?', 'Yes, Thursday at the latest.'],
    ['Can you send me the current version?', 'Sure, I’ve just e-mailed it to you.'],
  ],
  updates: [
    'Half of it is done, the rest this week.',
    'Still waiting for their answer, I’ll remind them on Monday.',
    'Starting today, a first draft by tomorrow.',
  ],
  closing: ['Done on my side, handing back.', 'Finished, closing the task.'],
  thanks: ['Thanks, that helps.', 'Great, thank you!', 'Perfect, thanks.'],
};

const PL: CommentTexts = {
  exchanges: [
    ['Jest coś nowego w tej sprawie?', 'Jeszcze nie, jutro znów do nich zadzwonię.'],
    ['Mamy już podpisany protokół?', 'Poszedł dziś rano, czekam na odpowiedź.'],
    ['Zdążymy do piątku?', 'Tak, najpóźniej w czwartek będzie gotowe.'],
    ['Możesz mi podesłać aktualną wersję?', 'Jasne, właśnie poszła mailem.'],
  ],
  updates: [
    'Połowa zrobiona, resztę skończę w tym tygodniu.',
    'Wciąż czekam na odpowiedź, w poniedziałek się przypomnę.',
    'Zaczynam dziś, pierwsza wersja będzie jutro.',
  ],
  closing: ['Z mojej strony gotowe, przekazuję dalej.', 'Zrobione, zamykam zadanie.'],
  thanks: ['Dzięki, o to chodziło.', 'Super, dziękuję!', 'Świetnie, dzięki.'],
};

const HU: CommentTexts = {
  exchanges: [
    ['Van valami újdonság ezzel kapcsolatban?', 'Még nincs, holnap újra felhívom őket.'],
    ['Megvan már az aláírt jegyzőkönyv?', 'Ma reggel elküldtem, várom a választ.'],
    ['Elkészül péntekig?', 'Igen, legkésőbb csütörtökön kész lesz.'],
    ['Át tudod küldeni a legfrissebb verziót?', 'Persze, most küldtem el e-mailben.'],
  ],
  updates: [
    'A felével megvagyok, a többit a héten befejezem.',
    'Még várom a választ, hétfőn emlékeztetem őket.',
    'Ma nekikezdek, holnapra meglesz az első változat.',
  ],
  closing: ['Részemről kész, visszaadom.', 'Elkészült, lezárom a feladatot.'],
  thanks: ['Köszi, ez sokat segít.', 'Szuper, köszönöm!', 'Remek, köszi.'],
};

export const COMMENT_TEXTS: Readonly<Record<Language, CommentTexts>> = { en: EN, pl: PL, hu: HU };
