import { runMigrations, type SqlClient, type SqlExecutor } from '@compileo/sql';
import { testDatabases } from '@compileo/testing';
import { readModelMigrations } from '../read-model.migrations';
import { listProjectDatasets } from './datasets.queries';
import { listProjectDocuments } from './documents.queries';
import { listProjectJobs } from './jobs.queries';

/** Runs each statement of a query function as EXPLAIN instead, and keeps the plans. */
const explaining = (tx: SqlExecutor, plans: string[]): SqlExecutor => ({
  query: async <R>(sql: string, params?: readonly unknown[]) => {
    const { rows } = await tx.query<Record<string, string>>(`EXPLAIN ${sql}`, params);
    plans.push(rows.map((r) => Object.values(r)[0]).join('\n'));
    return { rows: [{ n: 0 }] as R[] };
  },
});

const PAGE = { limit: 20, offset: 40 };

/**
 * The list routes read indexes, not tables: with sequential scans and sorts priced out, every statement of
 * each list (its count and its page) is an index scan, and the page needs no sort (the index gives newest first).
 */
describe.each(testDatabases())('finding things again on $name', ({ create }) => {
  let sql: SqlClient;
  beforeAll(async () => {
    sql = await create();
    await runMigrations(sql, readModelMigrations);
  });
  afterAll(() => sql.close());

  const plansOf = (list: (tx: SqlExecutor) => Promise<unknown>): Promise<string[]> =>
    sql.transaction(async (tx) => {
      // Priced out, a sequential scan or a sort still appears when no index can serve the filter and the order.
      for (const plan of ['seqscan', 'bitmapscan', 'sort']) await tx.query(`SET LOCAL enable_${plan} = off`);
      const plans: string[] = [];
      await list(explaining(tx, plans));
      return plans;
    });

  it.each([
    ['datasets', (tx: SqlExecutor) => listProjectDatasets(tx, 'p1', PAGE)],
    ['documents', (tx: SqlExecutor) => listProjectDocuments(tx, 'p1', PAGE)],
    ['jobs', (tx: SqlExecutor) => listProjectJobs(tx, 'p1', null, PAGE)],
    ['jobs of a status', (tx: SqlExecutor) => listProjectJobs(tx, 'p1', 'running', PAGE)],
  ])('%s: index scans, no sort', async (_name, list) => {
    const [count, page] = await plansOf(list);
    for (const plan of [count, page]) {
      expect(plan).toMatch(/Index/);
      expect(plan).not.toMatch(/Seq Scan/);
    }
    expect(page).not.toMatch(/Sort/);
  });
});
