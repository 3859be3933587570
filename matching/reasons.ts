/**
 * Reasons are data (a code and its parameters), not text, so one ranking can be shown in Japanese to
 * a member and in English to a volunteer, and the API can return both. `renderReason` turns one
 * into a sentence; the sentences themselves live in messages.ts.
 */
import { MESSAGES, type ReasonCode } from './messages.ts';
import type { Locale } from './types.ts';

export type { ReasonCode } from './messages.ts';

export type ReasonParam = number | string | readonly string[];
export type ReasonParams = Readonly<Record<string, ReasonParam>>;

/** Whether the reason speaks for the match, against it, or just informs. */
export type ReasonTone = 'positive' | 'neutral' | 'negative';

export interface Reason {
  code: ReasonCode;
  tone: ReasonTone;
  params: ReasonParams;
}

/** Both renderings at once, for API responses that must not depend on the caller's locale. */
export interface LocalizedText {
  ja: string;
  en: string;
}

/**
 * Builds a reason; a tiny helper so call sites read like sentences.
 *
 * @example reason('hours_within', 'positive', { hours: 20, max: 30 })
 */
export function reason(code: ReasonCode, tone: ReasonTone, params: ReasonParams = {}): Reason {
  return { code, tone, params };
}

/**
 * Renders a reason in Japanese (the default) or English.
 *
 * @example renderReason(reason('hours_within', 'positive', { hours: 20, max: 30 })) // '週20時間：ご希望の範囲内'
 * @example renderReason(r, 'en') // '20 h/week: within what you asked for'
 */
export function renderReason(r: Reason, locale: Locale = 'ja'): string {
  const m = MESSAGES[r.code];
  return locale === 'en' ? m.en(r.params) : m.ja(r.params);
}

/**
 * Renders a reason in both languages.
 *
 * @example localize(reason('blocked_employer', 'negative')).en // 'You have blocked this employer'
 */
export function localize(r: Reason): LocalizedText {
  const m = MESSAGES[r.code];
  return { ja: m.ja(r.params), en: m.en(r.params) };
}
