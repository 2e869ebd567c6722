import { ERROR_CODES } from '@compileo/domain';
import { codeOfHttpStatus, HTTP_STATUS_OF, httpStatusOf } from './http-status';

describe('the HTTP status table', () => {
  it('maps every error code to its own status, and reads back', () => {
    const statuses = ERROR_CODES.map(httpStatusOf);
    expect(new Set(statuses).size).toBe(ERROR_CODES.length);
    for (const code of ERROR_CODES) expect(codeOfHttpStatus(HTTP_STATUS_OF[code])).toBe(code);
  });

  it('holds the statuses the REST contract names', () => {
    expect(HTTP_STATUS_OF).toEqual({
      BAD_USER_INPUT: 400,
      NOT_FOUND: 404,
      CONFLICT: 409,
      PAYLOAD_TOO_LARGE: 413,
      UNSUPPORTED_MEDIA_TYPE: 415,
      UNPROCESSABLE: 422,
      INTERNAL: 500,
    });
  });

  it('reads other framework statuses as bad input (4xx) or internal', () => {
    expect(codeOfHttpStatus(405)).toBe('BAD_USER_INPUT');
    expect(codeOfHttpStatus(503)).toBe('INTERNAL');
  });
});
