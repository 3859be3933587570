/**
 * Numbers typed on a Japanese phone keyboard: full-width digits, full-width and kana hyphens.
 */
import { describe, expect, it } from 'vitest';
import { JapanesePhoneSchema, normaliseDigitsAndHyphens, PostcodeSchema } from './common.schemas.ts';

describe('digits and hyphens as typed in Japanese', () => {
  it('reads full-width digits, hyphens and the long-vowel mark as ASCII', () => {
    expect(normaliseDigitsAndHyphens('０９０ー１２３４－５６７８')).toBe('090-1234-5678');
    expect(normaliseDigitsAndHyphens('090‐1234−5678')).toBe('090-1234-5678');
    expect(normaliseDigitsAndHyphens('０３　１２３４　５６７８')).toBe('0312345678');
  });

  it('accepts and stores a full-width phone number in ASCII, and still refuses a wrong one', () => {
    expect(JapanesePhoneSchema.parse('０８０－１２３４－５６７８')).toBe('080-1234-5678');
    expect(JapanesePhoneSchema.safeParse('１２３').success).toBe(false);
  });

  it('accepts postcodes with or without 〒 and hyphen, full-width or not', () => {
    expect(PostcodeSchema.parse('〒１２３－４５６７')).toBe('123-4567');
    expect(PostcodeSchema.parse('1234567')).toBe('123-4567');
    expect(PostcodeSchema.safeParse('12-34567').success).toBe(false);
  });
});
