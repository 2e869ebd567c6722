import { geminiCallHarness, promptOf } from '../remote/gemini-call-harness.fixture';
import { geminiGenerationConfig, type FakeReply, type FakeServer, type Script } from '../providers/testing';
import { ModelReplyError } from '../evaluation/model-reply';
import { judgePrompt, ModelJudge, parseRatings, type ModelJudgeOptions } from './model-judge';

const ITEM = {
  question: 'What does chlorophyll absorb?',
  answer: 'Blue and red light.',
  context: 'Chlorophyll absorbs mostly blue and red light.',
};

describe('judgePrompt', () => {
  it('lists each criterion with its definition, the text, the item and the JSON to reply with', () => {
    const prompt = judgePrompt(ITEM.question, ITEM.answer, 'Text with {braces} and $1.');
    expect(prompt).toContain('integer from 1 (very poor) to 5 (excellent)');
    expect(prompt).toContain('- question: the question is clear and well-formed.');
    expect(prompt).toContain('- answer: the answer is correct and complete with respect to the source text.');
    expect(prompt).toContain('- relevance: the question and answer are about the source text.');
    expect(prompt).toContain('- consistency: the answer is consistent with the source text and with the question.');
    expect(prompt).toContain('Text with {braces} and $1.');
    expect(prompt).toContain(`Question: ${ITEM.question}`);
    expect(prompt).toContain(`Answer: ${ITEM.answer}`);
    expect(prompt).toContain('"consistency": <1-5>');
    expect(judgePrompt('Q?', null, 't')).toContain('Answer: (none)');
  });
});

describe('parseRatings', () => {
  it('reads ratings in any key case, nested, as numeric strings; rounds and clamps', () => {
    expect(parseRatings('{"Question": 5, "ANSWER": "4/5", "relevance": 3.4, "consistency": 9}')).toEqual({
      question: 5,
      answer: 4,
      relevance: 3,
      consistency: 5,
    });
    expect(parseRatings('```json\n{"scores": {"question": 1, "answer": 2, "relevance": {"rating": 3}, "consistency": 0}}\n```')).toEqual({
      question: 1,
      answer: 2,
      relevance: 3,
      consistency: 1,
    });
    expect(parseRatings('{question: 4, answer: 4, relevance: 4, consistency: 4,')).toEqual({
      question: 4,
      answer: 4,
      relevance: 4,
      consistency: 4,
    });
  });

  it('rejects replies without all four ratings', () => {
    expect(() => parseRatings('{"question": 5, "answer": 5}')).toThrow(/relevance, consistency/);
    expect(() => parseRatings('Looks good to me.')).toThrow(ModelReplyError);
    expect(() => parseRatings('{"question": "great", "answer": 5, "relevance": 5, "consistency": 5}')).toThrow(/question/);
  });
});

describe('ModelJudge against a local Gemini API', () => {
  let server: FakeServer | null = null;
  afterEach(async () => {
    await server?.close();
    server = null;
  });

  const setup = async (script: Script<FakeReply>, options: ModelJudgeOptions = {}) => {
    const h = await geminiCallHarness(script);
    server = h.server;
    const judge = new ModelJudge(h.client, { ...h.options, ...options });
    return { server: h.server, judge, waits: h.waits, limiter: h.limiter, limiterWaits: h.limiterWaits };
  };

  it('sends the rubric prompt and schema, maps ratings to 0..1 and weights them (5,5,1,1 → 0.6)', async () => {
    const { server, judge } = await setup({
      kind: 'complete',
      text: '{"question": 5, "answer": 5, "relevance": 1, "consistency": 1}',
      inputTokens: 200,
      outputTokens: 20,
    });
    expect(judge.model).toBe('gemini-2.5-flash');
    const result = await judge.judge({ ...ITEM, signal: new AbortController().signal });
    expect(result).toEqual({
      scores: { question: 1, answer: 1, relevance: 0, consistency: 0 },
      score: 0.6,
      usage: { inputTokens: 200, outputTokens: 20 },
    });
    expect(promptOf(server.requests[0])).toBe(judgePrompt(ITEM.question, ITEM.answer, ITEM.context));
    const config = geminiGenerationConfig(server.requests[0]);
    expect(config).toMatchObject({
      temperature: 0,
      responseSchema: {
        type: 'OBJECT',
        required: ['question', 'answer', 'relevance', 'consistency'],
        properties: { question: { type: 'INTEGER' } },
      },
    });
  });

  it('retries a 429 (RetryInfo delay) and parses a fenced reply', async () => {
    const { server, judge, waits, limiter } = await setup([
      { kind: 'error', status: 429, retryDelay: '3s' },
      { kind: 'complete', text: 'My grades:\n```json\n{"question": 4, "answer": 3, "relevance": 5, "consistency": 2}\n```' },
    ]);
    const result = await judge.judge({ ...ITEM, signal: new AbortController().signal });
    expect(server.requests).toHaveLength(2);
    expect(waits).toEqual([3000]);
    expect(limiter.limit).toBe(2);
    expect(result.scores).toEqual({ question: 0.75, answer: 0.5, relevance: 1, consistency: 0.25 });
    // 0.25·0.75 + 0.35·0.5 + 0.25·1 + 0.15·0.25
    expect(result.score).toBe(0.65);
  });

  it('scores a missing answer as not applicable (1), whatever the model says', async () => {
    const { judge } = await setup({ kind: 'complete', text: '{"question": 5, "answer": 1, "relevance": 5, "consistency": 5}' });
    const result = await judge.judge({
      question: ITEM.question,
      answer: null,
      context: ITEM.context,
      signal: new AbortController().signal,
    });
    expect(result.scores.answer).toBe(1);
    expect(result.score).toBe(1);
  });

  it('fails on an unusable reply without retrying, and on a non-retryable error', async () => {
    const { server, judge } = await setup([
      { kind: 'complete', text: 'All fine.' },
      { kind: 'error', status: 403 },
    ]);
    await expect(judge.judge({ ...ITEM, signal: new AbortController().signal })).rejects.toBeInstanceOf(ModelReplyError);
    await expect(judge.judge({ ...ITEM, signal: new AbortController().signal })).rejects.toMatchObject({ status: 403 });
    expect(server.requests).toHaveLength(2);
  });

  it('rejects with an AbortError when the caller aborts', async () => {
    const { judge } = await setup({ kind: 'hang' });
    const controller = new AbortController();
    const pending = judge.judge({ ...ITEM, signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });
});
