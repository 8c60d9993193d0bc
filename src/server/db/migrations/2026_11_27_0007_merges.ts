import type { MigrationDb } from './ddl.ts';

// Placeholder: duplicate keys and merge log (duplicates helper); filled before it lands.
export async function up(_db: MigrationDb): Promise<void> {}
