/**
 * The configuration both entries read from their environment (Node's `process.env`, a Worker's
 * `env`): the app's settings, search and notification delivery, checked with zod so a bad value
 * is refused with a message naming the variable instead of misbehaving later. Each entry adds
 * its own variables (a port, a file path, a D1 binding) to these.
 */
import { z } from 'zod';
import { type AppConfig, defaultConfig } from './deps.ts';

/** `true`/`false`/`1`/`0` as text, or a real boolean (wrangler.toml `[vars]` may be typed). */
export const booleanFlag = z.preprocess(
  (value) => (typeof value === 'boolean' ? String(value) : value),
  z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1'),
);

/** An empty value counts as unset (`MEILI_URL = ""` in wrangler.toml, `MEILI_URL=` in a shell). */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

/**
 * A comma-separated allow-list of web origins for CORS. Each must be exactly an origin (scheme,
 * host, optional port: no path, no trailing slash, no `*`), so a typo cannot widen it.
 */
const originList = z.preprocess(
  (value) =>
    typeof value === 'string'
      ? value
          .split(',')
          .map((origin) => origin.trim())
          .filter(Boolean)
      : value,
  z.array(
    z.string().refine((origin) => {
      try {
        const url = new URL(origin);
        return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === origin;
      } catch {
        return false;
      }
    }, 'each entry must be an origin such as https://app.example.jp (no path, no trailing slash, no *)'),
  ),
);

/** The variables both runtimes share; documented in the README's configuration table. */
export const sharedEnvFields = {
  NOTIFY_WEBHOOK_URL: optional(z.url({ protocol: /^https?$/ })),
  SUGGEST_MIN_SCORE: z.coerce.number().min(0).max(1).default(defaultConfig.suggestions.minScore),
  ROLE_OPEN_MATCH_QUOTA: z.coerce
    .number()
    .int()
    .min(1)
    .max(1000)
    .default(defaultConfig.suggestions.roleQuota),
  CHECK_IN_DAYS: z
    .string()
    .regex(/^\s*\d{1,3}(\s*,\s*\d{1,3})*\s*$/, 'days after a hire, comma-separated, e.g. 14,30,60,90')
    .transform((text) => [...new Set(text.split(',').map((d) => Number(d.trim())))].sort((a, b) => a - b))
    .refine((days) => days.every((d) => d >= 1 && d <= 730), 'each day between 1 and 730')
    .default([...defaultConfig.followUp.checkInDays]),
  AD_LIFETIME_DAYS: z.coerce.number().int().min(8).max(730).default(defaultConfig.roleExpiry.days),
  PASSWORD_REQUESTS_PER_CLIENT_PER_MINUTE: z.coerce
    .number()
    .int()
    .min(1)
    .max(100_000)
    .default(defaultConfig.passwordRequestsPerClientPerMinute),
  TRUST_PROXY: booleanFlag.default(false),
  CORS_ORIGINS: originList.default([]),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(defaultConfig.sessionTtlHours),
  MEMBER_SESSION_IDLE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(defaultConfig.sessionIdleHours.member),
  SESSION_IDLE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(defaultConfig.sessionIdleHours.other),
  MAX_SESSIONS_PER_ACCOUNT: z.coerce
    .number()
    .int()
    .min(1)
    .max(100)
    .default(defaultConfig.maxSessionsPerAccount),
  PUBLIC_URL: optional(z.url({ protocol: /^https?$/ })),
  MAIL_FROM: z.string().min(3).default('Yorisoi <no-reply@localhost>'),
  OPERATOR_NAME: z.string().min(1).default(defaultConfig.operator.name),
  OPERATOR_LICENCE: z.string().min(1).default(defaultConfig.operator.licence),
  OPERATOR_ADDRESS: z.string().default(defaultConfig.operator.address),
  CONTACT_EMAIL: z.email().default(defaultConfig.operator.contactEmail),
  MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(10 * 1024 * 1024)
    .default(defaultConfig.maxBodyBytes),
  MEILI_URL: optional(z.url()),
  MEILI_API_KEY: optional(z.string()),
  MEILI_SEARCH_KEY: optional(z.string()),
  MEILI_INDEX: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,100}$/)
    .default('roles'),
};

type SharedEnv = z.output<z.ZodObject<typeof sharedEnvFields>>;

/** A configuration that cannot run; the message names every offending variable. */
export class ConfigurationError extends Error {
  override name = 'ConfigurationError';
}

/**
 * Parses an environment with a schema built on `sharedEnvFields`, throwing a ConfigurationError
 * that lists each bad variable (and MEILI_API_KEY when MEILI_URL comes without it).
 * @example const env = parseEnv(z.object({ ...sharedEnvFields, PORT: z.coerce.number() }), process.env)
 */
export function parseEnv<S extends z.ZodType<SharedEnv>>(schema: S, env: unknown): z.output<S> {
  const parsed = schema.safeParse(env);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((issue) => `${issue.path.join('.') || '(env)'}: ${issue.message}`);
  if (parsed.success && parsed.data.MEILI_URL && !parsed.data.MEILI_API_KEY)
    problems.push('MEILI_API_KEY: required with MEILI_URL');
  if (!parsed.success || problems.length > 0)
    throw new ConfigurationError(`Invalid configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  return parsed.data;
}

/**
 * The app's settings from a parsed environment; `publicUrl` is the entry's fallback when
 * PUBLIC_URL is unset (Node: its own address).
 */
export function appConfigFrom(e: SharedEnv, publicUrl = defaultConfig.publicUrl): AppConfig {
  return {
    ...defaultConfig,
    sessionIdleHours: { member: e.MEMBER_SESSION_IDLE_HOURS, other: e.SESSION_IDLE_HOURS },
    maxSessionsPerAccount: e.MAX_SESSIONS_PER_ACCOUNT,
    publicUrl: (e.PUBLIC_URL ?? publicUrl).replace(/\/+$/, ''),
    operator: {
      name: e.OPERATOR_NAME,
      licence: e.OPERATOR_LICENCE,
      address: e.OPERATOR_ADDRESS,
      contactEmail: e.CONTACT_EMAIL,
    },
    suggestions: {
      ...defaultConfig.suggestions,
      minScore: e.SUGGEST_MIN_SCORE,
      roleQuota: e.ROLE_OPEN_MATCH_QUOTA,
    },
    followUp: { ...defaultConfig.followUp, checkInDays: e.CHECK_IN_DAYS },
    roleExpiry: { ...defaultConfig.roleExpiry, days: e.AD_LIFETIME_DAYS },
    trustProxy: e.TRUST_PROXY,
    passwordRequestsPerClientPerMinute: e.PASSWORD_REQUESTS_PER_CLIENT_PER_MINUTE,
    corsOrigins: e.CORS_ORIGINS,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    maxBodyBytes: e.MAX_BODY_BYTES,
  };
}

/** The search settings of a parsed environment; no `url` means "no configured Meilisearch". */
export function searchSettingsFrom(e: SharedEnv) {
  return {
    ...(e.MEILI_URL ? { url: e.MEILI_URL } : {}),
    ...(e.MEILI_API_KEY ? { apiKey: e.MEILI_API_KEY } : {}),
    ...(e.MEILI_SEARCH_KEY ? { searchKey: e.MEILI_SEARCH_KEY } : {}),
    indexUid: e.MEILI_INDEX,
  };
}
