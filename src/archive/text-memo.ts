// What the archive steps compute from a string alone (a quote's words for statements, an article's
// text as compared for duplicates), kept between the builds of one process: `npm start` assembles
// the whole archive again after every change, and of 5,000 articles' quotes all but a few are the
// ones the last build cut into words. The values are pure functions of their key, so a build that
// takes them from here gets exactly what it would compute.
export class TextMemo<T> {
  private current = new Map<string, T>();
  private last = new Map<string, T>();

  constructor(private readonly make: (text: string) => T) {}

  /** The value of `text`: remembered, or made now. */
  of(text: string): T {
    let value = this.current.get(text);
    if (value !== undefined) return value;
    value = this.last.get(text) ?? this.make(text);
    this.current.set(text, value);
    return value;
  }

  /** Before a build: what the build before the last did not use is forgotten, so memory follows the archive. */
  nextBuild(): void {
    this.last = this.current;
    this.current = new Map();
  }
}
