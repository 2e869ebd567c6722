import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startProcess, startService, stopAllServices, stopService, type ServiceProcess } from './support/service-process';

const MAIN = join(__dirname, '..', 'dist', 'apps', 'api', 'src', 'main.js');

interface LogLine {
  level: number;
  msg: string;
  variable?: string;
}

const logLines = (service: ServiceProcess): LogLine[] =>
  service
    .output()
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((line) => {
      try {
        return JSON.parse(line) as LogLine;
      } catch {
        throw new Error(`not a JSON log line: ${line}`);
      }
    });

/** The one fatal line of a refused start: it names DATA_DIR and the holder's pid. */
const refusal = (service: ServiceProcess): LogLine => {
  const errors = logLines(service).filter((l) => l.level >= 50);
  expect(errors).toHaveLength(1);
  expect(errors[0].variable).toBe('DATA_DIR');
  return errors[0];
};

/** `node main.js` on `port`, not waited for: it either serves /health or exits. */
const launch = async (dataDir: string): Promise<{ service: ServiceProcess; port: number }> => {
  const port = await freePort();
  const service = await startProcess({
    args: [MAIN],
    env: { LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir },
    baseUrl: `http://127.0.0.1:${port}`,
  });
  return { service, port };
};

/** Resolves 'serving' once /health answers or 'exited' once the process has ended; the test's timeout bounds it. */
const outcome = async (service: ServiceProcess): Promise<'serving' | 'exited'> => {
  let exited = false;
  void service.exited.then(() => (exited = true));
  for (;;) {
    if (exited) return 'exited';
    try {
      if ((await fetch(`${service.baseUrl}/health`)).ok) return 'serving';
    } catch {
      // not listening (yet)
    }
    await new Promise((r) => setTimeout(r, 50));
  }
};

/** Must-have 7 of issue 7: one process owns an embedded DATA_DIR. */
describe('the DATA_DIR lock', () => {
  jest.setTimeout(120_000);
  let dataDir: string;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'compileo-lock-'));
  });

  // Also after a failed assertion: no process outlives its test.
  afterEach(async () => {
    await stopAllServices();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses a second process with one line naming the holder, and is taken over after the holder is killed', async () => {
    const firstPort = await freePort();
    const first = await startService({ DATA_DIR: dataDir }, firstPort);

    const { service: second } = await launch(dataDir);
    await second.exited;
    expect(second.child.exitCode).toBe(1);
    const line = refusal(second);
    expect(line.msg).toContain(`pid ${first.child.pid}`);
    expect(line.msg).toContain(`port ${firstPort}`);
    expect((await fetch(`${first.baseUrl}/health`)).ok).toBe(true); // the holder is untouched

    await stopService(first, 'SIGKILL'); // leaves its lock file behind
    expect(existsSync(join(dataDir, 'compileo.lock'))).toBe(true);
    const third = await startService({ DATA_DIR: dataDir }, await freePort());
    expect((await fetch(`${third.baseUrl}/health`)).ok).toBe(true);
  });

  it('is released on a clean shutdown', async () => {
    const first = await startService({ DATA_DIR: dataDir }, await freePort());
    expect(existsSync(join(dataDir, 'compileo.lock'))).toBe(true);
    await stopService(first, 'SIGTERM'); // Nest closes the app, then re-raises the signal
    expect(first.output()).not.toMatch(/"level":(50|60)/);
    expect(existsSync(join(dataDir, 'compileo.lock'))).toBe(false);
  });

  it('has exactly one owner when two processes start at once, on a fresh directory and over a killed holder', async () => {
    for (let round = 0; round < 3; round++) {
      const [a, b] = await Promise.all([launch(dataDir), launch(dataDir)]);
      const results = await Promise.all([outcome(a.service), outcome(b.service)]);
      expect([...results].sort()).toEqual(['exited', 'serving']);
      const [winner, loser] = results[0] === 'serving' ? [a.service, b.service] : [b.service, a.service];
      expect(loser.child.exitCode).toBe(1);
      expect(refusal(loser).msg).toContain(`pid ${winner.child.pid}`);
      await stopService(winner, 'SIGKILL'); // the next round races over a stale lock
    }
  });

  it('is not taken with DATABASE_URL set (PostgreSQL is shared by design)', async () => {
    // A PGlite holder runs; a PostgreSQL process on the same DATA_DIR is not refused for it: it gets as far as the
    // database (nothing listens on port 1) and names DATABASE_URL.
    const holder = await startService({ DATA_DIR: dataDir }, await freePort());
    const pg = await startProcess({
      args: [MAIN],
      env: { HOST: '127.0.0.1', PORT: String(await freePort()), DATA_DIR: dataDir, DATABASE_URL: 'postgres://x@127.0.0.1:1/x' },
    });
    await pg.exited;
    expect(logLines(pg).find((l) => l.level >= 50)?.variable).toBe('DATABASE_URL');
    expect((await fetch(`${holder.baseUrl}/health`)).ok).toBe(true);
  });
});
