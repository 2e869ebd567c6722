import { JOB_STATUSES } from '@compileo/domain';
import { JobsQueries, ProjectsQueries } from '@compileo/read-models';
import { Controller, Get, Query } from '@nestjs/common';
import { z } from 'zod';
import { pageFields, projectIdQuery } from '../../http/paging';
import { projectPage, type PageView } from '../../http/project-page';
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
export type JobPageView = PageView<'jobs', JobStatusView & { readonly project_id: string | null }>;

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
    return projectPage(
      this.projects,
      q,
      'jobs',
      (w) => this.jobs.listByProject(q.project_id, q.status ?? null, w),
      (job) => ({ ...jobStatusView(job), project_id: job.project_id }),
    );
  }
}
