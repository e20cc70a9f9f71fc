/// W3C Web Annotation selectors over a document's canonical text
/// (https://www.w3.org/TR/annotation-model/#selectors). Offsets count UTF-16
/// code units of `DocText.text`.

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

/// Both selectors of one passage: the quote finds it again after the text
/// changes; the position finds it fast, and tells apart repeated quotes.
export interface PassageSelectors {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}

/// How much context a quote selector keeps on either side. 32 characters
/// tells apart all but verbatim-repeated passages and stays readable.
export const contextLength = 32;

/// Describes the passage `[start, end)` of `text` by both selectors.
export function describePassage(text: string, start: number, end: number): PassageSelectors {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) {
    throw new RangeError(`The range ${start}–${end} is not a non-empty passage of a text of ${text.length} characters.`);
  }
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - contextLength), start),
      suffix: text.slice(end, end + contextLength),
    },
    position: { type: 'TextPositionSelector', start, end },
  };
}
