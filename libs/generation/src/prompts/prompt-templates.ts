/**
 * The prompt templates generation really uses (also served by GET /config/default-prompts). Placeholders:
 * {count} {purpose} {audience} {domain} {complexity} {question_style} {answer_style} {categories} {extraction_rules} {negatives} {chunk}.
 * `{extraction_rules}` stands on its own line too: the project's or request's `extraction_rules` ("Extraction
 * rules: ..."), dropped when there are none (absent, blank or the contract's `default`).
 * `{negatives}` stands on its own line: build-prompt fills it from negativity_ratio ("Make n of the count
 * items questions that the text does NOT answer; ...") and drops the line when there are none.
 * JSON examples use braces freely: only `{lower_snake}` names are placeholders, and unknown ones stay as is.
 */
const CONTEXT = `Purpose: {purpose}
Audience: {audience}
Domain: {domain}
Complexity: {complexity}
Question style: {question_style}
Answer style: {answer_style}
Allowed categories: {categories}
{extraction_rules}`;

const RULES = `Use only the text below; never add outside knowledge. Give each item one category from the allowed
list ("Other" if none fits) and a difficulty of beginner, intermediate, advanced or expert.`;

const TEXT = `Text:
"""
{chunk}
"""`;

export const QA_PAIRS_TEMPLATE = `You write question-and-answer pairs for a training dataset.
${CONTEXT}

Write exactly {count} distinct question-answer pairs that the text answers. ${RULES}
{negatives}
Return only JSON: {"items": [{"question": "...", "answer": "...", "category": "...", "difficulty": "..."}]}

${TEXT}`;

export const EVALUATION_QA_TEMPLATE = `You write evaluation questions that test understanding of a text.
${CONTEXT}

Write exactly {count} distinct questions, each with one short, unambiguous reference answer stated in the text,
suitable for exact-match and token-F1 scoring. ${RULES}
{negatives}
Return only JSON: {"items": [{"question": "...", "answer": "...", "category": "...", "difficulty": "..."}]}

${TEXT}`;

export const QUESTION_TEMPLATE = `You write questions for a dataset.
${CONTEXT}

Write exactly {count} distinct questions that the text answers. Do not answer them. ${RULES}
{negatives}
Return only JSON: {"items": [{"question": "...", "answer": null, "category": "...", "difficulty": "..."}]}

${TEXT}`;

export const ANSWER_TEMPLATE = `You write long-form answers for a dataset.
${CONTEXT}

Find exactly {count} distinct questions the text answers and write a complete, multi-sentence answer to each,
drawn from the text. ${RULES}
{negatives}
Return only JSON: {"items": [{"question": "...", "answer": "...", "category": "...", "difficulty": "..."}]}

${TEXT}`;

export const SUMMARIZATION_TEMPLATE = `You summarise sections of a document for a dataset.
${CONTEXT}

Write exactly {count} distinct summaries of the text (e.g. one sentence, key points, a full paragraph). Put
the instruction in "question", the summary in "answer" and the key points in "key_points". ${RULES}
Return only JSON: {"items": [{"question": "Summarize ...", "answer": "...", "key_points": ["..."], "category": "...", "difficulty": "..."}]}

${TEXT}`;

export const INSTRUCTION_TEMPLATE = `You write instruction-following examples for a dataset.
${CONTEXT}

Write exactly {count} distinct examples: an instruction, an input excerpt taken from the text, and the output
a helpful assistant would give, grounded in the text. ${RULES}
{negatives}
Return only JSON: {"items": [{"instruction": "...", "input": "...", "output": "...", "category": "...", "difficulty": "..."}]}

${TEXT}`;

export const PROMPT_TEMPLATES = {
  qa_pairs: QA_PAIRS_TEMPLATE,
  evaluation_qa: EVALUATION_QA_TEMPLATE,
  question: QUESTION_TEMPLATE,
  answer: ANSWER_TEMPLATE,
  summarization: SUMMARIZATION_TEMPLATE,
  instruction: INSTRUCTION_TEMPLATE,
} as const;

export type PromptName = keyof typeof PROMPT_TEMPLATES;
