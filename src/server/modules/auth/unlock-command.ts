import { logSecurityEvent } from '../../access/security-log.ts';
import { unlockLogin } from '../../access/throttle.ts';
import type { DatabaseConfig } from '../../config.ts';
import { migrateToLatest, openDatabase } from '../../db/database.ts';

export interface CommandOutput {
  out(text: string): void;
  err(text: string): void;
}

const STDIO: CommandOutput = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

/**
 * `kartoteka user unlock <login>`: lifts the login's failed-login locks from every address, for a
 * user who was locked out (or an administrator who needs in now). It works for a login without
 * an account too, since the throttle treats unknown logins like known ones.
 */
export async function unlockCommand(
  database: DatabaseConfig,
  login: string,
  output: CommandOutput = STDIO,
  now: Date = new Date(),
): Promise<number> {
  const name = login.trim().toLowerCase();
  if (!name) {
    output.err('Usage: kartoteka user unlock <login>\n');
    return 1;
  }
  const dialect = openDatabase(database);
  try {
    await migrateToLatest(dialect);
    const cleared = await unlockLogin(dialect.db, name);
    const account = await dialect.db
      .selectFrom('user_account')
      .select('id')
      .where('login', '=', name)
      .executeTakeFirst();
    await logSecurityEvent(dialect.db, {
      kind: 'unlock',
      accountId: account ? Number(account.id) : null,
      login: name,
      details: { cleared, by: 'command line' },
      at: now,
    });
    output.out(
      cleared > 0
        ? `Unlocked "${name}" at ${cleared} address${cleared === 1 ? '' : 'es'}.\n`
        : `"${name}" was not locked.\n`,
    );
    return 0;
  } finally {
    await dialect.close();
  }
}
