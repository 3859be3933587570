/**
 * The Worker's configuration: its `env` (the D1 binding, `[vars]` from wrangler.toml and secrets
 * set with `wrangler secret put`) checked with zod. The variables mean what they mean on Node
 * (`src/config.ts`); a bad one is refused with a message naming it.
 */
import { z } from 'zod';
import {
  appConfigFrom,
  ConfigurationError,
  parseEnv,
  searchSettingsFrom,
  sharedEnvFields,
} from '../../config.ts';
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
  MAIL_API_URL: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z.url({ protocol: /^https?$/ }).optional(),
  ),
  MAIL_API_KEY: z.preprocess((value) => (value === '' ? undefined : value), z.string().optional()),
  DB: z.custom<D1Binding>(isD1Binding, {
    message: 'a D1 database binding is required ([[d1_databases]] binding = "DB" in wrangler.toml)',
  }),
});

export interface WorkerConfig {
  database: D1Binding;
  app: AppConfig;
  search: ReturnType<typeof searchSettingsFrom>;
  notifyWebhookUrl?: string;
  /** An HTTP mail API (Resend's shape); without it mail waits in the outbox. */
  mail: { from: string; apiUrl?: string; apiKey?: string };
  suggestMembersPerRun: number;
}

/**
 * @example const config = readWorkerConfig(env) // throws ConfigurationError naming the variable
 */
export function readWorkerConfig(env: unknown): WorkerConfig {
  const e = parseEnv(WorkerEnvSchema, env);
  if (e.MAIL_API_URL && !e.MAIL_API_KEY)
    throw new ConfigurationError('Invalid configuration:\n  MAIL_API_KEY: required with MAIL_API_URL');
  return {
    mail: {
      from: e.MAIL_FROM,
      ...(e.MAIL_API_URL ? { apiUrl: e.MAIL_API_URL } : {}),
      ...(e.MAIL_API_KEY ? { apiKey: e.MAIL_API_KEY } : {}),
    },
    database: e.DB,
    app: appConfigFrom(e),
    search: searchSettingsFrom(e),
    suggestMembersPerRun: e.SUGGEST_MEMBERS_PER_RUN,
    ...(e.NOTIFY_WEBHOOK_URL ? { notifyWebhookUrl: e.NOTIFY_WEBHOOK_URL } : {}),
  };
}
