import { costOf } from './pricing';

describe('costOf', () => {
  const prices = { 'gemini-2.5-flash': { input_per_million: 0.3, output_per_million: 2.5 } };

  it('prices input and output tokens per million', () => {
    expect(costOf(prices, 'gemini-2.5-flash', { inputTokens: 1_000_000, outputTokens: 200_000 })).toBeCloseTo(0.3 + 0.5, 10);
  });

  it('is null for a model without a price, or without a table', () => {
    expect(costOf(prices, 'ollama:llama3.1', { inputTokens: 10, outputTokens: 10 })).toBeNull();
    expect(costOf(undefined, 'gemini-2.5-flash', { inputTokens: 10, outputTokens: 10 })).toBeNull();
  });
});
