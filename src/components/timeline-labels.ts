// The timeline's words, per locale: what a bar means, what a task waited for, how it ended. Span
// kinds are the kernel's (src/kernel/python/vkernel/trace.py); a kind missing here is shown as is.
export type TimelineLocale = 'ko' | 'en';

export interface TimelineLabels {
  running: string;
  blocking: string;
  waits: Record<string, string>;
  finished: string;
  raised: (error: string) => string;
  cancelled: string;
  pending: string;
  notStarted: string;
  wholeRun: string;
  topLevel: (line: string) => string;
  more: (n: number) => string;
  name: (tasks: number, seconds: string) => string;
  table: { summary: string; task: string; started: string; waited: string; ended: string; nothing: string };
  legend: string;
  seconds: (s: string) => string;
}

export const timelineLabels: Record<TimelineLocale, TimelineLabels> = {
  en: {
    running: 'running',
    blocking: 'blocks the loop',
    waits: {
      sleep: 'sleep', lock: 'lock', semaphore: 'semaphore', event: 'event', condition: 'condition',
      queue: 'queue', barrier: 'barrier', wait_for: 'wait_for', wait: 'asyncio.wait', gather: 'gather',
      as_completed: 'as_completed', thread: 'a thread', taskgroup: 'task group', timeout: 'timeout',
      io: 'I/O', http: 'HTTP request', db: 'database', file: 'file', app: 'web app', task: 'a task',
      future: 'a future', join: 'join', busy: 'busy', select: 'the event loop',
    },
    finished: 'finished',
    raised: (error) => `raised ${error}`,
    cancelled: 'cancelled',
    pending: 'never finished',
    notStarted: 'never started',
    wholeRun: 'the whole cell',
    topLevel: (line) => `top level, line ${line}`,
    more: (n) => `+ ${n} more like this`,
    name: (tasks, seconds) => `Timeline of ${tasks} ${tasks === 1 ? 'task' : 'tasks and threads'} over ${seconds} virtual seconds`,
    table: { summary: 'The timeline as a table', task: 'Task', started: 'Started', waited: 'Waited for', ended: 'Ended', nothing: '–' },
    legend: 'Solid bars: running. Dashed bars: waiting (for what is written on the bar). Red: blocking the event loop. ✕ raised, ⊘ cancelled, … never finished.',
    seconds: (s) => `${s} s`,
  },
  ko: {
    running: '실행 중',
    blocking: '루프 차단',
    waits: {
      sleep: 'sleep', lock: '락', semaphore: '세마포어', event: '이벤트', condition: '조건 변수',
      queue: '큐', barrier: '배리어', wait_for: 'wait_for', wait: 'asyncio.wait', gather: 'gather',
      as_completed: 'as_completed', thread: '스레드', taskgroup: '태스크 그룹', timeout: '타임아웃',
      io: 'I/O', http: 'HTTP 요청', db: '데이터베이스', file: '파일', app: '웹 앱', task: '다른 태스크',
      future: 'Future', join: 'join', busy: '작업 중', select: '이벤트 루프',
    },
    finished: '완료',
    raised: (error) => `${error} 발생`,
    cancelled: '취소됨',
    pending: '끝나지 않음',
    notStarted: '시작되지 않음',
    wholeRun: '셀 전체',
    topLevel: (line) => `최상위 코드, ${line}행`,
    more: (n) => `같은 모양 ${n}개 더`,
    name: (tasks, seconds) => `태스크·스레드 ${tasks}개의 타임라인, 가상 시간 ${seconds}초`,
    table: { summary: '타임라인을 표로 보기', task: '태스크', started: '시작', waited: '기다린 것', ended: '끝', nothing: '–' },
    legend: '채워진 막대: 실행 중. 점선 막대: 기다리는 중 (막대에 적힌 것을). 빨간 막대: 이벤트 루프 차단. ✕ 예외 발생, ⊘ 취소, … 끝나지 않음.',
    seconds: (s) => `${s}초`,
  },
};
