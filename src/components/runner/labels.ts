// The runnable cells' words, per locale: a view of the translation tables (src/i18n/).
import { strings } from '../../i18n/index.ts';
import type { IconName } from '../icons.ts';

export const runnerLabels = { ko: strings.ko.runner, en: strings.en.runner };

/** The icon shown before a button's name (components/icons.ts), hidden from screen readers (the name is the words). */
export const BUTTON_ICONS: Record<'run' | 'stop' | 'replay' | 'run-all' | 'restart', IconName> = { run: 'run', stop: 'stop', replay: 'replay', 'run-all': 'run', restart: 'restart' };

export type RunnerLocale = keyof typeof runnerLabels;
export type RunnerLabels = (typeof runnerLabels)['ko'];

export function pageLocale(): RunnerLocale {
  return document.documentElement.lang.toLowerCase().startsWith('en') ? 'en' : 'ko';
}
