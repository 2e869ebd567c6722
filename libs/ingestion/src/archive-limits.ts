import { PayloadTooLargeError } from '@compileo/domain';
import { FILES_FIELD } from './unreadable';
import { readZipDirectory } from './zip-directory';

/** Caps on what an archive-based upload (DOCX) may unpack to: COMPILEO_MAX_ARCHIVE_BYTES and COMPILEO_MAX_ARCHIVE_ENTRIES. */
export interface ArchiveLimits {
  readonly maxUncompressedBytes: number;
  readonly maxEntries: number;
}

export const DEFAULT_ARCHIVE_LIMITS: ArchiveLimits = { maxUncompressedBytes: 100 * 1024 * 1024, maxEntries: 10_000 };

const MB = 1024 * 1024;
const size = (bytes: number): string =>
  bytes >= MB ? `${Number.isInteger(bytes / MB) ? bytes / MB : (bytes / MB).toFixed(1)} MB` : `${bytes} bytes`;

/**
 * Refuses, before anything is inflated, an archive whose central directory declares more entries or more
 * uncompressed bytes than the limits: a ZIP bomb is a 413 naming the limit. Sizes an archive lies about are
 * caught by the parser worker's heap limit instead.
 */
export const checkArchive = (fileName: string, content: Buffer, limits: ArchiveLimits): void => {
  const directory = readZipDirectory(content);
  if (!directory) return;
  if (directory.entries > limits.maxEntries) {
    throw new PayloadTooLargeError(
      `${fileName} holds ${directory.entries} entries, over the ${limits.maxEntries}-entry archive limit (COMPILEO_MAX_ARCHIVE_ENTRIES)`,
      FILES_FIELD,
    );
  }
  if (directory.uncompressedBytes > limits.maxUncompressedBytes) {
    const declared = Number.isFinite(directory.uncompressedBytes) ? size(directory.uncompressedBytes) : 'a ZIP64 size';
    throw new PayloadTooLargeError(
      `${fileName} unpacks to ${declared}, over the ${size(limits.maxUncompressedBytes)} archive limit (COMPILEO_MAX_ARCHIVE_BYTES)`,
      FILES_FIELD,
    );
  }
};
