// Problems are recorded as messages with a place, in the manner of vfile: a bad article is
// reported with everything else wrong in the build, not thrown at the first problem.
import type { Message, Severity } from '../record.ts';

/** 1-based line and column of a character offset in a text. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(Math.max(offset, 0), text.length);
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: end - lineStart + 1 };
}

export function message(
  severity: Severity,
  ruleId: string,
  reason: string,
  file: string,
  place: { line: number; column: number } = { line: 1, column: 1 },
): Message {
  return { severity, ruleId, reason, file, line: place.line, column: place.column };
}

export function formatMessage(m: Message): string {
  return `${m.file}:${m.line}:${m.column}: ${m.severity}: ${m.reason} [${m.ruleId}]`;
}
