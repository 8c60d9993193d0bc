export { DictionariesPage } from './DictionariesPage.tsx';
