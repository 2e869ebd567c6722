export { JOB_BUS, type JobBus, type JobTrigger } from './job-bus.port';
export { EmbeddedJobBus } from './embedded/embedded-job-bus';
export { busMigrations } from './bus.migrations';
export { KafkaJobBus, type KafkaJobBusOptions } from './kafka/kafka-job-bus';
