import { CHUNKING_MODELS, FORMAT_TYPES, GENERATION_MODES, MODE_ALIASES, outputDirProblem, PARSING_MODELS } from '@compileo/domain';
import { isKnownPromptName, PROMPT_NAMES } from '@compileo/generation';
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
 * `parsing_model` / `chunking_model`: documents are parsed and chunked when uploaded, by built-in libraries
 * (each document records which, as `parsed_by` / `chunked_by`). No model can do either here, so a model name
 * is refused rather than recorded as if it had.
 */
const builtinOnly = (accepted: readonly string[], done: string, by: string) =>
  z
    .string()
    .trim()
    .refine((v) => accepted.includes(v), {
      message: `must be ${accepted.join(' or ')}: documents are ${done} when uploaded, by the built-in ${by}; no model does that on this server`,
    })
    .default(accepted[0]);

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
    parsing_model: builtinOnly(PARSING_MODELS, 'parsed', 'parsers (markdown, text, pdf-parse, mammoth, node-html-parser+turndown)'),
    chunking_model: builtinOnly(CHUNKING_MODELS, 'chunked', 'heading-aware chunker (chunk_size and chunk_overlap of the upload)'),
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
