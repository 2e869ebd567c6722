import { jsonrepair } from 'jsonrepair';
import { extractJson } from '../remote/parse-items';

/**
 * A model answered, but not in a usable form (no JSON, or JSON without the fields asked for). Not retried:
 * transport failures are ModelCallErrors; this is about the content, and the caller decides what it costs.
 */
export class ModelReplyError extends Error {
  constructor(
    message: string,
    /** The reply as received. */
    readonly reply: string,
  ) {
    super(message);
    this.name = 'ModelReplyError';
  }
}

export type JsonReply = { readonly found: true; readonly value: unknown } | { readonly found: false };

/**
 * The JSON in a model's reply, tolerating what models send: prose around it, ```json fences, broken or
 * truncated JSON (repaired with jsonrepair, only when plain parsing fails). `found: false` when the reply
 * holds no JSON at all (e.g. plain prose).
 */
export const parseJsonReply = (text: string): JsonReply => {
  const json = extractJson(text);
  if (json === null) return { found: false };
  try {
    return { found: true, value: JSON.parse(json) as unknown };
  } catch {
    // malformed: try to repair below
  }
  try {
    return { found: true, value: JSON.parse(jsonrepair(json)) as unknown };
  } catch {
    return { found: false };
  }
};

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The object's keys lower-cased and trimmed (`Answer`, ` RELEVANCE `): models are loose about case. */
export const lowerKeys = (value: Record<string, unknown>): Record<string, unknown> => {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const k = key
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, '_');
    if (!(k in out)) out[k] = v;
  }
  return out;
};
