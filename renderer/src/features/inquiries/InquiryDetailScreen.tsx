// Placeholder until the inquiries screens land.
export function InquiryDetailScreen(_: { id: number }) {
  return null;
}
