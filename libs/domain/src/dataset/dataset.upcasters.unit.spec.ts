import { initialDatasetState, upcastDatasetEvent } from '@compileo/domain';

describe('upcastDatasetEvent: DatasetRegenerationCompleted', () => {
  const kept = { entryId: 'entry_2', reason: 'kept the current version: no candidate scored above its 0.9' };
  const failed = { entryId: 'entry_3', reason: 'model refused' };

  it('schema 2 listed kept entries under failed; schema 3 reads them apart and keeps the recorded version', () => {
    const data = { jobId: 'r', regenerated: 1, failed: [kept, failed], datasetVersion: '1.0.4', completedAt: 'now' };
    expect(upcastDatasetEvent({ type: 'DatasetRegenerationCompleted', data, schemaVersion: 2 }, initialDatasetState())).toEqual({
      type: 'DatasetRegenerationCompleted',
      data: { ...data, failed: [failed], kept: [kept] },
    });
  });

  it('schema 1 gets the version bump of its time and the same split', () => {
    const before = { ...initialDatasetState(), version: '1.2.3' };
    const data = { jobId: 'r', regenerated: 0, failed: [kept], completedAt: 'now' };
    expect(upcastDatasetEvent({ type: 'DatasetRegenerationCompleted', data, schemaVersion: 1 }, before).data).toEqual({
      ...data,
      failed: [],
      kept: [kept],
      datasetVersion: '1.2.4',
    });
  });

  it('schema 3 is read as it is', () => {
    const data = { jobId: 'r', regenerated: 0, failed: [], kept: [kept], datasetVersion: '1.0.0', completedAt: 'now' };
    expect(upcastDatasetEvent({ type: 'DatasetRegenerationCompleted', data, schemaVersion: 3 }, initialDatasetState()).data).toBe(data);
  });
});
