import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import pino from 'pino';

/** A reason the process cannot start, and the setting (environment variable) to look at. */
export class StartupError extends Error {
  constructor(
    readonly variable: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StartupError';
  }
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Where a connection string points, without its credentials. */
const databaseLocation = (url: string): string => {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || '5432'}${u.pathname}`;
  } catch {
    return 'the configured server';
  }
};

/** The database could not be opened or migrated: names DATABASE_URL (PostgreSQL) or DATA_DIR (PGlite). */
export const databaseStartupError = (config: { DATABASE_URL?: string; DATA_DIR: string }, error: unknown): StartupError =>
  config.DATABASE_URL
    ? new StartupError('DATABASE_URL', `cannot open PostgreSQL at ${databaseLocation(config.DATABASE_URL)}: ${messageOf(error)}`, {
        cause: error,
      })
    : new StartupError('DATA_DIR', `cannot open the embedded database under ${config.DATA_DIR}: ${messageOf(error)}`, { cause: error });

/** mkdir -p one level at a time (Node's recursive mkdir spins forever under /proc). */
const makeDirs = (dir: string): void => {
  const path = resolve(dir);
  if (existsSync(path)) return;
  if (dirname(path) !== path) makeDirs(dirname(path));
  mkdirSync(path);
};

/** PGlite waits forever on a directory it cannot write; find out first, with a probe file. */
export const ensureWritableDir = (dir: string): void => {
  const probe = join(dir, `.write-test-${randomUUID()}`);
  try {
    makeDirs(dir);
    writeFileSync(probe, '');
    rmSync(probe, { force: true });
  } catch (error) {
    throw new StartupError('DATA_DIR', `${dir} is not a writable directory: ${messageOf(error)}`, { cause: error });
  }
};

/** The HTTP server could not listen: names PORT or HOST. */
export const listenStartupError = (config: { PORT: number; HOST: string }, error: unknown): StartupError => {
  const code = (error as { code?: string } | null)?.code;
  const where = `${config.HOST}:${config.PORT}`;
  if (code === 'EADDRINUSE') return new StartupError('PORT', `port ${config.PORT} is already in use on ${config.HOST}`, { cause: error });
  if (code === 'EACCES') return new StartupError('PORT', `no permission to listen on ${where}`, { cause: error });
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return new StartupError('HOST', `cannot listen on ${where}: ${messageOf(error)}`, { cause: error });
  return new StartupError('PORT', `cannot listen on ${where}: ${messageOf(error)}`, { cause: error });
};

/** Fails fast, before the database opens, when PORT is taken (Nest would log the listen error in its own words). */
export const ensurePortFree = (config: { PORT: number; HOST: string }): Promise<void> =>
  new Promise((done, fail) => {
    if (config.PORT === 0) return done();
    const server = createServer();
    server.once('error', (error) => fail(listenStartupError(config, error)));
    server.listen(config.PORT, config.HOST, () => server.close(() => done()));
  });

/**
 * Logs why the process could not start as one JSON line (pino, like every other log line of the service),
 * naming the setting when it is known, and exits with 1. No stack trace: the message says what to fix.
 */
export const exitOnStartupFailure = (error: unknown): never => {
  const logger = pino({ level: 'info' }, pino.destination({ dest: 1, sync: true }));
  const variable = error instanceof StartupError ? error.variable : null;
  logger.fatal(
    { context: 'Startup', ...(variable ? { variable } : {}) },
    `cannot start${variable ? ` (check ${variable})` : ''}: ${messageOf(error)}`,
  );
  process.exit(1);
};
