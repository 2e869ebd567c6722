/** Architectural boundaries, checked on every `npm test` (see the README's architecture paragraph). */
const TEST_CODE = '(\\.spec\\.ts|\\.fixture\\.ts|\\.contract\\.ts)$|/testing/';

module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'libs/domain holds events, commands and deciders: no Nest, no infrastructure, no other lib.',
      severity: 'error',
      from: { path: '^libs/domain', pathNot: TEST_CODE },
      to: { path: ['^libs/(?!domain)', '^apps', 'node_modules/(@nestjs|pg|@electric-sql|kafkajs|express)'] },
    },
    {
      name: 'libs-do-not-import-apps',
      severity: 'error',
      from: { path: '^libs' },
      to: { path: '^apps' },
    },
    {
      name: 'apps-do-not-import-apps',
      comment: 'Each app is a composition root over the libraries; the embedded root lives in apps/api and hosts libs/jobs.',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'nothing-imports-the-root-test-folder',
      comment: 'Shared test support lives in libs/testing; test/ holds the end-to-end suites only.',
      severity: 'error',
      from: { path: '^(libs|apps|bench)/' },
      to: { path: '^test/' },
    },
    {
      name: 'production-code-does-not-import-test-support',
      severity: 'error',
      from: { path: '^(libs|apps)/', pathNot: TEST_CODE },
      to: { path: '^libs/testing/' },
    },
    {
      name: 'generation-and-export-are-infrastructure-free',
      comment: 'Model providers, prompts, quality and writers know nothing of the database or Nest.',
      severity: 'error',
      from: { path: '^libs/(generation|export)', pathNot: TEST_CODE },
      to: { path: ['^libs/(event-store|read-models|bus|platform|sql|jobs)', 'node_modules/(@nestjs|pg|@electric-sql)'] },
    },
    {
      name: 'no-vendor-types-in-apps',
      comment: 'Apps use the ports; the pg, PGlite and Kafka clients live in the adapters.',
      severity: 'error',
      from: { path: '^apps', pathNot: TEST_CODE },
      to: { path: 'node_modules/(pg|@electric-sql|kafkajs)/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: { pathNot: TEST_CODE },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^dist' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
  },
};
