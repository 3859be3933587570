/**
 * Small shapes used across features: ids in paths, pagination, dates, vocabulary keys.
 */
import { z } from '@hono/zod-openapi';
import { EMPLOYMENT_TYPES, JOB_CATEGORIES, QUALIFICATIONS, SKILLS } from '../../../matching/vocabulary.ts';
import { ruleIssue } from './rule-codes.ts';

export const IdParamSchema = z.object({
  id: z
    .uuid()
    .openapi({ param: { name: 'id', in: 'path' }, example: '3f1c2a8e-4b1d-4c55-9a43-1b2c3d4e5f60' }),
});

export const IsoDateSchema = z.iso.date().openapi({ example: '2027-04-01' });

/**
 * A yes/no query flag: `true` or `false`, or `on`, which is what a checked HTML checkbox sends
 * (the search page's form uses the same parsing as the API).
 */
export const QueryFlagSchema = z
  .enum(['true', 'false', 'on'])
  .transform((v) => v !== 'false')
  .openapi({ type: 'string', enum: ['true', 'false', 'on'] });

/** A prefecture by its JIS code, 01 (北海道) to 47 (沖縄県). */
export const PrefCodeSchema = z
  .string()
  .regex(/^(0[1-9]|[1-3]\d|4[0-7])$/, 'Use a JIS prefecture code 01–47');

export const PageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20).openapi({ description: 'At most 100' }),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

const keysOf = <T extends Record<string, unknown>>(record: T) =>
  Object.keys(record) as [keyof T & string, ...(keyof T & string)[]];

export const JobCategorySchema = z.enum(keysOf(JOB_CATEGORIES));
export const EmploymentTypeSchema = z.enum(keysOf(EMPLOYMENT_TYPES));
export const SkillTagSchema = z.enum(keysOf(SKILLS));
export const QualificationSchema = z.enum(keysOf(QUALIFICATIONS)).openapi({
  description: 'A key of the qualification vocabulary (matching/terms/qualifications.ts)',
});

/**
 * A qualification typed as text: a name the vocabulary knows (label, reading or alias, e.g. 宅建) is
 * stored as its key; any other text is kept as written and read as 要確認, never as "none".
 */
export const QualificationTextSchema = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .openapi({ example: 'ドローン操縦士' });

/** A list of typed qualifications, unique by what they say. */
export const otherQualificationsSchema = (description: string) =>
  z
    .array(QualificationTextSchema)
    .max(10)
    .superRefine(uniqueBy((q) => q, 'qualification'))
    .default([])
    .openapi({ description });
export const PayUnitSchema = z.enum(['hour', 'day', 'month', 'year']);

export const SkillWithLevelSchema = z
  .object({ tag: SkillTagSchema, level: z.union([z.literal(1), z.literal(2), z.literal(3)]) })
  .strict()
  .openapi('SkillWithLevel');

export const AreaCodeSchema = z
  .string()
  .regex(/^\d{6}$/, 'Use the 6-digit local government code')
  .openapi({ example: '141003' });

/** A list whose items must be unique by a key, with the duplicate's index in the message. */
export function uniqueBy<T>(key: (item: T) => string, label: string) {
  return (items: T[], ctx: z.RefinementCtx) => {
    const seen = new Map<string, number>();
    items.forEach((item, index) => {
      const k = key(item);
      const first = seen.get(k);
      if (first !== undefined)
        ctx.addIssue(ruleIssue('duplicate', `duplicate ${label} (same as item ${first})`, [index]));
      else seen.set(k, index);
    });
  };
}

export const listResponse = <T extends z.ZodTypeAny>(item: T, name: string) =>
  z
    .object({
      items: z.array(item),
      total: z.number().int(),
      limit: z.number().int(),
      offset: z.number().int(),
    })
    .openapi(name);

/** Hyphen-like characters a Japanese keyboard or a copied number may carry, all read as '-'. */
const HYPHENS = /[\u2010-\u2015\u2212\u30FC\uFF0D\uFF70]/g;

/**
 * Full-width digits and hyphens (and the long-vowel mark a kana keyboard types for one) as ASCII,
 * spaces removed: what a phone number or a postcode typed on a Japanese phone becomes.
 * @example normaliseDigitsAndHyphens('０９０ー１２３４－５６７８') // '090-1234-5678'
 */
export function normaliseDigitsAndHyphens(text: string): string {
  return text
    .replace(/[０-９]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(HYPHENS, '-')
    .replace(/[\s\u3000]/g, '');
}

/**
 * What a Japanese phone number looks like; a format check carries no code of its own, so forms
 * tell its refusal apart by this pattern.
 */
export const JAPANESE_PHONE_PATTERN = /^0\d{1,4}-?\d{1,4}-?\d{3,4}$/;

/** A Japanese phone number, full-width digits and hyphens accepted and stored in ASCII. */
export const JapanesePhoneSchema = z.preprocess(
  (value) => (typeof value === 'string' ? normaliseDigitsAndHyphens(value) : value),
  z.string().regex(JAPANESE_PHONE_PATTERN, 'Use a Japanese phone number, e.g. 090-1234-5678'),
);

/** A Japanese postcode (〒123-4567), full-width accepted, stored as '123-4567'. */
export const PostcodeSchema = z.preprocess(
  (value) => (typeof value === 'string' ? normaliseDigitsAndHyphens(value).replace(/^〒/, '') : value),
  z
    .string()
    .regex(/^\d{3}-?\d{4}$/, 'Use a postcode such as 123-4567')
    .transform((code) => `${code.slice(0, 3)}-${code.slice(-4)}`),
);
