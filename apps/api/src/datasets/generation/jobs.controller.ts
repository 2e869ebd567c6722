import { JOB_STATUSES, NotFoundError } from '@compileo/domain';
import { JobsQueries, ProjectsQueries } from '@compileo/read-models';
import { Controller, Get, Query } from '@nestjs/common';
import { z } from 'zod';
import { pageFields, pageWindow, projectIdQuery } from '../../http/paging';
import { parseInput } from '../../http/parse-input';
import { jobStatusView, type JobStatusView } from './job-status.view';

const listQuerySchema = z
  .object({
    project_id: projectIdQuery,
    status: z.enum(JOB_STATUSES, { errorMap: () => ({ message: `must be one of ${JOB_STATUSES.join(', ')}` }) }).optional(),
    ...pageFields(50),
  })
  .strict();

/** `GET /jobs` lists a project's jobs, each as its status route shows it, with the project. */
export interface JobPageView {
  readonly jobs: readonly (JobStatusView & { readonly project_id: string | null })[];
  readonly total: number;
  readonly page: number;
  readonly per_page: number;
}

@Controller('api/v1/jobs')
export class JobsController {
  constructor(
    private readonly jobs: JobsQueries,
    private readonly projects: ProjectsQueries,
  ) {}

  /** `?project_id=` (required), `status` (one of the job statuses), `page`, `per_page`: generation and regeneration jobs, newest first. */
  @Get()
  async list(@Query() query: unknown): Promise<JobPageView> {
    const q = parseInput(listQuerySchema, query);
    if (!(await this.projects.find(q.project_id))) throw new NotFoundError('project', q.project_id);
    const { rows, total } = await this.jobs.listByProject(q.project_id, q.status ?? null, pageWindow(q));
    return { jobs: rows.map((job) => ({ ...jobStatusView(job), project_id: job.project_id })), total, page: q.page, per_page: q.per_page };
  }
}
