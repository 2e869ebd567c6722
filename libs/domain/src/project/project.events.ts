import type { DomainEvent } from '../shared/decider';
import type { PromptParameters } from '../values';

export type ProjectCreated = DomainEvent<'ProjectCreated', {
  readonly projectId: string;
  readonly name: string;
  readonly description: string | null;
  readonly createdAt: string;
}>;

/** A saved set of generation parameters; every save is kept, the latest wins. */
export type ParametersSaved = DomainEvent<'ParametersSaved', {
  readonly parameterId: string;
  readonly projectId: string;
  readonly parameters: PromptParameters & { readonly dataset_format: string };
  readonly savedAt: string;
}>;

export type ProjectEvent = ProjectCreated | ParametersSaved;
