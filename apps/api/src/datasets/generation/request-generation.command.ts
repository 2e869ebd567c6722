import type { GenerateInput } from './generate.schema';

export class RequestGenerationCommand {
  constructor(
    readonly input: GenerateInput,
    readonly actor: string,
  ) {}
}

export interface GenerationStarted {
  readonly jobId: string;
  readonly datasetId: string;
}
