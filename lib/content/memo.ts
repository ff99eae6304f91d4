// What the loader computed from a file or a body, kept per process under the id of its bytes (a
// git blob id, a body's key), so a new release costs the work of only what it changed. Kept on
// globalThis: Next bundles lib/content into each route, and every copy loads the same content.
// An entry neither of the last two loads used is let go, so the memo holds about two releases.

interface Kept<T> {
  value: T;
  load: number;
}

export type Table<T> = Map<string, Kept<T>>;

interface Loads {
  load: number;
  tables: Set<Table<unknown>>;
}

const LOADS = Symbol.for('meridian.content.memo');

function loads(): Loads {
  const existing: Loads | undefined = Reflect.get(globalThis, LOADS);
  if (existing) return existing;
  const created: Loads = { load: 0, tables: new Set() };
  Reflect.set(globalThis, LOADS, created);
  return created;
}

/** The process's table `name`, shared by every bundled copy of this module. */
export function table<T>(name: string): Table<T> {
  const key = Symbol.for(`meridian.content.memo.${name}`);
  const existing: Table<T> | undefined = Reflect.get(globalThis, key);
  if (existing) return existing;
  const created: Table<T> = new Map();
  Reflect.set(globalThis, key, created);
  loads().tables.add(created);
  return created;
}

/** The value kept under `key`, marked as used by the load under way. */
export function recall<T>(memo: Table<T>, key: string): T | undefined {
  const kept = memo.get(key);
  if (kept) kept.load = loads().load;
  return kept?.value;
}

export function keep<T>(memo: Table<T>, key: string, value: T): T {
  memo.set(key, { value, load: loads().load });
  return value;
}

export function remember<T>(memo: Table<T>, key: string, make: () => T): T {
  return recall(memo, key) ?? keep(memo, key, make());
}

/** Starts a load: what it uses, and what the load before it used, is kept when it finishes. */
export function startLoad(): void {
  loads().load++;
}

export function finishLoad(): void {
  const { load, tables } = loads();
  for (const memo of tables) {
    for (const [key, kept] of memo) if (kept.load < load - 1) memo.delete(key);
  }
}
