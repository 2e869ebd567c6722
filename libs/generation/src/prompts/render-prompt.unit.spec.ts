import { GENERATION_MODES } from '@compileo/domain';
import { renderPrompt, templateForMode } from './render-prompt';
import { PROMPT_TEMPLATES } from './prompt-templates';

describe('renderPrompt', () => {
  it('substitutes known placeholders and leaves unknown ones and JSON braces alone', () => {
    const out = renderPrompt('n={count} x={unknown} json={"a": 1} {}', { count: '3' });
    expect(out).toBe('n=3 x={unknown} json={"a": 1} {}');
  });

  it('inserts the chunk last and literally', () => {
    const chunk = 'Doc with {count} and {purpose}, $& $1 $$ {chunk} and {"json": true}';
    const out = renderPrompt('A {purpose} / {chunk} / {count}', { purpose: 'P', count: '2', chunk });
    expect(out).toBe(`A P / ${chunk} / 2`);
  });

  it('never re-scans substituted values', () => {
    expect(renderPrompt('{purpose}|{audience}', { purpose: '{audience}', audience: 'A' })).toBe('{audience}|A');
  });

  it('leaves {chunk} in place when no chunk is given', () => {
    expect(renderPrompt('x {chunk}', {})).toBe('x {chunk}');
  });
});

describe('templateForMode', () => {
  it('maps every mode to a template', () => {
    expect(GENERATION_MODES.map((m) => templateForMode(m).name)).toEqual([
      'qa_pairs',
      'qa_pairs',
      'question',
      'answer',
      'summarization',
      'instruction',
    ]);
  });

  it('lets a known prompt name win, accepts aliases, ignores unknown names', () => {
    expect(templateForMode('default', 'evaluation_qa')).toEqual({ name: 'evaluation_qa', template: PROMPT_TEMPLATES.evaluation_qa });
    expect(templateForMode('default', 'Instruction Following').name).toBe('instruction');
    expect(templateForMode('question', 'no_such_prompt').name).toBe('question');
  });

  it('does not let the default prompt name qa_pairs override a non-Q&A mode', () => {
    expect(templateForMode('summarization', 'qa_pairs').name).toBe('summarization');
    expect(templateForMode('qa_pairs', 'qa_pairs').name).toBe('qa_pairs');
  });
});
