import { answerPrompt, bestSentence, ExtractiveAnswerer, parseAnswer } from './answerer';
import { ModelReplyError } from './model-reply';

const CONTEXT = [
  '# Photosynthesis',
  '',
  'Plants need light to grow.',
  'Photosynthesis converts light energy into chemical energy stored in glucose.',
  'Chlorophyll absorbs mostly blue and red light.',
  '- The process releases oxygen as a by-product.',
].join('\n');

const signal = (): AbortSignal => new AbortController().signal;

describe('ExtractiveAnswerer', () => {
  const answerer = new ExtractiveAnswerer();

  it('is the offline extractive model', () => {
    expect(answerer.model).toBe('extractive');
  });

  it('answers with the context sentence sharing the most content words with the question', async () => {
    await expect(
      answerer.answer({ question: 'What does photosynthesis convert light energy into?', context: CONTEXT, signal: signal() }),
    ).resolves.toEqual({
      answer: 'Photosynthesis converts light energy into chemical energy stored in glucose.',
      usage: null,
    });
    const chlorophyll = await answerer.answer({
      question: 'According to the text, which light does chlorophyll absorb?',
      context: CONTEXT,
      signal: signal(),
    });
    expect(chlorophyll.answer).toBe('Chlorophyll absorbs mostly blue and red light.');
  });

  it('strips list markers and never answers with a heading', async () => {
    expect((await answerer.answer({ question: 'What does the process release?', context: CONTEXT, signal: signal() })).answer).toBe(
      'The process releases oxygen as a by-product.',
    );
    expect(bestSentence('Photosynthesis?', '# Photosynthesis\n\nNothing else here.')).toBe('');
  });

  it('breaks ties on overlap by density, then by position', () => {
    const text = 'Light matters for many reasons in many places and many plants. Light matters. Light matters too.';
    expect(bestSentence('Why does light matter?', text)).toBe('Light matters.');
  });

  it('gives an empty answer closed-book or without any overlap', async () => {
    await expect(answerer.answer({ question: 'What does photosynthesis convert?', context: null, signal: signal() })).resolves.toEqual({
      answer: '',
      usage: null,
    });
    expect((await answerer.answer({ question: 'Who won the 1998 World Cup?', context: CONTEXT, signal: signal() })).answer).toBe('');
  });

  it('rejects when already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(answerer.answer({ question: 'q', context: CONTEXT, signal: controller.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
  });
});

describe('answerPrompt', () => {
  it('asks closed-book questions from the model’s own knowledge', () => {
    const prompt = answerPrompt('What is X?', null);
    expect(prompt).toContain('Answer the question in one or two sentences from your own knowledge.');
    expect(prompt).toContain('Question: What is X?');
    expect(prompt).not.toContain('<text>');
  });

  it('asks with-context questions using only the text, inserting it verbatim', () => {
    const prompt = answerPrompt('What is X?', 'X is {chunk} $1 and {{y}}.');
    expect(prompt).toContain('Answer the question in one or two sentences using only this text:');
    expect(prompt).toContain('X is {chunk} $1 and {{y}}.');
    expect(prompt).toContain('{"answer"');
  });
});

describe('parseAnswer', () => {
  it('reads the answer field, fenced or not, keys in any case', () => {
    expect(parseAnswer('{"answer": "Paris"}')).toBe('Paris');
    expect(parseAnswer('Sure!\n```json\n{"Answer": " Paris. "}\n```')).toBe('Paris.');
    expect(parseAnswer('"Paris"')).toBe('Paris');
    expect(parseAnswer('{"answer": 42}')).toBe('42');
  });

  it('repairs broken JSON', () => {
    expect(parseAnswer('{"answer": "Paris is the capital')).toBe('Paris is the capital');
    expect(parseAnswer("{answer: 'Paris',}")).toBe('Paris');
  });

  it('takes a plain-prose reply as the answer', () => {
    expect(parseAnswer('  Paris is the capital of France.  ')).toBe('Paris is the capital of France.');
  });

  it('rejects empty replies and JSON without an answer', () => {
    expect(() => parseAnswer('  ')).toThrow(ModelReplyError);
    expect(() => parseAnswer('{"result": "Paris"}')).toThrow(/no "answer"/);
  });
});
