/**
 * The one HTML escaper of the webviews. Every string that came from an API, a setting or a user
 * goes through it, in text and in attribute values alike (attributes are always double-quoted).
 */
export function escapeHtml(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
