import { francAll } from 'franc-min';
import { type Block, blockText } from '../document/model';
import type { DocumentMeta } from './metadata';

// franc reads at most 2,048 characters.
const sampleLength = 2048;
// Below this, trigram statistics are noise: a title says little.
const minSample = 160;
// The runner-up's score (1 is the best's) above which the text is too
// close between two languages (Czech and Slovak, say) to suggest either.
const maxRunnerUp = 0.99;

/// The language a document's text reads as, by its English name
/// ("Russian", "English"), for a researcher to accept as its original
/// language with one click; `null` when the text is too short or too
/// close between languages to say. A suggestion, never stored unasked:
/// a translation reads as the language it was translated into.
export function detectLanguage(blocks: readonly Block[]): string | null {
  // The library asks again on every change to any document; a document's
  // blocks are not changed once read, so the answer is kept with them.
  const known = detected.get(blocks);
  if (known !== undefined) return known;
  const language = detect(blocks);
  detected.set(blocks, language);
  return language;
}

const detected = new WeakMap<readonly Block[], string | null>();

function detect(blocks: readonly Block[]): string | null {
  // The longest paragraphs are the prose; a document opens with headings,
  // reference lines and a journal's masthead, which read as any language.
  const paragraphs = blocks
    .filter((block) => block.kind !== 'heading')
    .map((block) => blockText(block).replace(/\s+/g, ' ').trim())
    .filter((text) => text.length >= 60)
    .sort((a, b) => b.length - a.length);
  let sample = '';
  for (const text of paragraphs) {
    if (sample.length >= sampleLength) break;
    sample += `${text} `;
  }
  if (sample.length < minSample) return null;
  const [best, second] = francAll(sample.slice(0, sampleLength), { minLength: minSample });
  if (!best || best[0] === 'und' || (second && second[1] > maxRunnerUp)) return null;
  return languageOfCode(best[0]);
}

/// English name of an ISO 639-3 code ("rus" → "Russian"); null if unknown.
function languageOfCode(code: string): string | null {
  try {
    const name = new Intl.DisplayNames(['en'], { type: 'language' }).of(code);
    return name && name !== code ? name : null;
  } catch {
    return null;
  }
}

/// The language to offer as a document's original language where its
/// description states none: what its text reads as. None for a
/// translation (it reads as the language it was put into) or a search
/// listing (an archive's page, not a source).
export function suggestLanguage(document: { meta: Pick<DocumentMeta, 'originalLanguage' | 'translator' | 'kind'>; blocks: readonly Block[] }): string | null {
  const { meta } = document;
  if (meta.originalLanguage || meta.translator || meta.kind === 'search listing') return null;
  return detectLanguage(document.blocks);
}
