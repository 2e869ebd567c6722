const MB = 1024 * 1024;
const KB = 1024;

/** A size limit as people read it: `20 MB`, `512 KB`, `2000 bytes` (exact when it can be, else one decimal). */
export const byteSize = (bytes: number): string => {
  if (bytes >= MB) return `${Number.isInteger(bytes / MB) ? bytes / MB : (bytes / MB).toFixed(1)} MB`;
  if (bytes >= KB && Number.isInteger(bytes / KB)) return `${bytes / KB} KB`;
  return `${bytes} bytes`;
};
