// Marks of when a build reaches its steps, for `npm run bench:watch -- --trace`, which lines them up
// with the moment it dropped an article. Off unless BUILD_TRACE is set: a line on stderr each,
// `[trace] <epoch ms> <what>`, the epoch so that another process can compare it with its own clock.

const ON = Boolean(process.env['BUILD_TRACE']);

/** Notes that the build reached `what` now (nothing unless BUILD_TRACE is set). */
export function trace(what: string): void {
  if (ON) process.stderr.write(`[trace] ${Date.now()} ${what}\n`);
}
