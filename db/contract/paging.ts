// Paging shared by the long lists: a seek cursor (the sort key of the last row shown) and a count that stops early.
import { z } from 'zod';

/**
 * A list counts at most this many rows: past it the footer says "more than 1,000". Counting every one of 100,000
 * patients would read the whole index on every page, and nobody pages to row 100,000 to check the figure.
 */
export const COUNT_CAP = 1000;

/** Where the next page starts: opaque to the renderer, which hands back the `next` of the page before. */
export const SeekCursor = z.string().min(2).max(400);

/** A total that may be a floor: `capped` means there are more rows than `total` (= COUNT_CAP). */
export const CappedTotal = { total: z.number().int(), capped: z.boolean() };
