/**
 * Employer organisations as the API speaks them.
 */
import { z } from '@hono/zod-openapi';
import { AreaCodeSchema } from '../shared/common.schemas.ts';

export const OrganisationInputSchema = z
  .object({
    name: z.string().trim().min(1).max(100).openapi({ example: '株式会社みなと介護サービス' }),
    nameKana: z.string().trim().max(100).optional(),
    scale: z
      .enum(['local', 'national'])
      .openapi({ description: 'A local firm, or a national company with branches' }),
    corporateNumber: z
      .string()
      .regex(/^\d{13}$/, 'A corporate number (法人番号) has 13 digits')
      .optional(),
    headOfficeAreaCode: AreaCodeSchema,
    description: z.string().trim().max(2000).default(''),
    website: z
      .url({ protocol: /^https?$/ })
      .max(300)
      .optional(),
  })
  .strict()
  .openapi('OrganisationInput');

export const OrganisationSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    nameKana: z.string().nullable(),
    scale: z.enum(['local', 'national']),
    corporateNumber: z.string().nullable(),
    headOffice: z.object({ code: z.string(), name: z.string(), prefecture: z.string() }),
    description: z.string(),
    website: z.string().nullable(),
    verification: z.object({
      state: z.enum(['unverified', 'verified', 'rejected']),
      verifiedAt: z.string().nullable(),
    }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Organisation');

export const VerificationInputSchema = z
  .object({ state: z.enum(['verified', 'rejected']), note: z.string().trim().max(500).optional() })
  .strict()
  .openapi('VerificationInput');

export type OrganisationInput = z.infer<typeof OrganisationInputSchema>;
export type Organisation = z.infer<typeof OrganisationSchema>;
