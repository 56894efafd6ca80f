// Reply shapes the contract fixes but shared/ does not describe with a zod schema.

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
