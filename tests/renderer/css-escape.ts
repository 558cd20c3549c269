// jsdom has no CSS.escape, which react-aria calls when a popover or modal opens; browsers all have it. Import for effect.
if (typeof globalThis.CSS === 'undefined') {
  const escape = (s: string) => s.replace(/[^a-zA-Z0-9_-]/g, (c) => `\\${c}`);
  Object.defineProperty(globalThis, 'CSS', { value: { escape }, configurable: true });
}
