import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { acquireDataDirLock, LOCK_FILE } from './data-dir-lock';
import { StartupError } from './startup-failure';

describe('acquireDataDirLock', () => {
  let dir: string;
  const lockPath = (): string => join(dir, LOCK_FILE);
  const writeLock = (holder: object): void => writeFileSync(lockPath(), JSON.stringify({ started_at: 'then', token: 'old', ...holder }));
  /** The pid of a process that has exited. */
  const deadPid = (): number => spawnSync(process.execPath, ['-e', '0']).pid;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'compileo-lock-unit-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is exclusive within one process too, and released only by its holder', () => {
    const lock = acquireDataDirLock(dir);
    lock.setPort(4321);
    expect(() => acquireDataDirLock(dir)).toThrow(StartupError);
    expect(() => acquireDataDirLock(dir)).toThrow(`pid ${process.pid} on ${hostname()}, port 4321`);
    lock.release();
    expect(existsSync(lockPath())).toBe(false);
    acquireDataDirLock(dir).release();
  });

  it('takes over a lock whose holder is dead, or was an earlier process with this pid (pid 1 in a container)', () => {
    for (const pid of [deadPid(), process.pid]) {
      writeLock({ pid, hostname: hostname() });
      const lock = acquireDataDirLock(dir);
      expect((JSON.parse(readFileSync(lockPath(), 'utf8')) as { pid: number }).pid).toBe(process.pid);
      lock.release();
    }
  });

  it('respects a live holder on another host until its heartbeat is stale', () => {
    writeLock({ pid: 1, hostname: 'elsewhere', port: 8000 });
    expect(() => acquireDataDirLock(dir)).toThrow('pid 1 on elsewhere, port 8000');
    const old = new Date(Date.now() - 60_000);
    utimesSync(lockPath(), old, old);
    acquireDataDirLock(dir).release();
  });

  it('leaves a lock it lost alone on release', () => {
    const lock = acquireDataDirLock(dir);
    writeLock({ pid: 1, hostname: 'elsewhere' });
    lock.release();
    expect(existsSync(lockPath())).toBe(true);
  });
});
