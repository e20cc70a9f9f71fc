/// The passages of each seed that the anchoring baselines hold the code to:
/// `[exact text, occurrence]` (occurrence counts from 0). Chosen to cover
/// what revisions do: re-wrapped lines, curly quotes, corrected typos,
/// accents added, OCR debris removed, page-break debris deleted (those must
/// come back orphaned), and passages the revision leaves alone.
export const baselinePassages: Record<string, { revision: string | null; passages: [string, number?][] }> = {
  'fo-brief-sino-soviet-relations-and-albania-1962.md': {
    revision: 'fo-brief-sino-soviet-relations-and-albania-1962.revised.md',
    passages: [
      ['he wanted to force Peking to desist from further support'],
      ["Unpredictable through Khrushchev's behaviour often is"],
      ['bracketted together in his mind as adherents of Stalinist policies'],
      ['an apple of discord in the bloc suits us very well'],
      ['/their'],
      ['N1071/10'],
      ['Khrushchev', 3],
      ['a limited but distinct detente'],
      ['£843,947'],
      ['Corfu Channel incident of 1946'],
      ['The "acupuncture" has in fact failed to work.'],
      ['Signor Quanti, the Ambassador'],
      ['blessed by Peking.\n\nSuch a detente could not easily come about'],
      ['SECRET', 1],
    ],
  },
  'albanian-report-dprk-stance-1967.md': {
    revision: 'albanian-report-dprk-stance-1967.revised.md',
    passages: [
      ['☐☐☐ st of all, this is apparent in the order of the publishing'],
      ['\\Box formation bits in the news about our country'],
      ['ПП', 0],
      ['Inhough on the outside they always try to appear'],
      ['Kim II Sung, very flamboyantly says'],
      ['Kim Il Sung said to Siri Çarçani'],
      ['the soviet revisionists', 2],
      ['[Qn] the occasion of the anniversary of July 10'],
      ['It is unlikely that they have understood correctly our behavior.'],
      ['The removal of N. Khrushchev proved this conclusively.'],
      ['the Polish postage stamps'],
    ],
  },
  'edemskiy-final-break-moscow-tirana-balcanica-2019.md': {
    revision: null,
    passages: [
      ['Additional Evidence on the Final Break between Moscow and Tirana in 1960–1961'],
      ['requesting 50 thousand tons of wheat to be shipped to Albania'],
      ['disruption of the Paris summit.³ It was only later'],
      ['E. Mëhilli, From Stalin to Mao'],
      ['Khrushchev', 10],
      ['the naval base at Vlora', 1],
    ],
  },
  'czechoslovak-memorandum-ri-song-un-1962.txt': {
    revision: null,
    passages: [
      ['Richard Dvořàk'],
      ['We need to realize that Albania may go over to the other side.'],
      ['today’s economic successes of the DPRK would not be possible without constant Soviet assistance'],
      ['Moscow 2 April 1962'],
    ],
  },
  'archive-search-khrushchev-albania.txt': {
    revision: null,
    passages: [
      ['Handwritten Notes from Khrushchev’s Talks with the Albanian Delegation'],
      ['April 1957', 1],
      ['Report on the 1st and 2nd Conference of Non-Aligned Countries'],
    ],
  },
};
