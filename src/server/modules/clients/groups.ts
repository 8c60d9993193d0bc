import { defineObject, field, labels as L } from '../../metadata/define-object.ts';

const groupFields = {
  name: field.text(L('Name', 'Nazwa', 'Név'), { required: true, maxLength: 100 }),
  description: field.longText(L('Description', 'Opis', 'Leírás'), { maxLength: 2000 }),
  color: field.text(L('Colour', 'Kolor', 'Szín'), { maxLength: 20 }),
};

/** Groups of clients (suppliers, dealers…); membership is many-to-many. */
export const companyGroup = defineObject({
  key: 'company_group',
  labels: {
    one: L('Company group', 'Grupa firm', 'Cégcsoport'),
    many: L('Company groups', 'Grupy firm', 'Cégcsoportok'),
  },
  icon: 'folders',
  titleFields: ['name'],
  fields: groupFields,
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
  fields: groupFields,
});
