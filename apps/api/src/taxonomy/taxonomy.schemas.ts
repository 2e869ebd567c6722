import type { TaxonomyNode } from '@compileo/domain';
import { z } from 'zod';

const node: z.ZodType<TaxonomyNode> = z.lazy(() =>
  z
    .object({
      name: z.string().trim().min(1).max(200),
      description: z.string().max(2000).optional(),
      children: z.array(node).max(1000).optional(),
    })
    .strict(),
);

export const createTaxonomySchema = z
  .object({
    project_id: z.union([z.string().trim().min(1), z.number().int()]),
    name: z.string().trim().min(1).max(200),
    description: z.string().max(5000).nullish(),
    taxonomy: node,
  })
  .strict();
