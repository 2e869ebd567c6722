import { NEGATIVE_ANSWER } from '../negatives/negative-answer';
import { buildPrompt, negativesLine } from './build-prompt';
import { DEFAULT_PROMPTS_RESPONSE } from './default-prompts';
import { PROMPT_TEMPLATES } from './prompt-templates';

const base = { mode: 'default' as const, categories: null, count: 5, chunkText: 'Insulin lowers glucose.' };

describe('the {negatives} prompt line', () => {
  it('asks for round(count × ratio) negatives with the exact answer when the ratio is above 0', () => {
    const { prompt } = buildPrompt({ ...base, parameters: { negativity_ratio: 0.4 } });
    expect(prompt).toContain(
      `Make 2 of the 5 items questions that the text does NOT answer; their answer must be exactly: ${NEGATIVE_ANSWER}\nReturn only JSON`,
    );
    expect(prompt).not.toContain('{negatives}');
  });

  it('is absent, without leaving a blank line, when the ratio is 0, missing or rounds to 0', () => {
    for (const parameters of [{}, { negativity_ratio: 0 }, { negativity_ratio: 0.05 }]) {
      const { prompt } = buildPrompt({ ...base, parameters });
      expect(prompt).not.toContain('does NOT answer');
      expect(prompt).not.toContain('{negatives}');
      expect(prompt).toMatch(/expert\.\nReturn only JSON/);
    }
  });

  it('words the line per template and leaves summarization alone', () => {
    expect(buildPrompt({ ...base, mode: 'question', parameters: { negativity_ratio: 0.2 } }).prompt).toContain(
      'Make 1 of the 5 questions ones that the text does NOT answer',
    );
    expect(buildPrompt({ ...base, mode: 'instruction', parameters: { negativity_ratio: 0.2 } }).prompt).toContain(
      `their output must be exactly: ${NEGATIVE_ANSWER}`,
    );
    expect(buildPrompt({ ...base, mode: 'answer', parameters: { negativity_ratio: 0.2 } }).prompt).toContain(
      'Make 1 of the 5 items questions',
    );
    expect(buildPrompt({ ...base, promptName: 'evaluation_qa', parameters: { negativity_ratio: 0.2 } }).prompt).toContain(
      'Make 1 of the 5 items questions',
    );
    expect(buildPrompt({ ...base, mode: 'summarization', parameters: { negativity_ratio: 1 } }).prompt).not.toContain('NOT');
    expect(negativesLine('summarization', 5, 1)).toBe('');
  });

  it('fills {negatives} in a custom prompt only where the prompt asks for it', () => {
    expect(buildPrompt({ ...base, customPrompt: 'Ask {count}. {negatives}', parameters: { negativity_ratio: 0.2 } }).prompt).toContain(
      'Ask 5. Make 1 of the 5 items',
    );
    expect(buildPrompt({ ...base, customPrompt: 'Ask {count}.\n{negatives}\nGo.', parameters: {} }).prompt).toContain('Ask 5.\nGo.');
    expect(buildPrompt({ ...base, customPrompt: 'Ask {count}.', parameters: { negativity_ratio: 0.2 } }).prompt).not.toContain('NOT');
  });

  it('has the placeholder in every Q&A-like template, and the served defaults show it', () => {
    for (const name of ['qa_pairs', 'evaluation_qa', 'question', 'answer', 'instruction'] as const)
      expect(PROMPT_TEMPLATES[name]).toContain('\n{negatives}\n');
    expect(PROMPT_TEMPLATES.summarization).not.toContain('{negatives}');
    expect(DEFAULT_PROMPTS_RESPONSE.prompts['question and answer']).toContain('{negatives}');
  });
});
