import { createHash } from 'node:crypto';
import {
  AppError,
  DIFFICULTIES,
  SPLITS,
  datasetDecider,
  datasetStream,
  documentDecider,
  documentStream,
  jobDecider,
  jobStream,
  projectDecider,
  projectStream,
  taxonomyDecider,
  taxonomyStream,
  type ChunkRecord,
  type DatasetCommand,
  type DatasetState,
  type ScoredItem,
  type SplitAssignments,
  type TaxonomyNode,
} from '@compileo/domain';
import type { CommandRunner } from '@compileo/event-store';
import type { Position } from '@compileo/event-store';
import { at, generationConfig, regenerationConfig } from './domain-fixtures';
import type { SeededRandom } from './seeded-random';

/**
 * A random but replayable workload of domain commands, run through a CommandRunner the way the API
 * and the worker would: projects, documents, taxonomies, parameters, generations chunk by chunk (with
 * rejected, duplicate and failed chunks), edits (some stale), feedback, regenerations and job claims.
 * Commands the domain refuses are expected and counted by error class.
 */
export interface WorkloadResult {
  readonly outcomes: Readonly<Record<string, number>>;
  readonly refusals: Readonly<Record<string, number>>;
  /** The decider state of every dataset after the last command. */
  readonly datasets: ReadonlyMap<string, DatasetState>;
  readonly lastPosition: Position | null;
}

interface ProjectModel {
  readonly id: string;
  readonly chunkIds: string[];
  readonly documentIds: string[];
  readonly taxonomies: { readonly id: string; readonly categories: readonly string[] }[];
}

interface DatasetModel {
  readonly id: string;
  readonly includeSplits: boolean;
  state: DatasetState;
}

const QUESTIONS = [
  'What is alpha?',
  'why beta',
  'How does gamma work?',
  'Define delta.',
  'what is ALPHA',
  'When is epsilon used?',
  'Who made zeta?',
  'Is eta safe?',
];
const ANSWERS = ['It is the first.', 'Because of reasons.', 'it is the first', 'By steps one two three.'];
const FREE_CATEGORIES = ['General', 'Science', 'History'];
const WORDS = ['lorem', 'ipsum', 'dolor', 'sit', 'amet', 'consectetur', 'adipiscing', 'elit'];

export const runDomainWorkload = async (runner: CommandRunner, random: SeededRandom, steps: number): Promise<WorkloadResult> => {
  const projects: ProjectModel[] = [];
  const datasets: DatasetModel[] = [];
  const jobs: { readonly jobId: string; readonly datasetId: string }[] = [];
  const outcomes: Record<string, number> = {};
  const refusals: Record<string, number> = {};
  let counter = 0;
  let clock = 0;
  let lastPosition: Position | null = null;
  const nextId = (prefix: string): string => `${prefix}-${++counter}`;
  const now = (): string => at(++clock);

  const attempt = async (name: string, fn: () => Promise<Position | null>): Promise<void> => {
    try {
      const position = await fn();
      if (position !== null) lastPosition = position;
      outcomes[name] = (outcomes[name] ?? 0) + 1;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const key = `${name}:${error.name}`;
      refusals[key] = (refusals[key] ?? 0) + 1;
    }
  };

  const runDataset = async (dataset: DatasetModel, command: DatasetCommand, idSeed?: string): Promise<Position | null> => {
    try {
      const result = await runner.run(datasetStream(dataset.id), datasetDecider, command, { idSeed, metadata: { actor: 'workload' } });
      dataset.state = result.state;
      return result.position;
    } catch (error) {
      dataset.state = (await runner.load(datasetStream(dataset.id), datasetDecider)).state;
      throw error;
    }
  };

  const randomItem = (dataset: DatasetModel, index: number, accepted: readonly string[]): ScoredItem => {
    const categories = dataset.state.request?.categories;
    const instruction = dataset.state.request?.config.generation_mode === 'instruction';
    const roll = random.next();
    const duplicateOf =
      roll < 0.12 && accepted.length > 0
        ? { entryId: random.pick(accepted), similarity: random.int(85, 99) / 100 }
        : roll < 0.24 && index > 0
          ? { batchIndex: random.int(0, index - 1), similarity: random.int(85, 99) / 100 }
          : undefined;
    return {
      question: random.chance(0.05) ? null : random.pick(QUESTIONS),
      answer: random.pick(ANSWERS),
      category: categories ? (random.chance(0.8) ? random.pick(categories) : 'Other') : random.pick(FREE_CATEGORIES),
      difficulty: random.pick(DIFFICULTIES),
      qualityScore: random.chance(0.1) ? null : random.int(0, 100) / 100,
      qualityComponents: random.chance(0.2) ? null : { clarity: random.int(0, 100) / 100, relevance: random.int(0, 100) / 100 },
      ...(instruction ? { instruction: 'Summarise.', input: random.pick(WORDS), output: random.pick(WORDS) } : {}),
      metadata: { model: 'extractive', variant: random.int(0, 3) },
      ...(duplicateOf ? { duplicateOf } : {}),
    };
  };

  const open = (d: DatasetModel, kind: 'generation' | 'regeneration') =>
    [...d.state.jobs.values()].filter((j) => j.kind === kind && !j.finished);
  const withEntries = (): DatasetModel[] => datasets.filter((d) => d.state.entries.size > 0);
  const generating = (): DatasetModel[] => datasets.filter((d) => open(d, 'generation').length > 0);
  const undoneChunks = (d: DatasetModel): number[] => {
    const job = open(d, 'generation')[0];
    return job ? (d.state.request?.chunkIds ?? []).map((_, i) => i).filter((i) => !job.done.has(String(i))) : [];
  };
  const withUndoneChunks = (): DatasetModel[] => generating().filter((d) => undoneChunks(d).length > 0);
  const allChunksDone = (): DatasetModel[] => generating().filter((d) => undoneChunks(d).length === 0);
  const regenerating = (): DatasetModel[] => datasets.filter((d) => open(d, 'regeneration').length > 0);
  const withChunks = (): ProjectModel[] => projects.filter((p) => p.chunkIds.length > 0);

  const actions: Record<string, { readonly weight: () => number; readonly run: () => Promise<void> }> = {
    createProject: {
      weight: () => (projects.length < 2 ? 5 : 0.5),
      run: () =>
        attempt('createProject', async () => {
          const id = nextId('project');
          const result = await runner.run(projectStream(id), projectDecider, {
            type: 'CreateProject',
            projectId: id,
            name: `Project ${id}`,
            description: random.chance(0.5) ? null : 'about',
            now: now(),
          });
          projects.push({ id, chunkIds: [], documentIds: [], taxonomies: [] });
          return result.position;
        }),
    },
    saveParameters: {
      weight: () => (projects.length ? 1 : 0),
      run: () =>
        attempt('saveParameters', async () => {
          const project = random.chance(0.9) ? random.pick(projects).id : 'project-missing';
          const parameters = {
            purpose: random.pick(WORDS),
            audience: random.pick(WORDS),
            negativity_ratio: random.int(0, 5) / 10,
            dataset_format: 'jsonl',
          };
          return (
            await runner.run(projectStream(project), projectDecider, {
              type: 'SaveParameters',
              projectId: project,
              parameterId: nextId('param'),
              parameters,
              now: now(),
            })
          ).position;
        }),
    },
    ingestDocument: {
      weight: () => (projects.length ? 1.5 : 0),
      run: () =>
        attempt('ingestDocument', async () => {
          const project = random.pick(projects);
          const documentId = random.chance(0.05) && project.documentIds.length ? random.pick(project.documentIds) : nextId('document');
          let offset = 0;
          const chunks: ChunkRecord[] = Array.from({ length: random.int(1, 4) }, (_, index) => {
            const text = Array.from({ length: random.int(3, 12) }, () => random.pick(WORDS)).join(' ');
            const heading = random.chance(0.3) ? null : `Section ${index}`;
            const chunk = {
              chunkId: `${documentId}-c${index}`,
              index,
              text,
              heading,
              headingPath: heading ? ['Doc', heading] : [],
              startOffset: offset,
              endOffset: offset + text.length,
              metadata: random.chance(0.3) ? { page_start: index + 1, page_end: index + 1 } : {},
            };
            offset += text.length + 1;
            return chunk;
          });
          const result = await runner.run(documentStream(documentId), documentDecider, {
            type: 'IngestDocument',
            documentId,
            projectId: project.id,
            fileName: `${documentId}.md`,
            contentType: 'text/markdown',
            sizeBytes: offset,
            chunkSize: 1000,
            chunkOverlap: 100,
            parsedBy: 'markdown',
            chunkedBy: 'markdown-headings',
            chunks,
            contentSha256: createHash('sha256')
              .update(chunks.map((c) => c.text).join('\n'))
              .digest('hex'),
            now: now(),
          });
          project.documentIds.push(documentId);
          project.chunkIds.push(...chunks.map((c) => c.chunkId));
          return result.position;
        }),
    },
    createTaxonomy: {
      weight: () => (projects.length ? 0.7 : 0),
      run: () =>
        attempt('createTaxonomy', async () => {
          const project = random.pick(projects);
          const taxonomyId = random.chance(0.05) && project.taxonomies.length ? random.pick(project.taxonomies).id : nextId('taxonomy');
          const taxonomy: TaxonomyNode = {
            name: 'root',
            children: random
              .subset(['Alpha', 'Beta', 'Gamma', 'Delta'], 3)
              .map((name) => ({ name, children: random.chance(0.5) ? [{ name: `${name} detail` }] : undefined })),
          };
          const result = await runner.run(taxonomyStream(taxonomyId), taxonomyDecider, {
            type: 'CreateTaxonomy',
            taxonomyId,
            projectId: project.id,
            name: `Taxonomy ${taxonomyId}`,
            description: null,
            taxonomy,
            now: now(),
          });
          project.taxonomies.push({ id: taxonomyId, categories: result.state.categories });
          return result.position;
        }),
    },
    requestGeneration: {
      weight: () => (withChunks().length ? 1.5 : 0),
      run: () =>
        attempt('requestGeneration', async () => {
          const project = random.pick(withChunks());
          const existing = random.chance(0.05) && datasets.length ? random.pick(datasets) : null;
          const dataset: DatasetModel = existing ?? {
            id: nextId('dataset'),
            includeSplits: random.chance(0.4),
            state: datasetDecider.initialState(),
          };
          const jobId = nextId('job');
          const taxonomy = project.taxonomies.length && random.chance(0.5) ? random.pick(project.taxonomies) : null;
          const position = await runDataset(dataset, {
            type: 'RequestGeneration',
            datasetId: dataset.id,
            jobId,
            projectId: project.id,
            name: `Dataset ${dataset.id}`,
            version: `1.${random.int(0, 3)}.0`,
            config: generationConfig({
              analyze_quality: random.chance(0.6),
              quality_threshold: random.int(2, 6) / 10,
              include_evaluation_sets: dataset.includeSplits,
              generation_mode: random.chance(0.2) ? 'instruction' : 'default',
              format_type: random.chance(0.5) ? 'jsonl' : 'parquet',
            }),
            model: 'extractive',
            taxonomyId: taxonomy?.id ?? null,
            categories: taxonomy?.categories ?? null,
            chunkIds: random.subset(project.chunkIds, 5),
            splitSeed: `seed-${dataset.id}`,
            now: now(),
          });
          datasets.push(dataset);
          jobs.push({ jobId, datasetId: dataset.id });
          return position;
        }),
    },
    claimJob: {
      weight: () => (jobs.length ? 1 : 0),
      run: () =>
        attempt('claimJob', async () => {
          const job = random.pick(jobs);
          const command = {
            type: 'ClaimJob',
            jobId: job.jobId,
            datasetId: job.datasetId,
            workerId: `worker-${random.int(1, 3)}`,
            now: now(),
            // Lapsed at once: any worker may claim again, as after a crash.
            leaseMs: 0,
          } as const;
          return (await runner.run(jobStream(job.jobId), jobDecider, command)).position;
        }),
    },
    recordChunk: {
      weight: () => (withUndoneChunks().length ? 7 : 0),
      run: () =>
        attempt('recordChunk', async () => {
          const dataset = random.pick(withUndoneChunks());
          const job = open(dataset, 'generation')[0];
          const chunkIds = dataset.state.request?.chunkIds ?? [];
          // Now and then a redelivered chunk that is already recorded: a no-op.
          const chunkIndex = random.chance(0.92) ? random.pick(undoneChunks(dataset)) : random.int(0, chunkIds.length - 1);
          const accepted = [...dataset.state.entries.keys()];
          const failure = random.chance(0.15) ? 'model timed out' : null;
          const items = failure ? [] : Array.from({ length: random.int(0, 4) }, (_, i) => randomItem(dataset, i, accepted));
          const usage = random.chance(0.5) ? { inputTokens: random.int(10, 500), outputTokens: random.int(10, 500), costUsd: null } : null;
          const command: DatasetCommand = {
            type: 'RecordChunk',
            jobId: job.jobId,
            chunkIndex,
            chunkId: chunkIds[chunkIndex],
            items,
            invalid: [],
            usage,
            failure,
            now: now(),
          };
          return runDataset(dataset, command, `${job.jobId}:chunk:${chunkIndex}`);
        }),
    },
    completeGeneration: {
      weight: () => (allChunksDone().length ? 3 : generating().length ? 0.2 : 0),
      run: () =>
        attempt('completeGeneration', async () => {
          const dataset = random.pick(allChunksDone().length ? allChunksDone() : generating());
          const job = open(dataset, 'generation')[0];
          const splits: SplitAssignments | null = dataset.includeSplits
            ? Object.fromEntries([...dataset.state.entries.keys()].map((id) => [id, random.pick(SPLITS)]))
            : null;
          return runDataset(
            dataset,
            { type: 'CompleteGeneration', jobId: job.jobId, splits, report: null, benchmark: null, now: now() },
            `${job.jobId}:complete`,
          );
        }),
    },
    failGeneration: {
      weight: () => (generating().length ? 0.3 : 0),
      run: () =>
        attempt('failGeneration', async () => {
          const dataset = random.pick(generating());
          const job = open(dataset, 'generation')[0];
          return runDataset(
            dataset,
            { type: 'FailGeneration', jobId: job.jobId, error: 'every chunk failed', now: now() },
            `${job.jobId}:fail`,
          );
        }),
    },
    cancelJob: {
      weight: () => (generating().length || regenerating().length ? 0.3 : 0),
      run: () =>
        attempt('cancelJob', async () => {
          const dataset = random.pick([...generating(), ...regenerating()]);
          const job = random.pick([...open(dataset, 'generation'), ...open(dataset, 'regeneration')]);
          return runDataset(dataset, { type: 'CancelJob', jobId: job.jobId, actor: 'tester', now: now() }, `${job.jobId}:cancel`);
        }),
    },
    editEntry: {
      weight: () => (withEntries().length ? 3 : 0),
      run: () =>
        attempt('editEntry', async () => {
          const dataset = random.pick(withEntries());
          const entry = random.pick([...dataset.state.entries.values()]);
          const roll = random.next();
          const expectedVersion =
            roll < 0.7 ? entry.version : roll < 0.85 ? null : entry.version > 1 ? entry.version - 1 : entry.version + 1;
          const categories = dataset.state.request?.categories;
          const changes = {
            ...(random.chance(0.5) ? { question: `${random.pick(QUESTIONS)} (edited)` } : {}),
            ...(random.chance(0.5) ? { answer: `${random.pick(ANSWERS)} (edited)` } : {}),
            ...(random.chance(0.3) ? { category: categories && random.chance(0.8) ? random.pick([...categories, 'Other']) : 'Bogus' } : {}),
          };
          const command: DatasetCommand = {
            type: 'EditEntry',
            entryId: entry.entryId,
            changes,
            feedback: random.chance(0.4) ? 'fixed wording' : null,
            expectedVersion,
            score: changes.answer !== undefined ? { qualityScore: 0.5, qualityComponents: { grounding: 0.5 } } : null,
            actor: 'editor',
            now: now(),
          };
          return runDataset(dataset, command);
        }),
    },
    addFeedback: {
      weight: () => (withEntries().length ? 1 : 0),
      run: () =>
        attempt('addFeedback', async () => {
          const dataset = random.pick(withEntries());
          const entryIds = random.subset([...dataset.state.entries.keys()], 3);
          if (random.chance(0.1)) entryIds.push('entry_9999');
          return runDataset(dataset, {
            type: 'AddFeedback',
            feedbackId: nextId('feedback'),
            entryIds,
            feedbackType: random.pick(['bulk_edit', 'quality_issue', 'content_error'] as const),
            comments: random.chance(0.5) ? null : 'needs work',
            rating: random.chance(0.5) ? null : random.int(1, 5),
            actor: 'reviewer',
            now: now(),
          });
        }),
    },
    requestRegeneration: {
      weight: () => (withEntries().length ? 1 : 0),
      run: () =>
        attempt('requestRegeneration', async () => {
          const dataset = random.pick(withEntries());
          const entryIds = random.subset([...dataset.state.entries.keys()], 3);
          if (random.chance(0.1)) entryIds.push('entry_9999');
          const jobId = nextId('regenerate');
          const position = await runDataset(dataset, {
            type: 'RequestRegeneration',
            jobId,
            entryIds,
            config: regenerationConfig({ improve_quality: random.chance(0.5) }),
            now: now(),
          });
          jobs.push({ jobId, datasetId: dataset.id });
          return position;
        }),
    },
    recordRegeneratedEntry: {
      weight: () => (regenerating().length ? 3 : 0),
      run: () =>
        attempt('recordRegeneratedEntry', async () => {
          const dataset = random.pick(regenerating());
          const job = random.pick(open(dataset, 'regeneration'));
          const entryId = random.pick(job.entryIds);
          const { duplicateOf: _ignored, ...content } = randomItem(dataset, 0, []);
          return runDataset(
            dataset,
            { type: 'RecordRegeneratedEntry', jobId: job.jobId, entryId, content, now: now() },
            `${job.jobId}:entry:${entryId}`,
          );
        }),
    },
    completeRegeneration: {
      weight: () => (regenerating().length ? 1 : 0),
      run: () =>
        attempt('completeRegeneration', async () => {
          const dataset = random.pick(regenerating());
          const job = random.pick(open(dataset, 'regeneration'));
          const failed = job.entryIds.filter((id) => !job.done.has(id)).map((entryId) => ({ entryId, reason: 'model refused' }));
          return runDataset(
            dataset,
            { type: 'CompleteRegeneration', jobId: job.jobId, failed, kept: [], report: null, now: now() },
            `${job.jobId}:complete`,
          );
        }),
    },
  };

  for (let step = 0; step < steps; step++) {
    const weights = Object.fromEntries(Object.entries(actions).map(([name, action]) => [name, action.weight()]));
    await actions[random.weighted(weights)].run();
  }
  return { outcomes, refusals, datasets: new Map(datasets.map((d) => [d.id, d.state])), lastPosition };
};
