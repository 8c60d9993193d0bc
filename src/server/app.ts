import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { registerAuthentication } from './http/auth.ts';
import { frameworkError, refuseWhileClosing, registerErrorHandling } from './http/errors.ts';
import { registerInputTextCheck } from './http/input-text.ts';
import { objectSchemas } from './http/openapi.ts';
import { registerRequestIdHeader, requestIdOf } from './http/request-id.ts';
import { httpsServerOptions, registerSecurityHeaders } from './http/security-headers.ts';
import { registerWebApp } from './http/static.ts';
import type { AppInstance, AppServices } from './http/types.ts';
import { accessRoutes } from './modules/access/routes.ts';
import { authRoutes } from './modules/auth/routes.ts';
import { backupRoutes } from './modules/backups/routes.ts';
import { bookingRoutes } from './modules/bookings/routes.ts';
import { calendarFeedRoutes } from './modules/calendar/feed-routes.ts';
import { calendarRoutes } from './modules/calendar/routes.ts';
import { caseReportRoutes } from './modules/cases/report-routes.ts';
import { commentRoutes } from './modules/comments/routes.ts';
import { duplicateRoutes } from './modules/duplicates/routes.ts';
import { healthRoutes } from './modules/health/routes.ts';
import { importRoutes } from './modules/imports/routes.ts';
import { metadataRoutes } from './modules/metadata/routes.ts';
import { notificationRoutes } from './modules/notifications/routes.ts';
import { personalDataRoutes } from './modules/personal-data/routes.ts';
import { pricingRoutes } from './modules/pricing/routes.ts';
import { listActionRoutes } from './modules/records/list-actions-routes.ts';
import { recordRoutes } from './modules/records/routes.ts';
import { reminderRoutes } from './modules/reminders/routes.ts';
import { salesRoutes } from './modules/sales/routes.ts';
import { searchRoutes } from './modules/search/routes.ts';
import { taskRoutes } from './modules/tasks/routes.ts';
import { timelineRoutes } from './modules/timeline/routes.ts';
import { viewRoutes } from './modules/views/routes.ts';
import { registerRequestMetrics } from './observability/request-metrics.ts';

export const BODY_LIMIT_BYTES = 1024 * 1024;

/** Builds the HTTP application around already opened services; listening is the caller's business. */
export async function buildApp(
  services: AppServices,
  options: { logger?: boolean } = {},
): Promise<AppInstance> {
  const app = Fastify({
    logger: options.logger === false ? false : { level: services.config.logLevel },
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: services.config.trustProxy,
    https: httpsServerOptions(services.config),
    ajv: { customOptions: { removeAdditional: false } },
    // Logs are JSON lines (pino); each line of a request carries its id (`reqId`).
    genReqId: requestIdOf,
    frameworkErrors: frameworkError,
    // Refused in the product's error shape instead (refuseWhileClosing).
    return503OnClosing: false,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app, (error) => services.dialect.isUnavailable(error));
  registerRequestIdHeader(app);
  refuseWhileClosing(app);
  registerRequestMetrics(app, services.metrics);
  // Event rounds stop with the app, before whoever opened the database closes it.
  app.addHook('onClose', async () => services.records.events.stop());
  await registerSecurityHeaders(app, services.config);
  await app.register(cookie);
  registerAuthentication(app, {
    dialect: services.dialect,
    rights: services.rights,
    sessionTtlMs: services.config.sessionTtlMs,
    now: services.now,
  });
  // Text a database cannot store (NUL, lone surrogates) is refused before any route sees it.
  registerInputTextCheck(app);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Kartoteka API',
        version: services.version,
        description:
          'REST API of the Kartoteka CRM. Errors always have the shape {error: {code, message, details, requestId}}; requestId is also the X-Request-Id response header and names the request in the server log.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'kt_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
        schemas: objectSchemas(services.registry),
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { config: { policy: 'authenticated' }, schema: { hide: true } }, async () =>
    app.swagger(),
  );

  for (const routes of [
    healthRoutes,
    authRoutes,
    accessRoutes,
    metadataRoutes,
    recordRoutes,
    listActionRoutes,
    searchRoutes,
    viewRoutes,
    importRoutes,
    duplicateRoutes,
    personalDataRoutes,
    timelineRoutes,
    caseReportRoutes,
    taskRoutes,
    bookingRoutes,
    reminderRoutes,
    calendarRoutes,
    calendarFeedRoutes,
    commentRoutes,
    notificationRoutes,
    backupRoutes,
    pricingRoutes,
    salesRoutes,
  ]) {
    await app.register(async (scope) => routes(scope.withTypeProvider<ZodTypeProvider>(), services));
  }
  await registerWebApp(app);
  return app;
}
