/**
 * Errors the app raises on purpose. Each carries a typed code; one handler (`errorResponse` in
 * src/http/error-envelope.ts) turns them into the single error envelope
 * `{ error: { code, message, requestId, issues? } }`.
 */

export const ERROR_STATUS = {
  malformed_json: 400,
  bad_request: 400,
  /** A verification or reset link that is unknown, used or expired. */
  invalid_token: 400,
  unauthenticated: 401,
  forbidden: 403,
  /** The account has not followed its verification mail yet (it may look, not act). */
  email_not_verified: 403,
  not_found: 404,
  /** A known API path called with a method it does not have; `Allow` lists the ones it has. */
  method_not_allowed: 405,
  conflict: 409,
  email_taken: 409,
  organisation_exists: 409,
  organisation_not_verified: 409,
  organisation_rejected: 409,
  invalid_state: 409,
  payload_too_large: 413,
  too_many_attempts: 429,
  unsupported_media_type: 415,
  validation_failed: 422,
  internal: 500,
  /** Too much password hashing in flight: try again in a moment (with Retry-After). */
  busy: 503,
  /** The service's own configuration is invalid (a Worker's env); the message names the variable. */
  misconfigured: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** One problem with one field: `path` is dotted from the request part, e.g. `body.schedule.shifts.0.end`. */
export interface ErrorIssue {
  path: string;
  message: string;
  code: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly issues: ErrorIssue[] | undefined;
  /** For a refusal that passes with time (429): when to try again, sent as `Retry-After`. */
  readonly retryAfterSeconds: number | undefined;

  constructor(code: ErrorCode, message: string, issues?: ErrorIssue[], retryAfterSeconds?: number) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.issues = issues;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  get status(): (typeof ERROR_STATUS)[ErrorCode] {
    return ERROR_STATUS[this.code];
  }
}

/**
 * The error for an unknown id and for someone else's id alike, so existence does not leak.
 * @example throw notFound('role')
 */
export const notFound = (what: string) => new AppError('not_found', `${what} not found`);

/**
 * A field-level validation failure raised by a service (one the schema cannot express).
 * @example throw invalidField('body.locations.0.areaCode', 'unknown area code')
 */
export const invalidField = (path: string, message: string, code = 'invalid') =>
  new AppError('validation_failed', 'The request has invalid fields', [{ path, message, code }]);
