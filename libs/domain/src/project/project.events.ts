import type { DomainEvent } from '../shared/decider';
import type { PromptParameters } from '../values';

export type ProjectCreated = DomainEvent<
  'ProjectCreated',
  {
    readonly projectId: string;
    readonly name: string;
    readonly description: string | null;
    readonly createdAt: string;
  }
>;

/** A saved set of generation parameters; every save is kept, the latest wins. */
export type ParametersSaved = DomainEvent<
  'ParametersSaved',
  {
    readonly parameterId: string;
    readonly projectId: string;
    readonly parameters: PromptParameters & { readonly dataset_format: string };
    readonly savedAt: string;
  }
>;

/**
 * A named generation took its version: the next minor of its name when versioned, else 1.0.0. Allocated
 * on the project stream so that generations started at the same time under one name get distinct versions.
 */
export type DatasetVersionAllocated = DomainEvent<
  'DatasetVersionAllocated',
  {
    readonly projectId: string;
    readonly datasetId: string;
    readonly name: string;
    readonly version: string;
    readonly allocatedAt: string;
  }
>;

export type ProjectEvent = ProjectCreated | ParametersSaved | DatasetVersionAllocated;
