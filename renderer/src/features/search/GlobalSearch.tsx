// Search as you type from anywhere: patients, inquiries and lot numbers by any part of a name, MRN, phone digits or e-mail.
import { type FocusEvent, type KeyboardEvent, memo, useCallback, useRef, useState } from 'react';
import {
  Autocomplete,
  Header,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  ListBoxSection,
  Popover,
  SearchField,
} from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { hrefFor, navigate } from '../../app/router';
import { GLOBAL_SEARCH_INPUT_ID } from '../../app/useShortcuts';
import { formatPartialDate } from '../../ui/format';
import { useGlobalSearch, useStartGlobalSearch } from '../../api/patient-queries';
import './search.css';
import { Joined, Ltr, Name } from '../../ui/bidi';
import type { SearchResults } from '../../../../db/contract';

export function GlobalSearch() {
  const { t } = useTranslation('patients');
  const [text, setText] = useState('');
  const [isOpen, setOpen] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const popoverRef = useRef<HTMLElement>(null);
  // No typing pause: the core answers in about a millisecond, so every keystroke asks. The query is keyed by the text,
  // so a late answer to older text never replaces a newer one, and the previous list stays up meanwhile (no flash).
  const query = text.trim();
  const results = useGlobalSearch(query);
  const startSearch = useStartGlobalSearch();
  const data = query === '' ? undefined : results.data;
  // The answer on screen, for the lot a chosen option names (read at choice time, so `open` stays stable).
  const shown = useRef(data);
  shown.current = data;

  const waiting = results.isPlaceholderData || results.isFetching;
  const emptyText = query === '' ? t('search.hint') : waiting ? t('common:loading') : t('search.none', { text: query });

  // Stable, like the options: a keystroke whose answer is not in yet must not rebuild the list (that delays the request).
  const open = useCallback((key: string | number | null) => {
    if (key === null) return;
    const [kind, id] = String(key).split(':');
    setText('');
    setOpen(false);
    if (kind === 'p') navigate({ name: 'patient', id: Number(id) });
    if (kind === 'i') navigate({ name: 'inquiry', id: Number(id) });
    // A lot hit opens the lot search for that lot: every patient who received it, not just this one.
    const lot =
      kind === 'l' ? shown.current?.lots.find((l) => l.procedureId === Number(id))?.completion.lotNumber : undefined;
    if (lot) window.location.hash = `${hrefFor({ name: 'lotSearch' })}?lot=${encodeURIComponent(lot)}`;
  }, []);
  const empty = useCallback(() => <div className="search-empty">{emptyText}</div>, [emptyText]);

  const changeText = (value: string) => {
    startSearch(value.trim());
    setText(value);
    setOpen(value.trim() !== '');
  };
  // Escape closes the list first (the text stays, to refine); a second Escape clears the box, as a search field does.
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && isOpen) {
      e.preventDefault();
      setOpen(false);
    } else if (e.key === 'ArrowDown' && !isOpen && text.trim() !== '') {
      setOpen(true);
    }
  };
  // Leaving the box closes the list, unless focus went into the list itself (a click on an option).
  const onBlur = (e: FocusEvent) => {
    // Moving through the options is virtual focus: react-aria sends the box synthetic blurs that must not close it.
    if (!e.nativeEvent.isTrusted) return;
    const to = e.relatedTarget;
    if (to instanceof Node && popoverRef.current?.contains(to)) return;
    setOpen(false);
  };

  // An Autocomplete, not a ComboBox: a ComboBox hides the rest of the page from assistive technology while its list is
  // open (aria-hidden over links and buttons that can still take focus); this list is non-modal and hides nothing.
  return (
    // No option is picked until an arrow key says so: Enter on a fresh list does nothing, as in a combobox.
    <Autocomplete inputValue={text} onInputChange={changeText} disableAutoFocusFirst>
      <SearchField className="global-search" onKeyDown={onKeyDown} onBlur={onBlur}>
        <Label className="topbar-label">{t('search.label')}</Label>
        <Input
          ref={inputRef}
          className="input"
          id={GLOBAL_SEARCH_INPUT_ID}
          placeholder={t('search.placeholder')}
          role="combobox"
          aria-expanded={isOpen}
          aria-haspopup="listbox"
          onFocus={() => setOpen(text.trim() !== '')}
        />
      </SearchField>
      {/* An option's name is everything it shows (name, MRN, phone), so what is read out matches what is seen. */}
      <Popover
        ref={popoverRef}
        className="search-popover"
        placement="bottom start"
        triggerRef={inputRef}
        isOpen={isOpen}
        onOpenChange={setOpen}
        isNonModal
      >
        <ListBox className="search-list" aria-label={t('search.label')} onAction={open} renderEmptyState={empty}>
          <SearchOptions data={data} />
        </ListBox>
      </Popover>
    </Autocomplete>
  );
}

/**
 * The options of one answer. Memoised on the answer itself: typing re-renders the box on every keystroke, and only a
 * new answer should pay for building the list (react-aria renders a collection twice, and dates are formatted per row).
 */
const SearchOptions = memo(function SearchOptions({ data }: { data: SearchResults | undefined }) {
  const { t, i18n } = useTranslation('patients');
  const patients = data?.patients ?? [];
  const inquiries = data?.inquiries ?? [];
  const lots = data?.lots ?? [];
  return (
    <>
      {patients.length > 0 ? (
        <ListBoxSection id="patients">
          <Header className="search-section-title">{t('search.patients')}</Header>
          {patients.map((p) => (
            <ListBoxItem
              key={`p:${p.id}`}
              id={`p:${p.id}`}
              className="search-item"
              textValue={`${p.familyName} ${p.givenName} ${p.mrn}`}
            >
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
            <ListBoxItem
              key={`i:${i.id}`}
              id={`i:${i.id}`}
              className="search-item"
              textValue={`${i.patientName} ${i.id}`}
            >
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
      {lots.length > 0 ? (
        <ListBoxSection id="lots">
          <Header className="search-section-title">{t('search.lots')}</Header>
          {lots.map((l) => (
            <ListBoxItem
              key={`l:${l.procedureId}`}
              id={`l:${l.procedureId}`}
              className="search-item"
              textValue={`${l.completion.lotNumber} ${l.patient.familyName} ${l.patient.givenName}`}
            >
              <span className="search-item-title">
                <Ltr>{l.completion.lotNumber}</Ltr>
              </span>
              <span className="search-item-sub">
                <Joined
                  items={[
                    <Name key="n">{`${l.patient.familyName} ${l.patient.givenName}`}</Name>,
                    <Ltr key="m">{l.patient.mrn}</Ltr>,
                  ]}
                />
              </span>
            </ListBoxItem>
          ))}
        </ListBoxSection>
      ) : null}
    </>
  );
});
