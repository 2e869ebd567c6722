import { z } from 'zod';
import { pageFields, projectIdQuery } from '../http/paging';

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

/** `true`/`false` as a query string or multipart field carries it. */
const flagText = z.enum(['true', 'false'], { errorMap: () => ({ message: 'must be true or false' }) }).transform((v) => v === 'true');

/** `?allow_duplicate=true`: record an upload even when the project holds a document with the same content. */
export const uploadQuerySchema = z.object({ allow_duplicate: flagText.optional() }).strict();

export const createDocumentSchema = z
  .object({
    project_id: projectId,
    file_name: fileNameSchema,
    content: z.string().min(1, 'must not be empty'),
    chunk_size: chunkSize.optional(),
    chunk_overlap: chunkOverlap.optional(),
    allow_duplicate: z.boolean().optional(),
  })
  .strict();

/** The text fields of a multipart upload (files travel apart). */
export const uploadFieldsSchema = z
  .object({
    project_id: z.string().trim().min(1),
    chunk_size: chunkSize.optional(),
    chunk_overlap: chunkOverlap.optional(),
    allow_duplicate: flagText.optional(),
  })
  .strict();

export const chunkPageSchema = z.object(pageFields(100)).strict();

/** `GET /documents?project_id=`: a project's documents, newest first, a page at a time. */
export const documentListSchema = z.object({ project_id: projectIdQuery, ...pageFields(50) }).strict();
