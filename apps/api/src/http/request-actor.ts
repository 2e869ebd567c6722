import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';

/** Who made the request, for the audit trail: the `X-Actor` header, else `anonymous`. */
export const Actor = createParamDecorator((_: unknown, ctx: ExecutionContext): string => {
  const header = ctx.switchToHttp().getRequest<Request>().header('x-actor');
  return header && header.trim() ? header.trim().slice(0, 200) : 'anonymous';
});
