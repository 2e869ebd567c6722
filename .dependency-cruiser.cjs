/** Architectural boundaries, checked on every `npm test` (see the README's architecture paragraph). */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'libs/domain holds events, commands and deciders: no Nest, no infrastructure, no other lib.',
      severity: 'error',
      from: { path: '^libs/domain' },
      to: { path: ['^libs/(?!domain)', '^apps', 'node_modules/(@nestjs|pg|@electric-sql|kafkajs|express)'] },
    },
    {
      name: 'libs-do-not-import-apps',
      severity: 'error',
      from: { path: '^libs' },
      to: { path: '^apps' },
    },
    {
      name: 'generation-and-export-are-infrastructure-free',
      comment: 'Model providers, prompts, quality and writers know nothing of the database or Nest.',
      severity: 'error',
      from: { path: '^libs/(generation|export)' },
      to: { path: ['^libs/(event-store|read-models|bus|platform)', 'node_modules/(@nestjs|pg|@electric-sql)'] },
    },
    {
      name: 'no-vendor-types-in-apps',
      comment: 'Apps use the ports; the pg, PGlite and Kafka clients live in the adapters.',
      severity: 'error',
      from: { path: '^apps' },
      to: { path: 'node_modules/(pg|@electric-sql|kafkajs)/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^dist|\\.spec\\.ts$|^test/)' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
  },
};
