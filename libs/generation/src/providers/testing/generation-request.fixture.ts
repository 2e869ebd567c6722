import type { GenerationRequest } from '../../model-provider.port';

/** A generation request for one chunk of `text` (heading "Diabetes", document medicine.md), three default-mode items; override any field. */
export const chunkRequest = (text: string, overrides: Partial<GenerationRequest> = {}): GenerationRequest => ({
  chunk: { id: 'chunk-1', text, heading: 'Diabetes', documentName: 'medicine.md' },
  mode: 'default',
  count: 3,
  prompt: 'ignored',
  promptName: 'qa_pairs',
  categories: null,
  parameters: {},
  variant: 0,
  avoid: [],
  ...overrides,
});
