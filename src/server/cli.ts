import { parseArgs } from 'node:util';
import { MIN_PASSWORD_LENGTH } from './access/passwords.ts';
import { setPassword } from './access/users.ts';
import { ConfigError, loadConfig } from './config.ts';
import { migrateToLatest, openDatabase } from './db/database.ts';
import { startServer } from './server.ts';

const USAGE = `Usage: kartoteka <command> [options]

Commands:
  serve [--demo]            Run the CRM (HTTP server and background jobs).
                            --demo loads the demo data set on first start unless KARTOTEKA_DEMO=0.
  migrate                   Bring the database schema up to date and exit.
  seed [--size demo|bench]  Load the generated data set into an empty database.
  backup [--to DIR]         Write a backup file now; the server may keep running.
  restore FILE [--force]    Replace the database (and stored files) with a backup; stop the
                            server first. --force: even when the database holds data.
  copy --to postgres://…    Copy this database (SQLite) into an empty PostgreSQL database,
                            check every table, and print the DATABASE_URL to switch to.
  user password <login>     Set a user's password (read from standard input).
  user unlock <login>       Lift the failed-login locks of a login (from every address).

Configuration comes from environment variables; see README.md.`;

async function readStdinLine(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      demo: { type: 'boolean' },
      size: { type: 'string' },
      to: { type: 'string' },
      force: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, ...rest] = positionals;
  if (!command || values.help) {
    process.stdout.write(`${USAGE}\n`);
    return command || values.help ? 0 : 1;
  }
  const config = loadConfig(process.env, { demo: values.demo === true });
  switch (command) {
    case 'serve': {
      const { startWithBackground } = await import('./start.ts');
      await startWithBackground(config, startServer);
      return -1;
    }
    case 'migrate': {
      const dialect = openDatabase(config.database);
      const applied = await migrateToLatest(dialect);
      await dialect.close();
      process.stdout.write(
        applied.length ? `Applied: ${applied.join(', ')}\n` : 'The schema is up to date.\n',
      );
      return 0;
    }
    case 'seed': {
      const { seedCommand } = await import('./seed/command.ts');
      return seedCommand(config, values.size ?? 'demo');
    }
    case 'backup': {
      const { backupCommand } = await import('./modules/backups/command.ts');
      return backupCommand(config, values.to);
    }
    case 'restore': {
      const [file] = rest;
      if (!file) {
        process.stderr.write('Usage: kartoteka restore FILE [--force]\n');
        return 1;
      }
      const { restoreCommand } = await import('./modules/backups/command.ts');
      return restoreCommand(config, file, values.force === true);
    }
    case 'copy': {
      const { copyCommand } = await import('./modules/backups/command.ts');
      return copyCommand(config, values.to);
    }
    case 'user': {
      const [action, login] = rest;
      if (action === 'unlock' && login) {
        const { unlockCommand } = await import('./modules/auth/unlock-command.ts');
        return unlockCommand(config.database, login);
      }
      if (action !== 'password' || !login) {
        process.stderr.write(
          'Usage: kartoteka user password <login>  (the password is read from standard input)\n' +
            '       kartoteka user unlock <login>\n',
        );
        return 1;
      }
      const password = await readStdinLine();
      // The same policy as everywhere a password is set (length, common list, strength).
      const { checkPasswordPolicy } = await import('./access/password-policy.ts');
      const problem = checkPasswordPolicy(password, { login });
      if (problem) {
        process.stderr.write(`The password ${problem} (at least ${MIN_PASSWORD_LENGTH} characters).\n`);
        return 1;
      }
      const dialect = openDatabase(config.database);
      await migrateToLatest(dialect);
      const user = await dialect.db
        .selectFrom('user_account')
        .select('id')
        .where('login', '=', login.toLowerCase())
        .executeTakeFirst();
      if (!user) {
        process.stderr.write(`No user "${login}".\n`);
        await dialect.close();
        return 1;
      }
      await setPassword(dialect.db, Number(user.id), password);
      await dialect.close();
      process.stdout.write(`Password of "${login}" changed.\n`);
      return 0;
    }
    default:
      process.stderr.write(`Unknown command "${command}".\n\n${USAGE}\n`);
      return 1;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
