/**
 * The Worker's configuration: its `env` (the D1 binding, `[vars]` from wrangler.toml and secrets
 * set with `wrangler secret put`) checked with zod. The variables mean what they mean on Node
 * (`src/config.ts`); a bad one is refused with a message naming it.
 */
import { z } from 'zod';
import { appConfigFrom, parseEnv, searchSettingsFrom, sharedEnvFields } from '../../config.ts';
import type { D1Binding } from '../../db/d1.ts';
import type { AppConfig } from '../../deps.ts';

const isD1Binding = (value: unknown): value is D1Binding =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as D1Binding).prepare === 'function' &&
  typeof (value as D1Binding).batch === 'function';

/**
 * The most members one suggestion cron run may look at. D1 allows a Worker invocation 1,000
 * queries (Paid plan); a member costs a handful of reads and three writes per new suggestion, at
 * most fourteen or so in all, and test/suggestions.test.ts holds the largest slice under the
 * limit. The next run carries on where one stopped.
 */
export const MAX_SUGGEST_MEMBERS_PER_RUN = 50;

const WorkerEnvSchema = z.object({
  ...sharedEnvFields,
  SUGGEST_MEMBERS_PER_RUN: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_SUGGEST_MEMBERS_PER_RUN)
    .default(MAX_SUGGEST_MEMBERS_PER_RUN),
  DB: z.custom<D1Binding>(isD1Binding, {
    message: 'a D1 database binding is required ([[d1_databases]] binding = "DB" in wrangler.toml)',
  }),
});

export interface WorkerConfig {
  database: D1Binding;
  app: AppConfig;
  search: ReturnType<typeof searchSettingsFrom>;
  notifyWebhookUrl?: string;
  suggestMembersPerRun: number;
}

/**
 * @example const config = readWorkerConfig(env) // throws ConfigurationError naming the variable
 */
export function readWorkerConfig(env: unknown): WorkerConfig {
  const e = parseEnv(WorkerEnvSchema, env);
  return {
    database: e.DB,
    app: appConfigFrom(e),
    search: searchSettingsFrom(e),
    suggestMembersPerRun: e.SUGGEST_MEMBERS_PER_RUN,
    ...(e.NOTIFY_WEBHOOK_URL ? { notifyWebhookUrl: e.NOTIFY_WEBHOOK_URL } : {}),
  };
}
