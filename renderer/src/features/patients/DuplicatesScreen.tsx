// The duplicate finder: pairs of patients that look like one person, and a merge that keeps every linked record.
import { useMutation } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { Heading } from 'react-aria-components';
import { ModalDialog } from '../../ui/ModalDialog';
import { type TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { DuplicatePair, PatientSummary } from '../../../../db/contract';
import { call } from '../../api/client';
import { hrefFor } from '../../app/router';
import { EmptyState, ErrorBanner, Loading, PageHeader } from '../../ui/feedback';
import { Ltr, Name } from '../../ui/bidi';
import { Button } from '../../ui/fields';
import { formatPartialDate } from '../../ui/format';
import { countryName } from '../../ui/options';
import { fullName } from './PatientDetailScreen';
import { useDuplicates, useInvalidatePatients } from '../../api/patient-queries';
import './patients.css';
import { VirtualCards } from '../../ui/VirtualRows';

/** A pair card's usual height: nine compared fields and the header row. */
const PAIR_HEIGHT = 290;

interface Choice {
  survivor: PatientSummary;
  merged: PatientSummary;
}

export function DuplicatesScreen() {
  const { t } = useTranslation('patients');
  const pairs = useDuplicates();
  const [choice, setChoice] = useState<Choice | null>(null);
  const [done, setDone] = useState<string | null>(null);
  return (
    <>
      <PageHeader
        title={t('duplicates.title')}
        subtitle={<span className="muted small">{t('duplicates.intro')}</span>}
      />
      {done ? (
        <div className="banner banner-info" role="status">
          {done}
        </div>
      ) : null}
      <section className="panel">
        {pairs.isPending ? <Loading /> : null}
        {pairs.isError ? <ErrorBanner error={pairs.error} /> : null}
        {pairs.data && pairs.data.length === 0 ? (
          <EmptyState title={t('duplicates.none')}>{t('duplicates.noneHint')}</EmptyState>
        ) : null}
        {/* Up to 500 pairs of nine-row cards: only those near the screen are drawn. */}
        <VirtualCards
          items={pairs.data ?? []}
          itemKey={(pair) => `${pair.a.id}:${pair.b.id}`}
          itemHeight={PAIR_HEIGHT}
          label={t('duplicates.title')}
          className="pair-list"
          item={(pair) => <Pair pair={pair} onMerge={setChoice} />}
        />
      </section>
      {choice ? (
        <MergeDialog
          choice={choice}
          onClose={() => setChoice(null)}
          onMerged={(text) => {
            setChoice(null);
            setDone(text);
          }}
        />
      ) : null}
    </>
  );
}

/** One row of the comparison: a field's label and its value in each record, as text (to compare) and as shown. */
interface Row {
  key: string;
  label: string;
  a: string;
  b: string;
  show: (v: string) => ReactNode;
}

function comparison(pair: DuplicatePair, t: TFunction, locale: string): Row[] {
  const row = (key: string, label: string, get: (p: PatientSummary) => string, show: Row['show'] = (v) => v): Row => ({
    key,
    label,
    a: get(pair.a),
    b: get(pair.b),
    show,
  });
  const name = (v: string) => <Name>{v}</Name>;
  const ltr = (v: string) => <Ltr>{v}</Ltr>;
  return [
    row('name', t('duplicates.name'), (p) => fullName(p), name),
    row('native', t('detail.nativeName'), (p) => p.nativeName ?? '', name),
    row('mrn', t('detail.mrn'), (p) => p.mrn, ltr),
    row('sex', t('detail.sex'), (p) => t(`inquiries:sex.${p.sex}`)),
    row('born', t('detail.birthDate'), (p) => formatPartialDate(p.birthDate, p.birthDateApprox, locale)),
    row('nationality', t('detail.nationality'), (p) => countryName(p.nationality, locale)),
    row('stroke', t('list.columns.stroke'), (p) => t(`inquiries:diagnosisShort.${p.strokeType}`)),
    row('phone', t('detail.phone'), (p) => p.phone ?? '', ltr),
    row('email', t('detail.email'), (p) => p.email ?? '', ltr),
  ];
}

/** The two records field by field, side by side; a field whose values differ is marked, in words as well as colour. */
function Pair({ pair, onMerge }: { pair: DuplicatePair; onMerge: (c: Choice) => void }) {
  const { t, i18n } = useTranslation('patients');
  const none = <span className="muted">—</span>;
  return (
    <div className="pair-card" role="group" aria-label={`${fullName(pair.a)} / ${fullName(pair.b)}`}>
      <table className="pair-table">
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">{t('duplicates.field')}</span>
            </th>
            {[pair.a, pair.b].map((p) => (
              <th scope="col" key={p.id}>
                <a href={hrefFor({ name: 'patient', id: p.id })}>
                  <Ltr>{p.mrn}</Ltr>
                </a>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {comparison(pair, t, i18n.language).map((r) => {
            const differs = r.a.trim().toLowerCase() !== r.b.trim().toLowerCase() && r.key !== 'mrn';
            return (
              <tr key={r.key} className={differs ? 'pair-differs' : undefined}>
                <th scope="row">
                  {r.label}
                  {differs ? (
                    <span className="pair-differs-mark">
                      {' '}
                      ≠<span className="visually-hidden"> {t('duplicates.differs')}</span>
                    </span>
                  ) : null}
                </th>
                <td>{r.a === '' ? none : r.show(r.a)}</td>
                <td>{r.b === '' ? none : r.show(r.b)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="pair-actions">
        <div className="pair-reasons">
          <span className="visually-hidden">{t('duplicates.reasons')}:</span>
          {pair.reasons.map((r) => (
            <span key={r} className="reason-chip">
              {t(`matchReason.${r}`)}
            </span>
          ))}
        </div>
        <Button onPress={() => onMerge({ survivor: pair.a, merged: pair.b })}>
          {t('duplicates.keepA', { mrn: pair.a.mrn })}
        </Button>
        <Button onPress={() => onMerge({ survivor: pair.b, merged: pair.a })}>
          {t('duplicates.keepA', { mrn: pair.b.mrn })}
        </Button>
      </div>
    </div>
  );
}

function MergeDialog({
  choice,
  onClose,
  onMerged,
}: {
  choice: Choice;
  onClose: () => void;
  onMerged: (text: string) => void;
}) {
  const { t } = useTranslation('patients');
  const invalidate = useInvalidatePatients();
  const names = {
    survivor: `${fullName(choice.survivor)} (${choice.survivor.mrn})`,
    merged: `${fullName(choice.merged)} (${choice.merged.mrn})`,
  };
  const merge = useMutation({
    // The versions shown on the list: a change made since then is refused by the core, not overwritten.
    mutationFn: () =>
      call('patients.merge', {
        survivorId: choice.survivor.id,
        survivorVersion: choice.survivor.version,
        mergedId: choice.merged.id,
        mergedVersion: choice.merged.version,
      }),
    onSuccess: async () => {
      await invalidate();
      onMerged(t('duplicates.merged', names));
    },
  });
  return (
    <ModalDialog onClose={onClose} role="alertdialog">
      <Heading slot="title" className="dialog-title">
        {t('duplicates.confirmTitle', names)}
      </Heading>
      <p>{t('duplicates.confirmBody', names)}</p>
      {merge.error ? <ErrorBanner error={merge.error} /> : null}
      <div className="dialog-actions">
        <Button onPress={onClose} autoFocus>
          {t('common:actions.cancel')}
        </Button>
        <Button variant="danger" onPress={() => merge.mutate()} isPending={merge.isPending}>
          {t('duplicates.confirm')}
        </Button>
      </div>
    </ModalDialog>
  );
}
