import { connection } from './connection.ts';

/**
 * The one way the web app talks to the API: JSON in and out, the CSRF header on writes,
 * errors turned into `ApiError`, and a lost session reported to whoever listens (the app
 * sends the user to the login page and back), as is a two-factor login the account must set up
 * first (the app sends the user to the settings page). Whether the server could be reached at
 * all goes to the connection monitor (connection.ts).
 */

export interface FieldIssue {
  field: string;
  code: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown,
    /** The request's method: a failed write tells the user their edit is kept, a failed read does not. */
    readonly method?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Validation problems by field, as the API reports them in `details.fields`. */
  get fieldIssues(): FieldIssue[] {
    const fields = (this.details as { fields?: unknown } | undefined)?.fields;
    return Array.isArray(fields) ? (fields as FieldIssue[]) : [];
  }
}

/** Code of errors that never reached the server (offline, DNS, aborted). */
export const NETWORK_ERROR = 'network_error';

const SAFE_METHODS = new Set(['GET', 'HEAD']);

/** What a proxy answers when the app behind it is away (restarting, crashed, overloaded). */
const PROXY_UNAVAILABLE = new Set([502, 503, 504]);

/**
 * The request did not reach a working server: asking again later may well succeed, and the
 * user's data is not at fault. Everything else is an answer from the app itself.
 */
export function isConnectionFailure(error: unknown): boolean {
  return error instanceof ApiError && (error.code === NETWORK_ERROR || PROXY_UNAVAILABLE.has(error.status));
}

export function isSafeMethod(method: string): boolean {
  return SAFE_METHODS.has(method.toUpperCase());
}

let csrfToken: string | null = null;
let sessionLostListener: ((error: ApiError) => void) | null = null;
let secondFactorListener: (() => void) | null = null;
let extraHeaders: ((method: string, path: string) => Record<string, string>) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called on every 401 from a request that needs a session. */
export function onSessionLost(listener: (error: ApiError) => void): void {
  sessionLostListener = listener;
}

/** The 403 code of every route but the two-factor setup ones while a role requires it and it is off. */
export const TOTP_SETUP_REQUIRED = 'totp_setup_required';

/**
 * Called on every 403 `totp_setup_required`: like a lost session, it is about the account, not
 * about the screen that asked, so one listener (the session guard) handles it for all. Returns
 * a function that removes the listener.
 */
export function onSecondFactorRequired(listener: () => void): () => void {
  secondFactorListener = listener;
  return () => {
    if (secondFactorListener === listener) secondFactorListener = null;
  };
}

/**
 * Headers a feature adds to requests (the access module's "view as" header). A hook rather
 * than knowledge of the feature here, so this client stays the same for every module.
 */
export function setExtraHeaders(
  provider: ((method: string, path: string) => Record<string, string>) | null,
): void {
  extraHeaders = provider;
}

export interface RequestOptions {
  body?: unknown;
  query?: Record<string, string | number | undefined>;
  signal?: AbortSignal;
  /** The login form and the session probe handle 401 themselves. */
  expectUnauthorized?: boolean;
}

/** Sends a request; answers with the response when it is a success, throws `ApiError` otherwise. */
async function send(
  method: string,
  path: string,
  options: RequestOptions,
  accept: string,
): Promise<Response> {
  const headers: Record<string, string> = { accept };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (!SAFE_METHODS.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;
  if (extraHeaders) Object.assign(headers, extraHeaders(method, path));
  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    connection.markLost();
    throw new ApiError(0, NETWORK_ERROR, String(cause), undefined, method);
  }
  if (PROXY_UNAVAILABLE.has(response.status)) connection.markLost();
  else connection.markBack();
  if (response.ok) return response;
  const payload: unknown = await response.json().catch(() => null);
  const error = toApiError(response.status, payload, method);
  if (response.status === 401 && !options.expectUnauthorized) sessionLostListener?.(error);
  if (response.status === 403 && error.code === TOTP_SETUP_REQUIRED) secondFactorListener?.();
  throw error;
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(method, path, options, 'application/json');
  if (response.status === 204) return undefined as T;
  return (await response.json().catch(() => null)) as T;
}

/** For files (exports): the successful response itself, to be read as a blob. */
export function requestFile(method: string, path: string, options: RequestOptions = {}): Promise<Response> {
  return send(method, path, options, '*/*');
}

function toApiError(status: number, payload: unknown, method: string): ApiError {
  const body = (payload as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)
    ?.error;
  return new ApiError(
    status,
    typeof body?.code === 'string' ? body.code : `http_${status}`,
    typeof body?.message === 'string' ? body.message : `HTTP ${status}`,
    body?.details,
    method,
  );
}

function withQuery(path: string, query: RequestOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => request<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    request<T>('POST', path, { ...options, body }),
  patch: <T>(path: string, body: unknown, options?: RequestOptions) =>
    request<T>('PATCH', path, { ...options, body }),
  delete: <T>(path: string, options?: RequestOptions) => request<T>('DELETE', path, options),
};
