import { Global, Module } from '@nestjs/common';
import { EventWriter } from './event-writer';

@Global()
@Module({ providers: [EventWriter], exports: [EventWriter] })
export class HttpCoreModule {}
