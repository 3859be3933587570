/**
 * The reader's language and the message catalog. Japanese is the default; English is chosen with
 * the language switch and kept in a cookie, so a shared phone does not need an account to keep it.
 */
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { LANGS, type Lang } from '../lang.ts';
import { MESSAGES, type Messages } from './messages/index.ts';

export { LANGS, type Lang };
export const LANG_COOKIE = 'yorisoi_lang';

/** The language a request asks for: the cookie the switch set, else Japanese. */
export function langOf(c: Context): Lang {
  return getCookie(c, LANG_COOKIE) === 'en' ? 'en' : 'ja';
}

/** @example messagesFor('en').auth.signIn // 'Sign in' */
export function messagesFor(lang: Lang): Messages {
  return MESSAGES[lang];
}

/** A vocabulary label (skills, categories…) in the reader's language; unknown keys show as they are. */
export function labelOf(labels: Record<string, { ja: string; en: string }>, key: string, lang: Lang): string {
  return labels[key]?.[lang] ?? key;
}

/** The catalog in the language a request asks for. */
export const messagesOf = (c: Context): Messages => messagesFor(langOf(c));
