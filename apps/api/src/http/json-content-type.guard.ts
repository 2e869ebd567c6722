import { UnsupportedMediaTypeError } from '@compileo/domain';
import { type CanActivate, type ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';

const MULTIPART_BODY = 'compileo:multipart-body';

/** Marks a route that reads a multipart body (an upload) rather than JSON. */
export const MultipartBody = (): MethodDecorator => SetMetadata(MULTIPART_BODY, true);

const hasBody = (req: Request): boolean => req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;

/**
 * Every route reads JSON unless marked `@MultipartBody()`. A body in another format (text/plain, a form)
 * would otherwise reach validation empty and come back as "field is required"; this says what to send.
 */
@Injectable()
export class JsonContentTypeGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const req = context.switchToHttp().getRequest<Request>();
    if (!hasBody(req) || req.is('application/json') || this.reflector.get<boolean>(MULTIPART_BODY, context.getHandler())) return true;
    const sent = req.headers['content-type'] ? `got ${req.headers['content-type'].split(';')[0].trim()}` : 'no Content-Type was sent';
    throw new UnsupportedMediaTypeError(`the request body must be JSON sent with \`Content-Type: application/json\` (${sent})`);
  }
}
