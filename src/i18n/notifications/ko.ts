// Korean texts of notifications (in-app and e-mail). The keys here are the keys every language must have.
export const ko = {
  'deadline-approaching': { title: '기한 {days}일 전: {subject}', body: '{subject}의 기한은 {due}입니다. 남은 기간: {days}일.' },
  'deadline-overdue': { title: '기한 경과: {subject}', body: '{subject}의 기한 {due}이(가) 지났습니다.' },
  transition: { title: '{subject}: {state}', body: '{actor}님이 {subject}을(를) "{state}" 상태로 바꾸었습니다.' },
  'expert-assigned': { title: '심사 배정: {subject}', body: '{actor}님이 {subject}의 전문가 심사를 배정했습니다. 이해충돌 여부를 신고한 뒤 시행령 제45조의 기준으로 평가해 주세요.' },
  'opinion-requested': { title: '의견 요청: {subject}', body: '{actor}님이 {subject}에 대한 귀 부처의 서면 의견을 {due}까지 요청했습니다 (법 제75조제2항).' },
  message: { title: '{subject}', body: '{text}' },
} as const;
