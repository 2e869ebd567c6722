import { allKeys, contentKeys, focusKeys, withoutQuotes } from './lexical-keys';

describe('contentKeys', () => {
  it.each([
    ['A baked loaf.', ['bak', 'loaf']],
    ['Bake the loaf.', ['bake', 'loaf']],
    ['Ice forms.', ['ice', 'form']],
    ['It is smooth and elastic.', ['smoot', 'elast']],
    ['About 1,048,576 bytes.', ['1,048,576', 'byte']],
    ['Take 2 tablets.', ['take', '2', 'table']],
    ['Vitamin D is made in the skin.', ['vitam', 'skin']],
  ])('keys %j as %j', (text, keys) => expect(contentKeys(text)).toEqual(keys));
});

describe('allKeys', () => {
  it('holds words in every part of speech, not punctuation', () => {
    const keys = allKeys('Bake it, then cool it.');
    expect(keys.has('bake')).toBe(true);
    expect(keys.has('then')).toBe(true);
    expect(keys.has(',')).toBe(false);
    expect(keys.has('.')).toBe(false);
  });
});

describe('withoutQuotes', () => {
  it.each([
    ['What does the section "Getting started" say?', 'What does the section   say?'],
    ['What does the section \u201cOverview\u201d say?', 'What does the section   say?'],
    ["What does the section 'Getting started' say?", 'What does the section  say?'],
    ["'Overview': what is covered?", ' : what is covered?'],
    ["What is covered in 'Overview'?", 'What is covered in ?'],
    ["What is covered in 'Overview'", 'What is covered in '],
    ["How long is the dough's first rise?", "How long is the dough's first rise?"],
  ])('turns %j into %j', (text, expected) => expect(withoutQuotes(text)).toBe(expected));
});

describe('focusKeys', () => {
  it.each([
    ['What role does yeast play?', ['yeast']],
    ['What does the section say about kneading?', ['knead']],
    ['What is stated about kneading?', ['knead']],
    ['What does the section "Kneading" say about yeast?', ['yeast']],
  ])('keeps only the subject words of %j', (question, keys) => expect(focusKeys(question)).toEqual(keys));
});
