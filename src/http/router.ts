/**
 * `newRouter()` is how every feature creates its routes: an OpenAPIHono whose validation hook
 * turns zod failures into the shared envelope with field paths (each sub-app needs its own hook).
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { AppError } from '../errors.ts';
import type { AppEnv } from './env.ts';
import { issuesFromZod } from './error-envelope.ts';

export function newRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        throw new AppError(
          'validation_failed',
          'The request has invalid fields',
          issuesFromZod(result.error, result.target),
        );
      }
    },
  });
}
