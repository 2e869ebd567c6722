/** A project as `GET /projects/{id}` shows it. */
export interface ProjectView {
  readonly id: string;
  readonly name: string;
  readonly description: string | null;
  readonly created_at: string;
  readonly document_count: number;
  readonly dataset_count: number;
}

export interface ProjectListView {
  readonly projects: readonly ProjectView[];
  readonly total: number;
}
