import type { Locale } from '@iom/content-model';
import { ar } from './ar.ts';
import { en } from './en.ts';
import { es } from './es.ts';
import { fr } from './fr.ts';
import type { TextBank } from './text-bank.ts';

export type { TextBank } from './text-bank.ts';

/** The text bank of each site language. */
export const textBanks: Readonly<Record<Locale, TextBank>> = { en, fr, es, ar };

/**
 * Person names in Latin script, for contacts, quotes and photo credits. Accents included, so e-mail addresses
 * must be folded to ASCII (see `emailFor`).
 */
export const latinNames: readonly [readonly string[], readonly string[]] = [
  ['Othman', 'Christine', 'Joel', 'Leonard', 'Safa', 'Amina', 'Paul', 'Florence', 'Jorge', 'Ana', 'Olivia', 'Mohammed', 'Kelly', 'Ivona',
    'Jumbe', 'Abby', 'Yuko', 'Miguel', 'Lucía', 'Hélène', 'François', 'Aïcha', 'Raúl', 'Ngozi', 'Tatiana', 'Saeed', 'Priya', 'Liam', 'Chloé', 'Tomás'],
  ['Belbeisi', 'Petré', 'Millman', 'Doyle', 'Msallam', 'Nasser', 'Dillon', 'Kawira', 'Galindo', 'Sánchez', 'Headon', 'Abdiker', 'Chambers',
    'Zivkovic', 'Omari', 'Dwyer', 'Tanaka', 'Rodríguez', 'Martín', 'Dubois', 'Lefèvre', 'Diallo', 'Okafor', 'Ivanova', 'Rahman', 'Sharma',
    'Byrne', 'Moreau', 'Núñez', 'Ferreira'],
];
