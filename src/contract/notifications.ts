// The signed-in user's notifications, rendered in the language of the request.
import { Type, type Static } from 'typebox';
import { Nullable } from './common.ts';

export const NotificationSchema = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  title: Type.String(),
  body: Type.String(),
  link: Nullable(Type.String()),
  createdAt: Type.String({ format: 'date-time' }),
  readAt: Nullable(Type.String({ format: 'date-time' })),
}, { title: 'Notification' });
export type Notification = Static<typeof NotificationSchema>;
