// Confirms removing one attachment; the core records who removed it and keeps the file while another record uses it.
import { useMutation } from '@tanstack/react-query';
import { Heading } from 'react-aria-components';
import { ModalDialog } from '../ModalDialog';
import { useTranslation } from 'react-i18next';
import type { Attachment } from '../../../../db/contract';
import { call } from '../../api/client';
import { ErrorBanner } from '../feedback';
import { Button } from '../fields';

interface Props {
  attachment: Attachment;
  onRemoved: () => Promise<void>;
  onClose: () => void;
}

export function RemoveDialog({ attachment, onRemoved, onClose }: Props) {
  const { t } = useTranslation('attachments');
  const remove = useMutation({
    mutationFn: () => call('attachments.remove', { id: attachment.id }),
    onSuccess: onRemoved,
  });

  return (
    <ModalDialog onClose={onClose} role="alertdialog">
      <Heading slot="title" className="dialog-title">
        {t('removeDialog.title')}
      </Heading>
      <p className="dialog-text">{t('removeDialog.body', { name: attachment.fileName })}</p>
      {remove.error ? <ErrorBanner error={remove.error} /> : null}
      <div className="dialog-actions">
        <Button onPress={onClose} autoFocus>
          {t('common:actions.cancel')}
        </Button>
        <Button variant="danger" onPress={() => remove.mutate()} isPending={remove.isPending}>
          {t('removeDialog.confirm')}
        </Button>
      </div>
    </ModalDialog>
  );
}
