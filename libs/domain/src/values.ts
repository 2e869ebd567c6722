/** Value objects shared by the domain, generation and export. Pure data, no behaviour beyond lookups. */
export const GENERATION_MODES = ['default', 'qa_pairs', 'question', 'answer', 'summarization', 'instruction'] as const;
export type GenerationMode = (typeof GENERATION_MODES)[number];
/** Accepted spellings that map onto a mode. */
export const MODE_ALIASES: Readonly<Record<string, GenerationMode>> = { 'instruction following': 'instruction' };

export const DIFFICULTIES = ['beginner', 'intermediate', 'advanced', 'expert'] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];

export const COMPLEXITY_LEVELS = ['basic', 'beginner', 'intermediate', 'advanced', 'expert'] as const;
export type ComplexityLevel = (typeof COMPLEXITY_LEVELS)[number];

export const FORMAT_TYPES = ['jsonl', 'parquet'] as const;
export type FormatType = (typeof FORMAT_TYPES)[number];

export const SPLITS = ['train', 'validation', 'test'] as const;
export type Split = (typeof SPLITS)[number];

export const FEEDBACK_TYPES = ['bulk_edit', 'quality_issue', 'content_error'] as const;
export type FeedbackType = (typeof FEEDBACK_TYPES)[number];

export const QUESTION_STYLES = ['factual', 'analytical', 'case_based'] as const;
export const ANSWER_STYLES = ['concise', 'comprehensive', 'step_by_step'] as const;
export const AUGMENTATIONS = ['none', 'paraphrase', 'synonym_replacement'] as const;

/** The prompt-shaping parameters saved per project or sent inline. */
export interface PromptParameters {
  readonly purpose?: string;
  readonly audience?: string;
  readonly domain?: string;
  readonly complexity_level?: string;
  readonly question_style?: string;
  readonly answer_style?: string;
  readonly custom_audience?: string | null;
  readonly custom_purpose?: string | null;
  readonly extraction_rules?: string;
  readonly negativity_ratio?: number;
  readonly data_augmentation?: string;
}

/** What a model produced for one item, before ids, scores and bookkeeping. */
export interface GeneratedItem {
  readonly question: string | null;
  readonly answer: string | null;
  readonly category: string | null;
  readonly difficulty?: Difficulty;
  readonly instruction?: string;
  readonly input?: string;
  readonly output?: string;
  readonly metadata?: Readonly<Record<string, unknown>>;
}

/** The target difficulty a complexity level asks for. */
export const difficultyForComplexity = (level: string | undefined): Difficulty => {
  switch (level) {
    case 'basic':
    case 'beginner':
      return 'beginner';
    case 'advanced':
      return 'advanced';
    case 'expert':
      return 'expert';
    default:
      return 'intermediate';
  }
};
