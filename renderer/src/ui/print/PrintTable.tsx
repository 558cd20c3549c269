// A plain bordered table for paper: named by the heading above it, header row repeated on each page, rows never split.
import type { ReactNode } from 'react';
import type { Column } from '../DataTable';

export function PrintTable(p: { labelledBy: string; columns: readonly Column[]; children: ReactNode }) {
  return (
    <table className="print-table" aria-labelledby={p.labelledBy}>
      <thead>
        <tr>
          {p.columns.map((c, i) => (
            <th key={i} scope="col" className={typeof c === 'string' ? undefined : c.className}>
              {typeof c === 'string' ? c : c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{p.children}</tbody>
    </table>
  );
}
