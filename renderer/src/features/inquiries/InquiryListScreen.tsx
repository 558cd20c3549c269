// Placeholder until the inquiries screens land.
export function InquiryListScreen() {
  return null;
}
