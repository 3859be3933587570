/**
 * The one error shape every failing response uses, as a zod schema for the OpenAPI document,
 * and the handler that turns anything thrown into it. Unknown errors become a 500 with no
 * detail for the caller (the detail goes to the log with the request id).
 */
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ZodError } from 'zod';
import { AppError, ERROR_STATUS, type ErrorCode, type ErrorIssue } from '../errors.ts';

export const ErrorIssueSchema = z.object({
  path: z.string().openapi({ example: 'body.schedule.shifts.0.end' }),
  message: z.string(),
  code: z.string(),
});

export const ErrorEnvelopeSchema = z
  .object({
    error: z.object({
      code: z.enum(Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]]),
      message: z.string(),
      requestId: z.string(),
      issues: z.array(ErrorIssueSchema).optional(),
    }),
  })
  .openapi('Error');

/** Turns zod issues into field issues rooted at the request part (`body`, `query`, `param`…). */
export function issuesFromZod(error: ZodError, target: string): ErrorIssue[] {
  return error.issues.map((issue) => ({
    path: [target === 'json' ? 'body' : target, ...issue.path.map(String)].join('.'),
    message: issue.message,
    code: issue.code,
  }));
}

function toAppError(error: unknown): AppError | undefined {
  if (error instanceof AppError) return error;
  if (error instanceof HTTPException) {
    if (error.status === 413) return new AppError('payload_too_large', 'The request body is too large');
    if (error.status === 415)
      return new AppError('unsupported_media_type', 'Send the body as application/json');
    if (error.status === 400 && /json/i.test(error.message)) {
      return new AppError('malformed_json', 'The request body is not valid JSON');
    }
    if (error.status === 401) return new AppError('unauthenticated', 'Sign in first');
    if (error.status >= 400 && error.status < 500)
      return new AppError('bad_request', error.message || 'Bad request');
  }
  return undefined;
}

/** Builds the envelope response for an error; used by `app.onError` and `app.notFound`. */
export function errorResponse(c: Context, error: unknown) {
  const requestId = (c.get('requestId') as string | undefined) ?? 'unknown';
  const known = toAppError(error);
  if (!known) {
    console.error(`[${requestId}] unhandled error`, error);
    const body = { error: { code: 'internal', message: 'Something went wrong on our side', requestId } };
    return c.json(body, 500);
  }
  const body = {
    error: {
      code: known.code,
      message: known.message,
      requestId,
      ...(known.issues ? { issues: known.issues } : {}),
    },
  };
  if (known.retryAfterSeconds !== undefined) c.header('Retry-After', String(known.retryAfterSeconds));
  return c.json(body, known.status);
}
