import { EVENT_STORE, type EventStore } from '@compileo/event-store';
import { SQL_CLIENT, type SqlClient } from '@compileo/sql';
import { ProjectionRunner } from '@compileo/read-models';
import type { DataDirLock } from './data-dir-lock';
import { DATA_DIR_LOCK } from './platform.providers';
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';

/** Starts the read-model projection with the app and closes the database last, after workers have stopped, then gives up DATA_DIR. */
@Injectable()
export class PlatformLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    private readonly projections: ProjectionRunner,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
    @Inject(DATA_DIR_LOCK) private readonly lock: DataDirLock | null,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.projections.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.projections.stop();
    await this.store.close();
    await this.sql.close();
    this.lock?.release(); // only once PGlite has flushed and closed its files
  }
}
