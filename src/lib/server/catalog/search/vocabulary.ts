import data from './synonyms.json';
import type { Vocabulary } from './engine';

/** The synonyms and filler words the search reads (kept as data in synonyms.json). */
export const vocabulary: Vocabulary = { groups: data.groups, fillers: data.fillers };
