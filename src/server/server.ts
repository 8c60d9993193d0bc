import { ensureAdmin } from './access/users.ts';
import { buildApp } from './app.ts';
import type { AppConfig } from './config.ts';
import { openHostWarning } from './http/allowed-hosts.ts';
import type { AppInstance, AppServices } from './http/types.ts';
import { openServices } from './runtime.ts';

export interface RunningServer {
  app: AppInstance;
  services: AppServices;
  url: string;
  stop(): Promise<void>;
}

export interface StartHooks {
  /** Runs after migrations and before listening: demo data, job workers… */
  beforeListen?: (services: AppServices, app: AppInstance) => Promise<void>;
  /** Runs while the server stops, beside the requests it finishes (the job worker hands back its jobs). */
  whileStopping?: () => Promise<void>;
}

/** Opens everything, listens, and prints where the CRM is and how to log in. */
export async function startServer(config: AppConfig, hooks: StartHooks = {}): Promise<RunningServer> {
  let app: AppInstance | undefined;
  const services = await openServices(config, {
    onEventError: (error, consumer) => app?.log.error({ err: error, consumer }, 'event consumer failed'),
    onJobError: (error, job) => app?.log.warn({ err: error, job }, 'job failed'),
  });
  const admin = await ensureAdmin(services.dialect, config.adminPassword, services.now());
  app = await buildApp(services);
  await hooks.beforeListen?.(services, app);
  // Events left undelivered by a crash are handed out now.
  await services.records.events.kick();
  // Warned before listening: whoever waits for the "listening" line has seen the warning too.
  const hostWarning = openHostWarning(config);
  if (hostWarning) app.log.warn(hostWarning);
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const url = `${config.tls ? 'https' : 'http'}://${shownHost}:${port}`;
  const lines = [
    '',
    `  Kartoteka ${services.version} is running at ${url}`,
    `  Database: ${config.database.kind === 'sqlite' ? config.database.file : 'PostgreSQL'}`,
    `  API docs: ${url}/api/docs`,
  ];
  if (config.tls?.clientCa)
    lines.push('  Clients must present a certificate signed by KARTOTEKA_TLS_CLIENT_CA.');
  if (admin.created) {
    lines.push(
      `  Log in as: admin / ${admin.password ?? '(the password in KARTOTEKA_ADMIN_PASSWORD)'}`,
      admin.password ? '  This password is shown only once: write it down or change it.' : '',
    );
  } else {
    lines.push('  Log in with your account (the first administrator is "admin").');
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);
  const running = app;
  return {
    app: running,
    services,
    url,
    stop: async () => {
      // New connections are refused at once; requests in flight finish, and so does the job in hand.
      await Promise.all([running.close(), hooks.whileStopping?.()]);
      await services.dialect.close();
    },
  };
}
