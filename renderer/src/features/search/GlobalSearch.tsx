// Search as you type from anywhere: patients and inquiries by any part of a name, MRN, phone digits or e-mail.
import { useState } from 'react';
import { ComboBox, Header, Input, Label, ListBox, ListBoxItem, ListBoxSection, Popover } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../app/router';
import { GLOBAL_SEARCH_INPUT_ID } from '../../app/useShortcuts';
import { formatPartialDate } from '../../ui/format';
import { useGlobalSearch } from '../../api/patient-queries';
import './search.css';
import { Joined, Ltr, Name } from '../../ui/bidi';

export function GlobalSearch() {
  const { t, i18n } = useTranslation('patients');
  const [text, setText] = useState('');
  // A fresh box after each pick: the choice opens a record, it is not a value the box keeps.
  const [generation, setGeneration] = useState(0);
  // No typing pause: the core answers in about a millisecond, so every keystroke asks. The query is keyed by the text,
  // so a late answer to older text never replaces a newer one, and the previous list stays up meanwhile (no flash).
  const query = text.trim();
  const results = useGlobalSearch(query);
  const data = query === '' ? undefined : results.data;
  const patients = data?.patients ?? [];
  const inquiries = data?.inquiries ?? [];

  const waiting = results.isPlaceholderData || results.isFetching;
  const emptyText = query === '' ? t('search.hint') : waiting ? t('common:loading') : t('search.none', { text: query });

  const open = (key: string | number | null) => {
    if (key === null) return;
    const [kind, id] = String(key).split(':');
    setText('');
    setGeneration((g) => g + 1);
    if (kind === 'p') navigate({ name: 'patient', id: Number(id) });
    if (kind === 'i') navigate({ name: 'inquiry', id: Number(id) });
  };

  return (
    <ComboBox
      key={generation}
      className="global-search"
      inputValue={text}
      onInputChange={setText}
      onSelectionChange={open}
      defaultFilter={() => true}
      menuTrigger="input"
      allowsEmptyCollection
    >
      <Label className="topbar-label">{t('search.label')}</Label>
      <Input className="input" id={GLOBAL_SEARCH_INPUT_ID} placeholder={t('search.placeholder')} />
      {/* An option's name is everything it shows (name, MRN, phone), so what is read out matches what is seen. */}
      <Popover className="search-popover" placement="bottom start">
        <ListBox className="search-list" renderEmptyState={() => <div className="search-empty">{emptyText}</div>}>
          {patients.length > 0 ? (
            <ListBoxSection id="patients">
              <Header className="search-section-title">{t('search.patients')}</Header>
              {patients.map((p) => (
                <ListBoxItem key={`p:${p.id}`} id={`p:${p.id}`} className="search-item" textValue={`${p.familyName} ${p.givenName} ${p.mrn}`}>
                  <span className="search-item-title">
                    <Name>{`${p.familyName} ${p.givenName}`}</Name>
                    {p.nativeName ? (
                      <>
                        {' · '}
                        <Name>{p.nativeName}</Name>
                      </>
                    ) : null}
                  </span>
                  <span className="search-item-sub">
                    <Joined
                      items={[
                        <Ltr key="mrn">{p.mrn}</Ltr>,
                        formatPartialDate(p.birthDate, p.birthDateApprox, i18n.language),
                        p.phone ? <Ltr key="phone">{p.phone}</Ltr> : null,
                        p.email ? <Ltr key="email">{p.email}</Ltr> : null,
                      ]}
                    />
                  </span>
                </ListBoxItem>
              ))}
            </ListBoxSection>
          ) : null}
          {inquiries.length > 0 ? (
            <ListBoxSection id="inquiries">
              <Header className="search-section-title">{t('search.inquiries')}</Header>
              {inquiries.map((i) => (
                <ListBoxItem key={`i:${i.id}`} id={`i:${i.id}`} className="search-item" textValue={`${i.patientName} ${i.id}`}>
                  <span className="search-item-title">
                    <Name>{i.patientName}</Name>
                  </span>
                  <span className="search-item-sub">
                    <Joined
                      items={[
                        t('search.inquiryLine', { id: i.id, status: t(`inquiries:status.${i.status}`) }),
                        i.contactPhone ? <Ltr key="phone">{i.contactPhone}</Ltr> : null,
                        i.contactEmail ? <Ltr key="email">{i.contactEmail}</Ltr> : null,
                      ]}
                    />
                  </span>
                </ListBoxItem>
              ))}
            </ListBoxSection>
          ) : null}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}
