import { randomUUID } from 'node:crypto';
import { linkSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { StartupError } from './startup-failure';

/** Who holds a data directory; written into the lock file. */
export interface LockHolder {
  readonly pid: number;
  readonly hostname: string;
  readonly started_at: string;
  readonly port?: number;
  /** Unique per acquisition: tells this lock from an older one left by the same pid. */
  readonly token: string;
}

export interface DataDirLock {
  readonly holder: LockHolder;
  /** Records the port once the server listens (PORT=0 picks one), so a refused starter can name it. */
  setPort(port: number): void;
  /** Removes the lock file if it is still this process's (idempotent). */
  release(): void;
}

export const LOCK_FILE = 'compileo.lock';
/** A live holder touches its lock this often; a lock from another host older than 3 beats is stale. */
const HEARTBEAT_MS = 10_000;
const FOREIGN_STALE_MS = 3 * HEARTBEAT_MS;

/** Tokens of the locks this process holds. */
const heldHere = new Set<string>();

const code = (error: unknown): string | undefined => (error as { code?: string } | null)?.code;

const pidAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return code(error) === 'EPERM'; // exists, owned by another user
  }
};

const readHolder = (path: string): LockHolder | null => {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockHolder>;
    return typeof parsed.pid === 'number' && typeof parsed.token === 'string' ? (parsed as LockHolder) : null;
  } catch {
    return null; // gone, or not a lock this service wrote
  }
};

/** A holder on this host is alive while its pid is; one on another host (shared volume) while it keeps its heartbeat. */
const isStale = (holder: LockHolder | null, path: string): boolean => {
  if (holder && holder.hostname === hostname()) {
    // Our own pid: held by this process, or left by an earlier one with the same pid (pid 1 in a container).
    return holder.pid === process.pid ? !heldHere.has(holder.token) : !pidAlive(holder.pid);
  }
  try {
    return Date.now() - statSync(path).mtimeMs > FOREIGN_STALE_MS;
  } catch {
    return true;
  }
};

export const describeHolder = (h: LockHolder): string =>
  `pid ${h.pid} on ${h.hostname}${h.port ? `, port ${h.port}` : ''}, since ${h.started_at}`;

/**
 * Takes `DATA_DIR/compileo.lock` for this process, or throws a StartupError naming the process that holds
 * it. The lock file is written completely under a private name and then hard-linked into place: `link`
 * fails if the name exists, so exactly one starter wins, and nobody ever reads a half-written lock. A lock
 * whose holder is dead is moved aside under a private name (only one starter's `rename` can move it) and
 * the starter that moved it checks it moved that very lock before deleting it; then everybody races for
 * the name again.
 */
export const acquireDataDirLock = (dataDir: string, port?: number): DataDirLock => {
  const path = join(dataDir, LOCK_FILE);
  const holder: LockHolder = {
    pid: process.pid,
    hostname: hostname(),
    started_at: new Date().toISOString(),
    ...(port ? { port } : {}),
    token: randomUUID(),
  };
  const mine = join(dataDir, `.${LOCK_FILE}.${holder.token}`);
  writeFileSync(mine, `${JSON.stringify(holder)}\n`);
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        linkSync(mine, path);
        break;
      } catch (error) {
        if (code(error) !== 'EEXIST' || attempt >= 20) throw error;
      }
      const current = readHolder(path);
      if (!isStale(current, path)) {
        throw new StartupError(
          'DATA_DIR',
          current
            ? `${dataDir} is in use by another Compileo process (${describeHolder(current)}); stop it or choose another DATA_DIR`
            : `${dataDir} is locked by ${path}, which is not a Compileo lock; remove it if no service uses this directory`,
        );
      }
      takeOver(path, current, holder.token);
    }
  } finally {
    rmSync(mine, { force: true });
  }
  heldHere.add(holder.token);
  // The heartbeat keeps a lock on a shared volume fresh for hosts that cannot check the pid.
  const heartbeat = setInterval(() => {
    const now = new Date();
    try {
      utimesSync(path, now, now);
    } catch {
      // the directory is gone: nothing to keep fresh
    }
  }, HEARTBEAT_MS);
  heartbeat.unref();
  let released = false;
  const ours = (): boolean => !released && readHolder(path)?.token === holder.token;
  return {
    holder,
    setPort: (listening: number) => {
      if (!ours()) return;
      const next = `${path}.${holder.token}.next`;
      writeFileSync(next, `${JSON.stringify({ ...holder, port: listening })}\n`);
      renameSync(next, path); // atomic: readers see the old content or the new, never a partial file
    },
    release: () => {
      const wasOurs = ours();
      released = true;
      heldHere.delete(holder.token);
      clearInterval(heartbeat);
      if (wasOurs) rmSync(path, { force: true });
    },
  };
};

/** Moves a stale lock out of the way; if the lock moved turns out to be a fresh one (a racer won meanwhile), puts it back. */
const takeOver = (path: string, stale: LockHolder | null, token: string): void => {
  const aside = `${path}.stale-${token}`;
  try {
    renameSync(path, aside);
  } catch (error) {
    if (code(error) === 'ENOENT') return; // another starter moved it first
    throw error;
  }
  const moved = readHolder(aside);
  if (moved?.token !== stale?.token) {
    try {
      linkSync(aside, path); // it was a racer's fresh lock: restore it; the next round sees it held
    } catch (error) {
      if (code(error) !== 'EEXIST') throw error;
    }
  }
  rmSync(aside, { force: true });
};
