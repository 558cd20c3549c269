// Long lists drawn a screenful at a time (@tanstack/react-virtual) inside the page's own scroll, as tables or cards.
import { useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import { type ReactNode, useLayoutEffect, useRef, useState } from 'react';
import { type Column, TableHead } from './DataTable';

/**
 * Lists up to this many rows are drawn whole: here rows are measured once drawn (their heights vary), and measuring a
 * page of 50 costs more than it saves. The inquiry list, whose rows all have one fixed height, draws only the rows
 * near the screen of its page of 50 without measuring any (usePageVirtualizer with that height).
 */
export const VIRTUAL_FROM = 100;

/**
 * A virtualizer over the page's scrolling area (`.content`), so a long list scrolls with the page as any other does
 * (no box in a box). `scrollMargin` is where the list starts in that area, read after each layout that can move it:
 * every layout by default; with `moved`, only once drawn and after a render where one of those values changed (that
 * read forces a layout: a list redrawn on every keystroke reads it only when something above it can have moved).
 */
export function usePageVirtualizer<E extends HTMLElement>(
  count: number,
  estimate: number,
  overscan = 8,
  o: { moved?: readonly unknown[]; fromFirstFrame?: boolean } = {},
) {
  const listRef = useRef<E>(null);
  const [margin, setMargin] = useState(0);
  const virtualizer = useVirtualizer<HTMLElement, Element>({
    count,
    estimateSize: () => estimate,
    overscan,
    scrollMargin: margin,
    // Before the area is measured, a window's height: the first rows drawn already fill the screen.
    ...(o.fromFirstFrame ? { initialRect: { width: 0, height: window.innerHeight } } : {}),
    getScrollElement: () => listRef.current?.closest<HTMLElement>('.content') ?? null,
  });
  // It sets state only when the place changed.
  useLayoutEffect(() => {
    const list = listRef.current;
    const scroller = list?.closest<HTMLElement>('.content');
    if (!list || !scroller) return;
    const at = list.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop;
    setMargin((m) => (Math.abs(m - at) < 1 ? m : at));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, o.moved);
  return { listRef, virtualizer };
}

/** The rows to draw and the blank space standing for those above and below them. */
function windowOf(v: Virtualizer<HTMLElement, Element>) {
  const items = v.getVirtualItems();
  const first = items[0];
  const last = items[items.length - 1];
  const start = v.options.scrollMargin;
  return {
    items,
    before: first ? first.start - start : 0,
    after: last ? v.getTotalSize() - (last.end - start) : 0,
  };
}

/**
 * A records table whose body draws only the rows near the screen once it holds VIRTUAL_FROM rows or more. Screen readers
 * still hear the whole size: the table says how many rows it has (aria-rowcount) and each drawn row its place
 * (aria-rowindex, the header being row 1). `row` returns a row's cells; the row element is this component's.
 */
export function VirtualTable<R>(p: {
  columns: readonly Column[];
  actions?: string;
  className?: string;
  labelledBy?: string;
  caption?: string;
  rows: readonly R[];
  rowKey: (row: R) => string | number;
  row: (row: R) => ReactNode;
  /** A row's usual height in px (rows are measured once drawn, so a wrapped one is placed right). */
  rowHeight: number;
  /** Rows from which the body is windowed (VIRTUAL_FROM unless a screen's rows are heavy enough for fewer). */
  windowFrom?: number;
}) {
  const count = p.rows.length;
  const whole = count < (p.windowFrom ?? VIRTUAL_FROM);
  const { listRef, virtualizer } = usePageVirtualizer<HTMLTableSectionElement>(whole ? 0 : count, p.rowHeight);
  const { items, before, after } = windowOf(virtualizer);
  const columns = p.columns.length + (p.actions === undefined ? 0 : 1);
  const spacer = (height: number, key: string) =>
    height > 0 ? (
      <tr aria-hidden="true" className="virtual-spacer" key={key}>
        <td colSpan={columns} style={{ height }} />
      </tr>
    ) : null;
  const drawn = whole
    ? p.rows.map((r, index) => ({ r, index }))
    : items.map((i) => ({ r: p.rows[i.index], index: i.index }));
  return (
    <div className="table-wrap">
      <table
        className={p.className ? `table ${p.className}` : 'table'}
        aria-labelledby={p.labelledBy}
        aria-rowcount={count + 1}
      >
        {p.caption !== undefined ? <caption className="visually-hidden">{p.caption}</caption> : null}
        <TableHead columns={p.columns} actions={p.actions} rowIndex={1} />
        <tbody ref={listRef}>
          {spacer(before, 'before')}
          {drawn.map(({ r, index }) =>
            r === undefined ? null : (
              <tr
                key={p.rowKey(r)}
                aria-rowindex={index + 2}
                data-index={index}
                ref={whole ? undefined : virtualizer.measureElement}
              >
                {p.row(r)}
              </tr>
            ),
          )}
          {spacer(after, 'after')}
        </tbody>
      </table>
    </div>
  );
}

/**
 * A list of cards (e.g. the duplicate pairs) drawn a screenful at a time, each card measured once drawn. The cards are
 * `listitem`s of one `list` that says how many there are; each says its place (aria-posinset / aria-setsize).
 */
export function VirtualCards<R>(p: {
  items: readonly R[];
  itemKey: (item: R) => string | number;
  item: (item: R) => ReactNode;
  /** A card's usual height in px. */
  itemHeight: number;
  label: string;
  className?: string;
}) {
  const count = p.items.length;
  const whole = count < VIRTUAL_FROM / 4;
  const { listRef, virtualizer } = usePageVirtualizer<HTMLDivElement>(whole ? 0 : count, p.itemHeight, 3);
  const { items, before, after } = windowOf(virtualizer);
  const drawn = whole
    ? p.items.map((r, index) => ({ r, index }))
    : items.map((i) => ({ r: p.items[i.index], index: i.index }));
  return (
    <div ref={listRef} role="list" aria-label={p.label} className={p.className}>
      {before > 0 ? <div aria-hidden="true" style={{ height: before }} /> : null}
      {drawn.map(({ r, index }) =>
        r === undefined ? null : (
          <div
            key={p.itemKey(r)}
            role="listitem"
            aria-posinset={index + 1}
            aria-setsize={count}
            data-index={index}
            ref={whole ? undefined : virtualizer.measureElement}
          >
            {p.item(r)}
          </div>
        ),
      )}
      {after > 0 ? <div aria-hidden="true" style={{ height: after }} /> : null}
    </div>
  );
}
