/**
 * The Node service's configuration, read from environment variables and checked with zod so a
 * bad value stops the start with a clear message instead of misbehaving later.
 */
import { z } from 'zod';
import { type AppConfig, defaultConfig } from '../../deps.ts';
import type { SearchConfig } from './search.ts';

const booleanFlag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(8787),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_PATH: z.string().min(1).default('./data/yorisoi.db'),
  SEED_DEMO: booleanFlag.default(true),
  NOTIFY_WEBHOOK_URL: z.url({ protocol: /^https?$/ }).optional(),
  SUGGEST_MIN_SCORE: z.coerce.number().min(0).max(1).default(defaultConfig.suggestions.minScore),
  ROLE_OPEN_MATCH_QUOTA: z.coerce
    .number()
    .int()
    .min(1)
    .max(1000)
    .default(defaultConfig.suggestions.roleQuota),
  SUGGEST_INTERVAL_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(60),
  TRUST_PROXY: booleanFlag.default(false),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(defaultConfig.sessionTtlHours),
  MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(10 * 1024 * 1024)
    .default(defaultConfig.maxBodyBytes),
  MEILI_URL: z.url().optional(),
  MEILI_API_KEY: z.string().min(1).optional(),
  MEILI_SEARCH_KEY: z.string().min(1).optional(),
  MEILI_INDEX: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,100}$/)
    .default('roles'),
  MEILI_DATA_DIR: z.string().min(1).default('./data/meili'),
  MEILI_MAX_INDEXING_MEMORY: z.string().min(1).default('1 GiB'),
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
  app: AppConfig;
}

/** @example const config = readNodeConfig(process.env) */
export function readNodeConfig(env: Record<string, string | undefined>): NodeConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `  ${issue.path.join('.')}: ${issue.message}`)
      .join('\n');
    throw new Error(`Invalid configuration:\n${problems}`);
  }
  const e = parsed.data;
  if (e.MEILI_URL && !e.MEILI_API_KEY)
    throw new Error('Invalid configuration:\n  MEILI_API_KEY: required with MEILI_URL');
  return {
    port: e.PORT,
    host: e.HOST,
    databasePath: e.DATABASE_PATH,
    seedDemo: e.SEED_DEMO,
    suggestIntervalMinutes: e.SUGGEST_INTERVAL_MINUTES,
    ...(e.NOTIFY_WEBHOOK_URL ? { notifyWebhookUrl: e.NOTIFY_WEBHOOK_URL } : {}),
    search: {
      ...(e.MEILI_URL ? { url: e.MEILI_URL } : {}),
      ...(e.MEILI_API_KEY ? { apiKey: e.MEILI_API_KEY } : {}),
      ...(e.MEILI_SEARCH_KEY ? { searchKey: e.MEILI_SEARCH_KEY } : {}),
      indexUid: e.MEILI_INDEX,
      dataDir: e.MEILI_DATA_DIR,
      maxIndexingMemory: e.MEILI_MAX_INDEXING_MEMORY,
    },
    app: {
      ...defaultConfig,
      suggestions: {
        ...defaultConfig.suggestions,
        minScore: e.SUGGEST_MIN_SCORE,
        roleQuota: e.ROLE_OPEN_MATCH_QUOTA,
      },
      trustProxy: e.TRUST_PROXY,
      sessionTtlHours: e.SESSION_TTL_HOURS,
      maxBodyBytes: e.MAX_BODY_BYTES,
    },
  };
}
