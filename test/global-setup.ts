/** Says once, at the start of a run, which database backends the suites run against. */
export default async function globalSetup(): Promise<void> {
  const backends = ['pglite'];
  if (process.env.TEST_DATABASE_URL) backends.push(`postgres (${process.env.TEST_DATABASE_URL})`);
  process.stdout.write(`\n[compileo tests] database backends: ${backends.join(', ')}\n`);
}
