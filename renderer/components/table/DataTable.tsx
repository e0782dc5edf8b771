import { chakra, Table, Text } from '@chakra-ui/react';
import { type RowData, useTable } from '@tanstack/react-table';
import { type KeyboardEvent, useMemo, useRef, useState } from 'react';
import { SortDownIcon, SortNoneIcon, SortUpIcon } from '@renderer/components/icons';
import { TablePanel } from '@renderer/components/TablePanel';
import { ariaSort, type DataColumn, features, nextRowIndex, toColumnDefs } from './data-columns';

export type { DataColumn } from './data-columns';

/** A row's `data-*` attributes (tests and styles find rows by them). */
type RowAttributes = Record<`data-${string}`, string | undefined>;

/**
 * The app's table (TanStack Table for the model, Chakra's Table for the look): headers of
 * sortable columns are buttons that cycle ascending, descending and the list's own order (with
 * `aria-sort`); columns may have a width; and where rows open something (`onOpen`), a click or
 * Enter on a row opens it and ↑/↓/Home/End move between rows (one tab stop for the whole body).
 */
export function DataTable<T extends RowData>({
  label,
  rows,
  columns,
  rowKey,
  onOpen,
  rowAttributes,
  busy,
  interactive,
  bare,
  maxH,
}: {
  /** The table's accessible name. */
  label: string;
  rows: readonly T[];
  /** Keep it stable (module scope or `useMemo`): a new array rebuilds the column model. */
  columns: readonly DataColumn<T>[];
  rowKey: (row: T) => string;
  onOpen?: (row: T) => void;
  rowAttributes?: (row: T) => RowAttributes;
  /** The rows are stale while new ones load (`aria-busy`). */
  busy?: boolean;
  /** Highlight the row under the pointer (always so when rows open something). */
  interactive?: boolean;
  /** Without the panel's background and border (inside a card that has them). */
  bare?: boolean;
  /** A height past which the rows scroll under the header. */
  maxH?: string;
}) {
  const defs = useMemo(() => toColumnDefs(columns), [columns]);
  const byId = useMemo(() => new Map(columns.map((c) => [c.id, c])), [columns]);
  const table = useTable({
    features,
    columns: defs,
    data: rows,
    getRowId: (row) => rowKey(row),
    enableMultiSort: false,
    sortDescFirst: false,
  });
  const body = useRef<HTMLTableSectionElement>(null);
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const shown = table.getRowModel().rows;
  const tabStop = shown.some((r) => r.id === focusedId) ? focusedId : shown[0]?.id;

  const onRowKeyDown = (event: KeyboardEvent<HTMLTableRowElement>, index: number, row: T) => {
    if (event.target !== event.currentTarget) return; // a link's or button's own keys
    if (event.key === 'Enter') {
      event.preventDefault();
      onOpen?.(row);
      return;
    }
    const next = nextRowIndex(event.key, index, shown.length);
    if (next === null) return;
    event.preventDefault();
    body.current?.rows[next]?.focus();
  };

  return (
    <TablePanel label={label} bare={bare} maxH={maxH}>
      <Table.Root
        size="sm"
        interactive={interactive ?? !!onOpen}
        stickyHeader={!!maxH}
        aria-label={label}
        aria-busy={busy}
      >
        <Table.Header>
          {table.getHeaderGroups().map((group) => (
            <Table.Row key={group.id} bg="bg.muted">
              {group.headers.map((header) => {
                const column = byId.get(header.column.id)!;
                const sorted = header.column.getIsSorted();
                return (
                  <Table.ColumnHeader
                    key={header.id}
                    aria-sort={ariaSort(sorted)}
                    textAlign={column.align}
                    width={column.size ? `${header.getSize()}px` : undefined}
                  >
                    {header.column.getCanSort() ? (
                      <SortButton
                        onClick={header.column.getToggleSortingHandler()}
                        flexDirection={column.align === 'end' ? 'row-reverse' : 'row'}
                      >
                        <table.FlexRender header={header} />
                        {sorted === 'asc' ? (
                          <SortUpIcon boxSize="3.5" />
                        ) : sorted === 'desc' ? (
                          <SortDownIcon boxSize="3.5" />
                        ) : (
                          <SortNoneIcon boxSize="3.5" color="fg.muted" />
                        )}
                      </SortButton>
                    ) : column.headerHidden ? (
                      <Text as="span" srOnly>
                        <table.FlexRender header={header} />
                      </Text>
                    ) : (
                      <table.FlexRender header={header} />
                    )}
                  </Table.ColumnHeader>
                );
              })}
            </Table.Row>
          ))}
        </Table.Header>
        <Table.Body ref={body}>
          {shown.map((row, index) => (
            <Table.Row
              key={row.id}
              {...rowAttributes?.(row.original)}
              {...(onOpen && {
                cursor: 'pointer',
                tabIndex: row.id === tabStop ? 0 : -1,
                focusVisibleRing: 'inside',
                onClick: () => onOpen(row.original),
                onFocus: () => setFocusedId(row.id),
                onKeyDown: (e: KeyboardEvent<HTMLTableRowElement>) => onRowKeyDown(e, index, row.original),
              })}
            >
              {row.getAllCells().map((cell) => {
                const column = byId.get(cell.column.id)!;
                const props =
                  typeof column.cellProps === 'function' ? column.cellProps(row.original) : column.cellProps;
                return (
                  <Table.Cell key={cell.id} textAlign={column.align} {...props}>
                    <table.FlexRender cell={cell} />
                  </Table.Cell>
                );
              })}
            </Table.Row>
          ))}
        </Table.Body>
      </Table.Root>
    </TablePanel>
  );
}

const SortButton = chakra('button', {
  base: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: '1',
    font: 'inherit',
    color: 'inherit',
    cursor: 'pointer',
    borderRadius: 'sm',
    focusVisibleRing: 'outside',
  },
});
