import { assertAdministratorRemains } from '../../access/roles.ts';
import { defineObject, field, labels as L } from '../../metadata/define-object.ts';
import { noCycle } from '../../records/no-cycle.ts';

/** A department of the company; departments form a tree that the row scope `subtree` follows. */
export const department = defineObject({
  key: 'department',
  labels: { one: L('Department', 'Dział', 'Osztály'), many: L('Departments', 'Działy', 'Osztályok') },
  grammaticalGender: { pl: 'masculine' },
  icon: 'sitemap',
  titleFields: ['name'],
  invariants: [noCycle('department', 'parent_id', 'parent')],
  fields: {
    name: field.text(L('Name', 'Nazwa', 'Név'), { required: true, maxLength: 100 }),
    parent: field.relation(L('Parent department', 'Dział nadrzędny', 'Felettes osztály'), 'department'),
    head: field.relation(L('Head', 'Kierownik', 'Vezető'), 'employee'),
  },
});

/** Employees working together across departments; roles can be given to a whole group. */
export const workGroup = defineObject({
  key: 'work_group',
  labels: {
    one: L('Work group', 'Grupa robocza', 'Munkacsoport'),
    many: L('Work groups', 'Grupy robocze', 'Munkacsoportok'),
  },
  icon: 'users',
  titleFields: ['name'],
  grammaticalGender: { pl: 'feminine' },
  // A group can carry the administrator role: deleting it or emptying it must leave one.
  invariants: [assertAdministratorRemains],
  fields: {
    name: field.text(L('Name', 'Nazwa', 'Név'), { required: true, maxLength: 100 }),
    description: field.longText(L('Description', 'Opis', 'Leírás'), { maxLength: 2000 }),
    members: field.multiRelation(L('Members', 'Członkowie', 'Tagok'), 'employee', {
      table: 'work_group_member',
      sourceColumn: 'work_group_id',
      targetColumn: 'employee_id',
    }),
  },
});
