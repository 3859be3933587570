/**
 * Text people type may not carry characters that hide or reorder what others read: control
 * characters (C0 other than tab and line breaks, DEL, C1) and the bidirectional embeddings,
 * overrides and isolates (U+202A–U+202E, U+2066–U+2069), which can make 「山田」 display as
 * something else on a coordinator's screen or in an export. Names and titles are one line, so
 * tabs and line breaks are refused there too. Applied to every JSON body of the API and to every
 * form the pages validate, so no field is forgotten.
 */
import type { MiddlewareHandler } from 'hono';
import { AppError, type ErrorIssue } from '../errors.ts';
import type { AppEnv } from './env.ts';

/** Fields that hold one line: a tab or line break there is refused as well. */
const SINGLE_LINE = new Set(['familyName', 'givenName', 'displayName', 'name', 'title', 'email', 'phone']);

function isHidden(code: number, singleLine: boolean): boolean {
  if (code === 0x09 || code === 0x0a || code === 0x0d) return singleLine;
  return (
    code < 0x20 ||
    (code >= 0x7f && code <= 0x9f) ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  );
}

/** Whether a text holds a character it may not. @example hasHiddenCharacters('\u202Eabc', false) // true */
export function hasHiddenCharacters(text: string, singleLine: boolean): boolean {
  for (let i = 0; i < text.length; i++) if (isHidden(text.charCodeAt(i), singleLine)) return true;
  return false;
}

/**
 * Every string in a parsed body that holds such a character, as field issues.
 * @example hiddenCharacterIssues({ familyName: 'a\u202Eb' }, 'body') // [{ path: 'body.familyName', … }]
 */
export function hiddenCharacterIssues(value: unknown, path: string, key = ''): ErrorIssue[] {
  if (typeof value === 'string') {
    return hasHiddenCharacters(value, SINGLE_LINE.has(key))
      ? [
          {
            path,
            message: 'contains control or text-direction characters',
            code: 'hidden_characters',
          },
        ]
      : [];
  }
  if (Array.isArray(value))
    return value.flatMap((item, i) => hiddenCharacterIssues(item, `${path}.${i}`, key));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => hiddenCharacterIssues(v, `${path}.${k}`, k));
  }
  return [];
}

/** Refuses a JSON body with such characters (422, one issue per field) before its route runs. */
export function refuseHiddenCharacters(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const method = c.req.method;
    if (
      (method === 'POST' || method === 'PUT' || method === 'PATCH') &&
      /json/i.test(c.req.header('content-type') ?? '')
    ) {
      let body: unknown;
      try {
        body = await c.req.json();
      } catch {
        return next(); // Malformed JSON: the route's own validation answers 400.
      }
      const issues = hiddenCharacterIssues(body, 'body');
      if (issues.length > 0)
        throw new AppError('validation_failed', 'The request has invalid fields', issues);
    }
    return next();
  };
}
