/** Words for codes, as a monitor would say them. */
export const STATUS_LABEL: Record<string, string> = {
  at_large: 'At large',
  detained: 'Detained',
  whereabouts_unknown: 'Whereabouts unknown',
  deported: 'Deported',
  charged: 'Charged',
  released: 'Released',
  in_exile: 'In exile',
  convicted: 'Convicted',
  killed: 'Killed',
};

export const statusLabel = (s: string) => STATUS_LABEL[s] ?? s.replace(/_/g, ' ');
export const typeLabel = (t: string) => t.charAt(0) + t.slice(1).toLowerCase().replace(/_/g, ' ');
export const when = (iso: string | null | undefined) => (iso ? iso.replace('T', ' ').slice(0, 16) : '—');
