/** One scalar of a raw API record, with its dotted path (`extend_info.fail_code.code`, `databases[1].name`). */
export interface RawLeaf {
  readonly path: string;
  readonly value: string | number | boolean | null;
}

/** Flattens a raw record into its scalars; empty objects and arrays count as `{}` / `[]` values. */
export function rawLeaves(raw: unknown, path = ''): RawLeaf[] {
  if (Array.isArray(raw)) {
    if (raw.length === 0) return [{ path, value: '[]' }];
    return raw.flatMap((item, i) => rawLeaves(item, `${path}[${i}]`));
  }
  if (raw !== null && typeof raw === 'object') {
    const entries = Object.entries(raw as Record<string, unknown>);
    if (entries.length === 0) return [{ path, value: '{}' }];
    return entries.flatMap(([key, value]) => rawLeaves(value, path ? `${path}.${key}` : key));
  }
  if (raw === undefined) return [];
  if (typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean' || raw === null) return [{ path, value: raw }];
  return [{ path, value: String(raw) }];
}

const valueKey = (value: unknown) => (value === null ? 'null' : String(value));
const lastSegment = (path: string) => path.slice(path.lastIndexOf('.') + 1).replace(/\[\d+\]$/, '');

/** A value a structured row shows; `key` is the raw field name it came from, when known (extras). */
export interface ShownValue {
  readonly value: unknown;
  readonly key?: string;
}

/**
 * The raw scalars that none of the panel's structured rows shows. Matching is by value (only the
 * service adapters know raw field names), preferring a scalar whose field name equals the row's
 * key where one is known, so common values (`true`, `0`) are attributed to the right field. Each
 * shown value accounts for one raw scalar: a duplicate or an unmapped field is still listed, and
 * nothing the API sent is lost.
 */
export function uncoveredLeaves(raw: unknown, shown: readonly ShownValue[]): RawLeaf[] {
  const leaves = rawLeaves(raw);
  const covered = new Set<number>();
  const cover = (matches: (leaf: RawLeaf) => boolean): boolean => {
    const index = leaves.findIndex((leaf, i) => !covered.has(i) && matches(leaf));
    if (index >= 0) covered.add(index);
    return index >= 0;
  };
  const present = shown.filter((item) => item.value !== undefined);
  const byValueOnly = present.filter(
    (item) =>
      !(item.key !== undefined && cover((leaf) => lastSegment(leaf.path) === item.key && valueKey(leaf.value) === valueKey(item.value))),
  );
  for (const item of byValueOnly) cover((leaf) => valueKey(leaf.value) === valueKey(item.value));
  return leaves.filter((_, i) => !covered.has(i));
}
