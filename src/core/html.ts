const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe to place in HTML text or a quoted attribute: report text is untrusted. */
export const escapeHtml = (s: unknown): string => String(s ?? '').replace(/[&<>"']/g, (ch) => ESC[ch]!);
