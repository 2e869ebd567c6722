import { ANSWER_STYLES, AUGMENTATIONS, COMPLEXITY_LEVELS, FORMAT_TYPES, QUESTION_STYLES } from '@compileo/domain';
import { z } from 'zod';

const text = z.string().trim().min(1).max(500);

/** The prompt-shaping fields, shared by saved parameters and inline generation requests. */
export const promptParameterFields = {
  purpose: text,
  audience: text,
  extraction_rules: z.string().trim().min(1).max(5000),
  question_style: z.enum(QUESTION_STYLES),
  answer_style: z.enum(ANSWER_STYLES),
  negativity_ratio: z.number().min(0).max(1),
  data_augmentation: z.enum(AUGMENTATIONS),
  custom_audience: z.string().trim().max(500).nullable(),
  custom_purpose: z.string().trim().max(500).nullable(),
  complexity_level: z.enum(COMPLEXITY_LEVELS),
  domain: text,
};

export const saveParametersSchema = z
  .object({
    project_id: z.union([z.string().trim().min(1), z.number().int()]),
    purpose: promptParameterFields.purpose,
    audience: promptParameterFields.audience,
    extraction_rules: promptParameterFields.extraction_rules.default('default'),
    dataset_format: z.enum(FORMAT_TYPES),
    question_style: promptParameterFields.question_style.default('factual'),
    answer_style: promptParameterFields.answer_style.default('comprehensive'),
    negativity_ratio: promptParameterFields.negativity_ratio.default(0.1),
    data_augmentation: promptParameterFields.data_augmentation.default('none'),
    custom_audience: promptParameterFields.custom_audience.optional(),
    custom_purpose: promptParameterFields.custom_purpose.optional(),
    complexity_level: promptParameterFields.complexity_level.default('intermediate'),
    domain: promptParameterFields.domain.default('general'),
  })
  .strict();
