/** Tokenisation and stopword-filtered term statistics shared by chunking, generation, scoring and dedup. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below ' +
    'between both but by can could did do does doing down during each either etc few for from further had has ' +
    'have having he her here hers herself him himself his how however i if in into is it its itself just least ' +
    'less let may me might more most much must my myself no nor not now of off often on once one only or other ' +
    'our ours ourselves out over own per rather same shall she should so some such than that the their theirs ' +
    'them themselves then there these they this those through thus to too under until up upon us use used using ' +
    'very via was we were what when where whether which while who whom whose why will with within without would ' +
    'yes yet you your yours yourself yourselves'
  ).split(' '),
);

/** Words that question and instruction templates add; they say nothing about the source text. */
export const TEMPLATE_WORDS: ReadonlySet<string> = new Set(
  (
    'according answer based describe described document explain explained give guidance indicate key ' +
    'main passage point points reader read say says section significant situation stated summarize summarise ' +
    'summary text excerpt encounters practice relationship brief sentence'
  ).split(' '),
);

/** Lower-cased word tokens (letters and digits, inner apostrophes and hyphens kept). */
export const tokenize = (text: string): string[] =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .match(/[\p{L}\p{N}]+(?:['\u2019-][\p{L}\p{N}]+)*/gu) ?? [];

/** Tokens that carry meaning: not stopwords, not single characters. */
export const contentTokens = (text: string, ignore: ReadonlySet<string> = STOPWORDS): string[] =>
  tokenize(text).filter((t) => t.length > 1 && !STOPWORDS.has(t) && !ignore.has(t));

export const termFrequency = (text: string): Map<string, number> => {
  const tf = new Map<string, number>();
  for (const t of contentTokens(text)) tf.set(t, (tf.get(t) ?? 0) + 1);
  return tf;
};

/** The k most frequent content terms; ties go to the longer, then alphabetically first term (deterministic). */
export const topKeywords = (text: string, k: number): string[] =>
  [...termFrequency(text).entries()]
    .sort((a, b) => b[1] - a[1] || b[0].length - a[0].length || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, k)
    .map(([term]) => term);
