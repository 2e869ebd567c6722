import type { RegenerationConfig } from '@compileo/domain';
import { Command } from '@nestjs/cqrs';

/** Edits an entry; resolves to its new version. */
export class EditEntryCommand extends Command<number> {
  constructor(
    readonly datasetId: string,
    readonly entryId: string,
    readonly changes: { readonly question?: string; readonly answer?: string; readonly category?: string },
    readonly feedback: string | null,
    readonly expectedVersion: number | null,
    readonly actor: string,
  ) {
    super();
  }
}

/** Adds feedback to entries; resolves to how many distinct entries it names. */
export class AddFeedbackCommand extends Command<number> {
  constructor(
    readonly datasetId: string,
    readonly entryIds: readonly string[],
    readonly feedbackType: 'bulk_edit' | 'quality_issue' | 'content_error',
    readonly comments: string | null,
    readonly rating: number | null,
    readonly actor: string,
  ) {
    super();
  }
}

/** Requests regeneration of entries; resolves to the `regenerate_` job id. */
export class RequestRegenerationCommand extends Command<string> {
  constructor(
    readonly datasetId: string,
    readonly entryIds: readonly string[],
    readonly config: Omit<RegenerationConfig, 'model'> & { readonly model?: string },
    readonly actor: string,
  ) {
    super();
  }
}
