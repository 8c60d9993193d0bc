// Placeholder: the import wizard (import helper); filled before it lands.
export function ImportWizardPage() {
  return null;
}
