/** Jest runs every *.spec.ts beside the code and under test/; each is named for its kind, *.unit.spec.ts, *.int.spec.ts or
 * *.e2e.spec.ts, which `npm run test:unit|test:int|test:e2e` select (`npm test` runs them all). ts-jest transpiles each file alone (isolatedModules in tsconfig.json);
 * `npm test` type-checks the whole tree first, so type errors still fail the run. */
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('./tsconfig.json');

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts'],
  transform: { '^.+\\.ts$': 'ts-jest' },
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/' }),
  // A hang guard only (no test asserts a duration): generous, so that a loaded machine is slow, not red.
  testTimeout: 180_000,
  maxWorkers: 2,
  reporters: ['default', '<rootDir>/test/summary-reporter.js'],
};
