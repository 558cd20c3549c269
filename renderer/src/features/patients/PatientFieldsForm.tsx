// The patient's fields as form sections, shared by registration, editing and conversion from an inquiry.
import { useTranslation } from 'react-i18next';
import { CheckboxGroupField, SelectField, TextField } from '../../ui/fields';
import type { FormState } from '../../ui/use-form';
import { conditionOptions, diagnosisOptions, sexOptions, weaknessSideOptions } from '../../ui/options';
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
  const e = form.errors;
  return (
    <>
      <div className="form-section">
        <h2 className="section-title">{t('form.sectionName')}</h2>
        <div className="form-grid">
          <TextField
            className="span-4"
            label={t('form.familyName')}
            value={v.familyName}
            onChange={(x) => form.set('familyName', x)}
            error={e.familyName}
            isRequired
            autoFocus={autoFocus}
            autoComplete="off"
          />
          <TextField
            className="span-4"
            label={t('form.givenName')}
            value={v.givenName}
            onChange={(x) => form.set('givenName', x)}
            error={e.givenName}
            isRequired
            autoComplete="off"
          />
          <TextField
            className="span-4"
            label={t('form.nativeName')}
            value={v.nativeName}
            onChange={(x) => form.set('nativeName', x)}
            error={e.nativeName}
            description={t('form.nativeHint')}
            autoComplete="off"
          />
          <SelectField
            className="span-3"
            label={t('form.sex')}
            value={v.sex}
            onChange={(x) => form.set('sex', x)}
            options={sexOptions(t)}
            placeholder={t('form.choose')}
            error={e.sex}
            isRequired
          />
          <PartialDateField
            className="span-3"
            label={t('form.birthDate')}
            value={v.birthDate}
            onChange={(x) => form.set('birthDate', x)}
            error={e.birthDate}
          />
          <CodeComboField
            kind="region"
            className="span-3"
            label={t('form.nationality')}
            value={v.nationality}
            onChange={(x) => form.set('nationality', x)}
            locale={locale}
            placeholder={t('form.typeToSearch')}
            error={e.nationality}
          />
          <TextField
            className="span-3"
            label={t('form.passportNumber')}
            value={v.passportNumber}
            onChange={(x) => form.set('passportNumber', x)}
            error={e.passportNumber}
            autoComplete="off"
          />
          <CheckboxGroupField
            className="span-12 languages"
            label={t('form.languages')}
            value={v.languages}
            onChange={(x) => form.set('languages', x)}
            options={spokenLanguageOptions(v.languages, locale)}
            error={e.languages}
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
          <TextField
            className="span-4"
            label={t('form.email')}
            type="email"
            value={v.email}
            onChange={(x) => form.set('email', x)}
            error={e.email}
            autoComplete="off"
          />
          <TextField
            className="span-4"
            label={t('form.phone')}
            type="tel"
            value={v.phone}
            onChange={(x) => form.set('phone', x)}
            error={e.phone}
            description={t('form.phoneHint')}
            autoComplete="off"
          />
          <TextField
            className="span-4"
            label={t('form.messagingHandle')}
            value={v.messagingHandle}
            onChange={(x) => form.set('messagingHandle', x)}
            error={e.messagingHandle}
            autoComplete="off"
          />
          <TextField
            className="span-12"
            label={t('form.address')}
            value={v.address}
            onChange={(x) => form.set('address', x)}
            error={e.address}
            autoComplete="off"
          />
        </div>
      </div>
      <div className="form-section">
        <h2 className="section-title">{t('form.sectionEmergency')}</h2>
        <div className="form-grid">
          <TextField
            className="span-4"
            label={t('form.emergencyName')}
            value={v.emergencyName}
            onChange={(x) => form.set('emergencyName', x)}
            error={e.emergencyName}
            autoComplete="off"
          />
          <TextField
            className="span-4"
            label={t('form.emergencyRelation')}
            value={v.emergencyRelation}
            onChange={(x) => form.set('emergencyRelation', x)}
            error={e.emergencyRelation}
            autoComplete="off"
          />
          <TextField
            className="span-4"
            label={t('form.emergencyPhone')}
            type="tel"
            value={v.emergencyPhone}
            onChange={(x) => form.set('emergencyPhone', x)}
            error={e.emergencyPhone}
            autoComplete="off"
          />
        </div>
      </div>
      <div className="form-section">
        <h2 className="section-title">{t('form.sectionStroke')}</h2>
        <div className="form-grid">
          <SelectField
            className="span-4"
            label={t('form.strokeType')}
            value={v.strokeType}
            onChange={(x) => form.set('strokeType', x)}
            options={diagnosisOptions(t)}
            placeholder={t('form.choose')}
            error={e.strokeType}
            isRequired
          />
          <PartialDateField
            className="span-4"
            label={t('form.strokeOnsetDate')}
            value={v.strokeOnsetDate}
            onChange={(x) => form.set('strokeOnsetDate', x)}
            error={e.strokeOnsetDate}
          />
          <SelectField
            className="span-2"
            label={t('form.weaknessSide')}
            value={v.weaknessSide}
            onChange={(x) => form.set('weaknessSide', x)}
            options={weaknessSideOptions(t)}
            emptyLabel={t('form.none')}
            error={e.weaknessSide}
          />
          <SelectField
            className="span-2"
            label={t('form.lesionSide')}
            value={v.lesionSide}
            onChange={(x) => form.set('lesionSide', x)}
            options={lesionSideOptions(t)}
            emptyLabel={t('form.none')}
            error={e.lesionSide}
          />
          <TextField
            className="span-4"
            label={t('form.lesionSite')}
            value={v.lesionSite}
            onChange={(x) => form.set('lesionSite', x)}
            error={e.lesionSite}
            description={t('form.lesionSiteHint')}
          />
          <TextField
            className="span-12"
            label={t('form.priorTreatments')}
            value={v.priorTreatments}
            onChange={(x) => form.set('priorTreatments', x)}
            error={e.priorTreatments}
            multiline
            rows={2}
          />
        </div>
      </div>
      <div className="form-section">
        <h2 className="section-title">{t('form.sectionHealth')}</h2>
        <div className="form-grid">
          <CheckboxGroupField
            className="span-8"
            label={t('form.comorbidities')}
            value={v.comorbidities}
            onChange={(x) => form.set('comorbidities', x)}
            options={conditionOptions(t)}
            error={e.comorbidities}
          />
          <TextField
            className="span-4"
            label={t('form.comorbiditiesOther')}
            value={v.comorbiditiesOther}
            onChange={(x) => form.set('comorbiditiesOther', x)}
            error={e.comorbiditiesOther}
            isDisabled={!v.comorbidities.includes('other')}
            isRequired={v.comorbidities.includes('other')}
          />
          <SelectField
            className="span-4"
            label={t('form.ecog')}
            value={v.ecog}
            onChange={(x) => form.set('ecog', x)}
            options={ecogOptions(t)}
            emptyLabel={t('form.none')}
            error={e.ecog}
          />
          <SelectField
            className="span-4"
            label={t('form.asa')}
            value={v.asa}
            onChange={(x) => form.set('asa', x)}
            options={asaOptions(t)}
            emptyLabel={t('form.none')}
            error={e.asa}
          />
          <TextField
            className="span-12"
            label={t('form.healthNotes')}
            value={v.healthNotes}
            onChange={(x) => form.set('healthNotes', x)}
            error={e.healthNotes}
            multiline
            rows={2}
          />
        </div>
      </div>
    </>
  );
}
