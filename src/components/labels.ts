// User-facing strings of the cell components, per locale.
export const labels = {
  ko: {
    verdicts: { verified: '검증됨', drift: '불일치', ran: '실행됨', 'expected-error': '예상된 오류', error: '오류', hangs: '멈춤', skipped: '건너뜀' } as Record<string, string>,
    virtual: '가상 시간', real: '실제 비용', showTimes: '시각 표시', noOutput: '(출력 없음)',
    erratum: '정오표', stated: '문서에 적힌 출력', simulated: '시뮬레이션된 I/O (실제 네트워크 아님)',
    timeline: '실행 기록으로 그린 타임라인 (가상 초)', partial: '일부만 실행',
  },
  en: {
    verdicts: { verified: 'verified', drift: 'drift', ran: 'ran', 'expected-error': 'expected error', error: 'error', hangs: 'hangs', skipped: 'skipped' } as Record<string, string>,
    virtual: 'virtual time', real: 'real cost', showTimes: 'show times', noOutput: '(no output)',
    erratum: 'Erratum', stated: 'Output stated in the document', simulated: 'Simulated I/O (not a live call)',
    timeline: 'Timeline drawn from the recorded trace (virtual seconds)', partial: 'Partly run',
  },
};
