import { v5 as uuidv5 } from 'uuid';

/** Namespace for event ids derived from what caused them, so that a replayed step appends nothing new. */
const NAMESPACE = '6f2c1c4e-7d0b-4d6e-9a51-3c1f4b8e2a10';

export const deterministicId = (seed: string): string => uuidv5(seed, NAMESPACE);
