import { z } from 'zod';

/** `page` (from 1) and `per_page` (1–1000) as every paged route reads them; `per_page` defaults per route. */
export const pageFields = (defaultPerPage: number) => ({
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  per_page: z.coerce.number().int().min(1).max(1000).default(defaultPerPage),
});

/** The rows to skip and take for a page. */
export const pageWindow = (q: { readonly page: number; readonly per_page: number }): { limit: number; offset: number } => ({
  limit: q.per_page,
  offset: (q.page - 1) * q.per_page,
});

/** `project_id` of a list route's query string: required, looked up as text. */
export const projectIdQuery = z.string().trim().min(1);
