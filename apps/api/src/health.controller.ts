import { Controller, Get } from '@nestjs/common';

export interface HealthView {
  readonly status: 'ok';
}

@Controller('health')
export class HealthController {
  @Get()
  health(): HealthView {
    return { status: 'ok' };
  }
}
