// Placeholder until the accounts screen lands.
export function AccountsScreen() {
  return null;
}
