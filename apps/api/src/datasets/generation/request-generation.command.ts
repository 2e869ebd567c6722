import type { GenerateInput } from './generate.schema';
import { Command } from '@nestjs/cqrs';

/** Requests a generation job; resolves to the job and dataset ids. */
export class RequestGenerationCommand extends Command<GenerationStarted> {
  constructor(
    readonly input: GenerateInput,
    readonly actor: string,
  ) {
    super();
  }
}

export interface GenerationStarted {
  readonly jobId: string;
  readonly datasetId: string;
}
