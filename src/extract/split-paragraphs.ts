// Article body → paragraphs with exact offsets. Markdown articles go through remark so that
// headings, block quotes and lists are understood; inside a Markdown paragraph every line is its
// own paragraph anyway, because pasted news text puts one paragraph on each line (a soft-wrapped
// Markdown paragraph would otherwise swallow a whole article). Raw text is split on lines.
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Root, RootContent } from 'mdast';
import type { Paragraph, ParagraphRole } from '../record.ts';

export interface Block {
  start: number;
  end: number;
  /** What the Markdown says the block is; raw text has only paragraphs. */
  heading: boolean;
}

/** Every non-blank line of a range as a block, trimmed of surrounding white space. */
function lineBlocks(body: string, from: number, to: number, heading: boolean): Block[] {
  const blocks: Block[] = [];
  let lineStart = from;
  while (lineStart < to) {
    let lineEnd = body.indexOf('\n', lineStart);
    if (lineEnd === -1 || lineEnd > to) lineEnd = to;
    let s = lineStart;
    let e = lineEnd;
    while (s < e && /\s/.test(body[s]!)) s++;
    while (e > s && /\s/.test(body[e - 1]!)) e--;
    if (e > s) blocks.push({ start: s, end: e, heading });
    lineStart = lineEnd + 1;
  }
  return blocks;
}

// One parser for every article: building it (and its extensions) anew costs more than parsing a short one.
const markdown = unified().use(remarkParse).freeze();

/**
 * Lines that can make Markdown's blocks differ from plain lines: a heading (ATX or a setext
 * underline), a block quote or a list item. Code, HTML, definitions and thematic breaks come out
 * as plain lines anyway (see `visit` below). A carriage return (a line end to micromark, not to
 * `lineBlocks`), a byte-order mark or a NUL also take the parser, to be safe.
 */
const BLOCK_SYNTAX = /^[^\S\n]*(?:[#>=+*-]|\d{1,9}[.)])|[\uFEFF\0\r]/mu;

function markdownBlocks(body: string): Block[] {
  // Most articles are pasted text with no block syntax at all: then every non-blank line is a
  // paragraph, exactly as remark would find it, at a fraction of the cost (tests compare the two).
  return BLOCK_SYNTAX.test(body) ? remarkBlocks(body) : lineBlocks(body, 0, body.length, false);
}

/** The blocks of a Markdown body as remark parses them. */
export function remarkBlocks(body: string): Block[] {
  const tree = markdown.parse(body) as Root;
  const blocks: Block[] = [];
  const visit = (node: RootContent): void => {
    if (node.type === 'paragraph' || node.type === 'heading') {
      const first = node.children[0]?.position?.start.offset;
      const last = node.children.at(-1)?.position?.end.offset;
      if (first !== undefined && last !== undefined) blocks.push(...lineBlocks(body, first, last, node.type === 'heading'));
      return;
    }
    if ('children' in node && node.type !== 'table') {
      for (const child of node.children as RootContent[]) visit(child);
      return;
    }
    // Code, HTML and tables are kept as plain lines: article text is never markup.
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start !== undefined && end !== undefined) blocks.push(...lineBlocks(body, start, end, false));
  };
  for (const node of tree.children) visit(node);
  return blocks;
}

export function splitBlocks(body: string, format: 'markdown' | 'text'): Block[] {
  return format === 'markdown' ? markdownBlocks(body) : lineBlocks(body, 0, body.length, false);
}

export function toParagraphs(body: string, blocks: Block[], roles: ParagraphRole[]): Paragraph[] {
  return blocks.map((b, index) => ({ index, role: roles[index] ?? 'body', start: b.start, end: b.end, text: body.slice(b.start, b.end) }));
}
