// What the app shell and other features use of notifications (decision record 0041).
export { refreshUnread, setUnread, useUnread } from './unread.ts';
