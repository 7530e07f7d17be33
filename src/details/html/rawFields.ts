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

/**
 * The raw scalars that none of the panel's structured rows shows. Matching is by value, not by
 * field name (only the service adapters know raw field names): each shown value accounts for one
 * raw scalar, so a duplicate or an unmapped field is still listed and nothing the API sent is lost.
 */
export function uncoveredLeaves(raw: unknown, shownValues: readonly unknown[]): RawLeaf[] {
  const remaining = new Map<string, number>();
  for (const value of shownValues) {
    if (value === undefined) continue;
    const key = valueKey(value);
    remaining.set(key, (remaining.get(key) ?? 0) + 1);
  }
  return rawLeaves(raw).filter((leaf) => {
    const key = valueKey(leaf.value);
    const count = remaining.get(key) ?? 0;
    if (count === 0) return true;
    remaining.set(key, count - 1);
    return false;
  });
}
