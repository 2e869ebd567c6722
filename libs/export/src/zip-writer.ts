import { createHash, type Hash } from 'crypto';
import { Transform, type TransformCallback, type Writable } from 'stream';
import archiver from 'archiver';

/** One archive entry, produced by writing into the stream it is given. */
export interface ZipFileSource {
  readonly name: string;
  /** Writes the entry's content; may leave `out` open (writeZip ends it). Return `{count}` to record rows. */
  write(out: Writable): Promise<unknown>;
}

export interface ZipManifestFile {
  readonly name: string;
  readonly bytes: number;
  readonly sha256: string;
  readonly rows?: number;
}

export type ZipManifest<TBase extends object = object> = TBase & { readonly files: readonly ZipManifestFile[] };

export const MANIFEST_FILE_NAME = 'manifest.json';

/**
 * Streams a zip of `files` (in order) followed by `manifest.json` = `{...manifest, files: [...]}` where
 * `files` lists each entry's size and sha256, measured while it streams (hence the manifest goes last).
 * Ends `out`: the archive is a complete document. Resolves once `out` has finished; rejects on any error.
 */
export async function writeZip(files: readonly ZipFileSource[], manifest: object, out: Writable): Promise<ZipManifest> {
  assertUniqueNames(files);
  const archive = archiver('zip', { zlib: { level: 6 } });
  const outFinished = observed(waitForFinish(out));
  // A failure on either side stops the whole export; `failed` lets the producer loop bail out promptly.
  let failure: Error | undefined;
  const failed = new Promise<never>((_, reject) => {
    const fail = (err: Error): void => {
      failure ??= err;
      reject(failure);
    };
    archive.on('error', fail);
    archive.on('warning', fail);
    out.on('error', fail);
  });
  void observed(failed);
  archive.pipe(out);

  let current: HashingPassThrough | undefined;
  try {
    const entries: ZipManifestFile[] = [];
    for (const file of files) {
      current = new HashingPassThrough();
      archive.append(current, { name: file.name });
      entries.push(await Promise.race([observed(produceEntry(current, file)), failed]));
    }
    current = undefined;
    const full: ZipManifest = { ...manifest, files: entries };
    archive.append(`${JSON.stringify(full, null, 2)}\n`, { name: MANIFEST_FILE_NAME });
    await Promise.race([observed(archive.finalize()), failed]);
    await Promise.race([outFinished, failed]);
    return full;
  } catch (err) {
    // Destroying the entry makes a producer still waiting for 'drain' reject, releasing its row source.
    current?.destroy();
    archive.abort();
    // Without an end the consumer (e.g. an HTTP client) would wait for the rest of a broken archive.
    out.destroy(err instanceof Error ? err : new Error(String(err)));
    throw failure ?? err;
  }
}

async function produceEntry(entry: HashingPassThrough, file: ZipFileSource): Promise<ZipManifestFile> {
  const result = await file.write(entry);
  if (!entry.writableEnded) entry.end();
  // 'finish' = every written chunk has gone through _transform, so the digest is complete.
  await waitForFinish(entry);
  const rows = rowCountOf(result);
  return { name: file.name, bytes: entry.bytes, sha256: entry.digest(), ...(rows === undefined ? {} : { rows }) };
}

/** Counts and hashes bytes on their way into the archive, so nothing is buffered or read twice. */
class HashingPassThrough extends Transform {
  private readonly hash: Hash = createHash('sha256');
  private byteCount = 0;

  get bytes(): number {
    return this.byteCount;
  }

  digest(): string {
    return this.hash.digest('hex');
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.hash.update(chunk);
    this.byteCount += chunk.length;
    callback(null, chunk);
  }
}

/**
 * Marks a promise as handled: when it loses a Promise.race (or is awaited later) its rejection must not
 * surface as an unhandledRejection, which crashes Node 20. Awaiting the returned promise still rejects.
 */
function observed<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

function rowCountOf(result: unknown): number | undefined {
  if (typeof result !== 'object' || result === null || !('count' in result)) return undefined;
  const { count } = result;
  return typeof count === 'number' ? count : undefined;
}

function assertUniqueNames(files: readonly ZipFileSource[]): void {
  const names = new Set<string>([MANIFEST_FILE_NAME]);
  for (const { name } of files) {
    if (names.has(name)) throw new Error(`duplicate zip entry name: ${name}`);
    names.add(name);
  }
}

function waitForFinish(stream: Writable): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (stream.writableFinished) {
      resolve();
      return;
    }
    stream.once('finish', resolve);
    stream.once('error', reject);
    stream.once('close', () => (stream.writableFinished ? resolve() : reject(new Error('stream closed before finishing'))));
  });
}
