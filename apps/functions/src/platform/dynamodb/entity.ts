/**
 * Entities of the single table, declared once each (in the spirit of ElectroDB, on plain lib-dynamodb):
 * a feature's `*.entities.ts` says how an entity's keys and index keys are built and which fields are
 * stored; its adapter builds items and reads them back only through that declaration.
 */
export interface TableKey {
  pk: string;
  sk: string;
}

export interface Gsi1Key {
  gsi1pk: string;
  gsi1sk: string;
}

export type Item = Record<string, unknown>;

/** The named fields of an item that are set (undefined ones are left out, as DynamoDB stores them). */
export function pick<T>(item: Item, fields: readonly string[]): T {
  return Object.fromEntries(fields.filter((f) => item[f] !== undefined).map((f) => [f, item[f]])) as T;
}

export interface EntitySpec<T, K> {
  /** Written as the item's `entity` attribute, so a partition holding several kinds stays readable. */
  name: string;
  key: (k: K) => TableKey;
  /** gsi1 keys of a stored value, when it is indexed. */
  index?: (value: T) => Gsi1Key | undefined;
  /** The fields stored and read back; anything else on an item (keys, counters of other writers) is ignored on read. */
  fields: readonly (keyof T & string)[];
  /** Items written without the `entity` attribute (kinds that never carried one keep their stored shape). */
  untagged?: true;
}

export interface Entity<T, K> {
  readonly name: string;
  key(k: K): TableKey;
  /** The whole item: keys, index keys, `entity` and the declared fields (plus `extra`, e.g. a ttl). */
  item(k: K, value: T, extra?: Item): Item;
  /** The value of a stored item: only the declared fields. */
  parse(item: Item): T;
}

export function defineEntity<T, K>(spec: EntitySpec<T, K>): Entity<T, K> {
  return {
    name: spec.name,
    key: spec.key,
    item: (k, value, extra) => ({
      ...spec.key(k),
      ...(spec.index?.(value) ?? {}),
      ...(spec.untagged ? {} : { entity: spec.name }),
      ...pick<Item>(value as Item, spec.fields),
      ...extra,
    }),
    parse: (item) => pick<T>(item, spec.fields),
  };
}

/** Zero-padded numbers sort as text (versions, chunks). */
export const pad = (n: number, width = 4) => String(n).padStart(width, '0');
