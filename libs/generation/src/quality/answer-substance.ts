import { analyse } from '../nlp/english';
import { isContent, keyOf } from './lexical-keys';

/** Words that fill an answer without informing: "It depends.", "Many.", "For various reasons." */
const VAGUE = new Set(
  'many much several some various few lot lots thing things stuff reason reasons depend depends way ways yes no yeah nope true false correct incorrect'.split(
    ' ',
  ),
);
const NAMING_POS = new Set(['NOUN', 'PROPN', 'NUM', 'ADJ']);

/**
 * answer_adequacy, 0..1: does the answer say something beyond the question? It counts the answer's
 * informative words (content words that are not vague fillers) whose keys the question does not already
 * hold: none → 0.05 ("Yes.", "It flushes." to "What does flush() do?", "The symptoms of asthma."); one → 0.8
 * when it names something (noun, number, adjective: "Metformin.") else 0.4; two or more → 1. Over 400 words → 0.8.
 */
export const adequacyScore = (answer: string, question: string | null): number => {
  const asked = new Set(analyse(question ?? '').tokens.map(keyOf));
  const tokens = analyse(answer).tokens;
  const novel = tokens.filter((t) => isContent(t) && !VAGUE.has(t.lower) && !VAGUE.has(t.lemma) && !asked.has(keyOf(t)));
  const distinct = new Map(novel.map((t) => [keyOf(t), t]));
  if (distinct.size === 0) return 0.05;
  if (distinct.size === 1) return NAMING_POS.has([...distinct.values()][0].pos) ? 0.8 : 0.4;
  return tokens.length > 480 ? 0.8 : 1;
};
