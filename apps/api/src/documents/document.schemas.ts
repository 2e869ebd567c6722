import { z } from 'zod';

const projectId = z.union([z.string().trim().min(1), z.number().int()]);
const chunkSize = z.coerce.number().int().min(100).max(20000);
const chunkOverlap = z.coerce.number().int().min(0).max(10000);

/** A bare file name, as JSON and multipart uploads both take it: `x.md/` or `a/b.md` is a path, not a name. */
export const fileNameSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(255, 'must be at most 255 characters')
  .refine((name) => !/[/\\]/.test(name), 'must not contain a path separator (/ or \\)');

export const createDocumentSchema = z
  .object({
    project_id: projectId,
    file_name: fileNameSchema,
    content: z.string().min(1, 'must not be empty'),
    chunk_size: chunkSize.optional(),
    chunk_overlap: chunkOverlap.optional(),
  })
  .strict();

/** The text fields of a multipart upload (files travel apart). */
export const uploadFieldsSchema = z
  .object({
    project_id: z.string().trim().min(1),
    chunk_size: chunkSize.optional(),
    chunk_overlap: chunkOverlap.optional(),
  })
  .strict();

export const chunkPageSchema = z
  .object({
    page: z.coerce.number().int().min(1).max(1_000_000).default(1),
    per_page: z.coerce.number().int().min(1).max(1000).default(100),
  })
  .strict();
