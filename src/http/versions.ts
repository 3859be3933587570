/**
 * Optimistic concurrency over HTTP: an edit names the version it was made from with
 * `If-Match: "<version>"` (the `ETag` a read returned), and a stale one is refused with 409.
 */
import { z } from '@hono/zod-openapi';
import { AppError } from '../errors.ts';

/** The request header as documented on edit routes. */
export const IfMatchHeaderSchema = z.object({
  'if-match': z.string().optional().openapi({
    description:
      'The version this edit was made from, as the `ETag` of the read (`"3"`); a stale one gets 409 naming what differs',
    example: '"3"',
  }),
});

/**
 * The version an `If-Match` header names; undefined when absent or `*` (any version).
 * @example expectedVersionOf('W/"3"') // 3
 */
export function expectedVersionOf(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === '*') return undefined;
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (!match) {
    throw new AppError('bad_request', 'If-Match must be the ETag of the version you edited, e.g. "3"', [
      { path: 'header.if-match', message: 'expected a version such as "3"', code: 'invalid_if_match' },
    ]);
  }
  return Number(match[1]);
}

/** The `ETag` of a version. */
export const etagOf = (version: number) => `"${version}"`;
