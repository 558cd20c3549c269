// A column header that sorts the list when pressed, announcing its order to screen readers through aria-sort.
import type { ReactNode } from 'react';

interface SortHeaderProps {
  label: ReactNode;
  /** Null when this column is not the list's sort; omit `onSort` for a column that cannot sort. */
  direction: 'asc' | 'desc' | null;
  onSort?: () => void;
  /** Sizes the column (lists with a fixed table layout). */
  className?: string;
}

export function SortHeader({ label, direction, onSort, className }: SortHeaderProps) {
  return (
    <th
      scope="col"
      className={className}
      aria-sort={direction === null ? undefined : direction === 'asc' ? 'ascending' : 'descending'}
    >
      {onSort ? (
        <button type="button" className="sort-button" onClick={onSort}>
          {label}
          <span aria-hidden="true" className="sort-arrow">
            {direction === null ? '' : direction === 'asc' ? '▲' : '▼'}
          </span>
        </button>
      ) : (
        label
      )}
    </th>
  );
}
