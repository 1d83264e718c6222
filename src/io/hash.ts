// The one content hash of the project: cache keys, file contents, page inputs, search bundles and
// code versions are all SHA-256 in hex. (On these machines SHA-256 hashes as fast as SHA-1: the CPU
// has instructions for it.)
import { createHash, type Hash } from 'node:crypto';

/** The hash of the parts, one after the other. */
export function hashOf(...parts: (string | Uint8Array)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest('hex');
}

/** A hash to feed piece by piece (a file generated in pieces); its digest equals `hashOf` of the pieces joined. */
export function startHash(): Hash {
  return createHash('sha256');
}
