import { NotFoundError, fold, projectDecider, projectStream, type ProjectCommand, type ProjectEvent } from '@compileo/domain';

const NOW = '2025-01-01T00:00:00.000Z';
const create: ProjectCommand = { type: 'CreateProject', projectId: 'p1', name: 'Alpha', description: null, now: NOW };
const save = (parameterId: string, purpose: string): ProjectCommand => ({
  type: 'SaveParameters',
  projectId: 'p1',
  parameterId,
  parameters: { purpose, dataset_format: 'jsonl' },
  now: NOW,
});

describe('project decider', () => {
  it('names its stream project-<id>', () => expect(projectStream('abc')).toBe('project-abc'));

  it('CreateProject records the project', () => {
    const events = projectDecider.decide(create, projectDecider.initialState());
    expect(events).toEqual([{ type: 'ProjectCreated', data: { projectId: 'p1', name: 'Alpha', description: null, createdAt: NOW } }]);
    expect(fold(projectDecider, events)).toMatchObject({ exists: true, latestParameters: null });
  });

  it('SaveParameters on a missing project is a NotFoundError', () => {
    expect(() => projectDecider.decide(save('param-1', 'x'), projectDecider.initialState())).toThrow(NotFoundError);
  });

  it('SaveParameters keeps every save; the latest wins in state', () => {
    const history: ProjectEvent[] = [...projectDecider.decide(create, projectDecider.initialState())];
    for (const [id, purpose] of [
      ['param-1', 'first'],
      ['param-2', 'second'],
    ] as const) {
      const events = projectDecider.decide(save(id, purpose), fold(projectDecider, history));
      expect(events).toEqual([
        {
          type: 'ParametersSaved',
          data: { parameterId: id, projectId: 'p1', parameters: { purpose, dataset_format: 'jsonl' }, savedAt: NOW },
        },
      ]);
      history.push(...events);
    }
    expect(fold(projectDecider, history).latestParameters).toEqual({ purpose: 'second', dataset_format: 'jsonl' });
  });

  describe('AllocateDatasetVersion', () => {
    const allocate = (datasetId: string, name: string, versioned = true): ProjectCommand => ({
      type: 'AllocateDatasetVersion',
      projectId: 'p1',
      datasetId,
      name,
      versioned,
      now: NOW,
    });

    it('on a missing project is a NotFoundError', () => {
      expect(() => projectDecider.decide(allocate('d1', 'qa'), projectDecider.initialState())).toThrow(NotFoundError);
    });

    it('gives each generation under a name the next minor version, names independent', () => {
      const history: ProjectEvent[] = [...projectDecider.decide(create, projectDecider.initialState())];
      const versions: string[] = [];
      for (const [datasetId, name] of [
        ['d1', 'qa'],
        ['d2', 'qa'],
        ['d3', 'other'],
        ['d4', 'qa'],
      ] as const) {
        const events = projectDecider.decide(allocate(datasetId, name), fold(projectDecider, history));
        expect(events).toHaveLength(1);
        expect(events[0].data).toMatchObject({ projectId: 'p1', datasetId, name });
        versions.push((events[0].data as { version: string }).version);
        history.push(...events);
      }
      expect(versions).toEqual(['1.0.0', '1.1.0', '1.0.0', '1.2.0']);
    });

    it('counts unversioned generations of a name too, so a later versioned one moves past them', () => {
      const history: ProjectEvent[] = [...projectDecider.decide(create, projectDecider.initialState())];
      history.push(...projectDecider.decide(allocate('d1', 'qa', false), fold(projectDecider, history)));
      const [next] = projectDecider.decide(allocate('d2', 'qa'), fold(projectDecider, history));
      expect((history[1].data as { version: string }).version).toBe('1.0.0');
      expect((next.data as { version: string }).version).toBe('1.1.0');
    });
  });
});
