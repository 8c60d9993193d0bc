/** A problem the client caused or must know about; the HTTP layer turns it into the one error shape. */
export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export interface FieldIssue {
  field: string;
  code: string;
  message: string;
}

export const errors = {
  badRequest: (message: string, details?: unknown) => new AppError(400, 'bad_request', message, details),
  validation: (issues: FieldIssue[]) =>
    new AppError(400, 'validation_failed', issues.map((i) => `${i.field}: ${i.message}`).join('; '), {
      fields: issues,
    }),
  unauthorized: (message = 'Authentication required') => new AppError(401, 'unauthorized', message),
  forbidden: (message = 'You are not allowed to do this') => new AppError(403, 'forbidden', message),
  notFound: (message: string) => new AppError(404, 'not_found', message),
  conflict: (message: string, details?: unknown) => new AppError(409, 'conflict', message, details),
  tooManyRequests: (message: string, retryAfterSeconds: number) =>
    new AppError(429, 'too_many_requests', message, { retryAfterSeconds }),
};
