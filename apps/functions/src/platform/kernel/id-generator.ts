export interface IdGenerator {
  /** A new sortable id (ULID in production). */
  next(): string;
}
