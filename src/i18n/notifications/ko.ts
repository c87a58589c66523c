// Korean texts of notifications (in-app and e-mail), ICU messages. The keys here are the keys every language must
// have (./catalogue.ts). A notification is stored as its kind and parameters and rendered in the reader's language
// when read (./index.ts): `state` names an event below, `deadline` a deadline, `rule` a citation (../violations).
export const ko = {
  kinds: {
    'deadline-approaching': { title: '기한 {days}일 전: {subject}', body: '{subject}의 기한은 {due, date, long}입니다. 남은 기간: {days}일.' },
    'deadline-overdue': { title: '기한 경과: {subject}', body: '{subject}의 기한 {due, date, long}이(가) 지났습니다.' },
    transition: { title: '{subject}: {state}', body: '{actor}님이 {subject}을(를) "{state}" 상태로 바꾸었습니다.' },
    'expert-assigned': { title: '심사 배정: {subject}', body: '{actor}님이 {subject}의 전문가 심사를 배정했습니다. 이해충돌 여부를 신고한 뒤 {rule}의 기준으로 평가해 주세요.' },
    'opinion-requested': { title: '의견 요청: {subject}', body: '{actor}님이 {subject}에 대한 귀 부처의 서면 의견을 {due, date, long}까지 요청했습니다({rule}).' },
    message: { title: '{subject}', body: '{text}' },
  },
  /** What happened, as the `state` of a transition notice. */
  events: {
    'plan:drafting': '작성 중', 'plan:signing_off': '서명 중', 'plan:submitted': '신청됨', 'plan:under_review': '검토 중',
    'plan:supplement_requested': '보완 요청됨', 'plan:returned': '반려됨', 'plan:deliberation': '위원회 심의 중', 'plan:designated': '지정됨',
    'plan:designated_with_conditions': '조건부 지정됨', 'plan:rejected': '지정되지 않음', 'plan:sent_back': '재검토 요구됨', 'plan:withdrawn': '철회됨',
    'report:accepted': '실증 보고서 승인', 'report:changes_requested': '실증 보고서 보완 요청',
    'incident:minor': '경미한 사고 보고', 'incident:serious': '중대한 사고 보고', 'incident:critical': '치명적 사고 보고',
    'exemption:suspended': '특례 효력 정지', 'exemption:suspension_lifted': '특례 효력 정지 해제',
    'rapid:filed': '신청됨', 'rapid:forwarded': '소관 부처에 전달됨: 30일 이내 회신({rule})', 'rapid:answered_locally': '지방자치단체가 회신함',
    'rapid:supplement_requested': '보완 요청됨: 부처의 처리 기간이 멈춤({rule})', 'rapid:supplement_provided': '보완 제출됨: 부처의 처리 기간이 다시 진행됨',
    'rapid:replied': '부처 회신: {answer}{outcome, select, answered { — 회신 완료} committee { — 특구위원회 심의로} other {}}',
    'rapid:decided': '특구위원회 결정: {answer}', 'rapid:deemed': '{due, date, long}까지 회신 없음: "허가 불필요"로 회신한 것으로 봄({rule})',
    'zone:expired': '{ended, date, long}에 지정 기간 만료, {until, date, long}까지 사후관리', 'zone:closed': '사후관리 종료',
    'zone:change_filed': '{minor, select, yes {경미한 변경 신청됨} other {변경 신청됨}}', 'zone:change_moved': '변경 {changeState}',
    'zone:evaluated': '{year}년 평가: {grade}{consequence, select, cancellation {, 지정 해제 경고({rule})} improvement {, 개선 조치 필요({rule})} other {}}',
    'zone:extended': '{until, date, long}까지 연장됨', 'zone:hearing_held': '청문 실시({ground})', 'zone:cancelled': '지정 해제({ground}), {until, date, long}까지 사후관리',
    'zone:data_requested': '자료 요청, 기한 {due, date, long}', 'zone:data_answered': '자료 요청에 회신함',
  },
  /** The deadline a deadline notice is about. */
  deadlines: {
    'plan-decision': '90일 이내 지정 결정', 'plan-ministry-reply': '부처의 30일 이내 의견 회신',
    'exemption-extension_window': '연장·법령 정비 요청 기간 종료', 'exemption-expiry': '특례 기간 만료', 'exemption-results_report': '실증 결과 보고 기한',
    'exemption-amendment_plan': '법령 정비 계획 제출 기한', 'zone-evaluation': '{year}년 운영 성과 평가', 'zone-period-end': '지정 기간 종료',
    'zone-change-reply': '변경에 대한 15일 이내 회신', 'zone-data': '사후관리 자료 제출', 'rapid-reply': '30일 이내 회신',
  },
  /** How a subject is named: with its deadline, or as a rapid-confirmation request. */
  subjects: { deadline: '{subject} — {deadline}({rule})', rapid: '신속확인 — {subject}' },
  values: {
    answers: { permit_needed: '허가 필요', no_permit_needed: '허가 불필요', not_our_matter: '소관 아님' },
    changeStates: { filed: '신청됨', under_review: '검토 중', approved: '승인됨', rejected: '거부됨', withdrawn: '철회됨' },
    grades: { excellent: '우수', good: '양호', fair: '보통', poor: '미흡' },
    grounds: {
      'purpose-unattainable': '목적 달성 불가', 'serious-side-effects': '중대한 부작용', fraud: '거짓이나 부정한 방법', 'change-of-circumstances': '사정 변경',
      'purpose-achieved': '목적 달성', 'poor-performance': '운영 성과 미흡',
    },
  },
  /** Who acted when no person did (a scheduled scan). */
  system: 'ZoneLink',
} as const;
