import { datasetDecider, fold, type DatasetCommand, type DatasetEvent, type DatasetState } from '@compileo/domain';
import { NOW, item, recordChunk, requestGeneration } from '@compileo/testing';

/** Given past events, when a command: the events it decides (evolving a copy of history as it goes). */
export class Scenario {
  private readonly history: DatasetEvent[] = [];

  constructor(initial: readonly DatasetEvent[] = []) {
    this.history.push(...initial);
  }

  get state(): DatasetState {
    return fold(datasetDecider, this.history);
  }

  get events(): readonly DatasetEvent[] {
    return this.history;
  }

  /** Decides `command` on the current state and records what it decided. */
  run(command: DatasetCommand): readonly DatasetEvent[] {
    const decided = datasetDecider.decide(command, this.state);
    this.history.push(...decided);
    return decided;
  }
}

export const caught = (fn: () => unknown): unknown => {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected the command to throw');
};

export const generating = (overrides: Parameters<typeof requestGeneration>[0] = {}): Scenario => {
  const s = new Scenario();
  s.run(requestGeneration(overrides));
  return s;
};

/** A ready dataset with entry_1..entry_3 accepted. */
export const ready = (overrides: Parameters<typeof requestGeneration>[0] = {}): Scenario => {
  const s = generating(overrides);
  s.run(recordChunk(0, [item('q1', { category: 'Alpha' }), item('q2', { category: 'Alpha' }), item('q3', { category: 'Alpha' })]));
  s.run({ type: 'CompleteGeneration', jobId: 'job-1', splits: null, report: null, benchmark: null, now: NOW });
  return s;
};
