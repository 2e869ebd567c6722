import type { Admin } from 'kafkajs';

/** kafkajs's error for a createTopics that another worker won: the topic is there, which is all we need. */
const alreadyExists = (error: unknown): boolean => {
  const nested = (error as { errors?: unknown[] }).errors;
  const all = Array.isArray(nested) && nested.length > 0 ? nested : [error];
  return all.every((e) => (e as { type?: string }).type === 'TOPIC_ALREADY_EXISTS');
};

/** The topics of one deployment: job triggers, their retries, and those that failed every attempt. */
export interface JobTopics {
  readonly jobs: string;
  readonly retry: string;
  readonly deadLetter: string;
}

export const jobTopics = (base: string): JobTopics => ({ jobs: base, retry: `${base}.retry`, deadLetter: `${base}.dlt` });

/**
 * Creates the topics if they are missing. The partition count bounds how many workers share the jobs: a
 * partition is consumed by one worker of the group at a time.
 */
export const ensureTopics = async (admin: Admin, topics: JobTopics, partitions: number): Promise<void> => {
  try {
    await admin.createTopics({
      waitForLeaders: true,
      topics: [topics.jobs, topics.retry, topics.deadLetter].map((topic) => ({ topic, numPartitions: partitions, replicationFactor: -1 })),
    });
  } catch (error) {
    if (!alreadyExists(error)) throw error;
  }
};
