// Placeholder: the dictionaries administration screen (dictionaries helper); filled before it lands.
export function DictionariesPage() {
  return null;
}
