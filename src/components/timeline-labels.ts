// The timeline's words, per locale: what a bar means, what a task waited for, how it ended. Span
// kinds are the kernel's (src/kernel/python/vkernel/trace.py); a kind missing here is shown as is.
// A view of the translation tables (src/i18n/).
import { strings, type Strings } from '../i18n/index.ts';

export type TimelineLocale = 'ko' | 'en';
export type TimelineLabels = Strings['timeline'];

export const timelineLabels: Record<TimelineLocale, TimelineLabels> = { ko: strings.ko.timeline, en: strings.en.timeline };
