import { z } from 'zod';

export const createProjectSchema = z
  .object({
    name: z.string().trim().min(1, 'must not be empty').max(200),
    description: z.string().max(5000).nullish(),
  })
  .strict();
