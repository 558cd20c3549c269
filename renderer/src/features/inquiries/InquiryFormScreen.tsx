// Placeholder until the inquiries screens land.
export function InquiryFormScreen(_: { id: number | null }) {
  return null;
}
