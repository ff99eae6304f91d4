/** Values made once per key, of which the `limit` most recently used are kept. */
export class RecentlyUsed<K, V> {
  readonly #entries = new Map<K, V>();

  constructor(readonly limit: number) {}

  get(key: K, make: () => V): V {
    let value = this.#entries.get(key);
    if (value === undefined) {
      value = make();
      if (this.#entries.size >= this.limit) {
        const oldest = this.#entries.keys().next();
        if (!oldest.done) this.#entries.delete(oldest.value);
      }
    } else {
      this.#entries.delete(key);
    }
    this.#entries.set(key, value);
    return value;
  }
}
