import { defineObject, field, labels as L } from '../../metadata/define-object.ts';

/**
 * Something people book for a time: a meeting room, a company car, a projector. The company's,
 * not anyone's: it has no owner, so a role reads (or administers) all resources or none.
 * A deactivated resource keeps its bookings and takes no new ones.
 */
export const resource = defineObject({
  key: 'resource',
  labels: {
    one: L('Resource', 'Zasób', 'Erőforrás'),
    many: L('Resources', 'Zasoby', 'Erőforrások'),
  },
  icon: 'building',
  titleFields: ['name'],
  grammaticalGender: { pl: 'masculine' },
  searchFields: ['name', 'location'],
  subtitleFields: ['kind', 'location'],
  activeField: 'active',
  defaultSort: [{ field: 'name', direction: 'asc' }],
  headerFacts: ['kind', 'location', 'capacity', 'active'],
  sections: [
    {
      key: 'resource',
      labels: L('Resource', 'Zasób', 'Erőforrás'),
      fields: ['name', 'kind', 'capacity', 'location', 'colour', 'active'],
    },
    { key: 'description', labels: L('Description', 'Opis', 'Leírás'), fields: ['description'] },
  ],
  fields: {
    name: field.text(L('Name', 'Nazwa', 'Név'), { required: true, maxLength: 100 }),
    // A fixed list, not a dictionary: a coarse kind (the web's icon, a filter); `other` and the
    // name say the rest, and nothing waits for an administrator to fill a dictionary first.
    kind: field.choice(
      L('Kind', 'Rodzaj', 'Fajta'),
      [
        { value: 'room', labels: L('Room', 'Sala', 'Terem') },
        { value: 'car', labels: L('Car', 'Samochód', 'Autó') },
        { value: 'projector', labels: L('Projector', 'Projektor', 'Projektor') },
        { value: 'other', labels: L('Other', 'Inny', 'Egyéb') },
      ],
      { required: true, defaultValue: 'room' },
    ),
    // People a room seats, seats in a car; empty where it does not apply.
    capacity: field.integer(L('Capacity', 'Pojemność', 'Befogadóképesség'), { min: 1, max: 10_000 }),
    colour: field.colour(L('Colour', 'Kolor', 'Szín')),
    location: field.text(L('Location', 'Lokalizacja', 'Helyszín'), { maxLength: 200 }),
    description: field.longText(L('Description', 'Opis', 'Leírás'), { maxLength: 2000 }),
    active: field.boolean(L('Active', 'Aktywny', 'Aktív'), { defaultValue: true }),
  },
});
