// A pure function's answers kept, for the functions asked the same thing again and again: a name's
// folded form, a word's type in the lexicon, a date as pages show it. Bounded: past `limit` answers
// all are forgotten at once, so that a long `npm start` session or a large archive holds no more.

/** `make`, remembering up to `limit` of its answers (a pure function of its one argument). */
export function remembering<K, V>(make: (key: K) => V, limit: number): (key: K) => V {
  const memo = new Map<K, V>();
  return (key) => {
    let value = memo.get(key);
    if (value === undefined) {
      value = make(key);
      if (memo.size >= limit) memo.clear();
      memo.set(key, value);
    }
    return value;
  };
}
