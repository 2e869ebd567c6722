import { AppError } from '@compileo/domain';
import { type ArgumentsHost, BadRequestException, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger, PayloadTooLargeException } from '@nestjs/common';
import type { Response } from 'express';

interface ErrorBody {
  readonly statusCode: number;
  readonly error: string;
  readonly message: string;
  readonly details?: unknown;
}

const reason = (status: number): string =>
  (HttpStatus[status] ?? 'Error')
    .toString()
    .toLowerCase()
    .split('_')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');

/**
 * Errors raised by the framework rather than by our code. Our code never throws Nest's own exceptions, so
 * a BadRequestException here is the body parser's verdict on malformed JSON (or a bad URI escape).
 */
const fromFramework = (exception: unknown): { status: number; message: string } | null => {
  if (exception instanceof BadRequestException) return { status: 400, message: `malformed request body: ${exception.message}` };
  if (exception instanceof PayloadTooLargeException) return { status: 413, message: 'file is larger than the upload limit (COMPILEO_MAX_UPLOAD_BYTES)' };
  if (exception instanceof HttpException) {
    const response = exception.getResponse();
    const message = typeof response === 'string' ? response : ((response as { message?: string | string[] }).message ?? exception.message);
    return { status: exception.getStatus(), message: Array.isArray(message) ? message.join('; ') : message };
  }
  const e = exception as { status?: number; type?: string; message?: string };
  if (e?.type === 'entity.too.large') return { status: 413, message: 'request body is larger than the limit (COMPILEO_MAX_UPLOAD_BYTES)' };
  if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500) return { status: e.status, message: e.message ?? reason(e.status) };
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
    if (exception instanceof AppError) {
      const details = exception.details;
      return { statusCode: exception.statusCode, error: reason(exception.statusCode), message: exception.message, ...(details !== undefined ? { details } : {}) };
    }
    const known = fromFramework(exception);
    if (known) return { statusCode: known.status, error: reason(known.status), message: known.message };
    this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    return { statusCode: 500, error: 'Internal Server Error', message: 'internal error' };
  }
}
