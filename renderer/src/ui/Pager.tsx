// The footer of a paged list: "1–50 of 400" or "1–50 of more than 1,000" (announced politely) and Previous / Next.
import { Button } from './fields';
import { numberFormat } from './intl';

interface PagerProps {
  page: number;
  pageSize: number;
  /** Null while the first page is loading. */
  total: number | null;
  locale: string;
  onPage: (page: number) => void;
  /** A count that stopped early (the list's COUNT_CAP): `total` is a floor, and `hasNext` says whether to go on. */
  capped?: { hasNext: boolean; range: (v: { from: string; to: string; total: string }) => string };
  labels: { range: (v: { from: string; to: string; total: string }) => string; previous: string; next: string };
}

export function Pager({ page, pageSize, total, locale, onPage, capped, labels }: PagerProps) {
  const fmt = numberFormat(locale);
  const count = total ?? 0;
  const from = count === 0 ? 0 : page * pageSize + 1;
  const to = capped ? (page + 1) * pageSize : Math.min(count, (page + 1) * pageSize);
  const range = capped ? capped.range : labels.range;
  return (
    <div className="list-footer">
      <span aria-live="polite">
        {total === null ? '' : range({ from: fmt.format(from), to: fmt.format(to), total: fmt.format(count) })}
      </span>
      <span className="list-footer-buttons">
        <Button isDisabled={page === 0} onPress={() => onPage(page - 1)}>
          {labels.previous}
        </Button>
        <Button isDisabled={capped ? !capped.hasNext : to >= count} onPress={() => onPage(page + 1)}>
          {labels.next}
        </Button>
      </span>
    </div>
  );
}
