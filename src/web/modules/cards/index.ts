export { BusinessCardLink } from './BusinessCardLink.tsx';
export { BusinessCardPage } from './BusinessCardPage.tsx';
export { type BusinessCard, CARD_OBJECTS, type CardLine, companyCard, personCard } from './card-model.ts';
