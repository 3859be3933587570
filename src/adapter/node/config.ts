/**
 * The Node service's configuration, read from environment variables and checked with zod so a
 * bad value stops the start with a clear message instead of misbehaving later. The variables
 * shared with the Workers entry are in `src/config.ts`; these are the Node-only ones.
 */
import { z } from 'zod';
import { appConfigFrom, booleanFlag, parseEnv, searchSettingsFrom, sharedEnvFields } from '../../config.ts';
import type { AppConfig } from '../../deps.ts';
import type { SearchConfig } from './search.ts';

const EnvSchema = z.object({
  ...sharedEnvFields,
  PORT: z.coerce.number().int().min(1).max(65535).default(8787),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_PATH: z.string().min(1).default('./data/yorisoi.db'),
  SEED_DEMO: booleanFlag.default(true),
  SUGGEST_INTERVAL_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(60),
  MEILI_DATA_DIR: z.string().min(1).default('./data/meili'),
  BACKUP_DIR: z.string().min(1).optional(),
  BACKUP_INTERVAL_HOURS: z.coerce
    .number()
    .min(0.01)
    .max(24 * 30)
    .default(24),
  BACKUP_KEEP: z.coerce.number().int().min(1).max(1000).default(7),
  MEILI_MAX_INDEXING_MEMORY: z.string().min(1).default('1 GiB'),
  SMTP_URL: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z.url({ protocol: /^smtps?$/ }).optional(),
  ),
  MAIL_DIR: z.string().min(1).default('./data/mail'),
  HEAP_GROWTH_PERCENT: z.coerce.number().int().min(10).max(300).default(30),
});

export interface NodeConfig {
  port: number;
  host: string;
  databasePath: string;
  seedDemo: boolean;
  /** Where notifications are POSTed; without it they are recorded and shown in the app only. */
  notifyWebhookUrl?: string;
  /** How often the service runs the suggestion job. */
  suggestIntervalMinutes: number;
  search: SearchConfig;
  /** Periodic online backups, when BACKUP_DIR is set: how often, and how many are kept. */
  backups?: { dir: string; intervalHours: number; keep: number };
  /** Outgoing mail: over SMTP when SMTP_URL is set, else kept as .eml files in `dir`. */
  mail: { from: string; smtpUrl?: string; dir: string };
  /**
   * How far V8 lets the heap grow past what the last full collection kept alive, in percent
   * (see main.ts): the service's memory follows its live data instead of V8's throughput default.
   */
  heapGrowthPercent: number;
  app: AppConfig;
}

/** @example const config = readNodeConfig(process.env) */
export function readNodeConfig(env: Record<string, string | undefined>): NodeConfig {
  const e = parseEnv(EnvSchema, env);
  return {
    port: e.PORT,
    host: e.HOST,
    databasePath: e.DATABASE_PATH,
    seedDemo: e.SEED_DEMO,
    suggestIntervalMinutes: e.SUGGEST_INTERVAL_MINUTES,
    ...(e.NOTIFY_WEBHOOK_URL ? { notifyWebhookUrl: e.NOTIFY_WEBHOOK_URL } : {}),
    ...(e.BACKUP_DIR
      ? { backups: { dir: e.BACKUP_DIR, intervalHours: e.BACKUP_INTERVAL_HOURS, keep: e.BACKUP_KEEP } }
      : {}),
    search: {
      ...searchSettingsFrom(e),
      dataDir: e.MEILI_DATA_DIR,
      maxIndexingMemory: e.MEILI_MAX_INDEXING_MEMORY,
    },
    mail: { from: e.MAIL_FROM, dir: e.MAIL_DIR, ...(e.SMTP_URL ? { smtpUrl: e.SMTP_URL } : {}) },
    heapGrowthPercent: e.HEAP_GROWTH_PERCENT,
    app: appConfigFrom(e, `http://${e.HOST}:${e.PORT}`),
  };
}
