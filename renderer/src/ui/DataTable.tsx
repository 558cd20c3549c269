// A records table: its scrolling frame, one header row of column names (and a silent one over the row buttons), rows.
import type { ReactNode } from 'react';

/** A column's header: its name, or its name and a class (e.g. `num` to right-align numbers). */
export type Column = string | { label: string; className: string };

export function DataTable(p: {
  columns: readonly Column[];
  /** The name of the last column, which holds each row's buttons: said to screen readers only. */
  actions?: string;
  className?: string;
  labelledBy?: string;
  /** A caption for screen readers (the screen's heading already says it to the eye). */
  caption?: string;
  /** The body rows. */
  children: ReactNode;
}) {
  return (
    <div className="table-wrap">
      <table className={p.className ? `table ${p.className}` : 'table'} aria-labelledby={p.labelledBy}>
        {p.caption !== undefined ? <caption className="visually-hidden">{p.caption}</caption> : null}
        <TableHead columns={p.columns} actions={p.actions} />
        <tbody>{p.children}</tbody>
      </table>
    </div>
  );
}

/** The header row: each column's name (`scope="col"`), and the silent name of the buttons' column. */
export function TableHead(p: { columns: readonly Column[]; actions?: string | undefined; rowIndex?: number }) {
  return (
    <thead>
      <tr aria-rowindex={p.rowIndex}>
        {p.columns.map((c, i) =>
          typeof c === 'string' ? (
            <th key={i} scope="col">
              {c}
            </th>
          ) : (
            <th key={i} scope="col" className={c.className}>
              {c.label}
            </th>
          ),
        )}
        {p.actions !== undefined ? (
          <th scope="col">
            <span className="visually-hidden">{p.actions}</span>
          </th>
        ) : null}
      </tr>
    </thead>
  );
}
