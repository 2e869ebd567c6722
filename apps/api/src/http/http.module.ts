import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { EventWriter } from './event-writer';
import { JsonContentTypeGuard } from './json-content-type.guard';

@Global()
@Module({ providers: [EventWriter, { provide: APP_GUARD, useClass: JsonContentTypeGuard }], exports: [EventWriter] })
export class HttpCoreModule {}
