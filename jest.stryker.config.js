/** Jest for StrykerJS (`npm run test:mutation`): the main config narrowed to the specs beside the code Stryker mutates
 * (the pipeline, the quality scorer and the providers), no e2e. Stryker runs the files related to a mutated file
 * (`enableFindRelatedTests`) and, in them, the tests that cover the mutant; each related file is loaded for every
 * mutant, and nearly every spec of libs/generation reaches the mutated code through the package's index, so
 * listing only the specs that target it is what keeps a run within minutes. STRYKER_SPECS=pipeline|quality|providers
 * narrows it to one area's specs, for a run that mutates that area alone (README, Tests). */
const base = require('./jest.config');

const AREAS = {
  pipeline: '<rootDir>/libs/jobs/src/pipeline/**/*.unit.spec.ts',
  quality: '<rootDir>/libs/generation/src/quality/**/*.unit.spec.ts',
  providers: '<rootDir>/libs/generation/src/providers/**/*.(unit|int).spec.ts',
};
const only = process.env.STRYKER_SPECS;

module.exports = {
  ...base,
  roots: ['<rootDir>/libs/generation/src', '<rootDir>/libs/jobs/src'],
  testMatch: only ? [AREAS[only]] : Object.values(AREAS),
  reporters: ['default'],
};
