import type { MigrationDb } from './ddl.ts';

// Placeholder: the client card's child objects (lead engineer); filled before it lands.
export async function up(_db: MigrationDb): Promise<void> {}
