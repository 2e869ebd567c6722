import { AppError, type ErrorCode, type FieldProblem } from '@compileo/domain';
import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger, NotFoundException } from '@nestjs/common';
import type { Response } from 'express';
import { codeOfHttpStatus, httpStatusOf } from './http-status';

/** The one error body of product.md §1, with the transport-neutral `code`; `details` is always a list. */
export interface ErrorBody {
  readonly statusCode: number;
  readonly code: ErrorCode;
  readonly error: string;
  readonly message: string;
  readonly details: readonly FieldProblem[];
}

interface Translated {
  readonly code: ErrorCode;
  readonly message: string;
  readonly details: readonly FieldProblem[];
}

const reason = (status: number): string =>
  (HttpStatus[status] ?? 'Error')
    .toString()
    .toLowerCase()
    .split('_')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');

const problem = (code: ErrorCode, field: string, message: string): Translated => ({ code, message, details: [{ field, message }] });

/**
 * Errors raised by the framework rather than by our code (which throws only AppErrors; the JSON body
 * parser and the upload interceptor translate their own). What is left: the router's 404 for an unknown
 * route, its 400 for a path with a bad percent-escape, and any other client error a middleware sets.
 */
const fromFramework = (exception: unknown): Translated | null => {
  if (exception instanceof NotFoundException) return problem('NOT_FOUND', 'path', exception.message);
  if (exception instanceof HttpException) {
    const code = codeOfHttpStatus(exception.getStatus());
    if (code === 'INTERNAL') return null;
    const message = exception.message;
    return message.startsWith('Failed to decode param')
      ? problem(code, 'path', `malformed request path: ${message}`)
      : problem(code, '(request)', message);
  }
  const e = exception as { status?: number; message?: string };
  if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500)
    return problem(codeOfHttpStatus(e.status), '(request)', e.message ?? reason(e.status));
  return null;
};

/** Translates every error, once, into the JSON body of product.md §1; anything unexpected is a logged 500. */
@Catch()
export class AppExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Http');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    if (res.headersSent) {
      res.destroy();
      return;
    }
    res.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ErrorBody {
    const translated = this.translate(exception);
    const statusCode = httpStatusOf(translated.code);
    return { statusCode, code: translated.code, error: reason(statusCode), message: translated.message, details: translated.details };
  }

  private translate(exception: unknown): Translated {
    if (exception instanceof AppError) return { code: exception.code, message: exception.message, details: exception.details };
    const known = fromFramework(exception);
    if (known) return known;
    this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    return { code: 'INTERNAL', message: 'internal error', details: [] };
  }
}
