import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..');
/** Where Jest looks for tests (jest.config.js `roots`), plus bench/, which must hold none. */
const DIRS = ['apps', 'libs', 'test', 'bench'];
const KIND = /\.(unit|int|e2e)\.spec\.ts$/;
/** Anything a test runner might take for a test file. */
const TESTISH = /\.(spec|test)\.[cm]?[jt]sx?$/;

const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === 'dist' ? [] : files(path);
    return [relative(ROOT, path)];
  });

describe('test files', () => {
  const all = DIRS.flatMap((dir) => files(join(ROOT, dir)));

  it('each say their kind in the name, so test:unit, test:int and test:e2e together run every test npm test runs', () => {
    expect(all.filter((f) => TESTISH.test(f) && !KIND.test(f))).toEqual([]);
    expect(all.filter((f) => KIND.test(f)).length).toBeGreaterThan(0);
  });

  it('live where Jest looks for them, not under bench/', () => {
    expect(all.filter((f) => f.startsWith('bench') && TESTISH.test(f))).toEqual([]);
  });
});
