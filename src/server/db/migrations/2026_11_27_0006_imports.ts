import type { MigrationDb } from './ddl.ts';

// Placeholder: import batches and rows (import helper); filled before it lands.
export async function up(_db: MigrationDb): Promise<void> {}
