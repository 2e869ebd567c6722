import { Command } from '@nestjs/cqrs';

/** Cancels a pending or running job. */
export class CancelJobCommand extends Command<void> {
  constructor(
    readonly datasetId: string,
    readonly jobId: string,
    readonly actor: string,
  ) {
    super();
  }
}
