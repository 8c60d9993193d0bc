import { defineObject, field, labels as L } from '../../metadata/define-object.ts';

/**
 * A group is static (members chosen one by one) or dynamic (members are whoever matches its
 * saved filter at the time of reading: "clients in Łódź with category A"). Either kind is used
 * the same way: `{field: "groups", op: "in", value: [id]}`, bulk actions, later mailings.
 */
function groupFields(members: 'company' | 'person') {
  return {
    name: field.text(L('Name', 'Nazwa', 'Név'), { required: true, maxLength: 100 }),
    description: field.longText(L('Description', 'Opis', 'Leírás'), { maxLength: 2000 }),
    color: field.text(L('Colour', 'Kolor', 'Szín'), { maxLength: 20 }),
    kind: field.choice(
      L('Kind', 'Rodzaj', 'Típus'),
      [
        { value: 'static', labels: L('Chosen members', 'Wybrani członkowie', 'Kiválasztott tagok') },
        { value: 'dynamic', labels: L('By a filter', 'Według filtra', 'Szűrő szerint') },
      ],
      { required: true, defaultValue: 'static' },
    ),
    filter: field.savedFilter(L('Members are', 'Członkowie to', 'Tagok'), members),
  };
}

/** How the engine reads a dynamic group's members (records/query/dynamic-members.ts). */
const dynamicMembers = { kindField: 'kind', dynamicValue: 'dynamic', filterField: 'filter' };

/** Groups of clients (suppliers, dealers…); membership is many-to-many. */
export const companyGroup = defineObject({
  key: 'company_group',
  labels: {
    one: L('Company group', 'Grupa firm', 'Cégcsoport'),
    many: L('Company groups', 'Grupy firm', 'Cégcsoportok'),
  },
  icon: 'folders',
  titleFields: ['name'],
  grammaticalGender: { pl: 'feminine' },
  // Found by name in the global search (Ctrl+K) and in pickers; migration 2026_11_28_0002 indexed
  // the groups made before.
  searchFields: ['name'],
  dynamicMembers,
  fields: groupFields('company'),
});

/** Groups of representatives (mailing lists, Christmas wishes…), separate from company groups. */
export const personGroup = defineObject({
  key: 'person_group',
  labels: {
    one: L('Person group', 'Grupa osób', 'Személycsoport'),
    many: L('Person groups', 'Grupy osób', 'Személycsoportok'),
  },
  icon: 'users-group',
  titleFields: ['name'],
  grammaticalGender: { pl: 'feminine' },
  searchFields: ['name'],
  dynamicMembers,
  fields: groupFields('person'),
});
