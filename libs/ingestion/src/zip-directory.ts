/** What a ZIP archive's central directory declares, read without inflating anything. */
export interface ZipDirectory {
  readonly entries: number;
  /** Sum of the entries' declared uncompressed sizes; Infinity when an entry's size is in a ZIP64 record. */
  readonly uncompressedBytes: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const END_RECORD_BYTES = 22;
const MAX_COMMENT_BYTES = 0xffff;
const ZIP64 = 0xffffffff;

/**
 * Reads the central directory at the end of `zip`; undefined when there is none (not a ZIP, or truncated), which
 * the format's own parser then reports. Entries are counted by walking the directory, not by trusting its header.
 */
export const readZipDirectory = (zip: Buffer): ZipDirectory | undefined => {
  const end = findEndRecord(zip);
  if (end === undefined) return undefined;
  const declaredEntries = zip.readUInt16LE(end + 10);
  const offset = zip.readUInt32LE(end + 16);
  let entries = 0;
  let uncompressedBytes = offset === ZIP64 || declaredEntries === 0xffff ? Infinity : 0;
  for (let at = offset; at + 46 <= end && zip.readUInt32LE(at) === DIRECTORY_ENTRY;) {
    const size = zip.readUInt32LE(at + 24);
    uncompressedBytes += size === ZIP64 ? Infinity : size;
    entries++;
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return { entries: Math.max(entries, declaredEntries), uncompressedBytes };
};

const findEndRecord = (zip: Buffer): number | undefined => {
  const lowest = Math.max(0, zip.length - END_RECORD_BYTES - MAX_COMMENT_BYTES);
  for (let at = zip.length - END_RECORD_BYTES; at >= lowest; at--) if (zip.readUInt32LE(at) === END_OF_DIRECTORY) return at;
  return undefined;
};
