/** Tokens and cost as the API shows them. */
export interface UsageView {
  readonly input_tokens: number;
  readonly output_tokens: number;
  readonly cost_usd: number | null;
}

/** int8 sums arrive as text from the read model. */
export const usageView = (row: {
  readonly input_tokens: string;
  readonly output_tokens: string;
  readonly cost_usd: number | null;
}): UsageView => ({
  input_tokens: Number(row.input_tokens),
  output_tokens: Number(row.output_tokens),
  cost_usd: row.cost_usd === null ? null : Math.round(row.cost_usd * 1e6) / 1e6,
});
