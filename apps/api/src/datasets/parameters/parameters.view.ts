/** `POST /parameters`. */
export interface ParametersSavedView {
  readonly message: string;
  readonly parameter_id: string;
  readonly project_id: string;
}

/** One saved parameter set: its id and project, the parameters as saved, and when. */
export interface SavedParametersView {
  readonly id: string;
  readonly project_id: string;
  readonly created_at: string;
  readonly [parameter: string]: unknown;
}

/** `GET /parameters/{project_id}`: the latest set, or null when the project has none. */
export interface LatestParametersView {
  readonly parameters: SavedParametersView | null;
}
