import { extractItems } from './providers/extractive.provider';
const TEXT = `## Diabetes

Diabetes is a chronic condition in which blood glucose levels stay too high. Insulin is a hormone made by the pancreas that lets cells absorb glucose.
Type 1 diabetes is an autoimmune disease that destroys insulin-producing beta cells. Patients with type 2 diabetes are often overweight and show insulin resistance.
- Common symptoms include frequent urination, excessive thirst and unexplained weight loss.
- Long-term complications affect the eyes, kidneys, nerves and cardiovascular system.

Treatment combines lifestyle changes, oral medication such as metformin, and insulin therapy when needed.`;
it('x', () => {
  for (const mode of ['default','question','instruction','summarization'] as const) {
    const items = extractItems({ chunk: { id: 'c', text: TEXT, heading: 'Diabetes', documentName: 'm.md' }, mode, count: 6, prompt: '', promptName: '', categories: null, parameters: { negativity_ratio: 0.5 }, variant: 0, avoid: [] });
    console.log(mode, JSON.stringify(items.map(i => [i.question, i.answer, i.metadata?.negative ?? false, i.metadata?.absent_terms]), null, 1));
  }
});
