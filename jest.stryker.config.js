/** Jest for StrykerJS (`npm run test:mutation`): the main config narrowed to the specs beside the code Stryker mutates
 * (the pipeline, the quality scorer and the providers), no e2e. Stryker runs the files related to a mutated file
 * (`enableFindRelatedTests`) and, in them, the tests that cover the mutant; each related file is loaded for every
 * mutant, and nearly every spec of libs/generation reaches the mutated code through the package's index, so
 * listing only the specs that target it is what keeps a run within minutes. */
const base = require('./jest.config');

module.exports = {
  ...base,
  roots: ['<rootDir>/libs/generation/src', '<rootDir>/libs/jobs/src'],
  testMatch: [
    '<rootDir>/libs/jobs/src/pipeline/**/*.unit.spec.ts',
    '<rootDir>/libs/generation/src/quality/**/*.unit.spec.ts',
    '<rootDir>/libs/generation/src/providers/**/*.(unit|int).spec.ts',
  ],
  reporters: ['default'],
};
