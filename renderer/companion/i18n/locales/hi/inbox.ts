import type { Translation } from '@renderer/companion/i18n/translation';
import type { inbox as en } from '../en/inbox';

/** The inbox: the clinic's messages to the patient (Hindi). */
export const inbox: Translation<typeof en> = {
  title: 'संदेश',
  empty: 'अभी कोई संदेश नहीं। क्लिनिक के रिमाइंडर और सूचनाएँ यहाँ दिखेंगी।',
  unreadCount_one: '{{count}} अपठित संदेश',
  unreadCount_other: '{{count}} अपठित संदेश',
  allRead: 'सभी संदेश पढ़ लिए गए।',
  unread: 'अपठित',
  markRead: 'पढ़ा हुआ चिह्नित करें',
  markAllRead: 'सभी को पढ़ा हुआ चिह्नित करें',
  received: '{{when}} को मिला',
};
