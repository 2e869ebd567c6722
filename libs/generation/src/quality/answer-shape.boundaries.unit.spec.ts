import { completenessScore, proseScore } from './answer-shape';

describe('completenessScore edges', () => {
  it('is 0 for an empty answer and reads past closing quotes and brackets', () => {
    expect(completenessScore('   ')).toBe(0);
    expect(completenessScore('He said "it works."')).toBe(1);
    expect(completenessScore("It is called 'the rule.'")).toBe(1);
    expect(completenessScore('(It ends here.)')).toBe(1);
    expect(completenessScore('See the list:"')).toBe(0);
  });

  it('is 0.2 after a semicolon, a dash or an ellipsis', () => {
    expect(completenessScore('Common symptoms include thirst;')).toBe(0.2);
    expect(completenessScore('Common symptoms include thirst -')).toBe(0.2);
    expect(completenessScore('Common symptoms include thirst \u2014')).toBe(0.2);
    expect(completenessScore('Common symptoms include thirst...')).toBe(0.2);
    expect(completenessScore('Common symptoms include thirst\u2026')).toBe(0.2);
  });

  it('reads a final preposition as cut off only without final punctuation', () => {
    expect(completenessScore('The dough is left to rise in')).toBe(0.1);
    expect(completenessScore('Tap the loaf and listen to what it sounds like.')).toBe(1);
    expect(completenessScore('The result depends on whether')).toBe(0.1);
    expect(completenessScore('Each target should')).toBe(0.1);
    expect(completenessScore('Each target has')).toBe(0.85);
  });

  it('is 0.3 with unbalanced brackets even when the sentence ends', () => {
    expect(completenessScore('Set the level option (default info.')).toBe(0.3);
    expect(completenessScore('Set the level option (default info).')).toBe(1);
  });
});

describe('proseScore edges', () => {
  it('is 0 for an empty answer, a fence of tildes, or mostly inline code', () => {
    expect(proseScore('')).toBe(0);
    expect(proseScore('~~~\nrun it\n~~~')).toBe(0);
    expect(proseScore('Use `logger.info(msg)`.')).toBe(0);
  });

  it('falls linearly from 1 at 2% code characters to 0 at 10%', () => {
    // 50 visible characters each: 1 code character is 2%, 3 are 6%, 5 are 10%.
    const base = 'abcdefghij'.repeat(5);
    const withCode = (n: number): string => `${'='.repeat(n)}${base.slice(n)}`;
    expect(proseScore(withCode(1))).toBe(1);
    expect(proseScore(withCode(3))).toBeCloseTo(0.5, 10);
    expect(proseScore(withCode(5))).toBe(0);
    expect(proseScore(withCode(8))).toBe(0);
  });

  it('counts a short inline code span as one word', () => {
    expect(proseScore('Set `a=b;c=d` before the logger starts writing its lines out.')).toBe(1);
  });

  it('caps headings, tables and HTML at 0.2, and a bulleted list of two or more lines at 0.4', () => {
    expect(proseScore('# Title\nSome words follow here.')).toBe(0.2);
    expect(proseScore('The answer is <b>bold</b> here, and the rest of the sentence is long and plain prose text.')).toBe(0.2);
    expect(proseScore('Then comes a line break <br> and the rest of this sentence, which is long and plain.')).toBe(0.2);
    expect(proseScore('- one item\n- another item')).toBe(0.4);
    expect(proseScore('1. one item\n2) another item')).toBe(0.4);
    expect(proseScore('- just one item')).toBe(1);
    expect(proseScore('A sentence with 1 number and - a dash.')).toBe(1);
  });
});
