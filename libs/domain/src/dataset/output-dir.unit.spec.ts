import { outputDirProblem, outputDirSegments } from '@compileo/domain';

describe('output_dir', () => {
  it.each(['.', '', 'runs', 'runs/2026-12/medical qa', './a//b/', 'a.b/..c'])('accepts %p', (dir) =>
    expect(outputDirProblem(dir)).toBeNull(),
  );

  it.each([
    ['../../etc', "'..'"],
    ['a/../../b', "'..'"],
    ['..', "'..'"],
    ['/etc', 'relative'],
    ['\\\\server\\share', 'relative'],
    ['C:/Windows', 'relative'],
    ['a\\..\\b', '/'],
    ['a\u0000b', 'NUL'],
    ['a\nb', 'control'],
  ])('refuses %p', (dir, why) => expect(outputDirProblem(dir)).toContain(why));

  it('normalises to the segments under DATA_DIR/exports/', () => {
    expect(outputDirSegments('.')).toEqual([]);
    expect(outputDirSegments('./a//b/')).toEqual(['a', 'b']);
  });
});
