export { addValueFromText } from './api.ts';
export { matchesSearch } from './codes.ts';
export { DictionariesPage } from './DictionariesScreen.tsx';
export { inOrder, toDictionaryValue } from './values.ts';
