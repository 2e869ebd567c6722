import {
  DomainError,
  NotFoundError,
  projectDecider,
  projectStream,
  type FormatType,
  type GenerationConfig,
  type ProjectState,
} from '@compileo/domain';
import { BENCHMARK_SUITES, isBenchmarkSuite, ModelRegistry, type ResolvedModel } from '@compileo/generation';
import { DocumentsQueries, TaxonomiesQueries, type TaxonomyRow } from '@compileo/read-models';
import { Injectable } from '@nestjs/common';
import { EventWriter } from '../../http/event-writer';
import { idText } from '../../http/ids';
import type { GenerateInput } from './generate.schema';
import { generationConfig, mergeParameters } from './generation-config';

/** `qa` is the suite with data here; it scores the model on the test split, so it needs the splits. */
const checkBenchmark = (suite: string, withSplits: boolean): void => {
  if (!isBenchmarkSuite(suite)) {
    throw new DomainError(
      `benchmark_suite '${suite}' has no benchmark data configured on this server; available suites: ${BENCHMARK_SUITES.join(', ')}`,
      'benchmark_suite',
    );
  }
  if (!withSplits)
    throw new DomainError(
      `benchmark_suite '${suite}' evaluates the test split: set include_evaluation_sets or use /generate-evaluation`,
      'include_evaluation_sets',
    );
};

/** A generation request checked against everything a job will need, with every default resolved. */
export interface GenerationPlan {
  readonly projectId: string;
  readonly project: ProjectState;
  readonly model: ResolvedModel;
  readonly taxonomy: TaxonomyRow | null;
  readonly chunkIds: string[];
  readonly config: GenerationConfig;
}

/**
 * The checks of a generation request (project, chunks, taxonomy, model, benchmark, judge), shared by a
 * real request and a dry run, so that a request a dry run accepts is one a real run accepts, and a bad
 * one is the same 4xx. Reads only.
 */
@Injectable()
export class GenerationPlanner {
  constructor(
    private readonly writer: EventWriter,
    private readonly models: ModelRegistry,
    private readonly taxonomies: TaxonomiesQueries,
    private readonly documents: DocumentsQueries,
  ) {}

  async plan(input: GenerateInput): Promise<GenerationPlan> {
    const projectId = idText(input.project_id);
    const { state: project } = await this.writer.load(projectStream(projectId), projectDecider);
    if (!project.exists) throw new NotFoundError('project', projectId);
    const model = this.models.resolve(input.classification_model, 'classification_model');
    if (input.run_benchmarks) checkBenchmark(input.benchmark_suite, input.include_evaluation_sets);
    if (input.analyze_quality) this.models.judge(); // a configured judge the server cannot reach is a 422 now, not a failed job
    const taxonomy = input.taxonomy_name
      ? await this.taxonomies.findByName(input.taxonomy_project === null ? projectId : idText(input.taxonomy_project), input.taxonomy_name)
      : null;
    if (input.taxonomy_name && !taxonomy) throw new NotFoundError('taxonomy', input.taxonomy_name, 'taxonomy_name');
    const chunkIds = await this.documents.projectChunkIds(projectId);
    if (chunkIds.length === 0) throw new DomainError(`project ${projectId} has no chunks yet; upload documents first`, 'project_id');
    const saved = project.latestParameters;
    const formatType: FormatType = input.format_type ?? (saved?.dataset_format as FormatType | undefined) ?? 'jsonl';
    const config = generationConfig(input, { classificationModel: model.model, formatType, parameters: mergeParameters(saved, input) });
    return { projectId, project, model, taxonomy, chunkIds, config };
  }
}
