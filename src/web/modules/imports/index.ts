export { ImportWizardPage } from './ImportWizardPage.tsx';
