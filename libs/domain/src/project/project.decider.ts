import { ConcurrencyError, NotFoundError } from '../errors';
import { nextMinorVersion } from '../dataset/dataset-version';
import type { Decider } from '../shared/decider';
import type { PromptParameters } from '../values';
import type { ProjectEvent } from './project.events';

export type ProjectCommand =
  | {
      readonly type: 'CreateProject';
      readonly projectId: string;
      readonly name: string;
      readonly description: string | null;
      readonly now: string;
    }
  | {
      readonly type: 'SaveParameters';
      readonly projectId: string;
      readonly parameterId: string;
      readonly parameters: PromptParameters & { readonly dataset_format: string };
      readonly now: string;
    }
  | {
      readonly type: 'AllocateDatasetVersion';
      readonly projectId: string;
      readonly datasetId: string;
      readonly name: string;
      /** enable_versioning: the next minor version of the name; else 1.0.0 (the name is still recorded). */
      readonly versioned: boolean;
      readonly now: string;
    };

export interface ProjectState {
  readonly exists: boolean;
  readonly latestParameters: (PromptParameters & { readonly dataset_format: string }) | null;
  /** Versions allocated so far to each dataset name. */
  readonly datasetVersions: ReadonlyMap<string, readonly string[]>;
}

export const projectStream = (projectId: string): string => `project-${projectId}`;

export const projectDecider: Decider<ProjectCommand, ProjectState, ProjectEvent> = {
  initialState: () => ({ exists: false, latestParameters: null, datasetVersions: new Map() }),
  decide(command, state) {
    if (command.type === 'CreateProject') {
      if (state.exists) throw new ConcurrencyError(`project ${command.projectId} already exists`, 'no_stream', 'stream_exists');
      return [
        {
          type: 'ProjectCreated',
          data: { projectId: command.projectId, name: command.name, description: command.description, createdAt: command.now },
        },
      ];
    }
    if (!state.exists) throw new NotFoundError('project', command.projectId);
    switch (command.type) {
      case 'SaveParameters':
        return [
          {
            type: 'ParametersSaved',
            data: { parameterId: command.parameterId, projectId: command.projectId, parameters: command.parameters, savedAt: command.now },
          },
        ];
      case 'AllocateDatasetVersion': {
        const version = command.versioned ? nextMinorVersion(state.datasetVersions.get(command.name) ?? []) : '1.0.0';
        return [
          {
            type: 'DatasetVersionAllocated',
            data: { projectId: command.projectId, datasetId: command.datasetId, name: command.name, version, allocatedAt: command.now },
          },
        ];
      }
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'ProjectCreated':
        return { ...state, exists: true };
      case 'ParametersSaved':
        return { ...state, latestParameters: event.data.parameters };
      case 'DatasetVersionAllocated': {
        const versions = [...(state.datasetVersions.get(event.data.name) ?? []), event.data.version];
        return { ...state, datasetVersions: new Map(state.datasetVersions).set(event.data.name, versions) };
      }
    }
  },
};
