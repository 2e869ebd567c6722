import { BUILTIN_PIPELINE, FORMAT_TYPES, GENERATION_MODES, MODE_ALIASES, outputDirProblem } from '@compileo/domain';
import { isKnownModelName, isKnownPromptName, PROMPT_NAMES } from '@compileo/generation';
import { z } from 'zod';
import { promptParameterFields } from '../parameters/parameters.schemas';

const mode = z
  .string()
  .transform((v) => MODE_ALIASES[v] ?? v)
  .pipe(
    z.enum(GENERATION_MODES, {
      errorMap: () => ({ message: `must be one of ${[...GENERATION_MODES, ...Object.keys(MODE_ALIASES)].join(', ')}` }),
    }),
  );

/**
 * `parsing_model` / `chunking_model`: recorded with the dataset as the contract says (default `gemini`), and
 * checked: a model this service knows, or `builtin`. Documents are parsed and chunked when uploaded, by
 * built-in libraries whatever these say; each document records what really did (`parsed_by`, `chunked_by`).
 */
const pipelineModel = z
  .string()
  .trim()
  .refine((v) => v === BUILTIN_PIPELINE || isKnownModelName(v), {
    message: `must be ${BUILTIN_PIPELINE} or a model name (extractive, gemini[-<model>], ollama[:<model>], openai:<model>)`,
  })
  .default('gemini');

/**
 * `POST /generate` with the contract's defaults. Model fields are optional here: an omitted
 * `classification_model` takes the server default (product.md §3). Inline prompt parameters override the
 * project's saved ones. Unknown fields are rejected rather than ignored.
 */
export const generateSchema = z
  .object({
    project_id: z.union([z.string().trim().min(1), z.number().int()]),
    prompt_name: z
      .string()
      .trim()
      .refine(isKnownPromptName, { message: `must be one of ${PROMPT_NAMES.join(', ')} (or send custom_prompt)` })
      .default('qa_pairs'),
    custom_prompt: z.string().max(20000).nullable().default(null),
    generation_mode: mode.default('default'),
    format_type: z.enum(FORMAT_TYPES).optional(),
    concurrency: z.number().int().min(1).max(32).default(1),
    include_evaluation_sets: z.boolean().default(false),
    taxonomy_project: z
      .union([z.string().trim().min(1), z.number().int()])
      .nullable()
      .default(null),
    taxonomy_name: z.string().trim().min(1).max(200).nullable().default(null),
    output_dir: z
      .string()
      .max(500)
      .superRefine((dir, ctx) => {
        const problem = outputDirProblem(dir);
        if (problem) ctx.addIssue({ code: z.ZodIssueCode.custom, message: problem });
      })
      .default('.'),
    analyze_quality: z.boolean().default(true),
    quality_threshold: z.number().min(0).max(1).default(0.7),
    enable_versioning: z.boolean().default(false),
    dataset_name: z.string().trim().min(1).max(200).nullable().default(null),
    run_benchmarks: z.boolean().default(false),
    benchmark_suite: z.string().trim().min(1).max(100).default('glue'),
    parsing_model: pipelineModel,
    chunking_model: pipelineModel,
    classification_model: z.string().trim().min(1).max(100).optional(),
    datasets_per_chunk: z.number().int().min(1).max(50).default(3),
    /** Estimate instead of starting: chunks, calls, tokens, cost, duration; nothing recorded. */
    dry_run: z.boolean().default(false),
    ...z.object(promptParameterFields).partial().shape,
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.taxonomy_project !== null && v.taxonomy_name === null) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['taxonomy_name'], message: 'is required when taxonomy_project is given' });
    }
  });

export type GenerateInput = z.output<typeof generateSchema>;
