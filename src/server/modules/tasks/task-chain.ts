import { defineObject, field, labels as L } from '../../metadata/define-object.ts';

/** Who does a step when the step names nobody. */
export const STEP_ROLES = ['starter', 'previous_assignee', 'register_keeper'] as const;
export type StepRole = (typeof STEP_ROLES)[number];

/** When a step comes, by how its previous task ended. */
export const STEP_CONDITIONS = ['done', 'cancelled', 'any'] as const;
export type StepCondition = (typeof STEP_CONDITIONS)[number];

/**
 * A chain template: work that always goes the same way (a new client: welcome call, contract,
 * first invoice). Started for a client or case, it creates its first step's task; finishing a
 * step's task creates the next step's, once.
 */
export const taskChain = defineObject({
  key: 'task_chain',
  labels: {
    one: L('Task chain', 'Łańcuch zadań', 'Feladatlánc'),
    many: L('Task chains', 'Łańcuchy zadań', 'Feladatláncok'),
  },
  icon: 'link',
  titleFields: ['name'],
  grammaticalGender: { pl: 'masculine' },
  searchFields: ['name'],
  activeField: 'active',
  fields: {
    name: field.text(L('Name', 'Nazwa', 'Név'), { required: true, maxLength: 200 }),
    description: field.longText(L('Description', 'Opis', 'Leírás'), { maxLength: 2000 }),
    active: field.boolean(L('Active', 'Aktywny', 'Aktív'), { defaultValue: true }),
  },
});

/** One step of a chain, in order: the task it makes, for whom, due how many days after it starts. */
export const taskChainStep = defineObject({
  key: 'task_chain_step',
  labels: {
    one: L('Chain step', 'Krok łańcucha', 'Lánclépés'),
    many: L('Chain steps', 'Kroki łańcucha', 'Lánclépések'),
  },
  icon: 'list-numbers',
  titleFields: ['title'],
  grammaticalGender: { pl: 'masculine' },
  subtitleFields: ['chain'],
  defaultSort: [{ field: 'position', direction: 'asc' }],
  fields: {
    chain: field.relation(L('Chain', 'Łańcuch', 'Lánc'), 'task_chain', { required: true }),
    position: field.integer(L('Step', 'Krok', 'Lépés'), { required: true, min: 1, max: 1000 }),
    title: field.text(L('Task title', 'Tytuł zadania', 'Feladat címe'), { required: true, maxLength: 300 }),
    register: field.relation(L('Register', 'Rejestr', 'Nyilvántartás'), 'task_register', { required: true }),
    assignee: field.relation(L('Assignee', 'Wykonawca', 'Felelős'), 'employee'),
    assignee_role: field.choice(
      L('Otherwise done by', 'W przeciwnym razie wykonuje', 'Egyébként végzi'),
      [
        {
          value: 'starter',
          labels: L('Who started the chain', 'Kto uruchomił łańcuch', 'Aki a láncot elindította'),
        },
        {
          value: 'previous_assignee',
          labels: L(
            "The previous step's assignee",
            'Wykonawca poprzedniego kroku',
            'Az előző lépés felelőse',
          ),
        },
        {
          value: 'register_keeper',
          labels: L("The register's keeper", 'Opiekun rejestru', 'A nyilvántartás gazdája'),
        },
      ],
      { required: true, defaultValue: 'starter' },
    ),
    due_offset_days: field.integer(L('Due after (days)', 'Termin po (dniach)', 'Határidő (nap múlva)'), {
      min: 0,
      max: 3650,
    }),
    condition: field.choice(
      L(
        'Comes when the previous step is',
        'Następuje, gdy poprzedni krok jest',
        'Akkor jön, ha az előző lépés',
      ),
      [
        { value: 'done', labels: L('Done', 'Wykonany', 'Kész') },
        { value: 'cancelled', labels: L('Cancelled', 'Anulowany', 'Visszavonva') },
        {
          value: 'any',
          labels: L('Finished either way', 'Zakończony w dowolny sposób', 'Bármilyen módon lezárva'),
        },
      ],
      { required: true, defaultValue: 'done' },
    ),
  },
});
