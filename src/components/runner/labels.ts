// The runnable cells' words, per locale: a view of the translation tables (src/i18n/).
import { strings } from '../../i18n/index.ts';

export const runnerLabels = { ko: strings.ko.runner, en: strings.en.runner };

/** Glyphs shown before a button's name, hidden from screen readers (the name is the words). */
export const GLYPHS: Partial<Record<'run' | 'stop' | 'replay' | 'run-all' | 'restart', string>> = { run: '▶', stop: '■', replay: '⏱', 'run-all': '▶', restart: '↻' };

export type RunnerLocale = keyof typeof runnerLabels;
export type RunnerLabels = (typeof runnerLabels)['ko'];

export function pageLocale(): RunnerLocale {
  return document.documentElement.lang.toLowerCase().startsWith('en') ? 'en' : 'ko';
}
