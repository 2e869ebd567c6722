import { ValidationError } from '@compileo/domain';

/** Every problem with an uploaded file is reported against the upload's form field. */
export const FILES_FIELD = 'files';

export const unreadable = (message: string): ValidationError => ValidationError.field(FILES_FIELD, message);

/** The parser's own words, one line, short: enough to tell a truncated file from a password-protected one. */
export const reason = (error: unknown): string => {
  const text = error instanceof Error ? error.message : String(error);
  const line = text.split('\n')[0].trim();
  return line.length > 200 ? `${line.slice(0, 197)}...` : line;
};
