/**
 * `output_dir` names a folder under `DATA_DIR/exports/`: a relative path of plain segments. Returns why a
 * value is refused (the API answers 400 naming `output_dir`), or null when it is acceptable. `.` and empty
 * segments mean the exports folder itself.
 */
export const outputDirProblem = (dir: string): string | null => {
  if (dir.includes('\u0000')) return 'must not contain NUL characters';
  if (/^[\\/]/.test(dir) || /^[A-Za-z]:/.test(dir))
    return 'must be a relative path (a folder under DATA_DIR/exports/), not an absolute one';
  if (dir.includes('\\')) return 'must use / between folders';
  const segments = dir.split('/');
  if (segments.includes('..')) return "must stay under DATA_DIR/exports/: '..' is not allowed";
  if ([...dir].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) return 'must not contain control characters';
  return null;
};

/** The folder's path relative to `DATA_DIR/exports/`, normalised (`.` and empty segments dropped; '' is the folder itself). */
export const outputDirSegments = (dir: string): readonly string[] => dir.split('/').filter((s) => s !== '' && s !== '.');
