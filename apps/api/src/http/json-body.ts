import { PayloadTooLargeError, UnsupportedMediaTypeError, ValidationError } from '@compileo/domain';
import { json, type RequestHandler } from 'express';
import { byteSize } from './byte-size';

interface BodyParserError {
  readonly type?: string;
  readonly message?: string;
  readonly charset?: string;
  readonly encoding?: string;
}

/** The body parser's errors as AppErrors, so that they carry a code and name the limit they hit. */
const translate = (error: unknown, limitBytes: number): unknown => {
  const e = (error ?? {}) as BodyParserError;
  switch (e.type) {
    case 'entity.parse.failed':
      return new ValidationError([{ field: '(body)', message: `is not valid JSON: ${e.message}` }], `malformed request body: ${e.message}`);
    case 'entity.too.large':
      return new PayloadTooLargeError(`request body exceeds the ${byteSize(limitBytes)} limit (COMPILEO_MAX_UPLOAD_BYTES)`);
    case 'charset.unsupported':
      return new UnsupportedMediaTypeError(`unsupported charset "${e.charset}"; send JSON as UTF-8`);
    case 'encoding.unsupported':
      return new UnsupportedMediaTypeError(
        `unsupported Content-Encoding "${e.encoding}"; send identity, gzip, deflate or br`,
        'Content-Encoding',
      );
    default:
      return error;
  }
};

/** Parses `application/json` bodies up to `limitBytes`; its errors reach the exception filter as AppErrors. */
export const jsonBody = (limitBytes: number): RequestHandler => {
  const parse = json({ limit: limitBytes });
  return (req, res, next) =>
    parse(req, res, (error?: unknown) => (error === undefined || error === null ? next() : next(translate(error, limitBytes))));
};
