import { JOB_BUS, type JobBus } from '@compileo/bus';
import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { JobDispatcher } from './job-dispatcher';

/** Starts taking jobs once the app is up; stops (aborting model calls) before the database closes. */
@Injectable()
export class JobsLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    @Inject(JOB_BUS) private readonly bus: JobBus,
    private readonly dispatcher: JobDispatcher,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.bus.start(this.dispatcher.handle);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.bus.stop();
  }
}
