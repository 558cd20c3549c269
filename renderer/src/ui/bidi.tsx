// Bidi isolation for people's data: a name in any script never reorders the numbers, e-mails or MRNs beside it.
import { Fragment, type ReactNode } from 'react';

interface Props {
  children: ReactNode;
  className?: string | undefined;
  /** The full text on hover, for places that cut it with an ellipsis. */
  title?: string | undefined;
}

/** A person's name (or any free text someone typed): isolated, direction taken from its own first strong letter. */
export function Name({ children, className, title }: Props) {
  return (
    <bdi dir="auto" className={className ? `bidi-name ${className}` : 'bidi-name'} title={title}>
      {children}
    </bdi>
  );
}

/** A phone number, e-mail address, MRN, passport or username: always left to right, whatever surrounds it. */
export function Ltr({ children, className, title }: Props) {
  return (
    <bdi dir="ltr" className={className ? `bidi-ltr ${className}` : 'bidi-ltr'} title={title}>
      {children}
    </bdi>
  );
}

/**
 * Items joined with ' · '. A person's text among them comes isolated (Name, Ltr); the rest are the app's own words. No
 * element per item: a wrapper span isolates nothing, and Today draws this in every one of its ~175 rows.
 */
export function Joined({ items, className }: { items: readonly ReactNode[]; className?: string }) {
  const shown = items.filter((x) => x !== null && x !== undefined && x !== false && x !== '');
  return (
    <span className={className}>
      {shown.map((item, i) => (
        <Fragment key={i}>
          {i > 0 ? ' · ' : null}
          {item}
        </Fragment>
      ))}
    </span>
  );
}
