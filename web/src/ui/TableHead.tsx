export interface Column {
  label: string;
  /** Width, padding and alignment of the column's header. */
  className: string;
}

/** A table's row of column headers. */
export function TableHead({ columns, shaded = false }: { columns: readonly Column[]; shaded?: boolean }) {
  return (
    <thead
      className={
        shaded ? 'border-b border-slate-200 bg-slate-50 text-slate-600' : 'border-b border-slate-200 text-slate-600'
      }
    >
      <tr>
        {columns.map((column) => (
          <th key={column.label} scope="col" className={column.className}>
            {column.label}
          </th>
        ))}
      </tr>
    </thead>
  );
}
