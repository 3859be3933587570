/**
 * The languages the service speaks. Shared by the API's explanations (features) and the page kit
 * (src/web/), neither of which should import the other for it.
 */

/** Japanese (the default) or English. */
export type Lang = 'ja' | 'en';

export const LANGS = ['ja', 'en'] as const satisfies readonly Lang[];
