// Korean texts of notifications (in-app and e-mail). The keys here are the keys every language must have.
export const ko = {
  'deadline-approaching': { title: '기한 {days}일 전: {subject}', body: '{subject}의 기한은 {due}입니다. 남은 기간: {days}일.' },
  'deadline-overdue': { title: '기한 경과: {subject}', body: '{subject}의 기한 {due}이(가) 지났습니다.' },
  transition: { title: '{subject}: {state}', body: '{actor}님이 {subject}을(를) "{state}" 상태로 바꾸었습니다.' },
  message: { title: '{subject}', body: '{text}' },
} as const;
