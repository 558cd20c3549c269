// Placeholder until the inquiries screens land.
export function HomeScreen() {
  return null;
}
