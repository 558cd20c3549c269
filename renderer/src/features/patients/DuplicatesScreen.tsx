// The duplicate finder: pairs of patients that look like one person, and a merge that keeps every linked record.
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { DuplicatePair, PatientSummary } from '../../../../db/contract';
import { call } from '../../api/client';
import { hrefFor } from '../../app/router';
import { EmptyState, ErrorBanner, Loading, PageHeader } from '../../ui/feedback';
import { Button } from '../../ui/fields';
import { formatDay } from '../../ui/format';
import { countryName } from '../../ui/options';
import { fullName } from './PatientDetailScreen';
import { useDuplicates, useInvalidatePatients } from '../../api/patient-queries';
import './patients.css';

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
      <PageHeader title={t('duplicates.title')} subtitle={<span className="muted small">{t('duplicates.intro')}</span>} />
      {done ? (
        <div className="banner banner-info" role="status">
          {done}
        </div>
      ) : null}
      <section className="panel">
        {pairs.isPending ? <Loading /> : null}
        {pairs.isError ? <ErrorBanner error={pairs.error} /> : null}
        {pairs.data && pairs.data.length === 0 ? <EmptyState title={t('duplicates.none')}>{t('duplicates.noneHint')}</EmptyState> : null}
        {(pairs.data ?? []).map((pair) => (
          <Pair key={`${pair.a.id}:${pair.b.id}`} pair={pair} onMerge={setChoice} />
        ))}
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

function Person({ p }: { p: PatientSummary }) {
  const { t, i18n } = useTranslation('patients');
  return (
    <div className="pair-person">
      <a href={hrefFor({ name: 'patient', id: p.id })}>
        <strong>{fullName(p)}</strong>
        {p.nativeName ? ` · ${p.nativeName}` : ''}
      </a>
      <span className="mrn">{p.mrn}</span>
      <span className="muted small">
        {[formatDay(p.birthDate, i18n.language), countryName(p.nationality, i18n.language), t(`inquiries:diagnosisShort.${p.strokeType}`)].filter(Boolean).join(' · ')}
      </span>
      <span className="muted small">{[p.phone, p.email].filter(Boolean).join(' · ')}</span>
    </div>
  );
}

function Pair({ pair, onMerge }: { pair: DuplicatePair; onMerge: (c: Choice) => void }) {
  const { t } = useTranslation('patients');
  return (
    <div className="pair-card" role="group" aria-label={`${fullName(pair.a)} / ${fullName(pair.b)}`}>
      <Person p={pair.a} />
      <Person p={pair.b} />
      <div className="pair-actions">
        <div className="pair-reasons">
          <span className="visually-hidden">{t('duplicates.reasons')}:</span>
          {pair.reasons.map((r) => (
            <span key={r} className="reason-chip">
              {t(`matchReason.${r}`)}
            </span>
          ))}
        </div>
        <Button onPress={() => onMerge({ survivor: pair.a, merged: pair.b })}>{t('duplicates.keepA', { mrn: pair.a.mrn })}</Button>
        <Button onPress={() => onMerge({ survivor: pair.b, merged: pair.a })}>{t('duplicates.keepA', { mrn: pair.b.mrn })}</Button>
      </div>
    </div>
  );
}

function MergeDialog({ choice, onClose, onMerged }: { choice: Choice; onClose: () => void; onMerged: (text: string) => void }) {
  const { t } = useTranslation('patients');
  const invalidate = useInvalidatePatients();
  const names = { survivor: `${fullName(choice.survivor)} (${choice.survivor.mrn})`, merged: `${fullName(choice.merged)} (${choice.merged.mrn})` };
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
    <ModalOverlay className="modal-overlay" isOpen isDismissable onOpenChange={(open) => (open ? null : onClose())}>
      <Modal className="modal">
        <Dialog className="dialog" role="alertdialog">
          <Heading slot="title" className="dialog-title">
            {t('duplicates.confirmTitle', names)}
          </Heading>
          <p>{t('duplicates.confirmBody', names)}</p>
          {merge.error ? <ErrorBanner error={merge.error} /> : null}
          <div className="dialog-actions">
            <Button onPress={onClose} autoFocus>
              {t('common:actions.cancel')}
            </Button>
            <Button variant="danger" onPress={() => merge.mutate()} isDisabled={merge.isPending}>
              {t('duplicates.confirm')}
            </Button>
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
