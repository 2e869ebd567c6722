import { datasetsProjection } from './datasets.projection';
import { documentsProjection } from './documents.projection';
import { entriesProjection } from './entries.projection';
import { jobsProjection } from './jobs.projection';
import type { ProjectionHandler } from './projection';
import { projectsProjection } from './projects.projection';

/** Every read-model projection, applied in this order to each event. */
export const READ_MODEL_PROJECTIONS: readonly ProjectionHandler[] = [
  projectsProjection,
  documentsProjection,
  datasetsProjection,
  entriesProjection,
  jobsProjection,
];

export const applyAll: ProjectionHandler = async (event, tx, tables) => {
  for (const projection of READ_MODEL_PROJECTIONS) await projection(event, tx, tables);
};
