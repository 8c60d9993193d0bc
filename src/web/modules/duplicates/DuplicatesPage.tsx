// Placeholder: duplicates list and merge (duplicates helper); filled before it lands.
export function DuplicatesPage() {
  return null;
}
