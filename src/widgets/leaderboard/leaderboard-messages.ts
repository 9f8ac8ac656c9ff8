/** The words a leaderboard writes around its numbers, in its locale (English otherwise). */
export interface LeaderboardMessages {
  rank: string;
  agent: string;
  change: string;
  /** Marks the highlighted ("you") row. */
  you: string;
  /** A row with neither name nor id. */
  unnamed: string;
  /** A shared rank, for screen readers ("2=" on screen). */
  tied: (rank: string) => string;
  up: (places: number) => string;
  down: (places: number) => string;
  /** The badge of an entry new to the ranking, and its words for screen readers. */
  newBadge: string;
  newWords: string;
  /** The count shown when the list is cut to the top rows. */
  topOf: (shown: string, total: string) => string;
  moved: (name: string, rank: string, change: string) => string;
  entered: (name: string, rank: string) => string;
}

const places = (n: number) => (n === 1 ? 'place' : 'places');
const plaetze = (n: number) => (n === 1 ? 'Platz' : 'Plätze');

const en: LeaderboardMessages = {
  rank: 'Rank',
  agent: 'Agent',
  change: 'Change',
  you: 'You',
  unnamed: 'Unnamed',
  tied: (rank) => `${rank}, tied`,
  up: (n) => `up ${n} ${places(n)}`,
  down: (n) => `down ${n} ${places(n)}`,
  newBadge: 'new',
  newWords: 'new in the ranking',
  topOf: (shown, total) => `Top ${shown} of ${total}`,
  moved: (name, rank, change) => `${name} is now rank ${rank}, ${change}`,
  entered: (name, rank) => `${name} is new at rank ${rank}`,
};

const de: LeaderboardMessages = {
  rank: 'Platz',
  agent: 'Name',
  change: 'Veränderung',
  you: 'Sie',
  unnamed: 'Ohne Namen',
  tied: (rank) => `${rank}, geteilt`,
  up: (n) => `${n} ${plaetze(n)} nach oben`,
  down: (n) => `${n} ${plaetze(n)} nach unten`,
  newBadge: 'neu',
  newWords: 'neu im Ranking',
  topOf: (shown, total) => `Top ${shown} von ${total}`,
  moved: (name, rank, change) => `${name} ist jetzt auf Platz ${rank}, ${change}`,
  entered: (name, rank) => `${name} ist neu auf Platz ${rank}`,
};

export function leaderboardMessagesFor(locale: string): LeaderboardMessages {
  return locale.toLowerCase().startsWith('de') ? de : en;
}
