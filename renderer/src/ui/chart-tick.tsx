// A chart's tick label as recharts draws it, without the wrapping width recharts gives it.
import type { ReactElement } from 'react';
import { Text } from 'recharts';

/**
 * recharts hands each tick label the axis's width, and with a width it measures every word of the label in the page
 * (laying the page out for each) to wrap it: a short label that never wraps is drawn here the same, unmeasured.
 * `fill` and `fontSize` as the axis's `tick={{ … }}` would give them; `shiftLast` moves the last label left (in px).
 */
export function plainTick(style: { fill?: string; fontSize?: number } = {}, shiftLast = 0) {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- recharts hands a tick its own untyped props
  return function PlainTick(props: any): ReactElement {
    // eslint-disable-next-line @typescript-eslint/no-unused-vars -- `width` is left out on purpose (see above)
    const { payload, tickFormatter, index, visibleTicksCount, width, x, ...rest } = props;
    const value: unknown = payload?.value;
    const last = shiftLast > 0 && index === visibleTicksCount - 1;
    return (
      <Text {...rest} {...style} x={last ? x - shiftLast : x}>
        {typeof tickFormatter === 'function' ? tickFormatter(value, index) : String(value)}
      </Text>
    );
  };
}
