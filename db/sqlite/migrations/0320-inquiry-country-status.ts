// Schema 320 (issue #13): the inquiry list filtered by a country and a status reads that pair's rows, not the status's.
import type { Migration } from '../migrate';

/**
 * A country and a status together ("VN", closed) were read down the status's index, fetching each of its rows to check
 * the country: the capped count and the page read every closed inquiry (114,000) for a country with few of them,
 * 100–150 ms at 300,000 inquiries. This holds each country's inquiries by status in arrival order: the count is an
 * index range and the newest-first page reads that range in order.
 */
export const m0320: Migration = {
  version: 320,
  name: '0320-inquiry-country-status',
  up(db) {
    db.exec(`CREATE INDEX inquiries_country_status ON inquiries (country, status, received_at);`);
  },
};
