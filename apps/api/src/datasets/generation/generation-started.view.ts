/** `POST /generate` and `/generate-evaluation`: the job to poll and the dataset it fills. */
export interface GenerationStartedView {
  readonly job_id: string;
  readonly message: string;
  readonly dataset_id: string;
}
