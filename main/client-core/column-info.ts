/** A replica table's column, as `PRAGMA table_info` describes it. */
export interface ColumnInfo {
  name: string;
  type: string;
  notnull: boolean;
  hasDefault: boolean;
  pk: boolean;
}
