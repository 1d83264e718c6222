// Safe HTML building. Article text is untrusted: a scraped page can hold `<script>` or a stray `<`,
// so every value interpolated into `html`…`` is escaped unless it is already SafeHtml, i.e. markup
// this code built itself. There is deliberately no helper that trusts a plain string.

/** Markup built by this module; the only thing `html` interpolates without escaping. */
export class SafeHtml {
  readonly value: string;
  constructor(value: string) {
    this.value = value;
  }
  toString(): string {
    return this.value;
  }
}

/** Anything a template may interpolate. Arrays are joined; null, undefined and false render nothing. */
export type Interpolation = SafeHtml | string | number | boolean | null | undefined | readonly Interpolation[];

const NEEDS_ESCAPE = /[&<>"']/g;

/** The escape of each character `escapeHtml` replaces, by its code. */
function escapeOf(code: number): string {
  switch (code) {
    case 38:
      return '&amp;';
    case 60:
      return '&lt;';
    case 62:
      return '&gt;';
    case 34:
      return '&quot;';
    default:
      return '&#39;';
  }
}

/** Escapes text for use in element content and in quoted attribute values. */
export function escapeHtml(text: string): string {
  // Most values (names, dates, URLs, most sentences) have nothing to escape: one scan, and the
  // string itself back. The rest is copied between the matches the same scan finds, without a
  // callback per match (a clean build escapes some 400 MB of pages' text and attributes).
  NEEDS_ESCAPE.lastIndex = 0;
  let match = NEEDS_ESCAPE.exec(text);
  if (match === null) return text;
  let out = '';
  let from = 0;
  do {
    out += text.slice(from, match.index) + escapeOf(text.charCodeAt(match.index));
    from = match.index + 1;
    match = NEEDS_ESCAPE.exec(text);
  } while (match !== null);
  return out + text.slice(from);
}

function render(value: Interpolation): string {
  if (typeof value === 'string') return escapeHtml(value);
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(String(value));
}

/** Tagged template: the literal parts are trusted markup, every interpolated value is escaped. */
export function html(strings: TemplateStringsArray, ...values: Interpolation[]): SafeHtml {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) out += render(values[i]) + (strings[i + 1] ?? '');
  return new SafeHtml(out);
}

/** Joins fragments with a separator that is itself escaped. */
export function join(parts: readonly Interpolation[], separator: string): SafeHtml {
  return new SafeHtml(parts.map(render).join(escapeHtml(separator)));
}
