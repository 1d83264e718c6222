// The weight files of the learned steps (attribution-model.json, speech-model.json): feature names
// and numbers, written by `npm run train:attribution`. Both are read and checked the same way, and
// both score a set of features as the sum of their weights.
import { readFileSync } from 'node:fs';

export class ModelFileError extends Error {
  override readonly name = 'ModelFileError';
  constructor(path: string, what: string, options?: ErrorOptions) {
    super(`${path}: ${what}; run \`npm run train:attribution\` to write it again`, options);
  }
}

export interface WeightsFile {
  weights: Record<string, number>;
}

/** Reads a weight file and checks that every weight is a number; `what` names the model in errors ("the speech model"). */
export function readModelFile<T extends WeightsFile>(path: URL | string, what: string): T {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (cause) {
    throw new ModelFileError(String(path), `${what} cannot be read`, { cause });
  }
  const weights = (parsed as Partial<WeightsFile>).weights;
  if (!weights || typeof weights !== 'object' || Object.values(weights).some((w) => typeof w !== 'number' || !Number.isFinite(w))) {
    throw new ModelFileError(String(path), `${what} has no weights, or a weight that is not a number`);
  }
  return parsed as T;
}

/** The score of a set of features: the sum of their weights (unknown features weigh nothing). */
export function scoreOf(weights: Record<string, number>, features: readonly string[]): number {
  let z = 0;
  for (const f of features) z += weights[f] ?? 0;
  return z;
}
