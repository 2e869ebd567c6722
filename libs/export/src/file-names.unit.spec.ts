import { contentTypeFor, datasetFileName, sanitizeFileNamePart } from './file-names';

describe('datasetFileName', () => {
  it.each([
    ['medical-qa', 1, 'jsonl', 'medical-qa_v1.jsonl'],
    ['medical qa', '1.2.0', 'parquet', 'medical_qa_v1.2.0.parquet'],
    ['a / b \\ "c"\r\n', 3, 'zip', 'a_b_c__v3.zip'],
    ['../../etc/passwd', 1, 'jsonl', '.._.._etc_passwd_v1.jsonl'],
    ['Données été 😀', 2, 'jsonl', 'Donnees_ete__v2.jsonl'],
    ['', 1, 'jsonl', '__v1.jsonl'],
    ['..', 1, 'jsonl', '__v1.jsonl'],
    ['keep_this.name-OK', 10, 'zip', 'keep_this.name-OK_v10.zip'],
  ])('%j v%s .%s -> %s', (name, version, ext, expected) => {
    expect(datasetFileName(name, version, ext)).toBe(expected);
  });

  it('only ever yields [A-Za-z0-9._-]', () => {
    const nasty = Array.from({ length: 256 }, (_, c) => String.fromCharCode(c)).join('') + '\u{1F600}\u2028';
    expect(datasetFileName(nasty, 1, 'jsonl')).toMatch(/^[A-Za-z0-9._-]+$/);
  });

  it('collapses runs of disallowed characters to one underscore', () => {
    expect(sanitizeFileNamePart('a  :: b')).toBe('a_b');
  });
});

describe('contentTypeFor', () => {
  it('maps each export extension', () => {
    expect(contentTypeFor('jsonl')).toBe('application/x-ndjson');
    expect(contentTypeFor('parquet')).toBe('application/vnd.apache.parquet');
    expect(contentTypeFor('zip')).toBe('application/zip');
  });
});
