/** Jest for StrykerJS (`npm run test:mutation`): the main config narrowed to the unit and database-free int specs of
 * libs/generation and libs/jobs, the code Stryker mutates (the pipeline, the quality scorer, the providers and their
 * remote call layer). No e2e: a mutant is tested by the specs beside the code, in seconds, not by the HTTP stack.
 * Stryker's `enableFindRelatedTests` narrows each run further to the specs that import the mutated file. */
const base = require('./jest.config');

module.exports = {
  ...base,
  roots: ['<rootDir>/libs/generation/src', '<rootDir>/libs/jobs/src'],
  testMatch: ['**/*.unit.spec.ts', '**/*.int.spec.ts'],
  reporters: ['default'],
};
