import { buildPrompt, PROMPT_DEFAULTS } from './build-prompt';
import { DEFAULT_PROMPTS_RESPONSE, HIGH_LEVEL_PROMPT_OPTIONS } from './default-prompts';
import { PROMPT_TEMPLATES } from './prompt-templates';

const base = { mode: 'default' as const, categories: null, count: 3, chunkText: 'Insulin {count} lowers ${glucose}.' };

describe('buildPrompt', () => {
  it('renders the mode template with defaults and the literal chunk', () => {
    const { prompt, promptName } = buildPrompt(base);
    expect(promptName).toBe('qa_pairs');
    expect(prompt).toContain('Write exactly 3 distinct');
    expect(prompt).toContain(`Audience: ${PROMPT_DEFAULTS.audience}`);
    expect(prompt).toContain('Complexity: intermediate');
    expect(prompt).toContain('Insulin {count} lowers ${glucose}.');
    expect(prompt.replace(base.chunkText, '')).not.toMatch(
      /\{(count|purpose|audience|domain|complexity|question_style|answer_style|categories|chunk)\}/,
    );
  });

  it('puts extraction_rules in every template, and in a custom prompt through {extraction_rules}; none leaves no line', () => {
    const rules = 'only dosage and contraindications';
    for (const mode of ['default', 'question', 'answer', 'summarization', 'instruction'] as const) {
      expect(buildPrompt({ ...base, mode, parameters: { extraction_rules: rules } }).prompt).toContain(
        `Extraction rules (follow them when choosing what to write about and how): ${rules}`,
      );
    }
    const custom = buildPrompt({ ...base, customPrompt: 'Rules: {extraction_rules}\n{chunk}', parameters: { extraction_rules: rules } });
    expect(custom.prompt).toContain(rules);
    for (const none of [undefined, '  ', 'default']) {
      const { prompt } = buildPrompt({ ...base, parameters: { extraction_rules: none } });
      expect(prompt).not.toContain('Extraction rules');
      expect(prompt).not.toContain('{extraction_rules}');
      expect(prompt).toContain('Allowed categories: none given; use the topic of the text\n\nWrite exactly');
    }
  });

  it('uses parameters, with custom audience and purpose overriding', () => {
    const { prompt } = buildPrompt({
      ...base,
      mode: 'question',
      categories: ['Cardiology', 'Endocrinology'],
      parameters: {
        audience: 'students',
        custom_audience: '3rd year students',
        purpose: 'p',
        custom_purpose: 'board exams',
        domain: 'medicine',
        complexity_level: 'basic',
        question_style: 'analytical',
      },
    });
    expect(prompt).toContain('Audience: 3rd year students');
    expect(prompt).toContain('Purpose: board exams');
    expect(prompt).toContain('Domain: medicine');
    expect(prompt).toContain('Complexity: beginner');
    expect(prompt).toContain('Question style: analytical');
    expect(prompt).toContain('Allowed categories: Cardiology, Endocrinology');
  });

  it('lets a custom prompt replace the template, safely', () => {
    const out = buildPrompt({ ...base, customPrompt: 'Make {count} items for {audience}: {chunk} {mystery}', promptName: 'qa_pairs' });
    expect(out).toEqual({ prompt: `Make 3 items for general readers: ${base.chunkText} {mystery}`, promptName: 'custom' });
  });

  it('appends the chunk when a custom prompt omits it', () => {
    expect(buildPrompt({ ...base, customPrompt: 'Ask {count}.' }).prompt).toContain(
      'Ask 3.\n\nText:\n"""\nInsulin {count} lowers ${glucose}.\n"""',
    );
  });
});

describe('config responses', () => {
  it('serves the same template constants that generation uses', () => {
    expect(DEFAULT_PROMPTS_RESPONSE.prompts['question and answer']).toBe(PROMPT_TEMPLATES.qa_pairs);
    expect(DEFAULT_PROMPTS_RESPONSE.prompts['instruction following']).toBe(PROMPT_TEMPLATES.instruction);
    expect(DEFAULT_PROMPTS_RESPONSE.prompts.summarization).toBe(PROMPT_TEMPLATES.summarization);
    expect(Object.keys(DEFAULT_PROMPTS_RESPONSE.prompts)).toHaveLength(6);
  });

  it('offers the documented high-level options', () => {
    expect(HIGH_LEVEL_PROMPT_OPTIONS.complexity_options).toEqual(['beginner', 'intermediate', 'advanced', 'expert']);
    expect(HIGH_LEVEL_PROMPT_OPTIONS.domain_defaults[0]).toBe('general');
  });
});
