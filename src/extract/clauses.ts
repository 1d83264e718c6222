// What opens a writer's sentence before its main clause: the subjects named there are not the
// sentence's, for finding who speaks and for whom a later pronoun stands.

/**
 * What opens a sentence before its subject: an adverbial ("In Iowa,", "Speaking on Monday,"), a
 * participle clause ("Continuing to explain his view,") or a subordinate clause, whose own subject
 * is not the sentence's ("When Trump suggested …, Rubio fired back:").
 */
const SUBORDINATORS = 'When|While|If|Although|Though|Because|Since|Unless|Until|Once';
export const OPENING_CLAUSE = new RegExp(String.raw`^\s*(?:(?:In|On|At|During|After|Before|Meanwhile|Later|Earlier|Still|However|Also|Then|Last|This|Asked|Speaking|Following)\b[^,]{0,60},\s*|(?:From|With|Under|Despite|Unlike|Amid|Beyond|Without)\s[^,]{0,120},\s*|(?:${SUBORDINATORS}|\p{Lu}\p{Ll}+ing)\s[^,“”"]{0,120},\s*)`, 'u');

/**
 * An opening subordinate clause, up to its comma: "When Trump suggested that Cuba would sue,", "After
 * Brown criticized Clinton in a debate,", "As Blumenthal spoke, the NRA …". An "As" clause the quote
 * follows at once is the attribution itself: "As Berg put it, “…”".
 */
export const SUBORDINATE_OPENING = new RegExp(String.raw`^\s*(?:(?:${SUBORDINATORS}|After|Before)\s[^,“”"]{0,120},|As\s[^,“”"]{0,120},(?!\s*[“"‘]))`, 'u');

const SUBORDINATE_START = new RegExp(String.raw`^\s*(?:${SUBORDINATORS}|After|Before|As)\s`, 'u');

/**
 * Where the main clause of a sentence (or of its opening words, `text`) starts: after its opening
 * subordinate clauses ("While Karl Lund won friends on the council, …"); null while `text` is still
 * inside one ("While Karl Lund" has not reached its main clause). Adverbials such as "In a
 * statement," are left in: treated as part of the main clause they changed nothing measurable.
 */
export function mainClauseStart(text: string): number | null {
  let at = 0;
  for (let i = 0; i < 3; i++) {
    const rest = text.slice(at);
    const clause = SUBORDINATE_OPENING.exec(rest)?.[0];
    if (!clause) break;
    at += clause.length;
  }
  return SUBORDINATE_START.test(text.slice(at)) ? null : at;
}
