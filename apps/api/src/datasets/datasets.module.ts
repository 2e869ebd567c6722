import { ReadModelQueriesModule } from '@compileo/read-models';
import { Module } from '@nestjs/common';
import { ConfigController } from './config/config.controller';
import { DatasetDownloadService } from './dataset/dataset-download.service';
import { DatasetsController } from './dataset/datasets.controller';
import { AddFeedbackHandler } from './entries/add-feedback.handler';
import { EditEntryHandler } from './entries/edit-entry.handler';
import { EntriesController } from './entries/entries.controller';
import { RequestRegenerationHandler } from './entries/request-regeneration.handler';
import { CancelJobHandler } from './generation/cancel-job.handler';
import { GenerationController } from './generation/generation.controller';
import { GenerationEstimator } from './generation/generation-estimator';
import { GenerationPlanner } from './generation/generation-planner';
import { JobsController } from './generation/jobs.controller';
import { RequestGenerationHandler } from './generation/request-generation.handler';
import { ParametersController } from './parameters/parameters.controller';
import { SaveParametersHandler } from './parameters/save-parameters.handler';

/** Fixed paths (config, parameters, generate) are registered before the `/:dataset_id` routes. */
@Module({
  imports: [ReadModelQueriesModule],
  controllers: [ConfigController, ParametersController, GenerationController, EntriesController, DatasetsController, JobsController],
  providers: [
    RequestGenerationHandler,
    GenerationPlanner,
    GenerationEstimator,
    CancelJobHandler,
    EditEntryHandler,
    AddFeedbackHandler,
    RequestRegenerationHandler,
    SaveParametersHandler,
    DatasetDownloadService,
  ],
})
export class DatasetsModule {}
