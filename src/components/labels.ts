// User-facing strings of the cell components, per locale.
export const labels = {
  ko: {
    verdicts: { verified: '검증됨', drift: '불일치', ran: '실행됨', 'expected-error': '예상된 오류', error: '오류', hangs: '멈춤', skipped: '건너뜀' } as Record<string, string>,
    definesOnly: (names: string) => `${names}을(를) 정의만 합니다. 실행되는 코드는 없습니다.`,
    cpuOnly: '가상 시간이 0초인 것은 이 코드가 기다리지 않고 CPU로 계산만 하기 때문입니다. 가상 시계는 기다림(sleep, I/O)만 셉니다. 계산에 든 시간은 실제 비용입니다.',
    built: '빌드 실행', virtual: '가상 시간', real: '실제 비용', showTimes: '시각 표시', noOutput: '(출력 없음)',
    erratum: '정오표', stated: '문서에 적힌 출력', simulated: '시뮬레이션된 I/O (실제 네트워크 아님)',
    timeline: '실행 기록으로 그린 타임라인 (가상 초)', partial: '일부만 실행', readings: '이렇게 읽었습니다',
    diff: { legend: '문서와 실행 결과의 차이', removed: '문서에만 있음', added: '실행 결과에만 있음', context: '같음', gap: '같은 줄 생략' },
    errata: {
      total: '셀', errata: '정오표', passing: '검증 통과', all: '전체', byVerdict: '판정별', byDocument: '문서별',
      document: '문서', cells: '셀', cell: '셀', source: '원문 위치', verdict: '판정', reason: '이유',
      acknowledged: '설정에서 인정됨', unacknowledged: '인정되지 않음 (CI 실패)', none: '조건에 맞는 정오표가 없습니다.',
      showing: '보기', filters: '정오표 거르기', passingNote: '검증됨, 실행됨, 예상된 오류, 건너뜀',
    },
    transforms: {
      gutter: '코드와 함께 복사된 줄 번호를 지우고 실행했습니다.',
      'inline-output': '블록 끝의 출력 줄은 코드가 아니라 출력으로 보고, 실행하지 않고 비교했습니다.',
      autoawait: '함수 밖의 await는 Jupyter·IPython처럼 (최상위 await) 실행했습니다. 독자가 이 코드를 실행하는 곳이 그곳이기 때문입니다.',
      transcript: '대화형 세션: 각 문장을 차례로 실행해, 세션이 그 뒤에 보여 주는 내용과 비교했습니다.',
    } as Record<string, string>,
  },
  en: {
    verdicts: { verified: 'verified', drift: 'drift', ran: 'ran', 'expected-error': 'expected error', error: 'error', hangs: 'hangs', skipped: 'skipped' } as Record<string, string>,
    definesOnly: (names: string) => `Defines ${names}; nothing runs.`,
    cpuOnly: 'The virtual time is 0 because this code only computes and never waits: the virtual clock counts waiting (sleep, I/O), not computing. The time the computation took is the real cost.',
    built: 'build run', virtual: 'virtual time', real: 'real cost', showTimes: 'show times', noOutput: '(no output)',
    erratum: 'Erratum', stated: 'Output stated in the document', simulated: 'Simulated I/O (not a live call)',
    timeline: 'Timeline drawn from the recorded trace (virtual seconds)', partial: 'Partly run', readings: 'How this block was read',
    diff: { legend: 'What the document states against what the run printed', removed: 'only in the document', added: 'only in the run', context: 'same in both', gap: 'equal lines skipped' },
    errata: {
      total: 'cells', errata: 'Errata', passing: 'Passing', all: 'All', byVerdict: 'By verdict', byDocument: 'By document',
      document: 'Document', cells: 'Cells', cell: 'Cell', source: 'Source', verdict: 'Verdict', reason: 'Why',
      acknowledged: 'acknowledged in the settings', unacknowledged: 'not acknowledged (fails CI)', none: 'No errata match.',
      showing: 'Showing', filters: 'Filter the errata', passingNote: 'verified, ran, expected error, skipped',
    },
    transforms: {
      gutter: 'Line numbers copied with the code were removed before running.',
      'inline-output': 'The lines at the end of the block are its output, not code: they were compared, not run.',
      autoawait: 'The await outside a function runs as Jupyter and IPython run it (top-level await), because that is where readers run it.',
      transcript: 'An interactive session: each statement ran in turn and was compared with what the session shows after it.',
    } as Record<string, string>,
  },
};
