/**
 * The one error hierarchy. Each error carries the HTTP status it maps to; the API's exception filter
 * translates them once, at the edge.
 */
export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

export abstract class AppError extends Error {
  abstract readonly statusCode: number;
  constructor(message: string, readonly details?: unknown) {
    super(message);
    this.name = new.target.name;
  }
}

/** 400: the request is malformed; `details` names every bad field. */
export class ValidationError extends AppError {
  readonly statusCode = 400;
  constructor(readonly problems: readonly FieldProblem[]) {
    super(problems.map((p) => `${p.field}: ${p.message}`).join('; '), problems);
  }
  static field(field: string, message: string): ValidationError {
    return new ValidationError([{ field, message }]);
  }
}

/** 404: an id names nothing. */
export class NotFoundError extends AppError {
  readonly statusCode = 404;
  constructor(readonly resource: string, readonly id: string | readonly string[]) {
    super(`${resource} not found: ${Array.isArray(id) ? id.join(', ') : id}`, { resource, id });
  }
}

/** 409: the expected revision or version did not match. */
export class ConcurrencyError extends AppError {
  readonly statusCode = 409;
  constructor(message: string, readonly expected: string, readonly actual: string) {
    super(message, { expected, actual });
  }
}

/** 422: the request is well formed but cannot be served as things stand (state or configuration). */
export class DomainError extends AppError {
  readonly statusCode = 422;
}

/** 413: an upload is over the size limit. */
export class PayloadTooLargeError extends AppError {
  readonly statusCode = 413;
}
