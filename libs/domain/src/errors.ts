/**
 * The one error hierarchy. Each error carries a transport-neutral `code`, never a transport's status:
 * each transport maps codes once, at its edge (the HTTP exception filter's table; GraphQL
 * `extensions.code`; CLI exit codes).
 */
export const ERROR_CODES = [
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'UNPROCESSABLE',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The one shape of an error's `details`: what (a field, a header, a limit) and what is wrong with it. */
export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

export abstract class AppError extends Error {
  abstract readonly code: ErrorCode;
  constructor(
    message: string,
    readonly details: readonly FieldProblem[],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** BAD_USER_INPUT: the request is malformed; `details` names every bad field. */
export class ValidationError extends AppError {
  readonly code = 'BAD_USER_INPUT';
  constructor(
    readonly problems: readonly FieldProblem[],
    message = problems.map((p) => `${p.field}: ${p.message}`).join('; '),
  ) {
    super(message, problems);
  }
  static field(field: string, message: string): ValidationError {
    return new ValidationError([{ field, message }]);
  }
}

/**
 * NOT_FOUND: an id names nothing. `details` has one problem per missing id, on `field` (by default
 * `<resource>_id`, or `<resource>_ids` for a list).
 */
export class NotFoundError extends AppError {
  readonly code = 'NOT_FOUND';
  constructor(
    readonly resource: string,
    readonly id: string | readonly string[],
    field: string = typeof id === 'string' ? `${resource}_id` : `${resource}_ids`,
  ) {
    const ids: readonly string[] = typeof id === 'string' ? [id] : id;
    super(
      `${resource} not found: ${ids.join(', ')}`,
      ids.map((one) => ({ field, message: `${resource} not found: ${one}` })),
    );
  }
}

/** CONFLICT: the expected revision or version did not match. */
export class ConcurrencyError extends AppError {
  readonly code = 'CONFLICT';
  constructor(
    message: string,
    readonly expected: string,
    readonly actual: string,
    field = 'revision',
  ) {
    super(message, [{ field, message: `expected ${expected}, actual ${actual}` }]);
  }
}

/** CONFLICT: the request clashes with something already recorded; `field` names what clashes. */
export class ConflictError extends AppError {
  readonly code = 'CONFLICT';
  constructor(message: string, field = '(request)') {
    super(message, [{ field, message }]);
  }
}

/**
 * UNPROCESSABLE: the request is well formed but cannot be served as things stand (state or
 * configuration). `field` names what the reason is about, when there is one.
 */
export class DomainError extends AppError {
  readonly code = 'UNPROCESSABLE';
  constructor(message: string, field = '(request)') {
    super(message, [{ field, message }]);
  }
}

/** PAYLOAD_TOO_LARGE: a body or upload is over a size limit; the message names the limit and its value. */
export class PayloadTooLargeError extends AppError {
  readonly code = 'PAYLOAD_TOO_LARGE';
  constructor(message: string, field = '(body)') {
    super(message, [{ field, message }]);
  }
}

/** UNSUPPORTED_MEDIA_TYPE: a body arrived in a format the operation does not read. */
export class UnsupportedMediaTypeError extends AppError {
  readonly code = 'UNSUPPORTED_MEDIA_TYPE';
  constructor(message: string, field = 'Content-Type') {
    super(message, [{ field, message }]);
  }
}
