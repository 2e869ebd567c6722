import { Global, Module } from '@nestjs/common';
import { APP_GUARD, APP_PIPE } from '@nestjs/core';
import { EventWriter } from './event-writer';
import { JsonContentTypeGuard } from './json-content-type.guard';
import { PathParamsPipe } from './path-params.pipe';

@Global()
@Module({
  providers: [EventWriter, { provide: APP_GUARD, useClass: JsonContentTypeGuard }, { provide: APP_PIPE, useClass: PathParamsPipe }],
  exports: [EventWriter],
})
export class HttpCoreModule {}
