import type { DatasetChunkProcessed } from './dataset.events';
import type { DatasetState } from './dataset.state';
import type { RecordChunk } from './dataset.commands';
import type { EntryRecord, RejectedRecord, Rejection } from './dataset.types';
import { duplicateKey } from './duplicate-key';

/**
 * Numbers the items of one chunk and sorts them into accepted and rejected: under the quality
 * threshold, an exact duplicate of an accepted entry, or a near-duplicate the worker found.
 * Recording a chunk twice is a no-op, which makes a resumed or redelivered job safe.
 */
export const decideRecordChunk = (command: RecordChunk, state: DatasetState): DatasetChunkProcessed[] => {
  const job = state.jobs.get(command.jobId);
  if (!job || job.finished || job.done.has(String(command.chunkIndex))) return [];
  const config = state.request!.config;
  // Persistent: adding this batch's keys costs a few nodes, not a copy of every key of the dataset.
  let keys = state.duplicateKeys;
  const assigned: string[] = [];
  const accepted: EntryRecord[] = [];
  const rejected: RejectedRecord[] = [];
  let next = state.nextEntryNumber;
  for (const item of command.items) {
    const { duplicateOf, ...content } = item;
    const entryId = `entry_${next++}`;
    const record: EntryRecord = { ...content, entryId, sourceChunk: command.chunkId };
    const exact = keys.get(duplicateKey(item));
    // A near-duplicate hint names an existing entry or an earlier item of this batch; any other is ignored.
    const near =
      duplicateOf &&
      ('entryId' in duplicateOf
        ? duplicateOf.entryId
        : duplicateOf.batchIndex < assigned.length
          ? assigned[duplicateOf.batchIndex]
          : undefined);
    assigned.push(entryId);
    let rejection: Rejection | null = null;
    if (exact) rejection = { reason: 'duplicate', duplicate_of: exact, similarity: 1 };
    else if (near) rejection = { reason: 'duplicate', duplicate_of: near, similarity: duplicateOf.similarity };
    else if (config.analyze_quality && item.qualityScore !== null && item.qualityScore < config.quality_threshold) {
      rejection = { reason: 'below_threshold', score: item.qualityScore, threshold: config.quality_threshold };
    }
    if (rejection) rejected.push({ ...record, rejection });
    else {
      accepted.push(record);
      keys = keys.set(duplicateKey(item), entryId);
    }
  }
  return [
    {
      type: 'DatasetChunkProcessed',
      data: {
        jobId: command.jobId,
        chunkIndex: command.chunkIndex,
        chunkId: command.chunkId,
        accepted,
        rejected,
        invalid: command.invalid,
        usage: command.usage,
        failure: command.failure,
        processedAt: command.now,
      },
    },
  ];
};
