// The attachments of one inquiry or patient: who added what and when, open or download, remove, and a form to attach more.
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Attachment, AttachmentOwner } from '../../../../db/contract';
import { ApiCallError, desktopBridge } from '../../api/client';
import { EmptyState, ErrorBanner, Loading } from '../feedback';
import { Button } from '../fields';
import { formatInstant } from '../format';
import { AttachForm } from './AttachForm';
import { formatSize } from './format';
import { useAttachments, useInvalidateAttachments } from './queries';
import { RemoveDialog } from './RemoveDialog';
import './attachments.css';
import { Name } from '../../ui/bidi';

export function AttachmentsPanel({ owner }: { owner: AttachmentOwner }) {
  const { t } = useTranslation('attachments');
  const list = useAttachments(owner);
  const invalidate = useInvalidateAttachments(owner);
  const titleId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [removing, setRemoving] = useState<Attachment | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [openError, setOpenError] = useState<ApiCallError | null>(null);
  const rows = list.data ?? [];

  const onRemoved = async () => {
    await invalidate();
    setRemoving(null);
    setAnnouncement(t('removed'));
    // The row and its button are gone: put focus somewhere that still means "this panel".
    headingRef.current?.focus();
  };

  return (
    <section className="panel attachments" aria-labelledby={titleId}>
      <div className="panel-header">
        <h2 className="panel-title" id={titleId} ref={headingRef} tabIndex={-1}>
          {t('title')}
          {list.data ? <span className="count">{rows.length}</span> : null}
        </h2>
        <span className="muted small" role="status">
          {announcement}
        </span>
      </div>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <div className="panel-body">
          <ErrorBanner error={list.error} />
        </div>
      ) : rows.length === 0 ? (
        <EmptyState title={t('empty.title')}>{t('empty.body')}</EmptyState>
      ) : (
        <div className="table-wrap">
          {openError ? (
            <div className="panel-body attachments-open-error">
              <ErrorBanner error={openError} />
            </div>
          ) : null}
          <table className="table attachments-table" aria-labelledby={titleId}>
            <thead>
              <tr>
                <th scope="col">{t('column.file')}</th>
                <th scope="col">{t('column.added')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('column.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((a) => (
                <AttachmentRow key={a.id} attachment={a} onRemove={() => setRemoving(a)} onOpenError={setOpenError} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="panel-body attachments-form">
        <AttachForm owner={owner} />
      </div>
      {removing ? <RemoveDialog attachment={removing} onRemoved={onRemoved} onClose={() => setRemoving(null)} /> : null}
    </section>
  );
}

interface RowProps {
  attachment: Attachment;
  onRemove: () => void;
  onOpenError: (error: ApiCallError | null) => void;
}

function AttachmentRow({ attachment: a, onRemove, onOpenError }: RowProps) {
  const { t, i18n } = useTranslation('attachments');
  const locale = i18n.language;
  return (
    <tr>
      <td className="file-cell">
        <div className="cell-stack">
          <FileLink attachment={a} onOpenError={onOpenError} />
          {/* Category and size share the name's cell: the side column has no room for a column each. */}
          <span className="cell-sub file-meta" title={a.note ?? undefined}>
            <span className="file-kind">{t(`kind.${a.kind}`)}</span>
            <span className="file-size">{formatSize(a.size, locale, t)}</span>
            {a.note ? <Name className="file-note">{a.note}</Name> : null}
          </span>
        </div>
      </td>
      <td className="added-cell">
        <div className="cell-stack">
          <Name>{a.addedByName}</Name>
          <span className="cell-sub">{formatInstant(a.addedAt, locale)}</span>
        </div>
      </td>
      <td className="row-actions">
        <Button
          variant="ghost"
          className="remove-button"
          onPress={onRemove}
          aria-label={t('removeLabel', { name: a.fileName })}
        >
          {t('remove')}
        </Button>
      </td>
    </tr>
  );
}

/** In the desktop app the system viewer opens a copy; in a browser the host's download route hands the file over. */
export function FileLink({
  attachment: a,
  onOpenError,
}: {
  attachment: Pick<Attachment, 'id' | 'fileName'>;
  onOpenError: (error: ApiCallError | null) => void;
}) {
  const { t } = useTranslation('attachments');
  const [opening, setOpening] = useState(false);
  const bridge = desktopBridge();
  if (!bridge) {
    return (
      <a
        className="row-link file-name"
        href={`attachments/${a.id}`}
        download={a.fileName}
        title={t('download', { name: a.fileName })}
      >
        {a.fileName}
      </a>
    );
  }
  const open = async () => {
    onOpenError(null);
    setOpening(true);
    try {
      const result = await bridge.openAttachment(a.id);
      if (!result.ok) onOpenError(new ApiCallError(result.error));
    } finally {
      setOpening(false);
    }
  };
  return (
    <button
      type="button"
      className="link-button file-name"
      onClick={() => void open()}
      disabled={opening}
      title={t('open', { name: a.fileName })}
    >
      {a.fileName}
      {opening ? <span className="muted small"> {t('opening')}</span> : null}
    </button>
  );
}
