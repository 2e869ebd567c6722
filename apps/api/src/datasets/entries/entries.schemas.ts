import { FEEDBACK_TYPES } from '@compileo/domain';
import { ENTRY_SORTS } from '@compileo/read-models';
import { z } from 'zod';
import { pageFields } from '../../http/paging';

const entryId = z
  .string()
  .trim()
  .regex(/^entry_\d+$/, 'must be an entry id like entry_1');

export const entriesQuerySchema = z
  .object({
    ...pageFields(50),
    filter_quality: z.coerce.number().min(0).max(1).optional(),
    sort_by: z.enum(ENTRY_SORTS).default('quality'),
    status: z.enum(['accepted', 'rejected']).default('accepted'),
  })
  .strict();

export const feedbackQuerySchema = z
  .object({
    page: z.coerce.number().int().min(1).max(1_000_000).default(1),
    per_page: z.coerce.number().int().min(1).max(1000).default(100),
    entry_id: entryId.optional(),
  })
  .strict();

export const editEntrySchema = z
  .object({
    question: z.string().trim().min(1).max(20000).optional(),
    answer: z.string().trim().min(1).max(50000).optional(),
    category: z.string().trim().min(1).max(200).optional(),
    feedback: z.string().trim().min(1).max(5000).optional(),
    expected_version: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
  })
  .strict()
  .refine((v) => v.question !== undefined || v.answer !== undefined || v.category !== undefined || v.feedback !== undefined, {
    message: 'send at least one of question, answer, category, feedback',
  });

export const feedbackSchema = z
  .object({
    entry_ids: z.array(entryId).min(1, 'must list at least one entry').max(10000),
    feedback_type: z.enum(FEEDBACK_TYPES).default('bulk_edit'),
    comments: z.string().trim().max(5000).nullish(),
    rating: z.number().int().min(1).max(5).nullish(),
  })
  .strict();

export const regenerateSchema = z
  .object({
    entry_ids: z.array(entryId).min(1, 'must list at least one entry').max(10000),
    regeneration_config: z
      .object({
        model: z.string().trim().min(1).max(100).optional(),
        temperature: z.number().min(0).max(2).nullish(),
        max_tokens: z.number().int().min(1).max(32768).nullish(),
        improve_quality: z.boolean().default(false),
      })
      .strict(),
  })
  .strict();

/** `If-Match: 3`, `"3"` or `W/"3"`: the entry version the client last saw (a safe integer ≥ 1). */
export const ifMatchVersion = (header: string | undefined): number | null | 'invalid' => {
  if (header === undefined || header.trim() === '') return null;
  const match = /^(?:W\/)?"?(\d+)"?$/.exec(header.trim());
  // 400 digits parse to Infinity, and past 2^53 two versions compare equal: neither is a version.
  const version = match ? Number(match[1]) : NaN;
  return Number.isSafeInteger(version) && version >= 1 ? version : 'invalid';
};
