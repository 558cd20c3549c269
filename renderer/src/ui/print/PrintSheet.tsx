// A printable document's frame: on paper a header line (clinic, document, print date) repeated at the top of every page.
import type { ReactNode } from 'react';
import { Name } from '../bidi';
import './print.css';

/**
 * Chromium repeats a table's header group on every printed page, and @page margin boxes cannot read the clinic's
 * name from the page: so the running header is the head of a layout table around the document (hidden on screen).
 */
export function PrintSheet(p: { clinic: string; title: string; printed: string; label: string; children: ReactNode }) {
  return (
    <table className="print-sheet" role="presentation">
      <thead className="print-running-head">
        <tr>
          <td>
            <div className="print-running">
              <Name>{p.clinic}</Name>
              <span>{p.title}</span>
              <span>{p.printed}</span>
            </div>
          </td>
        </tr>
      </thead>
      <tbody>
        <tr>
          <td>
            <section className="print-body" aria-label={p.label}>
              {p.children}
            </section>
          </td>
        </tr>
      </tbody>
    </table>
  );
}
