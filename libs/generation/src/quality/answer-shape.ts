import { analyse, isWord } from '../nlp/english';
import { unbalanced } from './text-shape';

const MODALS = new Set(['can', 'could', 'may', 'might', 'must', 'shall', 'should', 'will', 'would']);

/**
 * answer_completeness, 0..1: does the answer end as a finished sentence? 0 when it ends in a colon
 * ("…configure a transport like:", "…the following:"); 0.1 when its last word is a determiner, conjunction,
 * bare modal, or (without final punctuation) preposition ("…lead, tin and", "…each target may"); 0.2 after a comma, semicolon, dash or
 * ellipsis; 0.3 with unbalanced brackets, quotes or backticks; 0.85 without final punctuation; else 1.
 */
export const completenessScore = (answer: string): number => {
  const text = answer.trim().replace(/["'\u201d\u2019)\]]+$/, '');
  if (text === '') return 0;
  if (text.endsWith(':')) return 0;
  const tokens = analyse(text).tokens.filter(isWord);
  const last = tokens[tokens.length - 1];
  const finished = /[.!?]$/.test(text);
  // A sentence may end in a preposition ("…tap it underneath."); only an unpunctuated end is read as cut off there.
  const dangling = ['DET', 'CCONJ', 'SCONJ', ...(finished ? [] : ['ADP'])];
  if (last && (dangling.includes(last.pos) || (last.pos === 'AUX' && MODALS.has(last.lower)))) return 0.1;
  if (/(?:[,;\u2013\u2014-]|\.\.\.|\u2026)$/.test(text)) return 0.2;
  if (unbalanced(answer)) return 0.3;
  return finished ? 1 : 0.85;
};

const CODE_CHARS = /[{}[\]()<>=;|#*_/\\`$&^~]/g;
const INLINE_CODE = /`[^`\n]{1,60}`/g;
const MARKUP_LINE = /^\s*(?:#{1,6}\s|\||```|~~~|<\/?[a-z][^>]*>)/i;
const BULLET_LINE = /^\s*(?:[-*+]|\d+[.)])\s+/;

/**
 * answer_prose, 0..1: is the answer prose rather than code or markup? 0 for a fenced code block, an answer
 * that is mostly inline code, or an answer whose code characters (braces, brackets, `=`, `;`, `|`, `#`, `*`,
 * `/`, …) reach 10% of its non-space characters; falling linearly from 1 at 2%. Short inline code spans
 * inside a sentence ("the `level` option") count as one word. An answer with a heading, table row or HTML tag
 * scores at most 0.2; a bulleted list of two or more lines at most 0.4.
 */
export const proseScore = (answer: string): number => {
  const text = answer.trim();
  if (text === '' || /```|~~~/.test(text)) return 0;
  const inline = (text.match(INLINE_CODE) ?? []).join('').length;
  const visible = text.replace(/\s+/g, '').length;
  if (visible === 0 || inline / visible > 0.5) return 0;
  const prose = text.replace(INLINE_CODE, 'code');
  const codeChars = (prose.match(CODE_CHARS) ?? []).length / Math.max(1, prose.replace(/\s+/g, '').length);
  let score = 1 - Math.min(1, Math.max(0, (codeChars - 0.02) / 0.08));
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  if (lines.some((l) => MARKUP_LINE.test(l)) || /<\/?[a-z][a-z0-9]*(?:\s[^>]*)?>/i.test(text)) score = Math.min(score, 0.2);
  if (lines.filter((l) => BULLET_LINE.test(l)).length >= 2) score = Math.min(score, 0.4);
  return score;
};
