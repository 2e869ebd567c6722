import type { TokenUsage } from './model-provider.port';

/** USD per million tokens, per model name as recorded with the dataset (e.g. `gemini-2.5-flash`). */
export type PriceTable = Readonly<Record<string, { readonly input_per_million: number; readonly output_per_million: number }>>;

/** The cost of `usage` on `model`, or null when the table has no price for it. */
export const costOf = (prices: PriceTable | undefined, model: string, usage: TokenUsage): number | null => {
  const price = prices?.[model];
  if (!price) return null;
  return (usage.inputTokens * price.input_per_million + usage.outputTokens * price.output_per_million) / 1_000_000;
};
