// A chart's tick label as recharts draws it, without the wrapping width recharts gives it.
import type { ComponentProps, ReactElement } from 'react';
import { Text } from 'recharts';

/** What recharts hands a custom tick: the tick's value and place, the axis's formatter, and the text's own props. */
type TickProps = ComponentProps<typeof Text> & {
  payload?: { value?: unknown };
  tickFormatter?: (value: unknown, index: number) => string;
  index?: number;
  visibleTicksCount?: number;
  x?: number | string;
};

/**
 * recharts hands each tick label the axis's width, and with a width it measures every word of the label in the page
 * (laying the page out for each) to wrap it: a short label that never wraps is drawn here the same, unmeasured.
 * `fill` and `fontSize` as the axis's `tick={{ … }}` would give them; `shiftLast` moves the last label left (in px).
 */
export function plainTick(style: { fill?: string; fontSize?: number } = {}, shiftLast = 0) {
  return function PlainTick(props: TickProps): ReactElement {
    // eslint-disable-next-line @typescript-eslint/no-unused-vars -- `width` is left out on purpose (see above)
    const { payload, tickFormatter, index, visibleTicksCount, width, x, ...rest } = props;
    const value: unknown = payload?.value;
    const last = shiftLast > 0 && index !== undefined && index === (visibleTicksCount ?? 0) - 1;
    return (
      <Text {...rest} {...style} x={last ? Number(x) - shiftLast : x}>
        {typeof tickFormatter === 'function' ? tickFormatter(value, index ?? 0) : String(value)}
      </Text>
    );
  };
}
