import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './support/service-process';

const MAIN = join(__dirname, '..', 'dist', 'apps', 'api', 'src', 'main.js');

/** A start-up failure is one JSON log line naming the setting to fix, and a non-zero exit code. */
describe('start-up failures', () => {
  const children: ChildProcess[] = [];
  let dataDir: string;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'compileo-startup-'));
  });

  afterEach(() => {
    for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  const run = (env: Record<string, string>): Promise<{ code: number | null; lines: string[] }> =>
    new Promise((resolve) => {
      const child = spawn(process.execPath, [MAIN], {
        env: { ...process.env, NODE_OPTIONS: '', HOST: '127.0.0.1', DATA_DIR: dataDir, ...env },
        stdio: 'pipe',
      });
      children.push(child);
      let output = '';
      child.stdout.on('data', (d) => (output += d));
      child.stderr.on('data', (d) => (output += d));
      const timer = setTimeout(() => child.kill('SIGKILL'), 40_000);
      child.once('close', (code) => {
        clearTimeout(timer);
        resolve({ code, lines: output.split('\n').filter((l) => l.trim() !== '') });
      });
    });

  const expectOneFailureLine = (lines: string[], variable: string): void => {
    const parsed = lines.map((line) => {
      try {
        return JSON.parse(line) as { level: number; msg: string; variable?: string };
      } catch {
        throw new Error(`not a JSON log line: ${line}`);
      }
    });
    const errors = parsed.filter((l) => l.level >= 50);
    expect(errors).toHaveLength(1);
    expect(errors[0].variable).toBe(variable);
    expect(errors[0].msg).toContain(variable);
    expect(errors[0].msg).not.toMatch(/\n|\bat \S+ \(/); // no stack trace
  };

  it('names DATABASE_URL when PostgreSQL cannot be reached', async () => {
    const { code, lines } = await run({ PORT: String(await freePort()), DATABASE_URL: 'postgres://nope:secret@127.0.0.1:1/x' });
    expect(code).not.toBe(0);
    expectOneFailureLine(lines, 'DATABASE_URL');
    expect(lines.join('\n')).not.toContain('secret');
  });

  it('names PORT when its value is not a port number', async () => {
    const { code, lines } = await run({ PORT: 'abc' });
    expect(code).not.toBe(0);
    expect(lines).toHaveLength(1);
    expectOneFailureLine(lines, 'PORT');
  });

  it('names DATA_DIR when it cannot be written', async () => {
    const { code, lines } = await run({ PORT: String(await freePort()), DATA_DIR: join(MAIN, 'data') });
    expect(code).not.toBe(0);
    expectOneFailureLine(lines, 'DATA_DIR');
  });
});
