// The archive steps' memo for the builds of one process (`npm start`): what they compute from a
// string alone, taken from the last build instead of computed again (text-memo.ts). A build
// command assembles once and needs none.
import { comparedText } from './build-archive.ts';
import { statementText, type StatementText } from './statements.ts';
import { TextMemo } from './text-memo.ts';

export class ArchiveMemo {
  /** Quote text → its words for statements (statements.ts). */
  readonly statements = new TextMemo<StatementText>(statementText);
  /** Article body → its text as duplicates are compared. */
  readonly texts = new TextMemo<string>(comparedText);

  /** Before each build (see TextMemo). */
  nextBuild(): void {
    this.statements.nextBuild();
    this.texts.nextBuild();
  }
}
