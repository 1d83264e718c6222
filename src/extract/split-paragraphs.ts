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

function markdownBlocks(body: string): Block[] {
  const tree = unified().use(remarkParse).parse(body) as Root;
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
