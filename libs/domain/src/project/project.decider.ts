import { NotFoundError } from '../errors';
import type { Decider } from '../shared/decider';
import type { PromptParameters } from '../values';
import type { ProjectEvent } from './project.events';

export type ProjectCommand =
  | { readonly type: 'CreateProject'; readonly projectId: string; readonly name: string; readonly description: string | null; readonly now: string }
  | {
      readonly type: 'SaveParameters';
      readonly projectId: string;
      readonly parameterId: string;
      readonly parameters: PromptParameters & { readonly dataset_format: string };
      readonly now: string;
    };

export interface ProjectState {
  readonly exists: boolean;
  readonly latestParameters: (PromptParameters & { readonly dataset_format: string }) | null;
}

export const projectStream = (projectId: string): string => `project-${projectId}`;

export const projectDecider: Decider<ProjectCommand, ProjectState, ProjectEvent> = {
  initialState: () => ({ exists: false, latestParameters: null }),
  decide(command, state) {
    switch (command.type) {
      case 'CreateProject':
        return [{ type: 'ProjectCreated', data: { projectId: command.projectId, name: command.name, description: command.description, createdAt: command.now } }];
      case 'SaveParameters':
        if (!state.exists) throw new NotFoundError('project', command.projectId);
        return [
          {
            type: 'ParametersSaved',
            data: { parameterId: command.parameterId, projectId: command.projectId, parameters: command.parameters, savedAt: command.now },
          },
        ];
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'ProjectCreated':
        return { ...state, exists: true };
      case 'ParametersSaved':
        return { ...state, latestParameters: event.data.parameters };
    }
  },
};
