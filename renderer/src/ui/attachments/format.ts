// Sizes and file reading for attachments, kept apart from the components so they stay plain and testable.
import type { TFunction } from 'i18next';
import { numberFormat } from '../intl';

const KB = 1024;
const MB = 1024 * 1024;

/** "840 B", "12 KB", "3.4 MB": whole numbers once they are large enough that a decimal adds nothing. */
export function formatSize(bytes: number, locale: string, t: TFunction): string {
  const number = (value: number) => numberFormat(locale, { maximumFractionDigits: value < 10 ? 1 : 0 }).format(value);
  if (bytes < KB) return t('attachments:size.bytes', { value: number(bytes) });
  if (bytes < MB) return t('attachments:size.kb', { value: number(bytes / KB) });
  return t('attachments:size.mb', { value: number(bytes / MB) });
}

/** The file's bytes as base64 (what the contract carries), read by the browser without blocking the page. */
export function readBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}
