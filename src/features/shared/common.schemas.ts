/**
 * Small shapes used across features: ids in paths, pagination, dates, vocabulary keys.
 */
import { z } from '@hono/zod-openapi';
import { EMPLOYMENT_TYPES, JOB_CATEGORIES, QUALIFICATIONS, SKILLS } from '../../../matching/vocabulary.ts';

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

export const PageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20).openapi({ description: 'At most 100' }),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

const keysOf = <T extends Record<string, unknown>>(record: T) =>
  Object.keys(record) as [keyof T & string, ...(keyof T & string)[]];

export const JobCategorySchema = z.enum(keysOf(JOB_CATEGORIES));
export const EmploymentTypeSchema = z.enum(keysOf(EMPLOYMENT_TYPES));
export const SkillTagSchema = z.enum(keysOf(SKILLS));
export const QualificationSchema = z.enum(keysOf(QUALIFICATIONS));
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
        ctx.addIssue({
          code: 'custom',
          path: [index],
          message: `duplicate ${label} (same as item ${first})`,
        });
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
