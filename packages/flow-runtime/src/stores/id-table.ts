/**
 * A table from instance id to the memory store's entry, for a store that only
 * grows (no entry is ever removed). A `Map` keyed by strings walks a bucket's
 * chain and reads each candidate key string to compare it, several cache
 * misses per look-up once the store holds hundreds of thousands of cases (a
 * look-up for a new case's id, which finds nothing, was ≈9 % of a start and
 * complete). Here each slot keeps a 32-bit hash of its id beside the entry,
 * probed in a typed array (open addressing, at most half full), so a
 * look-up reads the id of an entry only when the hashes match.
 */
export class IdTable<T extends { readonly instanceId: string }> {
  private hashes = new Int32Array(1024);
  private entries: (T | undefined)[] = new Array<T | undefined>(1024).fill(undefined);
  private count = 0;

  /** Entries held. */
  get size(): number {
    return this.count;
  }

  /** The entry of `id`, if any. */
  get(id: string): T | undefined {
    if (typeof id !== 'string') return undefined;
    const h = hash(id);
    const mask = this.hashes.length - 1;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const x = this.hashes[i]!;
      if (x === 0) return undefined;
      if (x === h) {
        const entry = this.entries[i]!;
        if (entry.instanceId === id) return entry;
      }
    }
  }

  /** Adds the entry of an id the table does not hold (the caller has looked it up). */
  add(entry: T): void {
    if (2 * (this.count + 1) > this.hashes.length) this.grow();
    this.put(hash(entry.instanceId), entry);
    this.count++;
  }

  private put(h: number, entry: T): void {
    const mask = this.hashes.length - 1;
    let i = h & mask;
    while (this.hashes[i] !== 0) i = (i + 1) & mask;
    this.hashes[i] = h;
    this.entries[i] = entry;
  }

  /** Doubles the table, placing every entry again by its kept hash. */
  private grow(): void {
    const hashes = this.hashes;
    const entries = this.entries;
    this.hashes = new Int32Array(hashes.length * 2);
    this.entries = new Array<T | undefined>(hashes.length * 2).fill(undefined);
    for (let i = 0; i < hashes.length; i++) if (hashes[i] !== 0) this.put(hashes[i]!, entries[i]!);
  }
}

/** FNV-1a of the string's UTF-16 code units, never 0 (0 marks an empty slot). */
export function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h | 1;
}
