import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';

/**
 * This process as a worker, for job and relay leases: host, pid and a random part, since two containers can share
 * a host name and both run as pid 1, and a restarted process must not pass for the one it replaces.
 */
export const WORKER_ID = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
