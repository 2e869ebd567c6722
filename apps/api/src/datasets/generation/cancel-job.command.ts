export class CancelJobCommand {
  constructor(
    readonly datasetId: string,
    readonly jobId: string,
    readonly actor: string,
  ) {}
}
