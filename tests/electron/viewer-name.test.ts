// The temporary copy's name for the system viewer: the person's own name, safe on every platform, with a viewer's extension.
import { describe, expect, it } from 'vitest';
import { viewerFileName } from '../../electron/main/policies';

describe('viewerFileName', () => {
  it.each([
    ['MRI report.pdf', 'application/pdf', 'MRI report.pdf'],
    ['Скан МРТ.PDF', 'application/pdf', 'Скан МРТ.PDF'],
    ['photo.jpeg', 'image/jpeg', 'photo.jpeg'],
    ['scan.tiff', 'image/tiff', 'scan.tiff'],
    ['report', 'application/pdf', 'report.pdf'],
    ['report.exe', 'application/pdf', 'report.exe.pdf'],
    ['../../etc/passwd', 'application/pdf', 'passwd.pdf'],
    ['C:\\Users\\x\\a<b>:c|d?.png', 'image/png', 'a_b__c_d_.png'],
    ['con.pdf', 'application/pdf', 'attachment-con.pdf'],
    ['..pdf', 'application/pdf', 'pdf.pdf'],
    ['...', 'image/webp', 'attachment.webp'],
    ['line\nbreak.pdf', 'application/pdf', 'line_break.pdf'],
  ])('%j as %s → %j', (name, mime, expected) => {
    expect(viewerFileName(name, mime)).toBe(expected);
  });

  it('shortens very long names but keeps the extension', () => {
    const name = viewerFileName(`${'a'.repeat(300)}.pdf`, 'application/pdf');
    expect(name).toBe(`${'a'.repeat(120)}.pdf`);
  });
});
