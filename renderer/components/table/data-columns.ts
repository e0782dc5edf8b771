import type { TableCellProps } from '@chakra-ui/react';
import {
  columnSizingFeature,
  createColumnHelper,
  createSortedRowModel,
  type RowData,
  rowSortingFeature,
  tableFeatures,
} from '@tanstack/react-table';
import type { ReactNode } from 'react';

/** A value rows sort by: text (compared as people read it, "A10" after "A9") or a number. */
export type SortValue = string | number | null | undefined;

/** A cell's Chakra props, and `data-*` attributes tests find cells by. */
export type CellProps = TableCellProps & { [attribute: `data-${string}`]: string | undefined };

/** One column of a `DataTable`: its header, what each row shows in it, and how it sorts. */
export interface DataColumn<T> {
  /** Unique within the table; also the sorting state's key. */
  id: string;
  header: string;
  /** The header is for screen readers only (e.g. "Actions" above a column of buttons). */
  headerHidden?: boolean;
  /** The cell's content for a row. */
  cell: (row: T) => ReactNode;
  /** The cell's Chakra props (wrapping, a title, `data-testid`), the same for every row or per row. */
  cellProps?: CellProps | ((row: T) => CellProps);
  /** Numbers and amounts line up at the end of the cell (and their header with them). */
  align?: 'end';
  /** What the column sorts by; a column without it does not sort. */
  sortBy?: (row: T) => SortValue;
  /** Width in pixels, when the column should not size to its content. */
  size?: number;
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/**
 * Ascending order of two sort values: numbers by value, text by the collator (case-blind, digits
 * as numbers). Missing values are not compared here: the table puts them last either way.
 */
export function compareSortValues(a: SortValue, b: SortValue): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a ?? ''), String(b ?? ''));
}

/** The `aria-sort` of a column header: only the sorted column has one (WAI-ARIA sortable table). */
export function ariaSort(sorted: false | 'asc' | 'desc'): 'ascending' | 'descending' | undefined {
  return sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined;
}

/**
 * The row the focus moves to on a key press in a table whose rows open something: ↑/↓ one row,
 * Home/End the first/last; null for any other key (the browser keeps it) or an empty table.
 */
export function nextRowIndex(key: string, index: number, count: number): number | null {
  if (count === 0) return null;
  switch (key) {
    case 'ArrowDown':
      return Math.min(index + 1, count - 1);
    case 'ArrowUp':
      return Math.max(index - 1, 0);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

/** What every `DataTable` can do: sort rows (in the browser, the rows it was given) and size columns. */
export const features = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  columnSizingFeature,
});
export type Features = typeof features;

/** TanStack's column for one of ours: the sort value is the accessor, the cell renders our content. */
export function toColumnDefs<T extends RowData>(columns: readonly DataColumn<T>[]) {
  const helper = createColumnHelper<Features, T>();
  return helper.columns(
    columns.map(({ id, header, cell, sortBy, size }) =>
      // Missing values sort last in both directions (`sortUndefined`), so null becomes undefined.
      helper.accessor((row: T) => sortBy?.(row) ?? undefined, {
        id,
        header,
        cell: (context) => cell(context.row.original),
        enableSorting: !!sortBy,
        sortUndefined: 'last',
        sortFn: (a, b, columnId) =>
          compareSortValues(a.getValue<SortValue>(columnId), b.getValue<SortValue>(columnId)),
        ...(size ? { size, minSize: size } : {}),
      }),
    ),
  );
}
