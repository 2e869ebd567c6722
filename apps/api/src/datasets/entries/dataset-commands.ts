import type { RegenerationConfig } from '@compileo/domain';

export class EditEntryCommand {
  constructor(
    readonly datasetId: string,
    readonly entryId: string,
    readonly changes: { readonly question?: string; readonly answer?: string; readonly category?: string },
    readonly feedback: string | null,
    readonly expectedVersion: number | null,
    readonly actor: string,
  ) {}
}

export class AddFeedbackCommand {
  constructor(
    readonly datasetId: string,
    readonly entryIds: readonly string[],
    readonly feedbackType: 'bulk_edit' | 'quality_issue' | 'content_error',
    readonly comments: string | null,
    readonly rating: number | null,
    readonly actor: string,
  ) {}
}

export class RequestRegenerationCommand {
  constructor(
    readonly datasetId: string,
    readonly entryIds: readonly string[],
    readonly config: Omit<RegenerationConfig, 'model'> & { readonly model?: string },
    readonly actor: string,
  ) {}
}
