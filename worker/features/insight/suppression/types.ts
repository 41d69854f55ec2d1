/** The shapes `publish` takes and gives; see index.ts for the key convention. */
export type ResponseRow = Readonly<Record<string, string>>;

export interface TableSpec {
  id: string;
  question?: string;
  by: readonly string[];
  /** Scores of a scale question's options: the table's totals then carry a mean. */
  scores?: Readonly<Record<string, number>>;
}

export interface Cell {
  key: Readonly<Record<string, string>>;
  count: number | null;
  share?: number | null;
  mean?: number | null;
  suppressed?: 'primary' | 'secondary';
  /** The count is shown but its mean is hidden: together with the other figures it would reveal a hidden cell. */
  meanSuppressed?: 'secondary';
}

export interface PublishedTable {
  id: string;
  cells: Cell[];
}

export interface PublishOptions {
  threshold: number;
  /** Each dimension's (and each question's answerable) values, in order. */
  dimensions: Readonly<Record<string, readonly string[]>>;
}
