/**
 * The Workers entry: the same app as on Node, on D1 and a Meilisearch reached over fetch. The
 * `env` is checked once per isolate and the dependencies built from it serve every later request
 * (`worker.ts`); a bad configuration answers each request with an error naming the variable.
 * The cron triggers of wrangler.toml run what the Node service runs on timers.
 */
import { ConfigurationError } from '../../config.ts';
import { runScheduled, workerFor } from './worker.ts';

function misconfigured(error: ConfigurationError): Response {
  const requestId = crypto.randomUUID();
  console.error(`[${requestId}] ${error.message}`);
  return Response.json(
    { error: { code: 'misconfigured', message: error.message, requestId } },
    { status: 500, headers: { 'x-request-id': requestId } },
  );
}

export default {
  async fetch(request, env, ctx) {
    let worker: ReturnType<typeof workerFor>;
    try {
      worker = workerFor(env);
    } catch (error) {
      if (error instanceof ConfigurationError) return misconfigured(error);
      throw error;
    }
    return worker.app.fetch(request, env, ctx);
  },

  async scheduled(controller, env, ctx) {
    // A bad configuration fails the run with the message, in the cron's log.
    const worker = workerFor(env);
    ctx.waitUntil(runScheduled(worker, controller.cron));
  },
} satisfies ExportedHandler<object>;
