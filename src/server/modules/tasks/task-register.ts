import { defineObject, field, labels as L } from '../../metadata/define-object.ts';

/**
 * A register of tasks of one kind (sales, complaints, internal…), with its own colour on the
 * calendar and its own readers: whoever its members, departments (with those below them) and
 * work groups name sees the register and every task in it, besides their own tasks. Its keeper
 * looks after it: they accept or decline requests to take on its tasks.
 */
export const taskRegister = defineObject({
  key: 'task_register',
  labels: {
    one: L('Task register', 'Rejestr zadań', 'Feladatnyilvántartás'),
    many: L('Task registers', 'Rejestry zadań', 'Feladatnyilvántartások'),
  },
  icon: 'folders',
  owner: 'keeper',
  audience: ['members', 'departments', 'work_groups'],
  titleFields: ['name'],
  grammaticalGender: { pl: 'masculine' },
  searchFields: ['name'],
  activeField: 'active',
  createDefaults: (_given, creator) => ({ keeper: creator.employeeId }),
  sections: [
    {
      key: 'register',
      labels: L('Register', 'Rejestr', 'Nyilvántartás'),
      fields: ['name', 'colour', 'keeper', 'active', 'description'],
    },
    {
      key: 'readers',
      labels: L('Who sees it', 'Kto go widzi', 'Kik látják'),
      fields: ['members', 'departments', 'work_groups'],
    },
  ],
  fields: {
    name: field.text(L('Name', 'Nazwa', 'Név'), { required: true, maxLength: 100 }),
    colour: field.colour(L('Colour', 'Kolor', 'Szín')),
    description: field.longText(L('Description', 'Opis', 'Leírás'), { maxLength: 2000 }),
    keeper: field.relation(L('Keeper', 'Opiekun', 'Gazda'), 'employee'),
    active: field.boolean(L('Active', 'Aktywny', 'Aktív'), { defaultValue: true }),
    members: field.multiRelation(L('Members', 'Członkowie', 'Tagok'), 'employee', {
      table: 'task_register_member',
      sourceColumn: 'register_id',
      targetColumn: 'employee_id',
    }),
    departments: field.multiRelation(L('Departments', 'Działy', 'Osztályok'), 'department', {
      table: 'task_register_department',
      sourceColumn: 'register_id',
      targetColumn: 'department_id',
    }),
    work_groups: field.multiRelation(L('Work groups', 'Grupy robocze', 'Munkacsoportok'), 'work_group', {
      table: 'task_register_work_group',
      sourceColumn: 'register_id',
      targetColumn: 'work_group_id',
    }),
  },
});

/** The readers of a register, as paths from a record that names it (`register`). */
export const REGISTER_AUDIENCE = (via: string): string[] => [
  `${via}.keeper`,
  `${via}.members`,
  `${via}.departments`,
  `${via}.work_groups`,
];

/** A topic within a register (in "Complaints": delivery, quality, invoicing). */
export const taskTopic = defineObject({
  key: 'task_topic',
  labels: {
    one: L('Task topic', 'Temat zadań', 'Feladattéma'),
    many: L('Task topics', 'Tematy zadań', 'Feladattémák'),
  },
  icon: 'tag',
  owner: 'register.keeper',
  audience: REGISTER_AUDIENCE('register'),
  titleFields: ['name'],
  grammaticalGender: { pl: 'masculine' },
  subtitleFields: ['register'],
  activeField: 'active',
  defaultSort: [{ field: 'name', direction: 'asc' }],
  fields: {
    register: field.relation(L('Register', 'Rejestr', 'Nyilvántartás'), 'task_register', { required: true }),
    name: field.text(L('Name', 'Nazwa', 'Név'), { required: true, maxLength: 100 }),
    active: field.boolean(L('Active', 'Aktywny', 'Aktív'), { defaultValue: true }),
  },
});
