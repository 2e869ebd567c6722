import type { ErrorCode } from '@compileo/domain';

/** The HTTP transport's one mapping of error codes to statuses; GraphQL and the CLI map the same codes their own way. */
export const HTTP_STATUS_OF: Readonly<Record<ErrorCode, number>> = {
  BAD_USER_INPUT: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNPROCESSABLE: 422,
  INTERNAL: 500,
};

export const httpStatusOf = (code: ErrorCode): number => HTTP_STATUS_OF[code];

/**
 * The code of a status set by the framework (its router, a body parser): the table read backwards. Any
 * other client error counts as bad input, anything else as internal.
 */
export const codeOfHttpStatus = (status: number): ErrorCode => {
  const known = (Object.keys(HTTP_STATUS_OF) as ErrorCode[]).find((code) => HTTP_STATUS_OF[code] === status);
  return known ?? (status >= 400 && status < 500 ? 'BAD_USER_INPUT' : 'INTERNAL');
};
