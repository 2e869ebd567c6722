import type { DatasetGenerationRequested, DocumentIngested, ParametersSaved, ProjectCreated } from '@compileo/domain';
import { dataOf, type ProjectionHandler } from './projection';

export const projectsProjection: ProjectionHandler = async (event, tx, t) => {
  switch (event.type) {
    case 'ProjectCreated': {
      const d = dataOf<ProjectCreated['data']>(event);
      await tx.query(`INSERT INTO ${t.projects} (id, name, description, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING`, [
        d.projectId,
        d.name,
        d.description,
        d.createdAt,
      ]);
      return;
    }
    case 'ParametersSaved': {
      const d = dataOf<ParametersSaved['data']>(event);
      await tx.query(
        `INSERT INTO ${t.parameters} (id, project_id, parameters, created_at, seq) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO NOTHING`,
        [d.parameterId, d.projectId, JSON.stringify(d.parameters), d.savedAt, event.revision.toString()],
      );
      return;
    }
    case 'DocumentIngested': {
      const d = dataOf<DocumentIngested['data']>(event);
      await tx.query(`UPDATE ${t.projects} SET document_count = document_count + 1 WHERE id = $1`, [d.projectId]);
      return;
    }
    case 'DatasetGenerationRequested': {
      const d = dataOf<DatasetGenerationRequested['data']>(event);
      await tx.query(`UPDATE ${t.projects} SET dataset_count = dataset_count + 1 WHERE id = $1`, [d.projectId]);
      return;
    }
  }
};
