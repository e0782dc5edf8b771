import { constructTable, tableFeatures } from '@tanstack/react-table';
import { storeReactivityBindings } from '@tanstack/table-core/store-reactivity-bindings';
import { describe, expect, it } from 'vitest';
import {
  ariaSort,
  compareSortValues,
  type DataColumn,
  features,
  nextRowIndex,
  toColumnDefs,
} from './data-columns';

interface Visit {
  id: string;
  number: string | null;
  minutes: number;
}

const columns: DataColumn<Visit>[] = [
  { id: 'number', header: 'Number', sortBy: (v) => v.number, cell: (v) => v.number },
  { id: 'minutes', header: 'Minutes', sortBy: (v) => v.minutes, cell: (v) => v.minutes, size: 90 },
  { id: 'actions', header: 'Actions', cell: () => null },
];
const visits: Visit[] = [
  { id: 'a', number: 'A10', minutes: 5 },
  { id: 'b', number: null, minutes: 30 },
  { id: 'c', number: 'a9', minutes: 12 },
];

function tableOf(rows: Visit[]) {
  return constructTable({
    // Outside React: TanStack Store's atoms instead of the React adapter's.
    features: tableFeatures({ ...features, coreReactivityFeature: storeReactivityBindings() }),
    columns: toColumnDefs(columns),
    data: rows,
    getRowId: (v) => v.id,
    enableMultiSort: false,
    sortDescFirst: false,
  });
}
const order = (table: ReturnType<typeof tableOf>) => table.getRowModel().rows.map((r) => r.id);

describe('DataTable columns on TanStack Table', () => {
  it('keeps the given order until a column is sorted', () => {
    expect(order(tableOf(visits))).toEqual(['a', 'b', 'c']);
  });

  it('sorts text as people read it (A9 before A10, case-blind), missing values last both ways', () => {
    const table = tableOf(visits);
    table.setSorting([{ id: 'number', desc: false }]);
    expect(order(table)).toEqual(['c', 'a', 'b']);
    table.setSorting([{ id: 'number', desc: true }]);
    expect(order(table)).toEqual(['a', 'c', 'b']);
  });

  it('sorts numbers by value, and cycles ascending, descending, unsorted from a header', () => {
    const table = tableOf(visits);
    const minutes = table.getColumn('minutes')!;
    minutes.toggleSorting();
    expect(minutes.getIsSorted()).toBe('asc');
    expect(order(table)).toEqual(['a', 'c', 'b']);
    expect(minutes.getNextSortingOrder()).toBe('desc');
    minutes.toggleSorting(true);
    expect(order(table)).toEqual(['b', 'c', 'a']);
    expect(minutes.getNextSortingOrder()).toBe(false);
  });

  it('sorts only columns that say what they sort by, and sizes only those given a width', () => {
    const table = tableOf(visits);
    expect(table.getAllLeafColumns().map((c) => c.getCanSort())).toEqual([true, true, false]);
    expect(table.getColumn('minutes')!.getSize()).toBe(90);
  });

  it('compares numbers numerically and text with numbers inside as numbers', () => {
    expect(compareSortValues(9, 10)).toBeLessThan(0);
    expect(compareSortValues('APT-9', 'APT-10')).toBeLessThan(0);
    expect(compareSortValues('anita', 'Anita')).toBe(0);
  });

  it('names the sort for screen readers only on the sorted column', () => {
    expect(ariaSort('asc')).toBe('ascending');
    expect(ariaSort('desc')).toBe('descending');
    expect(ariaSort(false)).toBeUndefined();
  });

  it('moves between rows with the arrow keys, Home and End, staying inside the table', () => {
    expect(nextRowIndex('ArrowDown', 0, 3)).toBe(1);
    expect(nextRowIndex('ArrowDown', 2, 3)).toBe(2);
    expect(nextRowIndex('ArrowUp', 0, 3)).toBe(0);
    expect(nextRowIndex('ArrowUp', 2, 3)).toBe(1);
    expect(nextRowIndex('Home', 2, 3)).toBe(0);
    expect(nextRowIndex('End', 0, 3)).toBe(2);
    expect(nextRowIndex('Enter', 0, 3)).toBeNull();
    expect(nextRowIndex('ArrowDown', 0, 0)).toBeNull();
  });
});
