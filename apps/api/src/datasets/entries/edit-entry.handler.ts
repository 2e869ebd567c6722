import {
  applyEdit,
  changesAnything,
  datasetDecider,
  datasetStream,
  NotFoundError,
  type DatasetState,
  type EditScore,
} from '@compileo/domain';
import { scoreEditedContent } from '@compileo/jobs';
import { CLOCK, type Clock } from '@compileo/platform';
import { DocumentsQueries } from '@compileo/read-models';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EventWriter } from '../../http/event-writer';
import { EditEntryCommand } from './dataset-commands';
import { loadDataset } from './load-dataset';

/**
 * Records an edit as a new revision of the entry; returns the entry's new version. The edited content is
 * scored here, before the event is written, so the event carries the new score and replays never rescore.
 */
@CommandHandler(EditEntryCommand)
export class EditEntryHandler implements ICommandHandler<EditEntryCommand> {
  constructor(
    private readonly writer: EventWriter,
    private readonly documents: DocumentsQueries,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(c: EditEntryCommand): Promise<number> {
    const state = await loadDataset(this.writer, c.datasetId);
    const score = await this.scoreOf(state, c);
    const result = await this.writer.write(
      datasetStream(c.datasetId),
      datasetDecider,
      {
        type: 'EditEntry',
        entryId: c.entryId,
        changes: c.changes,
        feedback: c.feedback,
        expectedVersion: c.expectedVersion,
        score,
        actor: c.actor,
        now: this.clock.now().toISOString(),
      },
      { actor: c.actor },
    );
    return result.state.entries.get(c.entryId)!.version;
  }

  /**
   * The score of the entry's content once edited, on the state read here. A concurrent edit of the same
   * entry is caught by the decider when the request names a version; one without a condition is scored on
   * the content this request saw, which holds the text it sent.
   */
  private async scoreOf(state: DatasetState, c: EditEntryCommand): Promise<EditScore | null> {
    const entry = state.entries.get(c.entryId);
    if (!entry) throw new NotFoundError('entry', c.entryId);
    if (!changesAnything(c.changes) || !state.request!.config.analyze_quality) return null;
    const chunkText = (await this.documents.chunkText(entry.sourceChunk)) ?? '';
    return scoreEditedContent(applyEdit(entry.content, c.changes), chunkText, state.request!.config);
  }
}
