// A patient's adverse events as markers on the assessment charts' day axis ("Headache after lumbar puncture, grade 2").
import { useTranslation } from 'react-i18next';
import { usePatientAdverseEvents } from '../../api/adverse-event-queries';
import type { ChartMarker } from '../assessments/ScoreChart';
import { eventName, gradeShort } from './labels';

/** Empty until the events have loaded (the charts draw without them first). */
export function useAdverseEventMarkers(patientId: number): ChartMarker[] {
  const { t } = useTranslation();
  const events = usePatientAdverseEvents(patientId);
  return (events.data ?? []).map((e) => ({
    day: e.onsetOn,
    label: t('adverseEvents:marker', { event: eventName(t, e), grade: gradeShort(t, e.grade) }),
    kind: 'adverse',
  }));
}
