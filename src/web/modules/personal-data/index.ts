export { AnonymiseDialog } from './AnonymiseDialog.tsx';
export { type PersonalDataAbilities, personalDataAbilities } from './abilities.ts';
export { PersonalDataMenu } from './PersonalDataMenu.tsx';
export { VcardExportItem } from './VcardExportItem.tsx';
