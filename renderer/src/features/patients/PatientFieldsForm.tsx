// The patient's fields as form sections, shared by registration, editing and conversion from an inquiry.
import { useTranslation } from 'react-i18next';
import { CheckboxGroupField, SelectField, TextField } from '../../ui/fields';
import type { FormState } from '../../ui/use-form';
import { sexOptions } from '../../ui/options';
import { ConditionsFields, StrokeFields } from '../../ui/ClinicalFields';
import { ContactFields } from '../../ui/ContactFields';
import { CodeComboField } from '../../ui/CodeComboField';
import { PartialDateField } from '../../ui/PartialDateField';
import { asaOptions, ecogOptions, lesionSideOptions, spokenLanguageOptions } from './options';
import type { PatientFormValues } from './patient-form-model';

export function PatientFieldsForm({
  form,
  autoFocus = false,
}: {
  form: FormState<PatientFormValues>;
  autoFocus?: boolean;
}) {
  const { t, i18n } = useTranslation('patients');
  const locale = i18n.language;
  const v = form.values;
  return (
    <>
      <div className="form-section">
        <h2 className="section-title">{t('form.sectionName')}</h2>
        <div className="form-grid">
          <TextField
            className="span-4"
            label={t('form.familyName')}
            {...form.bind('familyName')}
            isRequired
            autoFocus={autoFocus}
            autoComplete="off"
          />
          <TextField
            className="span-4"
            label={t('form.givenName')}
            {...form.bind('givenName')}
            isRequired
            autoComplete="off"
          />
          <TextField
            className="span-4"
            label={t('form.nativeName')}
            {...form.bind('nativeName')}
            description={t('form.nativeHint')}
            autoComplete="off"
          />
          <SelectField
            className="span-3"
            label={t('form.sex')}
            {...form.bind('sex')}
            options={sexOptions(t)}
            placeholder={t('form.choose')}
            isRequired
          />
          <PartialDateField className="span-3" label={t('form.birthDate')} {...form.bind('birthDate')} />
          <CodeComboField
            kind="region"
            className="span-3"
            label={t('form.nationality')}
            {...form.bind('nationality')}
            locale={locale}
            placeholder={t('form.typeToSearch')}
          />
          <TextField
            className="span-3"
            label={t('form.passportNumber')}
            {...form.bind('passportNumber')}
            autoComplete="off"
          />
          <CheckboxGroupField
            className="span-12 languages"
            label={t('form.languages')}
            {...form.bind('languages')}
            options={spokenLanguageOptions(v.languages, locale)}
          />
          <CodeComboField
            kind="language"
            className="span-4"
            label={t('form.addLanguage')}
            value={null}
            onChange={(x) => {
              if (x !== null && !v.languages.includes(x)) form.set('languages', [...v.languages, x]);
            }}
            locale={locale}
            placeholder={t('form.typeToSearch')}
            exclude={v.languages}
            clearOnPick
          />
        </div>
      </div>
      <div className="form-section">
        <h2 className="section-title">{t('form.sectionContacts')}</h2>
        <div className="form-grid">
          <ContactFields
            email={form.bind('email')}
            phone={form.bind('phone')}
            messagingHandle={form.bind('messagingHandle')}
            labels={{
              email: t('form.email'),
              phone: t('form.phone'),
              phoneHint: t('form.phoneHint'),
              messagingHandle: t('form.messagingHandle'),
            }}
          />
          <TextField className="span-12" label={t('form.address')} {...form.bind('address')} autoComplete="off" />
        </div>
      </div>
      <div className="form-section">
        <h2 className="section-title">{t('form.sectionEmergency')}</h2>
        <div className="form-grid">
          <TextField
            className="span-4"
            label={t('form.emergencyName')}
            {...form.bind('emergencyName')}
            autoComplete="off"
          />
          <TextField
            className="span-4"
            label={t('form.emergencyRelation')}
            {...form.bind('emergencyRelation')}
            autoComplete="off"
          />
          <TextField
            className="span-4"
            label={t('form.emergencyPhone')}
            type="tel"
            {...form.bind('emergencyPhone')}
            autoComplete="off"
          />
        </div>
      </div>
      <div className="form-section">
        <h2 className="section-title">{t('form.sectionStroke')}</h2>
        <div className="form-grid">
          <StrokeFields
            type={form.bind('strokeType')}
            onsetDate={form.bind('strokeOnsetDate')}
            weaknessSide={form.bind('weaknessSide')}
            labels={{
              type: t('form.strokeType'),
              onsetDate: t('form.strokeOnsetDate'),
              weaknessSide: t('form.weaknessSide'),
              choose: t('form.choose'),
              none: t('form.none'),
            }}
            weaknessSideClassName="span-2"
          />
          <SelectField
            className="span-2"
            label={t('form.lesionSide')}
            {...form.bind('lesionSide')}
            options={lesionSideOptions(t)}
            emptyLabel={t('form.none')}
          />
          <TextField
            className="span-4"
            label={t('form.lesionSite')}
            {...form.bind('lesionSite')}
            description={t('form.lesionSiteHint')}
          />
          <TextField
            className="span-12"
            label={t('form.priorTreatments')}
            {...form.bind('priorTreatments')}
            multiline
            rows={2}
          />
        </div>
      </div>
      <div className="form-section">
        <h2 className="section-title">{t('form.sectionHealth')}</h2>
        <div className="form-grid">
          <ConditionsFields
            conditions={form.bind('comorbidities')}
            other={form.bind('comorbiditiesOther')}
            labels={{ conditions: t('form.comorbidities'), other: t('form.comorbiditiesOther') }}
          />
          <SelectField
            className="span-4"
            label={t('form.ecog')}
            {...form.bind('ecog')}
            options={ecogOptions(t)}
            emptyLabel={t('form.none')}
          />
          <SelectField
            className="span-4"
            label={t('form.asa')}
            {...form.bind('asa')}
            options={asaOptions(t)}
            emptyLabel={t('form.none')}
          />
          <TextField
            className="span-12"
            label={t('form.healthNotes')}
            {...form.bind('healthNotes')}
            multiline
            rows={2}
          />
        </div>
      </div>
    </>
  );
}
