/** The organisation's section pages in the main menu, by URL segment, with the UI string of their title. */
export const sections = {
  'who-we-are': 'nav.whoWeAre',
  'our-work': 'nav.ourWork',
  'take-action': 'nav.takeAction',
  'data-and-research': 'nav.dataResearch',
} as const;

export type SectionId = keyof typeof sections;
