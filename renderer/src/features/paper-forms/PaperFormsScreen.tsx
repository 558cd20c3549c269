// The instruments listed with a "Print" each, and the chosen one's blank form below, printable on its own.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INSTRUMENTS, InstrumentId } from '../../../../db/contract';
import { useClinicSettings } from '../../api/course-queries';
import { instrumentName, instrumentShort } from '../../ui/assessments/labels';
import { DataTable } from '../../ui/DataTable';
import { PageHeader } from '../../ui/feedback';
import { Panel } from '../../ui/Panel';
import { Button } from '../../ui/fields';
import { formatInstant } from '../../ui/format';
import { PrintSheet } from '../../ui/print/PrintSheet';
import { printDocument } from '../../ui/print/print';
import { PaperForm } from './PaperForm';
import './paper-forms.css';

/** The instrument asked for in the address (`#/forms?instrument=nihss`), else the first. */
function askedInstrument(): InstrumentId {
  const q = window.location.hash.split('?')[1] ?? '';
  const parsed = InstrumentId.safeParse(new URLSearchParams(q).get('instrument'));
  return parsed.success ? parsed.data : 'nihss';
}

export function PaperFormsScreen() {
  const { t, i18n } = useTranslation('printouts');
  const clinic = useClinicSettings();
  const [chosen, setChosen] = useState<InstrumentId>(askedInstrument);
  const [printing, setPrinting] = useState(false);
  const def = INSTRUMENTS.latest(chosen);
  const title = t('forms.fileTitle', { instrument: instrumentShort(t, def) });

  // Printed once the chosen form is on the page: "Print" on another row first shows that form.
  useEffect(() => {
    if (!printing) return;
    setPrinting(false);
    void printDocument(title);
  }, [printing, title]);

  const choose = (id: InstrumentId, print: boolean) => {
    setChosen(id);
    setPrinting(print);
  };

  return (
    <div className="print-screen forms-screen">
      <PageHeader title={t('forms.title')} subtitle={t('forms.subtitle')} />
      <div className="print-controls">
        <Panel id="forms-list" title={t('forms.list')} count={INSTRUMENTS.all().length}>
          <DataTable
            className="forms-table"
            labelledBy="forms-list-title"
            columns={[t('forms.col.instrument'), { label: t('forms.col.items'), className: 'num' }]}
            actions={t('forms.col.actions')}
          >
            {INSTRUMENTS.all().map((d) => {
              const name = instrumentName(t, d);
              return (
                <tr key={d.id} aria-current={d.id === chosen ? 'true' : undefined}>
                  <td>{name}</td>
                  <td className="num">{d.items.length}</td>
                  <td className="row-actions">
                    <span className="forms-actions">
                      <Button onPress={() => choose(d.id, false)} aria-label={t('forms.showNamed', { name })}>
                        {t('forms.show')}
                      </Button>
                      <Button
                        variant="primary"
                        onPress={() => choose(d.id, true)}
                        aria-label={t('forms.printNamed', { name })}
                      >
                        {t('print')}
                      </Button>
                    </span>
                  </td>
                </tr>
              );
            })}
          </DataTable>
        </Panel>
      </div>
      <PrintSheet
        clinic={clinic.data?.name ?? ''}
        title={t('forms.blank')}
        printed={t('printedOn', { date: formatInstant(new Date().toISOString(), i18n.language) })}
        label={t('forms.preview', { name: instrumentName(t, def) })}
      >
        <PaperForm def={def} />
      </PrintSheet>
    </div>
  );
}
