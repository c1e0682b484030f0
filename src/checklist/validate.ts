import { loadChecklistFile } from './load.js';

/** What `oit checklists --validate` reports about a valid file: enough to see it is the list meant. */
export interface ValidatedChecklist {
  file: string;
  id: string;
  year: number;
  confidence: string;
  items: number;
  unknownItems: string[];
  subIndicators: { id: string; title: string; items: number }[];
  /** Items whose title is not confirmed (status probable or unknown). */
  unconfirmed: string[];
  hash: string;
}

/**
 * Loads and validates one checklist file with the same zod schema the shipped files use. A broken
 * file throws the loader's one ChecklistError naming the file, the item code and the field.
 */
export function validateChecklistFile(file: string): ValidatedChecklist {
  const { checklist: c, file: path, hash } = loadChecklistFile(file);
  return {
    file: path,
    id: c.id,
    year: c.year,
    confidence: c.confidence,
    items: c.items.length,
    unknownItems: c.unknownItems.map((u) => u.code),
    subIndicators: c.subIndicators.map((s) => ({ id: s.id, title: s.title, items: c.items.filter((i) => i.subIndicator === s.id).length })),
    unconfirmed: c.items.filter((i) => i.status !== 'confirmed').map((i) => i.code),
    hash,
  };
}
