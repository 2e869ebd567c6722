import { PayloadTooLargeError, ValidationError } from '@compileo/domain';
import { type CallHandler, type ExecutionContext, Inject, Injectable, type NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import multer, { memoryStorage, MulterError } from 'multer';
import type { Observable } from 'rxjs';
import { byteSize } from '../http/byte-size';

export const UPLOAD_LIMITS = Symbol('UPLOAD_LIMITS');

export interface UploadLimits {
  /** Per file (COMPILEO_MAX_UPLOAD_BYTES). */
  readonly fileBytes: number;
  readonly files: number;
}

/** Multer's and busboy's errors as AppErrors that name the limit they hit and its value. */
const translate = (error: unknown, limits: UploadLimits): unknown => {
  if (error instanceof MulterError) {
    const field = error.field ?? 'files';
    switch (error.code) {
      case 'LIMIT_FILE_SIZE':
        return new PayloadTooLargeError(`file exceeds the ${byteSize(limits.fileBytes)} upload limit (COMPILEO_MAX_UPLOAD_BYTES)`, field);
      case 'LIMIT_FILE_COUNT':
        return ValidationError.field(field, `too many files: at most ${limits.files} per upload`);
      default:
        return ValidationError.field(error.field ?? '(body)', `${error.message} (multipart upload)`);
    }
  }
  // busboy: a multipart body without its boundary, a malformed part header, a body cut short
  if (error instanceof Error && /multipart|boundary|part header|end of form/i.test(error.message)) {
    return new ValidationError(
      [{ field: '(body)', message: `is not a well-formed multipart body: ${error.message}` }],
      `malformed multipart body: ${error.message}`,
    );
  }
  return error;
};

/** Reads a multipart upload into memory (`req.files`), within the limits; errors carry a code like every other. */
const asError = (error: unknown): Error => (error instanceof Error ? error : new Error(String(error)));

@Injectable()
export class UploadFilesInterceptor implements NestInterceptor {
  private readonly readFiles: ReturnType<multer.Multer['any']>;

  constructor(@Inject(UPLOAD_LIMITS) private readonly limits: UploadLimits) {
    // preservePath: the name as sent, so `a/b.md` is refused like in JSON instead of silently becoming `b.md`
    this.readFiles = multer({
      storage: memoryStorage(),
      preservePath: true,
      limits: { fileSize: limits.fileBytes, files: limits.files },
    }).any();
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    await new Promise<void>((resolve, reject) =>
      this.readFiles(http.getRequest<Request>(), http.getResponse<Response>(), (error?: unknown) =>
        error ? reject(asError(translate(error, this.limits))) : resolve(),
      ),
    );
    return next.handle();
  }
}
