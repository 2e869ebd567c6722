import { DIFFICULTIES } from '@compileo/domain';
import { PROMPT_TEMPLATES } from './prompt-templates';

/** Body of GET /config/default-prompts, built from the very templates generation uses. */
export const DEFAULT_PROMPTS_RESPONSE = {
  prompts: {
    'question and answer': PROMPT_TEMPLATES.qa_pairs,
    'instruction following': PROMPT_TEMPLATES.instruction,
    summarization: PROMPT_TEMPLATES.summarization,
    question: PROMPT_TEMPLATES.question,
    answer: PROMPT_TEMPLATES.answer,
    evaluation_qa: PROMPT_TEMPLATES.evaluation_qa,
  },
} as const;

/** Body of GET /config/high-level-prompts. */
export const HIGH_LEVEL_PROMPT_OPTIONS = {
  audience_defaults: ['general readers', 'students', 'healthcare professionals', 'researchers', 'software engineers', 'domain experts'],
  purpose_defaults: ['training', 'evaluation', 'patient education', 'research', 'fine-tuning', 'exam preparation'],
  complexity_options: [...DIFFICULTIES],
  domain_defaults: ['general', 'medicine', 'law', 'finance', 'technology', 'science', 'education'],
} as const;
