/** `project_id` may arrive as a number or a string; both are looked up as text. */
export const idText = (value: string | number): string => String(value).trim();

/** A dataset route takes the bare UUID or the alias `dataset_<uuid>`. */
export const datasetIdOf = (param: string): string => (param.startsWith('dataset_') ? param.slice('dataset_'.length) : param);
