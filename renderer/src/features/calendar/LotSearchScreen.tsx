// "Which patients received lot X?": every completed procedure whose lot matches, with patient, date, dose and doctor.
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLotSearch } from '../../api/procedure-queries';
import { hrefFor } from '../../app/router';
import { Ltr, Name } from '../../ui/bidi';
import { procedureTypeName } from '../../ui/procedure-labels';
import { EmptyState, ErrorBanner, Loading, PageHeader } from '../../ui/feedback';
import { Button, TextField } from '../../ui/fields';
import { formatInstant } from '../../ui/format';
import { patientName } from './calendar-logic';
import { hashQuery, setHashQuery } from './hash-query';
import { VirtualTable } from '../../ui/VirtualRows';
import './lot-search.css';

/** A row with the product line under the lot (see .lot-table in lot-search.css). */
const LOT_ROW_HEIGHT = 52;

export function LotSearchScreen() {
  const { t, i18n } = useTranslation('calendar');
  const [text, setText] = useState(hashQuery().get('lot') ?? '');
  const [lot, setLot] = useState(text.trim());
  const uses = useLotSearch(lot);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setLot(text.trim());
    setHashQuery({ lot: text.trim() || null });
  };
  const rows = uses.data ?? [];

  return (
    <>
      <PageHeader title={t('lots.title')} subtitle={t('lots.subtitle')} />
      <form className="lot-form" onSubmit={onSubmit} role="search">
        <TextField label={t('lots.lot')} type="search" value={text} onChange={setText} autoFocus />
        <Button type="submit" variant="primary">
          {t('lots.find')}
        </Button>
      </form>
      {uses.isError ? <ErrorBanner error={uses.error} /> : null}
      {lot && uses.isPending ? <Loading /> : null}
      {lot && uses.isSuccess && rows.length === 0 ? <EmptyState title={t('lots.none', { lot })} /> : null}
      {rows.length > 0 ? (
        // A lot may have gone to hundreds of patients over ten years: only the rows near the screen are drawn.
        <VirtualTable
          rows={rows}
          rowKey={(u) => u.procedureId}
          rowHeight={LOT_ROW_HEIGHT}
          columns={[
            t('wardList.patient'),
            t('lots.mrn'),
            t('lots.date'),
            t('wardList.procedure'),
            t('lots.transplant'),
            t('doctor'),
            t('lots.lot'),
            t('lots.dose'),
          ]}
          caption={t('lots.caption', { lot, count: rows.length })}
          className="lot-table"
          row={(u) => (
            <>
              <td>
                <a href={hrefFor({ name: 'patient', id: u.patient.id })}>
                  <Name>{patientName(u.patient)}</Name>
                </a>
              </td>
              <td>
                <Ltr>{u.patient.mrn}</Ltr>
              </td>
              <td>{formatInstant(u.completion.performedStart, i18n.language)}</td>
              <td className="lot-wrap">{procedureTypeName(t, u)}</td>
              <td>{u.sequence ? t('transplantNo', { n: u.sequence }) : '—'}</td>
              <td>
                <Name>{u.doctorName}</Name>
              </td>
              <td>
                <Ltr>{u.completion.lotNumber}</Ltr>
                <div className="muted small lot-product" title={u.completion.product}>
                  <Name>{u.completion.product}</Name>
                </div>
              </td>
              <td>
                {t('lots.doseValue', {
                  dose: u.completion.dose,
                  unit: t(`procedures:doseUnit.${u.completion.doseUnit}`),
                })}
              </td>
            </>
          )}
        />
      ) : null}
    </>
  );
}
