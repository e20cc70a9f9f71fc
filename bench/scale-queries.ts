/// The 8 query kinds the scale rows and their probes ask, in this order:
/// a rare word, a common one, a name, two phrases, two prefixes, two words.
export const scaleQueries = ['wheat', 'the', 'dvorak', '"soviet leaders"', '"of the"', 'sino*', 'co*', 'khrushchev albania'];
